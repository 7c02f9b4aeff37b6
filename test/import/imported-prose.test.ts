// The N.* narrative ↔ table checks run on the prose an import brings in: sample 002 says it received 17
// applications, its 表三 says 95 (typed by hand from test/fixtures/samples/real/002.txt).
import { importReport } from '../../src/report/import';
import { readSample } from './sample-support';

describe('imported prose is checked against the imported tables', () => {
  it('002: 17 applications in the text, 95 in 表三', () => {
    const r = importReport(readSample('real/002.txt'));
    expect(r.narrativeFindings.map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/「受理政府信息公开申请 17 件」.*17.*总计」列为 95/)]),
    );
  });

  it('a report whose text agrees with its tables has no narrative finding', () => {
    const r = importReport(readSample('published-2021-gaoxinqu.txt'));
    expect(r.narrativeFindings).toEqual([]);
  });
});

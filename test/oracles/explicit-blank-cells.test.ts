// A table row with cell boundaries (tab, "|", an HTML <tr>) keeps an empty cell as an empty cell: a blank is not a 0,
// and it holds its column. An empty cell BEFORE the numbers (a spacer column of a web page's table) is no column
// of the format's, so it must not push the numbers one column right. The row is 宿迁市 2023's （一）予以公开 from
// test/fixtures/samples/real/004.txt, printed 1175 | 12 | 0 | 3 | 1 | 0 | 1191, here with 商业企业 left empty.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReport } from '../../src/report/import';
import { VALUE_CELL_BY_NAME, type CellContent } from '../../src/report';

const SAMPLE = readFileSync(join(__dirname, '../fixtures/samples/real/004.txt'), 'utf8');
const PRINTED = '（一）予以公开 | 1175 | 12 | 0 | 3 | 1 | 0 | 1191';
// 自然人 … 总计 of （一）予以公开 (docs/names.md), and what each should read.
const NAMES = ['person', 'business', 'research', 'charity', 'legal', 'other', 'total'].map((c) => `nb_t3_open_${c}`);
const EXPECTED: (number | null)[] = [1175, null, 0, 3, 1, 0, 1191];

const read = (values: readonly CellContent[]) =>
  NAMES.map((n) => {
    const v = values[VALUE_CELL_BY_NAME.get(n)!.index];
    return v.kind === 'number' ? v.value : v.kind === 'blank' ? null : `?${v.kind}`;
  });

describe('an explicit row with a leading empty cell and an empty cell among its numbers', () => {
  it('as "|" text: the leading cell is dropped, the inner one stays blank in its column', () => {
    expect(SAMPLE).toContain(PRINTED);
    const r = importReport(SAMPLE.replace(PRINTED, '（一）予以公开 |  | 1175 |  | 0 | 3 | 1 | 0 | 1191'), {
      kind: 'text',
    });
    expect(read(r.values)).toEqual(EXPECTED);
  });

  it('as tab-separated text', () => {
    const r = importReport(SAMPLE.replace(PRINTED, '（一）予以公开\t\t1175\t\t0\t3\t1\t0\t1191'), { kind: 'text' });
    expect(read(r.values)).toEqual(EXPECTED);
  });

  it('as an HTML table row', () => {
    // The sample as a web page: each "|" line a table row, the other lines paragraphs.
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const page = SAMPLE.replace(PRINTED, '（一）予以公开 |  | 1175 |  | 0 | 3 | 1 | 0 | 1191')
      .split('\n')
      .map((l) =>
        l.includes(' | ')
          ? `<table><tr>${l
              .split('|')
              .map((c) => `<td>${escape(c.trim())}</td>`)
              .join('')}</tr></table>`
          : `<p>${escape(l)}</p>`,
      )
      .join('\n');
    const r = importReport(`<html><body>${page}</body></html>`, { kind: 'html' });
    expect(read(r.values)).toEqual(EXPECTED);
  });
});

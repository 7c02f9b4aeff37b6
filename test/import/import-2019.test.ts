// A report in the 2019 trial format (written for this test from 国办公开办函〔2019〕60号): what has the same
// meaning in 2021 is read, everything else is reported by name, and no number is invented.
import { BLANK, evaluateRules, input } from '../../src/report';
import { importReport } from '../../src/report/import';
import { readSample } from './sample-support';

const r = importReport(readSample('synthetic-2019.txt'));
const value = (table: 'T2' | 'T3' | 'T4', row: string, col: string) => r.values[input(table, row, col).index];
const num = (value: number) => ({ kind: 'number', value });
const messages = r.diagnostics.map((d) => d.message);

describe('a 2019-format report', () => {
  it('is recognised as 2019', () => {
    expect(r.formatVersion).toBe('2019');
    expect(r.report.agency).toBe('某县人民政府办公室');
    expect(r.report.year).toBe(2021);
  });

  it('reads 本年新制作数量 as 本年制发件数 and 处理决定数量 as 本年处理决定数量', () => {
    expect(value('T2', 'norm', 'made')).toEqual(num(4));
    expect(value('T2', 'license', 'decisions')).toEqual(num(860));
    expect(value('T2', 'penalty', 'decisions')).toEqual(num(1200));
    expect(value('T2', 'coercion', 'decisions')).toEqual(num(18));
    expect(messages).toContainEqual(expect.stringContaining('「本年新制作数量」4 读作「本年制发件数」'));
  });

  it('leaves what 2019 does not have blank and names what was not imported', () => {
    expect(value('T2', 'norm', 'repealed')).toEqual(BLANK);
    expect(value('T2', 'norm', 'inforce')).toEqual(BLANK);
    expect(value('T2', 'fee', 'amount')).toEqual(BLANK);
    expect(messages).toContainEqual(expect.stringContaining('「对外公开总数量」31'));
    expect(messages).toContainEqual(
      expect.stringMatching(/表二「行政规范性文件」行.*「本年废止件数」、「现行有效件数」在 2019 年版中没有/),
    );
    expect(messages).toContainEqual(expect.stringContaining('表二「其他对外管理服务事项」行为 2019 年版格式'));
    expect(messages).toContainEqual(expect.stringContaining('表二「政府集中采购」行为 2019 年版格式'));
    expect(messages).toContainEqual(
      expect.stringMatching(
        /表二「行政事业性收费」行.*2021 年版的「本年收费金额（单位：万元）」在 2019 年版中没有，留空/,
      ),
    );
  });

  it('does not split a non-zero 2019 （六）其他处理 row, and says so', () => {
    for (const row of ['other_overdue', 'other_unpaid', 'other_other'])
      expect(value('T3', row, 'total')).toEqual(BLANK);
    expect(messages).toContainEqual(
      '表三使用 2019 年版格式的「（六）其他处理」单行（2 0 0 0 0 0 2）；2021 年版将其分为三项，无法确定如何拆分，三项留空',
    );
    expect(value('T3', 'total', 'total')).toEqual(num(11));
    expect(value('T4', 'review', 'total')).toEqual(num(1));
  });

  it('the gap is visible to the rules as blank cells, not as wrong numbers', () => {
    const findings = evaluateRules(r.values, { scopes: ['report'] });
    expect(findings.filter((f) => f.rule === 'blank').map((f) => f.key)).toEqual(
      expect.arrayContaining([input('T3', 'other_other', 'total').name, input('T2', 'fee', 'amount').name]),
    );
  });
});

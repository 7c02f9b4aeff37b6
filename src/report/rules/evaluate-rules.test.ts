// The evaluator at its edges, with literal expectations: numbers compared as a spreadsheet compares them (Excel keeps
// 15 significant digits, "Excel specifications and limits": number precision 15 digits; HyperFormula, which runs our
// compiled formulas in the oracles, says the same of each case below), a report read without last year's block, and
// a finding as the pane and `validate --json` receive it (only the fields it has; its sentence as the user reads it).
import { evaluateRules } from './evaluate-rules';
import type { Finding } from './finding';
import { INPUT_CELLS } from '../layout/input-cells';
import { BLANK, type CellContent } from '../model/cell-content';
import { num, set, setName, text, zeroReport } from '../../../test/support/report-values';

const only = (findings: readonly Finding[], rule: Finding['rule']) =>
  findings.filter((f) => f.rule === rule).map((f) => ({ key: f.key, left: f.left, right: f.right }));

/** 表三 row 一、本年新收 with its 自然人 and 商业企业 cells and its 总计. */
function newRow(person: number, business: number, total: number): CellContent[] {
  return set(
    set(set(zeroReport(), 'T3', 'new', 'person', person), 'T3', 'new', 'business', business),
    'T3',
    'new',
    'total',
    total,
  );
}

describe('sums compared as a spreadsheet compares them', () => {
  it('0.1 + 0.2 against a total of 0.3 is kept (binary floating point says 0.30000000000000004)', () => {
    expect(only(evaluateRules(newRow(0.1, 0.2, 0.3)), 'T3.row')).toEqual([]);
  });

  it('1000000.1 + 0.2 against 1000000.3 is kept: the tolerance grows with the numbers', () => {
    // The difference in binary is about 1.2e-10, far below the 15th significant digit of a million.
    expect(only(evaluateRules(newRow(1000000.1, 0.2, 1000000.3)), 'T3.row')).toEqual([]);
  });

  it('0.1 + 0.2 against 0.31, or 10 + 2 against 13, is broken', () => {
    expect(only(evaluateRules(newRow(0.1, 0.2, 0.31)), 'T3.row')).toEqual([
      { key: 'new', left: 0.31, right: 0.1 + 0.2 },
    ]);
    expect(only(evaluateRules(newRow(10, 2, 13)), 'T3.row')).toEqual([{ key: 'new', left: 13, right: 12 }]);
  });

  it('现行有效件数 ≥ 制发 − 废止 holds at equality and above, breaks below (T2.inforce, a warning)', () => {
    const t2 = (made: number, repealed: number, inforce: number) =>
      set(
        set(set(zeroReport(), 'T2', 'rule', 'made', made), 'T2', 'rule', 'repealed', repealed),
        'T2',
        'rule',
        'inforce',
        inforce,
      );
    expect(only(evaluateRules(t2(5, 2, 3)), 'T2.inforce')).toEqual([]);
    expect(only(evaluateRules(t2(5, 2, 40)), 'T2.inforce')).toEqual([]);
    expect(only(evaluateRules(t2(5, 2, 2)), 'T2.inforce')).toEqual([{ key: 'rule', left: 2, right: 3 }]);
    // 0.7 − 0.1 is 0.6 to a spreadsheet (0.59999999999999998 in binary): not fewer.
    expect(only(evaluateRules(t2(0.7, 0.1, 0.6)), 'T2.inforce')).toEqual([]);
  });
});

describe('a report without last year’s block', () => {
  it('reads as blank there: this year’s rules run, the cross-year ones wait', () => {
    // Only this year's cells (an older reader's array): 表三 二、上年结转 自然人 3 with nothing to hold it to.
    const v = zeroReport().slice(0, INPUT_CELLS.length);
    set(v, 'T3', 'carry', 'person', 3);
    set(v, 'T3', 'carry', 'total', 3);
    set(v, 'T3', 'next', 'person', 3);
    set(v, 'T3', 'next', 'total', 3);
    expect(evaluateRules(v)).toEqual([]);
  });

  it('and a short array whose 总计 cell is missing is a blank there, not a crash', () => {
    const nameOfLast = INPUT_CELLS[INPUT_CELLS.length - 1].name;
    const v = zeroReport().slice(0, INPUT_CELLS.length - 1);
    expect(evaluateRules(v, { scopes: ['report'] }).map((f) => `${f.rule}:${f.key}`)).toEqual([`blank:${nameOfLast}`]);
  });
});

describe('a finding as it is handed on', () => {
  it('a blank count says to fill 0; a blank agency or year says to fill it in', () => {
    const v = zeroReport();
    setName(v, 'nb_agency', BLANK);
    setName(v, 'nb_year', text(''));
    set(v, 'T4', 'review', 'pending', BLANK);
    const blanks = evaluateRules(v).filter((f) => f.rule === 'blank');
    expect(blanks.map((f) => [f.key, f.message])).toEqual([
      ['nb_agency', '「机关名称」为空，请填写'],
      ['nb_year', '「年度」为空，请填写'],
      ['nb_t4_review_pending', '表四「行政复议」行「尚未审结」列为空，没有发生的事项也应填写 0'],
    ]);
  });

  it('carries only the fields it has: a blank none of the numbers, a sum its two sides, a type problem its fix', () => {
    const v = zeroReport();
    set(v, 'T4', 'review', 'pending', BLANK);
    set(v, 'T4', 'direct', 'upheld', text('１２'));
    set(v, 'T4', 'after', 'upheld', num(-1));
    const plain = (f: Finding) => Object.fromEntries(Object.entries(f));
    const byRule = (rule: Finding['rule'], key: string) =>
      plain(evaluateRules(v).find((f) => f.rule === rule && f.key === key)!);
    expect(byRule('blank', 'nb_t4_review_pending')).toStrictEqual({
      rule: 'blank',
      severity: 'warning',
      key: 'nb_t4_review_pending',
      cells: ['nb_t4_review_pending'],
    });
    expect(byRule('type.count', 'nb_t4_direct_upheld')).toStrictEqual({
      rule: 'type.count',
      severity: 'error',
      key: 'nb_t4_direct_upheld',
      cells: ['nb_t4_direct_upheld'],
      problem: 'fullWidth',
      fix: 12,
    });
    expect(byRule('type.count', 'nb_t4_after_upheld')).toStrictEqual({
      rule: 'type.count',
      severity: 'error',
      key: 'nb_t4_after_upheld',
      cells: ['nb_t4_after_upheld'],
      problem: 'negative',
    });
    expect(byRule('T4.sum', 'after')).toStrictEqual({
      rule: 'T4.sum',
      severity: 'error',
      key: 'after',
      cells: [
        'nb_t4_after_total',
        'nb_t4_after_upheld',
        'nb_t4_after_corrected',
        'nb_t4_after_other',
        'nb_t4_after_pending',
      ],
      left: 0,
      right: -1,
    });
  });

  it('renders its sentence once and keeps it', () => {
    const [f] = evaluateRules(newRow(10, 2, 13)).filter((x) => x.rule === 'T3.row');
    expect(f.message).toBe('表三「一、本年新收政府信息公开申请数量」行：总计为 13，但各列之和为 12');
    expect(f.message).toBe(f.message);
    expect(JSON.parse(JSON.stringify(f)).message).toBe(f.message);
  });

  it('a negative count is named without a fix', () => {
    const v = set(zeroReport(), 'T4', 'after', 'upheld', num(-1));
    const f = evaluateRules(v).find((x) => x.rule === 'type.count')!;
    expect(f.message).toBe('表四「行政诉讼·复议后起诉」行「结果维持」列填写了负数 -1，应填写不小于 0 的整数');
  });
});

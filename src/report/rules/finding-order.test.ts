// The small helpers around findings and formulas, with hand-written expectations: the order findings are listed in
// (errors first, catalog order kept), the counts the pane shows, a finding as JSON (`validate --json` prints it),
// the progress of a half-filled report, and how formulas combine into one rule per cell and style.
import { countBySeverity, sortFindings, type Finding } from './finding';
import { evaluateRules, reportProgress } from './evaluate-rules';
import { fillTemplate } from './messages.zh-CN';
import { combineFormulas, formulaTest, relationFormula } from './to-formula';
import { relationCells } from './rule';
import { BLANK } from '../model/cell-content';
import { set, setName, zeroReport } from '../../../test/support/report-values';

const f = (rule: Finding['rule'], severity: Finding['severity'], key: string): Finding => ({
  rule,
  severity,
  key,
  cells: [key],
  message: key,
});

describe('findings as listed', () => {
  it('puts errors before warnings and keeps the order within each', () => {
    const list = [
      f('blank', 'warning', 'w1'),
      f('T3.row', 'error', 'e1'),
      f('blank', 'warning', 'w2'),
      f('T4.sum', 'error', 'e2'),
    ];
    expect(sortFindings(list).map((x) => x.key)).toEqual(['e1', 'e2', 'w1', 'w2']);
    expect(list.map((x) => x.key)).toEqual(['w1', 'e1', 'w2', 'e2']); // the input is not reordered
  });

  it('counts each severity', () => {
    expect(
      countBySeverity([f('blank', 'warning', 'a'), f('T3.row', 'error', 'b'), f('blank', 'warning', 'c')]),
    ).toEqual({
      error: 1,
      warning: 2,
    });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0 });
  });

  it('prints as JSON with its message and its numbers (validate --json)', () => {
    // 表四「行政复议」: 总计 0, parts 10 + 1 (洪泽区 2023 as printed).
    const v = set(
      set(set(zeroReport(), 'T4', 'review', 'upheld', 10), 'T4', 'review', 'corrected', 1),
      'T4',
      'review',
      'total',
      0,
    );
    const [finding] = evaluateRules(v);
    expect(JSON.parse(JSON.stringify(finding))).toEqual({
      rule: 'T4.sum',
      severity: 'error',
      key: 'review',
      cells: [
        'nb_t4_review_total',
        'nb_t4_review_upheld',
        'nb_t4_review_corrected',
        'nb_t4_review_other',
        'nb_t4_review_pending',
      ],
      left: 0,
      right: 11,
      message: '表四「行政复议」：总计为 0，但结果维持、结果纠正、其他结果、尚未审结之和为 11',
    });
  });
});

describe('progress of a half-filled report', () => {
  it('counts last year’s checks as waiting only when their scope is asked for', () => {
    // No last-year block: 7 X.carry and 2 X.inforce checks wait for it.
    expect(reportProgress(zeroReport(), { scopes: ['report'] }).incomplete).toBe(0);
    expect(reportProgress(zeroReport(), { scopes: ['previous'] }).incomplete).toBe(9);
    expect(reportProgress(zeroReport()).incomplete).toBe(9);
  });

  it('lists the blanks in template order and leaves the rest counted as filled', () => {
    const v = set(set(zeroReport(), 'T4', 'after', 'total', BLANK), 'T2', 'rule', 'made', BLANK);
    const p = reportProgress(v, { scopes: ['report'] });
    expect(p.blanks).toEqual(['nb_t2_rule_made', 'nb_t4_after_total']);
    expect([p.filled, p.total]).toEqual([200, 202]);
    // T2.inforce (规章) and T4.sum (复议后起诉) wait.
    expect(p.incomplete).toBe(2);
  });

  it('evaluates only the scopes asked for', () => {
    const v = setName(zeroReport(), 'nb_prev_t3_next_person', 4);
    expect(evaluateRules(v, { scopes: ['report'] })).toEqual([]);
    expect(evaluateRules(v, { scopes: ['previous'] }).map((x) => `${x.rule}:${x.key}`)).toEqual(['X.carry:person']);
  });
});

describe('message templates', () => {
  it('fills every placeholder and keeps one it has no word for', () => {
    expect(fillTemplate('{cell}为 {left}，{missing}', { cell: '表三', left: '3' })).toBe('表三为 3，{missing}');
    expect(fillTemplate('没有占位符', {})).toBe('没有占位符');
  });
});

describe('formulas', () => {
  it('combine into one OR, or stay as the one formula', () => {
    expect(combineFormulas(['A1>1'])).toBe('A1>1');
    expect(combineFormulas(['A1>1', 'B1<0'])).toBe('OR(A1>1,B1<0)');
    expect(() => combineFormulas([])).toThrow();
  });

  it('test for a formula without failing where ISFORMULA is unknown', () => {
    expect(formulaTest('nb_x')).toBe('IFERROR(ISFORMULA(nb_x),0)');
  });

  it('write a compare with a minus term and a blank-as-0 guard as the spec reads it', () => {
    // 现行有效件数 ≥ 本年制发件数 − 本年废止件数 (T2.inforce).
    expect(
      relationFormula({
        kind: 'compare',
        left: [{ name: 'nb_a', sign: 1 }],
        op: 'ge',
        right: [
          { name: 'nb_b', sign: 1 },
          { name: 'nb_c', sign: -1 },
        ],
      }),
    ).toBe('IF(COUNT(nb_a,nb_b,nb_c)=3,nb_a<SUM(nb_b)-SUM(nb_c))');
    // 补充信息 S.sum: blanks count as 0 once the required cells hold numbers.
    expect(
      relationFormula({
        kind: 'compare',
        left: [{ name: 'nb_t', sign: 1 }],
        op: 'eq',
        right: [
          { name: 'nb_p', sign: 1 },
          { name: 'nb_q', sign: 1 },
        ],
        required: ['nb_t', 'nb_p'],
        blankIsZero: true,
      }),
    ).toBe('IF(AND(COUNTA(nb_t,nb_p,nb_q)=COUNT(nb_t,nb_p,nb_q),COUNT(nb_t,nb_p)=2),SUM(nb_t)<>SUM(nb_p,nb_q))');
    expect(
      relationCells({ kind: 'compare', left: [{ name: 'a', sign: 1 }], op: 'eq', right: [{ name: 'a', sign: 1 }] }),
    ).toEqual(['a']);
  });

  it('refuse a type test for text cells', () => {
    expect(() => relationFormula({ kind: 'cellType', name: 'nb_agency', expect: 'text' })).toThrow();
  });
});

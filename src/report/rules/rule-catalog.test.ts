import { evaluateRules, reportProgress } from './evaluate-rules';
import { RULES, RULE_BY_ID, cellLabel } from './rule-catalog';
import { VALUE_CELL_BY_NAME } from '../layout/input-cells';
import { RULE_IDS, type RuleId } from './rule';
import { RULE_MESSAGES } from './messages.zh-CN';
import { checkFormula } from './to-formula';
import { BLANK, type CellContent } from '../model/cell-content';
import { gaoxinqu2021, num, set, setName, text, zeroReport } from '../../../test/support/report-values';
import type { NarrativeRuleId } from '../narrative/narrative-rules';

/** One failing and one passing report per rule; a Record, so a rule without cases does not compile. */
// N.* read the narrative text, not cells: their cases are in test/narrative/check-narrative.test.ts.
const CASES: Record<
  Exclude<RuleId, 'template.merged' | NarrativeRuleId>,
  { fail: () => CellContent[]; pass: () => CellContent[] }
> = {
  'T3.row': {
    fail: () => set(set(zeroReport(), 'T3', 'new', 'person', 3), 'T3', 'new', 'total', 2),
    pass: () => {
      const v = set(set(zeroReport(), 'T3', 'new', 'person', 3), 'T3', 'new', 'total', 3);
      return set(set(v, 'T3', 'next', 'person', 3), 'T3', 'next', 'total', 3);
    },
  },
  'T3.results': {
    fail: () => set(zeroReport(), 'T3', 'open', 'business', 1),
    pass: () => set(set(zeroReport(), 'T3', 'open', 'business', 1), 'T3', 'total', 'business', 1),
  },
  'T3.balance': {
    fail: () => set(zeroReport(), 'T3', 'carry', 'legal', 1),
    pass: () => set(set(zeroReport(), 'T3', 'carry', 'legal', 1), 'T3', 'next', 'legal', 1),
  },
  'T4.sum': {
    fail: () => set(zeroReport(), 'T4', 'direct', 'corrected', 2),
    pass: () => set(set(zeroReport(), 'T4', 'direct', 'corrected', 2), 'T4', 'direct', 'total', 2),
  },
  'type.count': {
    fail: () => set(zeroReport(), 'T4', 'review', 'upheld', text('2件')),
    pass: () => set(zeroReport(), 'T4', 'review', 'upheld', 0),
  },
  'type.amount': {
    fail: () => set(zeroReport(), 'T2', 'fee', 'amount', 1.23456),
    pass: () => set(zeroReport(), 'T2', 'fee', 'amount', 1.2345),
  },
  'type.year': {
    fail: () => setName(zeroReport(), 'nb_year', text('2025年')),
    pass: () => setName(zeroReport(), 'nb_year', 2025),
  },
  blank: {
    fail: () => set(zeroReport(), 'T2', 'license', 'decisions', BLANK),
    pass: () => zeroReport(),
  },
  'T2.inforce': {
    fail: () => set(set(zeroReport(), 'T2', 'rule', 'made', 3), 'T2', 'rule', 'repealed', 1),
    pass: () =>
      set(set(set(zeroReport(), 'T2', 'rule', 'made', 3), 'T2', 'rule', 'repealed', 1), 'T2', 'rule', 'inforce', 2),
  },
  'X.carry': {
    fail: () => setName(zeroReport(), 'nb_prev_t3_next_person', 4),
    pass: () =>
      set(
        set(setName(zeroReport(), 'nb_prev_t3_next_person', 4), 'T3', 'carry', 'person', 4),
        'T3',
        'carry',
        'total',
        4,
      ),
  },
  'X.inforce': {
    fail: () => setName(zeroReport(), 'nb_prev_t2_norm_inforce', 10),
    pass: () => set(setName(zeroReport(), 'nb_prev_t2_norm_inforce', 10), 'T2', 'norm', 'inforce', 10),
  },
  'S.type': {
    fail: () => setName(zeroReport(), 'nb_sup_fee_notices', text('3件')),
    pass: () => setName(setName(zeroReport(), 'nb_sup_fee_notices', 3), 'nb_sup_fee_collected', 120.5),
  },
  'S.sum': {
    fail: () => setName(setName(zeroReport(), 'nb_sup_open_total', 422), 'nb_sup_open_cat1_count', 361),
    pass: () => {
      const v = setName(setName(zeroReport(), 'nb_sup_open_total', 422), 'nb_sup_open_cat1_count', 361);
      return setName(setName(v, 'nb_sup_open_cat2_count', 18), 'nb_sup_open_cat3_count', 43);
    },
  },
};

const rulesIn = (values: CellContent[]) => new Set(evaluateRules(values).map((f) => f.rule));

describe('the rule catalog', () => {
  it('lists every rule id once, each with a title, a basis and a message', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
    for (const r of RULES) {
      expect(r.title.length).toBeGreaterThan(4);
      expect(r.basis.length).toBeGreaterThan(4);
      expect(RULE_MESSAGES[r.id]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has the check counts the format implies', () => {
    const count = (id: RuleId) => RULE_BY_ID.get(id)!.checks.length;
    expect([count('T3.row'), count('T3.results'), count('T3.balance'), count('T4.sum')]).toEqual([25, 7, 7, 3]);
    expect([count('type.count'), count('type.amount'), count('blank')]).toEqual([199, 1, 202]);
  });

  it('compiles every check to a formula over defined names only', () => {
    for (const r of RULES)
      for (const c of r.checks) {
        const f = checkFormula(c);
        expect(f).not.toMatch(/\$?[A-Z]{1,3}\$?\d+(?![\w])/); // no A1 reference
        expect(f).not.toMatch(/\b(TRUE|FALSE)\b(?!\()/); // no boolean literal
      }
  });

  it('passes the consistent seed sample (高新区 2021) with no finding at all', () => {
    expect(evaluateRules(gaoxinqu2021())).toEqual([]);
  });

  describe.each(Object.keys(CASES) as (keyof typeof CASES)[])('%s', (id) => {
    it('reports the failing case', () => expect(rulesIn(CASES[id].fail())).toContain(id));
    it('stays quiet on the passing case', () => expect(rulesIn(CASES[id].pass())).not.toContain(id));
  });
});

describe('messages, as the user reads them', () => {
  const messages = (values: CellContent[]) => evaluateRules(values).map((f) => f.message);

  it('names the row, the total and the sum for T3.row', () => {
    const v = set(
      set(set(zeroReport(), 'T3', 'new', 'person', 3), 'T3', 'new', 'research', 2),
      'T3',
      'new',
      'total',
      4,
    );
    expect(messages(v)).toContain('表三「一、本年新收政府信息公开申请数量」行：总计为 4，但各列之和为 5');
  });

  it('explains a full-width digit and offers the fix without applying it', () => {
    const v = set(zeroReport(), 'T3', 'open', 'person', text('２'));
    const f = evaluateRules(v).find((x) => x.rule === 'type.count')!;
    expect(f.message).toBe(
      '表三「（一）予以公开」行「自然人」列填写了全角数字「２」（可改为 2），应填写不小于 0 的整数',
    );
    expect(f.fix).toBe(2);
    // The finding marks the cell typed into, and only it (docs/names.md: 表三（一）予以公开 自然人).
    expect(f.cells).toEqual(['nb_t3_open_person']);
  });

  it.each([
    [text('2'), '填写的「2」是文本而不是数字（可改为 2）'],
    [text(' 3 '), '填写的「 3 」是文本而不是数字（可改为 3）'],
    [text('1,000'), '填写的「1,000」是文本而不是数字（可改为 1000）'],
    [text('2件'), '填写了带单位的「2件」（可改为 2）'],
    [text('二'), '填写了文字「二」'],
    [num(-1), '填写了负数 -1'],
    [num(1.5), '填写了小数 1.5'],
    [num(1e20), '的数值 100000000000000000000 过大'],
    [{ kind: 'error', code: '#N/A' } as CellContent, '为错误值 #N/A'],
    [{ kind: 'error', code: '#REF!' } as CellContent, '为错误值 #REF!'],
    [{ kind: 'date', iso: '2025-01-02' } as CellContent, '为日期 2025-01-02'],
    [{ kind: 'bool', value: true } as CellContent, '为逻辑值 TRUE'],
    [{ kind: 'number', value: 2, formula: '=1+1' } as CellContent, '填写的是公式「=1+1」（计算结果 2）'],
  ])('says what is wrong with %j in a count cell', (content, phrase) => {
    const f = evaluateRules(set(zeroReport(), 'T4', 'after', 'pending', content)).filter(
      (x) => x.rule === 'type.count',
    );
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe(`表四「行政诉讼·复议后起诉」行「尚未审结」列${phrase}，应填写不小于 0 的整数`);
  });

  it('does not assert a sum while one of its cells is not a number (the type finding says why)', () => {
    const v = set(set(zeroReport(), 'T4', 'review', 'upheld', text('2件')), 'T4', 'review', 'total', 2);
    expect([...rulesIn(v)]).toEqual(['type.count']);
  });

  it('leaves a sum with a blank cell 未填完 (neither kept nor broken) and names only the blank', () => {
    const v = set(zeroReport(), 'T3', 'new', 'total', BLANK);
    const found = evaluateRules(v);
    // The row total and the column balance both read the blank total: neither is asserted yet.
    expect(found.map((f) => `${f.rule}:${f.key}`)).toEqual(['blank:nb_t3_new_total']);
    const progress = reportProgress(v, { scopes: ['report'] });
    expect(progress.blanks).toEqual(['nb_t3_new_total']);
    expect(progress.filled).toBe(progress.total - 1);
    // 表三「一、本年新收」行（总计列）and 「总计」列 of the balance rule: 2 checks wait for it.
    expect(progress.incomplete).toBe(2);
    // Once filled (wrongly), the row rule speaks.
    expect([...rulesIn(set(v, 'T3', 'new', 'total', 5))].sort()).toEqual(['T3.balance', 'T3.row']);
  });

  it('reads cross-year rules only when last year is there', () => {
    const v = set(zeroReport(), 'T3', 'carry', 'person', 3);
    expect(rulesIn(v)).not.toContain('X.carry');
    setName(v, 'nb_prev_t3_next_person', 2);
    const f = evaluateRules(v).find((x) => x.rule === 'X.carry')!;
    expect(f.message).toBe('表三「自然人」列：二、上年结转为 3，但上年报告的四、结转下年度继续办理为 2');
  });
});

describe('cellLabel: a cell as the messages name it', () => {
  // The labels of the spec's tables (shared/spec/format-2021.md) and of the 补充信息 sheet (docs/names.md).
  it.each([
    ['nb_agency', '「机关名称」'],
    ['nb_t3_open_person', '表三「（一）予以公开」行「自然人」列'],
    ['nb_t2_license_decisions', '表二「行政许可」行「本年处理决定数量」列'],
    ['nb_sup_open_total', '补充信息「主动公开信息总数（条）」'],
  ])('%s is %s', (name, label) => expect(cellLabel(VALUE_CELL_BY_NAME.get(name)!)).toBe(label));
});

describe('S.sum and its required cells', () => {
  it('S.sum waits for the breakdown: a total alone is a complete answer, a blank total is not compared', () => {
    const totalOnly = setName(setName(zeroReport(), 'nb_sup_open_total', 422), 'nb_sup_open_cat1_count', BLANK);
    expect(rulesIn(totalOnly)).not.toContain('S.sum');
    // The first category starts the check: 422 against 361 (the other categories 0).
    expect(rulesIn(setName(totalOnly, 'nb_sup_open_cat1_count', 361))).toContain('S.sum');
    const noTotal = setName(setName(zeroReport(), 'nb_sup_open_total', BLANK), 'nb_sup_open_cat1_count', 361);
    expect(rulesIn(noTotal)).not.toContain('S.sum');
    // A category left blank counts as 0 once the breakdown is started: 361 = 361 + (blank) + 0 + ….
    const blankPart = setName(setName(zeroReport(), 'nb_sup_open_total', 361), 'nb_sup_open_cat1_count', 361);
    expect(rulesIn(setName(blankPart, 'nb_sup_open_cat2_count', BLANK))).not.toContain('S.sum');
  });

  it('a table sum with a blank cell is not asserted, even where the filled cells disagree with it', () => {
    // 表三 row 一: 自然人 3, 总计 blank. Blank is not 0 in the tables (the 未填完 rule): no T3.row until it is filled.
    const v = set(set(zeroReport(), 'T3', 'new', 'person', 3), 'T3', 'new', 'total', BLANK);
    expect(rulesIn(v)).not.toContain('T3.row');
    expect(rulesIn(set(v, 'T3', 'new', 'total', 2))).toContain('T3.row');
  });
});

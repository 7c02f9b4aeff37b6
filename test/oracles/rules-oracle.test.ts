// Independent oracles for every relation rule of the catalog (spec §Rules): real published reports, copied by hand
// (published-reports.ts), each with the literal list of findings the spec makes of it — the rule, the cell it marks
// by the spec's Chinese labels, the severity and the numbers. Failing cases are the real 洪泽 2023 表四 or a real
// report with one mistake of the kind agencies make, the expectation worked out by hand in the comment above it.
// Both interpreters are held to the same list: the evaluator, and the compiled formulas run by HyperFormula.
import { HyperFormula } from 'hyperformula';
import { ALL_VALUE_CELLS, CHECKS, checkFormula, evaluateRules, type CellContent } from '../../src/report';
import {
  GAOXINQU_2021_OPEN,
  HONGZE_2023,
  HUAIAN_2024,
  SUQIAN_2023,
  SUQIAN_2024,
  type PublishedReport,
} from './published-reports';
import { asExpected, byRuleAndCell, namedFigures, valuesOf, type Expected, type Value } from './report-cells';
import { SPEC_LABELS, T3_COLUMNS, cellName, previousName } from './spec-cells';

/** A report's figures with some cells changed, by the spec's labels. */
function figures(r: PublishedReport, changes: readonly [name: string, v: Value][] = []): Map<string, Value> {
  const f = namedFigures(r);
  for (const [name, v] of changes) {
    if (!SPEC_LABELS.has(name) && !name.startsWith('nb_prev_')) throw new Error(`not a cell: ${name}`);
    f.set(name, v);
  }
  return f;
}

/** Last year's block (上年数据) from last year's report: 四、结转下年度继续办理 and the two 现行有效件数. */
function previousOf(last: PublishedReport): [string, Value][] {
  const next = last.t3['四、结转下年度继续办理'];
  return [
    ...T3_COLUMNS.map((c, i): [string, Value] => [
      previousName(cellName('表三', '四、结转下年度继续办理', c)),
      next[i],
    ]),
    [previousName(cellName('表二', '规章', '现行有效件数')), last.t2['规章'][2]],
    [previousName(cellName('表二', '行政规范性文件', '现行有效件数')), last.t2['行政规范性文件'][2]],
  ];
}

const T3 = (row: string, column: string) => cellName('表三', row, column);
const NEW = '一、本年新收政府信息公开申请数量';
const CARRY = '二、上年结转政府信息公开申请数量';
const TOTAL = '（七）总计';
const NEXT = '四、结转下年度继续办理';
const at = (table: string, row: string, column?: string) => [table, row, column].filter(Boolean).join('｜');

interface OracleCase {
  readonly name: string;
  readonly figures: Map<string, Value>;
  readonly expected: readonly Expected[];
}

const CASES: readonly OracleCase[] = [
  // ---- passing: real reports whose printed totals agree ---------------------------------------------------------
  { name: '淮安市 2024 as published', figures: figures(HUAIAN_2024), expected: [] },
  { name: '宿迁市 2023 as published', figures: figures(SUQIAN_2023), expected: [] },
  // X.carry / X.inforce on real figures: 2024's 二 = 2023's 四 (118 3 0 0 0 0 121); 规章 11 + 2 − 1 = 12,
  // 行政规范性文件 597 + 50 − 227 = 420.
  {
    name: '宿迁市 2024 with 宿迁市 2023 as last year',
    figures: figures(SUQIAN_2024, previousOf(SUQIAN_2023)),
    expected: [],
  },
  // ---- T4.sum: the real error of 洪泽区 2023 --------------------------------------------------------------------
  // 行政复议 printed 10 + 1 + 0 + 0 with 总计 0; 复议后起诉 5 + 0 + 0 + 0 with 总计 0.
  {
    name: '洪泽区 2023 as published',
    figures: figures(HONGZE_2023),
    expected: [
      { rule: 'T4.sum', cell: at('表四', '行政复议', '总计'), severity: 'error', left: 0, right: 11 },
      { rule: 'T4.sum', cell: at('表四', '复议后起诉', '总计'), severity: 'error', left: 0, right: 5 },
    ],
  },
  // ---- T3.row: 淮安 2024 with 一 总计 typed 3191 for 3119 ---------------------------------------------------------
  // Row: 3001 + 53 + 0 + 0 + 61 + 4 = 3119 ≠ 3191. Balance, 总计 column: 3191 + 34 = 3225 vs 3050 + 103 = 3153.
  {
    name: '淮安市 2024, 一、本年新收 总计 typed 3191',
    figures: figures(HUAIAN_2024, [[T3(NEW, '总计'), 3191]]),
    expected: [
      { rule: 'T3.row', cell: at('表三', NEW, '总计'), severity: 'error', left: 3191, right: 3119 },
      { rule: 'T3.balance', cell: at('表三', NEXT, '总计'), severity: 'error', left: 3225, right: 3153 },
    ],
  },
  // ---- T3.results: 淮安 2024 with the （七）总计 row summed without its last row, （六）3.其他 (108 2 0 0 0 0 110) ------
  // （七）总计 becomes 2824 51 0 0 61 4 2940: its own row still adds up (2824 + 51 + 61 + 4 = 2940), but each column's
  // results add up to 2932, 53 and 3050. Balance: 3001 + 34 vs 2824 + 103; 53 + 0 vs 51 + 0; 3119 + 34 vs 2940 + 103.
  {
    name: '淮安市 2024, （七）总计 without （六）3.其他',
    figures: figures(HUAIAN_2024, [
      [T3(TOTAL, '自然人'), 2824],
      [T3(TOTAL, '商业企业'), 51],
      [T3(TOTAL, '总计'), 2940],
    ]),
    expected: [
      { rule: 'T3.results', cell: at('表三', TOTAL, '自然人'), severity: 'error', left: 2824, right: 2932 },
      { rule: 'T3.results', cell: at('表三', TOTAL, '商业企业'), severity: 'error', left: 51, right: 53 },
      { rule: 'T3.results', cell: at('表三', TOTAL, '总计'), severity: 'error', left: 2940, right: 3050 },
      { rule: 'T3.balance', cell: at('表三', NEXT, '自然人'), severity: 'error', left: 3035, right: 2927 },
      { rule: 'T3.balance', cell: at('表三', NEXT, '商业企业'), severity: 'error', left: 53, right: 51 },
      { rule: 'T3.balance', cell: at('表三', NEXT, '总计'), severity: 'error', left: 3153, right: 3043 },
    ],
  },
  // ---- T3.balance: 宿迁 2024 with 四、结转下年度 copied from 2023 (118 3 0 0 0 0 121) ------------------------------
  // 商业企业 75 + 3 = 78 vs 73 + 3 = 76; 法律服务机构 6 + 0 vs 5 + 0; 其他 3 + 0 vs 2 + 0; 总计 3525 + 121 = 3646 vs
  // 3521 + 121 = 3642. 自然人 3440 + 118 = 3440 + 118 still holds; the row itself adds up (118 + 3 = 121).
  {
    name: '宿迁市 2024, 四、结转下年度 copied from 2023',
    figures: figures(SUQIAN_2024, [
      [T3(NEXT, '商业企业'), 3],
      [T3(NEXT, '法律服务机构'), 0],
      [T3(NEXT, '其他'), 0],
      [T3(NEXT, '总计'), 121],
    ]),
    expected: [
      { rule: 'T3.balance', cell: at('表三', NEXT, '商业企业'), severity: 'error', left: 78, right: 76 },
      { rule: 'T3.balance', cell: at('表三', NEXT, '法律服务机构'), severity: 'error', left: 6, right: 5 },
      { rule: 'T3.balance', cell: at('表三', NEXT, '其他'), severity: 'error', left: 3, right: 2 },
      { rule: 'T3.balance', cell: at('表三', NEXT, '总计'), severity: 'error', left: 3646, right: 3642 },
    ],
  },
  // ---- T2.inforce: 宿迁 2024 规章 现行有效件数 typed 0: 0 < 2 − 1. (淮安 2024 passes with 11 > 1 − 0 and
  // 66 > 8 − 26: more in force than made minus repealed is the normal case, not equality.)
  {
    name: '宿迁市 2024, 规章 现行有效件数 0',
    figures: figures(SUQIAN_2024, [[cellName('表二', '规章', '现行有效件数'), 0]]),
    expected: [
      { rule: 'T2.inforce', cell: at('表二', '规章', '现行有效件数'), severity: 'warning', left: 0, right: 1 },
    ],
  },
  // ---- X.carry: 宿迁 2024 with last year's 四 taken from 2024's own (118 5 0 0 1 1 125) ---------------------------
  // 二、上年结转 3 vs 5 (商业企业), 0 vs 1 (法律服务机构), 0 vs 1 (其他), 121 vs 125 (总计); 自然人 118 = 118.
  {
    name: '宿迁市 2024, last year’s 四 copied from this year',
    figures: figures(SUQIAN_2024, [
      ...previousOf(SUQIAN_2023),
      ...T3_COLUMNS.map((c, i): [string, Value] => [previousName(T3(NEXT, c)), [118, 5, 0, 0, 1, 1, 125][i]]),
    ]),
    expected: [
      { rule: 'X.carry', cell: at('表三', CARRY, '商业企业'), severity: 'error', left: 3, right: 5 },
      { rule: 'X.carry', cell: at('表三', CARRY, '法律服务机构'), severity: 'error', left: 0, right: 1 },
      { rule: 'X.carry', cell: at('表三', CARRY, '其他'), severity: 'error', left: 0, right: 1 },
      { rule: 'X.carry', cell: at('表三', CARRY, '总计'), severity: 'error', left: 121, right: 125 },
    ],
  },
  // ---- X.inforce: 宿迁 2024 with last year's 现行有效件数 taken from 2023's 本年制发件数 (2 and 109) -------------------
  // 规章 12 vs 2 + 2 − 1 = 3; 行政规范性文件 420 vs 109 + 50 − 227 = −68.
  {
    name: '宿迁市 2024, last year’s 现行有效件数 from the wrong column',
    figures: figures(SUQIAN_2024, [
      ...previousOf(SUQIAN_2023),
      [previousName(cellName('表二', '规章', '现行有效件数')), 2],
      [previousName(cellName('表二', '行政规范性文件', '现行有效件数')), 109],
    ]),
    expected: [
      { rule: 'X.inforce', cell: at('表二', '规章', '现行有效件数'), severity: 'warning', left: 12, right: 3 },
      {
        rule: 'X.inforce',
        cell: at('表二', '行政规范性文件', '现行有效件数'),
        severity: 'warning',
        left: 420,
        right: -68,
      },
    ],
  },
  // ---- type.count: "72件" in 表四 行政复议 结果维持 (淮安 2024 prints 72): the unit is offered off; the 表四 sum waits.
  {
    name: '淮安市 2024, 行政复议 结果维持 typed 72件',
    figures: figures(HUAIAN_2024, [[cellName('表四', '行政复议', '结果维持'), '72件']]),
    expected: [
      {
        rule: 'type.count',
        cell: at('表四', '行政复议', '结果维持'),
        severity: 'error',
        problem: 'withUnit',
        fix: 72,
      },
    ],
  },
  // ---- type.count and blank: 洪泽 2023 with 规章 printed "/" (a 区 has no 规章) or left blank (规章（县级无此项）).
  // Either way 规章's T2.inforce is not asserted; the real 表四 errors stay.
  {
    name: '洪泽区 2023, 规章 row printed "/"',
    figures: figures(HONGZE_2023, [
      [cellName('表二', '规章', '本年制发件数'), '/'],
      [cellName('表二', '规章', '本年废止件数'), '/'],
      [cellName('表二', '规章', '现行有效件数'), '/'],
    ]),
    expected: [
      { rule: 'T4.sum', cell: at('表四', '行政复议', '总计'), severity: 'error', left: 0, right: 11 },
      { rule: 'T4.sum', cell: at('表四', '复议后起诉', '总计'), severity: 'error', left: 0, right: 5 },
      { rule: 'type.count', cell: at('表二', '规章', '本年制发件数'), severity: 'error', problem: 'text' },
      { rule: 'type.count', cell: at('表二', '规章', '本年废止件数'), severity: 'error', problem: 'text' },
      { rule: 'type.count', cell: at('表二', '规章', '现行有效件数'), severity: 'error', problem: 'text' },
    ],
  },
  {
    name: '洪泽区 2023, 规章 row left blank',
    figures: figures(HONGZE_2023, [
      [cellName('表二', '规章', '本年制发件数'), null],
      [cellName('表二', '规章', '本年废止件数'), null],
      [cellName('表二', '规章', '现行有效件数'), null],
    ]),
    expected: [
      { rule: 'T4.sum', cell: at('表四', '行政复议', '总计'), severity: 'error', left: 0, right: 11 },
      { rule: 'T4.sum', cell: at('表四', '复议后起诉', '总计'), severity: 'error', left: 0, right: 5 },
      { rule: 'blank', cell: at('表二', '规章', '本年制发件数'), severity: 'warning' },
      { rule: 'blank', cell: at('表二', '规章', '本年废止件数'), severity: 'warning' },
      { rule: 'blank', cell: at('表二', '规章', '现行有效件数'), severity: 'warning' },
    ],
  },
  // ---- type.amount: 淮安 2024's 96171.6 typed with its unit; 宿迁 2023's 59237.2449 (4 decimals, passes above)
  // with a fifth decimal.
  {
    name: '淮安市 2024, 收费金额 typed 96171.6万元',
    figures: figures(HUAIAN_2024, [[cellName('表二', '行政事业性收费', '本年收费金额（单位：万元）'), '96171.6万元']]),
    expected: [
      {
        rule: 'type.amount',
        cell: at('表二', '行政事业性收费', '本年收费金额（单位：万元）'),
        severity: 'error',
        problem: 'withUnit',
        fix: 96171.6,
      },
    ],
  },
  {
    name: '宿迁市 2023, 收费金额 with a fifth decimal',
    figures: figures(SUQIAN_2023, [[cellName('表二', '行政事业性收费', '本年收费金额（单位：万元）'), 59237.24491]]),
    expected: [
      {
        rule: 'type.amount',
        cell: at('表二', '行政事业性收费', '本年收费金额（单位：万元）'),
        severity: 'error',
        problem: 'tooManyDecimals',
      },
    ],
  },
  // ---- type.year: 年度 typed 2024年 (the cover says "2024 年政府信息公开工作年度报告").
  {
    name: '淮安市 2024, 年度 typed 2024年',
    figures: figures(HUAIAN_2024, [[cellName('封面', '年度'), '2024年']]),
    expected: [{ rule: 'type.year', cell: at('封面', '年度'), severity: 'error', problem: 'text' }],
  },
  // ---- type.count, each kind of wrong content the spec names ("2件", "二", negative numbers, decimals, errors like
  // #N/A; full-width digits offer the fix), in 淮安 2024's 表三（一）予以公开 商业企业 (printed 21). A text, an error or
  // a boolean leaves the sums through that cell waiting (未填完); a wrong NUMBER is still added up: the row
  // 1288 + x + 0 + 0 + 50 + 3 against 1362, the column's results 53 − 21 + x against 53.
  ...(
    [
      ['二十一', 'text', undefined],
      ['２１', 'fullWidth', 21],
      ['21件', 'withUnit', 21],
      [{ kind: 'error', code: '#N/A' }, 'error', undefined],
      [{ kind: 'bool', value: true }, 'bool', undefined],
      [-21, 'negative', undefined],
      [21.5, 'fraction', undefined],
      [100_000_000, 'tooLarge', undefined],
    ] as const
  ).map(([typed, problem, fix]): OracleCase => ({
    name: `淮安市 2024, （一）予以公开 商业企业 typed ${JSON.stringify(typed)}`,
    figures: figures(HUAIAN_2024, [[T3('（一）予以公开', '商业企业'), typed as Value]]),
    expected: [
      {
        rule: 'type.count',
        cell: at('表三', '（一）予以公开', '商业企业'),
        severity: 'error',
        problem,
        ...(fix !== undefined ? { fix } : {}),
      },
      ...(typeof typed === 'number'
        ? [
            {
              rule: 'T3.row',
              cell: at('表三', '（一）予以公开', '总计'),
              severity: 'error' as const,
              left: 1362,
              right: { [-21]: 1320, 21.5: 1362.5, 100000000: 100001341 }[typed],
            },
            {
              rule: 'T3.results',
              cell: at('表三', TOTAL, '商业企业'),
              severity: 'error' as const,
              left: 53,
              right: { [-21]: 11, 21.5: 53.5, 100000000: 100000032 }[typed],
            },
          ]
        : []),
    ],
  })),
  // Sums compare as a spreadsheet compares numbers (to about 15 digits): 0.1 + 0.2 is 0.3, although in binary it is
  // 0.30000000000000004. 洪泽 2023's 未经复议直接起诉 (all 0) with 0.1, 0.2 and 总计 0.3: the decimals are findings, the
  // sum is not.
  {
    name: '洪泽区 2023, 未经复议直接起诉 0.1 + 0.2 = 0.3',
    figures: figures(HONGZE_2023, [
      [cellName('表四', '未经复议直接起诉', '结果维持'), 0.1],
      [cellName('表四', '未经复议直接起诉', '结果纠正'), 0.2],
      [cellName('表四', '未经复议直接起诉', '总计'), 0.3],
    ]),
    expected: [
      { rule: 'T4.sum', cell: at('表四', '行政复议', '总计'), severity: 'error', left: 0, right: 11 },
      { rule: 'T4.sum', cell: at('表四', '复议后起诉', '总计'), severity: 'error', left: 0, right: 5 },
      ...(['结果维持', '结果纠正', '总计'] as const).map((c): Expected => ({
        rule: 'type.count',
        cell: at('表四', '未经复议直接起诉', c),
        severity: 'error',
        problem: 'fraction',
      })),
    ],
  },
  // type.year: before the 2021 format (2020), after the form's range (2101), a fraction; 2021 is the first valid.
  ...(
    [
      [2020, 'yearRange'],
      [2101, 'yearRange'],
      [2024.5, 'yearRange'],
    ] as const
  ).map(([typed, problem]): OracleCase => ({
    name: `淮安市 2024, 年度 typed ${typed}`,
    figures: figures(HUAIAN_2024, [[cellName('封面', '年度'), typed]]),
    expected: [{ rule: 'type.year', cell: at('封面', '年度'), severity: 'error', problem }],
  })),
  // The message promises 「2021 至 2100 之间的四位年份」: both ends are valid.
  { name: '淮安市 2024, 年度 2021', figures: figures(HUAIAN_2024, [[cellName('封面', '年度'), 2021]]), expected: [] },
  { name: '淮安市 2024, 年度 2100', figures: figures(HUAIAN_2024, [[cellName('封面', '年度'), 2100]]), expected: [] },
  // type.amount: a negative amount.
  {
    name: '淮安市 2024, 收费金额 −96171.6',
    figures: figures(HUAIAN_2024, [[cellName('表二', '行政事业性收费', '本年收费金额（单位：万元）'), -96171.6]]),
    expected: [
      {
        rule: 'type.amount',
        cell: at('表二', '行政事业性收费', '本年收费金额（单位：万元）'),
        severity: 'error',
        problem: 'negative',
      },
    ],
  },
  // ---- 补充信息: 淮安 2024 "全年收取政府信息公开信息处理费 3940 元"; 高新区 2021 "主动公开政府信息422条，其中概况类
  // 信息361条，政务动态信息18条，信息公开目录信息43条".
  {
    name: '补充信息 as published (淮安 2024 fee, 高新区 2021 categories)',
    figures: figures(HUAIAN_2024, [
      [cellName('补充信息', '实际收取金额'), 3940],
      [cellName('补充信息', '主动公开信息总数'), GAOXINQU_2021_OPEN.total],
      ...GAOXINQU_2021_OPEN.categories.map((n, i): [string, Value] => [cellName('补充信息', `分类${i + 1}条数`), n]),
    ]),
    expected: [],
  },
  // S.type: "3940元" typed into 实际收取金额. S.sum: the third category (43) left out: 422 vs 361 + 18 = 379.
  {
    name: '补充信息 with 3940元 and a category left out',
    figures: figures(HUAIAN_2024, [
      [cellName('补充信息', '实际收取金额'), '3940元'],
      [cellName('补充信息', '主动公开信息总数'), 422],
      [cellName('补充信息', '分类1条数'), 361],
      [cellName('补充信息', '分类2条数'), 18],
    ]),
    expected: [
      { rule: 'S.sum', cell: at('补充信息', '主动公开信息总数'), severity: 'error', left: 422, right: 379 },
      { rule: 'S.type', cell: at('补充信息', '实际收取金额'), severity: 'error', problem: 'withUnit', fix: 3940 },
    ],
  },
];

// ---- the formula interpreter, run by a real engine --------------------------------------------------------------
const IN = 'In';
const refOf = new Map(ALL_VALUE_CELLS.map((c, i) => [c.name, `${IN}!$A$${i + 1}`]));
const inline = (formula: string) => '=' + formula.replace(/\bnb_[a-z0-9_]+\b/g, (n) => refOf.get(n) ?? n);
/** Built on first use: a run that asks only for the evaluator's findings (a mutant's tests) need not build it. */
let hf: HyperFormula | undefined;
function engine(): HyperFormula {
  hf ??= HyperFormula.buildFromSheets({ [IN]: ALL_VALUE_CELLS.map(() => [null]), Out: [] }, { licenseKey: 'gpl-v3' });
  return hf;
}
afterAll(() => hf?.destroy());

/** A cell as typed into the engine: text stays text, an error is =NA(), a boolean a comparison. */
function engineValue(v: CellContent): string | number | null {
  switch (v.kind) {
    case 'number':
      return v.value;
    case 'text':
      return `'${v.text}`;
    case 'error':
      return '=NA()';
    case 'bool':
      return v.value ? '=1=1' : '=1=2';
    default:
      return null;
  }
}

/** The (rule, highlighted cell) pairs whose compiled formula is TRUE for these values. */
function brokenByFormulas(values: readonly CellContent[]): string[] {
  const hf = engine();
  // Compiled in every case, not once: each case then exercises the compiler itself (and a mutation run sees that).
  hf.setSheetContent(
    hf.getSheetId('Out')!,
    CHECKS.map((c) => [inline(checkFormula(c))]),
  );
  hf.setSheetContent(
    hf.getSheetId(IN)!,
    values.map((v) => [engineValue(v)]),
  );
  const out = hf.getSheetValues(hf.getSheetId('Out')!);
  return CHECKS.filter((_, i) => out[i][0] === true)
    .map((c) => `${c.rule} ${SPEC_LABELS.get(c.highlight[0])}`)
    .sort();
}

describe.each(CASES)('$name', ({ figures: f, expected }) => {
  const values = valuesOf(f);

  it('gives exactly the findings the spec gives', () => {
    expect(evaluateRules(values).map(asExpected).sort(byRuleAndCell)).toEqual([...expected].sort(byRuleAndCell));
  });

  it('has the compiled formulas TRUE on exactly those cells', () => {
    expect(brokenByFormulas(values)).toEqual(expected.map((e) => `${e.rule} ${e.cell}`).sort());
  });
});

describe('the spec’s cells', () => {
  it('are the cells the code knows, each once (202 inputs)', () => {
    const inputs = [...SPEC_LABELS.keys()].filter((n) => !n.startsWith('nb_sup_'));
    expect(inputs).toHaveLength(202);
    expect(valuesOf(new Map(inputs.map((n) => [n, 0])))).toHaveLength(ALL_VALUE_CELLS.length);
  });
});

// The format as a value (#14 item 3): a third, made-up format — a small layout written here, in no source file —
// goes through the same code the 2021 and 2019 formats do, with no change to it: its cells and rules are built from
// the layout, the evaluator checks it, a workbook of it is read back by its names (readTemplate, readReportInputs,
// the pane's and rollup's reader), and `nianbao validate`'s function (the audit's path for workbooks) validates it.
// Expected findings are worked out by hand from the figures below, not from the code's tables.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkbookFile } from '../../src/cli/validate-file';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { buildFormat, type Format } from '../../src/report/format/format';
import { buildFormat2021 } from '../../src/report/format/formats';
import type { FormatLayout } from '../../src/report/layout/format-2021';
import { rangeA1 } from '../../src/report/layout/a1';
import type { CellContent } from '../../src/report/model/cell-content';
import { readReportInputs } from '../../src/report/reading/read-report';
import { readTemplate } from '../../src/report/reading/read-template';
import { evaluateRules } from '../../src/report/rules/evaluate-rules';
import { compileRules } from '../../src/report/rules/compile-rules';
import type { Rule } from '../../src/report/rules/rule';
import { VALUE_CELL_BY_NAME } from '../../src/report/layout/input-cells';
import type { SheetEdit } from '../../src/report/sheet-edits/sheet-edit';
import { suiteTempDir } from '../support/temp-dir';

/** 表二 one row of documents, 表三 two applicant columns and five rows, 表四 one group with two results. */
const MINI: FormatLayout = {
  id: 'format-mini',
  title: '演示年度报告',
  basis: '演示格式（测试用）',
  t2Blocks: [
    {
      id: 'item1',
      heading: '第一项',
      columns: [
        { id: 'made', label: '本年制发件数' },
        { id: 'repealed', label: '本年废止件数' },
        { id: 'inforce', label: '现行有效件数' },
      ],
      rows: [{ id: 'rule', label: '规章' }],
      kind: 'count',
    },
  ],
  t3Columns: [
    { id: 'person', label: '自然人', org: false },
    { id: 'business', label: '商业企业', org: true },
    { id: 'total', label: '总计', org: false },
  ],
  t3Rows: [
    { id: 'new', label: '一、本年新收政府信息公开申请数量', result: false },
    { id: 'carry', label: '二、上年结转政府信息公开申请数量', result: false },
    { id: 'granted', label: '（一）予以公开', result: true },
    { id: 'other', label: '（二）其他处理', result: true },
    { id: 'total', label: '（三）总计', result: true },
    { id: 'next', label: '四、结转下年度继续办理', result: false },
  ],
  t4Groups: [{ id: 'review', label: '行政复议' }],
  t4Columns: [
    { id: 'upheld', label: '结果维持' },
    { id: 'corrected', label: '结果纠正' },
    { id: 'total', label: '总计' },
  ],
  resultParts: '（一）+（二）',
};

const mini: Format = buildFormat(MINI, { version: 1, label: '演示格式', narrativeFields: null, sheetLayout: null });

/** A consistent report of the mini format, by name: 新收 自然人 3 + 商业企业 1 = 4, all 予以公开 or 其他处理. */
const FIGURES: Readonly<Record<string, number | string>> = {
  nb_agency: '某某演示局',
  nb_year: 2025,
  nb_t2_rule_made: 2,
  nb_t2_rule_repealed: 1,
  nb_t2_rule_inforce: 9,
  nb_t3_new_person: 3,
  nb_t3_new_business: 1,
  nb_t3_new_total: 4,
  nb_t3_carry_person: 0,
  nb_t3_carry_business: 0,
  nb_t3_carry_total: 0,
  nb_t3_granted_person: 2,
  nb_t3_granted_business: 1,
  nb_t3_granted_total: 3,
  nb_t3_other_person: 1,
  nb_t3_other_business: 0,
  nb_t3_other_total: 1,
  nb_t3_total_person: 3,
  nb_t3_total_business: 1,
  nb_t3_total_total: 4,
  nb_t3_next_person: 0,
  nb_t3_next_business: 0,
  nb_t3_next_total: 0,
  nb_t4_review_upheld: 1,
  nb_t4_review_corrected: 0,
  nb_t4_review_total: 1,
};
const NAMES = Object.keys(FIGURES);

const content = (v: number | string | undefined): CellContent =>
  v === undefined
    ? { kind: 'blank' }
    : typeof v === 'number'
      ? { kind: 'number', value: v }
      : { kind: 'text', text: v };

/** Values in the mini format's value-cell order (last year's block and 补充信息 blank). */
function valuesOf(figures: Readonly<Record<string, number | string>>): CellContent[] {
  return mini.cells.valueCells.map((c) => content(figures[c.name]));
}

/** A workbook of the mini format, planned with the domain's own sheet edits: one value per row, named, and a marker. */
function miniWorkbookPlan(figures: Readonly<Record<string, number | string>>): SheetEdit[] {
  const sheet = '演示';
  const rows = NAMES.map((n) => [n, figures[n] ?? null]);
  const marker = NAMES.length + 1;
  return [
    { op: 'addSheet', sheet },
    { op: 'values', sheet, range: rangeA1(1, 1, rows.length, 2), values: rows },
    ...NAMES.map((name, i): SheetEdit => ({ op: 'defineName', name, sheet, range: rangeA1(i + 1, 2) })),
    {
      op: 'values',
      sheet,
      range: rangeA1(marker, 1),
      values: [['本表由年报助手生成，格式依据演示格式（格式标识 format-mini），模板版本 1。']],
    },
    { op: 'defineName', name: 'nb_template', sheet, range: rangeA1(marker, 1) },
  ];
}

async function miniWorkbook(figures: Readonly<Record<string, number | string>>): Promise<XlsxHost> {
  const host = new XlsxHost();
  await host.applyEdits(miniWorkbookPlan(figures));
  return host;
}

describe('a third format, built from a small layout with no code change', () => {
  const dir = suiteTempDir('nb-mini-');

  test('its cells and rules come from its layout: 26 inputs, 表三 rules over its two columns and three results', () => {
    // 2 (封面) + 3 (表二) + 6 rows × 3 columns (表三) + 3 (表四) = 26.
    expect(mini.inputCells.map((c) => c.name)).toEqual(NAMES);
    // Last year's block: 表三 四、结转 (3 columns) and 表二 现行有效件数 (1 row).
    expect(mini.cells.previousCells.map((c) => c.name)).toEqual([
      'nb_prev_t2_rule_inforce',
      'nb_prev_t3_next_person',
      'nb_prev_t3_next_business',
      'nb_prev_t3_next_total',
    ]);
    const results = mini.ruleById.get('T3.results')!.checks.find((c) => c.key === 'person')!;
    expect(results.relation.kind === 'compare' && results.relation.right.map((t) => t.name)).toEqual([
      'nb_t3_granted_person',
      'nb_t3_other_person',
    ]);
  });

  test('the evaluator: nothing on the consistent report; a 总计 of 5 breaks its row, its column and the balance', () => {
    expect(evaluateRules(valuesOf(FIGURES), { scopes: ['report'], format: mini })).toEqual([]);
    const broken = evaluateRules(valuesOf({ ...FIGURES, nb_t3_total_total: 5 }), { scopes: ['report'], format: mini });
    // Row （三）总计: 5 ≠ 3 + 1; column 总计: 5 ≠ 3 + 1 (（一）+（二）); 一 + 二 = 4 + 0 ≠ 5 + 0.
    expect(broken.map((f) => [f.rule, f.key, f.left, f.right])).toEqual([
      ['T3.row', 'total', 5, 4],
      ['T3.results', 'total', 5, 4],
      ['T3.balance', 'total', 4, 5],
    ]);
    // 现行有效件数: last year's 8 + 2 made − 1 repealed = 9, as written; 7 would be wrong.
    const lastYear = { ...FIGURES, nb_prev_t2_rule_inforce: 8 };
    expect(evaluateRules(valuesOf(lastYear), { scopes: ['previous'], format: mini })).toEqual([]);
    const inforce = evaluateRules(valuesOf({ ...lastYear, nb_t2_rule_inforce: 7 }), { format: mini });
    expect(inforce.map((f) => f.rule).sort()).toEqual(['X.inforce']);
  });

  test('a workbook of it is read back by its names; read as the 2021 format it is refused', async () => {
    const host = await miniWorkbook(FIGURES);
    const read = await readTemplate(host, mini);
    expect(read.ok && [read.format, read.version, read.sheet]).toEqual(['format-mini', 1, '演示']);
    const inputs = await readReportInputs(host, mini);
    expect(inputs).toEqual({
      ok: true,
      values: mini.inputCells.map((c) => content(FIGURES[c.name])),
      version: 1,
      otherFormat: null,
    });
    const as2021 = await readTemplate(host, buildFormat2021());
    expect(as2021.ok).toBe(false);
    // Its names are not the 2021 template's: of the 2021 format's 2 + 10 + 25 × 7 + 15 = 202 inputs the mini workbook
    // names 20 (封面 2; 表二 规章 3; 表三 一、二、（七）总计、四 × 自然人/商业企业/总计 12 — the 2021 （一） is
    // nb_t3_open_*, not granted, and it has no single 其他处理 row; 表四 行政复议 结果维持/结果纠正/总计 3): 182 missing.
    expect(!as2021.ok && as2021.reason).toContain('缺少 182 个名称');
  });

  test('validate (the audit’s path for a workbook) checks a saved file by the mini rules', async () => {
    const good = join(dir, 'good.xlsx');
    writeFileSync(good, await (await miniWorkbook(FIGURES)).toBuffer());
    const ok = await validateWorkbookFile(good, mini);
    expect(ok.json.error).toBeUndefined();
    expect(ok.json.template).toEqual({ format: 'format-mini', version: 1, sheet: '演示' });
    expect(ok.json.summary).toEqual({ errors: 0, warnings: 0 });

    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, await (await miniWorkbook({ ...FIGURES, nb_t4_review_total: 3 })).toBuffer());
    const checked = await validateWorkbookFile(bad, mini);
    // 表四 行政复议: 总计 3 ≠ 1 + 0, the one error, shown on its cell with the mini format's labels.
    expect(checked.json.summary).toEqual({ errors: 1, warnings: 0 });
    expect(checked.json.findings).toHaveLength(1);
    const [f] = checked.json.findings;
    expect(f.rule).toBe('T4.sum');
    expect(f.cells[0]).toEqual({ ref: '演示!B26', table: 'T4', row: '行政复议', column: '总计', value: 3 });
  });
});

describe('compileRules: the rules of a format name only its cells', () => {
  it('refuses a rule over a cell the format does not have, naming it', () => {
    const rule: Rule = {
      id: 'T3.row',
      severity: 'error',
      scope: 'report',
      title: '测试',
      basis: '测试',
      checks: [
        {
          rule: 'T3.row',
          key: 'x',
          relation: { kind: 'filled', name: 'nb_nowhere' },
          highlight: ['nb_nowhere'],
          subject: {},
        },
      ],
    };
    expect(() => compileRules([rule], VALUE_CELL_BY_NAME)).toThrow('rule refers to unknown cell nb_nowhere');
  });
});

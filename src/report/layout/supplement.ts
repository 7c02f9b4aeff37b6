// The 补充信息 sheet: what the narrative sections need that the three tables lack (主动公开 totals, supervision and
// fee figures, the typed text of the narrative-only parts, and the edited templates), defined once with names
// `nb_sup_*`, its rules (S.type, S.sum) and its plan. A leaf module: it must not import input-cells, sheet-layout,
// plan-template or rule-catalog, because input-cells imports it to put these numbers beside the tables' values.
import { rangeA1 } from './a1';
import { T4_TITLE, TABLE_NAMES } from './format-2021';
import { AMOUNT_DECIMALS, MAX_AMOUNT, MAX_COUNT } from '../model/value-checks';
import { planCellHighlights } from '../sheet-edits/plan-highlights';
import type { Check, Rule, Term } from '../rules/rule';
import type { CellFormat, SheetEdit, ValidationRule } from '../sheet-edits/sheet-edit';

export const SUPPLEMENT_SHEET_NAME = TABLE_NAMES.SUP;
export const SUPPLEMENT_PREFIX = 'nb_sup_';
/** How many 主动公开 category rows the sheet offers. */
export const OPEN_CATEGORY_ROWS = 6;

/** The narrative headings of the national format (spec §Sections); 二、三、四 are the tables' own titles. */
export const NARRATIVE_HEADINGS = {
  overall: '一、总体情况',
  open: '（一）主动公开情况',
  apply: '（二）依申请公开情况',
  management: '（三）政府信息管理情况',
  platform: '（四）政府信息公开平台建设情况',
  supervision: '（五）监督保障情况',
  review: T4_TITLE,
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const;

/** Sections written from a template (the numbers come from the tables and this sheet). */
export const GENERATED_SECTIONS = [
  { id: 'open', label: '一（一）主动公开情况' },
  { id: 'apply', label: '一（二）依申请公开情况' },
  { id: 'supervision', label: '一（五）监督保障情况（监督检查、教育培训次数）' },
  { id: 'review', label: '四、行政复议、行政诉讼情况（表四前的说明）' },
  { id: 'fee', label: '六、信息处理费' },
] as const;
export type GeneratedSectionId = (typeof GENERATED_SECTIONS)[number]['id'];

/** Parts the user writes: no table holds them. */
export const TYPED_SECTIONS = [
  { id: 'overview', label: '一、总体情况（开头概述，可不填）' },
  { id: 'management', label: '一（三）政府信息管理情况' },
  { id: 'platform', label: '一（四）政府信息公开平台建设情况' },
  { id: 'supervision', label: '一（五）监督保障情况' },
  { id: 'problems', label: '五、存在的主要问题及改进情况' },
  { id: 'other', label: '六、其他需要报告的事项' },
] as const;
export type TypedSectionId = (typeof TYPED_SECTIONS)[number]['id'];

/** record: a value the pane keeps (JSON text), shown on the sheet but not typed by the user. */
export type SupplementKind = 'count' | 'yuan' | 'categoryName' | 'text' | 'template' | 'record';

export interface SupplementField {
  /** nb_sup_<id>. */
  readonly name: string;
  readonly id: string;
  /** As the sheet and the messages show it. */
  readonly label: string;
  readonly kind: SupplementKind;
  /** Unit a number is counted in (条, 次, 件, 元). */
  readonly unit?: string;
}

const field = (id: string, label: string, kind: SupplementKind, unit?: string): SupplementField => ({
  name: SUPPLEMENT_PREFIX + id,
  id,
  label,
  kind,
  ...(unit ? { unit } : {}),
});

export const OPEN_TOTAL = field('open_total', '主动公开信息总数（条）', 'count', '条');
export const OPEN_CATEGORIES = Array.from({ length: OPEN_CATEGORY_ROWS }, (_, i) => ({
  name: field(`open_cat${i + 1}_name`, `主动公开信息分类 ${i + 1} 名称`, 'categoryName'),
  count: field(`open_cat${i + 1}_count`, `主动公开信息分类 ${i + 1} 条数`, 'count', '条'),
}));
export const SUPERVISION_FIELDS = {
  inspections: field('inspections', '政府信息公开监督检查次数', 'count', '次'),
  trainings: field('trainings', '政府信息公开教育培训次数', 'count', '次'),
} as const;
export const FEE_FIELDS = {
  notices: field('fee_notices', '收费通知件数', 'count', '件'),
  amount: field('fee_amount', '收费通知总金额（元）', 'yuan', '元'),
  collected: field('fee_collected', '实际收取金额（元）', 'yuan', '元'),
} as const;
export const TEXT_FIELDS: Readonly<Record<TypedSectionId, SupplementField>> = Object.fromEntries(
  TYPED_SECTIONS.map((s) => [s.id, field(`text_${s.id}`, s.label, 'text')]),
) as Record<TypedSectionId, SupplementField>;
export const TEMPLATE_FIELDS: Readonly<Record<GeneratedSectionId, SupplementField>> = Object.fromEntries(
  GENERATED_SECTIONS.map((s) => [s.id, field(`tpl_${s.id}`, `${s.label}的模板`, 'template')]),
) as Record<GeneratedSectionId, SupplementField>;

/** The warnings dismissed with a reason (src/report/dismissals): JSON kept by the pane and read by every host. */
export const DISMISSALS_FIELD = field('dismissals', '已忽略的提示（由年报助手填写，请勿手工修改）', 'record');
/** Which fields an import (nianbao import -o, the pane's 导入) filled from a published report, and from what file. */
export const IMPORTED_FIELD = field('imported', '导入记录（由年报助手填写：哪些内容取自已发布的年报）', 'record');

/** Every field of the sheet, in sheet order. */
export const SUPPLEMENT_FIELDS: readonly SupplementField[] = [
  OPEN_TOTAL,
  ...OPEN_CATEGORIES.flatMap((c) => [c.name, c.count]),
  SUPERVISION_FIELDS.inspections,
  SUPERVISION_FIELDS.trainings,
  FEE_FIELDS.notices,
  FEE_FIELDS.amount,
  FEE_FIELDS.collected,
  ...TYPED_SECTIONS.map((s) => TEXT_FIELDS[s.id]),
  ...GENERATED_SECTIONS.map((s) => TEMPLATE_FIELDS[s.id]),
  DISMISSALS_FIELD,
  IMPORTED_FIELD,
];
export const SUPPLEMENT_FIELD_BY_NAME: ReadonlyMap<string, SupplementField> = new Map(
  SUPPLEMENT_FIELDS.map((f) => [f.name, f]),
);
/** The numbers, which the rules read beside the tables' values (input-cells.ts appends them to ALL_VALUE_CELLS). */
export const SUPPLEMENT_NUMBER_FIELDS = SUPPLEMENT_FIELDS.filter((f) => f.kind === 'count' || f.kind === 'yuan');

/** The input kind the value checks use: 元 amounts are checked as amounts (≥ 0, at most 4 decimals). */
export function supplementInputKind(f: SupplementField): 'count' | 'amount' {
  return f.kind === 'yuan' ? 'amount' : 'count';
}

/** The words a message uses for a field: 补充信息「收费通知件数」. */
export function supplementLabel(f: SupplementField): string {
  return `${SUPPLEMENT_SHEET_NAME}「${f.label}」`;
}

// ---- rules ---------------------------------------------------------------------------------------------------

const plus = (name: string): Term => ({ name, sign: 1 });

const sTypeChecks: Check[] = SUPPLEMENT_NUMBER_FIELDS.map((f) => ({
  rule: 'S.type',
  key: f.id,
  relation: { kind: 'cellType', name: f.name, expect: supplementInputKind(f) },
  highlight: [f.name],
  subject: {
    cell: supplementLabel(f),
    expected: f.kind === 'yuan' ? `不小于 0 的金额（元），最多 ${AMOUNT_DECIMALS} 位小数` : '不小于 0 的整数',
  },
}));

export const SUPPLEMENT_RULES: readonly Rule[] = [
  {
    id: 'S.type',
    severity: 'error',
    scope: 'report',
    title: '补充信息中的次数、件数为不小于 0 的整数，金额为不小于 0 的数',
    basis: '补充信息用于生成和核对年报文字部分，其中的数字与表格中的数字一样须为有效数值',
    checks: sTypeChecks,
  },
  {
    id: 'S.sum',
    severity: 'error',
    scope: 'report',
    title: '主动公开信息总数等于各分类条数之和（填写了第一个分类后核对）',
    basis: '年报「（一）主动公开情况」写明的总数应等于其中列举的各类信息之和',
    checks: [
      {
        rule: 'S.sum',
        key: 'open',
        relation: {
          kind: 'compare',
          left: [plus(OPEN_TOTAL.name)],
          op: 'eq',
          right: OPEN_CATEGORIES.map((c) => plus(c.count.name)),
          // Asserted once the breakdown is started: a total without categories is a complete answer.
          required: [OPEN_TOTAL.name, OPEN_CATEGORIES[0].count.name],
          blankIsZero: true,
        },
        highlight: [OPEN_TOTAL.name],
        subject: { cell: supplementLabel(OPEN_TOTAL) },
      },
    ],
  },
];

// ---- the sheet -----------------------------------------------------------------------------------------------

/** Columns: A label, B category name or text, C number (text and templates span B:C). */
const COLUMN_WIDTHS = [34, 40, 14];
const TEXT_ROW_HEIGHT = 120;
const TEMPLATE_ROW_HEIGHT = 150;
const RECORD_ROW_HEIGHT = 40;
const BODY_FONT = '宋体';
const HEADING_FONT = '黑体';
const HEADER_FILL = 'F2F2F2';

export const SUPPLEMENT_NOTE =
  '本页的数字和文字用于生成年报的文字部分，并与表格核对。没有发生的事项填 0；文字模板单元格留空则使用默认模板。';

const FORMATS = {
  title: { font: { name: HEADING_FONT, size: 14, bold: true }, horizontal: 'center', vertical: 'middle' },
  note: { font: { name: BODY_FONT, size: 9, color: '7F7F7F' }, wrap: true, vertical: 'top' },
  section: { font: { name: HEADING_FONT, size: 12, bold: true }, horizontal: 'left', vertical: 'middle' },
  header: {
    font: { name: BODY_FONT, size: 10, bold: true },
    horizontal: 'center',
    vertical: 'middle',
    border: true,
    fill: HEADER_FILL,
  },
  label: { font: { name: BODY_FONT, size: 10 }, vertical: 'middle', wrap: true, border: true },
  number: {
    font: { name: BODY_FONT, size: 11 },
    horizontal: 'center',
    vertical: 'middle',
    border: true,
    locked: false,
    numberFormat: 'General',
  },
  text: {
    font: { name: BODY_FONT, size: 11 },
    horizontal: 'left',
    vertical: 'top',
    wrap: true,
    border: true,
    locked: false,
    numberFormat: '@',
  },
} satisfies Record<string, CellFormat>;
type SupStyle = keyof typeof FORMATS;

const COUNT_VALIDATION: ValidationRule = {
  type: 'whole',
  min: 0,
  max: MAX_COUNT,
  promptTitle: '填写数量',
  prompt: '请填写不小于 0 的整数；没有发生的事项填 0。',
  errorTitle: '数量应为整数',
  error: '这里应填写不小于 0 的整数（不带单位、不用全角数字）。',
};
const YUAN_VALIDATION: ValidationRule = {
  type: 'decimal',
  min: 0,
  max: MAX_AMOUNT,
  promptTitle: '填写金额（元）',
  prompt: '请填写以元为单位的金额；没有收费填 0。',
  errorTitle: '金额格式不对',
  error: `这里应填写不小于 0 的金额（元），最多 ${AMOUNT_DECIMALS} 位小数。`,
};

interface Placed {
  readonly row: number;
  readonly col: number;
  readonly colSpan: number;
  readonly style: SupStyle;
  readonly text?: string;
  readonly field?: SupplementField;
}

export interface SupplementLayout {
  readonly cells: readonly Placed[];
  readonly rowCount: number;
  readonly rowHeights: readonly number[];
  /** Defined name → A1 address on the sheet. */
  readonly address: ReadonlyMap<string, string>;
}

function build(): SupplementLayout {
  const cells: Placed[] = [];
  const heights: number[] = [0];
  let row = 1;
  const line = (height: number, ...items: Omit<Placed, 'row'>[]) => {
    for (const it of items) cells.push({ ...it, row });
    heights[row] = height;
    row += 1;
  };
  line(28, { col: 1, colSpan: 3, style: 'title', text: `${SUPPLEMENT_SHEET_NAME}（用于生成年报文字部分）` });
  line(30, { col: 1, colSpan: 3, style: 'note', text: SUPPLEMENT_NOTE });
  line(22, { col: 1, colSpan: 3, style: 'section', text: '一、数字' });
  line(
    20,
    { col: 1, colSpan: 2, style: 'label', text: OPEN_TOTAL.label },
    { col: 3, colSpan: 1, style: 'number', field: OPEN_TOTAL },
  );
  line(
    20,
    { col: 1, colSpan: 1, style: 'header', text: '其中：主动公开信息分类' },
    { col: 2, colSpan: 1, style: 'header', text: '类别名称（如：政务动态信息）' },
    { col: 3, colSpan: 1, style: 'header', text: '条数' },
  );
  OPEN_CATEGORIES.forEach((c, i) =>
    line(
      20,
      { col: 1, colSpan: 1, style: 'label', text: `分类 ${i + 1}` },
      { col: 2, colSpan: 1, style: 'text', field: c.name },
      { col: 3, colSpan: 1, style: 'number', field: c.count },
    ),
  );
  for (const f of [...Object.values(SUPERVISION_FIELDS), ...Object.values(FEE_FIELDS)])
    line(20, { col: 1, colSpan: 2, style: 'label', text: f.label }, { col: 3, colSpan: 1, style: 'number', field: f });
  line(22, { col: 1, colSpan: 3, style: 'section', text: '二、文字（表格中没有、需要直接撰写的部分）' });
  for (const s of TYPED_SECTIONS)
    line(
      TEXT_ROW_HEIGHT,
      { col: 1, colSpan: 1, style: 'label', text: s.label },
      { col: 2, colSpan: 2, style: 'text', field: TEXT_FIELDS[s.id] },
    );
  line(22, { col: 1, colSpan: 3, style: 'section', text: '三、文字模板（留空则使用默认模板；可在任务窗格中编辑）' });
  for (const s of GENERATED_SECTIONS)
    line(
      TEMPLATE_ROW_HEIGHT,
      { col: 1, colSpan: 1, style: 'label', text: `${s.label}的模板` },
      { col: 2, colSpan: 2, style: 'text', field: TEMPLATE_FIELDS[s.id] },
    );
  line(22, { col: 1, colSpan: 3, style: 'section', text: '四、已忽略的提示（在任务窗格中忽略或恢复）' });
  line(
    RECORD_ROW_HEIGHT,
    { col: 1, colSpan: 1, style: 'label', text: DISMISSALS_FIELD.label },
    { col: 2, colSpan: 2, style: 'text', field: DISMISSALS_FIELD },
  );
  line(
    RECORD_ROW_HEIGHT,
    { col: 1, colSpan: 1, style: 'label', text: IMPORTED_FIELD.label },
    { col: 2, colSpan: 2, style: 'text', field: IMPORTED_FIELD },
  );
  const address = new Map(cells.filter((c) => c.field).map((c) => [c.field!.name, rangeA1(c.row, c.col)]));
  return { cells, rowCount: row - 1, rowHeights: heights, address };
}

export const SUPPLEMENT_LAYOUT: SupplementLayout = build();

const rangeOf = (c: Placed) => rangeA1(c.row, c.col, 1, c.colSpan);

/** The 补充信息 sheet as edits: labels, merges, formats, names, validation and the S.* highlights. */
export function planSupplement(options: { readonly sheet?: string } = {}): SheetEdit[] {
  const sheet = options.sheet ?? SUPPLEMENT_SHEET_NAME;
  const L = SUPPLEMENT_LAYOUT;
  const edits: SheetEdit[] = [{ op: 'addSheet', sheet }];
  edits.push({ op: 'columnWidths', sheet, first: 1, widths: COLUMN_WIDTHS });
  edits.push({ op: 'rowHeights', sheet, first: 1, heights: L.rowHeights.slice(1) });
  const grid: (string | null)[][] = Array.from({ length: L.rowCount }, () => [null, null, null]);
  for (const c of L.cells) if (c.text !== undefined) grid[c.row - 1][c.col - 1] = c.text;
  edits.push({ op: 'values', sheet, range: rangeA1(1, 1, L.rowCount, 3), values: grid });
  edits.push({ op: 'merge', sheet, ranges: L.cells.filter((c) => c.colSpan > 1).map(rangeOf) });
  for (const style of Object.keys(FORMATS) as SupStyle[]) {
    const ranges = L.cells.filter((c) => c.style === style).map(rangeOf);
    if (ranges.length) edits.push({ op: 'format', sheet, ranges, format: FORMATS[style] });
  }
  for (const [name, range] of L.address) edits.push({ op: 'defineName', name, sheet, range });
  const numbers = (kind: SupplementKind) => L.cells.filter((c) => c.field?.kind === kind).map(rangeOf);
  edits.push({ op: 'validation', sheet, ranges: numbers('count'), rule: COUNT_VALIDATION });
  edits.push({ op: 'validation', sheet, ranges: numbers('yuan'), rule: YUAN_VALIDATION });
  edits.push(...planCellHighlights(sheet, SUPPLEMENT_RULES, L.address));
  edits.push({
    op: 'pageSetup',
    sheet,
    printArea: rangeA1(1, 1, L.rowCount, 3),
    rowBreaks: [],
    orientation: 'portrait',
    fitToWidth: 1,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 },
  });
  return edits;
}

// The template as a list of edits: labels, merges, widths and heights, formats, defined names, conditional
// formats compiled from the rules, validation, print setup and protection. Every host writes exactly this.
import { rangeA1 } from '../layout/a1';
import { INPUT_CELLS, TEMPLATE_MARKER_NAME, input, type InputCell, type InputKind } from '../layout/input-cells';
import {
  FONT_SIZES,
  SHEET_LAYOUT,
  TEMPLATE_SHEET_NAME,
  type CellStyle,
  type LayoutCell,
  type SheetLayout,
} from '../layout/sheet-layout';
import { AMOUNT_DECIMALS, FIRST_YEAR, LAST_YEAR, MAX_AMOUNT, MAX_COUNT } from '../model/value-checks';
import { RULES } from '../rules/rule-catalog';
import type { RuleScope } from '../rules/rule';
import { planCellHighlights } from './plan-highlights';
import { KEEP_CELL, type CellFormat, type SheetEdit, type ValidationRule } from './sheet-edit';

export interface TemplateOptions {
  readonly sheet?: string;
  readonly agency?: string;
  readonly year?: number;
  /** 'upTo4' shows amounts as typed; 'fixed4' always shows four decimals (some provinces require it). */
  readonly amountFormat?: 'upTo4' | 'fixed4';
}

const BODY_FONT = '宋体';
const HEADING_FONT = '黑体';
const HEADER_FILL = 'F2F2F2';

export const STYLE_FORMATS: Readonly<Record<CellStyle, CellFormat>> = {
  title: { font: { name: HEADING_FONT, size: FONT_SIZES.title, bold: true }, horizontal: 'center', vertical: 'middle' },
  'meta-label': {
    font: { name: BODY_FONT, size: FONT_SIZES['meta-label'], bold: true },
    horizontal: 'center',
    vertical: 'middle',
    border: true,
    fill: HEADER_FILL,
  },
  section: {
    font: { name: HEADING_FONT, size: FONT_SIZES.section, bold: true },
    horizontal: 'left',
    vertical: 'middle',
  },
  'block-heading': {
    font: { name: BODY_FONT, size: FONT_SIZES['block-heading'], bold: true },
    horizontal: 'center',
    vertical: 'middle',
    border: true,
    fill: HEADER_FILL,
  },
  header: {
    font: { name: BODY_FONT, size: FONT_SIZES.header, bold: true },
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
    border: true,
    fill: HEADER_FILL,
  },
  label: {
    font: { name: BODY_FONT, size: FONT_SIZES.label },
    horizontal: 'left',
    vertical: 'middle',
    wrap: true,
    border: true,
  },
  input: {
    font: { name: BODY_FONT, size: FONT_SIZES.input },
    horizontal: 'center',
    vertical: 'middle',
    border: true,
    locked: false,
    numberFormat: 'General',
  },
  note: {
    font: { name: BODY_FONT, size: FONT_SIZES.note, color: '7F7F7F' },
    horizontal: 'left',
    vertical: 'top',
    wrap: true,
  },
};

export const VALIDATIONS: Readonly<Record<Exclude<InputKind, 'text'>, ValidationRule>> = {
  count: {
    type: 'whole',
    min: 0,
    max: MAX_COUNT,
    promptTitle: '填写件数',
    prompt: '请填写不小于 0 的整数；没有发生的事项填 0。',
    errorTitle: '件数应为整数',
    error: '这里应填写不小于 0 的整数（不带单位、不用全角数字）。',
  },
  amount: {
    type: 'decimal',
    min: 0,
    max: MAX_AMOUNT,
    promptTitle: '填写金额（万元）',
    prompt: `请填写以万元为单位的金额，最多 ${AMOUNT_DECIMALS} 位小数；没有收费填 0。`,
    errorTitle: '金额格式不对',
    error: `这里应填写不小于 0 的金额（万元），最多 ${AMOUNT_DECIMALS} 位小数。`,
  },
  year: {
    type: 'whole',
    min: FIRST_YEAR,
    max: LAST_YEAR,
    promptTitle: '填写年度',
    prompt: '请填写报告所属年度，如 2025。',
    errorTitle: '年度格式不对',
    error: `年度应为 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间的四位数字。`,
  },
};

export function cellRange(c: LayoutCell): string {
  return rangeA1(c.row, c.col, c.rowSpan, c.colSpan);
}

/** Where each input sits in a freshly written template of `layout` (top-left of its merge). */
export function templateAddress(cell: InputCell, layout: SheetLayout = SHEET_LAYOUT): string {
  const placed = layout.cells.find((c) => c.input?.name === cell.name);
  if (!placed) throw new Error(`input ${cell.name} is not placed`);
  return rangeA1(placed.row, placed.col);
}

/**
 * The conditional formats compiled from the rules: per input cell at most one rule of each style (error, warning,
 * blank), its checks' formulas OR-combined; all error rules first, then warnings, then blanks, so red wins on any
 * cell. `address` maps a defined name to its cell (a repair passes where the names are now); a cell without an
 * address is left out.
 */
export function planHighlights(
  sheet: string,
  scopes: readonly RuleScope[] = ['report', 'previous'],
  address: ReadonlyMap<string, string> = new Map(INPUT_CELLS.map((c) => [c.name, templateAddress(c)])),
  options: { readonly only?: ReadonlySet<string>; readonly replacing?: readonly RuleScope[] } = {},
): SheetEdit[] {
  const inScope = (list: readonly RuleScope[]) => RULES.filter((r) => list.includes(r.scope));
  return planCellHighlights(sheet, inScope(scopes), address, {
    ...(options.only ? { only: options.only } : {}),
    ...(options.replacing ? { replacing: inScope(options.replacing) } : {}),
  });
}

/** The cells a scope's checks highlight (defined names). */
export function highlightedCells(scope: RuleScope): Set<string> {
  return new Set(RULES.filter((r) => r.scope === scope).flatMap((r) => r.checks.flatMap((c) => c.highlight)));
}

/** The whole template, in the order a host should apply it. */
export function planTemplate(options: TemplateOptions = {}): SheetEdit[] {
  const sheet = options.sheet ?? TEMPLATE_SHEET_NAME;
  const L = SHEET_LAYOUT;
  const edits: SheetEdit[] = [{ op: 'addSheet', sheet }];
  edits.push({ op: 'columnWidths', sheet, first: 1, widths: new Array<number>(L.columnCount).fill(L.columnWidth) });
  edits.push({ op: 'rowHeights', sheet, first: 1, heights: L.rowHeights.slice(1) });

  // All labels in one block, KEEP_CELL where a cell is an input or covered by a merge (left as it is).
  const grid: (string | number | typeof KEEP_CELL)[][] = Array.from({ length: L.rowCount }, () =>
    new Array(L.columnCount).fill(KEEP_CELL),
  );
  for (const c of L.cells) if (c.text !== undefined) grid[c.row - 1][c.col - 1] = c.text;
  const agency = input('META', 'agency');
  const year = input('META', 'year');
  for (const c of L.cells) {
    if (c.input === agency && options.agency) grid[c.row - 1][c.col - 1] = options.agency;
    if (c.input === year && options.year !== undefined) grid[c.row - 1][c.col - 1] = options.year;
  }
  edits.push({ op: 'values', sheet, range: rangeA1(1, 1, L.rowCount, L.columnCount), values: grid });

  edits.push({ op: 'merge', sheet, ranges: L.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map(cellRange) });
  for (const style of new Set(L.cells.map((c) => c.style)))
    edits.push({
      op: 'format',
      sheet,
      ranges: L.cells.filter((c) => c.style === style).map(cellRange),
      format: STYLE_FORMATS[style],
    });
  const amountCells = L.cells.filter((c) => c.input?.kind === 'amount').map(cellRange);
  edits.push({
    op: 'format',
    sheet,
    ranges: amountCells,
    format: { numberFormat: options.amountFormat === 'fixed4' ? `0.${'0'.repeat(AMOUNT_DECIMALS)}` : 'General' },
  });
  const agencyCell = L.cells.find((c) => c.input === agency)!;
  edits.push({
    op: 'format',
    sheet,
    ranges: [cellRange(agencyCell)],
    format: { horizontal: 'left', numberFormat: '@' },
  });

  for (const c of L.cells)
    if (c.input) edits.push({ op: 'defineName', name: c.input.name, sheet, range: rangeA1(c.row, c.col) });
  edits.push({ op: 'defineName', name: TEMPLATE_MARKER_NAME, sheet, range: rangeA1(L.markerRow, 1) });

  for (const kind of ['count', 'amount', 'year'] as const) {
    const ranges = L.cells.filter((c) => c.input?.kind === kind).map(cellRange);
    edits.push({ op: 'validation', sheet, ranges, rule: VALIDATIONS[kind] });
  }
  edits.push(...planHighlights(sheet, ['report']));
  edits.push({
    op: 'pageSetup',
    sheet,
    printArea: rangeA1(1, 1, L.rowCount, L.columnCount),
    rowBreaks: L.pageBreaksAfter,
    orientation: 'portrait',
    fitToWidth: 1,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 },
  });
  edits.push({ op: 'protect', sheet });
  return edits;
}

// The plan's units and formats in Univer 0.25.1's own data shapes: cell styles, pixel sizes, ranges, and the
// conditional-format and data-validation rules as the plugins store them. Shared by the snapshot the page starts
// from (workbook-snapshot.ts) and the commands that change a workbook already open (univer-host.ts), so both
// write the same thing.
import type { ICellData, IRange, ISheetDataValidationRule, IStyleData } from '@univerjs/presets';
import type { IConditionFormattingRule } from '@univerjs/preset-sheets-conditional-formatting';
import { HIGHLIGHT, parseRange, quoteSheet, type CellFormat, type SheetEdit, type ValidationRule } from '../../report';
import type { WritableValue } from '../workbook-values';

// Univer's numeric enums (core), spelled out so this module needs no runtime import from the sheet library.
const H_ALIGN = { left: 1, center: 2, right: 3 } as const;
const V_ALIGN = { top: 1, middle: 2, bottom: 3 } as const;
const WRAP = 3;
const BORDER_THIN = 1;
const TRUE_NUMBER = 1;
/** RANGE_TYPE.NORMAL */
const NORMAL_RANGE = 0;
/** CellValueType.FORCE_STRING: text kept as text even when it reads as a number ("0012"), as a '-prefixed entry. */
const CELL_FORCE_STRING = 4;

/**
 * The content keys of a cell holding `value`, as a patch over the cell (its style stays): a formula without a value
 * yet (the engine computes it), text forced to stay text, a number, or null for a cleared value. The same whether
 * the workbook is open (UniverHost.writeNamedValues) or still a snapshot (restored work, workbook-snapshot.ts).
 */
export function namedValueCell(value: WritableValue): Pick<ICellData, 'v' | 't' | 'p' | 'f' | 'si'> {
  if (value !== null && typeof value === 'object') return { f: value.formula, v: null, p: null, si: null };
  if (typeof value === 'string') return { v: value, t: CELL_FORCE_STRING, p: null, f: null, si: null };
  return { v: value, p: null, f: null, si: null };
}

/** Excel character widths and point heights (the plan's units) to Univer pixels at 96 dpi. */
export const columnPixels = (chars: number) => Math.round(chars * 7 + 5);
export const rowPixels = (points: number) => Math.round((points * 96) / 72);

function rgb(hex: string): { rgb: string } {
  return { rgb: `#${hex}` };
}

export function styleOf(f: CellFormat): IStyleData {
  const s: IStyleData = {};
  if (f.font?.name !== undefined) s.ff = f.font.name;
  if (f.font?.size !== undefined) s.fs = f.font.size;
  if (f.font?.bold !== undefined) s.bl = f.font.bold ? TRUE_NUMBER : 0;
  if (f.font?.color !== undefined) s.cl = rgb(f.font.color);
  if (f.fill !== undefined) s.bg = rgb(f.fill);
  if (f.horizontal !== undefined) s.ht = H_ALIGN[f.horizontal];
  if (f.vertical !== undefined) s.vt = V_ALIGN[f.vertical];
  if (f.wrap !== undefined) s.tb = f.wrap ? WRAP : 1;
  if (f.border) {
    const thin = { s: BORDER_THIN, cl: { rgb: '#000000' } };
    s.bd = { t: thin, b: thin, l: thin, r: thin };
  }
  // 'General' is Univer's default; only a real pattern is stored.
  if (f.numberFormat !== undefined && f.numberFormat !== 'General') s.n = { pattern: f.numberFormat };
  return s;
}

/** "D5:F7" as Univer's 0-based range. */
export function rangeOf(a1: string): IRange {
  const r = parseRange(a1);
  if (!r) throw new Error(`bad range ${a1}`);
  return {
    startRow: r.top - 1,
    startColumn: r.left - 1,
    endRow: r.bottom - 1,
    endColumn: r.right - 1,
    rangeType: NORMAL_RANGE,
  };
}

export function eachCell(range: string, fn: (row: number, col: number) => void): void {
  const r = rangeOf(range);
  for (let row = r.startRow; row <= r.endRow; row++)
    for (let col = r.startColumn; col <= r.endColumn; col++) fn(row, col);
}

/** Lays a planned format over the cells of the ranges (cellAt gives each cell's data), on top of their style. */
export function paintFormat(
  format: CellFormat,
  ranges: readonly string[],
  cellAt: (row: number, col: number) => ICellData,
): void {
  const s = styleOf(format);
  for (const range of ranges)
    eachCell(range, (row, col) => {
      const c = cellAt(row, col);
      c.s = { ...((c.s as IStyleData | undefined) ?? {}), ...s };
    });
}

/** Whether two 0-based ranges share a cell. */
export function overlaps(a: IRange, b: IRange): boolean {
  return (
    a.startRow <= b.endRow && b.startRow <= a.endRow && a.startColumn <= b.endColumn && b.startColumn <= a.endColumn
  );
}

/** A defined name's target as Univer stores it: "'年报'!$D$5" or "'年报'!$D$5:$F$7". */
export function nameTarget(sheet: string, range: string): string {
  const absolute = range
    .split(':')
    .map((p) => p.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
  return `${quoteSheet(sheet)}!${absolute}`;
}

/** A planned highlight as the conditional-format plugin stores it (a formula rule with fill and font colour). */
export function highlightRule(
  e: Extract<SheetEdit, { op: 'conditionalFormat' }>,
  cfId: string,
): IConditionFormattingRule {
  const colours = HIGHLIGHT[e.style];
  return {
    cfId,
    ranges: e.ranges.map(rangeOf),
    stopIfTrue: false,
    rule: {
      type: 'highlightCell',
      subType: 'formula',
      value: `=${e.formula}`,
      style: { bg: rgb(colours.fill), cl: rgb(colours.fontColor) },
    },
  } as IConditionFormattingRule;
}

/**
 * A planned number check as the data-validation plugin stores it: one rule over all its ranges (one rule per range
 * made Univer keep, look up and re-check 213 rules on the report sheet instead of 5). Invalid input is marked, not
 * refused (errorStyle WARNING): what the user typed is kept, and the findings explain it.
 */
export function numberValidation(
  rule: ValidationRule,
  ranges: readonly string[],
  uid: string,
): ISheetDataValidationRule {
  return {
    uid,
    type: rule.type,
    operator: 'between',
    formula1: String(rule.min),
    formula2: String(rule.max),
    ranges: ranges.map(rangeOf),
    errorStyle: 2,
    showErrorMessage: true,
    error: rule.error,
    errorTitle: rule.errorTitle,
    showInputMessage: true,
    prompt: rule.prompt,
    promptTitle: rule.promptTitle,
  } as ISheetDataValidationRule;
}

/** A range's four corners (what makes two ranges the same, whatever else Univer stores on them). */
export function cornersOf(r: IRange): [number, number, number, number] {
  return [r.startRow, r.startColumn, r.endRow, r.endColumn];
}

let issued = 0;
const session = Math.random().toString(36).slice(2, 8);
/** A fresh id for a sheet, workbook, name, rule or check (unique within the page). */
export function newUniverId(): string {
  issued += 1;
  return `nb${session}${issued.toString(36)}`;
}

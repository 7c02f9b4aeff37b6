// Conversions between Office.js shapes and the report's host-neutral ones: cell contents, name formulas,
// RangeAreas addresses, sizes and colours.
import { contentOf, parseRange, splitSheetRef, type CellContent, type RangeRef } from '../../report';
import { isFormulaEntry } from '../typed-text';

/** Where a defined name points: sheet (unquoted) and its top-left-based box. */
export interface NameTarget {
  readonly sheet: string;
  /** A1 without $, as the name spells it ("B7" or "B7:C7"). */
  readonly range: string;
  readonly box: RangeRef;
}

/** "=年报!$B$7", "='年 报'!$B$7:$C$7" → target; "=#REF!", "=年报!#REF!" or a constant → null. */
export function nameTarget(formula: string | null | undefined): NameTarget | null {
  if (!formula) return null;
  const split = splitSheetRef(formula);
  if (!split || split.range.includes(',')) return null;
  const box = parseRange(split.range);
  return box ? { sheet: split.sheet, range: split.range, box } : null;
}

/** One cell as Office.js reports it (`values`, `valueTypes`, `formulas`) to CellContent. */
export function officeContent(value: unknown, valueType: string | undefined, formula: unknown): CellContent {
  const base = contentOf(value, valueType === 'Error' ? 'error' : undefined);
  return isFormulaEntry(formula, value) ? { ...base, formula } : base;
}

/** Splits a RangeAreas address "年报!A1:C1,'a,b'!D4" at the commas outside quoted sheet names. */
function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Boxes of a RangeAreas address (the sheet part dropped; the caller knows which sheet it asked about). */
export function areaBoxes(address: string): RangeRef[] {
  return splitAreas(address)
    .map((a) => parseRange(splitSheetRef(a)?.range ?? a))
    .filter((b): b is RangeRef => b !== null);
}

/**
 * A column width in the file's character units (as ExcelJS and the layout give it) to the points Office.js
 * wants, through Excel's own pixel rounding for the default 7-pixel digit, so both writers draw the same width.
 */
export function columnWidthPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}

/** "FFC7CE" → "#FFC7CE". */
export function hex(rgb: string): string {
  return `#${rgb.toUpperCase()}`;
}

export function inches(n: number): number {
  return Math.round(n * 72 * 100) / 100;
}

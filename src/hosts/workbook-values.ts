// The workbook model's persisted set read from and written to any host: every field of workbookFields() (numbers,
// 机关名称 and 年度, 补充信息 figures, texts and templates, last year's block, any named cell a plan adds), by name.
// The web page keeps it in IndexedDB and in the .xlsx it saves; Excel and WPS keep it in their own workbook.
import { plainValue, workbookFieldNames, type CellContent } from '../report';
import type { NamedValue, SpreadsheetHost } from './spreadsheet-host';

/** A formula the user typed into a cell, kept as one (with its leading '='); every string is text. */
export interface SavedFormula {
  readonly formula: string;
}

export type SavedValue = string | number | boolean | null | SavedFormula;

/** What writableValues hands a host that keeps formulas (the web page): a NamedValue, or a formula typed as one. */
export type WritableValue = NamedValue | SavedFormula;

export const isSavedFormula = (v: SavedValue | undefined): v is SavedFormula => typeof v === 'object' && v !== null;

/** A cell's content as it is persisted: a formula typed as one ({ formula: '=…' }), everything else as its value. */
export function savedValue(c: CellContent): SavedValue {
  if (c.formula) return { formula: c.formula.startsWith('=') ? c.formula : `=${c.formula}` };
  return plainValue(c);
}

/** Every field the workbook has a cell for, by name (fields whose name is missing are left out). */
export async function readWorkbookValues(
  host: Pick<SpreadsheetHost, 'listNames' | 'readNamedCells'>,
): Promise<Map<string, SavedValue>> {
  const known = new Set((await host.listNames()).filter((n) => n.ref).map((n) => n.name));
  const names = workbookFieldNames().filter((n) => known.has(n));
  const read = await host.readNamedCells(names);
  return new Map(names.map((n, i) => [n, savedValue(read.values[i])]));
}

/** Every field blank, then `values` over it: what replaces the whole model (打开 a file). */
export function wholeModel(values: ReadonlyMap<string, SavedValue>): Map<string, SavedValue> {
  const all = new Map<string, SavedValue>(workbookFieldNames().map((n) => [n, null]));
  for (const [n, v] of values) all.set(n, v);
  return all;
}

/** The values a host can write: only names it has, booleans as TRUE/FALSE. */
export function writableValues(
  values: ReadonlyMap<string, SavedValue>,
  known: ReadonlySet<string>,
): Map<string, WritableValue> {
  const out = new Map<string, WritableValue>();
  for (const [name, v] of values)
    if (known.has(name)) out.set(name, typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v);
  return out;
}

/** Whether two persisted sets hold the same values (a missing name counts as blank). */
export function sameValues(a: ReadonlyMap<string, SavedValue>, b: ReadonlyMap<string, SavedValue>): boolean {
  const key = (v: SavedValue | undefined) => (isSavedFormula(v) ? `\u0000${v.formula}` : (v ?? null));
  for (const n of new Set([...a.keys(), ...b.keys()])) if (key(a.get(n)) !== key(b.get(n))) return false;
  return true;
}

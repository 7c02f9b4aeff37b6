// The `validate --json` contract and the `export --csv` columns: shapes other tools read. Change only compatibly.
// Imported from the modules themselves, not the report index, so `validate` loads no narrative (Handlebars).
import type { FormatCells } from '../report/layout/input-cells';
import { plainValue, type CellContent } from '../report/model/cell-content';
import type { Finding } from '../report/rules/finding';
import { SUPPLEMENT_FIELD_BY_NAME, SUPPLEMENT_SHEET_NAME } from '../report/layout/supplement';
import { workbookFields } from '../report/sheet-edits/workbook-fields';
import type { SpreadsheetHost } from '../hosts/spreadsheet-host';

export interface JsonCell {
  readonly ref: string | null;
  readonly table: string;
  readonly row: string;
  readonly column: string;
  readonly value: number | string | boolean | null;
}

export interface JsonFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly cells: readonly JsonCell[];
  /** Present when the warning was dismissed in the workbook (补充信息) and its cells have not changed since. */
  readonly dismissed?: { readonly reason: string };
}

export interface JsonReport {
  readonly file: string;
  readonly template: { readonly format: string; readonly version: number | null; readonly sheet: string } | null;
  readonly error?: string;
  /** warnings: those that stand; dismissed (when any): warnings dismissed with a reason (in findings, marked). */
  readonly summary: { readonly errors: number; readonly warnings: number; readonly dismissed?: number };
  readonly findings: readonly JsonFinding[];
}

/** The cell `name` of a report of the format whose `cells` these are. */
export function jsonCell(
  name: string,
  values: readonly CellContent[],
  refs: ReadonlyMap<string, string>,
  cells: FormatCells,
): JsonCell {
  const cell = cells.valueCellByName.get(name);
  // A 补充信息 text (where an N.* finding's words are) is named by its label.
  const sup = cell ? undefined : SUPPLEMENT_FIELD_BY_NAME.get(name);
  return {
    ref: refs.get(name) ?? null,
    table: cell?.table ?? (sup ? 'SUP' : ''),
    row: cell?.rowLabel ?? sup?.label ?? name,
    column: cell?.columnLabel ?? '',
    value: cell ? plainValue(values[cell.index] ?? { kind: 'blank' }) : null,
  };
}

export function jsonFinding(
  f: Finding,
  values: readonly CellContent[],
  refs: ReadonlyMap<string, string>,
  cells: FormatCells,
  dismissedFor?: string,
): JsonFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    cells: f.cells.map((n) => jsonCell(n, values, refs, cells)),
    ...(dismissedFor !== undefined ? { dismissed: { reason: dismissedFor } } : {}),
  };
}

/** The template part of `validate --json`: the format id its marker names (format-2021 for an older marker). */
export function templateInfo(sheet: string, version: number | null, format: string): JsonReport['template'] {
  return { format, version, sheet };
}

/** Neutralises spreadsheet formula injection in a text field (=, +, -, @, tab, CR at the start). */
export function safeCsvText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  const s = safeCsvText(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = ['table', 'row', 'column', 'ref', 'value'] as const;

/** A field of the workbook model that is not a value cell (补充信息 texts and templates, named text cells). */
export interface TextFieldRow {
  readonly table: string;
  readonly label: string;
  readonly ref: string;
  readonly value: string | number | boolean | null;
}

/** The model's text fields a workbook has (workbookFields minus the value cells), as rows after the numbers. */
export async function textFieldRows(
  host: Pick<SpreadsheetHost, 'listNames' | 'readNamedCells'>,
  cells: FormatCells,
): Promise<TextFieldRow[]> {
  const refs = new Map((await host.listNames()).flatMap((n) => (n.ref ? [[n.name, n.ref] as const] : [])));
  const fields = workbookFields().filter((f) => !cells.valueCellByName.has(f.name) && refs.has(f.name));
  const read = await host.readNamedCells(fields.map((f) => f.name));
  return fields.map((f, i) => ({
    table: f.sheet === SUPPLEMENT_SHEET_NAME ? 'SUP' : f.sheet,
    label: f.label,
    ref: refs.get(f.name)!,
    value: plainValue(read.values[i]),
  }));
}

/**
 * Every input as one line: table,row,column,ref,value (UTF-8 with BOM so Excel opens it as such); then, when given,
 * the model's text fields (补充信息 texts and templates) in the same columns.
 */
export function inputsCsv(
  values: readonly CellContent[],
  refs: ReadonlyMap<string, string>,
  cells: FormatCells,
  texts: readonly TextFieldRow[] = [],
): string {
  const lines = [CSV_COLUMNS.join(',')];
  // The report's inputs always, then the 补充信息 numbers when the workbook has them. Last year's block is not this
  // report's data (its rows would repeat 表三/表二 labels with last year's figures), so it stays out.
  const previous = new Set(cells.previousCells.map((c) => c.name));
  for (const cell of cells.valueCells.filter(
    (c) => c.index < cells.inputCells.length || (refs.has(c.name) && !previous.has(c.name)),
  )) {
    const j = jsonCell(cell.name, values, refs, cells);
    lines.push([j.table, j.row, j.column, j.ref, j.value].map(csvField).join(','));
  }
  for (const t of texts) lines.push([t.table, t.label, '', t.ref, t.value].map(csvField).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

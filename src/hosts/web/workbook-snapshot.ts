// A plan's new sheets as Univer data, written in one step instead of one command per edit: each added sheet's
// cells, styles, merges and sizes as worksheet data, and its names, highlight rules and number checks as the
// plugins' snapshot resources. The page starts from a workbook built this way (one createWorkbook; start-sheet.ts
// keeps the highlight rules for the commands, see there why); a workbook already open gets each new sheet
// with one insert-sheet and the rest through the plugins' commands. Edits on existing sheets are left for the commands.
import type {
  ICellData,
  IColumnData,
  IRange,
  IRowData,
  ISheetDataValidationRule,
  IWorkbookData,
  IWorksheetData,
} from '@univerjs/presets';
import type { IConditionFormattingRule } from '@univerjs/preset-sheets-conditional-formatting';
import { type SheetEdit } from '../../report';
import {
  columnPixels,
  paintFormat,
  highlightRule,
  nameTarget,
  namedValueCell,
  numberValidation,
  overlaps,
  rangeOf,
  rowPixels,
} from './univer-cells';
import type { WritableValue } from '../workbook-values';

/** The resource names the plugins register (sheets, sheets-conditional-formatting, data-validation, 0.25.1). */
export const DEFINED_NAMES_RESOURCE = 'SHEET_DEFINED_NAME_PLUGIN';
export const HIGHLIGHTS_RESOURCE = 'SHEET_CONDITIONAL_FORMATTING_PLUGIN';
export const VALIDATIONS_RESOURCE = 'SHEET_DATA_VALIDATION_PLUGIN';

/** A defined name's scope when it belongs to the whole workbook (SCOPE_WORKBOOK_VALUE_DEFINED_NAME, sheets). */
const WORKBOOK_SCOPE = 'AllDefaultWorkbook';
/** CellValueType: STRING, NUMBER (core). */
const CELL_TEXT = 1;
const CELL_NUMBER = 2;
/**
 * A template value's cell type. Text with a character outside printable ASCII (every Chinese label) is no number,
 * date or time to a spreadsheet, so it goes untyped (Univer reads an untyped string as text): Univer 0.25.1 asks its date and number parser, on every
 * redraw and for every read of a cell typed as text, whether the text looks like a number (to mark it as "number
 * stored as text"), and with ~500 labels read ~12,000 times a redraw (merged borders) that parse was a tenth of
 * the page's start-up (issue #15). Other text keeps the text type, so "2021" stays text.
 */
function typeOf(v: string | number): number | undefined {
  if (typeof v === 'number') return CELL_NUMBER;
  return /[^ -~\t\r\n]/.test(v) ? undefined : CELL_TEXT;
}
const SHOWN = 0;
const HIDDEN = 1;
/** A new sheet's size unless the plan needs more (Univer's own defaults). */
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 20;

type Edit<K extends SheetEdit['op']> = Extract<SheetEdit, { op: K }>;
/** The worksheet data a new sheet starts with (id and name always set). */
export type SheetData = Partial<IWorksheetData> & Pick<IWorksheetData, 'id' | 'name'>;

export interface PlanSnapshot {
  /** The plan's new sheets, in plan order. */
  readonly sheets: readonly SheetData[];
  /** Names, highlight rules and number checks on the new sheets (the plugins' part). */
  readonly pluginEdits: readonly SheetEdit[];
  /** Everything on sheets that already exist, for the commands, in plan order. */
  readonly rest: readonly SheetEdit[];
}

class SheetBuilder {
  readonly cells: Record<number, Record<number, ICellData>> = {};
  readonly merges: IRange[] = [];
  readonly columns: Record<number, Partial<IColumnData>> = {};
  readonly rows: Record<number, Partial<IRowData>> = {};
  private bottom = -1;
  private right = -1;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly hidden: boolean,
  ) {}

  cell(row: number, col: number): ICellData {
    this.bottom = Math.max(this.bottom, row);
    this.right = Math.max(this.right, col);
    const r = (this.cells[row] ??= {});
    return (r[col] ??= {});
  }

  data(): SheetData {
    return {
      id: this.id,
      name: this.name,
      hidden: this.hidden ? HIDDEN : SHOWN,
      // As the reference writer does: the form's borders are the grid.
      showGridlines: SHOWN,
      rowCount: Math.max(DEFAULT_ROWS, this.bottom + 1),
      columnCount: Math.max(DEFAULT_COLUMNS, this.right + 1),
      cellData: this.cells,
      mergeData: this.merges,
      columnData: this.columns,
      rowData: this.rows,
    };
  }
}

function put(b: SheetBuilder, e: SheetEdit): void {
  switch (e.op) {
    case 'columnWidths':
      e.widths.forEach((w, i) => (b.columns[e.first - 1 + i] = { w: columnPixels(w) }));
      return;
    case 'rowHeights':
      // ia 0: a height the plan set, not one Univer should fit to the text.
      e.heights.forEach((h, i) => (b.rows[e.first - 1 + i] = { h: rowPixels(h), ia: 0 }));
      return;
    case 'values': {
      const top = rangeOf(e.range);
      e.values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === null) return;
          const cell = b.cell(top.startRow + i, top.startColumn + j);
          cell.v = v;
          const type = typeOf(v);
          if (type !== undefined) cell.t = type;
        }),
      );
      return;
    }
    case 'format':
      paintFormat(e.format, e.ranges, (row, col) => b.cell(row, col));
      return;
    case 'merge':
      // An overlapping merge is not made (as the commands skip it).
      for (const r of e.ranges.map(rangeOf)) if (!b.merges.some((m) => overlaps(m, r))) b.merges.push(r);
      return;
    default:
      // pageSetup and protect: nothing in Univer we use (docs/web.md).
      return;
  }
}

const PLUGIN_OPS = new Set<SheetEdit['op']>(['defineName', 'conditionalFormat', 'validation']);

/**
 * Splits a plan into the sheets it adds (as data), the plugin edits on those sheets and the edits on sheets that
 * exist. `exists` says which sheets the workbook has; `newId` gives unique ids.
 */
export function planSnapshot(
  edits: readonly SheetEdit[],
  exists: (sheet: string) => boolean,
  newId: () => string,
): PlanSnapshot {
  const builders = new Map<string, SheetBuilder>();
  const pluginEdits: SheetEdit[] = [];
  const rest: SheetEdit[] = [];
  for (const e of edits) {
    if (e.op === 'addSheet') {
      if (!exists(e.sheet) && !builders.has(e.sheet))
        builders.set(e.sheet, new SheetBuilder(newId(), e.sheet, e.hidden === true));
      continue;
    }
    const b = builders.get(e.sheet);
    if (!b) rest.push(e);
    else if (PLUGIN_OPS.has(e.op)) pluginEdits.push(e);
    else put(b, e);
  }
  return { sheets: [...builders.values()].map((b) => b.data()), pluginEdits, rest };
}

/**
 * Writes `values` into the snapshot's cells through the names the snapshot defines, as UniverHost.writeNamedValues
 * writes them into an open workbook (namedValueCell; the cell's style stays). Restored work goes in this way before
 * the workbook is created, so the first paint and the first calculation already hold it instead of a second round
 * of both after it (issue #15). Returns the names written; others (a name on a sheet the snapshot does not add) are
 * the caller's.
 */
export function putNamedValues(snapshot: PlanSnapshot, values: ReadonlyMap<string, WritableValue>): Set<string> {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s.cellData as Record<number, Record<number, ICellData>>]));
  const written = new Set<string>();
  for (const e of snapshot.pluginEdits) {
    if (e.op !== 'defineName' || !values.has(e.name)) continue;
    const cells = sheets.get(e.sheet);
    if (!cells) continue;
    const { startRow, startColumn } = rangeOf(e.range);
    const cell = ((cells[startRow] ??= {})[startColumn] ??= {});
    for (const [key, v] of Object.entries(namedValueCell(values.get(e.name)!)))
      if (v === null) delete cell[key as keyof ICellData];
      else Object.assign(cell, { [key]: v });
    // A number's type, as the template's numbers have it (the open workbook's write infers it).
    if (typeof cell.v === 'number') cell.t = CELL_NUMBER;
    written.add(e.name);
  }
  return written;
}

/** The rules of one sheet as the plugin keeps them: a later rule goes first (as adding one by one leaves them). */
function sheetHighlights(edits: readonly Edit<'conditionalFormat'>[], newId: () => string): IConditionFormattingRule[] {
  const kept: { edit: Edit<'conditionalFormat'>; rule: IConditionFormattingRule }[] = [];
  for (const e of edits) {
    const replaced = new Set(e.replaces ?? []);
    const same = (k: Edit<'conditionalFormat'>) =>
      k.formula === e.formula && JSON.stringify(k.ranges.map(rangeOf)) === JSON.stringify(e.ranges.map(rangeOf));
    for (let i = kept.length - 1; i >= 0; i--) if (replaced.has(kept[i].edit.formula)) kept.splice(i, 1);
    if (!kept.some((k) => same(k.edit))) kept.push({ edit: e, rule: highlightRule(e, newId()) });
  }
  return kept.map((k) => k.rule).reverse();
}

/** The whole workbook for createWorkbook: the plan's sheets with their names, rules and checks as resources. */
export function workbookData(
  snapshot: PlanSnapshot,
  unit: { readonly id: string; readonly name: string },
  newId: () => string,
): Partial<IWorkbookData> {
  const idOf = new Map(snapshot.sheets.map((s) => [s.name, s.id]));
  const names: Record<string, { id: string; name: string; formulaOrRefString: string; localSheetId: string }> = {};
  const highlights = new Map<string, Edit<'conditionalFormat'>[]>();
  const validations: Record<string, ISheetDataValidationRule[]> = {};
  for (const e of snapshot.pluginEdits) {
    const sheetId = idOf.get(e.sheet)!;
    if (e.op === 'defineName') {
      const id = newId();
      names[id] = { id, name: e.name, formulaOrRefString: nameTarget(e.sheet, e.range), localSheetId: WORKBOOK_SCOPE };
    } else if (e.op === 'conditionalFormat') {
      (highlights.get(sheetId) ?? highlights.set(sheetId, []).get(sheetId)!).push(e);
    } else if (e.op === 'validation') {
      (validations[sheetId] ??= []).push(numberValidation(e.rule, e.ranges, newId()));
    }
  }
  const rules = Object.fromEntries([...highlights].map(([id, list]) => [id, sheetHighlights(list, newId)]));
  return {
    id: unit.id,
    name: unit.name,
    sheetOrder: snapshot.sheets.map((s) => s.id),
    sheets: Object.fromEntries(snapshot.sheets.map((s) => [s.id, s])),
    resources: [
      { name: DEFINED_NAMES_RESOURCE, data: JSON.stringify(names) },
      { name: HIGHLIGHTS_RESOURCE, data: JSON.stringify(rules) },
      { name: VALIDATIONS_RESOURCE, data: JSON.stringify(validations) },
    ],
  };
}

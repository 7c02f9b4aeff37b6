// The in-browser spreadsheet (Univer 0.25.1) behind SpreadsheetHost: names resolve through the workbook's defined
// names, the template is written through the facade, and highlighting is native conditional formatting with the
// same compiled formulas Excel and WPS get. Print setup and protection have no Univer equivalent we use
// (docs/web.md); those edits are skipped.
import type { FUniver, ICellData, IStyleData } from '@univerjs/presets';
import type { FWorkbook, FWorksheet } from '@univerjs/preset-sheets-core';
import type {} from '@univerjs/preset-sheets-conditional-formatting';
import type {} from '@univerjs/preset-sheets-data-validation';
import {
  BLANK,
  boundingBox,
  HIGHLIGHT,
  contentOf,
  isErrorCode,
  parseRange,
  quoteSheet,
  splitSheetRef,
  type CellContent,
  type CellRef,
  type CellFormat,
  type SheetEdit,
  type ValidationRule,
} from '../../report';
import { handleEdit, type EditHandlers, type EditOf } from '../edit-handlers';
import type { NamedCellsRead, NamedRef, SpreadsheetHost } from '../spreadsheet-host';

type FRangeOf = ReturnType<FWorksheet['getRange']>;

// Univer's numeric enums (core), spelled out so this module needs no runtime import from the sheet library.
const H_ALIGN = { left: 1, center: 2, right: 3 } as const;
const V_ALIGN = { top: 1, middle: 2, bottom: 3 } as const;
const WRAP = 3;
const BORDER_THIN = 1;
const TRUE_NUMBER = 1;
const CELL_BOOLEAN = 3;
/** CellValueType.FORCE_STRING: text kept as text even when it reads as a number ("0012"), as a '-prefixed entry. */
const CELL_STRING = 4;
const SET_RANGE_VALUES = 'sheet.mutation.set-range-values';
const ADD_MERGE = 'sheet.command.add-worksheet-merge';
/** Cell keys that carry content (value, rich text, formula); a change with only `s` is a style change. */
const CONTENT_KEYS = ['v', 'p', 'f', 'si'];

/** Excel character widths and point heights (the plan's units) to Univer pixels at 96 dpi. */
export const columnPixels = (chars: number) => Math.round(chars * 7 + 5);
export const rowPixels = (points: number) => Math.round((points * 96) / 72);

function rgb(hex: string): { rgb: string } {
  return { rgb: `#${hex}` };
}

function styleOf(f: CellFormat): IStyleData {
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

/** A sparse patch of cells (0-based row → col → data), written with one set-range-values per sheet. */
class CellPatch {
  readonly cells = new Map<number, Map<number, ICellData>>();
  private box = { top: Infinity, left: Infinity, bottom: -1, right: -1 };

  at(row: number, col: number): ICellData {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) r.set(col, (c = {}));
    this.box = {
      top: Math.min(this.box.top, row),
      left: Math.min(this.box.left, col),
      bottom: Math.max(this.box.bottom, row),
      right: Math.max(this.box.right, col),
    };
    return c;
  }

  get empty(): boolean {
    return this.box.bottom < 0;
  }

  write(ws: FWorksheet): void {
    if (this.empty) return;
    const { top, left, bottom, right } = this.box;
    const matrix: Record<number, Record<number, ICellData>> = {};
    for (const [r, cols] of this.cells) matrix[r] = Object.fromEntries(cols);
    ws.getRange(top, left, bottom - top + 1, right - left + 1).setValues(matrix);
  }
}

/** Runs of equal neighbours: [5, 5, 7] → {start 0, count 2, value 5}, {start 2, count 1, value 7}. */
export function runsOf(values: readonly number[]): { start: number; count: number; value: number }[] {
  const runs: { start: number; count: number; value: number }[] = [];
  values.forEach((value, i) => {
    const last = runs[runs.length - 1];
    if (last && last.value === value) last.count += 1;
    else runs.push({ start: i, count: 1, value });
  });
  return runs;
}

function eachCell(range: string, fn: (row: number, col: number) => void): void {
  const r = parseRange(range);
  if (!r) throw new Error(`bad range ${range}`);
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(row - 1, col - 1);
}

function isContentChange(payload: { id: string; params: unknown }): boolean {
  if (payload.id !== SET_RANGE_VALUES) return true;
  const matrix = (payload.params as { cellValue?: Record<string, Record<string, ICellData | null>> }).cellValue;
  if (!matrix) return false;
  for (const row of Object.values(matrix))
    for (const cell of Object.values(row)) {
      if (!cell) return true;
      if (CONTENT_KEYS.some((k) => k in cell)) return true;
    }
  return false;
}

export class UniverHost implements SpreadsheetHost {
  /** Our own writes are not the user's edits; counted so nested writes stay quiet. */
  private writing = 0;
  private readonly listeners = new Set<() => void>();
  private readonly valueListeners = new Set<() => void>();
  /** Sheets an addSheet edit created or named. */
  private readonly ourSheets = new Set<string>();

  constructor(
    readonly univerAPI: FUniver,
    readonly workbook: FWorkbook,
    /** Empties the undo stack (after the page builds or replaces the report, which the user did not do). */
    readonly forgetHistory: () => void = () => undefined,
  ) {
    univerAPI.addEvent(univerAPI.Event.SheetValueChanged, (p) => {
      const unit = p.effectedRanges[0]?.getUnitId() ?? (p.payload.params as { unitId?: string }).unitId;
      if (unit !== this.workbook.getId() || !isContentChange(p.payload)) return;
      for (const l of [...this.valueListeners]) l();
      if (this.writing === 0) for (const l of [...this.listeners]) l();
    });
  }

  async listNames(): Promise<readonly NamedRef[]> {
    return this.workbook
      .getDefinedNames()
      .filter((d) => d.isWorkbookScope())
      .map((d) => ({ name: d.getName(), ref: this.normaliseRef(d.getFormulaOrRefString()) }));
  }

  async sheetNames(): Promise<readonly string[]> {
    return this.workbook.getSheets().map((s) => s.getSheetName());
  }

  /** "'年报'!$D$5" to "年报!D5"; null when it is not one cell or range on an existing sheet. */
  private normaliseRef(text: string): string | null {
    const split = splitSheetRef(text);
    if (!split || !parseRange(split.range) || !this.workbook.getSheetByName(split.sheet)) return null;
    return `${split.sheet}!${split.range}`;
  }

  private resolve(name: string): { ws: FWorksheet; row: number; col: number } | null {
    const def = this.workbook.getDefinedName(name);
    const ref = def ? this.normaliseRef(def.getFormulaOrRefString()) : null;
    if (!ref) return null;
    const split = splitSheetRef(ref)!;
    const r = parseRange(split.range)!;
    return { ws: this.workbook.getSheetByName(split.sheet)!, row: r.top - 1, col: r.left - 1 };
  }

  async readNamedCells(names: readonly string[]): Promise<NamedCellsRead> {
    const at = names.map((n) => this.resolve(n));
    const missing = names.filter((_, i) => !at[i]);
    const mergedAway: string[] = [];
    // One bounding block per sheet (0-based rows and columns, as the facade takes them).
    const cellsBySheet = new Map<FWorksheet, CellRef[]>();
    for (const a of at) if (a) (cellsBySheet.get(a.ws) ?? cellsBySheet.set(a.ws, []).get(a.ws)!).push(a);
    const blocks = new Map([...cellsBySheet].map(([ws, cells]) => [ws, boundingBox(cells)]));
    const grids = new Map<FWorksheet, ReturnType<FRangeOf['getCellDatas']>>();
    for (const [ws, b] of blocks)
      grids.set(ws, ws.getRange(b.top, b.left, b.bottom - b.top + 1, b.right - b.left + 1).getCellDatas());
    const values = at.map((a, i): CellContent => {
      if (!a) return BLANK;
      const b = blocks.get(a.ws)!;
      const merge = a.ws.getCellMergeData(a.row, a.col);
      if (merge && (merge.getRow() !== a.row || merge.getColumn() !== a.col)) mergedAway.push(names[i]);
      return this.content(grids.get(a.ws)![a.row - b.top]?.[a.col - b.left]);
    });
    return { values, missing, mergedAway };
  }

  private content(cell: ICellData | null | undefined | void): CellContent {
    if (!cell) return BLANK;
    const formula = cell.f ? cell.f : undefined;
    let inner: CellContent;
    if (cell.t === CELL_BOOLEAN) inner = { kind: 'bool', value: cell.v === true || cell.v === 1 || cell.v === 'TRUE' };
    else if (cell.v === undefined && cell.p) inner = contentOf(cell.p.body?.dataStream?.replace(/\r\n$/, '') ?? '');
    else if (formula && typeof cell.v === 'string' && isErrorCode(cell.v)) inner = contentOf(cell.v, 'error');
    else inner = contentOf(cell.v);
    return formula ? { ...inner, formula } : inner;
  }

  async applyEdits(edits: readonly SheetEdit[]): Promise<void> {
    this.writing += 1;
    try {
      await this.apply(edits);
    } finally {
      this.writing -= 1;
    }
  }

  private sheet(name: string): FWorksheet {
    const ws = this.workbook.getSheetByName(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  }

  private async apply(edits: readonly SheetEdit[]): Promise<void> {
    // Inserting a sheet activates it; the user stays on the sheet they were on.
    const active = this.workbook.getActiveSheet().getSheetId();
    await this.applyInOrder(edits);
    const before = this.workbook.getSheetBySheetId(active);
    if (before && this.workbook.getActiveSheet().getSheetId() !== active) this.workbook.setActiveSheet(before);
  }

  private async applyInOrder(edits: readonly SheetEdit[]): Promise<void> {
    // Values and formats of one sheet go out as one sparse write; everything else follows in plan order.
    const patches = new Map<string, CellPatch>();
    const patch = (sheet: string) => patches.get(sheet) ?? patches.set(sheet, new CellPatch()).get(sheet)!;
    /** Merges, names, rules and validations: after the values and formats are in, in plan order. */
    const later: (() => void | Promise<void>)[] = [];
    const handlers: EditHandlers = {
      addSheet: (e) => this.addSheet(e.sheet, e.hidden === true),
      // One command per run of equal sizes: each command re-lays the sheet out, the page's start-up waits on it.
      columnWidths: (e) => {
        for (const r of runsOf(e.widths.map(columnPixels)))
          this.sheet(e.sheet).setColumnWidths(e.first - 1 + r.start, r.count, r.value);
      },
      rowHeights: (e) => {
        for (const r of runsOf(e.heights.map(rowPixels)))
          this.sheet(e.sheet).setRowHeights(e.first - 1 + r.start, r.count, r.value);
      },
      values: (e) => {
        const r = parseRange(e.range)!;
        const p = patch(e.sheet);
        e.values.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v !== null) p.at(r.top - 1 + i, r.left - 1 + j).v = v;
          }),
        );
      },
      format: (e) => {
        const s = styleOf(e.format);
        const p = patch(e.sheet);
        for (const range of e.ranges)
          eachCell(range, (row, col) => {
            const c = p.at(row, col);
            c.s = { ...((c.s as IStyleData | undefined) ?? {}), ...s };
          });
      },
      merge: (e) => void later.push(() => this.merge(e)),
      defineName: (e) => void later.push(() => this.defineName(e)),
      conditionalFormat: (e) => void later.push(() => this.conditionalFormat(e)),
      validation: (e) => void later.push(() => this.validation(e)),
      // No print setup in Univer; protection would lock the labels behind a permission dialog (docs/web.md).
      pageSetup: () => undefined,
      protect: () => undefined,
    };
    for (const e of edits) handleEdit(handlers, e);
    for (const [sheet, p] of patches) p.write(this.sheet(sheet));
    for (const run of later) await run();
  }

  private addSheet(name: string, hidden: boolean): void {
    if (this.workbook.getSheetByName(name)) return;
    const sheets = this.workbook.getSheets();
    // A new workbook's one empty default sheet becomes the template sheet rather than sitting beside it.
    // (Only one we have not named already: a batch writes its values after all its sheets exist.)
    const only = sheets.length === 1 && !this.ourSheets.has(sheets[0].getSheetId()) ? sheets[0] : null;
    const blank = only && only.getLastRow() === 0 && only.getLastColumn() === 0 && only.getRange(0, 0).isBlank();
    const ws = blank ? only.setName(name) : this.workbook.insertSheet(name);
    this.ourSheets.add(ws.getSheetId());
    // As the reference writer does: the form's borders are the grid.
    ws.setHiddenGridlines(true);
    if (hidden) ws.hideSheet();
  }

  private async merge(e: EditOf<'merge'>): Promise<void> {
    const ws = this.sheet(e.sheet);
    const existing = ws.getMergedRanges().map((r) => r.getRange());
    const fresh = e.ranges
      .map((a1) => ws.getRange(a1).getRange())
      .filter(
        (r) =>
          !existing.some(
            (m) =>
              m.startRow <= r.endRow &&
              r.startRow <= m.endRow &&
              m.startColumn <= r.endColumn &&
              r.startColumn <= m.endColumn,
          ),
      );
    if (fresh.length === 0) return;
    await this.univerAPI.executeCommand(ADD_MERGE, {
      unitId: this.workbook.getId(),
      subUnitId: ws.getSheetId(),
      selections: fresh,
      defaultMerge: true,
    });
  }

  private defineName(e: EditOf<'defineName'>): void {
    const ref = `${quoteSheet(e.sheet)}!${e.range
      .split(':')
      .map((p) => p.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
      .join(':')}`;
    const existing = this.workbook.getDefinedName(e.name);
    if (existing) {
      if (this.normaliseRef(existing.getFormulaOrRefString()) === `${e.sheet}!${e.range}`) return;
      this.workbook.deleteDefinedName(e.name);
    }
    this.workbook.insertDefinedName(e.name, ref);
  }

  private conditionalFormat(e: EditOf<'conditionalFormat'>): void {
    const ws = this.sheet(e.sheet);
    const formula = `=${e.formula}`;
    const ranges = e.ranges.map((a1) => ws.getRange(a1).getRange());
    const rules = ws.getConditionalFormattingRules();
    // A rule that supersedes an earlier one of ours (上年数据 OR-s the cross-year checks in) replaces it.
    const replaced = new Set((e.replaces ?? []).map((f) => `=${f}`));
    for (const r of rules)
      if (replaced.has(String((r.rule as { value?: unknown }).value))) ws.deleteConditionalFormattingRule(r.cfId);
    const same = rules.some(
      (r) => (r.rule as { value?: unknown }).value === formula && JSON.stringify(r.ranges) === JSON.stringify(ranges),
    );
    if (same) return;
    const colours = HIGHLIGHT[e.style];
    const rule = ws
      .newConditionalFormattingRule()
      .whenFormulaSatisfied(formula)
      .setRanges(ranges)
      .setBackground(`#${colours.fill}`)
      .setFontColor(`#${colours.fontColor}`)
      .build();
    ws.addConditionalFormattingRule(rule);
  }

  private validation(e: EditOf<'validation'>): void {
    const ws = this.sheet(e.sheet);
    const rule: ValidationRule = e.rule;
    for (const a1 of e.ranges) {
      const range = ws.getRange(a1);
      // Invalid input is marked, not refused: what the user typed is kept, and the findings explain it.
      const dv = this.univerAPI
        .newDataValidation()
        .requireNumberBetween(rule.min, rule.max, rule.type === 'whole')
        .setAllowInvalid(true)
        .setOptions({
          showErrorMessage: true,
          error: rule.error,
          errorTitle: rule.errorTitle,
          showInputMessage: true,
          prompt: rule.prompt,
          promptTitle: rule.promptTitle,
        })
        .build();
      range.setDataValidation(dv);
    }
  }

  /**
   * Strings are written as text (cell type string, no formula), whatever they start with; only a `{ formula }` (a
   * formula the user typed, brought back by 打开 or restored work) is written as a formula.
   */
  async writeNamedValues(
    values: ReadonlyMap<string, string | number | null | { readonly formula: string }>,
  ): Promise<void> {
    this.writing += 1;
    try {
      const patches = new Map<FWorksheet, CellPatch>();
      for (const [name, value] of values) {
        const at = this.resolve(name);
        if (!at) throw new Error(`名称 ${name} 不存在或指向无效位置`);
        const p = patches.get(at.ws) ?? patches.set(at.ws, new CellPatch()).get(at.ws)!;
        const cell = p.at(at.row, at.col);
        // null clears the value (and any formula) but keeps the cell's style.
        if (value !== null && typeof value === 'object')
          Object.assign(cell, { f: value.formula, v: null, p: null, si: null });
        else if (typeof value === 'string')
          Object.assign(cell, { v: value, t: CELL_STRING, p: null, f: null, si: null });
        else Object.assign(cell, { v: value, p: null, f: null, si: null });
      }
      for (const [ws, p] of patches) p.write(ws);
    } finally {
      this.writing -= 1;
    }
  }

  async selectNamedCells(names: readonly string[]): Promise<void> {
    const first = names.map((n) => this.resolve(n)).find((a) => a !== null);
    if (!first) return;
    if (this.workbook.getActiveSheet().getSheetId() !== first.ws.getSheetId()) this.workbook.setActiveSheet(first.ws);
    first.ws.getRange(first.row, first.col).activate();
    const seen = first.ws.getVisibleRange();
    const inView =
      seen &&
      first.row >= seen.startRow &&
      first.row <= seen.endRow &&
      first.col >= seen.startColumn &&
      first.col <= seen.endColumn;
    if (!inView) first.ws.scrollToCell(Math.max(0, first.row - 3), 0);
  }

  onUserEdit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every committed value change, ours included (the page saves work in progress on it). */
  onValueChange(listener: () => void): () => void {
    this.valueListeners.add(listener);
    return () => this.valueListeners.delete(listener);
  }
}

// The in-browser spreadsheet (Univer 0.25.1) behind SpreadsheetHost: names resolve through the workbook's defined
// names, a new sheet arrives whole from its snapshot (workbook-snapshot.ts) and other edits through Univer's
// commands, and highlighting is native conditional formatting with the same compiled formulas Excel and WPS get.
// Print setup and protection have no Univer equivalent we use (docs/web.md); those edits are skipped.
import type { FUniver, ICellData } from '@univerjs/presets';
import type { FWorkbook, FWorksheet } from '@univerjs/preset-sheets-core';
import type { IConditionFormattingRule } from '@univerjs/preset-sheets-conditional-formatting';
import type {} from '@univerjs/preset-sheets-data-validation';
import {
  BLANK,
  boundingBox,
  contentOf,
  isErrorCode,
  parseRange,
  splitSheetRef,
  type CellContent,
  type CellRef,
  type SheetEdit,
  type NameTarget,
  widenRules,
} from '../../report';
import { handleEdit, type EditHandlers, type EditOf } from '../edit-handlers';
import type { NamedCellsRead, NamedRef, SpreadsheetHost } from '../spreadsheet-host';
import { equalRuns } from '../write-runs';
import type { WritableValue } from '../workbook-values';
import {
  columnPixels,
  cornersOf,
  paintFormat,
  highlightRule,
  nameTarget,
  namedValueCell,
  newUniverId,
  numberValidation,
  overlaps,
  rangeOf,
  rowPixels,
} from './univer-cells';
import { planSnapshot } from './workbook-snapshot';

type FRangeOf = ReturnType<FWorksheet['getRange']>;

/** What an insertion may change: the sheets (by id), the names (with their targets), each sheet's rules. */
interface WorkbookState {
  readonly sheets: ReadonlySet<string>;
  readonly names: ReadonlyMap<string, string>;
  readonly rules: ReadonlyMap<string, readonly IConditionFormattingRule[]>;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const CELL_BOOLEAN = 3;
const SET_RANGE_VALUES = 'sheet.mutation.set-range-values';
const ADD_MERGE = 'sheet.command.add-worksheet-merge';
const INSERT_SHEET = 'sheet.command.insert-sheet';
const REMOVE_SHEET = 'sheet.command.remove-sheet';
const ADD_HIGHLIGHT = 'sheet.command.add-conditional-rule';
const DELETE_HIGHLIGHT = 'sheet.command.delete-conditional-rule';
const ADD_VALIDATION = 'sheet.command.addDataValidation';
/** Cell keys that carry content (value, rich text, formula); a change with only `s` is a style change. */
const CONTENT_KEYS = ['v', 'p', 'f', 'si'];

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

  /** Where each workbook name points, for widenRules. */
  private namePlaces(): Map<string, NameTarget> {
    const places = new Map<string, NameTarget>();
    for (const d of this.workbook.getDefinedNames()) {
      const split = splitSheetRef(d.getFormulaOrRefString());
      if (split) places.set(d.getName(), split);
    }
    return places;
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
      // One rule per rectangle of same-shaped cells: Univer's redraw is linear in rules (issue #15).
      await this.apply(widenRules(edits, this.namePlaces()));
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
    const adds = edits.some((e) => e.op === 'addSheet' && !this.workbook.getSheetByName(e.sheet));
    if (adds) await this.insert(edits);
    else await this.applyInOrder(edits);
    const before = this.workbook.getSheetBySheetId(active);
    if (before && this.workbook.getActiveSheet().getSheetId() !== active) this.workbook.setActiveSheet(before);
  }

  /**
   * An insertion (issue #10): each new sheet arrives whole with one insert-sheet (cells, styles, merges, sizes),
   * then its names, rules and checks; on any failure what was built is removed and what was replaced put back, so
   * the workbook is complete or as it was, and a retry plans the same sheet name (never 年报(2)).
   */
  private async insert(edits: readonly SheetEdit[]): Promise<void> {
    const before = this.state();
    const snapshot = planSnapshot(edits, (s) => this.workbook.getSheetByName(s) !== null, newUniverId);
    try {
      for (const sheet of snapshot.sheets)
        this.run(INSERT_SHEET, { unitId: this.workbook.getId(), index: this.workbook.getSheets().length, sheet });
      await this.applyInOrder([...snapshot.pluginEdits, ...snapshot.rest]);
      this.verify(snapshot.pluginEdits);
    } catch (e) {
      try {
        this.restore(before);
      } catch (undoFailure) {
        throw new Error(`${errorText(e)}；撤回未完成的插入时又出错：${errorText(undoFailure)}`);
      }
      throw e;
    }
  }

  /**
   * Checks that every name, rule and check of the new sheets is there: a failure inside Univer can be swallowed by
   * its facade (the call returns as if done), and a half-built template must not pass for a whole one.
   */
  private verify(pluginEdits: readonly SheetEdit[]): void {
    const missing = (what: string) => new Error(`表格未完成插入：缺少${what}`);
    const rules = new Map<string, Set<string>>();
    const rulesOf = (sheet: string) => {
      let set = rules.get(sheet);
      if (!set) {
        const ws = this.sheet(sheet);
        set = new Set(ws.getConditionalFormattingRules().map((r) => String((r.rule as { value?: unknown }).value)));
        rules.set(sheet, set);
      }
      return set;
    };
    for (const e of pluginEdits) {
      if (e.op === 'defineName') {
        const d = this.workbook.getDefinedName(e.name);
        if (!d || this.normaliseRef(d.getFormulaOrRefString()) !== `${e.sheet}!${e.range}`)
          throw missing(`名称 ${e.name}`);
      } else if (e.op === 'conditionalFormat') {
        if (!rulesOf(e.sheet).has(`=${e.formula}`)) throw missing(`突出显示规则 ${e.id}`);
      } else if (e.op === 'validation') {
        const ws = this.sheet(e.sheet);
        for (const a1 of e.ranges)
          if (!ws.getRange(a1).getDataValidation()) throw missing(`${e.sheet}!${a1} 的数据验证`);
      }
    }
  }

  /** What an insertion may change: the sheets, the names and each sheet's highlight rules. */
  private state(): WorkbookState {
    return {
      sheets: new Set(this.workbook.getSheets().map((s) => s.getSheetId())),
      names: new Map(this.workbook.getDefinedNames().map((d) => [d.getName(), d.getFormulaOrRefString()])),
      // Copies: the plugin's own rule objects stay live.
      rules: new Map(
        this.workbook
          .getSheets()
          .map((s) => [s.getSheetId(), JSON.parse(JSON.stringify(s.getConditionalFormattingRules()))]),
      ),
    };
  }

  private restore(before: WorkbookState): void {
    const unitId = this.workbook.getId();
    for (const ws of this.workbook.getSheets())
      if (!before.sheets.has(ws.getSheetId())) this.run(REMOVE_SHEET, { unitId, subUnitId: ws.getSheetId() });
    for (const d of this.workbook.getDefinedNames()) {
      const was = before.names.get(d.getName());
      if (was !== d.getFormulaOrRefString()) this.workbook.deleteDefinedName(d.getName());
    }
    for (const [name, ref] of before.names)
      if (!this.workbook.getDefinedName(name)) this.workbook.insertDefinedName(name, ref);
    for (const [subUnitId, rules] of before.rules) {
      const ws = this.workbook.getSheetBySheetId(subUnitId);
      if (!ws || JSON.stringify(ws.getConditionalFormattingRules()) === JSON.stringify(rules)) continue;
      for (const r of ws.getConditionalFormattingRules())
        this.run(DELETE_HIGHLIGHT, { unitId, subUnitId, cfId: r.cfId });
      // Each rule added goes first: added last to first, they stand in their old order.
      for (const rule of [...rules].reverse()) this.run(ADD_HIGHLIGHT, { unitId, subUnitId, rule });
    }
  }

  /** Runs a Univer command and throws when Univer refuses it (the facade would carry on silently). */
  private run(id: string, params: object): void {
    if (!this.univerAPI.syncExecuteCommand(id, params)) throw new Error(`表格拒绝了操作 ${id}`);
  }

  private async applyInOrder(edits: readonly SheetEdit[]): Promise<void> {
    // Values and formats of one sheet go out as one sparse write; everything else follows in plan order.
    const patches = new Map<string, CellPatch>();
    const patch = (sheet: string) => patches.get(sheet) ?? patches.set(sheet, new CellPatch()).get(sheet)!;
    /** Merges, names, rules and validations: after the values and formats are in, in plan order. */
    const later: (() => void | Promise<void>)[] = [];
    const handlers: EditHandlers = {
      // A new sheet arrives whole through the snapshot insert; here the sheet exists already.
      addSheet: () => undefined,
      // One command per run of equal sizes: each command re-lays the sheet out.
      columnWidths: (e) => {
        for (const [i, j, px] of equalRuns(e.widths.map(columnPixels)))
          this.sheet(e.sheet).setColumnWidths(e.first - 1 + i, j - i + 1, px);
      },
      rowHeights: (e) => {
        for (const [i, j, px] of equalRuns(e.heights.map(rowPixels)))
          this.sheet(e.sheet).setRowHeights(e.first - 1 + i, j - i + 1, px);
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
        const p = patch(e.sheet);
        paintFormat(e.format, e.ranges, (row, col) => p.at(row, col));
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

  private async merge(e: EditOf<'merge'>): Promise<void> {
    const ws = this.sheet(e.sheet);
    const existing = ws.getMergedRanges().map((r) => r.getRange());
    const fresh = e.ranges.map(rangeOf).filter((r) => !existing.some((m) => overlaps(m, r)));
    if (fresh.length === 0) return;
    this.run(ADD_MERGE, {
      unitId: this.workbook.getId(),
      subUnitId: ws.getSheetId(),
      selections: fresh,
      defaultMerge: true,
    });
  }

  private defineName(e: EditOf<'defineName'>): void {
    const ref = nameTarget(e.sheet, e.range);
    const existing = this.workbook.getDefinedName(e.name);
    if (existing) {
      if (this.normaliseRef(existing.getFormulaOrRefString()) === `${e.sheet}!${e.range}`) return;
      this.workbook.deleteDefinedName(e.name);
    }
    this.workbook.insertDefinedName(e.name, ref);
    if (!this.workbook.getDefinedName(e.name)) throw new Error(`表格未能定义名称 ${e.name}`);
  }

  private conditionalFormat(e: EditOf<'conditionalFormat'>): void {
    const ws = this.sheet(e.sheet);
    const unitId = this.workbook.getId();
    const subUnitId = ws.getSheetId();
    const wanted = highlightRule(e, newUniverId());
    const rules = ws.getConditionalFormattingRules();
    // A rule that supersedes an earlier one of ours (上年数据 OR-s the cross-year checks in) replaces it.
    const replaced = new Set((e.replaces ?? []).map((f) => `=${f}`));
    for (const r of rules)
      if (replaced.has(String((r.rule as { value?: unknown }).value)))
        this.run(DELETE_HIGHLIGHT, { unitId, subUnitId, cfId: r.cfId });
    const same = rules.some(
      (r) =>
        (r.rule as { value?: unknown }).value === `=${e.formula}` &&
        JSON.stringify(r.ranges.map(cornersOf)) === JSON.stringify(wanted.ranges.map(cornersOf)),
    );
    if (same) return;
    this.run(ADD_HIGHLIGHT, { unitId, subUnitId, rule: wanted });
  }

  private validation(e: EditOf<'validation'>): void {
    const subUnitId = this.sheet(e.sheet).getSheetId();
    this.run(ADD_VALIDATION, {
      unitId: this.workbook.getId(),
      subUnitId,
      rule: numberValidation(e.rule, e.ranges, newUniverId()),
    });
  }

  /**
   * Strings are written as text (cell type string, no formula), whatever they start with; only a `{ formula }` (a
   * formula the user typed, brought back by 打开 or restored work) is written as a formula.
   */
  async writeNamedValues(values: ReadonlyMap<string, WritableValue>): Promise<void> {
    this.writing += 1;
    try {
      const patches = new Map<FWorksheet, CellPatch>();
      for (const [name, value] of values) {
        const at = this.resolve(name);
        if (!at) throw new Error(`名称 ${name} 不存在或指向无效位置`);
        const p = patches.get(at.ws) ?? patches.set(at.ws, new CellPatch()).get(at.ws)!;
        const cell = p.at(at.row, at.col);
        // null clears the value (and any formula) but keeps the cell's style.
        Object.assign(cell, namedValueCell(value));
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

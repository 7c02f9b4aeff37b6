// The WPS 表格 host: SpreadsheetHost over the ET object model (window.Application in a WPS add-in page). ET is
// synchronous and every member access crosses a process boundary, so reads take one bounding range per sheet
// (Value2 and Formula), writes go through Value2 arrays and multi-area ranges, and defined names are resolved
// once per task. The async methods only wrap synchronous work; ribbon callbacks use the *Now variants.
import {
  a1,
  BLANK,
  boundingBox,
  boxA1,
  contentOf,
  isErrorCode,
  parseRange,
  splitSheetRef,
  type CellContent,
  type RangeRef,
  type SheetEdit,
} from '../../report';
import type { ApplyOutcome, NamedCellsRead, NamedRef, SpreadsheetHost } from '../spreadsheet-host';
import {
  activeWorkbook,
  applyEditsToEt,
  findSheet,
  insertIntoEt,
  rejectedRulesError,
  writeBlock,
} from './apply-edits-et';
import type { EtApplication, EtWorkbook, EtWorksheet } from './et-api';
import { beginOwnWrite, watchUserEdits, type WatchOptions } from './edit-relay';
import { unionChunks } from '../write-runs';
import { runSelfTest } from '../self-test/run-self-test';
import type { SelfTestReport } from '../self-test/self-test-report';
import { wpsSelfTestProbes } from './self-test-probes';
import { isFormulaEntry } from '../typed-text';

export interface WpsHostOptions {
  readonly events?: WatchOptions;
}

interface Place {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** "Sheet!$B$3" → where its top-left cell is; null for #REF!, constants and anything that is not a range. */
function placeOf(refersTo: unknown): Place | null {
  if (typeof refersTo !== 'string' || refersTo.includes('#REF!')) return null;
  const split = splitSheetRef(refersTo);
  const r = split ? parseRange(split.range) : null;
  return split && r ? { sheet: split.sheet, row: r.top, col: r.left } : null;
}

/** Value2/Formula of a range as rows, whatever shape ET returned (scalar for one cell). */
function rows(v: unknown): unknown[][] {
  if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? row : [row]));
  return [[v]];
}

export class WpsHost implements SpreadsheetHost {
  /** Names read in the current task (listNames then readNamedCells in one refresh), dropped at the next. */
  private names: Map<string, unknown> | null = null;
  private writing = 0;

  constructor(
    readonly app: EtApplication,
    private readonly options: WpsHostOptions = {},
  ) {}

  private workbook(): EtWorkbook {
    return activeWorkbook(this.app);
  }

  private remember(names: Map<string, unknown>): void {
    this.names = names;
    setTimeout(() => {
      if (this.names === names) this.names = null;
    }, 0);
  }

  /** RefersTo of each wanted name (undefined when the workbook lacks it). */
  private refersTo(wanted: readonly string[]): Map<string, unknown> {
    const out = new Map<string, unknown>();
    if (this.names) {
      for (const n of wanted) out.set(n, this.names.get(n));
      return out;
    }
    const coll = this.workbook().Names;
    for (const n of wanted) {
      if (out.has(n)) continue;
      try {
        out.set(n, coll.Item(n)?.RefersTo);
      } catch {
        out.set(n, undefined);
      }
    }
    return out;
  }

  listNamesNow(): NamedRef[] {
    const coll = this.workbook().Names;
    const count = coll.Count;
    const seen = new Map<string, unknown>();
    const out: NamedRef[] = [];
    for (let i = 1; i <= count; i++) {
      const n = coll.Item(i);
      const name = String(n.Name);
      // Sheet-scoped names come back as "Sheet1!name"; the contract lists workbook names only.
      if (name.includes('!')) continue;
      const refersTo = n.RefersTo;
      seen.set(name, refersTo);
      const p = placeOf(refersTo);
      out.push({ name, ref: p ? `${p.sheet}!${splitSheetRef(String(refersTo))!.range}` : null });
    }
    this.remember(seen);
    return out;
  }

  async listNames(): Promise<readonly NamedRef[]> {
    return this.listNamesNow();
  }

  sheetNamesNow(): string[] {
    const all = this.workbook().Worksheets;
    const out: string[] = [];
    for (let i = 1, n = all.Count; i <= n; i++) out.push(String(all.Item(i).Name));
    return out;
  }

  async sheetNames(): Promise<readonly string[]> {
    return this.sheetNamesNow();
  }

  readNamedCellsNow(names: readonly string[]): NamedCellsRead {
    const wb = this.workbook();
    const refs = this.refersTo(names);
    const values: CellContent[] = names.map(() => BLANK);
    const missing: string[] = [];
    const mergedAway: string[] = [];
    const bySheet = new Map<string, { i: number; p: Place }[]>();
    names.forEach((name, i) => {
      const p = placeOf(refs.get(name));
      if (!p) missing.push(name);
      else bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), { i, p }]);
    });
    for (const [sheetName, cells] of bySheet) {
      const ws = findSheet(wb, sheetName);
      if (!ws) {
        for (const c of cells) missing.push(names[c.i]);
        continue;
      }
      const places = cells.map((c) => c.p);
      const box = boundingBox(places);
      const block = ws.Range(boxA1(box));
      const v = rows(block.Value2);
      const f = rows(block.Formula);
      for (const { i, p } of cells) {
        const raw = v[p.row - box.top]?.[p.col - box.left];
        const formula = f[p.row - box.top]?.[p.col - box.left];
        const content = contentOf(raw, typeof raw === 'string' && isErrorCode(raw) ? 'error' : undefined);
        values[i] = isFormulaEntry(formula, raw) ? { ...content, formula } : content;
      }
      for (const i of this.mergedAway(ws, places, box)) mergedAway.push(names[cells[i].i]);
    }
    return {
      values,
      missing: names.filter((n) => missing.includes(n)),
      mergedAway: names.filter((n) => mergedAway.includes(n)),
    };
  }

  /**
   * Indexes of cells covered by a merge they do not start. Halves the bounding box until a part holds no merged cell
   * (MergeCells = false, one call) or one named cell, so an unmerged table costs two calls.
   */
  private mergedAway(ws: EtWorksheet, places: readonly Place[], box: RangeRef): number[] {
    const out: number[] = [];
    const visit = (idx: number[], b: RangeRef) => {
      if (idx.length === 0) return;
      const range = ws.Range(boxA1(b));
      if (range.MergeCells === false) return;
      const single = b.top === b.bottom && b.left === b.right;
      // A few cells left: asking each one is cheaper than halving further.
      if (idx.length <= 6 || single) {
        for (const i of idx) {
          const cell = single ? range : ws.Range(a1(places[i].row, places[i].col));
          if (!single && cell.MergeCells === false) continue;
          const area = cell.MergeArea;
          if (area.Row !== places[i].row || area.Column !== places[i].col) out.push(i);
        }
        return;
      }
      // Halve the longer side; each half keeps the cells inside it.
      const byRow = b.bottom - b.top >= b.right - b.left;
      const mid = byRow ? Math.floor((b.top + b.bottom) / 2) : Math.floor((b.left + b.right) / 2);
      const low = (i: number) => (byRow ? places[i].row : places[i].col) <= mid;
      visit(idx.filter(low), byRow ? { ...b, bottom: mid } : { ...b, right: mid });
      const high = idx.filter((i) => !low(i));
      visit(high, byRow ? { ...b, top: mid + 1 } : { ...b, left: mid + 1 });
    };
    const all = places.map((_, i) => i);
    visit(all, box);
    return out.sort((x, y) => x - y);
  }

  async readNamedCells(names: readonly string[]): Promise<NamedCellsRead> {
    return this.readNamedCellsNow(names);
  }

  /** Runs our own writes with events off and the guard up, so the edit relay does not take them for the user's. */
  private write<T>(fn: () => T): T {
    if (this.writing > 0) return fn();
    this.writing++;
    const end = beginOwnWrite(this.app, this.options.events?.now);
    const updating = this.app.ScreenUpdating;
    if (typeof updating === 'boolean') this.app.ScreenUpdating = false;
    try {
      return fn();
    } finally {
      if (typeof updating === 'boolean') this.app.ScreenUpdating = updating;
      end();
      this.writing--;
      this.names = null;
    }
  }

  /** For the ribbon, which cannot show a list: refused highlight rules become one error after the rest is in. */
  applyEditsNow(edits: readonly SheetEdit[]): void {
    const rejected = this.applyAll(edits);
    if (rejected.length) throw rejectedRulesError(rejected);
  }

  async applyEdits(edits: readonly SheetEdit[]): Promise<ApplyOutcome> {
    return { skippedRules: this.applyAll(edits) };
  }

  /** An insertion (edits adding a sheet) is guarded all or nothing; other edits apply in place. */
  private applyAll(edits: readonly SheetEdit[]): string[] {
    const insertion = edits.some((e) => e.op === 'addSheet');
    return this.write(() => (insertion ? insertIntoEt(this.app, edits) : applyEditsToEt(this.app, edits)));
  }

  /** null clears the cell (an import of a blank); everything else is written as the value it is. */
  writeNamedValuesNow(values: ReadonlyMap<string, string | number | null>): void {
    const wanted = [...values.keys()];
    const refs = this.refersTo(wanted);
    const bySheet = new Map<string, Map<string, { p: Place; v: string | number }>>();
    for (const name of wanted) {
      const p = placeOf(refs.get(name));
      if (!p) throw new Error(`名称 ${name} 不存在或指向无效位置，无法写入：请先修复模板`);
      const cells = bySheet.get(p.sheet) ?? new Map();
      cells.set(`${p.row}:${p.col}`, { p, v: values.get(name) ?? '' });
      bySheet.set(p.sheet, cells);
    }
    const wb = this.workbook();
    this.write(() => {
      for (const [sheetName, cells] of bySheet) {
        const ws = findSheet(wb, sheetName);
        if (!ws) throw new Error(`工作簿中没有名为「${sheetName}」的工作表`);
        const list = [...cells.values()];
        const { top, left, bottom, right } = boundingBox(list.map((c) => c.p));
        const grid: (string | number | null)[][] = Array.from({ length: bottom - top + 1 }, () =>
          new Array(right - left + 1).fill(null),
        );
        for (const c of list) grid[c.p.row - top][c.p.col - left] = c.v;
        try {
          writeBlock(ws, top, left, grid);
        } catch (e) {
          if (ws.ProtectContents)
            throw new Error(`工作表「${sheetName}」受保护，要写入的单元格被锁定：请撤销工作表保护后重试`);
          throw e;
        }
      }
    });
  }

  async writeNamedValues(values: ReadonlyMap<string, string | number | null>): Promise<void> {
    this.writeNamedValuesNow(values);
  }

  selectNamedCellsNow(names: readonly string[]): void {
    const refs = this.refersTo(names);
    const places = names.map((n) => placeOf(refs.get(n))).filter((p): p is Place => p !== null);
    if (places.length === 0) return;
    const first = places[0];
    const ws = findSheet(this.workbook(), first.sheet);
    if (!ws) return;
    ws.Activate();
    const here = places.filter((p) => p.sheet === first.sheet).map((p) => a1(p.row, p.col));
    ws.Range(unionChunks([...new Set(here)])[0]).Select();
    if (here.length > 1) ws.Range(here[0]).Activate();
  }

  async selectNamedCells(names: readonly string[]): Promise<void> {
    this.selectNamedCellsNow(names);
  }

  /** 自检: the product's own calls on a scratch sheet, plus what WPS reports (self-test/run-self-test.ts). */
  async runSelfTest(): Promise<SelfTestReport> {
    return runSelfTest(this, wpsSelfTestProbes(this.app));
  }

  onUserEdit(listener: () => void): () => void {
    return watchUserEdits(this.app, listener, this.options.events);
  }
}

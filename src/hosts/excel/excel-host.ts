// SpreadsheetHost over Office.js (Excel on Windows, Mac and the web). Round trips are the cost that matters
// (each sync crosses the network on the web), so: template insertion is one batch that reads what the workbook holds
// and writes the plan, and only when Excel rejects a call in it does it go again in smaller batches (the structure,
// then the highlight rules a few cells at a time: insertion-batches.ts); reading the named cells is one sync, from a
// cached name → address map checked in that same sync.
import { BLANK, boundingBox, boxA1, type CellContent, type RangeRef, type SheetEdit } from '../../report';
import type { ApplyOutcome, NamedCellsRead, NamedRef, SpreadsheetHost } from '../spreadsheet-host';
import { describeOfficeError } from './office-errors';
import { areaBoxes, nameTarget, officeContent, type NameTarget } from './office-values';
import type { WorkbookBefore } from './queue-edits';
import type { SelfTestReport } from '../self-test/self-test-report';
import { typedEntry } from '../typed-text';

export interface ExcelHostOptions {
  /** Whether the host has an ExcelApi requirement set; defaults to Office.context.requirements. */
  readonly supports?: (version: string) => boolean;
  /**
   * Hosts before ExcelApi 1.14 do not say which change events our own writes caused; an event arriving this
   * long after one of our writes, without that mark, is taken as its echo.
   */
  readonly echoWindowMs?: number;
  /**
   * Some edits raise no change event at all (a data-validation dropdown pick: office-js #420, #3888, #4066), and
   * below ExcelApi 1.14 a user's edit inside the echo window is taken for ours. So while someone listens, the
   * cells last read are read again this often (and when the pane comes back into view, and as soon as an echo
   * window in which an event was set aside closes), and listeners are called if they changed. 0 turns the timer off.
   */
  readonly recheckMs?: number;
}

type NameMap = Map<string, { readonly name: string; readonly target: NameTarget | null }>;

function nameMapOf(items: readonly { name: string; formula: string }[]): NameMap {
  return new Map(items.map((n) => [n.name.toLowerCase(), { name: n.name, target: nameTarget(n.formula) }]));
}

function sameTarget(a: NameTarget | null | undefined, b: NameTarget | null | undefined): boolean {
  return (a ?? null) === null ? (b ?? null) === null : !!b && a!.sheet === b.sheet && a!.range === b.range;
}

function inside(outer: RangeRef, row: number, col: number): boolean {
  return row >= outer.top && row <= outer.bottom && col >= outer.left && col <= outer.right;
}

export class ExcelHost implements SpreadsheetHost {
  private names: NameMap | null = null;
  private readonly listeners = new Set<() => void>();
  private handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
  private subscribing: Promise<void> | null = null;
  /** Our own writes in flight, plus the echo window after each. */
  private busy = 0;
  private readonly supports: (version: string) => boolean;
  private readonly echoWindowMs: number;
  private readonly recheckMs: number;
  /** The names the pane last read and what they held, for the re-read fallback. */
  private lastRead: { readonly names: readonly string[]; readonly values: string } | null = null;
  /** A change event arrived inside an echo window and was set aside as ours (hosts below ExcelApi 1.14). */
  private setAside = false;
  private rechecking = false;
  private stopRecheck: (() => void) | null = null;

  constructor(options: ExcelHostOptions = {}) {
    this.supports = options.supports ?? ((v) => Office.context.requirements.isSetSupported('ExcelApi', v));
    this.echoWindowMs = options.echoWindowMs ?? 400;
    this.recheckMs = options.recheckMs ?? 5000;
  }

  /** A host with the name map already loaded, so the first read of the pane is one sync. */
  static async create(options: ExcelHostOptions = {}): Promise<ExcelHost> {
    const host = new ExcelHost(options);
    await host.listNames();
    return host;
  }

  private async run<T>(what: string, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await Excel.run(batch);
    } catch (e) {
      throw describeOfficeError(e, what);
    }
  }

  async listNames(): Promise<readonly NamedRef[]> {
    const map = await this.run('读取名称', async (ctx) => {
      const names = ctx.workbook.names.load('items/name,items/formula');
      await ctx.sync();
      return nameMapOf(names.items);
    });
    this.names = map;
    return [...map.values()].map(({ name, target }) => ({
      name,
      ref: target ? `${target.sheet}!${target.range}` : null,
    }));
  }

  async sheetNames(): Promise<readonly string[]> {
    return this.run('读取工作表', async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  private async nameMap(): Promise<NameMap> {
    if (!this.names) await this.listNames();
    return this.names!;
  }

  async readNamedCells(names: readonly string[]): Promise<NamedCellsRead> {
    const cached = await this.nameMap();
    let attempt: NamedCellsRead | null;
    try {
      attempt = await this.readOnce(names, cached);
    } catch {
      // A sheet in the cached map is gone or renamed: re-learn the names and read again.
      this.names = null;
      attempt = null;
    }
    const read = attempt ?? (await this.readOnce(names, await this.nameMap()))!;
    this.lastRead = { names: [...names], values: JSON.stringify(read.values) };
    return read;
  }

  /** Reads the cells last read again and calls the listeners if they changed (the missed-event fallback). */
  private async recheck(): Promise<void> {
    const last = this.lastRead;
    if (!last || this.listeners.size === 0 || this.busy > 0 || this.rechecking) return;
    this.rechecking = true;
    try {
      const now = await this.readNamedCells(last.names);
      if (JSON.stringify(now.values) !== last.values) this.notify();
    } catch {
      // The workbook is busy or the names are gone: the next tick, or the pane's own read, will tell.
    } finally {
      this.rechecking = false;
    }
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** The periodic and on-visible re-read, while someone listens. */
  private startRecheck(): void {
    const tick = () => {
      if (typeof document === 'undefined' || document.visibilityState !== 'hidden') void this.recheck();
    };
    const timer = this.recheckMs > 0 ? setInterval(tick, this.recheckMs) : null;
    (timer as { unref?: () => void } | null)?.unref?.();
    const onVisible = () => tick();
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
    this.stopRecheck = () => {
      if (timer !== null) clearInterval(timer);
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
    };
  }

  /** One sync: every sheet's bounding range of the wanted cells, their merges, and the names to check the map. */
  private async readOnce(names: readonly string[], map: NameMap): Promise<NamedCellsRead | null> {
    const targets = names.map((n) => map.get(n.toLowerCase())?.target ?? null);
    const bySheet = new Map<string, { sheet: string; cells: { row: number; col: number }[] }>();
    for (const t of targets) {
      if (!t) continue;
      const key = t.sheet.toLowerCase();
      const entry = bySheet.get(key) ?? { sheet: t.sheet, cells: [] };
      entry.cells.push({ row: t.box.top, col: t.box.left });
      bySheet.set(key, entry);
    }
    const withMerges = this.supports('1.13');
    return this.run('读取单元格', async (ctx) => {
      const check = ctx.workbook.names.load('items/name,items/formula');
      const reads = [...bySheet].map(([key, { sheet, cells }]) => {
        const box = boundingBox(cells);
        const range = ctx.workbook.worksheets.getItem(sheet).getRange(boxA1(box));
        range.load('values,valueTypes,formulas');
        const merged = withMerges ? range.getMergedAreasOrNullObject().load('address') : null;
        return [key, { box, range, merged }] as const;
      });
      await ctx.sync();
      const fresh = nameMapOf(check.items);
      this.names = fresh;
      if (names.some((n, i) => !sameTarget(fresh.get(n.toLowerCase())?.target, targets[i]))) return null;

      const sheets = new Map(reads);
      const values: CellContent[] = [];
      const missing: string[] = [];
      const mergedAway: string[] = [];
      names.forEach((name, i) => {
        const t = targets[i];
        if (!t) {
          missing.push(name);
          values.push(BLANK);
          return;
        }
        const { box, range, merged } = sheets.get(t.sheet.toLowerCase())!;
        const r = t.box.top - box.top;
        const c = t.box.left - box.left;
        values.push(officeContent(range.values[r][c], range.valueTypes[r][c], range.formulas[r][c]));
        if (merged && !merged.isNullObject) {
          const area = areaBoxes(merged.address).find((a) => inside(a, t.box.top, t.box.left));
          if (area && (area.top !== t.box.top || area.left !== t.box.left)) mergedAway.push(name);
        }
      });
      return { values, missing, mergedAway };
    });
  }

  async applyEdits(edits: readonly SheetEdit[]): Promise<ApplyOutcome | void> {
    if (edits.length === 0) return;
    if (edits.some((e) => e.op === 'addSheet')) return this.insert(edits);
    await this.applyBatch(edits);
  }

  /**
   * An insertion that cannot leave half a template (issue #10): one batch first; if Excel rejects any call, what it
   * built is removed (Office.js runs a batch's calls in order and keeps those before the failing one), then the
   * edits go again in smaller batches: the sheets, labels, formats and names in one, the highlight rules a few
   * cells at a time, halving on failure, and protection last. A rule Excel refuses alone is skipped and listed;
   * any other failure removes everything again and throws, so the workbook is as it was and a retry plans 年报 again.
   */
  private async insert(edits: readonly SheetEdit[]): Promise<ApplyOutcome> {
    // What the workbook held before, as the first batch read it: only what is not in it is ever removed.
    let before: WorkbookBefore | null = null;
    try {
      await this.applyBatch(edits, (b) => (before = b));
      return { skippedRules: [] };
    } catch (first) {
      const held = before as WorkbookBefore | null;
      // Refused before anything was queued (a sheet of that name exists, the read failed): nothing to undo.
      if (held === null || edits.some((e) => e.op === 'addSheet' && held.sheets.has(e.sheet.toLowerCase())))
        throw first;
      await this.removeBuilt(edits, held);
      const { insertionBatches } = await import(/* webpackChunkName: "excel-insert" */ '../insertion-batches');
      const { structure, rules, finish } = insertionBatches(edits);
      const skipped: string[] = [];
      try {
        await this.applyBatch(structure);
        const queue = [...rules];
        while (queue.length) {
          const chunk = queue.shift()!;
          try {
            await this.applyBatch(chunk.flat());
          } catch {
            await this.clearRules(chunk.flat());
            if (chunk.length === 1) skipped.push(...chunk[0].map((e) => (e.op === 'conditionalFormat' ? e.id : '')));
            else queue.unshift(chunk.slice(0, chunk.length >> 1), chunk.slice(chunk.length >> 1));
          }
        }
        await this.applyBatch(finish);
      } catch (again) {
        await this.removeBuilt(edits, held);
        throw again;
      }
      return { skippedRules: skipped };
    }
  }

  /** Deletes the sheets the edits add and the names they define, of those the workbook did not have before. */
  private async removeBuilt(edits: readonly SheetEdit[], before: WorkbookBefore): Promise<void> {
    await this.run('撤销未完成的模板', async (ctx) => {
      const sheets = edits.flatMap((e) =>
        e.op === 'addSheet' && !before.sheets.has(e.sheet.toLowerCase())
          ? [ctx.workbook.worksheets.getItemOrNullObject(e.sheet)]
          : [],
      );
      const names = edits.flatMap((e) =>
        e.op === 'defineName' && !before.names.has(e.name.toLowerCase())
          ? [ctx.workbook.names.getItemOrNullObject(e.name)]
          : [],
      );
      await ctx.sync();
      for (const n of names) if (!n.isNullObject) n.delete();
      for (const s of sheets) if (!s.isNullObject) s.delete();
      await ctx.sync();
    });
    this.names = null;
  }

  /** Removes the rules a failed batch may have half-added on its cells (the sheet is new: only ours are there). */
  private async clearRules(rules: readonly SheetEdit[]): Promise<void> {
    await this.run('撤销未完成的条件格式', async (ctx) => {
      for (const e of rules)
        if (e.op === 'conditionalFormat')
          for (const r of e.ranges) ctx.workbook.worksheets.getItem(e.sheet).getRange(r).conditionalFormats.clearAll();
      await ctx.sync();
    });
  }

  private async applyBatch(edits: readonly SheetEdit[], onRead?: (before: WorkbookBefore) => void): Promise<void> {
    if (edits.length === 0) return;
    // The code that turns edits into Office.js calls loads with the first write, not with the pane.
    const { queueEdits } = await import(/* webpackChunkName: "excel-insert" */ './queue-edits');
    await this.ownWrite(() =>
      this.run('写入模板', async (ctx) => {
        const sheets = ctx.workbook.worksheets.load('items/name,items/protection/protected');
        const names = ctx.workbook.names.load('items/name,items/formula');
        // Rules planned onto a sheet that already exists (a repair, 上年数据) replace ours with the same formula, and
        // only those: the user's own rules and our other rules on those cells stay. Reading them costs two syncs,
        // which an insertion into a new sheet does not pay.
        const added = new Set(edits.flatMap((e) => (e.op === 'addSheet' ? [e.sheet.toLowerCase()] : [])));
        const cfSheets = [
          ...new Set(
            edits.flatMap((e) => (e.op === 'conditionalFormat' && !added.has(e.sheet.toLowerCase()) ? [e.sheet] : [])),
          ),
        ];
        const existingCfs = cfSheets.map((name) => ({
          name,
          items: ctx.workbook.worksheets.getItem(name).getRange().conditionalFormats.load('items/type'),
        }));
        await ctx.sync();
        const customs = existingCfs.flatMap(({ name, items }) =>
          items.items
            .filter((cf) => cf.type === 'Custom')
            .map((cf) => ({ name, cf, rule: cf.custom.rule.load('formula') })),
        );
        if (customs.length) await ctx.sync();
        const ourFormulas = new Set(
          edits.flatMap((e) =>
            e.op === 'conditionalFormat' ? [e.formula, ...(e.replaces ?? [])].map((f) => `=${f}`) : [],
          ),
        );
        const before: WorkbookBefore = {
          sheets: new Map(
            sheets.items.map((s) => [s.name.toLowerCase(), { name: s.name, protected: s.protection.protected }]),
          ),
          names: new Set(names.items.map((n) => n.name.toLowerCase())),
          replacedRules: customs.filter((c) => ourFormulas.has(c.rule.formula)).map((c) => c.cf),
        };
        onRead?.(before);
        for (const e of edits)
          if (e.op === 'addSheet' && before.sheets.has(e.sheet.toLowerCase()))
            throw new Error(`工作簿中已有名为「${e.sheet}」的工作表，请换一个名称插入模板，或先删除、重命名原工作表。`);
        const perSheetEvents = this.handlers.length > 0 && !this.supports('1.9');
        queueEdits(ctx, edits, before, {
          supports: this.supports,
          onSheetAdded: perSheetEvents ? (ws) => this.handlers.push(ws.onChanged.add(this.onChanged)) : undefined,
        });
        await ctx.sync();
        const map = nameMapOf(names.items);
        for (const e of edits)
          if (e.op === 'defineName')
            map.set(e.name.toLowerCase(), { name: e.name, target: nameTarget(`${e.sheet}!${e.range}`) });
        this.names = map;
      }),
    );
  }

  async writeNamedValues(values: ReadonlyMap<string, string | number | null>): Promise<void> {
    const map = await this.nameMap();
    const lost = [...values.keys()].filter((n) => !map.get(n.toLowerCase())?.target);
    if (lost.length)
      throw new Error(`找不到名称 ${lost.join('、')} 所指的单元格，未写入任何值。请先在任务窗格中修复年报模板。`);
    // null empties the cell (the interface's meaning); Office.js clears a cell written with "". A string goes in
    // with the text prefix, so it is stored as the text it is (typed-text.ts), never as a formula.
    const entries = [...values].map(([name, v]) => [name, typedEntry(v ?? '')] as const);
    if (!entries.length) return;
    await this.ownWrite(async () => {
      await this.run('写入单元格', async (ctx) => {
        // Through the name, not the cached address: Excel resolves it at write time, so a moved name is safe.
        for (const [name, v] of entries) ctx.workbook.names.getItem(name).getRange().values = [[v]];
        await ctx.sync();
      });
      // Below ExcelApi 1.14 the re-read after the echo window compares with the cells as this write left them, so
      // our own change is not taken for the user's and a user's edit inside the window is.
      if (!this.supports('1.14') && this.lastRead) await this.readNamedCells(this.lastRead.names).catch(() => null);
    });
  }

  async selectNamedCells(names: readonly string[]): Promise<void> {
    if (!names.length) return;
    const map = await this.nameMap();
    const first = map.get(names[0].toLowerCase())?.target;
    const sameSheet = names
      .map((n) => map.get(n.toLowerCase())?.target)
      .filter((t): t is NameTarget => !!t && !!first && t.sheet === first.sheet);
    await this.run('选择单元格', async (ctx) => {
      const range = ctx.workbook.names.getItem(names[0]).getRange();
      range.worksheet.activate();
      if (sameSheet.length > 1 && this.supports('1.9'))
        range.worksheet.getRanges(sameSheet.map((t) => t.range).join(',')).select();
      else range.select();
      await ctx.sync();
    });
  }

  onUserEdit(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1 && !this.subscribing) this.subscribing = this.subscribe();
    if (!this.stopRecheck) this.startRecheck();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.stopRecheck?.();
        this.stopRecheck = null;
        void this.unsubscribe();
      }
    };
  }

  /** Resolves once change handlers are registered (the pane need not wait; tests do). */
  get listening(): Promise<void> {
    return this.subscribing ?? Promise.resolve();
  }

  /** 自检: the product's own calls on a scratch sheet, plus what Excel reports (self-test/run-self-test.ts). */
  async runSelfTest(): Promise<SelfTestReport> {
    const [{ runSelfTest }, { excelSelfTestProbes }] = await Promise.all([
      import(/* webpackChunkName: "self-test" */ '../self-test/run-self-test'),
      import(/* webpackChunkName: "self-test" */ './self-test-probes'),
    ]);
    return this.ownWrite(() => runSelfTest(this, excelSelfTestProbes(this.supports)));
  }

  /** No write of ours in flight nor inside its echo window: a change event now is the user's (tests wait on it). */
  get quiet(): boolean {
    return this.busy === 0;
  }

  /**
   * Any change but our own echo calls the listeners, who re-read every cell: a paste or fill arrives as one event
   * without details (office-js #5347), an undo as a plain edit, a co-author's change with `source: 'Remote'`
   * (Excel.EventSource). Only a local event can be our echo; below ExcelApi 1.14 (no triggerSource) one inside the
   * echo window is set aside, and the cells are re-read once the window closes in case it was the user's.
   */
  private readonly onChanged = async (e: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (e.source !== 'Remote') {
      if (e.triggerSource === 'ThisLocalAddin') return;
      if (e.triggerSource === undefined && this.busy > 0) {
        this.setAside = true;
        return;
      }
    }
    this.notify();
  };

  private async subscribe(): Promise<void> {
    await this.run('监听编辑', async (ctx) => {
      if (this.supports('1.9')) {
        this.handlers = [ctx.workbook.worksheets.onChanged.add(this.onChanged)];
      } else {
        const sheets = ctx.workbook.worksheets.load('items/name');
        await ctx.sync();
        this.handlers = sheets.items.map((s) => s.onChanged.add(this.onChanged));
      }
      await ctx.sync();
    });
  }

  private async unsubscribe(): Promise<void> {
    await this.subscribing;
    const handlers = this.handlers;
    this.handlers = [];
    this.subscribing = null;
    if (!handlers.length) return;
    await Excel.run(handlers[0].context, async (ctx) => {
      handlers.forEach((h) => h.remove());
      await ctx.sync();
    });
  }

  private async ownWrite<T>(write: () => Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await write();
    } finally {
      setTimeout(() => {
        if (--this.busy > 0 || !this.setAside) return;
        this.setAside = false;
        void this.recheck();
      }, this.echoWindowMs);
    }
  }
}

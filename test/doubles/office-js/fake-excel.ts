// A fake Excel host for Jest: `Excel.run`, request contexts that count syncs, the object model of objects.ts
// over an in-memory document, change events, requirement sets, and hooks for a test to act as the user.
// office-addin-mock cannot do this: it has no command queue, no collections and no events.
import { type Box, boxAddress, cellCount, parseBox, sheetPrefix } from './address';
import {
  ACTION_ENVELOPE_BYTES,
  type BatchLog,
  ClientObject,
  fail,
  FakeOfficeError,
  PATH_BYTES,
  type QueuedAction,
} from './client-object';

/** Excel on the web's limit on one request's payload (5 MB). */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
import { type CellValue, DocumentState, type SheetState } from './document';
import { Application, coerceEntered, type FakeContext, PROTECTED_MESSAGE, valueTypeOf, Workbook } from './objects';

export interface EditOptions {
  /** The entry is an error value (#DIV/0! typed in). */
  readonly error?: boolean;
  /** No onChanged fires for this change (userPickFromList). */
  readonly missed?: boolean;
  /** 'Remote': a co-author's change (remoteEdit); not on this user's undo stack. */
  readonly source?: 'Local' | 'Remote';
}

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the host supports, e.g. '1.7' for Excel 2019. Default '1.17'. */
  readonly apiVersion?: string;
  readonly platform?: 'PC' | 'Mac' | 'OfficeOnline';
}

function versionAtLeast(have: string, want: string): boolean {
  const [a1, a2] = have.split('.').map(Number);
  const [b1, b2] = want.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

export class FakeRequestContext implements FakeContext {
  readonly workbook: Workbook;
  readonly application: Application;
  readonly trackedObjects = { add: () => {}, remove: () => {} };
  private queue: QueuedAction[] = [];
  /** Object paths created since the last sync: each travels with the next request. */
  paths = 0;

  notePath(): void {
    this.paths++;
  }

  constructor(readonly excel: FakeExcel) {
    this.workbook = new Workbook(this);
    this.application = new Application(this);
  }

  enqueue(action: QueuedAction): void {
    this.queue.push(action);
  }

  /** An API beyond the host's requirement sets fails the batch at sync, as a real host answers ApiNotFound. */
  requireSet(version: string, where: string): void {
    if (!versionAtLeast(this.excel.apiVersion, version))
      this.enqueue({ where, run: () => fail('ApiNotFound', `${where} needs ExcelApi ${version}`, where) });
  }

  get pending(): number {
    return this.queue.length;
  }

  takeQueue(): QueuedAction[] {
    const q = this.queue;
    this.queue = [];
    return q;
  }

  sync(): Promise<void> {
    return this.excel.runBatch(this);
  }
}

export interface ChangeEventRecord {
  readonly sheet: string;
  readonly address: string;
  readonly triggerSource?: string;
}

export class FakeExcel {
  readonly doc = new DocumentState();
  readonly apiVersion: string;
  readonly platform: string;
  /** Every context.sync() call, and those that carried a request (an empty sync makes no round trip). */
  syncCalls = 0;
  roundTrips = 0;
  /** Queued actions (writes, loads, method calls) carried by all syncs: the size of the requests. */
  actions = 0;
  screenSuspensions = 0;
  /** Each request as serialized: actions (object paths included) and bytes. */
  readonly requests: { actions: number; bytes: number }[] = [];
  /**
   * Fails the n-th action run from now (once), as a real host rejects one call of a batch: Office.js runs a batch's
   * calls in order and what ran before the failing one stays in the workbook
   * (https://learn.microsoft.com/en-us/office/dev/add-ins/testing/application-specific-api-error-handling).
   */
  private failIn: number | null = null;
  failNthAction(n: number): void {
    this.failIn = n;
  }
  readonly firedEvents: ChangeEventRecord[] = [];
  private readonly deliveries = new Set<Promise<unknown>>();
  private readonly handlerErrors: unknown[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.17';
    this.platform = options.platform ?? 'PC';
    this.doc.addSheet('Sheet1');
  }

  supports(set: string, version = '1.1'): boolean {
    return set === 'ExcelApi' && versionAtLeast(this.apiVersion, version);
  }

  newContext(): FakeRequestContext {
    return new FakeRequestContext(this);
  }

  async runBatch(ctx: FakeRequestContext): Promise<void> {
    this.syncCalls++;
    const actions = ctx.takeQueue();
    const paths = ctx.paths;
    ctx.paths = 0;
    await Promise.resolve(); // a sync always answers asynchronously
    if (!actions.length) return;
    this.roundTrips++;
    this.actions += actions.length;
    // The request as Office.js serializes it: every action and every object path, each with its JSON.
    const bytes = actions.reduce((n, a) => n + (a.bytes ?? ACTION_ENVELOPE_BYTES), 0) + paths * PATH_BYTES;
    this.requests.push({ actions: actions.length + paths, bytes });
    // Excel on the web refuses a request over 5 MB before running any of it: "The maximum size of a request
    // payload is 5 MB ... RequestPayloadSizeLimitExceeded" (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
    // The fake holds every platform to it: the same pane runs in Excel on the web.
    if (bytes > REQUEST_LIMIT_BYTES)
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${bytes} bytes).`,
        'RequestContext.sync',
      );
    const log: BatchLog = { valueWrites: [], notes: new Set() };
    const commits: (() => void)[] = [];
    for (const a of actions) {
      if (this.failIn !== null && --this.failIn === 0) {
        this.failIn = null;
        throw new FakeOfficeError('GeneralException', 'injected failure', a.where);
      }
      try {
        const commit = a.run(this.doc, log);
        if (commit) commits.push(commit);
      } catch (e) {
        if (e instanceof FakeOfficeError) throw e;
        throw new FakeOfficeError('GeneralException', String(e), a.where);
      }
    }
    commits.forEach((c) => c());
    if (log.notes.has('screenSuspended')) this.screenSuspensions++;
    for (const w of log.valueWrites) {
      const sheet = this.doc.sheetById(w.sheetId);
      if (sheet) this.fireChanged(sheet, w, 'ThisLocalAddin', w.details);
    }
  }

  /** Excel.run(batch), Excel.run(options | object | context, batch). */
  readonly run = async <T>(a: unknown, b?: (ctx: FakeRequestContext) => Promise<T>): Promise<T> => {
    const batch = (b ?? a) as (ctx: FakeRequestContext) => Promise<T>;
    let ctx: FakeRequestContext;
    if (a instanceof FakeRequestContext) ctx = a;
    else if (a instanceof ClientObject) ctx = a.context as FakeRequestContext;
    else if (Array.isArray(a) && a[0] instanceof ClientObject) ctx = a[0].context as FakeRequestContext;
    else ctx = this.newContext();
    const result = await batch(ctx);
    if (ctx.pending) await ctx.sync();
    return result;
  };

  /** Excel.run typed as @types/office-js declares it: tests drive the fake through the real typings. */
  excel<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.run(batch as unknown as (ctx: FakeRequestContext) => Promise<T>);
  }

  /** Installs `Excel` and `Office` globals; returns the function that removes them. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const before = { Excel: g.Excel, Office: g.Office };
    g.Excel = this.excelNamespace();
    g.Office = this.officeNamespace();
    return () => {
      g.Excel = before.Excel;
      g.Office = before.Office;
    };
  }

  excelNamespace(): Record<string, unknown> {
    const newContext = () => this.newContext();
    return {
      run: this.run,
      RequestContext: function RequestContext() {
        return newContext();
      },
      ConditionalFormatType: {
        custom: 'Custom',
        dataBar: 'DataBar',
        colorScale: 'ColorScale',
        iconSet: 'IconSet',
        cellValue: 'CellValue',
      },
      EventTriggerSource: { unknown: 'Unknown', thisLocalAddin: 'ThisLocalAddin' },
      DataValidationOperator: { between: 'Between', greaterThanOrEqualTo: 'GreaterThanOrEqualTo' },
      DataValidationAlertStyle: { stop: 'Stop', warning: 'Warning', information: 'Information' },
      HorizontalAlignment: { left: 'Left', center: 'Center', right: 'Right', general: 'General' },
      VerticalAlignment: { top: 'Top', center: 'Center', bottom: 'Bottom' },
      BorderIndex: {
        edgeTop: 'EdgeTop',
        edgeBottom: 'EdgeBottom',
        edgeLeft: 'EdgeLeft',
        edgeRight: 'EdgeRight',
        insideVertical: 'InsideVertical',
        insideHorizontal: 'InsideHorizontal',
      },
      BorderLineStyle: { continuous: 'Continuous', none: 'None' },
      BorderWeight: { thin: 'Thin' },
      PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
      SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
      ErrorCodes: { itemNotFound: 'ItemNotFound', apiNotFound: 'ApiNotFound', accessDenied: 'AccessDenied' },
    };
  }

  officeNamespace(): Record<string, unknown> {
    const info = { host: 'Excel', platform: this.platform };
    return {
      onReady: (cb?: (i: typeof info) => unknown) => Promise.resolve(info).then((i) => (cb ? (cb(i), i) : i)),
      context: {
        host: 'Excel',
        platform: this.platform,
        displayLanguage: 'zh-CN',
        requirements: { isSetSupported: (name: string, version?: string) => this.supports(name, version) },
        // Office.context.diagnostics (ContextInformation): what the 自检 report names.
        diagnostics: { host: 'Excel', platform: this.platform, version: '16.0 (fake)' },
      },
      HostType: { Excel: 'Excel' },
      PlatformType: { PC: 'PC', Mac: 'Mac', OfficeOnline: 'OfficeOnline' },
    };
  }

  // ------------------------------------------------------------ acting as the user

  private sheetOrThrow(name: string): SheetState {
    return this.doc.sheetByName(name) ?? fail('ItemNotFound', `no sheet ${name}`, 'FakeExcel');
  }

  /** The user types `value` into one cell and presses Enter; onChanged fires after the fact. */
  async userEdit(sheet: string, address: string, value: CellValue, opts: EditOptions = {}): Promise<void> {
    return this.userPaste(sheet, address, [[value]], opts);
  }

  /**
   * The user picks `value` from a data-validation dropdown: the cell changes and NO onChanged fires, as reported for
   * Excel 2019 desktop and Excel on the web (https://github.com/OfficeDev/office-js/issues/420,
   * https://github.com/OfficeDev/office-js/issues/3888, https://github.com/OfficeDev/office-js/issues/4066).
   */
  async userPickFromList(sheet: string, address: string, value: CellValue): Promise<void> {
    return this.userPaste(sheet, address, [[value]], { missed: true });
  }

  /**
   * A co-author changes cells: one event with `source: 'Remote'` ("Remote means the event comes from a remote
   * user's session", Excel.EventSource, https://learn.microsoft.com/en-us/javascript/api/excel/excel.eventsource;
   * co-authoring events: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-events).
   */
  async remoteEdit(sheet: string, address: string, values: CellValue[][]): Promise<void> {
    return this.userPaste(sheet, address, values, { source: 'Remote' });
  }

  /**
   * Ctrl+Z of the user's last edit (an edit through userEdit/userPaste/userPickFromList). The cells go back and one
   * onChanged fires like any edit: WorksheetChangedEventArgs has no undo flag, changeType is RangeEdited ("Excel.
   * DataChangeType", https://learn.microsoft.com/en-us/javascript/api/excel/excel.datachangetype), `source` Local,
   * `triggerSource` Unknown (not this add-in), and `details` only for a single cell
   * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetchangedeventargs). Whether real Excel fires
   * it on undo is unverified (the brief's notes, excel-officejs.md §1.1); a pane must come out right either way.
   * Our own writes are not on the stack: before ExcelApi 1.20 most add-in writes clear it
   * (https://github.com/OfficeDev/office-js/issues/3788).
   */
  async userUndo(): Promise<void> {
    const last = this.undoStack.pop() ?? fail('InvalidOperation', 'Nothing to undo', 'FakeExcel.userUndo');
    const s = this.sheetOrThrow(last.sheet);
    const first = s.peek(last.box.top, last.box.left);
    const valueBefore = first?.value ?? '';
    const typeBefore = valueTypeOf(first);
    for (const { r, c, cell } of last.cells) {
      const now = s.cell(r, c);
      now.value = cell.value;
      now.isError = cell.isError;
      if (cell.formula === undefined) delete now.formula;
      else now.formula = cell.formula;
    }
    const after = s.peek(last.box.top, last.box.left);
    const details =
      last.cells.length === 1
        ? {
            valueBefore,
            valueAfter: after?.value ?? '',
            valueTypeBefore: typeBefore,
            valueTypeAfter: valueTypeOf(after),
          }
        : undefined;
    this.fireChanged(s, last.box, 'Unknown', details);
    return this.settle();
  }

  private readonly undoStack: {
    sheet: string;
    box: Box;
    cells: { r: number; c: number; cell: { value: CellValue; isError?: boolean; formula?: string } }[];
  }[] = [];

  /** The user pastes a block; one event for the block, without details when it spans several cells. */
  async userPaste(sheet: string, address: string, values: CellValue[][], opts: EditOptions = {}): Promise<void> {
    const s = this.sheetOrThrow(sheet);
    const box = parseBox(address) ?? fail('InvalidArgument', address, 'FakeExcel.userPaste');
    const before = s.peek(box.top, box.left);
    const detailBefore = { value: before?.value ?? '', type: valueTypeOf(before) };
    const saved: (typeof this.undoStack)[number]['cells'] = [];
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const old = s.peek(r, c);
        saved.push({ r, c, cell: { value: old?.value ?? '', isError: old?.isError, formula: old?.formula } });
      }
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        if (s.protected && (s.peek(r, c)?.format.locked ?? true))
          throw new FakeOfficeError('AccessDenied', PROTECTED_MESSAGE);
        const cell = s.cell(r, c);
        const v = values[r - box.top][c - box.left];
        cell.value = opts.error ? v : coerceEntered(v, cell.format.numberFormat);
        cell.isError = opts.error || undefined;
        delete cell.formula;
      }
    if (opts.source !== 'Remote') this.undoStack.push({ sheet, box, cells: saved });
    if (opts.missed) return this.settle();
    const after = s.peek(box.top, box.left);
    const details =
      cellCount(box) === 1
        ? {
            valueBefore: detailBefore.value,
            valueAfter: after?.value ?? '',
            valueTypeBefore: detailBefore.type,
            valueTypeAfter: valueTypeOf(after),
          }
        : undefined;
    this.fireChanged(s, box, 'Unknown', details, opts.source);
    return this.settle();
  }

  /** The user points a defined name somewhere else (Name Manager). No event fires for that in Excel. */
  userRedefineName(name: string, formula: string): void {
    const n = this.doc.nameByName(name) ?? fail('ItemNotFound', name, 'FakeExcel');
    n.formula = formula;
  }

  /** The user merges cells by hand. */
  userMerge(sheet: string, address: string): void {
    this.sheetOrThrow(sheet).merges.push(parseBox(address)!);
  }

  private fireChanged(
    sheet: SheetState,
    box: Box,
    trigger: string,
    details: Record<string, unknown> | undefined,
    source: 'Local' | 'Remote' = 'Local',
  ): void {
    const args: Record<string, unknown> = {
      type: 'WorksheetChanged',
      address: boxAddress(box),
      changeType: 'RangeEdited',
      source,
      worksheetId: sheet.id,
    };
    if (this.supports('ExcelApi', '1.14')) args.triggerSource = trigger;
    if (details && this.supports('ExcelApi', '1.9')) args.details = details;
    const handlers = [...sheet.changedHandlers, ...this.doc.workbookChangedHandlers];
    this.firedEvents.push({
      sheet: sheet.name,
      address: sheetPrefix(sheet.name) + boxAddress(box),
      triggerSource: args.triggerSource as string | undefined,
    });
    for (const h of handlers) {
      // Delivered on a later task, after the sync that caused it has resolved.
      const p = new Promise((resolve) => setTimeout(resolve, 0))
        .then(() => h({ ...args }))
        .catch((e) => this.handlerErrors.push(e));
      this.deliveries.add(p);
      void p.finally(() => this.deliveries.delete(p));
    }
  }

  /** Waits until every event fired so far has been handled (and any batches the handlers started). */
  async settle(): Promise<void> {
    while (this.deliveries.size) await Promise.all([...this.deliveries]);
    if (this.handlerErrors.length) throw this.handlerErrors.splice(0)[0];
  }

  // ------------------------------------------------------------ inspection for tests

  sheet(name: string): SheetState {
    return this.sheetOrThrow(name);
  }

  value(sheet: string, address: string): CellValue {
    const b = parseBox(address)!;
    return this.sheetOrThrow(sheet).peek(b.top, b.left)?.value ?? '';
  }

  activeSheetName(): string | undefined {
    return this.doc.sheetById(this.doc.activeSheetId ?? '')?.name;
  }

  selectionAddress(): string | undefined {
    const sel = this.doc.selection;
    const s = sel && this.doc.sheetById(sel.sheetId);
    return s ? sheetPrefix(s.name) + boxAddress(sel.box) : undefined;
  }
}

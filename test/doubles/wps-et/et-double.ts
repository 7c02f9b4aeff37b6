// A faithful in-memory stand-in for the WPS 表格 (ET) JS API as an add-in page sees it: synchronous, VBA-shaped,
// collections only through .Item(), Address() a method, Value2 scalar for one cell and 2-D otherwise. It counts every
// member access (each is one cross-process call in real WPS), simulates user edits that fire SheetChange once per
// commit, and has switches for what is not known about real WPS (do our own writes fire events? is EnableEvents
// honoured? are new conditional formats added first or last?). See shared/notes/wps-addin.md.
import {
  formatArea,
  parseAreas,
  splitQualified,
  type Area,
  colLetters,
  cellsOf,
  contains,
  intersects,
} from './et-address';
import {
  EtError,
  SheetModel,
  WorkbookModel,
  evaluateFormula,
  refersToText,
  type CellModel,
  type NameModel,
  type Scalar,
} from './et-model';
import {
  ApplicationObj,
  EtObject,
  MODEL,
  RangeObj,
  SheetObj,
  WorkbookObj,
  unwrap,
  type ListenerFn,
  type TaskPaneModel,
} from './et-objects';

export interface EtDoubleOptions {
  /** Throw on members ET does not have (default). Real WPS returns undefined silently: set false to mimic it. */
  readonly strict?: boolean;
  /** What an empty cell reads as through Value2 (unknown on real WPS). */
  readonly emptyValue?: undefined | null | '';
  /** Whether the add-in's own writes fire SheetChange: at once, later (flushEvents), or never. */
  readonly programmaticEvents?: 'sync' | 'deferred' | 'off';
  /** Whether Application.EnableEvents = false silences events. */
  readonly honorEnableEvents?: boolean;
  /** FormatConditions.Add puts the new rule first (priority 1) instead of last. */
  readonly newConditionFirst?: boolean;
  /** Longest address string Range() accepts (Excel: 255). */
  readonly maxAddressLength?: number;
  /** What PluginStorage.getItem returns for a missing key. */
  readonly missingStorageValue?: undefined | null | '';
  readonly sheetNames?: readonly string[];
  readonly defaultColumnWidth?: number;
  readonly defaultRowHeight?: number;
  /**
   * Conditional formats a cell may carry; FormatConditions.Add on a range where a cell already has this many
   * throws. WPS documents at most 3 per range (WPS JS API reference, FormatConditions.Add, open.wps.cn
   * office_v19, as cited in issue #10), as Excel 2003's object model did. Default 3.
   */
  readonly maxConditionsPerRange?: number;
  /** Longest Formula1 FormatConditions.Add accepts; WPS documents none, so unlimited unless a test sets one. */
  readonly maxConditionFormulaLength?: number;
}

type Resolved = Required<Omit<EtDoubleOptions, 'emptyValue' | 'missingStorageValue' | 'maxConditionFormulaLength'>> & {
  emptyValue: undefined | null | '';
  missingStorageValue: undefined | null | '';
  maxConditionFormulaLength: number;
};

/** Properties that test tooling and promise resolution probe on any object; they are not ET calls. */
const PROBES = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'constructor',
  'toString',
  'valueOf',
  'inspect',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
]);

function descriptor(o: object, p: string): PropertyDescriptor | undefined {
  for (let x: object | null = o; x; x = Object.getPrototypeOf(x)) {
    const d = Object.getOwnPropertyDescriptor(x, p);
    if (d) return d;
  }
  return undefined;
}

export interface Page {
  readonly id: string;
  readonly Application: ApplicationObj;
  /** The page's globals, for listeners registered by name ("ribbon.OnSheetChange"). */
  readonly window: Record<string, unknown>;
}

export interface Selection {
  readonly sheet: string;
  readonly address: string;
  readonly active: string;
}

/** Text that a cell takes as a number when typed (unless formatted as text, @). */
const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

export class EtDouble {
  readonly options: Resolved;
  readonly calls = { total: 0, by: new Map<string, number>() };
  readonly flags = { ScreenUpdating: true, EnableEvents: true, DisplayAlerts: true, Calculation: -4105 };
  /** Modal prompts WPS would have shown (a merge discarding values, a sheet deletion). */
  readonly alerts: string[] = [];
  /** Exceptions thrown by event listeners (WPS logs them in the page console and carries on). */
  readonly listenerErrors: unknown[] = [];
  readonly pages = new Map<string, Page>();
  _workbook: WorkbookModel | null = null;
  _listeners: { page: string; event: string; fn: ListenerFn }[] = [];
  readonly _storage = new Map<string, string>();
  readonly _taskPanes: TaskPaneModel[] = [];
  _apiCancel = false;
  _selection!: { sheet: SheetModel; areas: Area[]; active: { row: number; col: number } };
  private readonly lastSelection = new Map<SheetModel, { areas: Area[]; active: { row: number; col: number } }>();
  private queue: (() => void)[] = [];
  private workbooks = 0;
  private sheetObjs = new WeakMap<SheetModel, SheetObj>();

  constructor(options: EtDoubleOptions = {}) {
    this.options = {
      strict: options.strict ?? true,
      emptyValue: options.emptyValue,
      programmaticEvents: options.programmaticEvents ?? 'sync',
      honorEnableEvents: options.honorEnableEvents ?? true,
      newConditionFirst: options.newConditionFirst ?? false,
      maxAddressLength: options.maxAddressLength ?? 255,
      missingStorageValue: options.missingStorageValue,
      sheetNames: options.sheetNames ?? ['Sheet1'],
      defaultColumnWidth: options.defaultColumnWidth ?? 8.38,
      defaultRowHeight: options.defaultRowHeight ?? 13.5,
      maxConditionsPerRange: options.maxConditionsPerRange ?? 3,
      maxConditionFormulaLength: options.maxConditionFormulaLength ?? Infinity,
    };
    this.newWorkbook(this.options.sheetNames);
  }

  // ------------------------------------------------------------ proxies and call counting

  /** The proxy code under test holds: counts each public member access, rejects unknown members in strict mode. */
  wrap<T extends EtObject>(obj: T): T {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const d = this;
    return new Proxy(obj, {
      get(target, prop) {
        if (typeof prop === 'symbol') return prop === MODEL ? target : Reflect.get(target, prop, target);
        if (prop.startsWith('_')) return Reflect.get(target, prop, target);
        if (PROBES.has(prop)) return undefined;
        if (!(prop in target)) {
          d.count(`${target._type}.${prop}?`);
          if (d.options.strict) throw new Error(`ET double: ${target._type} has no member "${prop}"`);
          return undefined;
        }
        d.count(`${target._type}.${prop}`);
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
      set(target, prop, value) {
        if (typeof prop === 'symbol' || prop.startsWith('_')) return Reflect.set(target, prop, value, target);
        d.count(`${target._type}.${prop}=`);
        const desc = descriptor(target, prop);
        const writable = desc && (desc.set || (desc.writable && typeof desc.value !== 'function'));
        if (!writable) {
          if (d.options.strict) throw new Error(`ET double: ${target._type}.${prop} cannot be set`);
          return true;
        }
        return Reflect.set(target, prop, value, target);
      },
    });
  }

  /** Makes the n-th ET call from now throw (once), as a call WPS rejects; what ran before it stays done. */
  failNthCall(n: number): void {
    this.failIn = n;
  }
  private failIn: number | null = null;

  count(key: string): void {
    if (this.failIn !== null && --this.failIn === 0) {
      this.failIn = null;
      throw new Error(`ET double: injected failure at ${key}`);
    }
    this.calls.total += 1;
    this.calls.by.set(key, (this.calls.by.get(key) ?? 0) + 1);
  }

  resetCalls(): void {
    this.calls.total = 0;
    this.calls.by.clear();
  }

  /** ET calls made while fn runs. */
  countCalls(fn: () => void): number {
    const before = this.calls.total;
    fn();
    return this.calls.total - before;
  }

  // ------------------------------------------------------------ pages (main page, task panes)

  /** The page with this id, opened on first use; every page sees the same Application state. */
  page(id = 'main'): Page {
    let p = this.pages.get(id);
    if (!p) {
      p = { id, Application: this.wrap(new ApplicationObj(this, id)), window: {} };
      this.pages.set(id, p);
    }
    return p;
  }

  application(page = 'main'): ApplicationObj {
    return this.page(page).Application;
  }

  /** WPS drops a page's event listeners when the page goes away. */
  closePage(id: string): void {
    this.pages.delete(id);
    this._listeners = this._listeners.filter((l) => l.page !== id);
  }

  listenerCount(event?: string, page?: string): number {
    return this._listeners.filter((l) => (!event || l.event === event) && (!page || l.page === page)).length;
  }

  taskPanes(): readonly Readonly<TaskPaneModel>[] {
    return this._taskPanes;
  }

  storage(): ReadonlyMap<string, string> {
    return this._storage;
  }

  /** WPS restarted: PluginStorage is not persisted. */
  restart(): void {
    this._storage.clear();
    for (const id of [...this.pages.keys()]) this.closePage(id);
  }

  // ------------------------------------------------------------ workbook state

  newWorkbook(sheetNames: readonly string[] = ['Sheet1']): void {
    this.workbooks += 1;
    const wb = new WorkbookModel(`工作簿${this.workbooks}`);
    for (const n of sheetNames) wb.sheets.push(new SheetModel(n));
    wb.active = wb.sheets[0];
    this._workbook = wb;
    this.sheetObjs = new WeakMap();
    this._selection = {
      sheet: wb.active,
      areas: [{ top: 1, left: 1, bottom: 1, right: 1 }],
      active: { row: 1, col: 1 },
    };
  }

  closeWorkbook(): void {
    this._workbook = null;
  }

  _wb(): WorkbookModel {
    if (!this._workbook) throw new Error('ET double: no workbook is open');
    return this._workbook;
  }

  _workbookObj(): WorkbookObj {
    return this.wrap(new WorkbookObj(this));
  }

  _sheetObj(sheet: SheetModel): SheetObj {
    let o = this.sheetObjs.get(sheet);
    if (!o) this.sheetObjs.set(sheet, (o = this.wrap(new SheetObj(this, sheet))));
    return o;
  }

  /** Range(cell1[, cell2]) on a sheet (or, from Application, anywhere): A1 text, a defined name, or Range objects. */
  _range(sheet: SheetModel, cell1: unknown, cell2?: unknown, appLevel = false): RangeObj {
    const one = (x: unknown): { sheet: SheetModel; areas: Area[] } => {
      const r = unwrap(x, RangeObj);
      if (r) return { sheet: r._sheet, areas: [...r._areas] };
      if (typeof x !== 'string') throw new Error('ET double: Range() takes an address, a name or a Range');
      if (x.length > this.options.maxAddressLength)
        throw new Error(`ET double: an address longer than ${this.options.maxAddressLength} characters`);
      const q = splitQualified(x);
      let target = sheet;
      if (q.sheet !== undefined) {
        const s = this._wb().sheet(q.sheet);
        if (!s) throw new Error(`ET double: no sheet ${q.sheet}`);
        if (!appLevel && s !== sheet) throw new Error('ET double: Worksheet.Range() on another sheet');
        target = s;
      }
      const areas = parseAreas(q.ref.replace(/\$/g, ''));
      if (areas) return { sheet: target, areas };
      const n = q.sheet === undefined ? this._wb().findName(q.ref) : undefined;
      if (n?.target && (appLevel || n.target.sheet === sheet))
        return { sheet: n.target.sheet, areas: [...n.target.areas] };
      throw new Error(`ET double: "${x}" is not a reference`);
    };
    const a = one(cell1);
    if (cell2 === undefined) return this.wrap(new RangeObj(this, a.sheet, a.areas));
    const b = one(cell2);
    if (a.sheet !== b.sheet) throw new Error('ET double: Range(cell1, cell2) across sheets');
    const all = [...a.areas, ...b.areas];
    const box = {
      top: Math.min(...all.map((x) => x.top)),
      left: Math.min(...all.map((x) => x.left)),
      bottom: Math.max(...all.map((x) => x.bottom)),
      right: Math.max(...all.map((x) => x.right)),
    };
    return this.wrap(new RangeObj(this, a.sheet, [box]));
  }

  private raw(sheet: SheetModel, r: number, c: number, depth = 0): Scalar | EtError | undefined {
    const cell = sheet.cell(r, c);
    if (!cell) return undefined;
    if (cell.formula === undefined) return cell.value;
    if (depth > 50) return new EtError('#REF!');
    return evaluateFormula(this._wb(), sheet, cell.formula, (s, rr, cc) => this.raw(s, rr, cc, depth + 1));
  }

  /** A cell's value as Value2 gives it: error values as their text, empty as options.emptyValue. */
  _valueAt(sheet: SheetModel, r: number, c: number): unknown {
    const v = this.raw(sheet, r, c);
    if (v === undefined) return this.options.emptyValue;
    return v instanceof EtError ? v.code : v;
  }

  /**
   * How a typed or written value lands in a cell: a leading ' keeps text as text, '=' starts a formula, numeric text
   * becomes a number unless the cell is formatted as text (@).
   */
  private assign(cell: CellModel, raw: unknown): void {
    delete cell.formula;
    delete cell.value;
    if (raw === null || raw === undefined || raw === '') return;
    if (typeof raw === 'number') {
      if (!Number.isFinite(raw)) throw new Error('ET double: not a finite number');
      cell.value = raw;
    } else if (typeof raw === 'boolean') cell.value = raw;
    else if (typeof raw === 'string') {
      if (raw.startsWith("'"))
        cell.value = raw.slice(1); // the prefix character: keep as text
      // = starts a formula; so do + and - (unless the text is a plain number) and @, as in Excel, whose entry rules
      // ET keeps (Excel worksheet and expression evaluation: "If the input begins with =, +, or -, Excel tries to
      // interpret the input as a formula", https://learn.microsoft.com/office/client-developer/excel/excel-worksheet-and-expression-evaluation;
      // '@' per OWASP CSV Injection, https://owasp.org/www-community/attacks/CSV_Injection).
      else if (raw.length > 1 && (raw.startsWith('=') || (/^[+\-@]/.test(raw) && !NUMERIC.test(raw))))
        cell.formula = raw.startsWith('=') ? raw : `=${raw}`;
      else if (cell.numberFormat === '@') cell.value = raw;
      else if (NUMERIC.test(raw)) cell.value = Number(raw);
      else if (/^(true|false)$/i.test(raw)) cell.value = raw.toLowerCase() === 'true';
      else cell.value = raw;
    } else throw new Error(`ET double: cannot store a ${typeof raw} in a cell`);
  }

  private blocked(sheet: SheetModel, areas: readonly Area[]): boolean {
    if (!sheet.protection) return false;
    for (const a of areas)
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) if (sheet.read(r, c).locked) return true;
    return false;
  }

  /** Value2 / Formula assignment from add-in code. */
  _apiWrite(range: RangeObj, v: unknown, _asFormula: boolean): void {
    const sheet = range._sheet;
    if (this.blocked(sheet, range._areas) && !sheet.protection!.userInterfaceOnly)
      throw new Error('ET double: the cells are on a protected sheet');
    if (Array.isArray(v)) {
      if (range._areas.length !== 1) throw new Error('ET double: an array written to a multi-area range');
      const a = range._a;
      const h = a.bottom - a.top + 1;
      const w = a.right - a.left + 1;
      if (v.length !== h || v.some((row) => !Array.isArray(row) || row.length !== w))
        throw new Error(
          `ET double: a ${v.length}-row array does not fit ${formatArea(a)} (${h}×${w}); the double refuses to truncate or pad`,
        );
      for (let i = 0; i < h; i++)
        for (let j = 0; j < w; j++) this.assign(sheet.writable(a.top + i, a.left + j), (v[i] as unknown[])[j]);
    } else {
      for (const a of range._areas) {
        if (cellsOf(a) > 1_000_000) throw new Error('ET double: refusing to fill a range this large');
        for (let r = a.top; r <= a.bottom; r++)
          for (let c = a.left; c <= a.right; c++) this.assign(sheet.writable(r, c), v);
      }
    }
    this.changed(sheet, range._areas, 'api');
  }

  _setCells(sheet: SheetModel, areas: readonly Area[], fn: (c: CellModel) => void): void {
    for (const a of areas) {
      if (cellsOf(a) > 1_000_000) throw new Error('ET double: refusing to format a range this large');
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(sheet.writable(r, c));
    }
  }

  /** Formatting a protected sheet fails unless the protection allows it (or was set UserInterfaceOnly). */
  _guardFormat(sheet: SheetModel, kind: 'cells' | 'columns' | 'rows' | 'structure' = 'structure'): void {
    const p = sheet.protection;
    if (!p || p.userInterfaceOnly) return;
    if (kind === 'cells' && p.allowFormattingCells) return;
    if (kind === 'columns' && p.allowFormattingColumns) return;
    if (kind === 'rows' && p.allowFormattingRows) return;
    throw new Error('ET double: the sheet is protected');
  }

  _merge(sheet: SheetModel, area: Area): void {
    if (cellsOf(area) === 1) return;
    let box = area;
    for (let grown = true; grown;) {
      grown = false;
      for (const m of sheet.merges)
        if (intersects(m, box) && !contains(box, m)) {
          box = {
            top: Math.min(box.top, m.top),
            left: Math.min(box.left, m.left),
            bottom: Math.max(box.bottom, m.bottom),
            right: Math.max(box.right, m.right),
          };
          grown = true;
        }
    }
    sheet.merges = sheet.merges.filter((m) => !contains(box, m));
    let lost = false;
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        if (r === box.top && c === box.left) continue;
        const cell = sheet.cell(r, c);
        if (cell && (cell.value !== undefined || cell.formula !== undefined)) {
          lost = true;
          delete cell.value;
          delete cell.formula;
        }
      }
    if (lost && this.flags.DisplayAlerts) this.alerts.push(`合并 ${formatArea(box)} 时只保留左上角的值`);
    sheet.merges.push(box);
  }

  _select(range: RangeObj, how: 'Select' | 'Activate'): void {
    const wb = this._wb();
    if (range._sheet !== wb.active) throw new Error(`ET double: Range.${how} on a sheet that is not active`);
    const first = { row: range._a.top, col: range._a.left };
    const s = this._selection;
    const inside =
      s.sheet === range._sheet &&
      s.areas.some((a) => contains(a, { top: first.row, left: first.col, bottom: first.row, right: first.col }));
    if (how === 'Activate' && inside && range.Count === 1) s.active = first;
    else this._selection = { sheet: range._sheet, areas: [...range._areas], active: first };
    this.lastSelection.set(range._sheet, { areas: this._selection.areas, active: this._selection.active });
  }

  _activate(sheet: SheetModel): void {
    const wb = this._wb();
    if (this._selection)
      this.lastSelection.set(this._selection.sheet, { areas: this._selection.areas, active: this._selection.active });
    wb.active = sheet;
    const last = this.lastSelection.get(sheet) ?? {
      areas: [{ top: 1, left: 1, bottom: 1, right: 1 }],
      active: { row: 1, col: 1 },
    };
    this._selection = { sheet, areas: last.areas, active: last.active };
  }

  /**
   * Before a sheet is hidden: a workbook keeps one visible sheet, and hiding the active sheet makes another one
   * active (the next visible one to its right, else to its left), as in Excel and in WPS (issue #10 finding 5:
   * WPS then applies ActiveWindow settings such as DisplayGridlines to that other sheet, the user's).
   */
  _hideSheet(sheet: SheetModel): void {
    const wb = this._wb();
    const visible = wb.sheets.filter((s) => s !== sheet && s.visible === -1);
    if (!visible.length) throw new Error('ET double: 工作簿至少要有一张可见的工作表');
    if (wb.active !== sheet) return;
    const i = wb.sheets.indexOf(sheet);
    this._activate(visible.find((s) => wb.sheets.indexOf(s) > i) ?? visible[visible.length - 1]);
  }

  _addSheet(before?: SheetModel, after?: SheetModel): SheetModel {
    const wb = this._wb();
    let n = wb.sheets.length + 1;
    while (wb.sheet(`Sheet${n}`)) n++;
    const s = new SheetModel(`Sheet${n}`);
    const at = before ? wb.sheets.indexOf(before) : after ? wb.sheets.indexOf(after) + 1 : wb.sheets.indexOf(wb.active);
    wb.sheets.splice(at, 0, s);
    this._activate(s);
    return s;
  }

  _renameSheet(sheet: SheetModel, name: string): void {
    if (name.length < 1 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'"))
      throw new Error(`ET double: "${name}" is not a valid sheet name`);
    const other = this._wb().sheet(name);
    if (other && other !== sheet) throw new Error(`ET double: a sheet named "${name}" already exists`);
    sheet.name = name;
  }

  _deleteSheet(sheet: SheetModel): void {
    const wb = this._wb();
    if (wb.sheets.length === 1) throw new Error('ET double: a workbook keeps at least one sheet');
    if (this.flags.DisplayAlerts) this.alerts.push(`删除工作表 ${sheet.name}`);
    for (const n of wb.names)
      if (n.target?.sheet === sheet) {
        n.text = `=#REF!${n.target.areas.map((a) => formatArea(a)).join(',')}`;
        n.target = null;
      }
    const i = wb.sheets.indexOf(sheet);
    wb.sheets.splice(i, 1);
    if (wb.active === sheet) {
      const visible = wb.sheets.filter((s) => s.visible === -1);
      this._activate(visible.find((s) => wb.sheets.indexOf(s) >= i) ?? visible[visible.length - 1] ?? wb.sheets[0]);
    }
  }

  _checkName(name: string, _existing?: NameModel): void {
    const cellLike = /^[A-Za-z]{1,3}\d{1,7}$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || cellLike || name.length > 255)
      throw new Error(`ET double: "${name}" is not a valid name`);
  }

  _point(n: NameModel, refersTo: unknown): void {
    const r = unwrap(refersTo, RangeObj);
    if (r) {
      n.target = { sheet: r._sheet, areas: [...r._areas] };
      return;
    }
    const text = String(refersTo);
    if (!text.startsWith('=')) throw new Error('ET double: RefersTo must start with "="');
    n.target = this._wb().resolveRefersTo(text);
    n.text = text;
  }

  // ------------------------------------------------------------ events

  private changed(sheet: SheetModel, areas: readonly Area[], source: 'api' | 'user'): void {
    if (source === 'api' && this.options.programmaticEvents === 'off') return;
    const fire = () => {
      if (this.options.honorEnableEvents && !this.flags.EnableEvents) return;
      this.fire('SheetChange', this._sheetObj(sheet), this.wrap(new RangeObj(this, sheet, areas)));
    };
    if (source === 'api' && this.options.programmaticEvents === 'deferred') {
      // WPS would check EnableEvents when the change happens, not when the page gets the message.
      if (this.options.honorEnableEvents && !this.flags.EnableEvents) return;
      this.queue.push(() =>
        this.fire('SheetChange', this._sheetObj(sheet), this.wrap(new RangeObj(this, sheet, areas))),
      );
    } else fire();
  }

  /** Delivers events queued by programmatic writes in 'deferred' mode. */
  flushEvents(): number {
    const q = this.queue;
    this.queue = [];
    for (const f of q) f();
    return q.length;
  }

  pendingEvents(): number {
    return this.queue.length;
  }

  /** Calls every listener of the event, in registration order, as WPS does. */
  fire(event: string, ...args: unknown[]): void {
    for (const l of [...this._listeners]) {
      if (l.event !== event || !this._listeners.includes(l)) continue;
      try {
        let fn: unknown = l.fn;
        if (typeof fn === 'string') {
          let at: unknown = this.pages.get(l.page)?.window;
          for (const part of fn.split('.')) at = (at as Record<string, unknown> | undefined)?.[part];
          fn = at;
        }
        if (typeof fn !== 'function') throw new Error(`ET double: listener ${String(l.fn)} is not a function`);
        (fn as (...a: unknown[]) => unknown)(...args);
      } catch (e) {
        this.listenerErrors.push(e);
      }
    }
  }

  // ------------------------------------------------------------ what a person does in the window

  private target(sheet: string, address: string): { s: SheetModel; a: Area } {
    const s = this._wb().sheet(sheet);
    if (!s) throw new Error(`ET double: no sheet ${sheet}`);
    const areas = parseAreas(address.replace(/\$/g, ''));
    if (!areas || areas.length !== 1) throw new Error(`ET double: bad address ${address}`);
    return { s, a: areas[0] };
  }

  /**
   * The user types (or pastes) a block and commits it: one SheetChange with the whole block as Target. Returns false
   * when WPS would refuse the edit (a locked cell on a protected sheet, a value a stop-style validation rejects).
   */
  userEdit(sheet: string, address: string, values: unknown): boolean {
    const { s, a } = this.target(sheet, address);
    if (this.blocked(s, [a])) {
      this.alerts.push(`单元格受保护：${formatArea(a)}`);
      return false;
    }
    const h = a.bottom - a.top + 1;
    const w = a.right - a.left + 1;
    const at = (i: number, j: number): unknown =>
      Array.isArray(values) ? ((values as unknown[][])[i]?.[j] ?? '') : i === 0 && j === 0 ? values : values;
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++) {
        const problem = this.validationProblem(s.read(a.top + i, a.left + j), at(i, j));
        if (problem === 'stop') {
          this.alerts.push(`输入值非法：${colLetters(a.left + j)}${a.top + i}`);
          return false;
        }
        if (problem === 'warn') this.alerts.push(`输入值可能有误（已保留）：${colLetters(a.left + j)}${a.top + i}`);
      }
    for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) this.assign(s.writable(a.top + i, a.left + j), at(i, j));
    this.changed(s, [a], 'user');
    return true;
  }

  /** Whole/decimal "between" validations as typing meets them: stop rejects, warning keeps after a prompt. */
  private validationProblem(cell: CellModel, raw: unknown): 'stop' | 'warn' | null {
    const v = cell.validation;
    if (!v || !v.showError || raw === '' || raw === null || raw === undefined) return null;
    if (v.type !== 1 && v.type !== 2) return null;
    const n =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(raw)
          ? Number(raw)
          : NaN;
    const ok =
      Number.isFinite(n) && (v.type === 2 || Number.isInteger(n)) && n >= Number(v.formula1) && n <= Number(v.formula2);
    if (ok) return null;
    return v.alertStyle === 1 ? 'stop' : 'warn';
  }

  userClear(sheet: string, address: string): boolean {
    const { a } = this.target(sheet, address);
    return this.userEdit(
      sheet,
      address,
      Array.from({ length: a.bottom - a.top + 1 }, () => new Array(a.right - a.left + 1).fill('')),
    );
  }

  userSelect(sheet: string, address: string): void {
    const { s, a } = this.target(sheet, address);
    this._activate(s);
    this._selection = { sheet: s, areas: [a], active: { row: a.top, col: a.left } };
    this.fire('SheetSelectionChange', this._sheetObj(s), this.wrap(new RangeObj(this, s, [a])));
  }

  userMerge(sheet: string, address: string): void {
    const { s, a } = this.target(sheet, address);
    this._merge(s, a);
  }

  userRenameSheet(from: string, to: string): void {
    const s = this._wb().sheet(from);
    if (!s) throw new Error(`ET double: no sheet ${from}`);
    this._renameSheet(s, to);
  }

  userDeleteSheet(name: string): void {
    const s = this._wb().sheet(name);
    if (!s) throw new Error(`ET double: no sheet ${name}`);
    this._deleteSheet(s);
  }

  // ------------------------------------------------------------ inspection for tests (not ET calls)

  sheet(name: string): SheetModel {
    const s = this._wb().sheet(name);
    if (!s) throw new Error(`ET double: no sheet ${name}`);
    return s;
  }

  sheetNames(): string[] {
    return this._wb().sheets.map((s) => s.name);
  }

  valueAt(sheet: string, address: string): unknown {
    const { s, a } = this.target(sheet, address);
    return this._valueAt(s, a.top, a.left);
  }

  cellAt(sheet: string, address: string): Readonly<CellModel> {
    const { s, a } = this.target(sheet, address);
    return s.read(a.top, a.left);
  }

  names(): { name: string; refersTo: string }[] {
    return this._wb().names.map((n) => ({ name: n.name, refersTo: refersToText(n) }));
  }

  get selection(): Selection {
    const s = this._selection;
    return {
      sheet: s.sheet.name,
      address: s.areas.map((a) => formatArea(a, false, false)).join(','),
      active: `${colLetters(s.active.col)}${s.active.row}`,
    };
  }

  get activeSheet(): string {
    return this._wb().active.name;
  }
}

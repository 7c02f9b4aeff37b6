// The Excel JS object model of the fake: worksheets, names, ranges with their formats, merges, conditional
// formats, data validation, protection, page layout and change events. Each proxy resolves what it stands for
// at sync time, in queue order, the way Excel resolves a batch.
import {
  type Box,
  boxAddress,
  cellCount,
  cellsOf,
  contains,
  intersects,
  MAX_COLS,
  MAX_ROWS,
  parseBox,
  parseReference,
  sheetPrefix,
} from './address';
import {
  type BatchLog,
  ClientCollection,
  ClientObject,
  type ContextLike,
  defineScalars,
  fail,
  type QueuedAction,
} from './client-object';
import {
  type BorderState,
  type CellFormatState,
  type CellValue,
  type ChangedHandler,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  defaultFormat,
  type DocumentState,
  type EdgeName,
  type PageLayoutState,
  type SheetState,
  type ValidationState,
} from './document';
import { checkEnglishFormula } from './formula-check';

export interface FakeContext extends ContextLike {
  readonly workbook: Workbook;
}

type Target = { sheet: SheetState; box: Box };

export const PROTECTED_MESSAGE =
  'The cell or chart that you are trying to change is protected and therefore read-only.';

function guardProtected(sheet: SheetState, allow: string | null, where: string): void {
  if (sheet.protected && !(allow && sheet.protectionOptions[allow])) fail('AccessDenied', PROTECTED_MESSAGE, where);
}

function normColor(v: unknown, where: string): string {
  if (typeof v === 'string' && /^#[0-9a-f]{6}$/i.test(v)) return v.toUpperCase();
  if (typeof v === 'string' && /^[a-z]+$/i.test(v)) return v.toLowerCase();
  return fail('InvalidArgument', `'${String(v)}' is not a colour`, where);
}

/** One value, or null when the cells of the range disagree (as Excel reports mixed formats). */
function uniform<T>(items: Iterable<T>): T | null {
  let first: T | undefined;
  let seen = false;
  for (const it of items) {
    if (!seen) {
      first = it;
      seen = true;
    } else if (JSON.stringify(it) !== JSON.stringify(first)) return null;
  }
  return seen ? (first as T) : null;
}

function rowsOf(box: Box): number[] {
  return Array.from({ length: box.bottom - box.top + 1 }, (_, i) => box.top + i);
}
function colsOf(box: Box): number[] {
  return Array.from({ length: box.right - box.left + 1 }, (_, i) => box.left + i);
}

/** Excel turns typed text into a number or boolean unless the cell is formatted as text ("@"). */
export function coerceEntered(raw: CellValue, numberFormat: string): CellValue {
  if (typeof raw !== 'string' || numberFormat === '@') return raw;
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(raw)) return Number(raw);
  if (/^(true|false)$/i.test(raw.trim())) return raw.trim().toUpperCase() === 'TRUE';
  return raw;
}

function check2D(v: unknown, box: Box, where: string): unknown[][] {
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols))
    fail(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`,
      where,
    );
  return v as unknown[][];
}

function cellRead(sheet: SheetState, box: Box, f: (r: number, c: number) => unknown): unknown[][] {
  if (cellCount(box) > 5_000_000) fail('ResponsePayloadSizeLimitExceeded', 'Too many cells requested', 'Range');
  return rowsOf(box).map((r) => colsOf(box).map((c) => f(r, c)));
}

function formatOf(sheet: SheetState, r: number, c: number): CellFormatState {
  return sheet.peek(r, c)?.format ?? defaultFormat();
}

// ---------------------------------------------------------------- workbook

export class Workbook extends ClientObject {
  readonly typeName = 'Workbook';
  readonly worksheets: WorksheetCollection;
  readonly names: NamedItemCollection;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new WorksheetCollection(ctx);
    this.names = new NamedItemCollection(ctx);
  }
  exists(): void {}
  override navigation(name: string): ClientObject | undefined {
    return ({ worksheets: this.worksheets, names: this.names } as Record<string, ClientObject>)[name];
  }
  getActiveCell(): Range {
    return new Range(this.context as FakeContext, (doc) => {
      const sel = doc.selection;
      const sheet = sel ? doc.sheetById(sel.sheetId) : doc.sheetById(doc.activeSheetId ?? '');
      if (!sheet) return fail('ItemNotFound', 'No active cell', 'Workbook.getActiveCell');
      const box = sel && sel.sheetId === sheet.id ? sel.box : { top: 1, left: 1, bottom: 1, right: 1 };
      return { sheet, box: { top: box.top, left: box.left, bottom: box.top, right: box.left } };
    });
  }
}
defineScalars(Workbook, { name: { get: () => 'Book1.xlsx' } });

export class Application extends ClientObject {
  readonly typeName = 'Application';
  exists(): void {}
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.requireSet('1.9', 'Application.suspendScreenUpdatingUntilNextSync');
    this.context.enqueue({
      where: 'Application.suspendScreenUpdatingUntilNextSync',
      run: (_d, log) => void log.notes.add('screenSuspended'),
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.requireSet('1.6', 'Application.suspendApiCalculationUntilNextSync');
    this.context.enqueue({
      where: 'Application.suspendApiCalculationUntilNextSync',
      run: (_d, log) => void log.notes.add('calcSuspended'),
    });
  }
}
defineScalars(Application, { calculationMode: { get: () => 'Automatic' } });

// ---------------------------------------------------------------- events

export class EventHandlerResult {
  constructor(
    readonly context: ContextLike,
    private readonly set: (doc: DocumentState) => Set<ChangedHandler>,
    private readonly handler: ChangedHandler,
  ) {}
  remove(): void {
    this.context.enqueue({ where: 'EventHandlerResult.remove', run: (doc) => void this.set(doc).delete(this.handler) });
  }
}

export class EventHandlers {
  constructor(
    private readonly context: ContextLike,
    private readonly since: string,
    private readonly where: string,
    private readonly set: (doc: DocumentState) => Set<ChangedHandler>,
  ) {}
  add(handler: ChangedHandler): EventHandlerResult {
    this.context.requireSet(this.since, this.where);
    this.context.enqueue({ where: this.where, run: (doc) => void this.set(doc).add(handler) });
    return new EventHandlerResult(this.context, this.set, handler);
  }
}

// ---------------------------------------------------------------- worksheets

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

export class WorksheetCollection extends ClientCollection<Worksheet> {
  readonly typeName = 'WorksheetCollection';
  exists(): void {}
  get onChanged(): EventHandlers {
    return this.child(
      'onChanged',
      () =>
        new EventHandlers(this.context, '1.9', 'WorksheetCollection.onChanged', (doc) => doc.workbookChangedHandlers),
    );
  }
  currentItems(doc: DocumentState): Worksheet[] {
    return doc.sheets.map((s) => Worksheet.byId(this.context as FakeContext, s.id));
  }
  add(name?: string): Worksheet {
    let createdId = '';
    this.context.enqueue({
      where: 'WorksheetCollection.add',
      run: (doc) => {
        let n = name;
        if (n === undefined) for (let i = 1; !n || doc.sheetByName(n); i++) n = `Sheet${i}`;
        if (!n || n.length > 31 || BAD_SHEET_CHARS.test(n) || n.startsWith("'") || n.endsWith("'"))
          fail('InvalidArgument', `The sheet name '${n}' is not valid.`, 'WorksheetCollection.add');
        if (doc.sheetByName(n))
          fail('ItemAlreadyExists', `A sheet named '${n}' already exists.`, 'WorksheetCollection.add');
        createdId = doc.addSheet(n).id;
      },
    });
    return new Worksheet(this.context as FakeContext, (doc) => doc.sheetById(createdId));
  }
  getItem(key: string): Worksheet {
    return Worksheet.byKey(this.context as FakeContext, key);
  }
  getItemOrNullObject(key: string): Worksheet {
    return Worksheet.byKey(this.context as FakeContext, key).nullable();
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context as FakeContext, (doc) => doc.sheetById(doc.activeSheetId ?? ''));
  }
}

export class Worksheet extends ClientObject {
  readonly typeName = 'Worksheet';
  readonly protection: WorksheetProtection;
  constructor(
    ctx: FakeContext,
    private readonly find: (doc: DocumentState) => SheetState | undefined,
  ) {
    super(ctx);
    this.protection = new WorksheetProtection(ctx, this);
  }
  static byKey(ctx: FakeContext, key: string): Worksheet {
    return new Worksheet(ctx, (doc) => doc.sheetByName(key) ?? doc.sheetById(key));
  }
  static byId(ctx: FakeContext, id: string): Worksheet {
    return new Worksheet(ctx, (doc) => doc.sheetById(id));
  }
  nullable(): this {
    return this.makeNullable();
  }
  sheet(doc: DocumentState): SheetState {
    return this.find(doc) ?? fail('ItemNotFound', 'The requested resource does not exist.', 'Worksheet');
  }
  exists(doc: DocumentState): void {
    this.sheet(doc);
  }
  override navigation(name: string): ClientObject | undefined {
    if (name === 'protection') return this.protection;
    if (name === 'pageLayout') return this.pageLayout;
    return undefined;
  }
  get pageLayout(): PageLayout {
    return this.child('pageLayout', () => new PageLayout(this.context as FakeContext, this));
  }
  get horizontalPageBreaks(): PageBreakCollection {
    return this.child('horizontalPageBreaks', () => new PageBreakCollection(this.context as FakeContext, this));
  }
  get onChanged(): EventHandlers {
    return this.child(
      'onChanged',
      () => new EventHandlers(this.context, '1.7', 'Worksheet.onChanged', (doc) => this.sheet(doc).changedHandlers),
    );
  }
  activate(): void {
    this.context.enqueue({
      where: 'Worksheet.activate',
      run: (doc) => {
        const s = this.sheet(doc);
        // Activating a sheet is choosing its tab (learn.microsoft.com/office/vba/api/excel.worksheet.activate(method));
        // a hidden sheet has none, and Excel refuses (VBA run-time error 1004; issue #10 finding 5 for Office.js).
        if (s.visibility !== 'Visible')
          fail(
            'InvalidOperation',
            `The worksheet '${s.name}' is hidden and cannot be activated.`,
            'Worksheet.activate',
          );
        doc.activeSheetId = s.id;
      },
    });
  }
  delete(): void {
    this.context.requireSet('1.1', 'Worksheet.delete');
    this.context.enqueue({
      where: 'Worksheet.delete',
      run: (doc) => {
        const s = this.sheet(doc);
        doc.sheets.splice(doc.sheets.indexOf(s), 1);
        for (const n of doc.names) {
          const ref = parseReference(n.formula);
          if (ref && ref.sheet.toLowerCase() === s.name.toLowerCase()) n.formula = '=#REF!';
        }
        if (doc.activeSheetId === s.id) doc.activeSheetId = doc.sheets[0]?.id ?? null;
      },
    });
  }
  /** Several areas, "A1:B2, D4" (ExcelApi 1.9). */
  getRanges(address: string): RangeAreas {
    this.context.requireSet('1.9', 'Worksheet.getRanges');
    return new RangeAreas(this.context as FakeContext, (doc) => {
      const sheet = this.sheet(doc);
      const areas = address.split(',').map((a) => parseBox(a));
      if (areas.some((a) => !a)) fail('InvalidArgument', `Bad address ${address}`, 'Worksheet.getRanges');
      return { sheet, areas: areas as Box[] };
    });
  }
  /** An A1 address, whole rows/columns, or a defined name on this sheet; no argument means the whole sheet. */
  getRange(address?: string): Range {
    return new Range(this.context as FakeContext, (doc) => {
      const sheet = this.sheet(doc);
      if (address === undefined || address === '')
        return { sheet, box: { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } };
      const box = parseBox(address);
      if (box) return { sheet, box };
      const named = doc.nameByName(address);
      const ref = named && parseReference(named.formula);
      if (!ref || doc.sheetByName(ref.sheet) !== sheet)
        return fail(
          'InvalidArgument',
          `The argument '${address}' is invalid or missing or has an incorrect format.`,
          'Worksheet.getRange',
        );
      return { sheet, box: ref.box };
    });
  }
}
defineScalars(Worksheet, {
  name: {
    get: (w, doc) => w.sheet(doc).name,
    set: (w, doc, v) => {
      const s = w.sheet(doc);
      const old = s.name;
      s.name = String(v);
      for (const n of doc.names) n.formula = n.formula.replace(sheetPrefix(old), sheetPrefix(s.name));
    },
  },
  id: { get: (w, doc) => w.sheet(doc).id },
  position: { get: (w, doc) => doc.sheets.indexOf(w.sheet(doc)) },
  visibility: {
    get: (w, doc) => w.sheet(doc).visibility,
    set: (w, doc, v) => {
      const s = w.sheet(doc);
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden')
        fail('InvalidArgument', `'${String(v)}' is not a sheet visibility.`, 'Worksheet.visibility');
      // Excel keeps at least one sheet visible.
      if (v !== 'Visible' && !doc.sheets.some((o) => o !== s && o.visibility === 'Visible'))
        fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.visibility');
      s.visibility = v;
    },
  },
  showGridlines: {
    since: '1.8',
    get: (w, doc) => w.sheet(doc).showGridlines,
    set: (w, doc, v) => void (w.sheet(doc).showGridlines = Boolean(v)),
  },
});

export class WorksheetProtection extends ClientObject {
  readonly typeName = 'WorksheetProtection';
  constructor(
    ctx: FakeContext,
    private readonly ws: Worksheet,
  ) {
    super(ctx);
  }
  exists(doc: DocumentState): void {
    this.ws.exists(doc);
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this.context.requireSet('1.2', 'WorksheetProtection.protect');
    this.context.enqueue({
      where: 'WorksheetProtection.protect',
      run: (doc) => {
        const s = this.ws.sheet(doc);
        if (s.protected) fail('InvalidOperation', 'The worksheet is already protected.', 'WorksheetProtection.protect');
        s.protected = true;
        s.protectionOptions = { ...(options ?? {}) };
        s.protectionPassword = password;
      },
    });
  }
  unprotect(password?: string): void {
    this.context.requireSet('1.7', 'WorksheetProtection.unprotect');
    this.context.enqueue({
      where: 'WorksheetProtection.unprotect',
      run: (doc) => {
        const s = this.ws.sheet(doc);
        if (!s.protected) return;
        if ((s.protectionPassword ?? '') !== (password ?? ''))
          fail('InvalidArgument', 'The password you supplied is not correct.', 'WorksheetProtection.unprotect');
        s.protected = false;
        s.protectionOptions = {};
        s.protectionPassword = undefined;
      },
    });
  }
}
defineScalars(WorksheetProtection, {
  protected: { get: (p, doc) => (p as unknown as { ws: Worksheet }).ws.sheet(doc).protected },
  options: { get: (p, doc) => ({ ...(p as unknown as { ws: Worksheet }).ws.sheet(doc).protectionOptions }) },
});

export class PageLayout extends ClientObject {
  readonly typeName = 'PageLayout';
  constructor(
    ctx: FakeContext,
    readonly ws: Worksheet,
  ) {
    super(ctx);
  }
  exists(doc: DocumentState): void {
    this.ws.exists(doc);
  }
  setPrintArea(area: string | Range): void {
    this.context.requireSet('1.9', 'PageLayout.setPrintArea');
    this.context.enqueue({
      where: 'PageLayout.setPrintArea',
      run: (doc) => {
        const s = this.ws.sheet(doc);
        const box = typeof area === 'string' ? parseBox(area) : area.target(doc).box;
        if (!box) fail('InvalidArgument', `Bad print area ${String(area)}`, 'PageLayout.setPrintArea');
        s.pageLayout.printArea = boxAddress(box);
      },
    });
  }
}
const margin = (side: keyof PageLayoutState['margins']) => ({
  since: '1.9',
  get: (p: PageLayout, doc: DocumentState) => p.ws.sheet(doc).pageLayout.margins[side],
  set: (p: PageLayout, doc: DocumentState, v: unknown) => void (p.ws.sheet(doc).pageLayout.margins[side] = Number(v)),
});
defineScalars(PageLayout, {
  orientation: {
    since: '1.9',
    get: (p, doc) => p.ws.sheet(doc).pageLayout.orientation,
    set: (p, doc, v) => void (p.ws.sheet(doc).pageLayout.orientation = String(v)),
  },
  zoom: {
    since: '1.9',
    get: (p, doc) => ({ ...p.ws.sheet(doc).pageLayout.zoom }),
    set: (p, doc, v) => {
      // "Print page scale value can be between 10 and 400"
      // (https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayoutzoomoptions).
      const zoom = { ...(v as PageLayoutState['zoom']) };
      if (zoom.scale !== undefined && zoom.scale !== null) inRange(zoom.scale, 10, 400, 'PageLayout.zoom');
      p.ws.sheet(doc).pageLayout.zoom = zoom;
    },
  },
  paperSize: {
    since: '1.9',
    get: (p, doc) => p.ws.sheet(doc).pageLayout.paperSize,
    set: (p, doc, v) => void (p.ws.sheet(doc).pageLayout.paperSize = String(v)),
  },
  centerHorizontally: {
    since: '1.9',
    get: (p, doc) => p.ws.sheet(doc).pageLayout.centerHorizontally,
    set: (p, doc, v) => void (p.ws.sheet(doc).pageLayout.centerHorizontally = Boolean(v)),
  },
  headerMargin: margin('header'),
  footerMargin: margin('footer'),
  leftMargin: margin('left'),
  rightMargin: margin('right'),
  topMargin: margin('top'),
  bottomMargin: margin('bottom'),
});

export class PageBreakCollection extends ClientObject {
  readonly typeName = 'PageBreakCollection';
  constructor(
    ctx: FakeContext,
    private readonly ws: Worksheet,
  ) {
    super(ctx);
  }
  exists(doc: DocumentState): void {
    this.ws.exists(doc);
  }
  /** A break goes above the top row of the given range. */
  add(at: string | Range): void {
    this.context.requireSet('1.9', 'PageBreakCollection.add');
    this.context.enqueue({
      where: 'PageBreakCollection.add',
      run: (doc) => {
        const s = this.ws.sheet(doc);
        const box = typeof at === 'string' ? parseBox(at) : at.target(doc).box;
        if (!box) fail('InvalidArgument', `Bad page break ${String(at)}`, 'PageBreakCollection.add');
        const afterRow = box.top - 1;
        if (!s.pageLayout.rowBreaks.includes(afterRow)) s.pageLayout.rowBreaks.push(afterRow);
        s.pageLayout.rowBreaks.sort((a, b) => a - b);
      },
    });
  }
}
defineScalars(PageBreakCollection, {});

// ---------------------------------------------------------------- names

const NAME_SYNTAX = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;
function looksLikeReference(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
}

export class NamedItemCollection extends ClientCollection<NamedItem> {
  readonly typeName = 'NamedItemCollection';
  exists(): void {}
  currentItems(doc: DocumentState): NamedItem[] {
    return doc.names.map((n) => new NamedItem(this.context as FakeContext, n.name));
  }
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    this.context.requireSet('1.4', 'NamedItemCollection.add');
    this.context.enqueue({
      where: 'NamedItemCollection.add',
      run: (doc) => {
        if (!NAME_SYNTAX.test(name) || looksLikeReference(name) || name.length > 255)
          fail('InvalidArgument', `The name '${name}' is not valid.`, 'NamedItemCollection.add');
        if (doc.nameByName(name))
          fail('ItemAlreadyExists', `The name '${name}' already exists.`, 'NamedItemCollection.add');
        let formula: string;
        if (typeof reference === 'string') {
          formula = reference.startsWith('=') ? reference : `=${reference}`;
          checkEnglishFormula(formula, doc, 'NamedItemCollection.add');
        } else {
          const t = reference.target(doc);
          formula = `=${sheetPrefix(t.sheet.name)}${boxAddress(t.box, true)}`;
        }
        doc.names.push({ name, formula, comment: comment ?? '' });
      },
    });
    return new NamedItem(this.context as FakeContext, name);
  }
  getItem(name: string): NamedItem {
    return new NamedItem(this.context as FakeContext, name);
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.context as FakeContext, name).nullable();
  }
}

export class NamedItem extends ClientObject {
  readonly typeName = 'NamedItem';
  constructor(
    ctx: FakeContext,
    readonly key: string,
  ) {
    super(ctx);
  }
  nullable(): this {
    return this.makeNullable();
  }
  state(doc: DocumentState) {
    return doc.nameByName(this.key) ?? fail('ItemNotFound', `The name '${this.key}' does not exist.`, 'NamedItem');
  }
  exists(doc: DocumentState): void {
    this.state(doc);
  }
  private rangeTarget(doc: DocumentState): Target {
    const ref = parseReference(this.state(doc).formula);
    const sheet = ref && doc.sheetByName(ref.sheet);
    if (!ref || !sheet)
      return fail('InvalidOperation', `The name '${this.key}' does not refer to a range.`, 'NamedItem.getRange');
    return { sheet, box: ref.box };
  }
  getRange(): Range {
    return new Range(this.context as FakeContext, (doc) => this.rangeTarget(doc));
  }
  getRangeOrNullObject(): Range {
    this.context.requireSet('1.4', 'NamedItem.getRangeOrNullObject');
    return new Range(this.context as FakeContext, (doc) => this.rangeTarget(doc)).nullable();
  }
  delete(): void {
    this.context.requireSet('1.4', 'NamedItem.delete');
    this.context.enqueue({
      where: 'NamedItem.delete',
      run: (doc) => void doc.names.splice(doc.names.indexOf(this.state(doc)), 1),
    });
  }
}
defineScalars(NamedItem, {
  name: { get: (n, doc) => n.state(doc).name },
  formula: {
    since: '1.7',
    get: (n, doc) => n.state(doc).formula,
    set: (n, doc, v) => void (n.state(doc).formula = String(v).startsWith('=') ? String(v) : `=${String(v)}`),
  },
  type: { get: (n, doc) => (parseReference(n.state(doc).formula) ? 'Range' : 'Error') },
  value: { get: (n, doc) => n.state(doc).formula.replace(/^=/, '') },
  comment: { get: (n, doc) => n.state(doc).comment },
  scope: { get: () => 'Workbook' },
  visible: { get: () => true },
});

// ---------------------------------------------------------------- ranges

export class Range extends ClientObject {
  readonly typeName = 'Range';
  constructor(
    ctx: FakeContext,
    private readonly resolve: (doc: DocumentState) => Target,
  ) {
    super(ctx);
  }
  nullable(): this {
    return this.makeNullable();
  }
  target(doc: DocumentState): Target {
    return this.resolve(doc);
  }
  exists(doc: DocumentState): void {
    this.resolve(doc);
  }
  /** The sheet the range is on. */
  get worksheet(): Worksheet {
    return this.child('worksheet', () => new Worksheet(this.context as FakeContext, (doc) => this.resolve(doc).sheet));
  }
  get format(): RangeFormat {
    return this.child('format', () => new RangeFormat(this.context as FakeContext, this));
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return this.child(
      'conditionalFormats',
      () =>
        new ConditionalFormatCollection(this.context as FakeContext, (doc) => {
          const t = this.resolve(doc);
          return { sheet: t.sheet, areas: [t.box] };
        }),
    );
  }
  get dataValidation(): DataValidation {
    return this.child('dataValidation', () => new DataValidation(this.context as FakeContext, this));
  }
  override navigation(name: string): ClientObject | undefined {
    if (name === 'format') return this.format;
    if (name === 'dataValidation') return this.dataValidation;
    return undefined;
  }
  private act(where: string, run: QueuedAction['run'], since?: string): void {
    if (since) this.context.requireSet(since, where);
    this.context.enqueue({ where, run });
  }
  merge(across = false): void {
    this.act(
      'Range.merge',
      (doc) => {
        const { sheet, box } = this.resolve(doc);
        guardProtected(sheet, null, 'Range.merge');
        const boxes = across ? rowsOf(box).map((r) => ({ ...box, top: r, bottom: r })) : [box];
        for (const b of boxes) {
          if (cellCount(b) === 1) continue;
          for (const m of sheet.mergesIn(b)) sheet.merges.splice(sheet.merges.indexOf(m), 1);
          sheet.merges.push(b);
          // Excel keeps only the top-left value of a merge.
          for (const [r, c] of cellsOf(b)) {
            const cell = sheet.peek(r, c);
            if (cell && !(r === b.top && c === b.left)) {
              cell.value = '';
              delete cell.formula;
            }
          }
        }
      },
      '1.2',
    );
  }
  unmerge(): void {
    this.act(
      'Range.unmerge',
      (doc) => {
        const { sheet, box } = this.resolve(doc);
        for (const m of sheet.mergesIn(box)) sheet.merges.splice(sheet.merges.indexOf(m), 1);
      },
      '1.2',
    );
  }
  select(): void {
    this.act('Range.select', (doc) => {
      const { sheet, box } = this.resolve(doc);
      doc.activeSheetId = sheet.id;
      doc.selection = { sheetId: sheet.id, box, areas: [box] };
    });
  }
  /** The merges that touch this range, whole, as one RangeAreas; a null object when there are none. */
  getMergedAreasOrNullObject(): RangeAreas {
    this.context.requireSet('1.13', 'Range.getMergedAreasOrNullObject');
    return new RangeAreas(this.context as FakeContext, (doc) => {
      const { sheet, box } = this.resolve(doc);
      const areas = sheet.mergesIn(box);
      if (!areas.length) fail('ItemNotFound', 'No merged areas', 'Range.getMergedAreasOrNullObject');
      return { sheet, areas };
    }).nullable();
  }
}

function writeCells(
  r: Range,
  doc: DocumentState,
  v: unknown,
  log: BatchLog,
  where: string,
  apply: (sheet: SheetState, row: number, col: number, x: unknown) => void,
  isFormat: boolean,
): void {
  const { sheet, box } = r.target(doc);
  const grid = check2D(v, box, where);
  const touched: [number, number][] = [];
  grid.forEach((row, i) =>
    row.forEach((x, j) => x !== null && x !== undefined && touched.push([box.top + i, box.left + j])),
  );
  if (sheet.protected) {
    if (isFormat) guardProtected(sheet, 'allowFormatCells', where);
    else if (touched.some(([row, col]) => formatOf(sheet, row, col).locked))
      fail('AccessDenied', PROTECTED_MESSAGE, where);
  }
  const before = sheet.peek(box.top, box.left);
  const was = { valueBefore: before?.value ?? '', valueTypeBefore: valueTypeOf(before) };
  for (const [row, col] of touched) apply(sheet, row, col, grid[row - box.top][col - box.left]);
  if (isFormat || !touched.length) return;
  const after = sheet.peek(box.top, box.left);
  const details =
    cellCount(box) === 1 ? { ...was, valueAfter: after?.value ?? '', valueTypeAfter: valueTypeOf(after) } : undefined;
  log.valueWrites.push({ sheetId: sheet.id, ...box, details });
}

/**
 * Whether a string written through `values` is taken as a formula. Range.values: "If the returned value starts with
 * a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula."
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member); a plain signed
 * number ("-5") stays a number. '@' starts a formula too (implicit intersection; OWASP CSV Injection lists it:
 * https://owasp.org/www-community/attacks/CSV_Injection).
 */
export function entersAsFormula(x: string): boolean {
  if (x.length < 2 || !/^[=+\-@]/.test(x)) return false;
  return !(x[0] !== '=' && typeof coerceEntered(x, 'General') === 'number');
}

function setEntered(sheet: SheetState, row: number, col: number, x: unknown): void {
  const cell = sheet.cell(row, col);
  delete cell.formula;
  delete cell.isError;
  if (typeof x === 'string' && x.startsWith("'")) {
    // "If the input begins with a string prefix (single quote), Excel places all input characters into the cell
    // unchanged (the prefix is not displayed)" (Excel worksheet and expression evaluation,
    // https://learn.microsoft.com/office/client-developer/excel/excel-worksheet-and-expression-evaluation).
    cell.value = x.slice(1);
  } else if (typeof x === 'string' && entersAsFormula(x)) {
    cell.formula = x.startsWith('=') ? x : `=${x}`;
    cell.value = ''; // the fake has no calculation engine
  } else if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')
    cell.value = coerceEntered(x, cell.format.numberFormat);
  else fail('InvalidArgument', `Unsupported value ${String(x)}`, 'Range.values');
}

export function valueTypeOf(cell: { value: CellValue; isError?: boolean } | undefined): string {
  if (!cell || cell.value === '') return 'Empty';
  if (cell.isError) return 'Error';
  if (typeof cell.value === 'number') return 'Double';
  if (typeof cell.value === 'boolean') return 'Boolean';
  return 'String';
}

defineScalars(Range, {
  address: {
    get: (r, doc) => {
      const t = r.target(doc);
      return sheetPrefix(t.sheet.name) + boxAddress(t.box);
    },
  },
  rowCount: {
    get: (r, doc) => {
      const b = r.target(doc).box;
      return b.bottom - b.top + 1;
    },
  },
  columnCount: {
    get: (r, doc) => {
      const b = r.target(doc).box;
      return b.right - b.left + 1;
    },
  },
  rowIndex: { get: (r, doc) => r.target(doc).box.top - 1 },
  columnIndex: { get: (r, doc) => r.target(doc).box.left - 1 },
  values: {
    get: (r, doc) => {
      const { sheet, box } = r.target(doc);
      return cellRead(sheet, box, (row, col) => sheet.peek(row, col)?.value ?? '');
    },
    set: (r, doc, v, log) => writeCells(r, doc, v, log, 'Range.values', setEntered, false),
  },
  formulas: {
    get: (r, doc) => {
      const { sheet, box } = r.target(doc);
      return cellRead(sheet, box, (row, col) => {
        const c = sheet.peek(row, col);
        return c?.formula ?? c?.value ?? '';
      });
    },
    set: (r, doc, v, log) => writeCells(r, doc, v, log, 'Range.formulas', setEntered, false),
  },
  valueTypes: {
    get: (r, doc) => {
      const { sheet, box } = r.target(doc);
      return cellRead(sheet, box, (row, col) => valueTypeOf(sheet.peek(row, col)));
    },
  },
  text: {
    get: (r, doc) => {
      const { sheet, box } = r.target(doc);
      return cellRead(sheet, box, (row, col) => String(sheet.peek(row, col)?.value ?? ''));
    },
  },
  numberFormat: {
    get: (r, doc) => {
      const { sheet, box } = r.target(doc);
      return cellRead(sheet, box, (row, col) => formatOf(sheet, row, col).numberFormat);
    },
    set: (r, doc, v, log) =>
      writeCells(
        r,
        doc,
        v,
        log,
        'Range.numberFormat',
        (s, row, col, x) => void (s.cell(row, col).format.numberFormat = String(x)),
        true,
      ),
  },
});

export class RangeAreas extends ClientObject {
  readonly typeName = 'RangeAreas';
  constructor(
    ctx: FakeContext,
    private readonly resolve: (doc: DocumentState) => { sheet: SheetState; areas: Box[] },
  ) {
    super(ctx);
  }
  nullable(): this {
    return this.makeNullable();
  }
  exists(doc: DocumentState): void {
    this.resolve(doc);
  }
  areasOf(doc: DocumentState) {
    return this.resolve(doc);
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return this.child(
      'conditionalFormats',
      () => new ConditionalFormatCollection(this.context as FakeContext, this.resolve),
    );
  }
  select(): void {
    this.context.requireSet('1.9', 'RangeAreas.select');
    this.context.enqueue({
      where: 'RangeAreas.select',
      run: (doc) => {
        const { sheet, areas } = this.resolve(doc);
        doc.activeSheetId = sheet.id;
        doc.selection = { sheetId: sheet.id, box: areas[0], areas };
      },
    });
  }
}
defineScalars(RangeAreas, {
  address: {
    get: (a, doc) => {
      const { sheet, areas } = a.areasOf(doc);
      return areas.map((b) => sheetPrefix(sheet.name) + boxAddress(b)).join(',');
    },
  },
  areaCount: { get: (a, doc) => a.areasOf(doc).areas.length },
});

// ---------------------------------------------------------------- range formats

/** A format object that reads and writes one facet of every cell of a range. */
abstract class RangeFacet extends ClientObject {
  constructor(
    ctx: FakeContext,
    readonly range: Range,
  ) {
    super(ctx);
  }
  exists(doc: DocumentState): void {
    this.range.exists(doc);
  }
  readAll<T>(doc: DocumentState, f: (fmt: CellFormatState) => T): T | null {
    const { sheet, box } = this.range.target(doc);
    return uniform([...cellsOf(box)].map(([r, c]) => f(formatOf(sheet, r, c))));
  }
  writeAll(doc: DocumentState, where: string, f: (fmt: CellFormatState) => void, allow = 'allowFormatCells'): void {
    const { sheet, box } = this.range.target(doc);
    guardProtected(sheet, allow, where);
    for (const [r, c] of cellsOf(box)) f(sheet.cell(r, c).format);
  }
}

const facet = <T>(
  name: string,
  read: (f: CellFormatState) => T,
  write: (f: CellFormatState, v: unknown, where: string) => void,
) => ({
  get: (p: RangeFacet, doc: DocumentState) => p.readAll(doc, read),
  set: (p: RangeFacet, doc: DocumentState, v: unknown) =>
    p.writeAll(doc, `${p.typeName}.${name}`, (f) => write(f, v, `${p.typeName}.${name}`)),
});

export class RangeFormat extends RangeFacet {
  readonly typeName = 'RangeFormat';
  get fill(): RangeFill {
    return this.child('fill', () => new RangeFill(this.context as FakeContext, this.range));
  }
  get font(): RangeFont {
    return this.child('font', () => new RangeFont(this.context as FakeContext, this.range));
  }
  get borders(): RangeBorderCollection {
    return this.child('borders', () => new RangeBorderCollection(this.context as FakeContext, this.range));
  }
  get protection(): FormatProtection {
    return this.child('protection', () => new FormatProtection(this.context as FakeContext, this.range));
  }
  override navigation(name: string): ClientObject | undefined {
    return ({ fill: this.fill, font: this.font, protection: this.protection } as Record<string, ClientObject>)[name];
  }
}
/** A number Excel takes for a property, or InvalidArgument naming the documented range. */
function inRange(v: unknown, min: number, max: number, where: string): number {
  const n = typeof v === 'number' ? v : NaN;
  return Number.isFinite(n) && n >= min && n <= max
    ? n
    : fail('InvalidArgument', `'${String(v)}' is outside ${min}..${max}.`, where);
}
// Excel.HorizontalAlignment / Excel.VerticalAlignment: a string outside the enum is refused
// (https://learn.microsoft.com/en-us/javascript/api/excel/excel.horizontalalignment,
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.verticalalignment).
const ALIGN_H = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const ALIGN_V = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const oneOf = (allowed: string[]) => (v: unknown, where: string) =>
  allowed.includes(String(v))
    ? String(v)
    : fail('InvalidArgument', `'${String(v)}' is not one of ${allowed.join('|')}`, where);
defineScalars(RangeFormat, {
  horizontalAlignment: facet(
    'horizontalAlignment',
    (f) => f.horizontalAlignment,
    (f, v, w) => void (f.horizontalAlignment = oneOf(ALIGN_H)(v, w)),
  ),
  verticalAlignment: facet(
    'verticalAlignment',
    (f) => f.verticalAlignment,
    (f, v, w) => void (f.verticalAlignment = oneOf(ALIGN_V)(v, w)),
  ),
  wrapText: facet(
    'wrapText',
    (f) => f.wrapText,
    (f, v) => void (f.wrapText = Boolean(v)),
  ),
  columnWidth: {
    since: '1.2',
    get: (p, doc) => {
      const { sheet, box } = p.range.target(doc);
      return uniform(colsOf(box).map((c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH));
    },
    set: (p, doc, v) => {
      const { sheet, box } = p.range.target(doc);
      guardProtected(sheet, 'allowFormatColumns', 'RangeFormat.columnWidth');
      // Points (RangeFormat.columnWidth, https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeformat);
      // Excel's widest column is 255 characters, 1,726.5 points ("Excel specifications and limits",
      // https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3;
      // the points figure: https://learn.microsoft.com/en-us/previous-versions/sql/sql-server-2005/ms156418(v=sql.90)).
      const w = inRange(v, 0, 1726.5, 'RangeFormat.columnWidth');
      for (const c of colsOf(box)) sheet.columnWidths.set(c, w);
    },
  },
  rowHeight: {
    since: '1.2',
    get: (p, doc) => {
      const { sheet, box } = p.range.target(doc);
      return uniform(rowsOf(box).map((r) => sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT));
    },
    set: (p, doc, v) => {
      const { sheet, box } = p.range.target(doc);
      guardProtected(sheet, 'allowFormatRows', 'RangeFormat.rowHeight');
      // Row height: at most 409 points (Excel specifications and limits, link above).
      const h = inRange(v, 0, 409, 'RangeFormat.rowHeight');
      for (const r of rowsOf(box)) sheet.rowHeights.set(r, h);
    },
  },
});

export class RangeFill extends RangeFacet {
  readonly typeName = 'RangeFill';
  clear(): void {
    this.context.enqueue({
      where: 'RangeFill.clear',
      run: (doc) => this.writeAll(doc, 'RangeFill.clear', (f) => void (f.fill = null)),
    });
  }
}
defineScalars(RangeFill, {
  color: facet(
    'color',
    (f) => f.fill ?? '#FFFFFF',
    (f, v, w) => void (f.fill = normColor(v, w)),
  ),
});

const UNDERLINE = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'];
export class RangeFont extends RangeFacet {
  readonly typeName = 'RangeFont';
}
defineScalars(RangeFont, {
  name: facet(
    'name',
    (f) => f.fontName,
    (f, v) => void (f.fontName = String(v)),
  ),
  // Font sizes Excel takes are 1 to 409 points (the Font Size box of Excel; RangeFont.size is "the font size",
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangefont#excel-excel-rangefont-size-member).
  size: facet(
    'size',
    (f) => f.fontSize,
    (f, v, w) => void (f.fontSize = inRange(v, 1, 409, w)),
  ),
  // Excel.RangeUnderlineStyle (https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeunderlinestyle).
  underline: facet(
    'underline',
    (f) => f.underline ?? 'None',
    (f, v, w) => void (f.underline = oneOf(UNDERLINE)(v, w)),
  ),
  bold: facet(
    'bold',
    (f) => f.bold,
    (f, v) => void (f.bold = Boolean(v)),
  ),
  color: facet(
    'color',
    (f) => f.fontColor,
    (f, v, w) => void (f.fontColor = normColor(v, w)),
  ),
});

export class FormatProtection extends RangeFacet {
  readonly typeName = 'FormatProtection';
}
defineScalars(FormatProtection, {
  locked: {
    since: '1.2',
    get: (p, doc) => p.readAll(doc, (f) => f.locked),
    // Excel refuses to change locking on a protected sheet whatever the options say.
    set: (p, doc, v) => p.writeAll(doc, 'FormatProtection.locked', (f) => void (f.locked = Boolean(v)), '__never__'),
  },
});

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;
type BorderIndex = (typeof EDGES)[number];

/** Which cell edges an Excel border index stands for, inside a box. */
function edgeCells(box: Box, index: BorderIndex): [number, number, EdgeName][] {
  const out: [number, number, EdgeName][] = [];
  for (const [r, c] of cellsOf(box)) {
    if (index === 'EdgeTop' && r === box.top) out.push([r, c, 'EdgeTop']);
    if (index === 'EdgeBottom' && r === box.bottom) out.push([r, c, 'EdgeBottom']);
    if (index === 'EdgeLeft' && c === box.left) out.push([r, c, 'EdgeLeft']);
    if (index === 'EdgeRight' && c === box.right) out.push([r, c, 'EdgeRight']);
    if (index === 'InsideHorizontal') {
      if (r < box.bottom) out.push([r, c, 'EdgeBottom']);
      if (r > box.top) out.push([r, c, 'EdgeTop']);
    }
    if (index === 'InsideVertical') {
      if (c < box.right) out.push([r, c, 'EdgeRight']);
      if (c > box.left) out.push([r, c, 'EdgeLeft']);
    }
  }
  return out;
}

export class RangeBorderCollection extends RangeFacet {
  readonly typeName = 'RangeBorderCollection';
  getItem(index: string): RangeBorder {
    if (!EDGES.includes(index as BorderIndex))
      fail('InvalidArgument', `Unknown border ${index}`, 'RangeBorderCollection.getItem');
    return new RangeBorder(this.context as FakeContext, this.range, index as BorderIndex);
  }
}
defineScalars(RangeBorderCollection, {});

export class RangeBorder extends RangeFacet {
  readonly typeName = 'RangeBorder';
  constructor(
    ctx: FakeContext,
    range: Range,
    readonly index: BorderIndex,
  ) {
    super(ctx, range);
  }
  readEdge(doc: DocumentState, key: keyof BorderState, none: string): unknown {
    const { sheet, box } = this.range.target(doc);
    return uniform(edgeCells(box, this.index).map(([r, c, e]) => formatOf(sheet, r, c).borders[e]?.[key] ?? none));
  }
  writeEdge(doc: DocumentState, key: keyof BorderState, v: string): void {
    const { sheet, box } = this.range.target(doc);
    guardProtected(sheet, 'allowFormatCells', 'RangeBorder');
    for (const [r, c, e] of edgeCells(box, this.index)) {
      const f = sheet.cell(r, c).format;
      // Weight or colour alone draws nothing until a style is set.
      f.borders[e] = { style: 'None', weight: 'Thin', color: '#000000', ...f.borders[e], [key]: v };
    }
  }
}
// Excel.BorderLineStyle (https://learn.microsoft.com/en-us/javascript/api/excel/excel.borderlinestyle) and
// Excel.BorderWeight (https://learn.microsoft.com/en-us/javascript/api/excel/excel.borderweight): nothing else.
const LINE_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];
defineScalars(RangeBorder, {
  style: {
    get: (b, doc) => b.readEdge(doc, 'style', 'None'),
    set: (b, doc, v) => b.writeEdge(doc, 'style', oneOf(LINE_STYLES)(v, 'RangeBorder.style')),
  },
  weight: {
    get: (b, doc) => b.readEdge(doc, 'weight', 'Thin'),
    set: (b, doc, v) => b.writeEdge(doc, 'weight', oneOf(WEIGHTS)(v, 'RangeBorder.weight')),
  },
  color: {
    get: (b, doc) => b.readEdge(doc, 'color', '#000000'),
    set: (b, doc, v) => b.writeEdge(doc, 'color', normColor(v, 'RangeBorder.color')),
  },
});

// ---------------------------------------------------------------- conditional formats

type Areas = { sheet: SheetState; areas: Box[] };

const CF_TYPES = [
  'Custom',
  'DataBar',
  'ColorScale',
  'IconSet',
  'TopBottom',
  'PresetCriteria',
  'ContainsText',
  'CellValue',
];

export class ConditionalFormatCollection extends ClientCollection<ConditionalFormat> {
  readonly typeName = 'ConditionalFormatCollection';
  constructor(
    ctx: FakeContext,
    private readonly resolve: (doc: DocumentState) => Areas,
  ) {
    super(ctx);
  }
  exists(doc: DocumentState): void {
    this.resolve(doc);
  }
  currentItems(doc: DocumentState): ConditionalFormat[] {
    const { sheet, areas } = this.resolve(doc);
    return sheet.conditionalFormats
      .filter((cf) => cf.ranges.some((b) => areas.some((a) => intersects(a, b))))
      .map((cf) => new ConditionalFormat(this.context as FakeContext, this.resolve, cf.id));
  }
  /** A new rule goes to the top of the sheet's list (priority 0), as in Excel's rules manager. */
  add(type: string): ConditionalFormat {
    this.context.requireSet('1.6', 'ConditionalFormatCollection.add');
    // The type is one of Excel.ConditionalFormatType
    // (https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformattype); anything else is refused.
    if (!CF_TYPES.includes(type))
      this.context.enqueue({
        where: 'ConditionalFormatCollection.add',
        run: () =>
          fail('InvalidArgument', `'${type}' is not a ConditionalFormatType.`, 'ConditionalFormatCollection.add'),
      });
    const id = `{CF-${Math.random().toString(16).slice(2, 10)}}`;
    this.context.enqueue({
      where: 'ConditionalFormatCollection.add',
      run: (doc) => {
        const { sheet, areas } = this.resolve(doc);
        guardProtected(sheet, 'allowFormatCells', 'ConditionalFormatCollection.add');
        sheet.conditionalFormats.unshift({
          id,
          type,
          ranges: [...areas],
          formula: null,
          fill: null,
          fontColor: null,
          stopIfTrue: false,
        });
      },
    });
    return new ConditionalFormat(this.context as FakeContext, this.resolve, id);
  }
  /** Removes the rules from the range's cells (a rule that also covers other areas keeps those). */
  clearAll(): void {
    this.context.requireSet('1.6', 'ConditionalFormatCollection.clearAll');
    this.context.enqueue({
      where: 'ConditionalFormatCollection.clearAll',
      run: (doc) => {
        const { sheet, areas } = this.resolve(doc);
        guardProtected(sheet, 'allowFormatCells', 'ConditionalFormatCollection.clearAll');
        for (const cf of [...sheet.conditionalFormats]) {
          cf.ranges = cf.ranges.filter((b) => !areas.some((a) => contains(a, b)));
          if (!cf.ranges.length) sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(cf), 1);
        }
      },
    });
  }
}
defineScalars(ConditionalFormatCollection, {});

export class ConditionalFormat extends ClientObject {
  readonly typeName = 'ConditionalFormat';
  constructor(
    ctx: FakeContext,
    readonly resolve: (doc: DocumentState) => Areas,
    readonly cfId: string,
  ) {
    super(ctx);
  }
  state(doc: DocumentState) {
    const { sheet } = this.resolve(doc);
    const cf = sheet.conditionalFormats.find((c) => c.id === this.cfId);
    return cf ? { sheet, cf } : fail('ItemNotFound', 'The conditional format does not exist.', 'ConditionalFormat');
  }
  exists(doc: DocumentState): void {
    this.state(doc);
  }
  get custom(): CustomConditionalFormat {
    return this.child('custom', () => new CustomConditionalFormat(this.context as FakeContext, this));
  }
  override navigation(name: string): ClientObject | undefined {
    return name === 'custom' ? this.custom : undefined;
  }
  delete(): void {
    this.context.enqueue({
      where: 'ConditionalFormat.delete',
      run: (doc) => {
        const { sheet, cf } = this.state(doc);
        sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(cf), 1);
      },
    });
  }
}
defineScalars(ConditionalFormat, {
  id: { get: (c, doc) => c.state(doc).cf.id },
  type: { get: (c, doc) => c.state(doc).cf.type },
  stopIfTrue: {
    get: (c, doc) => c.state(doc).cf.stopIfTrue,
    set: (c, doc, v) => void (c.state(doc).cf.stopIfTrue = Boolean(v)),
  },
  priority: {
    get: (c, doc) => {
      const { sheet, cf } = c.state(doc);
      return sheet.conditionalFormats.indexOf(cf);
    },
    set: (c, doc, v) => {
      const { sheet, cf } = c.state(doc);
      const list = sheet.conditionalFormats;
      list.splice(list.indexOf(cf), 1);
      list.splice(Math.max(0, Math.min(list.length, Math.trunc(Number(v)))), 0, cf);
    },
  },
});

/** The custom part of a rule; only a rule added as 'Custom' has one. */
class CfPart extends ClientObject {
  readonly typeName: string = 'CustomConditionalFormat';
  constructor(
    ctx: FakeContext,
    readonly owner: ConditionalFormat,
  ) {
    super(ctx);
  }
  cf(doc: DocumentState) {
    const { cf } = this.owner.state(doc);
    if (cf.type !== 'Custom') fail('InvalidOperation', 'This conditional format is not a custom one.', this.typeName);
    return cf;
  }
  exists(doc: DocumentState): void {
    this.cf(doc);
  }
}
defineScalars(CfPart, {});

export class CustomConditionalFormat extends CfPart {
  override readonly typeName = 'CustomConditionalFormat';
  get rule(): ConditionalFormatRule {
    return this.child('rule', () => new ConditionalFormatRule(this.context as FakeContext, this.owner));
  }
  get format(): ConditionalRangeFormat {
    return this.child('format', () => new ConditionalRangeFormat(this.context as FakeContext, this.owner));
  }
  override navigation(name: string): ClientObject | undefined {
    return name === 'rule' ? this.rule : name === 'format' ? this.format : undefined;
  }
}
defineScalars(CustomConditionalFormat, {});

export class ConditionalFormatRule extends CfPart {
  override readonly typeName = 'ConditionalFormatRule';
}
defineScalars(ConditionalFormatRule, {
  formula: {
    get: (p, doc) => p.cf(doc).formula,
    set: (p, doc, v) => {
      const f = String(v);
      // English, en-US separators, names the workbook defines (formula-check.ts has the sources).
      checkEnglishFormula(f, doc, 'ConditionalFormatRule.formula');
      p.cf(doc).formula = f;
    },
  },
});

export class ConditionalRangeFormat extends CfPart {
  override readonly typeName = 'ConditionalRangeFormat';
  get fill(): ConditionalFill {
    return this.child('fill', () => new ConditionalFill(this.context as FakeContext, this.owner));
  }
  get font(): ConditionalFont {
    return this.child('font', () => new ConditionalFont(this.context as FakeContext, this.owner));
  }
  override navigation(name: string): ClientObject | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
}
defineScalars(ConditionalRangeFormat, {});

export class ConditionalFill extends CfPart {
  override readonly typeName = 'ConditionalRangeFill';
}
defineScalars(ConditionalFill, {
  color: {
    get: (p, doc) => p.cf(doc).fill,
    set: (p, doc, v) => void (p.cf(doc).fill = normColor(v, 'ConditionalRangeFill.color')),
  },
});

export class ConditionalFont extends CfPart {
  override readonly typeName = 'ConditionalRangeFont';
}
defineScalars(ConditionalFont, {
  color: {
    get: (p, doc) => p.cf(doc).fontColor,
    set: (p, doc, v) => void (p.cf(doc).fontColor = normColor(v, 'ConditionalRangeFont.color')),
  },
});

// ---------------------------------------------------------------- data validation

const RULE_KINDS = ['wholeNumber', 'decimal', 'list', 'date', 'time', 'textLength', 'custom'];
const OPERATORS = [
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqualTo',
  'LessThanOrEqualTo',
];

function checkRule(v: unknown): Record<string, unknown> {
  const where = 'DataValidation.rule';
  const rule = v as Record<string, Record<string, unknown>>;
  const kinds = Object.keys(rule ?? {}).filter((k) => rule[k] !== undefined);
  if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0]))
    fail('InvalidArgument', 'A data validation rule needs exactly one kind.', where);
  const body = rule[kinds[0]];
  if (['wholeNumber', 'decimal', 'textLength', 'date', 'time'].includes(kinds[0])) {
    if (!OPERATORS.includes(String(body.operator)))
      fail('InvalidArgument', `Bad operator ${String(body.operator)}`, where);
    if (body.formula1 === undefined) fail('InvalidArgument', 'formula1 is required', where);
    if (/Between/.test(String(body.operator)) && body.formula2 === undefined)
      fail('InvalidArgument', 'formula2 is required', where);
  }
  return JSON.parse(JSON.stringify(rule));
}

export class DataValidation extends RangeFacet {
  readonly typeName = 'DataValidation';
  private cells(doc: DocumentState): { sheet: SheetState; keys: string[] } {
    const { sheet, box } = this.range.target(doc);
    return { sheet, keys: [...cellsOf(box)].map(([r, c]) => `${r},${c}`) };
  }
  readRule<K extends keyof ValidationState>(doc: DocumentState, key: K): unknown {
    const { sheet, keys } = this.cells(doc);
    return uniform(keys.map((k) => sheet.validations.get(k)?.[key] ?? null));
  }
  writeRule<K extends keyof ValidationState>(doc: DocumentState, key: K, v: ValidationState[K]): void {
    const { sheet, keys } = this.cells(doc);
    guardProtected(sheet, null, 'DataValidation');
    for (const k of keys) {
      const cur = sheet.validations.get(k) ?? { rule: null, prompt: null, errorAlert: null, ignoreBlanks: true };
      sheet.validations.set(k, { ...cur, [key]: v });
    }
  }
  clear(): void {
    this.context.requireSet('1.8', 'DataValidation.clear');
    this.context.enqueue({
      where: 'DataValidation.clear',
      run: (doc) => {
        const { sheet, keys } = this.cells(doc);
        guardProtected(sheet, null, 'DataValidation.clear');
        keys.forEach((k) => sheet.validations.delete(k));
      },
    });
  }
}
function limited(text: unknown, max: number, what: string): string {
  const s = String(text ?? '');
  return s.length > max ? fail('InvalidArgument', `${what} is longer than ${max} characters.`, 'DataValidation') : s;
}
defineScalars(DataValidation, {
  rule: {
    since: '1.8',
    get: (d, doc) => d.readRule(doc, 'rule'),
    set: (d, doc, v) => d.writeRule(doc, 'rule', checkRule(v)),
  },
  prompt: {
    since: '1.8',
    get: (d, doc) => d.readRule(doc, 'prompt'),
    set: (d, doc, v) => {
      const p = v as { showPrompt?: boolean; title?: string; message?: string };
      d.writeRule(doc, 'prompt', {
        showPrompt: Boolean(p.showPrompt),
        title: limited(p.title, 32, 'Prompt title'),
        message: limited(p.message, 255, 'Prompt message'),
      });
    },
  },
  errorAlert: {
    since: '1.8',
    get: (d, doc) => d.readRule(doc, 'errorAlert'),
    set: (d, doc, v) => {
      const e = v as { showAlert?: boolean; style?: string; title?: string; message?: string };
      d.writeRule(doc, 'errorAlert', {
        showAlert: Boolean(e.showAlert),
        style: oneOf(['Stop', 'Warning', 'Information'])(e.style ?? 'Stop', 'DataValidation.errorAlert'),
        title: limited(e.title, 32, 'Error title'),
        message: limited(e.message, 225, 'Error message'),
      });
    },
  },
  ignoreBlanks: {
    since: '1.8',
    get: (d, doc) => d.readRule(doc, 'ignoreBlanks'),
    set: (d, doc, v) => d.writeRule(doc, 'ignoreBlanks', Boolean(v)),
  },
});

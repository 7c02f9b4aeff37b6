// The workbook as the fake Excel holds it: what a real Excel document would contain after each sync. Client
// proxies (proxies.ts) never touch this directly; their queued actions do, inside FakeExcel.sync.
import { type Box, cellsOf, contains, intersects } from './address';

export type CellValue = string | number | boolean;
export type EdgeName = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';

export interface BorderState {
  style: string;
  weight: string;
  color: string;
}

export interface CellFormatState {
  fontName: string;
  fontSize: number;
  underline?: string;
  bold: boolean;
  fontColor: string;
  fill: string | null;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  numberFormat: string;
  locked: boolean;
  borders: Partial<Record<EdgeName, BorderState>>;
}

export interface CellState {
  value: CellValue;
  formula?: string;
  /** The value is an error code (#N/A, #REF!…) rather than text that looks like one. */
  isError?: boolean;
  format: CellFormatState;
}

export interface ConditionalFormatState {
  readonly id: string;
  readonly type: string;
  ranges: Box[];
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  stopIfTrue: boolean;
}

export interface ValidationState {
  rule: Record<string, unknown> | null;
  prompt: { showPrompt: boolean; title: string; message: string } | null;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string } | null;
  ignoreBlanks: boolean;
}

export interface PageLayoutState {
  printArea: string | null;
  orientation: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  paperSize: string;
  centerHorizontally: boolean;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  rowBreaks: number[];
}

export interface NameState {
  name: string;
  formula: string;
  comment: string;
}

export type ChangedHandler = (args: Record<string, unknown>) => Promise<unknown> | unknown;

export function defaultFormat(): CellFormatState {
  return {
    fontName: '等线',
    fontSize: 11,
    bold: false,
    fontColor: '#000000',
    fill: null,
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
    numberFormat: 'General',
    locked: true,
    borders: {},
  };
}

export const DEFAULT_COLUMN_WIDTH = 48; // points, Excel's 8.43 characters
export const DEFAULT_ROW_HEIGHT = 14.25;

export class SheetState {
  readonly cells = new Map<string, CellState>();
  readonly merges: Box[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** In priority order: index 0 is evaluated first. */
  readonly conditionalFormats: ConditionalFormatState[] = [];
  readonly validations = new Map<string, ValidationState>();
  readonly changedHandlers = new Set<ChangedHandler>();
  protected = false;
  showGridlines = true;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protectionOptions: Record<string, unknown> = {};
  protectionPassword: string | undefined;
  pageLayout: PageLayoutState = {
    printArea: null,
    orientation: 'Portrait',
    zoom: { scale: 100 },
    paperSize: 'Letter',
    centerHorizontally: false,
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
    rowBreaks: [],
  };

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  static key(row: number, col: number): string {
    return `${row},${col}`;
  }

  peek(row: number, col: number): CellState | undefined {
    return this.cells.get(SheetState.key(row, col));
  }

  cell(row: number, col: number): CellState {
    const k = SheetState.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: '', format: defaultFormat() };
      this.cells.set(k, c);
    }
    return c;
  }

  mergeAt(row: number, col: number): Box | undefined {
    const at: Box = { top: row, left: col, bottom: row, right: col };
    return this.merges.find((m) => contains(m, at));
  }

  mergesIn(box: Box): Box[] {
    return this.merges.filter((m) => intersects(m, box));
  }

  /** True when any cell of the box is locked (what protection checks before a value write). */
  anyLocked(box: Box): boolean {
    for (const [r, c] of cellsOf(box)) if ((this.peek(r, c)?.format ?? defaultFormat()).locked) return true;
    return false;
  }
}

export class DocumentState {
  readonly sheets: SheetState[] = [];
  readonly names: NameState[] = [];
  readonly workbookChangedHandlers = new Set<ChangedHandler>();
  activeSheetId: string | null = null;
  selection: { sheetId: string; box: Box; areas: Box[] } | null = null;
  private nextId = 1;

  newId(prefix: string): string {
    const n = (this.nextId++).toString(16).toUpperCase().padStart(12, '0');
    return `{${prefix}-0000-0000-0000-${n}}`;
  }

  sheetByName(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  nameByName(name: string): NameState | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  addSheet(name: string): SheetState {
    const s = new SheetState(this.newId('SHEET'), name);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }
}

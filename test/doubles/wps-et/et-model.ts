// The state behind the ET double: workbook, sheets, cells with their formats, names, conditional formats and
// protection, plus a tiny formula evaluator (numbers, references, names, + - * /, SUM) so a formula the user types
// reads back as a value. Nothing here is visible to code under test except through the ET objects.
import { parseAreas, sheetPrefix, formatArea, splitQualified, type Area } from './et-address';

export type Scalar = number | string | boolean;

export interface BorderEdge {
  lineStyle: number;
  weight: number;
  color: number;
}

export interface ValidationModel {
  type: number;
  alertStyle: number;
  operator: number;
  formula1: string;
  formula2: string;
  inputTitle: string;
  inputMessage: string;
  errorTitle: string;
  errorMessage: string;
  showInput: boolean;
  showError: boolean;
  ignoreBlank: boolean;
}

export interface CellModel {
  value?: Scalar;
  formula?: string;
  numberFormat: string;
  fontName: string;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  fontColor: number;
  /** BGR long, or null for no fill. */
  fill: number | null;
  hAlign: number;
  vAlign: number;
  wrap: boolean;
  locked: boolean;
  borders: { top?: BorderEdge; left?: BorderEdge; bottom?: BorderEdge; right?: BorderEdge };
  comment?: string;
  validation?: ValidationModel;
}

export const XL_GENERAL_ALIGN = 1;
export const XL_BOTTOM = -4107;

export function defaultCell(): CellModel {
  return {
    numberFormat: 'General',
    fontName: '宋体',
    fontSize: 11,
    bold: false,
    italic: false,
    fontColor: 0,
    fill: null,
    hAlign: XL_GENERAL_ALIGN,
    vAlign: XL_BOTTOM,
    wrap: false,
    locked: true,
    borders: {},
  };
}

export interface ConditionalFormatModel {
  areas: Area[];
  type: number;
  operator: number | undefined;
  formula1: string;
  formula2: string | undefined;
  interiorColor: number | null;
  fontColor: number | null;
  stopIfTrue: boolean;
}

export interface ProtectionModel {
  password: string | undefined;
  userInterfaceOnly: boolean;
  allowFormattingCells: boolean;
  allowFormattingColumns: boolean;
  allowFormattingRows: boolean;
  allowInsertingColumns: boolean;
  allowInsertingRows: boolean;
}

export interface PageSetupModel {
  PrintArea: string;
  Orientation: number;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  LeftMargin: number;
  RightMargin: number;
  TopMargin: number;
  BottomMargin: number;
  HeaderMargin: number;
  FooterMargin: number;
  PaperSize: number;
  CenterHorizontally: boolean;
}

export class SheetModel {
  readonly cells = new Map<string, CellModel>();
  merges: Area[] = [];
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** In priority order: index 0 is priority 1. */
  cfs: ConditionalFormatModel[] = [];
  protection: ProtectionModel | null = null;
  /** Worksheet.Visible: -1 xlSheetVisible, 0 xlSheetHidden, 2 xlSheetVeryHidden. */
  visible = -1;
  readonly pageSetup: PageSetupModel = {
    PrintArea: '',
    Orientation: 1,
    Zoom: 100,
    FitToPagesWide: 1,
    FitToPagesTall: 1,
    LeftMargin: 54,
    RightMargin: 54,
    TopMargin: 72,
    BottomMargin: 72,
    HeaderMargin: 36,
    FooterMargin: 36,
    PaperSize: 9,
    CenterHorizontally: false,
  };
  rowBreaks: number[] = [];
  gridlines = true;
  constructor(public name: string) {}

  cell(row: number, col: number): CellModel | undefined {
    return this.cells.get(`${row}:${col}`);
  }
  /** The cell's model, created on first write. */
  writable(row: number, col: number): CellModel {
    const key = `${row}:${col}`;
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = defaultCell()));
    return c;
  }
  read(row: number, col: number): CellModel {
    return this.cell(row, col) ?? DEFAULT_CELL;
  }
  mergeAt(row: number, col: number): Area | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }
}

const DEFAULT_CELL: CellModel = Object.freeze(defaultCell()) as CellModel;

export interface NameModel {
  name: string;
  /** Resolved target, or null when it points nowhere (then `text` is what RefersTo shows). */
  target: { sheet: SheetModel; areas: Area[] } | null;
  text: string;
  visible: boolean;
}

export function refersToText(n: NameModel): string {
  if (!n.target) return n.text;
  return `=${sheetPrefix(n.target.sheet.name)}${n.target.areas.map((a) => formatArea(a)).join(',')}`;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly names: NameModel[] = [];
  active!: SheetModel;
  constructor(public name: string) {}

  sheet(name: string): SheetModel | undefined {
    const key = name.toLocaleLowerCase();
    return this.sheets.find((s) => s.name.toLocaleLowerCase() === key);
  }
  findName(name: string): NameModel | undefined {
    const key = name.toLocaleLowerCase();
    return this.names.find((n) => n.name.toLocaleLowerCase() === key);
  }
  /** Parses "=Sheet!$A$1" into a target; null when the text does not point at cells of an existing sheet. */
  resolveRefersTo(text: string): NameModel['target'] {
    const q = splitQualified(String(text));
    if (!q.sheet) return null;
    const sheet = this.sheet(q.sheet);
    const areas = parseAreas(q.ref.replace(/\$/g, ''));
    return sheet && areas ? { sheet, areas } : null;
  }
}

// ---- A tiny evaluator, so typed formulas have values. ----

export class EtError {
  constructor(readonly code: string) {}
}
type Val = number | string | boolean | EtError | undefined | Val[];

interface Tok {
  t: 'num' | 'str' | 'id' | 'op';
  v: string;
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  const re =
    /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|"((?:[^"]|"")*)"|((?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!\$?[A-Za-z]+\$?\d+(?::\$?[A-Za-z]+\$?\d+)?|\$?[A-Za-z]+\$?\d+(?::\$?[A-Za-z]+\$?\d+)?|[\p{L}_][\p{L}\p{N}_.]*)|(<>|<=|>=|[-+*/&=<>(),]))/uy;
  let i = 0;
  while (i < src.length) {
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) {
      if (/^\s*$/.test(src.slice(i))) break;
      throw new EtError('#NAME?');
    }
    i = re.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'num', v: m[1] });
    else if (m[2] !== undefined) out.push({ t: 'str', v: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) out.push({ t: 'id', v: m[3] });
    else out.push({ t: 'op', v: m[4] });
  }
  return out;
}

function num(v: Val): number | EtError {
  if (v instanceof EtError) return v;
  if (Array.isArray(v)) return v.length === 1 ? num(v[0]) : new EtError('#VALUE!');
  if (v === undefined || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : new EtError('#VALUE!');
}

export function evaluateFormula(
  wb: WorkbookModel,
  sheet: SheetModel,
  formula: string,
  valueAt: (s: SheetModel, r: number, c: number) => Scalar | EtError | undefined,
): Scalar | EtError {
  let toks: Tok[];
  try {
    toks = tokenize(formula.replace(/^=/, ''));
  } catch (e) {
    return e as EtError;
  }
  let p = 0;
  const peek = () => toks[p];
  const take = (v?: string) => {
    const t = toks[p];
    if (!t || (v !== undefined && t.v !== v)) throw new EtError('#NAME?');
    p++;
    return t;
  };
  const areaValues = (s: SheetModel, areas: Area[]): Val[] => {
    const vals: Val[] = [];
    for (const a of areas)
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) vals.push(valueAt(s, r, c));
    return vals;
  };
  const primary = (): Val => {
    const t = take();
    if (t.t === 'num') return Number(t.v);
    if (t.t === 'str') return t.v;
    if (t.t === 'op' && t.v === '(') {
      const v = compare();
      take(')');
      return v;
    }
    if (t.t === 'op' && t.v === '-') {
      const v = num(primary());
      return v instanceof EtError ? v : -v;
    }
    if (t.t === 'id') {
      if (peek()?.v === '(') {
        take('(');
        const args: Val[] = [];
        if (peek()?.v !== ')') {
          args.push(compare());
          while (peek()?.v === ',') {
            take(',');
            args.push(compare());
          }
        }
        take(')');
        if (t.v.toUpperCase() !== 'SUM') return new EtError('#NAME?');
        let s = 0;
        for (const a of args.flat(2)) {
          if (a instanceof EtError) return a;
          if (typeof a === 'number') s += a;
        }
        return s;
      }
      const upper = t.v.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
      const q = splitQualified(t.v);
      const areas = parseAreas(q.ref.replace(/\$/g, ''));
      if (areas && /\d$/.test(q.ref)) {
        const s = q.sheet ? wb.sheet(q.sheet) : sheet;
        if (!s) return new EtError('#REF!');
        const vals = areaValues(s, areas);
        return vals.length === 1 ? vals[0] : vals;
      }
      const name = wb.findName(t.v);
      if (!name) return new EtError('#NAME?');
      if (!name.target) return new EtError('#REF!');
      const vals = areaValues(name.target.sheet, name.target.areas);
      return vals.length === 1 ? vals[0] : vals;
    }
    throw new EtError('#NAME?');
  };
  const binary = (next: () => Val, ops: string[], apply: (a: number, b: number, op: string) => Val) => (): Val => {
    let left = next();
    while (peek() && ops.includes(peek().v)) {
      const op = take().v;
      const right = next();
      const a = num(left);
      const b = num(right);
      if (a instanceof EtError) return a;
      if (b instanceof EtError) return b;
      left = apply(a, b, op);
    }
    return left;
  };
  const mul = binary(primary, ['*', '/'], (a, b, op) =>
    op === '*' ? a * b : b === 0 ? new EtError('#DIV/0!') : a / b,
  );
  const add = binary(mul, ['+', '-'], (a, b, op) => (op === '+' ? a + b : a - b));
  const compare = binary(add, ['=', '<>', '<', '>', '<=', '>='], (a, b, op) =>
    op === '='
      ? a === b
      : op === '<>'
        ? a !== b
        : op === '<'
          ? a < b
          : op === '>'
            ? a > b
            : op === '<='
              ? a <= b
              : a >= b,
  );
  try {
    const v = compare();
    if (p !== toks.length) return new EtError('#NAME?');
    const one = Array.isArray(v) ? (v.length === 1 ? v[0] : new EtError('#VALUE!')) : v;
    if (Array.isArray(one)) return new EtError('#VALUE!');
    return one === undefined ? 0 : one;
  } catch (e) {
    if (e instanceof EtError) return e;
    throw e;
  }
}

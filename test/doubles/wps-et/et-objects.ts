// The ET objects a WPS add-in page sees, over the model in et-model.ts. Every public member access goes through
// a Proxy (see EtDouble.wrap) that counts it as one cross-process call and, in strict mode, throws on members
// ET does not have. Members whose names start with '_' are the double's own plumbing and are not counted.
import { MAX_COLS, MAX_ROWS, cellsOf, formatArea, intersects, sheetPrefix, type Area } from './et-address';
import type { EtDouble } from './et-double';
import {
  refersToText,
  type BorderEdge,
  type CellModel,
  type ConditionalFormatModel,
  type NameModel,
  type PageSetupModel,
  type SheetModel,
  type ValidationModel,
} from './et-model';

export const MODEL = Symbol('et-model');

export const XL_NONE = -4142;
const WHITE = 16777215;

export abstract class EtObject {
  abstract readonly _type: string;
  constructor(readonly _d: EtDouble) {}
}

/** The object behind a proxy handed back to the double as an argument (a Range for Before:, a sheet for After:). */
export function unwrap<T extends EtObject>(v: unknown, ctor: abstract new (...a: never[]) => T): T | undefined {
  if (v && typeof v === 'object') {
    const inner = (v as Record<symbol, unknown>)[MODEL];
    if (inner instanceof ctor) return inner;
  }
  return undefined;
}

function forEachCell(areas: readonly Area[], fn: (r: number, c: number) => void): void {
  for (const a of areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(r, c);
}

/** The common value over the cells, or null when they differ (ET returns null for a mixed range). */
function common<T>(
  sheet: SheetModel,
  areas: readonly Area[],
  pick: (c: CellModel, r: number, col: number) => T,
): T | null {
  let first = true;
  let value: T | null = null;
  let mixed = false;
  forEachCell(areas, (r, c) => {
    if (mixed) return;
    const v = pick(sheet.read(r, c), r, c);
    if (first) {
      value = v;
      first = false;
    } else if (v !== value) mixed = true;
  });
  return mixed ? null : value;
}

// ---------------------------------------------------------------- Range

export class RangeObj extends EtObject {
  readonly _type = 'Range';
  constructor(
    d: EtDouble,
    readonly _sheet: SheetModel,
    readonly _areas: readonly Area[],
  ) {
    super(d);
    if (_areas.length === 0) throw new Error('ET double: empty range');
  }
  get _a(): Area {
    return this._areas[0];
  }
  _range(areas: readonly Area[]): RangeObj {
    return this._d.wrap(new RangeObj(this._d, this._sheet, areas));
  }
  _format(): void {
    this._d._guardFormat(this._sheet, 'cells');
  }

  Address(rowAbs: unknown = true, colAbs: unknown = true, _refStyle?: unknown, external?: unknown): string {
    const text = this._areas.map((a) => formatArea(a, rowAbs !== false, colAbs !== false)).join(',');
    return external ? `[${this._d._wb().name}]${sheetPrefix(this._sheet.name)}${text}` : text;
  }
  get Row(): number {
    return this._a.top;
  }
  get Column(): number {
    return this._a.left;
  }
  get Count(): number {
    return this._areas.reduce((n, a) => n + cellsOf(a), 0);
  }
  get Rows(): LinesObj {
    return this._d.wrap(new LinesObj(this._d, this, 'rows'));
  }
  get Columns(): LinesObj {
    return this._d.wrap(new LinesObj(this._d, this, 'columns'));
  }
  get Cells(): CellsObj {
    return this._d.wrap(new CellsObj(this._d, this));
  }
  get Areas(): AreasObj {
    return this._d.wrap(new AreasObj(this._d, this));
  }
  get Worksheet(): SheetObj {
    return this._d._sheetObj(this._sheet);
  }
  get Parent(): SheetObj {
    return this.Worksheet;
  }
  get EntireRow(): RangeObj {
    return this._range(this._areas.map((a) => ({ top: a.top, bottom: a.bottom, left: 1, right: MAX_COLS })));
  }
  get EntireColumn(): RangeObj {
    return this._range(this._areas.map((a) => ({ top: 1, bottom: MAX_ROWS, left: a.left, right: a.right })));
  }
  Offset(rows: unknown = 0, cols: unknown = 0): RangeObj {
    const dr = Number(rows ?? 0);
    const dc = Number(cols ?? 0);
    const a = this._a;
    const moved = { top: a.top + dr, bottom: a.bottom + dr, left: a.left + dc, right: a.right + dc };
    if (moved.top < 1 || moved.left < 1 || moved.bottom > MAX_ROWS || moved.right > MAX_COLS)
      throw new Error('ET double: Offset leaves the sheet');
    return this._range([moved]);
  }
  Resize(rows?: unknown, cols?: unknown): RangeObj {
    const a = this._a;
    const h = rows === undefined ? a.bottom - a.top + 1 : Number(rows);
    const w = cols === undefined ? a.right - a.left + 1 : Number(cols);
    if (h < 1 || w < 1) throw new Error('ET double: Resize to nothing');
    return this._range([{ top: a.top, left: a.left, bottom: a.top + h - 1, right: a.left + w - 1 }]);
  }

  // ---- values

  /** Scalar for one cell, a 2-D row-major array otherwise (first area only, as ET does). */
  get Value2(): unknown {
    return this._grid((r, c) => this._d._valueAt(this._sheet, r, c));
  }
  set Value2(v: unknown) {
    this._d._apiWrite(this, v, false);
  }
  Value(_type?: unknown): unknown {
    return this.Value2;
  }
  get Formula(): unknown {
    return this._grid((r, c) => {
      const cell = this._sheet.read(r, c);
      if (cell.formula !== undefined) return cell.formula;
      return cell.value === undefined
        ? ''
        : typeof cell.value === 'boolean'
          ? cell.value
            ? 'TRUE'
            : 'FALSE'
          : String(cell.value);
    });
  }
  set Formula(v: unknown) {
    this._d._apiWrite(this, v, true);
  }
  get HasFormula(): boolean | null {
    return common(this._sheet, [this._a], (c) => c.formula !== undefined);
  }
  get Text(): string {
    const v = this._d._valueAt(this._sheet, this._a.top, this._a.left);
    if (v === undefined || v === null) return '';
    return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
  }
  _grid(read: (r: number, c: number) => unknown): unknown {
    const a = this._a;
    if (a.top === a.bottom && a.left === a.right) return read(a.top, a.left);
    if (cellsOf(a) > 5_000_000) throw new Error('ET double: refusing to materialise a range this large');
    const rows: unknown[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: unknown[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(read(r, c));
      rows.push(row);
    }
    return rows;
  }
  ClearContents(): void {
    this._d._apiWrite(this, '', false);
  }

  // ---- formats

  get NumberFormat(): string | null {
    return common(this._sheet, this._areas, (c) => c.numberFormat);
  }
  set NumberFormat(v: string) {
    this._format();
    this._d._setCells(this._sheet, this._areas, (c) => (c.numberFormat = String(v)));
  }
  get HorizontalAlignment(): number | null {
    return common(this._sheet, this._areas, (c) => c.hAlign);
  }
  set HorizontalAlignment(v: number) {
    this._format();
    this._d._setCells(this._sheet, this._areas, (c) => (c.hAlign = Number(v)));
  }
  get VerticalAlignment(): number | null {
    return common(this._sheet, this._areas, (c) => c.vAlign);
  }
  set VerticalAlignment(v: number) {
    this._format();
    this._d._setCells(this._sheet, this._areas, (c) => (c.vAlign = Number(v)));
  }
  get WrapText(): boolean | null {
    return common(this._sheet, this._areas, (c) => c.wrap);
  }
  set WrapText(v: boolean) {
    this._format();
    this._d._setCells(this._sheet, this._areas, (c) => (c.wrap = Boolean(v)));
  }
  get Locked(): boolean | null {
    return common(this._sheet, this._areas, (c) => c.locked);
  }
  set Locked(v: boolean) {
    this._format();
    this._d._setCells(this._sheet, this._areas, (c) => (c.locked = Boolean(v)));
  }
  get Interior(): InteriorObj {
    return this._d.wrap(new InteriorObj(this._d, this));
  }
  get Font(): FontObj {
    return this._d.wrap(new FontObj(this._d, this));
  }
  get Borders(): BordersObj {
    return this._d.wrap(new BordersObj(this._d, this));
  }
  get ColumnWidth(): number | null {
    let w: number | null | undefined;
    for (const a of this._areas)
      for (let c = a.left; c <= a.right; c++) {
        const x = this._sheet.colWidths.get(c) ?? this._d.options.defaultColumnWidth;
        if (w === undefined) w = x;
        else if (w !== x) return null;
      }
    return w ?? null;
  }
  set ColumnWidth(v: number) {
    this._d._guardFormat(this._sheet, 'columns');
    for (const a of this._areas) for (let c = a.left; c <= a.right; c++) this._sheet.colWidths.set(c, Number(v));
  }
  get RowHeight(): number | null {
    let h: number | null | undefined;
    for (const a of this._areas)
      for (let r = a.top; r <= a.bottom; r++) {
        const x = this._sheet.rowHeights.get(r) ?? this._d.options.defaultRowHeight;
        if (h === undefined) h = x;
        else if (h !== x) return null;
      }
    return h ?? null;
  }
  set RowHeight(v: number) {
    this._d._guardFormat(this._sheet, 'rows');
    if (Number(v) < 0 || Number(v) > 409) throw new Error('ET double: RowHeight out of range');
    for (const a of this._areas) for (let r = a.top; r <= a.bottom; r++) this._sheet.rowHeights.set(r, Number(v));
  }

  // ---- merges

  Merge(across?: unknown): void {
    this._d._guardFormat(this._sheet);
    for (const a of this._areas) {
      const parts = across
        ? Array.from({ length: a.bottom - a.top + 1 }, (_, i) => ({ ...a, top: a.top + i, bottom: a.top + i }))
        : [a];
      for (const p of parts) this._d._merge(this._sheet, p);
    }
  }
  UnMerge(): void {
    this._d._guardFormat(this._sheet);
    this._sheet.merges = this._sheet.merges.filter((m) => !this._areas.some((a) => intersects(a, m)));
  }
  /** True when every cell is in a merge, false when none is, null when mixed. */
  get MergeCells(): boolean | null {
    return common(this._sheet, this._areas, (_c, r, col) => this._sheet.mergeAt(r, col) !== undefined);
  }
  get MergeArea(): RangeObj {
    const m = this._sheet.mergeAt(this._a.top, this._a.left);
    return this._range([m ?? { top: this._a.top, left: this._a.left, bottom: this._a.top, right: this._a.left }]);
  }

  // ---- selection

  Select(): void {
    this._d._select(this, 'Select');
  }
  Activate(): void {
    this._d._select(this, 'Activate');
  }

  // ---- comments, conditional formats, validation

  AddComment(text?: unknown): CommentObj {
    const cell = this._sheet.read(this._a.top, this._a.left);
    if (cell.comment !== undefined) throw new Error('ET double: the cell already has a comment');
    this._sheet.writable(this._a.top, this._a.left).comment = text === undefined ? '' : String(text);
    return this._d.wrap(new CommentObj(this._d, this._sheet, this._a.top, this._a.left));
  }
  ClearComments(): void {
    forEachCell(this._areas, (r, c) => {
      const cell = this._sheet.cell(r, c);
      if (cell) delete cell.comment;
    });
  }
  get Comment(): CommentObj | null {
    const cell = this._sheet.read(this._a.top, this._a.left);
    return cell.comment === undefined
      ? null
      : this._d.wrap(new CommentObj(this._d, this._sheet, this._a.top, this._a.left));
  }
  get FormatConditions(): FormatConditionsObj {
    return this._d.wrap(new FormatConditionsObj(this._d, this));
  }
  get Validation(): ValidationObj {
    return this._d.wrap(new ValidationObj(this._d, this));
  }
}

export class LinesObj extends EtObject {
  readonly _type = 'Range';
  constructor(
    d: EtDouble,
    readonly _of: RangeObj,
    readonly _kind: 'rows' | 'columns',
  ) {
    super(d);
  }
  get Count(): number {
    const a = this._of._a;
    return this._kind === 'rows' ? a.bottom - a.top + 1 : a.right - a.left + 1;
  }
  Item(i: number): RangeObj {
    const a = this._of._a;
    if (!(i >= 1 && i <= this.Count)) throw new Error(`ET double: no ${this._kind} item ${i}`);
    const area =
      this._kind === 'rows'
        ? { top: a.top + i - 1, bottom: a.top + i - 1, left: a.left, right: a.right }
        : { top: a.top, bottom: a.bottom, left: a.left + i - 1, right: a.left + i - 1 };
    return this._of._range([area]);
  }
}

export class CellsObj extends EtObject {
  readonly _type = 'Range';
  constructor(
    d: EtDouble,
    readonly _of: RangeObj,
  ) {
    super(d);
  }
  get Count(): number {
    return this._of.Count;
  }
  Item(row: number, col: number = 1): RangeObj {
    const a = this._of._a;
    const r = a.top + Number(row) - 1;
    const c = a.left + Number(col) - 1;
    if (r < 1 || c < 1 || r > MAX_ROWS || c > MAX_COLS) throw new Error('ET double: Cells.Item off the sheet');
    return this._of._range([{ top: r, bottom: r, left: c, right: c }]);
  }
}

export class AreasObj extends EtObject {
  readonly _type = 'Areas';
  constructor(
    d: EtDouble,
    readonly _of: RangeObj,
  ) {
    super(d);
  }
  get Count(): number {
    return this._of._areas.length;
  }
  Item(i: number): RangeObj {
    const a = this._of._areas[Number(i) - 1];
    if (!a) throw new Error(`ET double: no area ${i}`);
    return this._of._range([a]);
  }
}

export class InteriorObj extends EtObject {
  readonly _type = 'Interior';
  constructor(
    d: EtDouble,
    readonly _r: RangeObj,
  ) {
    super(d);
  }
  get Color(): number | null {
    return common(this._r._sheet, this._r._areas, (c) => c.fill ?? WHITE);
  }
  set Color(v: number) {
    this._r._format();
    this._d._setCells(this._r._sheet, this._r._areas, (c) => (c.fill = Number(v)));
  }
  get ColorIndex(): number | null {
    return common(this._r._sheet, this._r._areas, (c) => (c.fill === null ? XL_NONE : 0));
  }
  set ColorIndex(v: number) {
    this._r._format();
    if (Number(v) !== XL_NONE) throw new Error('ET double: only ColorIndex = xlColorIndexNone is modelled');
    this._d._setCells(this._r._sheet, this._r._areas, (c) => (c.fill = null));
  }
  get Pattern(): number | null {
    return common(this._r._sheet, this._r._areas, (c) => (c.fill === null ? XL_NONE : 1));
  }
  set Pattern(v: number) {
    this._r._format();
    this._d._setCells(this._r._sheet, this._r._areas, (c) => {
      if (Number(v) === XL_NONE) c.fill = null;
      else if (c.fill === null) c.fill = WHITE;
    });
  }
}

export class FontObj extends EtObject {
  readonly _type = 'Font';
  constructor(
    d: EtDouble,
    readonly _r: RangeObj,
  ) {
    super(d);
  }
  _get<K extends 'fontName' | 'fontSize' | 'bold' | 'italic' | 'fontColor'>(k: K): CellModel[K] | null {
    return common(this._r._sheet, this._r._areas, (c) => c[k]);
  }
  _set<K extends 'fontName' | 'fontSize' | 'bold' | 'italic' | 'fontColor'>(k: K, v: CellModel[K]): void {
    this._r._format();
    this._d._setCells(this._r._sheet, this._r._areas, (c) => (c[k] = v));
  }
  get Name(): string | null {
    return this._get('fontName');
  }
  set Name(v: string) {
    this._set('fontName', String(v));
  }
  get Size(): number | null {
    return this._get('fontSize');
  }
  set Size(v: number) {
    this._set('fontSize', Number(v));
  }
  get Bold(): boolean | null {
    return this._get('bold');
  }
  set Bold(v: boolean) {
    this._set('bold', Boolean(v));
  }
  get Italic(): boolean | null {
    return this._get('italic');
  }
  set Italic(v: boolean) {
    this._set('italic', Boolean(v));
  }
  get Color(): number | null {
    return this._get('fontColor');
  }
  set Color(v: number) {
    this._set('fontColor', Number(v));
  }
}

type Side = 'top' | 'left' | 'bottom' | 'right';
const OPPOSITE: Record<Side, Side> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };

export class BordersObj extends EtObject {
  readonly _type = 'Borders';
  constructor(
    d: EtDouble,
    readonly _r: RangeObj,
  ) {
    super(d);
  }
  get Count(): number {
    return 6;
  }
  Item(index: number): BorderObj {
    if (![7, 8, 9, 10, 11, 12].includes(Number(index))) throw new Error(`ET double: no border ${index}`);
    return this._d.wrap(new BorderObj(this._d, this._r, [Number(index)]));
  }
  set LineStyle(v: number) {
    new BorderObj(this._d, this._r, [7, 8, 9, 10, 11, 12]).LineStyle = v;
  }
  set Weight(v: number) {
    new BorderObj(this._d, this._r, [7, 8, 9, 10, 11, 12]).Weight = v;
  }
  set Color(v: number) {
    new BorderObj(this._d, this._r, [7, 8, 9, 10, 11, 12]).Color = v;
  }
}

export class BorderObj extends EtObject {
  readonly _type = 'Border';
  constructor(
    d: EtDouble,
    readonly _r: RangeObj,
    readonly _indexes: readonly number[],
  ) {
    super(d);
  }
  /** The cell sides an edge index covers in one area: 7 left, 8 top, 9 bottom, 10 right, 11 inside V, 12 inside H. */
  _sides(a: Area, index: number): { r: number; c: number; side: Side }[] {
    const out: { r: number; c: number; side: Side }[] = [];
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) {
        if (index === 7 && c === a.left) out.push({ r, c, side: 'left' });
        if (index === 8 && r === a.top) out.push({ r, c, side: 'top' });
        if (index === 9 && r === a.bottom) out.push({ r, c, side: 'bottom' });
        if (index === 10 && c === a.right) out.push({ r, c, side: 'right' });
        if (index === 11 && c < a.right) out.push({ r, c, side: 'right' });
        if (index === 11 && c > a.left) out.push({ r, c, side: 'left' });
        if (index === 12 && r < a.bottom) out.push({ r, c, side: 'bottom' });
        if (index === 12 && r > a.top) out.push({ r, c, side: 'top' });
      }
    return out;
  }
  _edit(fn: (e: BorderEdge | undefined) => BorderEdge | undefined): void {
    this._r._format();
    const s = this._r._sheet;
    for (const a of this._r._areas)
      for (const i of this._indexes)
        for (const { r, c, side } of this._sides(a, i)) {
          const cell = s.writable(r, c);
          const next = fn(cell.borders[side]);
          if (next) cell.borders[side] = next;
          else delete cell.borders[side];
        }
  }
  _read<K extends keyof BorderEdge>(k: K, none: BorderEdge[K] | null): BorderEdge[K] | null {
    const s = this._r._sheet;
    let first = true;
    let value: BorderEdge[K] | null = null;
    for (const a of this._r._areas)
      for (const i of this._indexes)
        for (const { r, c, side } of this._sides(a, i)) {
          const dr = side === 'top' ? -1 : side === 'bottom' ? 1 : 0;
          const dc = side === 'left' ? -1 : side === 'right' ? 1 : 0;
          const edge = s.read(r, c).borders[side] ?? s.cell(r + dr, c + dc)?.borders[OPPOSITE[side]];
          const v = edge ? edge[k] : none;
          if (first) {
            value = v;
            first = false;
          } else if (v !== value) return null;
        }
    return value;
  }
  get LineStyle(): number | null {
    return this._read('lineStyle', XL_NONE);
  }
  set LineStyle(v: number) {
    const n = Number(v);
    this._edit((e) => (n === XL_NONE ? undefined : { lineStyle: n, weight: e?.weight ?? 2, color: e?.color ?? 0 }));
  }
  get Weight(): number | null {
    return this._read('weight', 2);
  }
  set Weight(v: number) {
    this._edit((e) => ({ lineStyle: e?.lineStyle ?? 1, weight: Number(v), color: e?.color ?? 0 }));
  }
  get Color(): number | null {
    return this._read('color', 0);
  }
  set Color(v: number) {
    this._edit((e) => ({ lineStyle: e?.lineStyle ?? 1, weight: e?.weight ?? 2, color: Number(v) }));
  }
}

export class CommentObj extends EtObject {
  readonly _type = 'Comment';
  constructor(
    d: EtDouble,
    readonly _sheet: SheetModel,
    readonly _row: number,
    readonly _col: number,
  ) {
    super(d);
  }
  Text(text?: unknown, _start?: unknown, _overwrite?: unknown): string {
    const cell = this._sheet.writable(this._row, this._col);
    if (text !== undefined) cell.comment = String(text);
    return cell.comment ?? '';
  }
  Delete(): void {
    delete this._sheet.writable(this._row, this._col).comment;
  }
  get Visible(): boolean {
    return false;
  }
  set Visible(_v: boolean) {}
}

export class CommentsObj extends EtObject {
  readonly _type = 'Comments';
  constructor(
    d: EtDouble,
    readonly _sheet: SheetModel,
  ) {
    super(d);
  }
  _list(): { r: number; c: number }[] {
    const out: { r: number; c: number }[] = [];
    for (const [key, cell] of this._sheet.cells)
      if (cell.comment !== undefined) {
        const [r, c] = key.split(':').map(Number);
        out.push({ r, c });
      }
    return out.sort((x, y) => x.r - y.r || x.c - y.c);
  }
  get Count(): number {
    return this._list().length;
  }
  Item(i: number): CommentObj {
    const at = this._list()[Number(i) - 1];
    if (!at) throw new Error(`ET double: no comment ${i}`);
    return this._d.wrap(new CommentObj(this._d, this._sheet, at.r, at.c));
  }
}

// ---------------------------------------------------------------- conditional formats, validation

export class FormatConditionsObj extends EtObject {
  readonly _type = 'FormatConditions';
  constructor(
    d: EtDouble,
    readonly _r: RangeObj,
  ) {
    super(d);
  }
  _list(): ConditionalFormatModel[] {
    return this._r._sheet.cfs.filter((cf) => cf.areas.some((a) => this._r._areas.some((b) => intersects(a, b))));
  }
  get Count(): number {
    return this._list().length;
  }
  Item(i: number): FormatConditionObj {
    const cf = this._list()[Number(i) - 1];
    if (!cf) throw new Error(`ET double: no format condition ${i}`);
    return this._d.wrap(new FormatConditionObj(this._d, this._r._sheet, cf));
  }
  Add(type: unknown, operator?: unknown, formula1?: unknown, formula2?: unknown): FormatConditionObj {
    this._d._guardFormat(this._r._sheet);
    const t = Number(type);
    if (t !== 1 && t !== 2) throw new Error(`ET double: format condition type ${String(type)} is not modelled`);
    if (t === 2 && (typeof formula1 !== 'string' || !formula1.startsWith('=')))
      throw new Error('ET double: an xlExpression condition needs Formula1 starting with "="');
    const limit = this._d.options.maxConditionFormulaLength;
    if (String(formula1).length > limit)
      throw new Error(`ET double: Formula1 of ${String(formula1).length} characters is over the limit of ${limit}`);
    // At most 3 conditional formats per range (WPS JS API FormatConditions.Add, office_v19; issue #10).
    const max = this._d.options.maxConditionsPerRange;
    for (const whole of this._r._areas) {
      // A huge range (whole columns) is checked at its first cell: the double's rules sit on small ranges.
      const big = (whole.bottom - whole.top + 1) * (whole.right - whole.left + 1) > 10_000;
      const area = big ? { ...whole, bottom: whole.top, right: whole.left } : whole;
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) {
          const here = this._r._sheet.cfs.filter((cf) =>
            cf.areas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right),
          ).length;
          if (here >= max)
            throw new Error(`ET double: a cell already has ${here} conditional formats (at most ${max})`);
        }
    }
    const cf: ConditionalFormatModel = {
      areas: [...this._r._areas],
      type: t,
      operator: operator === undefined ? undefined : Number(operator),
      formula1: String(formula1),
      formula2: formula2 === undefined ? undefined : String(formula2),
      interiorColor: null,
      fontColor: null,
      // Rules added from code stop the ones after them when they match: "To support backward compatibility, the
      // default value for this property is True, which is the opposite behavior of a formatting rule created in
      // the user interface" (FormatCondition.StopIfTrue, https://learn.microsoft.com/en-us/previous-versions/office/developer/office-2010/ff838861(v=office.14);
      // WPS follows this object model, issue #10).
      stopIfTrue: true,
    };
    if (this._d.options.newConditionFirst) this._r._sheet.cfs.unshift(cf);
    else this._r._sheet.cfs.push(cf);
    return this._d.wrap(new FormatConditionObj(this._d, this._r._sheet, cf));
  }
  Delete(): void {
    this._d._guardFormat(this._r._sheet);
    const gone = new Set(this._list());
    this._r._sheet.cfs = this._r._sheet.cfs.filter((cf) => !gone.has(cf));
  }
}

export class FormatConditionObj extends EtObject {
  readonly _type = 'FormatCondition';
  constructor(
    d: EtDouble,
    readonly _sheet: SheetModel,
    readonly _cf: ConditionalFormatModel,
  ) {
    super(d);
  }
  _alive(): void {
    if (!this._sheet.cfs.includes(this._cf)) throw new Error('ET double: the format condition was deleted');
  }
  get Type(): number {
    return this._cf.type;
  }
  get Operator(): number | undefined {
    return this._cf.operator;
  }
  get Formula1(): string {
    return this._cf.formula1;
  }
  get Formula2(): string | undefined {
    return this._cf.formula2;
  }
  get Interior(): CfColorObj {
    return this._d.wrap(new CfColorObj(this._d, this, 'interiorColor', 'Interior'));
  }
  get Font(): CfColorObj {
    return this._d.wrap(new CfColorObj(this._d, this, 'fontColor', 'Font'));
  }
  get Priority(): number {
    this._alive();
    return this._sheet.cfs.indexOf(this._cf) + 1;
  }
  set Priority(p: number) {
    this._alive();
    const list = this._sheet.cfs.filter((x) => x !== this._cf);
    list.splice(Math.max(0, Math.min(list.length, Number(p) - 1)), 0, this._cf);
    this._sheet.cfs = list;
  }
  get StopIfTrue(): boolean {
    return this._cf.stopIfTrue;
  }
  set StopIfTrue(v: boolean) {
    this._cf.stopIfTrue = Boolean(v);
  }
  get AppliesTo(): RangeObj {
    return this._d.wrap(new RangeObj(this._d, this._sheet, this._cf.areas));
  }
  SetFirstPriority(): void {
    this.Priority = 1;
  }
  SetLastPriority(): void {
    this.Priority = this._sheet.cfs.length;
  }
  Delete(): void {
    this._sheet.cfs = this._sheet.cfs.filter((x) => x !== this._cf);
  }
}

export class CfColorObj extends EtObject {
  constructor(
    d: EtDouble,
    readonly _of: FormatConditionObj,
    readonly _key: 'interiorColor' | 'fontColor',
    readonly _type: string,
  ) {
    super(d);
  }
  get Color(): number | null {
    return this._of._cf[this._key];
  }
  set Color(v: number) {
    this._of._alive();
    this._of._cf[this._key] = Number(v);
  }
}

export class ValidationObj extends EtObject {
  readonly _type = 'Validation';
  constructor(
    d: EtDouble,
    readonly _r: RangeObj,
  ) {
    super(d);
  }
  _first(): ValidationModel {
    const v = this._r._sheet.read(this._r._a.top, this._r._a.left).validation;
    if (!v) throw new Error('ET double: the range has no validation');
    return v;
  }
  _each(fn: (v: ValidationModel) => void): void {
    this._d._guardFormat(this._r._sheet);
    this._first();
    forEachCell(this._r._areas, (r, c) => {
      const v = this._r._sheet.cell(r, c)?.validation;
      if (v) fn(v);
    });
  }
  Add(type: unknown, alertStyle?: unknown, operator?: unknown, formula1?: unknown, formula2?: unknown): void {
    this._d._guardFormat(this._r._sheet);
    forEachCell(this._r._areas, (r, c) => {
      if (this._r._sheet.read(r, c).validation)
        throw new Error('ET double: Validation.Add on a cell that has one; Delete first');
    });
    const t = Number(type);
    if (![1, 2, 3, 7].includes(t)) throw new Error(`ET double: validation type ${String(type)} is not modelled`);
    forEachCell(this._r._areas, (r, c) => {
      this._r._sheet.writable(r, c).validation = {
        type: t,
        alertStyle: alertStyle === undefined ? 1 : Number(alertStyle),
        operator: operator === undefined ? 1 : Number(operator),
        formula1: formula1 === undefined ? '' : String(formula1),
        formula2: formula2 === undefined ? '' : String(formula2),
        inputTitle: '',
        inputMessage: '',
        errorTitle: '',
        errorMessage: '',
        showInput: true,
        showError: true,
        ignoreBlank: true,
      };
    });
  }
  Delete(): void {
    this._d._guardFormat(this._r._sheet);
    forEachCell(this._r._areas, (r, c) => {
      const cell = this._r._sheet.cell(r, c);
      if (cell) delete cell.validation;
    });
  }
  get Type(): number {
    return this._first().type;
  }
  get AlertStyle(): number {
    return this._first().alertStyle;
  }
  get Operator(): number {
    return this._first().operator;
  }
  get Formula1(): string {
    return this._first().formula1;
  }
  get Formula2(): string {
    return this._first().formula2;
  }
  get InputTitle(): string {
    return this._first().inputTitle;
  }
  set InputTitle(v: string) {
    this._each((x) => (x.inputTitle = String(v)));
  }
  get InputMessage(): string {
    return this._first().inputMessage;
  }
  set InputMessage(v: string) {
    this._each((x) => (x.inputMessage = String(v)));
  }
  get ErrorTitle(): string {
    return this._first().errorTitle;
  }
  set ErrorTitle(v: string) {
    this._each((x) => (x.errorTitle = String(v)));
  }
  get ErrorMessage(): string {
    return this._first().errorMessage;
  }
  set ErrorMessage(v: string) {
    this._each((x) => (x.errorMessage = String(v)));
  }
  get ShowInput(): boolean {
    return this._first().showInput;
  }
  set ShowInput(v: boolean) {
    this._each((x) => (x.showInput = Boolean(v)));
  }
  get ShowError(): boolean {
    return this._first().showError;
  }
  set ShowError(v: boolean) {
    this._each((x) => (x.showError = Boolean(v)));
  }
  get IgnoreBlank(): boolean {
    return this._first().ignoreBlank;
  }
  set IgnoreBlank(v: boolean) {
    this._each((x) => (x.ignoreBlank = Boolean(v)));
  }
}

// ---------------------------------------------------------------- sheets, names, workbook

export class PageSetupObj extends EtObject {
  readonly _type = 'PageSetup';
  constructor(
    d: EtDouble,
    readonly _sheet: SheetModel,
  ) {
    super(d);
    for (const key of Object.keys(_sheet.pageSetup) as (keyof PageSetupModel)[])
      Object.defineProperty(this, key, {
        get: () => this._sheet.pageSetup[key],
        set: (v: never) => {
          (this._sheet.pageSetup as unknown as Record<string, unknown>)[key] = v;
        },
        enumerable: true,
      });
  }
}

export class HPageBreaksObj extends EtObject {
  readonly _type = 'HPageBreaks';
  constructor(
    d: EtDouble,
    readonly _sheet: SheetModel,
  ) {
    super(d);
  }
  get Count(): number {
    return this._sheet.rowBreaks.length;
  }
  Add(before: unknown): void {
    const r = unwrap(before, RangeObj);
    if (!r || r._sheet !== this._sheet) throw new Error('ET double: HPageBreaks.Add needs a Range on this sheet');
    if (!this._sheet.rowBreaks.includes(r._a.top)) this._sheet.rowBreaks.push(r._a.top);
    this._sheet.rowBreaks.sort((a, b) => a - b);
  }
}

export class SheetObj extends EtObject {
  readonly _type = 'Worksheet';
  constructor(
    d: EtDouble,
    readonly _sheet: SheetModel,
  ) {
    super(d);
  }
  _alive(): void {
    if (!this._d._wb().sheets.includes(this._sheet)) throw new Error('ET double: the sheet was deleted');
  }
  get Name(): string {
    return this._sheet.name;
  }
  set Name(v: string) {
    this._alive();
    this._d._renameSheet(this._sheet, String(v));
  }
  get Index(): number {
    return this._d._wb().sheets.indexOf(this._sheet) + 1;
  }
  get Parent(): WorkbookObj {
    return this._d._workbookObj();
  }
  Range(cell1: unknown, cell2?: unknown): RangeObj {
    this._alive();
    return this._d._range(this._sheet, cell1, cell2);
  }
  get Cells(): RangeObj {
    return this._d.wrap(new RangeObj(this._d, this._sheet, [{ top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS }]));
  }
  _all(): RangeObj {
    return new RangeObj(this._d, this._sheet, [{ top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS }]);
  }
  get Columns(): LinesObj {
    return this._d.wrap(new LinesObj(this._d, this._all(), 'columns'));
  }
  get Rows(): LinesObj {
    return this._d.wrap(new LinesObj(this._d, this._all(), 'rows'));
  }
  get UsedRange(): RangeObj {
    let box: Area | null = null;
    for (const key of this._sheet.cells.keys()) {
      const [r, c] = key.split(':').map(Number);
      box = box
        ? {
            top: Math.min(box.top, r),
            left: Math.min(box.left, c),
            bottom: Math.max(box.bottom, r),
            right: Math.max(box.right, c),
          }
        : { top: r, left: c, bottom: r, right: c };
    }
    return this._d.wrap(new RangeObj(this._d, this._sheet, [box ?? { top: 1, left: 1, bottom: 1, right: 1 }]));
  }
  Activate(): void {
    this._alive();
    // Activating is choosing the sheet's tab, which a hidden sheet lacks: ET, like Excel, refuses (VBA run-time
    // error 1004; learn.microsoft.com/office/vba/api/excel.worksheet.activate(method)).
    if (this._sheet.visible !== -1) throw new Error(`ET double: 工作表「${this._sheet.name}」已隐藏，不能激活`);
    this._d._activate(this._sheet);
  }
  Select(): void {
    this.Activate();
  }
  Delete(): void {
    this._alive();
    this._d._deleteSheet(this._sheet);
  }
  Protect(
    password?: unknown,
    _drawing?: unknown,
    contents?: unknown,
    _scenarios?: unknown,
    userInterfaceOnly?: unknown,
    allowFormattingCells?: unknown,
    allowFormattingColumns?: unknown,
    allowFormattingRows?: unknown,
    allowInsertingColumns?: unknown,
    allowInsertingRows?: unknown,
  ): void {
    this._alive();
    if (contents === false) return;
    this._sheet.protection = {
      password: password === undefined || password === '' ? undefined : String(password),
      userInterfaceOnly: Boolean(userInterfaceOnly),
      allowFormattingCells: Boolean(allowFormattingCells),
      allowFormattingColumns: Boolean(allowFormattingColumns),
      allowFormattingRows: Boolean(allowFormattingRows),
      allowInsertingColumns: Boolean(allowInsertingColumns),
      allowInsertingRows: Boolean(allowInsertingRows),
    };
  }
  Unprotect(password?: unknown): void {
    const p = this._sheet.protection;
    if (!p) return;
    if (p.password !== undefined && p.password !== password) throw new Error('ET double: wrong password');
    this._sheet.protection = null;
  }
  get ProtectContents(): boolean {
    return this._sheet.protection !== null;
  }
  get Comments(): CommentsObj {
    return this._d.wrap(new CommentsObj(this._d, this._sheet));
  }
  get PageSetup(): PageSetupObj {
    return this._d.wrap(new PageSetupObj(this._d, this._sheet));
  }
  get HPageBreaks(): HPageBreaksObj {
    return this._d.wrap(new HPageBreaksObj(this._d, this._sheet));
  }
  get Visible(): number {
    return this._sheet.visible;
  }
  set Visible(v: number) {
    if (![-1, 0, 2].includes(v)) throw new Error(`Worksheet.Visible: 无效的值 ${v}`);
    if (v !== -1) this._d._hideSheet(this._sheet);
    this._sheet.visible = v;
  }
}

export class SheetsObj extends EtObject {
  readonly _type = 'Worksheets';
  get Count(): number {
    return this._d._wb().sheets.length;
  }
  Item(index: unknown): SheetObj {
    const wb = this._d._wb();
    const s = typeof index === 'number' ? wb.sheets[index - 1] : wb.sheet(String(index));
    if (!s) throw new Error(`ET double: no sheet ${String(index)}`);
    return this._d._sheetObj(s);
  }
  Add(before?: unknown, after?: unknown, count?: unknown, _type?: unknown): SheetObj {
    if (count !== undefined && Number(count) !== 1) throw new Error('ET double: only Count = 1 is modelled');
    const b = unwrap(before, SheetObj);
    const a = unwrap(after, SheetObj);
    if ((before !== undefined && !b) || (after !== undefined && !a))
      throw new Error('ET double: Before/After must be Worksheet objects');
    return this._d._sheetObj(this._d._addSheet(b?._sheet, a?._sheet));
  }
}

export class NameObj extends EtObject {
  readonly _type = 'Name';
  constructor(
    d: EtDouble,
    readonly _n: NameModel,
  ) {
    super(d);
  }
  _alive(): void {
    if (!this._d._wb().names.includes(this._n)) throw new Error('ET double: the name was deleted');
  }
  get Name(): string {
    return this._n.name;
  }
  set Name(v: string) {
    this._alive();
    this._d._checkName(String(v), this._n);
    this._n.name = String(v);
  }
  get RefersTo(): string {
    return refersToText(this._n);
  }
  set RefersTo(v: string) {
    this._alive();
    this._d._point(this._n, v);
  }
  get Value(): string {
    return this.RefersTo;
  }
  get RefersToRange(): RangeObj {
    if (!this._n.target) throw new Error('ET double: the name does not refer to a range');
    return this._d.wrap(new RangeObj(this._d, this._n.target.sheet, this._n.target.areas));
  }
  get Visible(): boolean {
    return this._n.visible;
  }
  set Visible(v: boolean) {
    this._n.visible = Boolean(v);
  }
  get Index(): number {
    return this._d._wb().names.indexOf(this._n) + 1;
  }
  Delete(): void {
    const wb = this._d._wb();
    const i = wb.names.indexOf(this._n);
    if (i >= 0) wb.names.splice(i, 1);
  }
}

export class NamesObj extends EtObject {
  readonly _type = 'Names';
  get Count(): number {
    return this._d._wb().names.length;
  }
  Item(index: unknown): NameObj {
    const wb = this._d._wb();
    const n = typeof index === 'number' ? wb.names[index - 1] : wb.findName(String(index));
    if (!n) throw new Error(`ET double: no name ${String(index)}`);
    return this._d.wrap(new NameObj(this._d, n));
  }
  Add(name: unknown, refersTo?: unknown, visible?: unknown): NameObj {
    const text = String(name);
    const wb = this._d._wb();
    const existing = wb.findName(text);
    this._d._checkName(text, existing);
    const n: NameModel = existing ?? { name: text, target: null, text: '', visible: true };
    if (!existing) wb.names.push(n);
    this._d._point(n, refersTo);
    if (visible !== undefined) n.visible = Boolean(visible);
    return this._d.wrap(new NameObj(this._d, n));
  }
}

export class WorkbookObj extends EtObject {
  readonly _type = 'Workbook';
  get Name(): string {
    return this._d._wb().name;
  }
  get FullName(): string {
    return this._d._wb().name;
  }
  get Worksheets(): SheetsObj {
    return this._d.wrap(new SheetsObj(this._d));
  }
  get Sheets(): SheetsObj {
    return this.Worksheets;
  }
  get Names(): NamesObj {
    return this._d.wrap(new NamesObj(this._d));
  }
  get ActiveSheet(): SheetObj {
    return this._d._sheetObj(this._d._wb().active);
  }
  Activate(): void {}
}

// ---------------------------------------------------------------- the application, per page

export class ApiEventObj extends EtObject {
  readonly _type = 'ApiEvent';
  constructor(
    d: EtDouble,
    readonly _page: string,
  ) {
    super(d);
  }
  AddApiEventListener(event: unknown, fn: unknown): boolean {
    if (typeof fn !== 'function' && typeof fn !== 'string')
      throw new Error('ET double: a listener is a function or the name of a global function');
    this._d._listeners.push({ page: this._page, event: String(event), fn: fn as ListenerFn });
    return true;
  }
  RemoveApiEventListener(event: unknown, fn?: unknown): boolean {
    const before = this._d._listeners.length;
    this._d._listeners = this._d._listeners.filter(
      (l) => !(l.page === this._page && l.event === String(event) && (fn === undefined || l.fn === fn)),
    );
    return this._d._listeners.length < before;
  }
  get Cancel(): boolean {
    return this._d._apiCancel;
  }
  set Cancel(v: boolean) {
    this._d._apiCancel = Boolean(v);
  }
}

export type ListenerFn = ((...args: unknown[]) => unknown) | string;

export class PluginStorageObj extends EtObject {
  readonly _type = 'PluginStorage';
  setItem(key: unknown, value: unknown): void {
    this._d._storage.set(String(key), String(value));
  }
  getItem(key: unknown): string | null | undefined {
    const v = this._d._storage.get(String(key));
    return v === undefined ? this._d.options.missingStorageValue : v;
  }
  removeItem(key: unknown): void {
    this._d._storage.delete(String(key));
  }
  clear(): void {
    this._d._storage.clear();
  }
  key(i: number): string | undefined {
    return [...this._d._storage.keys()][Number(i)];
  }
  get length(): number {
    return this._d._storage.size;
  }
}

export interface TaskPaneModel {
  id: number;
  url: string;
  title: string | undefined;
  visible: boolean;
  dock: number;
  width: number;
  deleted: boolean;
}

export class TaskPaneObj extends EtObject {
  readonly _type = 'TaskPane';
  constructor(
    d: EtDouble,
    readonly _tp: TaskPaneModel,
  ) {
    super(d);
  }
  _alive(): void {
    if (this._tp.deleted) throw new Error('ET double: the task pane was deleted');
  }
  get ID(): number {
    return this._tp.id;
  }
  get Visible(): boolean {
    return this._tp.visible;
  }
  set Visible(v: boolean) {
    this._alive();
    this._tp.visible = Boolean(v);
  }
  get DockPosition(): number {
    return this._tp.dock;
  }
  set DockPosition(v: number) {
    this._alive();
    if (![0, 1, 2, 3, 4].includes(Number(v))) throw new Error('ET double: DockPosition is 0..4');
    this._tp.dock = Number(v);
  }
  get Width(): number {
    return this._tp.width;
  }
  set Width(v: number) {
    this._tp.width = Number(v);
  }
  Navigate(url: unknown): void {
    this._alive();
    this._tp.url = String(url);
  }
  Delete(): void {
    this._tp.deleted = true;
    this._tp.visible = false;
    this._d.closePage(`taskpane:${this._tp.id}`);
  }
}

export class WindowObj extends EtObject {
  readonly _type = 'Window';
  get DisplayGridlines(): boolean {
    return this._d._wb().active.gridlines;
  }
  set DisplayGridlines(v: boolean) {
    this._d._wb().active.gridlines = Boolean(v);
  }
}

export class WorkbooksObj extends EtObject {
  readonly _type = 'Workbooks';
  get Count(): number {
    return this._d._workbook ? 1 : 0;
  }
  Item(i: unknown): WorkbookObj {
    if (!this._d._workbook || (i !== 1 && i !== this._d._workbook.name))
      throw new Error(`ET double: no workbook ${String(i)}`);
    return this._d._workbookObj();
  }
  Add(): WorkbookObj {
    this._d.newWorkbook();
    return this._d._workbookObj();
  }
}

export class ApplicationObj extends EtObject {
  readonly _type = 'Application';
  constructor(
    d: EtDouble,
    readonly _page: string,
  ) {
    super(d);
  }
  get Name(): string {
    return 'WPS 表格 (double)';
  }
  get Build(): string {
    return 'double';
  }
  get ActiveWorkbook(): WorkbookObj | null {
    return this._d._workbook ? this._d._workbookObj() : null;
  }
  get Workbooks(): WorkbooksObj {
    return this._d.wrap(new WorkbooksObj(this._d));
  }
  get ActiveSheet(): SheetObj | null {
    return this._d._workbook ? this._d._sheetObj(this._d._workbook.active) : null;
  }
  get Worksheets(): SheetsObj {
    return this._d.wrap(new SheetsObj(this._d));
  }
  get Names(): NamesObj {
    return this._d.wrap(new NamesObj(this._d));
  }
  get Selection(): RangeObj {
    const s = this._d._selection;
    return this._d.wrap(new RangeObj(this._d, s.sheet, s.areas));
  }
  get ActiveCell(): RangeObj {
    const s = this._d._selection;
    return this._d.wrap(
      new RangeObj(this._d, s.sheet, [
        { top: s.active.row, left: s.active.col, bottom: s.active.row, right: s.active.col },
      ]),
    );
  }
  get ActiveWindow(): WindowObj {
    return this._d.wrap(new WindowObj(this._d));
  }
  Range(cell1: unknown, cell2?: unknown): RangeObj {
    return this._d._range(this._d._wb().active, cell1, cell2, true);
  }
  get ScreenUpdating(): boolean {
    return this._d.flags.ScreenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this._d.flags.ScreenUpdating = Boolean(v);
  }
  get EnableEvents(): boolean {
    return this._d.flags.EnableEvents;
  }
  set EnableEvents(v: boolean) {
    this._d.flags.EnableEvents = Boolean(v);
  }
  get DisplayAlerts(): boolean {
    return this._d.flags.DisplayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this._d.flags.DisplayAlerts = Boolean(v);
  }
  get Calculation(): number {
    return this._d.flags.Calculation;
  }
  set Calculation(v: number) {
    this._d.flags.Calculation = Number(v);
  }
  get ApiEvent(): ApiEventObj {
    return this._d.wrap(new ApiEventObj(this._d, this._page));
  }
  get PluginStorage(): PluginStorageObj {
    return this._d.wrap(new PluginStorageObj(this._d));
  }
  CreateTaskPane(url: unknown, title?: unknown): TaskPaneObj {
    const tp: TaskPaneModel = {
      id: this._d._taskPanes.length + 1,
      url: String(url),
      title: title === undefined ? undefined : String(title),
      visible: false,
      dock: 2,
      width: 300,
      deleted: false,
    };
    this._d._taskPanes.push(tp);
    return this._d.wrap(new TaskPaneObj(this._d, tp));
  }
  GetTaskPane(id: unknown): TaskPaneObj | null {
    const tp = this._d._taskPanes.find((t) => t.id === Number(id) && !t.deleted);
    return tp ? this._d.wrap(new TaskPaneObj(this._d, tp)) : null;
  }
  InchesToPoints(inches: unknown): number {
    return Number(inches) * 72;
  }
}

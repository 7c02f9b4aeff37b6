// A stored cell to the host-neutral CellContent, as the ExcelJS reader gives it for what ExcelJS reads right,
// and exactly where it did not: a t="d" cell is a date (ExcelJS read "2021-05-01" as the number 2021), a number
// beyond 2^53 keeps the digits as written, a shared-string index that does not exist is a refusal.
import { BLANK, contentOf, type CellContent } from '../../../report/model/cell-content';
import { refuse } from './limits';
import { decodeEscapes } from './shared-strings';
import type { RawCell } from './sheet-cells';

export interface CellContext {
  readonly sheet: string;
  readonly strings: ReadonlyMap<number, string>;
  readonly isDateStyle: (style: number) => boolean;
  readonly date1904: boolean;
}

/** Excel's serial day number to a Date (1900 system: day 25569 is 1970-01-01; 1904 system: 1462 days later). */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** A number as stored: beyond 2^53 the digits as written are kept beside the value (never rounded in a message). */
function storedNumber(raw: string): CellContent {
  const value = parseFloat(raw);
  const content = contentOf(value);
  if (content.kind === 'number' && Math.abs(value) > Number.MAX_SAFE_INTEGER)
    return { kind: 'number', value, written: raw.trim() };
  return content;
}

/** A date cell (t="d", ISO 8601 text): a date, by its day. */
const isoDate = (raw: string): CellContent => ({ kind: 'date', iso: raw.trim().slice(0, 10) });

function sharedString(raw: RawCell, ctx: CellContext): string {
  const index = Number(raw.v);
  const text = Number.isInteger(index) ? ctx.strings.get(index) : undefined;
  if (text === undefined)
    return refuse(`工作表「${ctx.sheet}」的单元格 ${raw.address} 引用的共享字符串（第 ${raw.v} 项）不存在，文件已损坏`);
  return text;
}

/** A non-empty stored value by its type attribute (the same for a plain cell and a formula's cached result). */
function typedValue(raw: RawCell, v: string, ctx: CellContext): CellContent {
  switch (raw.t) {
    case 'str':
      return contentOf(v);
    case 'b':
      return { kind: 'bool', value: parseInt(v, 10) !== 0 };
    case 'e':
      return { kind: 'error', code: v };
    case 'd':
      return isoDate(v);
    default:
      if (raw.s !== undefined && ctx.isDateStyle(raw.s)) return contentOf(serialToDate(parseFloat(v), ctx.date1904));
      return storedNumber(v);
  }
}

export function cellValue(raw: RawCell | undefined, ctx: CellContext): CellContent {
  if (!raw) return BLANK;
  const v = raw.v;
  if ((raw.f !== undefined && raw.f !== '') || raw.fType !== undefined) {
    const formula = `=${raw.f ? raw.f : (raw.sharedFrom ?? '')}`;
    return { ...(v ? typedValue(raw, v, ctx) : BLANK), formula };
  }
  if (raw.t === 'inlineStr') return raw.inline === undefined ? BLANK : contentOf(decodeEscapes(raw.inline));
  if (v === undefined || v === '') return BLANK;
  return raw.t === 's' ? contentOf(sharedString(raw, ctx)) : typedValue(raw, v, ctx);
}

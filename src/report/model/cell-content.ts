// What a host read from one input cell, in host-neutral terms. Every host converts its own raw values into
// this shape; the rules, the model and the messages never see a host's types.

export type CellContent =
  | { readonly kind: 'blank'; readonly formula?: string }
  | {
      readonly kind: 'number';
      readonly value: number;
      /** The digits as stored, for a number beyond 2^53 that a double would round (kept, never rounded). */
      readonly written?: string;
      readonly formula?: string;
    }
  | { readonly kind: 'text'; readonly text: string; readonly formula?: string }
  | { readonly kind: 'bool'; readonly value: boolean; readonly formula?: string }
  | { readonly kind: 'error'; readonly code: string; readonly formula?: string }
  | { readonly kind: 'date'; readonly iso: string; readonly formula?: string };

export const BLANK: CellContent = Object.freeze({ kind: 'blank' });

const ERROR_CODES = new Set([
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
]);

export function isErrorCode(text: string): boolean {
  return ERROR_CODES.has(text.trim().toUpperCase());
}

/**
 * A plain JavaScript cell value (as ExcelJS results, Office.js `values`, WPS `Value2` or Univer give them) to a
 * CellContent. `typeHint` is the host's own type where it has one ('Error', 'Boolean', …), since "#N/A" typed as
 * text and the error value look the same in `values`.
 */
export function contentOf(value: unknown, typeHint?: 'error' | 'text' | 'date'): CellContent {
  if (value === null || value === undefined || value === '') return BLANK;
  if (typeHint === 'error' && typeof value === 'string') return { kind: 'error', code: value };
  if (value instanceof Date)
    return { kind: 'date', iso: Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10) };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'error', code: '#NUM!' };
    if (typeHint === 'date') return { kind: 'date', iso: String(value) };
    return { kind: 'number', value };
  }
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value === 'string') return { kind: 'text', text: value };
  return { kind: 'text', text: String(value) };
}

/** How a content reads in a message: the value as the user typed it. */
export function displayContent(c: CellContent): string {
  switch (c.kind) {
    case 'blank':
      return '（空白）';
    case 'number':
      return c.written ?? formatNumber(c.value);
    case 'text':
      return c.text;
    case 'bool':
      return c.value ? 'TRUE' : 'FALSE';
    case 'error':
      return c.code;
    case 'date':
      return c.iso;
  }
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(12)));
}

/** The plain value a content stands for, as JSON output and CSV export carry it. */
export function plainValue(c: CellContent): number | string | boolean | null {
  switch (c.kind) {
    case 'blank':
      return null;
    case 'number':
      return c.written ?? c.value;
    case 'text':
      return c.text;
    case 'bool':
      return c.value;
    case 'error':
      return c.code;
    case 'date':
      return c.iso;
  }
}

// A1 notation maths, shared by every host adapter.

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function rangeA1(row: number, col: number, rowSpan = 1, colSpan = 1): string {
  const first = a1(row, col);
  return rowSpan === 1 && colSpan === 1 ? first : `${first}:${a1(row + rowSpan - 1, col + colSpan - 1)}`;
}

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** Parses "B7" or "$B$7". */
export function parseA1(ref: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

export interface RangeRef {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Parses "B7", "B7:D9" (with or without $). */
export function parseRange(ref: string): RangeRef | null {
  const [a, b] = ref.split(':');
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** The smallest range holding every cell (at least one): hosts read and write one such block per sheet. */
export function boundingBox(cells: readonly CellRef[]): RangeRef {
  return {
    top: Math.min(...cells.map((c) => c.row)),
    left: Math.min(...cells.map((c) => c.col)),
    bottom: Math.max(...cells.map((c) => c.row)),
    right: Math.max(...cells.map((c) => c.col)),
  };
}

/** "B7" for a one-cell range, "B7:D9" otherwise. */
export function boxA1(b: RangeRef): string {
  return rangeA1(b.top, b.left, b.bottom - b.top + 1, b.right - b.left + 1);
}

/** Quotes a sheet name for a reference when it needs it: '年报 2025'!$A$1. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function absoluteRef(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!$${columnLetters(col)}$${row}`;
}

/** Splits "'年报'!$B$7" or "Sheet1!B7:C9" into sheet and range. */
export function splitSheetRef(ref: string): { sheet: string; range: string } | null {
  const s = ref.trim().replace(/^=/, '');
  const bang = s.lastIndexOf('!');
  if (bang < 0) return null;
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: s.slice(bang + 1).replace(/\$/g, '') };
}

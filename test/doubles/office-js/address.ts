// A1 arithmetic of the fake, written apart from src/report/layout/a1.ts on purpose: a fake that shared the
// host's address code would agree with the host's bugs.

export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export function colName(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - 1 - r) / 26;
  }
  return s;
}

function colIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** "B7", "$B$7:$D9", "3:5" (whole rows), "A:C" (whole columns); null when it is not an address (e.g. a name). */
export function parseBox(address: string): Box | null {
  const parts = address.replace(/\$/g, '').trim().split(':');
  if (parts.length > 2) return null;
  const [a, b = a] = parts;
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/;
  const ca = cell.exec(a);
  const cb = cell.exec(b);
  if (ca && cb) {
    const box = order(+ca[2], colIndex(ca[1]), +cb[2], colIndex(cb[1]));
    return box.bottom <= MAX_ROWS && box.right <= MAX_COLS && box.top >= 1 ? box : null;
  }
  if (parts.length === 2 && /^\d+$/.test(a) && /^\d+$/.test(b)) return order(+a, 1, +b, MAX_COLS);
  if (parts.length === 2 && /^[A-Za-z]{1,3}$/.test(a) && /^[A-Za-z]{1,3}$/.test(b))
    return order(1, colIndex(a), MAX_ROWS, colIndex(b));
  return null;
}

function order(r1: number, c1: number, r2: number, c2: number): Box {
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

export function boxAddress(b: Box, absolute = false): string {
  const d = absolute ? '$' : '';
  const cell = (r: number, c: number) => `${d}${colName(c)}${d}${r}`;
  if (b.top === b.bottom && b.left === b.right) return cell(b.top, b.left);
  return `${cell(b.top, b.left)}:${cell(b.bottom, b.right)}`;
}

/** Excel quotes a sheet name in a reference only when it holds spaces or punctuation (CJK letters need none). */
export function sheetPrefix(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** Splits "=年报!$B$7" or "='a b'!A1:B2" into sheet and box; null for "#REF!" and anything else. */
export function parseReference(formula: string): { sheet: string; box: Box } | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(formula.trim());
  if (!m) return null;
  const box = parseBox(m[3]);
  if (!box) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], box };
}

export function intersects(a: Box, b: Box): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Box, inner: Box): boolean {
  return (
    outer.top <= inner.top && outer.bottom >= inner.bottom && outer.left <= inner.left && outer.right >= inner.right
  );
}

export function* cellsOf(b: Box): Generator<[number, number]> {
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) yield [r, c];
}

export function cellCount(b: Box): number {
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}

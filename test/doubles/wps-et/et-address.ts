// A1 references as ET reads and prints them: single cells, ranges, whole rows/columns, multi-area lists,
// sheet-qualified and quoted. Kept apart from src/report/layout/a1.ts so the double does not share the code
// it is checking.

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** One area: "B3", "$B$3:$C$9", "A:C", "3:5". Null when it is not one. */
export function parseArea(text: string): Area | null {
  const [a, b = a, extra] = text.trim().split(':');
  if (extra !== undefined) return null;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r1 = Number(ca[2]);
    const r2 = Number(cb[2]);
    const c1 = colNumber(ca[1]);
    const c2 = colNumber(cb[1]);
    if (Math.min(r1, r2) < 1 || Math.max(r1, r2) > MAX_ROWS || Math.max(c1, c2) > MAX_COLS) return null;
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  if (text.includes(':')) {
    const xa = COL.exec(a);
    const xb = COL.exec(b);
    if (xa && xb) {
      const c1 = colNumber(xa[1]);
      const c2 = colNumber(xb[1]);
      return { top: 1, bottom: MAX_ROWS, left: Math.min(c1, c2), right: Math.max(c1, c2) };
    }
    const ya = ROW.exec(a);
    const yb = ROW.exec(b);
    if (ya && yb) {
      const r1 = Number(ya[1]);
      const r2 = Number(yb[1]);
      return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 1, right: MAX_COLS };
    }
  }
  return null;
}

/** Splits "Sheet!A1", "'年 报'!A1:B2" into sheet and the rest; sheet undefined when unqualified. */
export function splitQualified(text: string): { sheet?: string; ref: string } {
  const s = text.trim().replace(/^=/, '');
  if (s.startsWith("'")) {
    let i = 1;
    while (i < s.length) {
      if (s[i] === "'" && s[i + 1] === "'") i += 2;
      else if (s[i] === "'") break;
      else i++;
    }
    if (s[i + 1] === '!') return { sheet: s.slice(1, i).replace(/''/g, "'"), ref: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf('!');
  if (bang > 0) return { sheet: s.slice(0, bang), ref: s.slice(bang + 1) };
  return { ref: s };
}

/** "A1:B2,D4" into areas; null if any part is not an area. */
export function parseAreas(ref: string): Area[] | null {
  const parts = ref.split(',');
  const areas: Area[] = [];
  for (const p of parts) {
    const a = parseArea(p);
    if (!a) return null;
    areas.push(a);
  }
  return areas.length ? areas : null;
}

export function formatArea(a: Area, rowAbs = true, colAbs = true): string {
  const r = rowAbs ? '$' : '';
  const c = colAbs ? '$' : '';
  const wholeCols = a.top === 1 && a.bottom === MAX_ROWS;
  const wholeRows = a.left === 1 && a.right === MAX_COLS;
  if (wholeCols && !wholeRows) return `${c}${colLetters(a.left)}:${c}${colLetters(a.right)}`;
  if (wholeRows && !wholeCols) return `${r}${a.top}:${r}${a.bottom}`;
  const first = `${c}${colLetters(a.left)}${r}${a.top}`;
  if (a.top === a.bottom && a.left === a.right) return first;
  return `${first}:${c}${colLetters(a.right)}${r}${a.bottom}`;
}

/** How ET prints a sheet name in a reference: bare when it is a plain word, quoted otherwise. */
export function sheetPrefix(sheet: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !CELL.test(sheet);
  return plain ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

export function cellsOf(a: Area): number {
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

export function contains(outer: Area, inner: Area): boolean {
  return (
    inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right
  );
}

export function intersects(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

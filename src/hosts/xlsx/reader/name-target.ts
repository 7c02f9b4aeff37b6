// What a defined name's stored definition points at, parsed in one pass (no regular expression that can
// backtrack): one cell, or exactly why it is not one (a range, several areas, a whole column or row, another
// workbook, #REF!, a formula or constant).
import { parseA1 } from '../../../report/layout/a1';

export type NameTarget =
  | { readonly kind: 'cell'; readonly sheet: string; readonly row: number; readonly col: number }
  | { readonly kind: 'range'; readonly sheet: string; readonly range: string }
  | { readonly kind: 'areas'; readonly text: string }
  | { readonly kind: 'column'; readonly sheet: string; readonly range: string }
  | { readonly kind: 'row'; readonly sheet: string; readonly range: string }
  | { readonly kind: 'external'; readonly text: string }
  | { readonly kind: 'broken'; readonly text: string }
  | { readonly kind: 'other'; readonly text: string };

/** "$A:$C" (whole columns) or "$3:$5" (whole rows), by characters. */
function lineKind(range: string): 'column' | 'row' | null {
  const halves = range.split(':');
  if (halves.length !== 2) return null;
  const strip = (s: string) => s.replace(/\$/g, '');
  const [a, b] = halves.map(strip);
  const all = (s: string, test: (c: number) => boolean) => {
    if (s.length === 0 || s.length > 7) return false;
    for (let i = 0; i < s.length; i++) if (!test(s.charCodeAt(i))) return false;
    return true;
  };
  const letter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const digit = (c: number) => c >= 48 && c <= 57;
  if (all(a, letter) && all(b, letter)) return 'column';
  if (all(a, digit) && all(b, digit)) return 'row';
  return null;
}

export function nameTarget(stored: string): NameTarget {
  const text = stored.trim().replace(/^=/, '');
  if (text.length === 0 || text.includes('#REF!')) return { kind: 'broken', text: stored };
  let sheet: string;
  let rest: string;
  if (text.startsWith("'")) {
    // 'It''s a sheet'!A1: a quote inside is doubled.
    let i = 1;
    let name = '';
    for (;;) {
      const q = text.indexOf("'", i);
      if (q < 0) return { kind: 'other', text: stored };
      name += text.slice(i, q);
      if (text[q + 1] === "'") {
        name += "'";
        i = q + 2;
        continue;
      }
      i = q + 1;
      break;
    }
    if (text[i] !== '!') return { kind: 'other', text: stored };
    sheet = name;
    rest = text.slice(i + 1);
  } else {
    const bang = text.indexOf('!');
    if (bang < 0) return { kind: 'other', text: stored };
    sheet = text.slice(0, bang);
    rest = text.slice(bang + 1);
  }
  // [1]Sheet!A1, '[1]Sheet'!A1, 'C:\dir\[book.xlsx]Sheet'!A1: a sheet of another workbook.
  if (sheet.includes('[') || sheet.includes(']')) return { kind: 'external', text: stored };
  if (rest.includes(',') || rest.includes('!')) return { kind: 'areas', text: stored };
  const range = rest.replace(/\$/g, '');
  const line = lineKind(rest);
  if (line) return { kind: line, sheet, range };
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const a = parseA1(rest.slice(0, colon));
    const b = parseA1(rest.slice(colon + 1));
    if (!a || !b) return { kind: 'other', text: stored };
    if (a.row === b.row && a.col === b.col) return { kind: 'cell', sheet, row: a.row, col: a.col };
    return { kind: 'range', sheet, range };
  }
  const cell = parseA1(rest);
  return cell ? { kind: 'cell', sheet, row: cell.row, col: cell.col } : { kind: 'other', text: stored };
}

// A PDF's text items (string, x, y, width, height on each page, as pdfjs-dist gives them) rebuilt into lines of
// cells: items on the same baseline form a line, a horizontal gap wider than about a character starts a new cell,
// as `pdftotext -layout` does with runs of spaces. Pages follow one another; page numbers and the lines a page
// repeats at its top (running heads, a table's repeated header rows) are dropped. Rotated items (a vertical label
// printed sideways) are not part of any line. The lines are what the text importer reads from pdftotext.
import { isPageNumber, lineFromText, valueCells, hasValues, type SourceLine } from './source-lines';

export interface PdfTextItem {
  readonly str: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size, about. */
  readonly height: number;
}

/** Gap between two items, as a share of the font size, above which they are two cells. */
const CELL_GAP = 0.9;
/** Baselines closer than this share of the font size are one line. */
const SAME_LINE = 0.45;

interface Line {
  y: number;
  h: number;
  items: PdfTextItem[];
}

const DIGITS = /^\d[\d,.]*$/;
/** A wrapped cell's next line is one line height below (about 1.2 font sizes; table rows are further apart). */
const WRAP_STEP = { min: 0.9, max: 1.4 } as const;

/**
 * A number wider than its cell, wrapped by the PDF's producer (LibreOffice, Word) onto two or more lines of the cell:
 * in content order its pieces follow one another, each one line lower, centred in (or starting at) the first one's
 * extent, none wider than it. Such a run is one number again, on the row's baseline: the line the most other items
 * stand on, among the first piece's, the pieces' middle and the last piece's (a cell aligned top, centred, bottom).
 * Anything else (a label between, a step of a table row, a wider piece) is left as it was printed.
 */
export function joinWrappedNumbers(all: readonly PdfTextItem[]): PdfTextItem[] {
  const items = all.filter((it) => it.str.trim().length > 0);
  const out: PdfTextItem[] = [];
  for (let i = 0; i < items.length; i++) {
    const first = items[i];
    if (!DIGITS.test(first.str.trim())) {
      out.push(first);
      continue;
    }
    const run = [first];
    for (let j = i + 1; j < items.length; j++) {
      const prev = run[run.length - 1];
      const next = items[j];
      const h = Math.max(first.height, 1);
      const step = (prev.y - next.y) / h;
      const centre = next.x + next.width / 2;
      const inside = centre >= first.x - 0.5 * h && centre <= first.x + first.width + 0.5 * h;
      if (!DIGITS.test(next.str.trim()) || step < WRAP_STEP.min || step > WRAP_STEP.max) break;
      if (!inside || next.width > first.width + 0.1 * h || Math.abs(next.height - first.height) > 0.1 * h) break;
      run.push(next);
    }
    if (run.length === 1) {
      out.push(first);
      continue;
    }
    const last = run[run.length - 1];
    const others = items.filter((it) => !run.includes(it));
    const standing = (y: number) => others.filter((it) => Math.abs(it.y - y) <= SAME_LINE * first.height).length;
    const ys = [first.y, (first.y + last.y) / 2, last.y];
    const y = ys.reduce((best, c) => (standing(c) > standing(best) ? c : best), ys[0]);
    const str = run.map((r) => r.str.trim()).join('');
    out.push({ ...first, str, y, width: Math.max(...run.map((r) => r.width)) });
    i += run.length - 1;
  }
  return out;
}

function pageLines(items: readonly PdfTextItem[]): Line[] {
  const sorted = items.filter((i) => i.str.trim().length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const h = Math.max(item.height, 1);
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - item.y) <= SAME_LINE * Math.max(h, last.h)) {
      last.items.push(item);
      last.h = Math.max(last.h, h);
    } else lines.push({ y: item.y, h, items: [item] });
  }
  return lines;
}

function lineText(line: Line): string {
  const items = [...line.items].sort((a, b) => a.x - b.x);
  let out = '';
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    const str = item.str.replace(/[\t|]/g, ' ');
    if (out.length > 0) out += gap > CELL_GAP * Math.max(item.height, 1) ? '    ' : gap > 0.2 * item.height ? ' ' : '';
    out += str;
    end = Math.max(end, item.x + item.width);
  }
  return out;
}

/** The pages' items as the text importer's lines. */
export function linesFromPdfItems(pages: readonly (readonly PdfTextItem[])[]): SourceLine[] {
  const out: SourceLine[] = [];
  const seenWithoutValues = new Set<string>();
  let no = 0;
  pages.forEach((items, pageIndex) => {
    let top = true;
    const thisPage: string[] = [];
    for (const l of pageLines(joinWrappedNumbers(items))) {
      const text = lineText(l);
      if (isPageNumber(text)) continue;
      const line = lineFromText(++no, text);
      const values = hasValues(valueCells(line));
      // A page's first lines that an earlier page already printed (running head, repeated table header rows).
      if (top && pageIndex > 0 && !values && seenWithoutValues.has(text)) continue;
      top = false;
      if (!values) thisPage.push(text);
      out.push(line);
    }
    for (const t of thisPage) seenWithoutValues.add(t);
  });
  return out;
}

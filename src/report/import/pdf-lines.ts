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
    for (const l of pageLines(items)) {
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

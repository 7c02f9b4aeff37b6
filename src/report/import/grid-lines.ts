// The common form every structured source is read into before the table readers see it: a sequence of text blocks
// and table rows, each row a list of the cells that START in it, left to right by grid position. A cell covered by
// a merge from the left (colspan, gridSpan) or from above (rowspan, vMerge) is not a cell of that row, so it is left
// out; a cell that exists and is empty is an explicit blank. HTML, .docx and PDF readers all build this through
// GridBuilder, which keeps the number of lines and cells bounded whatever the input.
import { classifyCell, lineFromText, type SourceLine } from './source-lines';

export const GRID_LIMITS = {
  /** Cells kept per row; a published table has at most 16 columns. */
  cellsPerRow: 256,
  /** Characters kept per cell. */
  cellChars: 4000,
  /** Lines (rows and text blocks) kept per document. */
  lines: 200_000,
} as const;

export class GridBuilder {
  readonly lines: SourceLine[] = [];
  private no = 0;
  /** The reader stopped keeping lines: the document is longer than any report. */
  truncated = false;

  private push(line: SourceLine): void {
    if (this.lines.length >= GRID_LIMITS.lines) {
      this.truncated = true;
      return;
    }
    this.lines.push(line);
  }

  /** A block of text outside tables: each line of it as the text importer reads lines (tabs and "|" are cells). */
  text(text: string): void {
    for (const raw of text.split('\n')) {
      const t = raw.replace(/[ \r\f\v\u00a0]+/g, ' ').trim();
      if (t.length > 0) this.push(lineFromText(++this.no, t));
    }
  }

  /** A table row: the texts of the cells that start in it, in grid order. */
  row(cells: readonly string[]): void {
    const kept = cells.slice(0, GRID_LIMITS.cellsPerRow).map((c) =>
      c
        .slice(0, GRID_LIMITS.cellChars)
        .replace(/[\s\u00a0\u3000]+/g, ' ')
        .trim(),
    );
    if (!kept.some((c) => c.length > 0)) return;
    const tokens = kept.map(classifyCell);
    this.push({ no: ++this.no, cells: tokens, explicit: true, text: kept.join(' ') });
  }
}

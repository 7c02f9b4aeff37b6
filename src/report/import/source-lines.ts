// A published report as lines of cells, whatever it came as: text copied from a web page (tab-separated cells),
// text converted from a PDF (cells separated by runs of spaces), a "|" table, or an HTML page (html-lines.ts).
// Cells are classified once here: text, a number, a dash or slash standing for 0, or an explicitly empty cell.
import { numberInText } from '../model/value-checks';

export type CellToken =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'number';
      readonly value: number;
      readonly raw: string;
      /** How the printed text differs from a plain number, if it does. */
      readonly note?: 'fullWidth' | 'withUnit' | 'separators';
      /** Digits run together with a label (行政规范性文件693665): possibly several cells' numbers. */
      readonly run?: true;
    }
  | { readonly kind: 'slash'; readonly raw: string }
  | { readonly kind: 'blank' };

export interface SourceLine {
  /** 1-based line of the text, or the block/row index of an HTML page. */
  readonly no: number;
  readonly cells: readonly CellToken[];
  /** Cell boundaries are known (tabs, "|", HTML cells): an empty cell is a printed blank. */
  readonly explicit: boolean;
  /** The line's text as printed (cells joined), for narrative. */
  readonly text: string;
}

const SLASH = /^[/／\\\-－—–―_]{1,3}$/;
const PAGE_NUMBER = /^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$/;

export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.test(line);
}

export function classifyCell(raw: string): CellToken {
  const t = raw.trim();
  if (t.length === 0) return { kind: 'blank' };
  if (SLASH.test(t)) return { kind: 'slash', raw: t };
  if (/[\d０-９]/.test(t) && t.length <= 24) {
    const parsed = numberInText(t);
    if (parsed) {
      const plain = /^-?\d+(\.\d+)?$/.test(t);
      const note =
        parsed.code === 'withUnit'
          ? 'withUnit'
          : parsed.code === 'fullWidth'
            ? 'fullWidth'
            : plain
              ? undefined
              : 'separators';
      return { kind: 'number', value: parsed.value, raw: t, ...(note ? { note } : {}) };
    }
  }
  return { kind: 'text', text: t };
}

/**
 * A cell of several numbers separated by single spaces ("1 0 0") is several cells, and numbers after a label with
 * single spaces only ("规章 0 0 0", tab stops lost) are cells of their own.
 */
function expand(raw: string): CellToken[] {
  const parts = raw.trim().split(/[ \u3000]+/);
  if (parts.length > 1) {
    const tokens = parts.map(classifyCell);
    let i = tokens.length;
    while (i > 0 && (tokens[i - 1].kind === 'number' || tokens[i - 1].kind === 'slash')) i--;
    if (i === 0) return tokens;
    if (i < tokens.length) return [classifyCell(parts.slice(0, i).join(' ')), ...tokens.slice(i)];
  }
  return [classifyCell(raw)];
}

/** Very long lines are prose: not split into cells (keeps matching cost bounded on hostile input). */
const MAX_TABLE_LINE = 4000;

export function lineFromText(no: number, raw: string): SourceLine {
  const line = raw.replace(/\r$/, '');
  if (line.length > MAX_TABLE_LINE) return { no, cells: [{ kind: 'text', text: line }], explicit: false, text: line };
  let cells: CellToken[];
  let explicit = true;
  if (line.includes('\t')) cells = line.split('\t').flatMap(expand);
  else if (line.includes('|')) cells = line.replace(/\|\|/g, '|').split('|').flatMap(expand);
  else {
    explicit = false;
    cells = line
      .split(/[ \u00a0]{2,}|\u3000+/)
      .filter((c) => c.trim().length > 0)
      .flatMap(expand);
  }
  return { no, cells, explicit, text: line.replace(/\t/g, ' ') };
}

/** A table's separator row in Markdown or a text transcript (|---|:--:|): layout, not data. */
const MD_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Text lines, without page numbers ("-3-", "第 3 页") and table separator rows. */
export function linesFromText(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  const raw = text.replace(/^\ufeff/, '').split('\n');
  raw.forEach((line, i) => {
    if (!isPageNumber(line) && !MD_SEPARATOR.test(line)) out.push(lineFromText(i + 1, line));
  });
  return out;
}

/**
 * Markdown: pipe tables as "|" lines without their separator rows; heading marks (#), emphasis (** __) and quote
 * marks (>) dropped so that section titles read as printed.
 */
export function linesFromMarkdown(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  text
    .replace(/^\ufeff/, '')
    .split('\n')
    .forEach((raw, i) => {
      if (MD_SEPARATOR.test(raw) || isPageNumber(raw)) return;
      const line = raw
        .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?)/, '')
        .replace(/\*\*|__/g, '')
        .replace(/\\\|/g, '／');
      out.push(lineFromText(i + 1, line));
    });
  return out;
}

/** A label with digits glued to it by a crawler or a copy: 行政规范性文件693665, 1.属于国家秘密2002. */
const GLUED = /^(.*[\u4e00-\u9fff）)])(\d{2,24})$/;
/** Words that a number legitimately follows inside a label or a sentence. */
const NOT_GLUED = /[第年月日号〔]$/;

/**
 * The line with a label's glued digits split off as one number token marked `run`: the table readers decide,
 * from the row's identities, whether and how the run splits into cells.
 */
export function withGluedDigits(line: SourceLine): SourceLine {
  const last = line.cells[line.cells.length - 1];
  if (last?.kind !== 'text' || last.text.length > 80) return line;
  const m = GLUED.exec(last.text);
  if (!m || NOT_GLUED.test(m[1])) return line;
  const run: CellToken = { kind: 'number', value: Number(m[2]), raw: m[2], run: true };
  return { ...line, cells: [...line.cells.slice(0, -1), { kind: 'text', text: m[1] }, run] };
}

/** The line's text cells, in order. */
export function textCells(line: SourceLine): string[] {
  return line.cells.flatMap((c) => (c.kind === 'text' ? [c.text] : []));
}

/** The cells after the last text cell: where a row's numbers are. */
export function valueCells(line: SourceLine): CellToken[] {
  let last = -1;
  line.cells.forEach((c, i) => {
    if (c.kind === 'text') last = i;
  });
  return line.cells.slice(last + 1);
}

export function hasValues(tokens: readonly CellToken[]): boolean {
  return tokens.some((t) => t.kind === 'number' || t.kind === 'slash');
}

// An HTML page as lines of cells, read with parse5's tokenizer (the WHATWG tokenizer: entities, attributes,
// comments, raw-text elements exactly as a browser reads them) and a small tree builder of our own that knows only
// tables and text blocks. parse5's full tree builder is not used: its adoption-agency and scope checks grow faster
// than the input on crafted pages, and a report needs none of it. Every token is handled in constant time, so the
// whole read is linear in the page's length.
//
// Nothing is run or fetched: <script>, <style> and other active or embedded content are tokenized as raw text and
// dropped. Each table's grid is rebuilt from rowspan/colspan; a row lists the cells that start in it, in grid order
// (grid-lines.ts). A table inside a cell is read as a table of its own.
import { Token, Tokenizer, TokenizerMode, type TokenHandler } from 'parse5';
import { GridBuilder } from './grid-lines';
import type { SourceLine } from './source-lines';

/** Elements whose content is never read; the tokenizer mode that finds their end as a browser would. */
const RAW: Readonly<Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]>> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  textarea: TokenizerMode.RCDATA,
};
/** Elements dropped with their content, which is parsed as markup. */
const SKIPPED = new Set(['template', 'object', 'embed', 'svg', 'math', 'select']);
const BLOCK = new Set(
  'p div br h1 h2 h3 h4 h5 h6 li ul ol section article header footer title blockquote pre hr dd dt dl caption center form main nav tr'.split(
    ' ',
  ),
);
const MAX_COLSPAN = 64;
const MAX_ROWSPAN = 500;
const MAX_COLUMNS = 256;
const MAX_TABLE_DEPTH = 32;

interface Table {
  /** Rows still covered by a rowspan from above, by grid column. */
  readonly covered: number[];
  row: string[] | null;
  col: number;
  cell: string[] | null;
}

function span(token: Token.TagToken, name: string, max: number): number {
  const raw = Token.getTokenAttr(token, name);
  const n = raw === null ? 1 : parseInt(raw.trim(), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

export function linesFromHtml(html: string): SourceLine[] {
  const out = new GridBuilder();
  const tables: Table[] = [];
  let text: string[] = [];
  /** Depth inside dropped elements (SKIPPED), and the raw element being skipped. */
  let skipDepth = 0;
  let rawEnd: string | null = null;
  let title: string[] | null = null;

  const top = (): Table | undefined => tables[tables.length - 1];
  const flushText = () => {
    if (text.length) out.text(text.join(''));
    text = [];
  };
  const endCell = (t: Table) => {
    if (!t.cell || !t.row) return;
    t.row.push(t.cell.join(''));
    t.cell = null;
  };
  const endRow = (t: Table) => {
    endCell(t);
    if (!t.row) return;
    // Columns still covered past the row's last cell are not cells of this row; their count goes down.
    for (let c = t.col; c < t.covered.length; c++) if (t.covered[c] > 0) t.covered[c] -= 1;
    out.row(t.row);
    t.row = null;
  };
  const startRow = (t: Table) => {
    endRow(t);
    t.row = [];
    t.col = 0;
  };
  const startCell = (t: Table, token: Token.TagToken) => {
    endCell(t);
    if (!t.row) startRow(t);
    // Skip the columns a rowspan from above still covers.
    while (t.col < MAX_COLUMNS && (t.covered[t.col] ?? 0) > 0) t.covered[t.col++] -= 1;
    const cols = span(token, 'colspan', MAX_COLSPAN);
    const rows = span(token, 'rowspan', MAX_ROWSPAN);
    for (let i = 0; i < cols && t.col + i < MAX_COLUMNS; i++) t.covered[t.col + i] = rows - 1;
    t.col = Math.min(t.col + cols, MAX_COLUMNS);
    t.cell = [];
  };
  const addText = (chars: string) => {
    if (skipDepth > 0 || rawEnd) return;
    if (title) title.push(chars);
    const t = top();
    if (t) {
      if (t.cell) t.cell.push(chars);
    } else text.push(chars.replace(/\n/g, ' '));
  };

  const handler: TokenHandler = {
    onComment() {},
    onDoctype() {},
    onEof() {},
    onNullCharacter() {},
    onCharacter: (t) => addText(t.chars),
    onWhitespaceCharacter: (t) => addText(t.chars),
    onStartTag(token) {
      const name = token.tagName;
      if (rawEnd) return;
      if (RAW[name] !== undefined && !token.selfClosing) {
        tokenizer.state = RAW[name];
        rawEnd = name;
        return;
      }
      if (name === 'plaintext') {
        tokenizer.state = TokenizerMode.PLAINTEXT;
        rawEnd = name;
        return;
      }
      if (SKIPPED.has(name)) {
        if (!token.selfClosing) skipDepth++;
        return;
      }
      if (skipDepth > 0) return;
      const t = top();
      if (name === 'title' && !t) {
        flushText();
        title = [];
        tokenizer.state = TokenizerMode.RCDATA;
        return;
      }
      if (name === 'table') {
        if (tables.length >= MAX_TABLE_DEPTH) return;
        if (t) endRow(t);
        else flushText();
        tables.push({ covered: [], row: null, col: 0, cell: null });
        return;
      }
      if (t) {
        if (name === 'tr') startRow(t);
        else if (name === 'td' || name === 'th') startCell(t, token);
        else if (t.cell && BLOCK.has(name)) t.cell.push(' ');
        return;
      }
      if (BLOCK.has(name)) text.push('\n');
    },
    onEndTag(token) {
      const name = token.tagName;
      if (rawEnd) {
        if (name === rawEnd) {
          rawEnd = null;
          tokenizer.state = TokenizerMode.DATA;
        }
        return;
      }
      if (SKIPPED.has(name)) {
        if (skipDepth > 0) skipDepth--;
        return;
      }
      if (skipDepth > 0) return;
      if (name === 'title' && title) {
        out.text(title.join(''));
        title = null;
        tokenizer.state = TokenizerMode.DATA;
        return;
      }
      const t = top();
      if (name === 'table') {
        if (t) {
          endRow(t);
          tables.pop();
        }
        return;
      }
      if (t) {
        if (name === 'tr') endRow(t);
        else if (name === 'td' || name === 'th') endCell(t);
        else if (t.cell && BLOCK.has(name)) t.cell.push(' ');
        return;
      }
      if (BLOCK.has(name)) text.push('\n');
    },
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: false }, handler);
  tokenizer.write(html, true);
  while (tables.length > 0) endRow(tables.pop()!);
  flushText();
  return out.lines;
}

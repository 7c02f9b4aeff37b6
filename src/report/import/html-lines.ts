// An HTML page as lines of cells, without running anything: scripts, styles and other active or embedded content
// are dropped with their content, tags are read as structure only. Table rows become explicit lines with merged
// cells expanded (a colspan or rowspan leaves empty cells where the merge covers), so columns keep their places;
// text outside tables becomes one line per block.
import { lineFromText, type CellToken, type SourceLine, classifyCell } from './source-lines';

const DROPPED = /<(script|style|noscript|template|iframe|object|embed|svg|math|textarea|select)\b[\s\S]*?<\/\1\s*>/gi;
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'title',
  'blockquote',
  'pre',
  'hr',
  'dd',
  'dt',
  'dl',
  'caption',
  'center',
  'form',
  'main',
  'nav',
]);
const NAMED: Readonly<Record<string, string>> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  times: '×',
};
const MAX_SPAN = 64;

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ' ';
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

function spanOf(attrs: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?\\s*(\\d{1,4})`, 'i').exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return Math.min(Math.max(n, 1), MAX_SPAN);
}

interface TableState {
  /** Rows still covered by a rowspan from above, by column. */
  carry: number[];
  row: CellToken[] | null;
  col: number;
  cell: { parts: string[]; colspan: number; rowspan: number } | null;
}

export function linesFromHtml(html: string): SourceLine[] {
  const out: SourceLine[] = [];
  let no = 0;
  const cleaned = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(DROPPED, ' ');
  let text: string[] = [];
  const flushText = () => {
    const joined = decodeEntities(text.join(''));
    text = [];
    for (const line of joined.split('\n')) {
      const t = line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim();
      if (t.length > 0) out.push({ ...lineFromText(++no, t), explicit: false });
    }
  };
  const tables: TableState[] = [];
  const top = () => tables[tables.length - 1];
  const fillCarried = (t: TableState, upTo: number) => {
    while (t.row && t.col < upTo && (t.carry[t.col] ?? 0) > 0) {
      t.carry[t.col] -= 1;
      t.row.push({ kind: 'blank' });
      t.col += 1;
    }
  };
  const endCell = (t: TableState) => {
    if (!t.cell || !t.row) return;
    const cellText = decodeEntities(t.cell.parts.join('')).replace(/\s+/g, ' ').trim();
    t.row.push(classifyCell(cellText));
    for (let i = 1; i < t.cell.colspan; i++) t.row.push({ kind: 'blank' });
    for (let i = 0; i < t.cell.colspan; i++) t.carry[t.col + i] = t.cell.rowspan - 1;
    t.col += t.cell.colspan;
    t.cell = null;
  };
  const endRow = (t: TableState) => {
    endCell(t);
    if (!t.row) return;
    fillCarried(t, t.carry.length);
    const cells = t.row;
    t.row = null;
    if (cells.some((c) => c.kind !== 'blank'))
      out.push({
        no: ++no,
        cells,
        explicit: true,
        text: cells.map((c) => (c.kind === 'text' ? c.text : c.kind === 'blank' ? '' : c.raw)).join(' '),
      });
  };

  const re = /<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<[!?][^>]*>|[^<]+|</g;
  for (let m = re.exec(cleaned); m; m = re.exec(cleaned)) {
    const [whole, closing, rawName, attrs] = m;
    const t = top();
    if (rawName === undefined) {
      if (whole.startsWith('<') && whole.length > 1) continue; // doctype, processing instruction
      if (t?.cell) t.cell.parts.push(whole);
      else if (!t) text.push(whole.replace(/\n/g, ' '));
      continue;
    }
    const name = rawName.toLowerCase();
    if (name === 'table') {
      if (!closing) {
        if (t) endRow(t);
        else flushText();
        tables.push({ carry: [], row: null, col: 0, cell: null });
      } else if (t) {
        endRow(t);
        tables.pop();
      }
      continue;
    }
    if (t) {
      if (name === 'tr') {
        endRow(t);
        if (!closing) {
          t.row = [];
          t.col = 0;
        }
      } else if (name === 'td' || name === 'th') {
        if (closing) endCell(t);
        else {
          endCell(t);
          if (!t.row) {
            t.row = [];
            t.col = 0;
          }
          fillCarried(t, Number.MAX_SAFE_INTEGER);
          t.cell = { parts: [], colspan: spanOf(attrs, 'colspan'), rowspan: spanOf(attrs, 'rowspan') };
        }
      } else if (t.cell && BLOCK.has(name)) t.cell.parts.push(' ');
      continue;
    }
    if (BLOCK.has(name)) text.push('\n');
  }
  while (tables.length > 0) endRow(tables.pop()!);
  flushText();
  return out;
}

// A Word document (.docx) as lines of cells: only word/document.xml is inflated (fflate) and read as a stream
// (saxes), so the cost is linear in that part's size. Paragraphs outside tables are text lines (a w:tab is a cell
// boundary, as in text pasted with tabs); each w:tbl row lists the cells that start in it: a cell continuing a
// vertical merge (w:vMerge without "restart") is not a cell of its row, and a w:gridSpan cell is one cell. A table
// printed in several pieces is simply several tables in a row, which the table readers read as one sequence of rows.
// Headers, footers and comments are other parts of the package and are never read.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { SaxesParser } from 'saxes';
import { GridBuilder } from './grid-lines';
import type { SourceLine } from './source-lines';

export const DOCX_LIMITS = {
  /** A report .docx is 30–300 KB; with pictures a few MB. */
  bytes: 30 * 1024 * 1024,
  /** Entries in the package; a Word document has a few dozen. */
  entries: 2000,
  /** word/document.xml once inflated. */
  documentXml: 32 * 1024 * 1024,
  /** Inflated / compressed size of word/document.xml: text XML compresses 5–20 times, a bomb thousands. */
  ratio: 200,
} as const;

export type DocxProblem = 'tooLarge' | 'notZip' | 'tooManyEntries' | 'noDocument' | 'bomb' | 'badXml';
export type DocxRead =
  { readonly ok: true; readonly lines: SourceLine[] } | { readonly ok: false; readonly problem: DocxProblem };

const DOCUMENT = 'word/document.xml';

class Refused extends Error {
  constructor(readonly problem: DocxProblem) {
    super(problem);
  }
}

/** The inflated main part, within DOCX_LIMITS, or why not. */
function documentXml(bytes: Uint8Array): Uint8Array | DocxProblem {
  if (bytes.length > DOCX_LIMITS.bytes) return 'tooLarge';
  let entries = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(f: UnzipFileInfo) {
        if (++entries > DOCX_LIMITS.entries) throw new Refused('tooManyEntries');
        if (f.name !== DOCUMENT) return false;
        // The declared size bounds what fflate allocates and writes (it never grows a buffer it was given).
        if (f.originalSize > DOCX_LIMITS.documentXml || f.originalSize > Math.max(f.size, 1024) * DOCX_LIMITS.ratio)
          throw new Refused('bomb');
        return true;
      },
    });
  } catch (e) {
    return e instanceof Refused ? e.problem : 'notZip';
  }
  return files[DOCUMENT] ?? 'noDocument';
}

interface Table {
  row: string[] | null;
  /** Paragraphs of the cell being read; null between cells or in a cell that continues a vertical merge. */
  cell: string[] | null;
  covered: boolean;
}

export function linesFromDocx(bytes: Uint8Array): DocxRead {
  const xml = documentXml(bytes);
  if (typeof xml === 'string') return { ok: false, problem: xml };
  const out = new GridBuilder();
  const tables: Table[] = [];
  let para: string[] | null = null;
  let inText = false;
  /** Depth inside mc:Fallback (a copy of mc:Choice's content for older readers). */
  let fallback = 0;

  const top = (): Table | undefined => tables[tables.length - 1];
  const endCell = (t: Table) => {
    if (t.cell && t.row && !t.covered) t.row.push(t.cell.join(' '));
    t.cell = null;
  };
  const endRow = (t: Table) => {
    endCell(t);
    if (t.row) out.row(t.row);
    t.row = null;
  };

  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag) => {
    const name = tag.name;
    if (name === 'mc:Fallback') fallback++;
    if (fallback > 0) return;
    const t = top();
    switch (name) {
      case 'w:tbl':
        if (t) endCell(t);
        tables.push({ row: null, cell: null, covered: false });
        break;
      case 'w:tr':
        if (t) {
          endRow(t);
          t.row = [];
        }
        break;
      case 'w:tc':
        if (t) {
          endCell(t);
          if (!t.row) t.row = [];
          t.cell = [];
          t.covered = false;
        }
        break;
      case 'w:vMerge': {
        const val = tag.attributes['w:val'];
        if (t && t.cell && (val === undefined || val === 'continue')) t.covered = true;
        break;
      }
      case 'w:p':
        para = [];
        break;
      case 'w:t':
        inText = !tag.isSelfClosing;
        break;
      case 'w:tab':
        // A tab in a run (a tab stop in w:tabs has a position instead).
        if (tag.attributes['w:pos'] === undefined) para?.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        para?.push('\n');
        break;
    }
  });
  parser.on('text', (text) => {
    if (inText && para && fallback === 0) para.push(text);
  });
  parser.on('closetag', (tag) => {
    const name = tag.name;
    if (name === 'mc:Fallback') {
      fallback--;
      return;
    }
    if (fallback > 0) return;
    const t = top();
    switch (name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:p':
        if (para) {
          const text = para.join('');
          if (t?.cell) t.cell.push(text.replace(/\s+/g, ' '));
          else out.text(text);
        }
        para = null;
        break;
      case 'w:tc':
        if (t) endCell(t);
        break;
      case 'w:tr':
        if (t) endRow(t);
        break;
      case 'w:tbl':
        if (t) {
          endRow(t);
          tables.pop();
        }
        break;
    }
  });
  try {
    parser.write(new TextDecoder('utf-8').decode(xml)).close();
  } catch {
    return { ok: false, problem: 'badXml' };
  }
  while (tables.length) endRow(tables.pop()!);
  return { ok: true, lines: out.lines };
}

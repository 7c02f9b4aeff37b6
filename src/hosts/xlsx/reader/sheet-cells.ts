// One sheet part streamed for the cells it is asked for: their raw XML values, the shared-formula masters they
// refer to, and the merged ranges. Parsing stops at the end of the merges (conditional formats, data validations
// and everything after are never parsed); cells past the last wanted row are only counted.
import { parseA1, parseRange, type RangeRef } from '../../../report/layout/a1';
import { LIMIT_REASONS, refuse } from './limits';
import { streamXml, type XmlSource } from './xml-stream';
import type { ZipEntry } from './zip-entries';

/** A cell as stored: its type attribute, style, <v>, <f> and inline-string text. */
export interface RawCell {
  readonly address: string;
  t?: string;
  s?: number;
  v?: string;
  /** Formula text; '' when <f> is empty. Absent without <f>. */
  f?: string;
  /** <f t="…">: 'shared', 'array', … */
  fType?: string;
  /** The master's address for a shared formula's dependent cell. */
  sharedFrom?: string;
  /** Inline string (<is>): plain <t> text and rich-run texts. */
  inline?: string;
  inlineRich?: boolean;
}

export const cellKey = (row: number, col: number) => row * 16384 + col;

export interface SheetRead {
  readonly cells: ReadonlyMap<number, RawCell>;
  readonly merges: readonly RangeRef[];
}

/** Elements that come after <mergeCells> in a worksheet (ECMA-376 Part 1, §18.3.1.99 CT_Worksheet sequence). */
const AFTER_MERGES = new Set([
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

/** Reads `wanted` cells (cellKey) of the sheet `sheet` stored in `entry`. */
export function readSheetCells(
  source: XmlSource,
  entry: ZipEntry,
  sheet: string,
  wanted: ReadonlySet<number>,
  scanned: { cells: number },
): SheetRead {
  const limits = source.budget.limits;
  const cells = new Map<number, RawCell>();
  const merges: RangeRef[] = [];
  const sharedMasters = new Map<string, string>();
  let lastRow = 0;
  for (const k of wanted) lastRow = Math.max(lastRow, Math.floor(k / 16384));
  let row = 0;
  let col = 0;
  let inSheetData = false;
  let afterSheetData = false;
  let finished = false;
  let cell: RawCell | null = null;
  let collectingShared: string | null = null;
  let text: 'v' | 'f' | 't' | null = null;
  let inIs = false;
  let phonetic = 0;
  const count = () => {
    if (++scanned.cells > limits.cells) refuse(LIMIT_REASONS.cells(sheet, limits.cells));
  };
  streamXml(source, entry, {
    open(name, attrs) {
      if (inSheetData) {
        if (name === 'row') {
          count();
          row = attrs.r !== undefined ? Number(attrs.r) : row + 1;
          col = 0;
        } else if (name === 'c') {
          count();
          const at = attrs.r !== undefined ? parseA1(attrs.r) : null;
          if (at) {
            row = at.row;
            col = at.col;
          } else col++;
          cell = null;
          collectingShared = null;
          if (row > lastRow) return;
          if (wanted.has(cellKey(row, col))) {
            cell = { address: attrs.r ?? '' };
            if (attrs.t !== undefined) cell.t = attrs.t;
            if (attrs.s !== undefined) cell.s = parseInt(attrs.s, 10);
          } else collectingShared = attrs.r ?? '';
        } else if (name === 'f') {
          if (attrs.t === 'shared' && attrs.si !== undefined) {
            if (attrs.ref !== undefined) sharedMasters.set(attrs.si, (cell?.address ?? collectingShared) || '');
            else if (cell) cell.sharedFrom = sharedMasters.get(attrs.si) ?? '';
          }
          if (cell) {
            cell.f = cell.f ?? '';
            if (attrs.t !== undefined) cell.fType = attrs.t;
            text = 'f';
          }
        } else if (cell && name === 'v') {
          cell.v = cell.v ?? '';
          text = 'v';
        } else if (cell && name === 'is') inIs = true;
        else if (cell && inIs && name === 'r') cell.inlineRich = true;
        else if (cell && inIs && name === 'rPh') phonetic++;
        else if (cell && inIs && name === 't' && phonetic === 0) {
          cell.inline = cell.inline ?? '';
          text = 't';
        }
        return;
      }
      if (name === 'sheetData') inSheetData = true;
      else if (afterSheetData && name === 'mergeCell' && attrs.ref) {
        if (merges.length >= limits.merges) refuse(LIMIT_REASONS.merges(sheet, limits.merges));
        const r = parseRange(attrs.ref);
        if (r) merges.push(r);
      } else if (afterSheetData && AFTER_MERGES.has(name)) finished = true;
    },
    text(t) {
      if (!cell || !text) return;
      if (text === 'v') cell.v += t;
      else if (text === 'f') cell.f += t;
      else cell.inline += t;
      if ((cell.v?.length ?? 0) + (cell.f?.length ?? 0) + (cell.inline?.length ?? 0) > limits.attributeChars)
        refuse(LIMIT_REASONS.attributeChars(entry.name, limits.attributeChars));
    },
    close(name) {
      if (inSheetData) {
        if (name === 'c') {
          if (cell) cells.set(cellKey(row, col), cell);
          cell = null;
        } else if (name === 'v' || name === 'f' || name === 't') text = null;
        else if (name === 'is') inIs = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'sheetData') {
          inSheetData = false;
          afterSheetData = true;
        }
      } else if (name === 'mergeCells') finished = true;
    },
    done: () => finished,
  });
  return { cells, merges };
}

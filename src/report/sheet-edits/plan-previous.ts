// Last year's figures in the workbook: a hidden sheet 上年数据 holding the PREVIOUS_CELLS values under their own
// names (nb_prev_*), and the conditional formats of the cross-year rules (X.carry, X.inforce) on the report sheet,
// which read those names. Written when the user loads last year's report; rewriting it only rewrites the values.
import type { Format } from '../format/format';
import { rangeA1 } from '../layout/a1';
import { TABLE_NAMES } from '../layout/format-2021';
import { PREVIOUS_CELLS } from '../layout/input-cells';
import { TEMPLATE_SHEET_NAME } from '../layout/sheet-layout';
import type { CellContent } from '../model/cell-content';
import { highlightedCells, planHighlights } from './plan-template';
import type { SheetEdit } from './sheet-edit';

export const PREVIOUS_SHEET_NAME = '上年数据';
export const PREVIOUS_HEADER = ['表', '行', '列', '上年数值'] as const;
const FIRST_ROW = 3;
const VALUE_COLUMN = 4;

export interface PreviousPlanOptions {
  /** The sheet the report template is on (the highlights go there). */
  readonly templateSheet?: string;
  readonly sheet?: string;
  /** The sheet already exists (a second load): only values and names are rewritten. */
  readonly sheetExists?: boolean;
  /** Where the report-scope highlights end, so the cross-year ones get priorities of their own. */
  readonly priorityBase?: number;
  /** Where the template's input names are now (a repaired or moved template); the layout's cells by default. */
  readonly address?: ReadonlyMap<string, string>;
  /** Which year the values are from, for the sheet's note. */
  readonly year?: number | null;
}

/** The cell of each nb_prev_* name on the 上年数据 sheet. */
export function previousAddress(name: string): string | null {
  const i = PREVIOUS_CELLS.findIndex((c) => c.name === name);
  return i < 0 ? null : rangeA1(FIRST_ROW + i, VALUE_COLUMN);
}

function plain(c: CellContent | undefined): string | number | null {
  if (!c) return null;
  if (c.kind === 'number') return c.value;
  if (c.kind === 'text') return c.text;
  return null;
}

/**
 * The nb_prev_* cells `values` (`format`'s previousCells order) leave blank. A `values` edit keeps a cell it has no value for
 * (KEEP_CELL), so rewriting 上年数据 (`sheetExists`) must also empty these (SpreadsheetHost.writeNamedValues with
 * CLEAR_CELL): else a figure last year's report no longer gives would stay from an earlier load.
 */
export function previousBlanks(values: readonly CellContent[], format: Format): string[] {
  return format.cells.previousCells.filter((_, i) => plain(values[i]) === null).map((c) => c.name);
}

/**
 * `values` in PREVIOUS_CELLS order (previousValuesFrom); a blank leaves the rules that need it unasserted. On a
 * rewrite (`sheetExists`) the blanks are left as they are: empty previousBlanks(values) after applying this plan.
 */
export function planPrevious(values: readonly CellContent[], options: PreviousPlanOptions = {}): SheetEdit[] {
  const sheet = options.sheet ?? PREVIOUS_SHEET_NAME;
  const templateSheet = options.templateSheet ?? TEMPLATE_SHEET_NAME;
  const edits: SheetEdit[] = [];
  if (!options.sheetExists) {
    edits.push({ op: 'addSheet', sheet, hidden: true });
    edits.push({ op: 'columnWidths', sheet, first: 1, widths: [8, 34, 16, 12] });
  }
  const note = `上年报告的数字（${options.year ? `${options.year} 年度，` : ''}供跨年度核对「上年结转」「现行有效件数」，由年报助手写入，请勿改动名称）`;
  const rows: (string | number | null)[][] = [
    [note, null, null, null],
    [...PREVIOUS_HEADER],
    ...PREVIOUS_CELLS.map((c, i) => [TABLE_NAMES[c.table], c.rowLabel, c.columnLabel, plain(values[i])]),
  ];
  edits.push({ op: 'values', sheet, range: rangeA1(1, 1, rows.length, PREVIOUS_HEADER.length), values: rows });
  if (!options.sheetExists) {
    edits.push({
      op: 'format',
      sheet,
      ranges: [rangeA1(2, 1, 1, PREVIOUS_HEADER.length)],
      format: { font: { bold: true }, fill: 'F2F2F2', border: true },
    });
    edits.push({
      op: 'format',
      sheet,
      ranges: [rangeA1(FIRST_ROW, VALUE_COLUMN, PREVIOUS_CELLS.length, 1)],
      format: { numberFormat: 'General', horizontal: 'center', border: true },
    });
    for (const c of PREVIOUS_CELLS)
      edits.push({ op: 'defineName', name: c.name, sheet, range: previousAddress(c.name)! });
    const base = options.priorityBase ?? 0;
    edits.push(
      // The cells the cross-year rules highlight get their rules again, each with the cross-year checks OR-ed in,
      // replacing the report-only rule: still one error and one warning rule per cell.
      ...planHighlights(templateSheet, ['report', 'previous'], options.address, {
        only: highlightedCells('previous'),
        replacing: ['report'],
      }).map((e) => (e.op === 'conditionalFormat' ? { ...e, priority: e.priority + base } : e)),
    );
  }
  return edits;
}

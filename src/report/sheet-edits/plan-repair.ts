// Repairs a damaged template without touching a value: recreates the defined names that were deleted (or point
// nowhere) and the conditional formats. A missing name is placed by the layout offset from the nearest surviving
// name of the same table, so rows the user inserted above a table (or between tables) are respected.
import { rangeA1 } from '../layout/a1';
import type { TableId } from '../layout/format-2021';
import { INPUT_CELLS, PREVIOUS_CELLS, TEMPLATE_MARKER_NAME } from '../layout/input-cells';
import { SHEET_LAYOUT } from '../layout/sheet-layout';
import { planHighlights } from './plan-template';
import type { SheetEdit } from './sheet-edit';

/** Where a defined name points now: its sheet and the top-left cell of its range. */
export interface NamePlace {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface RecreatedName {
  readonly name: string;
  readonly sheet: string;
  readonly range: string;
}

export interface RepairPlan {
  /** The sheet that holds the template (most surviving names), or null when no name of ours survives. */
  readonly sheet: string | null;
  /** defineName for each recreated name, then the conditional formats at the names' current cells. */
  readonly edits: readonly SheetEdit[];
  readonly recreated: readonly RecreatedName[];
  /** Names that could not be placed: no surviving neighbour, or the computed cell is taken or off the grid. */
  readonly unlocated: readonly string[];
}

interface LayoutPlace {
  readonly row: number;
  readonly col: number;
  readonly table: TableId;
}

/** Every name the template defines, where a fresh template puts it; the marker counts as part of 表四 (above it). */
const LAYOUT_PLACES: ReadonlyMap<string, LayoutPlace> = new Map([
  ...SHEET_LAYOUT.cells
    .filter((c) => c.input)
    .map((c) => [c.input!.name, { row: c.row, col: c.col, table: c.input!.table }] as const),
  [TEMPLATE_MARKER_NAME, { row: SHEET_LAYOUT.markerRow, col: 1, table: 'T4' }],
]);

/** The names a repair can recreate, in template order. */
export const REPAIRABLE_NAMES: readonly string[] = [...LAYOUT_PLACES.keys()];

function templateSheet(existing: ReadonlyMap<string, NamePlace>): string | null {
  const counts = new Map<string, number>();
  for (const [name, place] of existing)
    if (LAYOUT_PLACES.has(name)) counts.set(place.sheet, (counts.get(place.sheet) ?? 0) + 1);
  let best: string | null = null;
  for (const [sheet, n] of counts) if (best === null || n > counts.get(best)!) best = sheet;
  return best;
}

/**
 * Plans the repair. `existing` holds the workbook's names that still point at a cell (from the host's listNames);
 * every template name absent from it is recreated when it can be located.
 */
export function planRepair(existing: ReadonlyMap<string, NamePlace>): RepairPlan {
  const sheet = templateSheet(existing);
  if (sheet === null) return { sheet, edits: [], recreated: [], unlocated: [...REPAIRABLE_NAMES] };

  const anchors = [...existing]
    .filter(([name, place]) => place.sheet === sheet && LAYOUT_PLACES.has(name))
    .map(([name, place]) => ({ layout: LAYOUT_PLACES.get(name)!, place }));
  const taken = new Set(anchors.map((a) => rangeA1(a.place.row, a.place.col)));
  const address = new Map<string, string>();
  for (const [name, place] of existing)
    if (place.sheet === sheet && LAYOUT_PLACES.has(name)) address.set(name, rangeA1(place.row, place.col));

  const recreated: RecreatedName[] = [];
  const unlocated: string[] = [];
  for (const [name, target] of LAYOUT_PLACES) {
    if (existing.has(name)) continue;
    const sameTable = anchors.filter((a) => a.layout.table === target.table);
    const pool = sameTable.length > 0 ? sameTable : anchors;
    const distance = (a: (typeof anchors)[number]) =>
      Math.abs(a.layout.row - target.row) * 1000 + Math.abs(a.layout.col - target.col);
    const anchor = pool.reduce((best, a) => (distance(a) < distance(best) ? a : best));
    const row = anchor.place.row + target.row - anchor.layout.row;
    const col = anchor.place.col + target.col - anchor.layout.col;
    const range = row >= 1 && col >= 1 ? rangeA1(row, col) : null;
    if (range === null || taken.has(range)) {
      unlocated.push(name);
      continue;
    }
    taken.add(range);
    address.set(name, range);
    recreated.push({ name, sheet, range });
  }

  const inputAddress = new Map(
    INPUT_CELLS.filter((c) => address.has(c.name)).map((c) => [c.name, address.get(c.name)!]),
  );
  const withPrevious = PREVIOUS_CELLS.some((c) => existing.has(c.name));
  const edits: SheetEdit[] = [
    ...recreated.map((r): SheetEdit => ({ op: 'defineName', name: r.name, sheet: r.sheet, range: r.range })),
    // The cross-year rules too, once last year's block exists (its names are nb_prev_*), each replacing the
    // report-only rule of its cell should that one be what the sheet holds.
    ...planHighlights(
      sheet,
      withPrevious ? ['report', 'previous'] : ['report'],
      inputAddress,
      withPrevious ? { replacing: ['report'] } : {},
    ),
  ];
  return { sheet, edits, recreated, unlocated };
}

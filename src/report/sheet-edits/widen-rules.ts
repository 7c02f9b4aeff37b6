// Fewer, wider highlight rules for a host whose redraw is linear in rules (Univer 0.25.1 looks up, for every cell of
// every frame, its rule list; issue #15): cells whose rules of one style have the same shape (the same formula once
// each defined name is read as an offset from the cell) and that form a rectangle become one rule over the
// rectangle, its formula in relative A1 references anchored at the rectangle's top-left cell, which is how a rule's
// relative references are read by Univer (shared/notes/univer-conditional-formatting.md (d): one relative rule over
// B8:G8 anchored at B8), Office.js (the formula "applies relative to the current range", office-js #5194) and an
// .xlsx file (relative to the top-left cell of the rule's range). Not for WPS: its FormatConditions.Add reads
// relative references against the active cell, like Excel's COM (Microsoft KB 895562), so WPS keeps the per-cell
// rules over defined names. Cells the cross-year rules re-plan (上年数据, replacing their rule by its formula) keep
// their own rule, as does any rule with a name it cannot place on its own sheet.
import { a1, parseRange, rangeA1, type CellRef } from '../layout/a1';
import { NAME_PREFIX } from '../layout/input-cells';
import type { SheetEdit } from './sheet-edit';
import { highlightedCells } from './plan-template';

type Highlight = Extract<SheetEdit, { op: 'conditionalFormat' }>;

/** Where a defined name points: its sheet and its cell. */
export interface NameTarget {
  readonly sheet: string;
  readonly range: string;
}

const NAME = new RegExp(`\\b${NAME_PREFIX}[a-z0-9_]+\\b`, 'g');
/** An offset placeholder in a shape: no formula of ours holds this character. */
const MARK = '\u0001';
const OFFSET = new RegExp(`${MARK}(-?\\d+),(-?\\d+)${MARK}`, 'g');

function cellOf(range: string): CellRef | null {
  const r = parseRange(range);
  return r && r.top === r.bottom && r.left === r.right ? { row: r.top, col: r.left } : null;
}

/** The formula with every name as its offset from `at`, or null when a name is not on `sheet`. */
function shapeOf(e: Highlight, at: CellRef, place: (name: string) => NameTarget | undefined): string | null {
  let ok = true;
  const shape = e.formula.replace(NAME, (name) => {
    const p = place(name);
    const c = p && p.sheet === e.sheet ? cellOf(p.range) : null;
    if (!c) {
      ok = false;
      return name;
    }
    return `${MARK}${c.row - at.row},${c.col - at.col}${MARK}`;
  });
  return ok ? shape : null;
}

/** The shape's formula at `at`, in relative A1 references. */
function formulaAt(shape: string, at: CellRef): string {
  return shape.replace(OFFSET, (_, dr: string, dc: string) => a1(at.row + Number(dr), at.col + Number(dc)));
}

/** Splits cells into rectangles: runs along a row, then rows with the same run stacked below. */
function rectangles(cells: readonly CellRef[]): { top: CellRef; rows: number; cols: number }[] {
  const key = (r: number, c: number) => `${r},${c}`;
  const free = new Set(cells.map((c) => key(c.row, c.col)));
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: { top: CellRef; rows: number; cols: number }[] = [];
  for (const c of sorted) {
    if (!free.has(key(c.row, c.col))) continue;
    let cols = 1;
    while (free.has(key(c.row, c.col + cols))) cols++;
    let rows = 1;
    const rowFree = (r: number) => Array.from({ length: cols }, (_, i) => key(r, c.col + i)).every((k) => free.has(k));
    while (rowFree(c.row + rows)) rows++;
    for (let r = 0; r < rows; r++) for (let i = 0; i < cols; i++) free.delete(key(c.row + r, c.col + i));
    out.push({ top: c, rows, cols });
  }
  return out;
}

/** The ranges with their one-cell ranges gathered into rectangles (a number check holds the same over either). */
export function rectanglesOf(ranges: readonly string[]): string[] {
  const cells = ranges.map(cellOf);
  const single = cells.filter((c): c is CellRef => c !== null);
  return [
    ...ranges.filter((_, i) => cells[i] === null),
    ...rectangles(single).map((r) => rangeA1(r.top.row, r.top.col, r.rows, r.cols)),
  ];
}

/**
 * The same highlights with same-shaped neighbouring one-cell rules of one style merged into one rule per rectangle,
 * and every one-cell rule's names on its own sheet written as relative A1 references.
 * `names` places the defined names the formulas use (those a `defineName` edit of the list places are added).
 * Other edits, and rules left as they were, keep their order; a merged rule stands where its top-left cell's stood.
 * Number checks (validation edits) likewise go over rectangles of their cells: Univer looks each cell's check up
 * in a tree of their ranges on every redraw.
 */
export function widenRules(
  edits: readonly SheetEdit[],
  names: ReadonlyMap<string, NameTarget> = new Map(),
): SheetEdit[] {
  const placed = new Map(names);
  for (const e of edits) if (e.op === 'defineName') placed.set(e.name, { sheet: e.sheet, range: e.range });
  const previous = highlightedCells('previous');
  const groups = new Map<string, { edits: Highlight[]; cells: CellRef[]; shape: string }>();
  const groupOf = new Map<Highlight, string>();
  for (const e of edits) {
    if (e.op !== 'conditionalFormat' || e.ranges.length !== 1 || e.replaces) continue;
    const at = cellOf(e.ranges[0]);
    if (!at || previous.has(e.id.slice(e.id.indexOf(':') + 1))) continue;
    const shape = shapeOf(e, at, (n) => placed.get(n));
    // No name of its own sheet in it (none, or written in A1 already): nothing to read relative to the cell.
    if (shape === null || !shape.includes(MARK)) continue;
    const key = `${e.sheet}\n${e.style}\n${shape}`;
    const g = groups.get(key) ?? groups.set(key, { edits: [], cells: [], shape }).get(key)!;
    g.edits.push(e);
    g.cells.push(at);
    groupOf.set(e, key);
  }
  // Each rectangle stands where its top-left cell's rule stood; its other cells' rules go. So a second pass
  // over the result changes nothing (the page widens its start-up plan, then the host what it applies).
  const becomes = new Map<SheetEdit, SheetEdit | null>();
  for (const g of groups.values()) {
    const byCell = new Map(g.edits.map((x, i) => [`${g.cells[i].row},${g.cells[i].col}`, x]));
    for (const x of g.edits) becomes.set(x, null);
    for (const r of rectangles(g.cells)) {
      const first = byCell.get(`${r.top.row},${r.top.col}`)!;
      // A lone cell keeps its rule, its names read as plain references too: Univer resolves every defined name
      // of every rule when it builds its formula dependencies (1.6 s of a start-up, issue #15).
      becomes.set(first, {
        ...first,
        ranges: [rangeA1(r.top.row, r.top.col, r.rows, r.cols)],
        formula: formulaAt(g.shape, r.top),
        id: r.rows * r.cols === 1 ? first.id : `${first.id}+${r.rows * r.cols - 1}`,
      });
    }
  }
  const out: SheetEdit[] = [];
  for (const e of edits) {
    if (e.op === 'validation') out.push({ ...e, ranges: rectanglesOf(e.ranges) });
    else if (!becomes.has(e)) out.push(e);
    else if (becomes.get(e)) out.push(becomes.get(e)!);
  }
  return out;
}

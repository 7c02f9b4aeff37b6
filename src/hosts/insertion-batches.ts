// The retry plan of an insertion that failed as one batch (issue #10): the structure (sheets, labels, formats,
// names, validation, print setup) in one batch, the highlight rules in small batches that keep each cell's rules
// together (a failed batch is cleared cell by cell, then halved), and protection with activation last. Host-neutral.
import type { SheetEdit } from '../report';

/** Cells per highlight batch on the retry: small enough that halving reaches a single cell in a few steps. */
export const RULE_BATCH_CELLS = 32;

export interface InsertionBatches {
  readonly structure: readonly SheetEdit[];
  /** Batches of cells, each cell with all its rules in plan order. */
  readonly rules: readonly (readonly (readonly SheetEdit[])[])[];
  readonly finish: readonly SheetEdit[];
}

export function insertionBatches(edits: readonly SheetEdit[]): InsertionBatches {
  const byCell = new Map<string, SheetEdit[]>();
  for (const e of edits)
    if (e.op === 'conditionalFormat') {
      const key = `${e.sheet}!${e.ranges.join(',')}`;
      byCell.set(key, [...(byCell.get(key) ?? []), e]);
    }
  const cells = [...byCell.values()];
  const rules: SheetEdit[][][] = [];
  for (let i = 0; i < cells.length; i += RULE_BATCH_CELLS) rules.push(cells.slice(i, i + RULE_BATCH_CELLS));
  return {
    structure: edits.filter((e) => e.op !== 'conditionalFormat' && e.op !== 'protect'),
    rules,
    finish: edits.filter((e) => e.op === 'protect'),
  };
}

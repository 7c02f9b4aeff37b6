// Which cells of the 2021 format a 汇总 (roll-up) adds up. Every table figure is a count of documents, applications,
// cases or an amount of money for one agency, and the region's figure is their sum (spec §表二–表四: 件/万元 per
// agency); 表二 现行有效件数 too (each agency's documents in force are distinct documents). What names the report —
// 机关名称 and 年度 — is the parent's own, given to the roll-up, never a sum.
import type { InputCell, InputKind } from '../layout/input-cells';

export type RollupRole = 'sum' | 'parent';

/** By input kind: counts and amounts add up; the agency text and the year are the parent's. */
export const ROLLUP_ROLE_BY_KIND: Readonly<Record<InputKind, RollupRole>> = {
  count: 'sum',
  amount: 'sum',
  text: 'parent',
  year: 'parent',
};

export const rollupRole = (cell: InputCell): RollupRole => ROLLUP_ROLE_BY_KIND[cell.kind];

/** The cells a roll-up of a format sums (of its input cells, in their order). */
export function additiveCells(inputCells: readonly InputCell[]): InputCell[] {
  return inputCells.filter((c) => rollupRole(c) === 'sum');
}

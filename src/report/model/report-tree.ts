// The report as a tree of values (report → table → row → column), built from host values without zod: what
// `reportFromValues` hands to the schema, and what `nianbao validate` reads prose against (zod stays out of its
// bundle: test/xlsx-reader/validate-bundle.test.ts). A cell whose content is not valid for its kind is left null
// and listed, never coerced (a text "２" stays an issue that offers 2, not a 2).
import type { InputCell } from '../layout/input-cells';
import { BLANK, displayContent, type CellContent } from './cell-content';
import { checkContent, type CellProblem } from './value-checks';

export type ReportValue = number | string | null;

export interface CellIssue {
  readonly cell: InputCell;
  readonly content: CellContent;
  readonly problem: CellProblem;
}

export function pathOf(cell: InputCell): string[] {
  return cell.table === 'META' ? [cell.rowId] : [cell.table.toLowerCase(), cell.rowId, cell.columnId];
}

/** The value tree of `values` (in `inputCells` order) and the cells whose content is not valid for their kind. */
export function valueTree(
  values: readonly CellContent[],
  inputCells: readonly InputCell[],
): { tree: Record<string, unknown>; issues: CellIssue[] } {
  const tree: Record<string, unknown> = {};
  const issues: CellIssue[] = [];
  inputCells.forEach((cell, i) => {
    const content = values[i] ?? BLANK;
    const problem = checkContent(cell.kind, content);
    if (problem) issues.push({ cell, content, problem });
    let value: ReportValue = null;
    if (!problem && cell.kind === 'text') {
      value = content.kind === 'blank' ? null : displayContent(content);
    } else if (!problem) {
      if (content.kind === 'number') value = content.value;
      else if (content.kind === 'text' && content.text.length > 0) value = content.text;
      else if (content.kind === 'date') value = content.iso;
    }
    const path = pathOf(cell);
    let node = tree;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]] = value;
  });
  return { tree, issues };
}

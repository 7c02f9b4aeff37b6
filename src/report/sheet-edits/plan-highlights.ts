// Conditional formats per cell, not per check: a cell's checks of one style (error, warning, blank) become one rule
// whose formula is the OR of theirs, so no cell carries more than one rule of each style, and a cell that would
// carry all three (表二 现行有效件数: its own-value error, the T2/X.inforce warnings, blank) has its blank check
// folded into its warning rule, so no cell carries more than MAX_RULES_PER_CELL. WPS documents at most 3
// conditional formats per range and StopIfTrue on for rules added from code (shared/notes/wps-addin.md, issue #10),
// and every host recalculates fewer rules. A leaf module (supplement.ts uses it): rule records in, edits out.
import type { Rule } from '../rules/rule';
import { checkFormula, combineFormulas } from '../rules/to-formula';
import { HIGHLIGHT_ORDER, type HighlightKind, type SheetEdit } from './sheet-edit';

export interface CellHighlightOptions {
  /** Plan only these cells' rules (defined names): 上年数据 re-plans the cells its cross-year rules add to. */
  readonly only?: ReadonlySet<string>;
  /** Each rule replaces the one these rules alone would give the same cell and style (when it differs). */
  readonly replacing?: readonly Rule[];
}

type CellFormulas = Map<string, Record<HighlightKind, string[]>>;

/** At most this many rules on any cell: one under WPS's documented 3 per range. */
export const MAX_RULES_PER_CELL = 2;

/**
 * The style a cell's blank check paints: 'blank', or 'warning' on a cell that also has error and warning checks
 * (its blank check rides in the amber rule; red still wins, being first).
 */
export function blankStyleOf(rules: readonly Rule[]): (cell: string) => HighlightKind {
  const byCell = formulasByCell(rules);
  return (cell) => (byCell.get(cell)?.folded ? 'warning' : 'blank');
}

/** Per highlighted cell, the formulas of its checks by style, in rule order, the blank folded where needed. */
function formulasByCell(rules: readonly Rule[]): Map<string, Record<HighlightKind, string[]> & { folded?: true }> {
  const byCell = collectFormulas(rules);
  for (const entry of byCell.values())
    if (entry.error.length && entry.warning.length && entry.blank.length) {
      entry.warning.push(...entry.blank);
      entry.blank = [];
      (entry as { folded?: true }).folded = true;
    }
  return byCell;
}

function collectFormulas(rules: readonly Rule[]): CellFormulas {
  const byCell: CellFormulas = new Map();
  for (const rule of rules)
    for (const check of rule.checks) {
      const style: HighlightKind = rule.id === 'blank' ? 'blank' : rule.severity;
      for (const cell of check.highlight) {
        let entry = byCell.get(cell);
        if (!entry) byCell.set(cell, (entry = { error: [], warning: [], blank: [] }));
        entry[style].push(checkFormula(check));
      }
    }
  return byCell;
}

/**
 * The rules' conditional formats: every error rule first, then warnings, then blanks (priority in that order), so
 * red wins on any cell. `address` maps a defined name to its cell; a cell without an address is left out.
 */
export function planCellHighlights(
  sheet: string,
  rules: readonly Rule[],
  address: ReadonlyMap<string, string>,
  options: CellHighlightOptions = {},
): SheetEdit[] {
  const byCell = formulasByCell(rules);
  const before = options.replacing ? formulasByCell(options.replacing) : null;
  const edits: SheetEdit[] = [];
  for (const style of HIGHLIGHT_ORDER)
    for (const [cell, formulas] of byCell) {
      const at = address.get(cell);
      if (at === undefined || formulas[style].length === 0 || (options.only && !options.only.has(cell))) continue;
      const formula = combineFormulas(formulas[style]);
      const old = before?.get(cell)?.[style];
      const replaced = old?.length ? combineFormulas(old) : null;
      edits.push({
        op: 'conditionalFormat',
        sheet,
        ranges: [at],
        formula,
        style,
        priority: edits.length + 1,
        id: `${style}:${cell}`,
        ...(replaced !== null && replaced !== formula ? { replaces: [replaced] } : {}),
      });
    }
  return edits;
}

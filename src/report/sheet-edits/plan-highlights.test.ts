// The highlight rules of the whole plan (template, 补充信息, 上年数据) hold every host's limits with margin:
// WPS documents at most 3 conditional formats per range and StopIfTrue on for rules added from code (issue #10),
// so a cell gets at most MAX_RULES_PER_CELL (2) rules — one error and one warning or blank — errors first; every
// formula stays under the cap.
import { INPUT_CELLS } from '../layout/input-cells';
import { planSupplement } from '../layout/supplement';
import { MAX_RULE_FORMULA_LENGTH } from '../rules/to-formula';
import { planInsertion } from './plan-insertion';
import { planPrevious } from './plan-previous';
import { MAX_RULES_PER_CELL } from './plan-highlights';
import { planHighlights, templateAddress } from './plan-template';
import type { SheetEdit } from './sheet-edit';

type Cf = Extract<SheetEdit, { op: 'conditionalFormat' }>;
const cfs = (edits: readonly SheetEdit[]): Cf[] => edits.flatMap((e) => (e.op === 'conditionalFormat' ? [e] : []));

/** The rules each cell ends up with after the edits, a rule replacing those with its formula or `replaces`. */
function rulesPerCell(edits: readonly SheetEdit[]): Map<string, Cf[]> {
  const cells = new Map<string, Cf[]>();
  for (const e of cfs(edits))
    for (const r of e.ranges) {
      const key = `${e.sheet}!${r}`;
      const gone = new Set([e.formula, ...(e.replaces ?? [])]);
      cells.set(key, [...(cells.get(key) ?? []).filter((x) => !gone.has(x.formula)), e]);
    }
  return cells;
}

const insertion = planInsertion({ sheets: [], names: [] }, { agency: '某局', year: 2025 }).edits;
const withPrevious = [...insertion, ...planPrevious([], { priorityBase: cfs(insertion).length })];

describe('the highlight plan', () => {
  it('gives no cell more than one rule of each style, error first, even after 上年数据 is added', () => {
    const perCell = rulesPerCell(withPrevious);
    expect(perCell.size).toBeGreaterThan(INPUT_CELLS.length);
    for (const [cell, rules] of perCell) {
      const styles = rules.map((r) => r.style);
      expect({ cell, styles: [...new Set(styles)] }).toEqual({ cell, styles });
      expect({ cell, count: rules.length }).toEqual({ cell, count: Math.min(rules.length, 2) });
      expect(rules.length).toBeLessThanOrEqual(MAX_RULES_PER_CELL);
      const order = [...rules].sort((a, b) => a.priority - b.priority).map((r) => r.style);
      expect(order).toEqual(['error', 'warning', 'blank'].filter((s) => order.includes(s as Cf['style'])));
    }
  });

  it('folds the blank check of 表二 现行有效件数 (error, warning and blank checks) into its warning rule', () => {
    const inforce = INPUT_CELLS.filter((c) => c.table === 'T2' && c.columnId === 'inforce');
    expect(inforce.length).toBeGreaterThanOrEqual(2);
    for (const plan of [insertion, withPrevious])
      for (const c of inforce) {
        const rules = rulesPerCell(plan).get(`年报!${templateAddress(c)}`)!;
        expect(rules.map((r) => r.style)).toEqual(['error', 'warning']);
        // The warning rule holds the blank check (LEN(…)=0 of the cell), after the T2.inforce comparison.
        expect(rules[1].formula).toMatch(
          new RegExp(`^OR\\(.*,IF\\(NOT\\(ISERROR\\(${c.name}\\)\\),LEN\\(${c.name}\\)=0\\)\\)$`),
        );
      }
  });

  it('OR-combines a cell with several error checks into one rule: the grand total cell', () => {
    const total = templateAddress(INPUT_CELLS.find((c) => c.name === 'nb_t3_total_total')!);
    const rules = rulesPerCell(insertion).get(`年报!${total}`)!;
    expect(rules.map((r) => r.style)).toEqual(['error', 'blank']);
    // type.count, T3.row:total and T3.results:total.
    expect(rules[0].formula).toMatch(
      /^OR\(OR\(IFERROR\(ISFORMULA\(nb_t3_total_total\),0\).*,IF\(COUNT\(.*,IF\(COUNT\(/,
    );
  });

  it('keeps every formula of the plan under MAX_RULE_FORMULA_LENGTH', () => {
    const all = cfs([...withPrevious, ...planSupplement(), ...planHighlights('年报')]);
    const longest = Math.max(...all.map((e) => e.formula.length));
    expect(longest).toBeLessThanOrEqual(MAX_RULE_FORMULA_LENGTH);
    // The cap is not vacuous: the grand total's rule is the longest and is over half of it.
    expect(longest).toBeGreaterThan(MAX_RULE_FORMULA_LENGTH / 2);
  });

  it('paints a formula typed into any number input red (ISFORMULA, guarded so a host without it still works)', () => {
    const errorRules = cfs(insertion).filter((e) => e.style === 'error' && e.sheet === '年报');
    const numberInputs = INPUT_CELLS.filter((c) => c.table !== 'SUP' && c.kind !== 'text');
    for (const c of numberInputs) {
      const rule = errorRules.find((e) => e.id === `error:${c.name}`);
      expect(rule?.formula).toContain(`IFERROR(ISFORMULA(${c.name}),0)`);
    }
  });
});

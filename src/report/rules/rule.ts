// The small vocabulary every rule is written in. A rule is data (Arelle-style): the evaluator
// (evaluate-rules.ts) and the formula compiler (to-formula.ts) are two interpreters of the same records.
import type { InputKind } from '../model/value-checks';

export type Severity = 'error' | 'warning';

/** The N.* family: numbers the narrative restates, found by reading text (narrative/check-narrative.ts). */
export const NARRATIVE_RULE_IDS = [
  'N.apply',
  'N.carry',
  'N.done',
  'N.next',
  'N.result',
  'N.review',
  'N.litigation',
  'N.open',
  'N.openparts',
  'N.fee',
  'N.supervision',
] as const;

export const RULE_IDS = [
  'T3.row',
  'T3.results',
  'T3.balance',
  'T4.sum',
  'type.count',
  'type.amount',
  'type.year',
  'blank',
  'T2.inforce',
  'X.carry',
  'X.inforce',
  'template.merged',
  // 补充信息 (layout/supplement.ts) and the narrative (narrative/narrative-rules.ts).
  'S.type',
  'S.sum',
  ...NARRATIVE_RULE_IDS,
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** A cell in a relation, by defined name, with the sign it enters a sum with. */
export interface Term {
  readonly name: string;
  readonly sign: 1 | -1;
}

export type Relation =
  /**
   * Σ left (op) Σ right, asserted only once every cell is a number (until then it is 未填完, not broken); with
   * `blankIsZero`, once every `required` cell is a number and the others are numbers or blank (blank = 0).
   * Broken means: not equal (eq) or left below right (ge).
   */
  | {
      readonly kind: 'compare';
      readonly left: readonly Term[];
      readonly op: 'eq' | 'ge';
      readonly right: readonly Term[];
      readonly required?: readonly string[];
      /** A breakdown that may list fewer parts than it has cells (补充信息's categories). */
      readonly blankIsZero?: boolean;
    }
  /** The cell holds a valid value of its kind, or is blank. */
  | { readonly kind: 'cellType'; readonly name: string; readonly expect: InputKind }
  /** The cell is not blank. */
  | { readonly kind: 'filled'; readonly name: string };

/** One instance of a rule: a relation over named cells, the cells to highlight, and words for its message. */
export interface Check {
  readonly rule: RuleId;
  /** Unique within the rule, e.g. the row or column id. */
  readonly key: string;
  readonly relation: Relation;
  /** Where the highlight goes (the conditional format's range). */
  readonly highlight: readonly string[];
  /** Labels the message template fills in ({row}, {column}, {cell}). */
  readonly subject: Readonly<Record<string, string>>;
}

/** Which data a rule needs: the report alone, or last year's figures too. */
export type RuleScope = 'report' | 'previous';

export interface Rule {
  readonly id: RuleId;
  readonly severity: Severity;
  readonly scope: RuleScope;
  /** One line in Chinese: what the rule asks. */
  readonly title: string;
  /** The clause of the format (or the reasoning) it rests on. */
  readonly basis: string;
  readonly checks: readonly Check[];
}

export function relationCells(r: Relation): string[] {
  if (r.kind !== 'compare') return [r.name];
  return [...new Set([...r.left, ...r.right].map((t) => t.name))];
}

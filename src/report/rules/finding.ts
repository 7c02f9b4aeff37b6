import type { ProblemCode } from '../model/value-checks';
import type { RuleId, Severity } from './rule';

/** One broken check, ready to show: the data first, the Chinese sentence rendered from it. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** The check's key within its rule (row or column id, or the cell's name). */
  readonly key: string;
  /** Defined names: the highlighted cell(s) first, then every other cell the relation reads. */
  readonly cells: readonly string[];
  readonly message: string;
  readonly left?: number;
  readonly right?: number;
  readonly problem?: ProblemCode;
  /** A value the user may accept for the first cell; never written without the user. */
  readonly fix?: number;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1 };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** Errors before warnings, otherwise in rule-catalog order (stable). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

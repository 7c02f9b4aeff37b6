// The audit's totals: files, unreadable, with errors, and per rule how many files break it.
import { RULE_BY_ID, type Severity } from '../../report';
import type { AuditRow } from './audit-row';

export interface AuditSummary {
  readonly files: number;
  readonly unreadable: number;
  readonly withErrors: number;
  readonly passed: number;
  /** Warnings dismissed with a reason, over all files (not in `rules`). */
  readonly dismissed: number;
  /** Files already in the CSV given to --resume, counted above but not checked again. */
  readonly resumed: number;
  /** Per rule: how many files break it and how many findings in all. */
  readonly rules: readonly { rule: string; severity: Severity; title: string; files: number; findings: number }[];
}

/** What a row of an earlier run (read back from its CSV) adds to the totals. */
export interface ResumedRow {
  readonly errors: number;
  readonly dismissed: number;
  readonly unreadable: boolean;
}

export class AuditTally {
  files = 0;
  unreadable = 0;
  withErrors = 0;
  dismissed = 0;
  resumed = 0;
  private readonly ruleFiles = new Map<string, number>();
  private readonly ruleFindings = new Map<string, number>();

  add(row: AuditRow): void {
    this.count({ errors: row.errors, dismissed: row.dismissed, unreadable: row.error !== null });
    for (const [rule, n] of Object.entries(row.rules)) {
      this.ruleFiles.set(rule, (this.ruleFiles.get(rule) ?? 0) + 1);
      this.ruleFindings.set(rule, (this.ruleFindings.get(rule) ?? 0) + n);
    }
  }

  addResumed(row: ResumedRow): void {
    this.resumed++;
    this.count(row);
  }

  private count(row: ResumedRow): void {
    this.files++;
    this.dismissed += row.dismissed;
    if (row.unreadable) this.unreadable++;
    else if (row.errors > 0) this.withErrors++;
  }

  summary(): AuditSummary {
    const rules = [...this.ruleFiles.keys()].map((rule) => {
      const r = RULE_BY_ID.get(rule as Parameters<typeof RULE_BY_ID.get>[0]);
      return {
        rule,
        severity: r?.severity ?? 'error',
        title: r?.title ?? rule,
        files: this.ruleFiles.get(rule)!,
        findings: this.ruleFindings.get(rule)!,
      };
    });
    rules.sort((a, b) => (a.severity === b.severity ? b.files - a.files : a.severity === 'error' ? -1 : 1));
    return {
      files: this.files,
      unreadable: this.unreadable,
      withErrors: this.withErrors,
      passed: this.files - this.unreadable - this.withErrors,
      dismissed: this.dismissed,
      resumed: this.resumed,
      rules,
    };
  }
}

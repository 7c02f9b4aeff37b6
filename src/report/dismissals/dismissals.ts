// Warnings dismissed with a reason ("X.inforce: documents lapsed"), kept in the workbook as JSON in the named
// text cell nb_sup_dismissals of 补充信息. A dismissal is bound to its finding's fingerprint (fingerprint.ts): it
// holds while the cells it read keep their values and lapses by itself when one changes. Errors, and blank-cell
// reminders (fill 0 instead), cannot be dismissed.
import { BLANK, type CellContent } from '../model/cell-content';
import type { Finding } from '../rules/finding';
import { fingerprint } from './fingerprint';

export interface Dismissal {
  readonly rule: string;
  readonly key: string;
  /** fingerprint() of the finding when it was dismissed. */
  readonly fingerprint: string;
  readonly reason: string;
  /** When it was dismissed (ISO 8601), for the record. */
  readonly at: string;
}

export const DISMISSAL_LIMITS = {
  /** A reason is a sentence, not an essay. */
  reasonChars: 200,
  /** Excel holds at most 32,767 characters in a cell. */
  cellChars: 32_767,
} as const;

const FORMAT_VERSION = 1;

export type DismissalsRead =
  | { readonly ok: true; readonly dismissals: readonly Dismissal[] }
  | { readonly ok: false; readonly dismissals: readonly Dismissal[]; readonly problem: string };

const isDismissal = (d: unknown): d is Dismissal => {
  if (typeof d !== 'object' || d === null) return false;
  const r = d as Record<string, unknown>;
  return ['rule', 'key', 'fingerprint', 'reason', 'at'].every((k) => typeof r[k] === 'string');
};

/** The dismissals a cell holds; a cell that is not ours to read (edited by hand) is no dismissals and a problem. */
export function readDismissals(cell: CellContent = BLANK): DismissalsRead {
  if (cell.kind === 'blank' || (cell.kind === 'text' && cell.text.trim() === '')) return { ok: true, dismissals: [] };
  const problem = '「已忽略的提示」单元格的内容无法识别（可能被手工修改过），其中的忽略记录均未生效';
  if (cell.kind !== 'text') return { ok: false, dismissals: [], problem };
  try {
    const parsed = JSON.parse(cell.text) as { v?: unknown; dismissals?: unknown };
    if (parsed.v !== FORMAT_VERSION || !Array.isArray(parsed.dismissals)) return { ok: false, dismissals: [], problem };
    return { ok: true, dismissals: parsed.dismissals.filter(isDismissal) };
  } catch {
    return { ok: false, dismissals: [], problem };
  }
}

/** The cell text for a list of dismissals (blank when there are none). */
export function writeDismissals(dismissals: readonly Dismissal[]): string | null {
  if (dismissals.length === 0) return null;
  return JSON.stringify({ v: FORMAT_VERSION, dismissals });
}

/** Why a finding cannot be dismissed, or null when it can. */
export function cannotDismiss(finding: Finding): string | null {
  if (finding.severity === 'error') return '错误不能忽略，请改正相应的数字';
  if (finding.rule === 'blank') return '空白单元格不能忽略：没有发生的事项请填 0';
  return null;
}

export type DismissOutcome =
  { readonly ok: true; readonly dismissals: readonly Dismissal[] } | { readonly ok: false; readonly reason: string };

const sameCheck = (d: Pick<Dismissal, 'rule' | 'key'>, f: Pick<Finding, 'rule' | 'key'>) =>
  d.rule === f.rule && d.key === f.key;

/** The list with `finding` dismissed for `reason` (replacing an earlier dismissal of the same check). */
export function dismiss(
  dismissals: readonly Dismissal[],
  finding: Finding,
  values: readonly CellContent[],
  reason: string,
  at: Date = new Date(),
): DismissOutcome {
  const refused = cannotDismiss(finding);
  if (refused) return { ok: false, reason: refused };
  const text = reason.trim();
  if (text === '') return { ok: false, reason: '请写明忽略这条提示的理由' };
  if (text.length > DISMISSAL_LIMITS.reasonChars)
    return { ok: false, reason: `理由不超过 ${DISMISSAL_LIMITS.reasonChars} 个字` };
  const next: Dismissal[] = [
    ...dismissals.filter((d) => !sameCheck(d, finding)),
    {
      rule: finding.rule,
      key: finding.key,
      fingerprint: fingerprint(finding, values),
      reason: text,
      at: at.toISOString(),
    },
  ];
  if ((writeDismissals(next) ?? '').length > DISMISSAL_LIMITS.cellChars)
    return { ok: false, reason: '已忽略的提示过多，单元格放不下，请先恢复一些' };
  return { ok: true, dismissals: next };
}

/** The list without any dismissal of `finding`'s check. */
export function undismiss(dismissals: readonly Dismissal[], finding: Pick<Finding, 'rule' | 'key'>): Dismissal[] {
  return dismissals.filter((d) => !sameCheck(d, finding));
}

export interface AppliedDismissals {
  /** The findings that stand (every error; warnings not dismissed, or whose cells changed since). */
  readonly standing: readonly Finding[];
  /** Warnings dismissed, with the reason, in the order of `findings`. */
  readonly dismissed: readonly { readonly finding: Finding; readonly reason: string }[];
}

/** Splits findings into those that stand and the warnings a still-valid dismissal covers. */
export function applyDismissals(
  findings: readonly Finding[],
  values: readonly CellContent[],
  dismissals: readonly Dismissal[],
): AppliedDismissals {
  if (dismissals.length === 0) return { standing: findings, dismissed: [] };
  const standing: Finding[] = [];
  const dismissed: { finding: Finding; reason: string }[] = [];
  for (const f of findings) {
    const d = cannotDismiss(f) ? undefined : dismissals.find((x) => sameCheck(x, f));
    if (d && d.fingerprint === fingerprint(f, values)) dismissed.push({ finding: f, reason: d.reason });
    else standing.push(f);
  }
  return { standing, dismissed };
}

// Whether one input cell holds what the format asks for. The zod schemas in report-schema.ts say the same thing
// declaratively; these are the fast path the evaluator runs on every edit, and a test proves the two agree.
import type { CellContent } from './cell-content';

/** What an input cell holds: a count (件), an amount (万元), a text (机关名称) or a year. */
export type InputKind = 'count' | 'amount' | 'text' | 'year';

export const MAX_COUNT = 99_999_999;
export const MAX_AMOUNT = 99_999_999;
export const AMOUNT_DECIMALS = 4;
export const FIRST_YEAR = 2021;
export const LAST_YEAR = 2100;

export type ProblemCode =
  | 'formula'
  | 'error'
  | 'date'
  | 'bool'
  | 'text'
  | 'textNumber'
  | 'fullWidth'
  | 'withUnit'
  | 'negative'
  | 'fraction'
  | 'tooLarge'
  | 'tooManyDecimals'
  | 'yearRange';

export interface CellProblem {
  readonly code: ProblemCode;
  /** A value the pane may offer to write instead (never applied without the user). */
  readonly fix?: number;
}

/** Normalises a text that looks like a number: full-width digits, spaces, thousands separators, a unit. */
export function numberInText(text: string): { value: number; code: 'textNumber' | 'fullWidth' | 'withUnit' } | null {
  const folded = text.normalize('NFKC');
  const fullWidth = folded !== text;
  let s = folded.trim().replace(/[,，]/g, '');
  let unit = false;
  const unitMatch = /^(-?\d+(?:\.\d+)?)\s*(件|条|个|次|万元|元|项)$/.exec(s);
  if (unitMatch) {
    s = unitMatch[1];
    unit = true;
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const value = Number(s);
  if (!Number.isFinite(value)) return null;
  return { value, code: unit ? 'withUnit' : fullWidth ? 'fullWidth' : 'textNumber' };
}

export function decimalsOf(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]) + (s.split('e')[0].split('.')[1]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}

export function checkNumber(kind: InputKind, n: number): CellProblem | null {
  switch (kind) {
    case 'count':
      if (n < 0) return { code: 'negative' };
      if (!Number.isInteger(n)) return { code: 'fraction' };
      if (n > MAX_COUNT) return { code: 'tooLarge' };
      return null;
    case 'amount':
      if (n < 0) return { code: 'negative' };
      if (n > MAX_AMOUNT) return { code: 'tooLarge' };
      if (decimalsOf(n) > AMOUNT_DECIMALS) return { code: 'tooManyDecimals' };
      return null;
    case 'year':
      if (!Number.isInteger(n) || n < FIRST_YEAR || n > LAST_YEAR) return { code: 'yearRange' };
      return null;
    case 'text':
      return null;
  }
}

/** The problem with a non-blank input cell, or null when it holds a valid value. */
export function checkContent(kind: InputKind, c: CellContent): CellProblem | null {
  if (c.formula !== undefined && kind !== 'text') return { code: 'formula' };
  switch (c.kind) {
    case 'blank':
      return null;
    case 'number':
      return checkNumber(kind, c.value);
    case 'error':
      return { code: 'error' };
    case 'date':
      return kind === 'text' ? null : { code: 'date' };
    case 'bool':
      return kind === 'text' ? null : { code: 'bool' };
    case 'text': {
      if (kind === 'text' || c.text.length === 0) return null;
      const parsed = numberInText(c.text);
      if (!parsed) return { code: 'text' };
      const valid = checkNumber(kind, parsed.value) === null;
      return valid ? { code: parsed.code, fix: parsed.value } : { code: parsed.code };
    }
  }
}

/** Blank as the format means it: nothing, or only an empty string. */
export function isBlank(c: CellContent): boolean {
  return c.kind === 'blank' || (c.kind === 'text' && c.text.length === 0);
}

// Which fill a cell shows, for hosts whose conditional formats we hold as data but cannot watch being drawn (an
// ExcelJS workbook, the Office.js fake, the ET double): the rules that cover the cell, in the host's priority
// order, are evaluated by a real formula engine (HyperFormula, test-only) over the cells the names point at; the
// first rule that is TRUE paints the cell, as in Excel ("when rules conflict, the rule higher in precedence
// applies", https://support.microsoft.com/office/manage-conditional-formatting-rule-precedence-e09711a3-48df-4bcb-b82c-9d8b8b22463d).
import { HyperFormula } from 'hyperformula';

export type RawValue = string | number | boolean | null;

export interface StoredRule {
  /** As the host stores it, with or without the leading '=' (an .xlsx adds _xlfn. to newer functions). */
  readonly formula: string;
  /** "RRGGBB", or null for a rule that sets no fill. */
  readonly fill: string | null;
}

const NAME = /\bnb_[a-z0-9_]+\b/g;

function toEngine(v: RawValue | undefined): string | number | boolean | null {
  if (v === undefined) return '=NA()'; // a name that points nowhere: #NAME? in the rule, as Excel evaluates it
  if (typeof v === 'string') return v === '' ? null : `'${v}`;
  return v;
}

/** `valueOf` gives the raw value of the cell a name points at (undefined when the name is missing). */
export function shownFill(
  rules: readonly StoredRule[],
  valueOf: (name: string) => RawValue | undefined,
): string | null {
  if (rules.length === 0) return null;
  const formulas = rules.map((r) => r.formula.replace(/^=/, '').replace(/_xlfn\./g, ''));
  const names = [...new Set(formulas.flatMap((f) => f.match(NAME) ?? []))];
  const at = new Map(names.map((n, i) => [n, `In!$A$${i + 1}`]));
  const hf = HyperFormula.buildFromSheets(
    {
      In: names.length ? names.map((n) => [toEngine(valueOf(n))]) : [[null]],
      Out: formulas.map((f) => [`=${f.replace(NAME, (n) => at.get(n)!)}`]),
    },
    { licenseKey: 'gpl-v3' },
  );
  try {
    const out = hf.getSheetValues(hf.getSheetId('Out')!);
    const first = rules.findIndex((r, i) => out[i][0] === true && r.fill !== null);
    return first < 0 ? null : rules[first].fill!.replace(/^#/, '').toUpperCase();
  } finally {
    hf.destroy();
  }
}

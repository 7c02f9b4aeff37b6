// The spreadsheet interpreter of the rule records: each check becomes a formula over the defined names that is
// TRUE exactly where the evaluator reports it broken. Every formula is total (never an error value), because
// a conditional format whose formula errors highlights nothing: guards use IF and COUNT, never AND/OR around
// something that can fail (shared/notes/conditional-formatting.md). No TRUE/FALSE literals either: an IF
// without its else-branch already gives FALSE, and some engines (HyperFormula) have the two only as functions.
// Because each check's formula is total, the OR of several is total too: a cell's checks of one severity become
// one rule (combineFormulas), so no cell carries more than one error and one warning rule.
import { AMOUNT_DECIMALS, FIRST_YEAR, LAST_YEAR, MAX_AMOUNT, MAX_COUNT, type InputKind } from '../model/value-checks';
import { relationCells, type Check, type Relation, type Term } from './rule';

/**
 * The longest rule formula we plan (without its '='). Excel takes 8,192 characters in a formula
 * (https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3);
 * WPS documents no limit for FormatConditions.Add, so we stay at a quarter of Excel's, and a test checks every
 * formula of the whole plan against this cap.
 */
export const MAX_RULE_FORMULA_LENGTH = 2048;

/** `bare`: a single cell needs no SUM, once the guard has made sure it is a number (not blank). */
function sumOf(terms: readonly Term[], bare = true): string {
  // Stryker disable next-line EqualityOperator: equivalent: a Term's sign is 1 or -1, never 0
  const pos = terms.filter((t) => t.sign > 0).map((t) => t.name);
  // Stryker disable next-line EqualityOperator: equivalent: a Term's sign is 1 or -1, never 0
  const neg = terms.filter((t) => t.sign < 0).map((t) => t.name);
  const p = bare && pos.length === 1 && neg.length === 0 ? pos[0] : pos.length ? `SUM(${pos.join(',')})` : '0';
  return neg.length ? `${p}-SUM(${neg.join(',')})` : p;
}

/**
 * TRUE when the cell holds a formula. ISFORMULA is in Excel 2013+, LibreOffice, WPS and Univer 0.25.1
 * (engine-formula registers Isformula); a host without it gives #NAME?, which IFERROR turns into 0 (not red),
 * so the rest of the cell's rule still works there.
 */
export function formulaTest(x: string): string {
  return `IFERROR(ISFORMULA(${x}),0)`;
}

function typeTest(x: string, kind: InputKind): string {
  const number = {
    count: `OR(${x}<0,${x}<>INT(${x}),${x}>${MAX_COUNT})`,
    amount: `OR(${x}<0,${x}>${MAX_AMOUNT},ROUND(${x},${AMOUNT_DECIMALS})<>${x})`,
    year: `OR(${x}<${FIRST_YEAR},${x}>${LAST_YEAR},${x}<>INT(${x}))`,
  }[kind as Exclude<InputKind, 'text'>];
  if (number === undefined) throw new Error(`no type test for ${kind} cells`);
  return `OR(${formulaTest(x)},IF(ISNUMBER(${x}),${number},IF(ISERROR(${x}),ISERROR(${x}),LEN(${x})>0)))`;
}

/** The formula (without a leading '=') that is TRUE where the relation is broken. */
export function relationFormula(r: Relation): string {
  switch (r.kind) {
    case 'cellType':
      return typeTest(r.name, r.expect);
    case 'filled':
      return `IF(NOT(ISERROR(${r.name})),LEN(${r.name})=0)`;
    case 'compare': {
      // Asserted only once every cell holds a number (required cells are among them): until then the check is
      // 未填完, not broken. COUNT counts numbers only, so text, blanks, booleans and errors all keep it quiet.
      const cells = relationCells(r);
      const bare = !r.blankIsZero;
      const test = `${sumOf(r.left, bare)}${r.op === 'eq' ? '<>' : '<'}${sumOf(r.right, bare)}`;
      if (!r.blankIsZero) return `IF(COUNT(${cells.join(',')})=${cells.length},${test})`;
      // Blank counts as 0: COUNTA = COUNT says no cell holds anything but a number, and the required ones do.
      const list = cells.join(',');
      const required = r.required ?? [];
      const guard = `COUNTA(${list})=COUNT(${list})`;
      return `IF(${required.length ? `AND(${guard},COUNT(${required.join(',')})=${required.length})` : guard},${test})`;
    }
  }
}

export function checkFormula(check: Check): string {
  return relationFormula(check.relation);
}

/** One formula TRUE where any of the given (total) formulas is: the OR of them, or the one itself. */
export function combineFormulas(formulas: readonly string[]): string {
  if (formulas.length === 0) throw new Error('nothing to combine');
  return formulas.length === 1 ? formulas[0] : `OR(${formulas.join(',')})`;
}

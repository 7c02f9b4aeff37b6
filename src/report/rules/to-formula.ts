// The spreadsheet interpreter of the rule records: each check becomes a formula over the defined names that is
// TRUE exactly where the evaluator reports it broken. Every formula is total (never an error value), because
// a conditional format whose formula errors highlights nothing: guards use IF and COUNT/COUNTA, never AND/OR
// around something that can fail (shared/notes/conditional-formatting.md). No TRUE/FALSE literals either: an IF
// without its else-branch already gives FALSE, and some engines (HyperFormula) have the two only as functions.
import { AMOUNT_DECIMALS, FIRST_YEAR, LAST_YEAR, MAX_AMOUNT, MAX_COUNT } from '../model/value-checks';
import type { InputKind } from '../layout/input-cells';
import { relationCells, type Check, type Relation, type Term } from './rule';

function sumOf(terms: readonly Term[]): string {
  const pos = terms.filter((t) => t.sign > 0).map((t) => t.name);
  const neg = terms.filter((t) => t.sign < 0).map((t) => t.name);
  const p = pos.length ? `SUM(${pos.join(',')})` : '0';
  return neg.length ? `${p}-SUM(${neg.join(',')})` : p;
}

function typeTest(x: string, kind: InputKind): string {
  const number = {
    count: `OR(${x}<0,${x}<>INT(${x}),${x}>${MAX_COUNT})`,
    amount: `OR(${x}<0,${x}>${MAX_AMOUNT},ROUND(${x},${AMOUNT_DECIMALS})<>${x})`,
    year: `OR(${x}<${FIRST_YEAR},${x}>${LAST_YEAR},${x}<>INT(${x}))`,
  }[kind as Exclude<InputKind, 'text'>];
  if (number === undefined) throw new Error(`no type test for ${kind} cells`);
  return `IF(ISNUMBER(${x}),${number},IF(ISERROR(${x}),ISERROR(${x}),LEN(${x})>0))`;
}

/** The formula (without a leading '=') that is TRUE where the relation is broken. */
export function relationFormula(r: Relation): string {
  switch (r.kind) {
    case 'cellType':
      return typeTest(r.name, r.expect);
    case 'filled':
      return `IF(NOT(ISERROR(${r.name})),LEN(${r.name})=0)`;
    case 'compare': {
      const cells = relationCells(r).join(',');
      let guard = `COUNTA(${cells})=COUNT(${cells})`;
      if (r.required?.length) guard = `AND(${guard},COUNT(${r.required.join(',')})=${r.required.length})`;
      const test = r.op === 'eq' ? `${sumOf(r.left)}<>${sumOf(r.right)}` : `${sumOf(r.left)}<${sumOf(r.right)}`;
      return `IF(${guard},${test})`;
    }
  }
}

export function checkFormula(check: Check): string {
  return relationFormula(check.relation);
}

// What Excel checks in a formula an add-in hands it through the non-local properties (ConditionalFormatRule.formula,
// NamedItemCollection.add): the formula is in English with the en-US separators, and every name in it is one the
// workbook defines.
// - ConditionalFormatRule.formula is "the formula ... on which to evaluate the conditional format rule"; its sibling
//   formulaLocal is "in the user's language" (https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformatrule),
//   so `formula` takes English function names and commas, whatever the user's locale (office-js #2891: a formula
//   string is parsed in en-US by the non-Local APIs; https://github.com/OfficeDev/office-js/issues/2891).
// - NamedItemCollection.add(name, reference): "reference: The formula or the range that the name will refer to"
//   (https://learn.microsoft.com/en-us/javascript/api/excel/excel.nameditemcollection#excel-excel-nameditemcollection-add-member(1));
//   addFormulaLocal is the locale-aware variant, so `add` parses en-US too.
// An unknown name, a localized function name or a ';' list separator is refused with InvalidArgument (issue #10: the
// API does not store a #NAME? formula on the add-in's behalf).
import { fail } from './client-object';
import type { DocumentState } from './document';

const CELL = /^\$?[A-Za-z]{1,3}\$?\d{1,7}$/;
const COLUMN = /^\$?[A-Za-z]{1,3}$/;
const ROW = /^\$?\d{1,7}$/;

/** The formula without its string literals ("" is an escaped quote inside one). */
function withoutStrings(formula: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') {
      if (inString && formula[i + 1] === '"') i++;
      else inString = !inString;
      out += '"';
    } else if (!inString) out += ch;
  }
  if (inString) fail('InvalidArgument', `'${formula}' has an unterminated string.`, 'formula');
  return out;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Throws InvalidArgument unless `formula` ("=…") is one Excel's en-US parser takes in a workbook defining doc.names.
 * `where` names the API for the error's location.
 */
export function checkEnglishFormula(formula: string, doc: DocumentState, where: string): void {
  const bad = (why: string): never => fail('InvalidArgument', `'${formula}' is not a valid formula: ${why}.`, where);
  if (!formula.startsWith('=')) bad('it does not start with =');
  const text = withoutStrings(formula.slice(1));
  if (!balanced(text)) bad('unbalanced parentheses');
  let braces = 0;
  for (const ch of text) {
    if (ch === '{') braces++;
    else if (ch === '}') braces--;
    // en-US separates arguments with ',' (';' only separates rows inside an array constant {1,2;3,4}).
    else if (ch === ';' && braces === 0) bad("';' is not the en-US list separator");
    else if (ch === '，' || ch === '；') bad(`'${ch}' is not a separator`);
  }
  const tokens = text.match(/'[^']*'!|[\p{L}_\\$][\p{L}\p{N}_.\\$]*!?|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\s+|./gu) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!/^[\p{L}_\\$]/u.test(t)) continue;
    if (t.endsWith('!')) {
      i++; // the reference after a sheet prefix
      continue;
    }
    const next = tokens.slice(i + 1).find((x) => !/^\s+$/.test(x));
    const prev = tokens
      .slice(0, i)
      .reverse()
      .find((x) => !/^\s+$/.test(x));
    if (next === '(') {
      // Function names: en-US, ASCII (a localized name such as 求和 belongs in formulaLocal).
      if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(t)) bad(`'${t}' is not an English function name`);
      continue;
    }
    if (CELL.test(t) || /^(TRUE|FALSE)$/i.test(t)) continue;
    if ((next === ':' || prev === ':') && (COLUMN.test(t) || ROW.test(t))) continue;
    if (!doc.nameByName(t)) bad(`the workbook defines no name '${t}'`);
  }
}

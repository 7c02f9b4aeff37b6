// Text written through a host API that reads its input as if typed (Office.js `Range.values`, ET `Range.Value2`)
// gets the spreadsheet's own "this is text" mark, so that no value the product writes becomes a formula, a number
// or a date: "=cmd|' /C calc'!A0", "=HYPERLINK(…)", "+1", "@SUM(A1)", "-2", "0012", "1/2", "TRUE", "＝1+1".
//
// - Excel: "If the input begins with a string prefix (single quote), Excel places all input characters into the
//   cell unchanged (the prefix is not displayed). If the input begins with =, +, or -, Excel tries to interpret the
//   input as a formula." (Excel worksheet and expression evaluation,
//   https://learn.microsoft.com/office/client-developer/excel/excel-worksheet-and-expression-evaluation); and
//   `Range.values`: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
//   interprets this value as a formula." (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member)
// - WPS ET keeps Excel's VBA object model and entry rules (../shared/notes/wps-addin.md §2): `Value2` written with
//   a leading ' is stored as the text after it (Range.PrefixCharacter).
// Every string gets the prefix — not only those that look dangerous — because what a host reinterprets depends on
// its version and locale (dates, fractions, full-width ＝ in CJK Excel); the prefix never shows and reads back as
// nothing (`values` and `Value2` return the text without it).

/** The prefix character that marks an entry as text. */
export const TEXT_PREFIX = "'";

/** The entry that stores exactly `value`: strings prefixed (the empty string stays empty: it clears), numbers as they are. */
export function typedEntry<T extends string | number | boolean | null>(value: T): T | string {
  return typeof value === 'string' && value !== '' ? `${TEXT_PREFIX}${value}` : value;
}

/**
 * Whether a cell read back through `formulas` (Office.js) or `Formula` (ET) holds a formula. Both give a constant's
 * own value there, so text stored as "=1+1" reads "=1+1" in both: a formula is a text starting with '=' that is
 * not the cell's value.
 */
export function isFormulaEntry(formula: unknown, value: unknown): formula is string {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== value;
}

// Text written into a cell must stay text: hosts write values as typed, so "=…" would become a formula (Excel,
// WPS, Univer). A leading apostrophe is the spreadsheet's own "this is text" mark; every host drops it on write.
const TYPED_AS_FORMULA = /^[=+\-@']/;

/** The value to write so that the cell reads back as exactly `text`. */
export function asCellText(text: string): string {
  return TYPED_AS_FORMULA.test(text) ? `'${text}` : text;
}

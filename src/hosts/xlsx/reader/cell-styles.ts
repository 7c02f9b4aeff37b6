// Which cell styles show a number as a date (xl/styles.xml: cellXfs → numFmtId → format code), read only when
// a named cell holding a number has a style. A number in a date format is a date to the person who typed it.
import { elementText, parseFragment, type XmlSource } from './xml-stream';
import { entryText, type ZipEntry } from './zip-entries';

/**
 * Built-in number formats that show dates or times (ECMA-376 Part 1, §18.8.30 numFmt: ids 14–22 and 45–47; the
 * East Asian built-ins 27–36 and 50–58 are dates and times in the zh-CN locale, e.g. 31 = yyyy"年"m"月"d"日").
 */
const BUILT_IN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Whether a format code shows a date or time: y m d h s (or b, the Buddhist year) outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (quoted) {
      if (c === '"') quoted = false;
    } else if (bracket) {
      if (c === ']') bracket = false;
    } else if (c === '"') quoted = true;
    else if (c === '[') bracket = true;
    else if (c === '\\') i++;
    else if ('ymdhMsb'.includes(c)) return true;
  }
  return false;
}

/** Style index → whether it formats numbers as dates. Only the two regions that say so are parsed. */
export function readDateStyles(source: XmlSource, entry: ZipEntry | undefined): (style: number) => boolean {
  if (!entry) return () => false;
  const xml = entryText(source.zip, entry, source.budget);
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  const limits = source.budget.limits;
  const formats = elementText(xml, 'numFmts');
  if (formats)
    parseFragment(formats, entry.name, limits, {
      open(name, attrs) {
        if (name === 'numFmt' && attrs.numFmtId !== undefined)
          custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      },
      close() {},
    });
  const xfs = elementText(xml, 'cellXfs');
  if (xfs)
    parseFragment(xfs, entry.name, limits, {
      open(name, attrs, depth) {
        if (name === 'xf' && depth === 2) xfFormats.push(Number(attrs.numFmtId ?? 0));
      },
      close() {},
    });
  return (style) => {
    const id = xfFormats[style];
    if (id === undefined || !id) return false;
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_IDS.has(id);
  };
}

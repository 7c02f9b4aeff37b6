// Damage the samples the way copying and converting damages published reports: tab stops lost, numbers wrapped onto
// the next line, extra empty columns, labels broken across lines, page numbers inside a table, full-width digits,
// "/" for 0. Each function changes only the table lines it names and keeps every printed figure.

const lines = (text: string) => text.split('\n');
const isT3Row = (line: string) => /^(?:\s*[（(]|[一二四]、|\s*\d[.、]|.*\|)/.test(line);

/** Section of the text between two headings (exclusive), as line indexes. */
export function sectionRange(text: string, from: RegExp, to: RegExp): [number, number] {
  const ls = lines(text);
  const a = ls.findIndex((l) => from.test(l));
  const b = ls.findIndex((l, i) => i > a && to.test(l));
  return [a, b < 0 ? ls.length : b];
}
const T3 = (text: string) => sectionRange(text, /三、收到和处理政府信息公开申请情况/, /四、政府信息公开行政复议/);

function mapRange(text: string, range: [number, number], f: (line: string, i: number) => string): string {
  return lines(text)
    .map((l, i) => (i > range[0] && i < range[1] ? f(l, i) : l))
    .join('\n');
}

/** Tabs become single spaces (a web page copied through an editor that drops tab stops). */
export function removeTabStops(text: string): string {
  return text.replace(/\t+/g, ' ');
}

/** In 表三, the last `n` numbers of every row wrap onto the next line. */
export function wrapRows(text: string, n = 3): string {
  return mapRange(text, T3(text), (line) => {
    const m = new RegExp(`^(.*\\S)((?:\\s+\\d+){${n}})\\s*$`).exec(line);
    if (!m || !/[\u4e00-\u9fff]/.test(line)) return line;
    return `${m[1]}\n${' '.repeat(30)}${m[2].trim()}`;
  });
}

/** An empty column between the label and the numbers of every 表三 row ("|" or tab tables). */
export function shiftColumns(text: string): string {
  return mapRange(text, T3(text), (line) => {
    if (line.includes('\t')) return line.replace(/\t(?=\d)/, '\t\t');
    if (line.includes('|')) return line.replace(/ \| (?=\d)/, ' |  | ');
    return line;
  });
}

/** The first half of every long 表三 label on a line of its own, the rest with the numbers. */
export function splitLabels(text: string): string {
  return mapRange(text, T3(text), (line) => {
    const m = /^([^|\t]{8,}?)(\s*\|.*)$/.exec(line);
    if (!m || !isT3Row(line)) return line;
    const label = m[1].trim();
    const cut = Math.ceil(label.length / 2);
    return `${label.slice(0, cut)}\n${label.slice(cut)}${m[2]}`;
  });
}

/** Page numbers in the middle of 表三, as PDF text has them. */
export function pageNumbers(text: string): string {
  const [a, b] = T3(text);
  const mid = Math.floor((a + b) / 2);
  return mapRange(text, [a, b], (line, i) =>
    i === a + 4 ? `${line}\n                -3-` : i === mid ? `${line}\n第 4 页` : line,
  );
}

/** Digits of 表三 in full width (２ for 2). */
export function fullWidthDigits(text: string): string {
  return mapRange(text, T3(text), (line) =>
    line.replace(
      /(^|[\s|])(\d+)(?=\s|$|\|)/g,
      (_, pre: string, d: string) => pre + d.replace(/\d/g, (x) => String.fromCharCode(x.charCodeAt(0) + 0xfee0)),
    ),
  );
}

/** Every 0 in 表二 written as "/". */
export function slashForZero(text: string): string {
  const range = sectionRange(text, /二、主动公开政府信息情况/, /三、收到和处理政府信息公开申请情况/);
  return mapRange(text, range, (line) => line.replace(/(^|\t| \| )0(?=\t|$| \|)/g, '$1/'));
}

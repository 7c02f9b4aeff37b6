// Generated inputs that push each importer stage: tag-heavy HTML (cells, nested tables, unclosed formatting tags,
// scripts), digit-heavy text (rows of numbers, digits glued to labels) and whitespace-heavy text, of a given size.
// Shared by the linear-time test and bench/import.ts.
const repeatTo = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.ceil(bytes / unit.length)));

export const HEAVY_INPUTS: Readonly<Record<string, { kind: 'html' | 'text'; make: (bytes: number) => string }>> = {
  'tags: cells': { kind: 'html', make: (n) => `<table>${repeatTo('<tr><td>1<td>规章<td rowspan=3>2', n)}</table>` },
  'tags: unclosed': { kind: 'html', make: (n) => repeatTo('<a><b><i><u>x</a><div><table><tr><td>', n) },
  'tags: script': { kind: 'html', make: (n) => `<script>${repeatTo('<table><tr><td>9</td>', n)}</script><p>x` },
  'digits: rows': { kind: 'text', make: (n) => repeatTo('1.属于国家秘密    1    2    3    4    5    6    21\n', n) },
  'digits: glued': { kind: 'text', make: (n) => repeatTo('行政规范性文件1234567890123456789012\n', n) },
  whitespace: { kind: 'text', make: (n) => repeatTo(' \t \u3000 \u00a0 \n', n) },
};

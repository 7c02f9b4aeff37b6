// The labelled corpus of `npm run accuracy` and its scoring. Every document has the value printed in each input cell,
// typed by hand (test/import/expected-samples.ts for the published samples, layout-expected.ts for the layouts), and
// is scored cell by cell: right, wrong, left empty, or invented (a value where nothing is printed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  INPUT_CELLS,
  T2_BLOCKS,
  T3_COLUMNS,
  T3_ROWS,
  T4_COLUMNS,
  T4_GROUPS,
  type CellContent,
} from '../../../src/report';
import { importDocument, type SourceKind } from '../../../src/report/import';
import { FIXTURES_DIR } from '../../support/fixtures-dir';
import { EXPECTED } from '../expected-samples';
import { renderHtml, t2ValuesOf } from '../html-page';
import { layoutExpected } from '../layout-expected';
import { expectedValues, readSample } from '../sample-support';
import { documentsOf } from '../round-trip-support';

export interface Labelled {
  readonly kind: SourceKind;
  readonly name: string;
  readonly bytes: () => Promise<Uint8Array>;
  readonly expected: ReadonlyMap<string, number | string>;
}

export interface Score {
  right: number;
  wrong: number;
  empty: number;
  invented: number;
  /** Documents not read at all, with the reason. */
  refused: string[];
  /** "document: cell got ≠ want" for each wrong or invented cell. */
  mistakes: string[];
}

export const emptyScore = (): Score => ({ right: 0, wrong: 0, empty: 0, invented: 0, refused: [], mistakes: [] });

const LAYOUTS = join(FIXTURES_DIR, 'layouts');
const utf8 = (s: string) => new TextEncoder().encode(s);

/** The values a labelled map stands for, in INPUT_CELLS order (what the exporter is given). */
export function valuesOf(expected: ReadonlyMap<string, number | string>): CellContent[] {
  return INPUT_CELLS.map((c): CellContent => {
    const v = expected.get(c.name);
    if (v === undefined) return { kind: 'blank' };
    return typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', text: v };
  });
}

/** A sample as Markdown pipe tables, the way transcripts print them. */
function markdownOf(e: (typeof EXPECTED)[number]): string {
  const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  const t2 = t2ValuesOf(e);
  return [
    `# ${e.agency}${e.year}年政府信息公开工作年度报告`,
    '',
    '## 一、总体情况',
    '',
    '（一）主动公开情况。略。',
    '',
    '## 二、主动公开政府信息情况',
    '',
    ...T2_BLOCKS.flatMap((b) => [
      `**${b.heading}**`,
      '',
      row(['信息内容', ...b.columns.map((c) => c.label)]),
      row(['---', ...b.columns.map(() => '---:')]),
      ...b.rows.map((r) => row([r.label, ...t2[r.id]])),
      '',
    ]),
    '## 三、收到和处理政府信息公开申请情况',
    '',
    row(['', ...T3_COLUMNS.map((c) => c.label)]),
    row(['---', ...T3_COLUMNS.map(() => '---')]),
    ...T3_ROWS.map((r) => row([`${r.group ?? ''}${r.label}`, ...e.t3[r.id]])),
    '',
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '',
    row(T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => `${g.label}${c.label}`))),
    row(e.t4.map(() => '---')),
    row(e.t4),
    '',
    '## 五、存在的主要问题及改进情况',
    '',
    '一是解读不够。',
    '',
    '## 六、其他需要报告的事项',
    '',
    '无。',
    '',
  ].join('\n');
}

/** The corpus, by kind. PDFs are made from the .docx by LibreOffice (see pdfsOf), so they are listed apart. */
export function corpus(): Labelled[] {
  const out: Labelled[] = [];
  for (const e of EXPECTED) {
    const expected = expectedValues(e);
    out.push({ kind: 'text', name: e.file, bytes: async () => utf8(readSample(e.file)), expected });
    out.push({ kind: 'html', name: `${e.file} (网页)`, bytes: async () => utf8(renderHtml(e)), expected });
    out.push({ kind: 'markdown', name: `${e.file} (Markdown)`, bytes: async () => utf8(markdownOf(e)), expected });
    out.push({
      kind: 'docx',
      name: `${e.file} (Word)`,
      bytes: () => documentsOf(valuesOf(expected)).docx(),
      expected,
    });
  }
  const hostile = EXPECTED.find((e) => e.file === 'real/005.txt')!;
  out.push({
    kind: 'html',
    name: 'real/005.txt (网页，含脚本)',
    bytes: async () => utf8(renderHtml(hostile, { hostile: true })),
    expected: expectedValues(hostile),
  });
  for (const [file, kind] of [
    ['t4-three-tables.html', 'html'],
    ['t3-per-group.html', 'html'],
    ['cells-in-the-wild.html', 'html'],
    ['labels-above-and-torn.txt', 'text'],
    ['pipe-tables.md', 'markdown'],
  ] as const)
    out.push({
      kind,
      name: `layouts/${file}`,
      bytes: async () => new Uint8Array(readFileSync(join(LAYOUTS, file))),
      expected: layoutExpected(),
    });
  return out;
}

const EXT: Readonly<Record<SourceKind, string>> = {
  text: 'txt',
  markdown: 'md',
  html: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

/** Reads one document and adds its cells to the score. */
export async function scoreDocument(
  score: Score,
  name: string,
  kind: SourceKind,
  bytes: Uint8Array,
  expected: ReadonlyMap<string, number | string>,
): Promise<void> {
  const read = await importDocument(bytes, `document.${EXT[kind]}`);
  if (!read.ok) {
    score.refused.push(`${name}: ${read.problem}`);
    score.empty += [...expected.keys()].length;
    return;
  }
  INPUT_CELLS.forEach((c, i) => {
    const v = read.result.values[i];
    const got = v.kind === 'number' ? v.value : v.kind === 'text' ? v.text : null;
    const want = expected.get(c.name);
    if (want === undefined) {
      if (got !== null) {
        score.invented++;
        score.mistakes.push(`${name}: ${c.name} 读到 ${got}，原文没有`);
      }
    } else if (got === null) score.empty++;
    else if (got === want) score.right++;
    else {
      score.wrong++;
      score.mistakes.push(`${name}: ${c.name} 读到 ${got}，原文 ${want}`);
    }
  });
}

export const share = (s: Score) => {
  const labelled = s.right + s.wrong + s.empty;
  return labelled === 0 ? 1 : s.right / labelled;
};

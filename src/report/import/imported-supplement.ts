// What an imported report gives the 补充信息 sheet: the figures its prose states that the sheet has a name for
// (主动公开 total and categories, 监督检查 and 教育培训 counts, 收费 figures), the text of the narrative parts, and a
// record of what was imported. Each figure is read exactly as the N.* checks read it (check-narrative.ts, asked
// with every 补充信息 figure unknown), so the workbook agrees with the words it came from. A figure the text states
// twice with different values is left blank and named; nothing is computed, only copied.
import {
  FEE_FIELDS,
  OPEN_CATEGORIES,
  OPEN_TOTAL,
  SUPERVISION_FIELDS,
  SUPPLEMENT_FIELD_BY_NAME,
  TEMPLATE_FIELDS,
  TEXT_FIELDS,
  type SupplementField,
} from '../layout/supplement';
import { INPUT_CELLS } from '../layout/input-cells';
import type { Report } from '../model/report-schema';
import { checkNarrative } from '../narrative/check-narrative';
import { emptySupplement, type Supplement } from '../narrative/supplement-model';
import { diagnostic, type ImportDiagnostic } from './import-diagnostic';
import type { ImportedNarrative } from './sections';

/** Defined name (nb_sup_*) → the value to write: a number the text states, or a part of the text. */
export type SupplementValues = Readonly<Record<string, string | number>>;

/** Every number field unknown (NaN matches nothing): each figure the text states comes back as a finding. */
const PROBE: Supplement = {
  ...emptySupplement(),
  openTotal: NaN,
  inspections: NaN,
  trainings: NaN,
  feeNotices: NaN,
  feeAmount: NaN,
  feeCollected: NaN,
};
const NUMBER_FIELDS = new Set(
  [OPEN_TOTAL, ...Object.values(SUPERVISION_FIELDS), ...Object.values(FEE_FIELDS)].map((f) => f.name),
);

/**
 * Stricter than the check, which only compares: the keyword and the number in one clause, and the 主动公开 total
 * written as 「主动公开（各类）（政府）信息N条」 (「主动公开各类政府信息5500余条，全年新增公开规章1件」 states no total).
 */
const STATED_AS: Readonly<Record<string, RegExp>> = { [OPEN_TOTAL.name]: /信息\s*[\d,]+\s*条$/ };
const ONE_CLAUSE = /^[^，,；;、。]*$/;

/** The figures stated in the texts, by field; a field stated with two values is ambiguous. */
function statedFigures(texts: readonly string[], report: Report) {
  const stated = new Map<string, Set<number>>();
  for (const text of texts)
    for (const f of checkNarrative(text, report, { supplement: PROBE })) {
      const name = f.cells[0];
      if (!NUMBER_FIELDS.has(name) || typeof f.left !== 'number' || !ONE_CLAUSE.test(f.quote)) continue;
      if (STATED_AS[name] && !STATED_AS[name].test(f.quote)) continue;
      const values = stated.get(name) ?? new Set<number>();
      values.add(f.left);
      stated.set(name, values);
    }
  return stated;
}

const CATEGORY_PART = /^(?:包括|分别是|分别为)?([\u4e00-\u9fff“”"《》（）()]{2,24}?)(\d+)条$/;

/**
 * 「共主动公开政府信息422条，其中概况类信息361条，政务动态信息18条，信息公开目录信息43条」: the categories, only when
 * every part after 其中 is a name and a count, there are at most as many as the sheet has rows, and they add up to
 * the total the same sentence states.
 */
function openCategories(texts: readonly string[], total: number): { name: string; count: number }[] | null {
  for (const text of texts)
    for (const sentence of text.split(/[。；;\n]/)) {
      const at = sentence.indexOf('其中');
      if (at < 0 || !/主动公开/.test(sentence.slice(0, at)) || !sentence.slice(0, at).includes(`${total}条`)) continue;
      const parts = sentence
        .slice(at + 2)
        .split(/[，、,：:]/)
        .map((p) => p.trim())
        .filter((p) => p !== '');
      const read = parts.map((p) => CATEGORY_PART.exec(p));
      if (read.length < 2 || read.length > OPEN_CATEGORIES.length || read.some((m) => !m)) continue;
      const cats = read.map((m) => ({ name: m![1], count: Number(m![2]) }));
      if (cats.reduce((s, c) => s + c.count, 0) === total) return cats;
    }
  return null;
}

/** Which typed 补充信息 part a （三）（四）（五） heading of 一、总体情况 is. */
const TYPED_PART: readonly [RegExp, SupplementField][] = [
  [/管理/, TEXT_FIELDS.management],
  [/平台/, TEXT_FIELDS.platform],
  [/监督|保障/, TEXT_FIELDS.supervision],
];
/** The parts a template writes: an imported text goes there as it is (a template without a field is its text). */
const GENERATED_PART: readonly [RegExp, SupplementField][] = [
  [/主动公开/, TEMPLATE_FIELDS.open],
  [/依申请/, TEMPLATE_FIELDS.apply],
];

function narrativeTexts(n: ImportedNarrative): Map<string, string> {
  const out = new Map<string, string>();
  const set = (f: SupplementField, text: string | null) => {
    if (text && text.trim() && !out.has(f.name)) out.set(f.name, text.trim());
  };
  if (n.overall && n.overallParts.length) {
    // What 一 says before its first （一）: the overview.
    const first = n.overall.indexOf(n.overallParts[0].text);
    if (first > 0) set(TEXT_FIELDS.overview, n.overall.slice(0, first));
  } else set(TEXT_FIELDS.overview, n.overall);
  for (const p of n.overallParts) {
    const typed = TYPED_PART.find(([re]) => re.test(p.heading))?.[1];
    if (typed) set(typed, p.text);
    const generated = GENERATED_PART.find(([re]) => re.test(p.heading))?.[1];
    // Braces would be read as template fields: such a text is left to the user.
    if (generated && !/[{}]/.test(p.text)) set(generated, p.text);
  }
  set(TEXT_FIELDS.problems, n.problems);
  set(TEXT_FIELDS.other, n.other);
  return out;
}

export interface ImportedSupplement {
  readonly values: SupplementValues;
  readonly diagnostics: readonly ImportDiagnostic[];
}

/** The 补充信息 values an imported report states (see the head of this file). */
export function importedSupplement(n: ImportedNarrative, report: Report): ImportedSupplement {
  const texts = [n.overall, n.other].filter((t): t is string => !!t);
  const values: Record<string, string | number> = {};
  const diagnostics: ImportDiagnostic[] = [];
  for (const [name, stated] of statedFigures(texts, report)) {
    const label = SUPPLEMENT_FIELD_BY_NAME.get(name)!.label;
    if (stated.size === 1) values[name] = [...stated][0];
    else
      diagnostics.push(
        diagnostic(
          'supplementAmbiguous',
          `补充信息「${label}」：文字中写了不同的数（${[...stated].join('、')}），未导入，请核对后填写`,
          { table: 'SUP', cells: [name] },
        ),
      );
  }
  const total = values[OPEN_TOTAL.name];
  const cats = typeof total === 'number' ? openCategories(texts, total) : null;
  cats?.forEach((c, i) => {
    values[OPEN_CATEGORIES[i].name.name] = c.name;
    values[OPEN_CATEGORIES[i].count.name] = c.count;
  });
  for (const [name, text] of narrativeTexts(n)) values[name] = text;
  return { values, diagnostics };
}

/** What each kind of published file is called to a person: here in the 导入记录, and in nianbao audit's 类型 column. */
export const SOURCE_WORDS = { text: '文本', markdown: 'Markdown', html: '网页', docx: 'Word', pdf: 'PDF' } as const;

/**
 * The text of the 导入记录 cell (IMPORTED_FIELD): which file, and which cells were filled from it, so that the
 * workbook says what came from a published report.
 */
export function importRecord(
  file: string | null,
  source: keyof typeof SOURCE_WORDS,
  written: readonly string[],
  date: Date = new Date(),
): string {
  const sup = written.filter((n) => SUPPLEMENT_FIELD_BY_NAME.has(n));
  const tableCells = written.filter((n) => INPUT_CELLS.some((c) => c.name === n && c.table !== 'META')).length;
  const labels = (kinds: readonly string[]) =>
    sup
      .map((n) => SUPPLEMENT_FIELD_BY_NAME.get(n)!)
      .filter((f) => kinds.includes(f.kind))
      .map((f) => f.label.replace(/（.*）$/, ''));
  const parts = [`表格数字 ${tableCells} 个`];
  const figures = labels(['count', 'yuan', 'categoryName']);
  if (figures.length) parts.push(`补充信息数字：${figures.join('、')}`);
  const texts = labels(['text', 'template']);
  if (texts.length) parts.push(`文字：${texts.join('、')}`);
  const day = date.toISOString().slice(0, 10);
  return `${day} 从${file ? `「${file}」` : '粘贴的文本'}（${SOURCE_WORDS[source]}）导入：${parts.join('；')}。这些内容取自已发布的年报，修改后本记录不会更新。`;
}

// Where the six sections of a published report are, its title (机关名称 and 年度), and the narrative text of
// 一、五、六 with the hard line breaks of PDF text joined back into paragraphs.
import { T2_TITLE, T3_ROWS, T3_TITLE, T4_GROUPS, T4_TITLE } from '../layout/format-2021';
import { NARRATIVE_HEADINGS } from '../layout/supplement';
import { fold, labelParts } from './label-text';
import type { SourceLine } from './source-lines';

export type SectionId = 'overall' | 't2' | 't3' | 't4' | 'problems' | 'other';
export const SECTION_ORDER: readonly SectionId[] = ['overall', 't2', 't3', 't4', 'problems', 'other'];
export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  overall: NARRATIVE_HEADINGS.overall,
  t2: T2_TITLE,
  t3: T3_TITLE,
  t4: T4_TITLE,
  problems: NARRATIVE_HEADINGS.problems,
  other: NARRATIVE_HEADINGS.other,
};
const TITLE_PARTS = Object.fromEntries(SECTION_ORDER.map((s) => [s, labelParts(SECTION_TITLES[s])])) as Record<
  SectionId,
  ReturnType<typeof labelParts>
>;

export interface Span {
  /** Index (into the lines) of the title line, or of the first table line when the title is missing. */
  readonly title: number;
  readonly start: number;
  readonly end: number;
  /** Found by its title (false: by the table's content). */
  readonly byTitle: boolean;
}

function lineText(l: SourceLine): string {
  return l.cells.map((c) => (c.kind === 'text' ? c.text : c.kind === 'blank' ? '' : c.raw)).join('');
}

function isTitle(line: SourceLine, id: SectionId): boolean {
  const text = lineText(line);
  if (text.length > 80) return false;
  const p = labelParts(text);
  const want = TITLE_PARTS[id];
  if (p.ordinal && (p.ordinal.kind !== 'top' || p.ordinal.n !== want.ordinal?.n)) return false;
  return p.core.startsWith(want.core) && p.core.length <= want.core.length + 8;
}

const T3_FIRST = labelParts(T3_ROWS[0].label).core;
const FALLBACK: Partial<Record<SectionId, (l: SourceLine) => boolean>> = {
  t2: (l) => /第二十条第?\([一二三四五六七八九十]+\)项/.test(fold(lineText(l))),
  t3: (l) => labelParts(lineText(l)).core.startsWith(T3_FIRST) || fold(lineText(l)).includes('勾稽关系'),
  t4: (l) => fold(lineText(l)).startsWith(T4_GROUPS[0].label),
};

/** Finds the sections in order; a table's section is found by its content when its title is missing. */
export function findSections(lines: readonly SourceLine[]): Partial<Record<SectionId, Span>> {
  const found: { id: SectionId; title: number; byTitle: boolean }[] = [];
  let cursor = 0;
  for (const id of SECTION_ORDER) {
    let at = -1;
    for (let i = cursor; i < lines.length && at < 0; i++) if (isTitle(lines[i], id)) at = i;
    let byTitle = at >= 0;
    if (at < 0 && FALLBACK[id]) {
      for (let i = cursor; i < lines.length && at < 0; i++) if (FALLBACK[id]!(lines[i])) at = i;
      byTitle = false;
    }
    if (at < 0) continue;
    found.push({ id, title: at, byTitle });
    cursor = at + 1;
  }
  const spans: Partial<Record<SectionId, Span>> = {};
  found.forEach((f, i) => {
    spans[f.id] = {
      title: f.title,
      start: f.byTitle ? f.title + 1 : f.title,
      end: i + 1 < found.length ? found[i + 1].title : lines.length,
      byTitle: f.byTitle,
    };
  });
  return spans;
}

export interface ReportTitle {
  readonly agency: string | null;
  readonly year: number | null;
  readonly line: number | null;
}

const TITLE_RE = /^(.*?)(\d{4})年度?(.*?)政府信息公开(?:工作)?(?:年度)?报告/;

/** 机关名称 and 年度 from the report's title ("淮安市人民政府2024年政府信息公开工作年度报告", possibly on two lines). */
export function findTitle(lines: readonly SourceLine[], before: number): ReportTitle {
  const limit = Math.min(before, 80, lines.length);
  for (let i = 0; i < limit; i++) {
    let text = fold(lineText(lines[i]));
    let m = TITLE_RE.exec(text);
    // A title broken over two lines ("…2023年政府信息公" / "开工作年度报告"), as a PDF prints a long one.
    if (!m && i + 1 < lines.length && /\d{4}年/.test(text) && text.length <= 60) {
      text = text + fold(lineText(lines[i + 1]));
      m = TITLE_RE.exec(text);
    }
    if (!m) continue;
    const clean = (s: string) =>
      s
        .replace(/^(title|标题|题目)[:：]/i, '')
        .replace(/^[[【《]+|[\]】》]+$/g, '')
        .replace(/关于$/, '')
        .trim();
    let agency = clean(m[1]) || clean(m[3]);
    if (!agency)
      for (let j = i - 1; j >= 0; j--) {
        const prev = clean(fold(lineText(lines[j])));
        if (prev.length === 0) continue;
        if (prev.length <= 40 && !/[:：\d]/.test(prev)) agency = prev;
        break;
      }
    return { agency: agency || null, year: Number(m[2]), line: lines[i].no };
  }
  return { agency: null, year: null, line: null };
}

export interface NarrativePart {
  /** The printed heading, e.g. "（一）主动公开情况". */
  readonly heading: string;
  readonly text: string;
}

export interface ImportedNarrative {
  /** Text between the title and 一、总体情况 (who compiled the report, the period, whom to ask). */
  readonly preamble: string | null;
  /** 一、总体情况, whole. */
  readonly overall: string | null;
  /** 一、总体情况 split at its （一）（二）… parts. */
  readonly overallParts: readonly NarrativePart[];
  /** 五、存在的主要问题及改进情况. */
  readonly problems: string | null;
  /** 六、其他需要报告的事项. */
  readonly other: string | null;
}

const PARAGRAPH_START = /^(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)/;

/** Lines to paragraphs: a blank line, an indented line or a numbered heading starts a new one. */
export function paragraphs(lines: readonly SourceLine[]): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) out.push(current.trim());
    current = '';
  };
  for (const l of lines) {
    const raw = l.text.replace(/\s+$/, '');
    const t = raw.trim();
    if (!t) {
      flush();
      continue;
    }
    if (/^([ \u00a0]{2,}|\u3000|\t)/.test(raw) || PARAGRAPH_START.test(t) || !l.cells.length) flush();
    const glue = /[A-Za-z0-9]$/.test(current) && /^[A-Za-z0-9]/.test(t) ? ' ' : '';
    current += glue + t;
  }
  flush();
  return out;
}

/** A narrative section ends where a stray table begins (a table pasted into the text, as in some transcripts). */
function prose(lines: readonly SourceLine[]): readonly SourceLine[] {
  const cut = lines.findIndex((l) => FALLBACK.t2!(l));
  return cut < 0 ? lines : lines.slice(0, cut);
}

export function narrativeOf(
  lines: readonly SourceLine[],
  spans: Partial<Record<SectionId, Span>>,
  titleLine: number | null,
): ImportedNarrative {
  const text = (id: SectionId) => {
    const s = spans[id];
    return s ? paragraphs(prose(lines.slice(s.start, s.end))).join('\n') || null : null;
  };
  const overall = spans.overall;
  const titleIndex = titleLine === null ? -1 : lines.findIndex((l) => l.no === titleLine);
  const preambleLines =
    overall && titleIndex >= 0 && titleIndex < overall.title ? lines.slice(titleIndex + 1, overall.title) : [];
  const parts: NarrativePart[] = [];
  if (overall)
    for (const p of paragraphs(prose(lines.slice(overall.start, overall.end)))) {
      if (/^[（(][一二三四五六七八九十]{1,3}[)）]/.test(p)) {
        const heading = /^[^。；;]*?(?:[。；;]|情况|方面)/.exec(p)?.[0] ?? p.slice(0, 20);
        parts.push({ heading: heading.replace(/[。；;]$/, ''), text: p });
      } else if (parts.length) {
        const last = parts.pop()!;
        parts.push({ ...last, text: `${last.text}\n${p}` });
      }
    }
  return {
    preamble: paragraphs(preambleLines).join('\n') || null,
    overall: text('overall'),
    overallParts: parts,
    problems: text('problems'),
    other: text('other'),
  };
}

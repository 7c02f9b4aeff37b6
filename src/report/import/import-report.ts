// A published report (text copied from a web page, PDF text from `pdftotext -layout`, Markdown, an HTML page, or
// the lines a .docx or PDF reader made: read-document.ts) read back into the model: the 2021 tables' values by defined name, 机关名称 and 年度 from the title, the narrative text, and a
// diagnostic for every value that was normalised, could not be placed, or is missing. Pure: no I/O, runs nothing.
import { LAYOUT_2021 } from '../layout/format-2021';
import { CELLS_2021, type InputCell } from '../layout/input-cells';
import { BLANK, type CellContent } from '../model/cell-content';
import { reportFromValues, type Report } from '../model/report-schema';
import { SUPPLEMENT_FIELDS } from '../layout/supplement';
import { checkNarrative, type NarrativeFinding } from '../narrative/check-narrative';
import { supplementFromValues } from '../narrative/supplement-model';
import { importedSupplement, type SupplementValues } from './imported-supplement';
import { diagnostic, type ImportDiagnostic } from './import-diagnostic';
import { ImportSink } from './import-sink';
import { linesFromHtml } from './html-lines';
import { readT2 } from './read-t2';
import { readT3 } from './read-t3';
import { readT4 } from './read-t4';
import { SECTION_TITLES, findSections, findTitle, narrativeOf, type ImportedNarrative } from './sections';
import { linesFromMarkdown, linesFromText, withGluedDigits, type SourceLine } from './source-lines';

export type FormatVersion = '2021' | '2019' | 'unknown';

/**
 * What the importer reads into: the 2021 format's cells (the template's), whichever format the published tables
 * are in; a 2019 table's rows that the 2021 format lacks are kept by name in `byName`.
 */
const TARGET = { cells: CELLS_2021, layout: LAYOUT_2021 } as const;
const input = TARGET.cells.input;
/** How the report was published: text (pasted, or pdftotext), Markdown, an HTML page, a Word document, a PDF. */
export type SourceKind = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';
/** The kinds that arrive as text. */
export type TextSourceKind = 'text' | 'markdown' | 'html';

export interface ImportResult {
  /** The typed report; a value the schema refuses (a fraction in a count) is null here and kept in `values`. */
  readonly report: Report;
  /** Every input in `inputCells` order, as read (what evaluateRules takes, with the other cells blank). */
  readonly values: readonly CellContent[];
  /** The input cells `values` follows: the 2021 format's (the template's), whichever format the tables were in. */
  readonly inputCells: readonly InputCell[];
  /**
   * Every value read, by defined name, in whichever format's names it was read: a 2019 table's single
   * （六）其他处理 row is here as nb_t3_other_* (the 2019 Format's cells), not in `values`.
   */
  readonly byName: ReadonlyMap<string, CellContent>;
  readonly narrative: ImportedNarrative;
  readonly diagnostics: readonly ImportDiagnostic[];
  readonly formatVersion: FormatVersion;
  readonly source: SourceKind;
  /**
   * The N.* checks on the imported prose (一、总体情况 and 六): each figure the text restates that differs from the
   * imported tables (sample 005 says 134 行政复议 in its text and 170 in 表四).
   */
  readonly narrativeFindings: readonly NarrativeFinding[];
  /**
   * What the 补充信息 sheet gets (imported-supplement.ts): the figures the prose states that the sheet has a name
   * for, and the narrative parts' text, by defined name.
   */
  readonly supplement: SupplementValues;
}

export interface ImportOptions {
  /** How to read the source; sniffed from its start when absent. */
  readonly kind?: TextSourceKind;
}

/** Longer than any report (about 20 000 characters); beyond it, the source is not read. */
export const MAX_IMPORT_CHARS = 4_000_000;

export function sniffKind(source: string): TextSourceKind {
  return /<(!doctype\s+html|html|body|table|tr|td|p|div|meta|head)\b/i.test(source.slice(0, 8192)) ? 'html' : 'text';
}

export function importReport(source: string, options: ImportOptions = {}): ImportResult {
  const kind = options.kind ?? sniffKind(source);
  if (source.length > MAX_IMPORT_CHARS) {
    const sink = new ImportSink();
    sink.add(diagnostic('tooLarge', `内容过长（${source.length} 个字符），年报全文通常不超过 5 万字，未读取`));
    return finish(sink, emptyNarrative(), 'unknown', kind);
  }
  const lines =
    kind === 'html' ? linesFromHtml(source) : kind === 'markdown' ? linesFromMarkdown(source) : linesFromText(source);
  return importLines(lines, kind);
}

/** The report from lines of cells, whatever reader made them. */
export function importLines(lines: readonly SourceLine[], kind: SourceKind): ImportResult {
  const sink = new ImportSink();
  const spans = findSections(lines);
  const title = findTitle(lines, spans.overall?.title ?? spans.t2?.title ?? lines.length);
  if (title.agency) sink.values.set(input('META', 'agency').name, { kind: 'text', text: title.agency });
  if (title.year !== null) sink.values.set(input('META', 'year').name, { kind: 'number', value: title.year });
  if (title.year === null)
    sink.note('titleMissing', '没有找到报告标题（如「××2024年政府信息公开工作年度报告」），机关名称和年度留空', {
      table: 'META',
      cells: [input('META', 'agency').name, input('META', 'year').name],
    });
  else if (!title.agency)
    sink.note('titleMissing', '标题中没有机关名称，机关名称留空', {
      table: 'META',
      cells: [input('META', 'agency').name],
      line: title.line,
    });

  const slice = (id: 't2' | 't3' | 't4') => {
    const s = spans[id];
    if (!s) return null;
    if (!s.byTitle)
      sink.note('sectionMissing', `没有找到标题「${SECTION_TITLES[id]}」，按表格内容定位`, {
        line: lines[s.title]?.no ?? null,
      });
    return lines.slice(s.start, s.end);
  };
  const glued = (l: SourceLine[] | null) => l?.map(withGluedDigits) ?? null;
  const t2Lines = glued(slice('t2'));
  const t3Lines = glued(slice('t3'));
  const t4Lines = slice('t4');
  const t2 = t2Lines ? readT2(t2Lines, sink) : null;
  const t3 = t3Lines ? readT3(t3Lines, sink) : null;
  const t4 = t4Lines ? readT4(t4Lines, sink) : null;
  for (const [id, got, table] of [
    ['t2', t2, 'T2'],
    ['t3', t3, 'T3'],
    ['t4', t4, 'T4'],
  ] as const)
    if (!got)
      sink.note('sectionMissing', `没有找到「${SECTION_TITLES[id]}」表格，该表留空`, {
        table,
        cells: TARGET.cells.inputCells.filter((c) => c.table === table).map((c) => c.name),
      });
  for (const id of ['overall', 'problems', 'other'] as const)
    if (!spans[id]) sink.note('sectionMissing', `没有找到「${SECTION_TITLES[id]}」部分`);

  const any = (t2?.rowsFound ?? 0) + (t3?.rowsFound ?? 0) + (t4?.found ? 1 : 0) > 0;
  const legacy = (t2?.blocks2019.length ?? 0) > 0 || (t3?.legacyOther ?? false);
  const version: FormatVersion = !any ? 'unknown' : legacy ? '2019' : '2021';
  return finish(sink, narrativeOf(lines, spans, title.line), version, kind);
}

function emptyNarrative(): ImportedNarrative {
  return { preamble: null, overall: null, overallParts: [], problems: null, other: null };
}

function finish(
  sink: ImportSink,
  narrative: ImportedNarrative,
  formatVersion: FormatVersion,
  source: SourceKind,
): ImportResult {
  const inputCells = TARGET.cells.inputCells;
  const values = inputCells.map((c) => sink.values.get(c.name) ?? BLANK);
  const report = reportFromValues(values, { inputCells, layout: TARGET.layout }).report;
  const sup = formatVersion === 'unknown' ? { values: {}, diagnostics: [] } : importedSupplement(narrative, report);
  for (const d of sup.diagnostics) sink.add(d);
  const supplement = supplementFromValues(
    SUPPLEMENT_FIELDS.map((f): CellContent => {
      const v = sup.values[f.name];
      return v === undefined ? BLANK : typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', text: v };
    }),
  );
  const narrativeFindings =
    formatVersion === 'unknown'
      ? []
      : (
          [
            ['overall', narrative.overall],
            ['other', narrative.other],
          ] as const
        ).flatMap(([id, text]) =>
          text ? checkNarrative(text, report, { supplement, where: `导入的${SECTION_TITLES[id]}` }) : [],
        );
  return {
    report,
    values,
    inputCells,
    byName: sink.values,
    narrative,
    diagnostics: sink.diagnostics,
    formatVersion,
    source,
    narrativeFindings,
    supplement: sup.values,
  };
}

// `nianbao import report.txt|report.html -o report.xlsx [--json]`: reads a published report back into the template.
// Prints what it found (机关名称, 年度, format, how many cells, the narrative parts) and every diagnostic; with -o
// writes the template filled with the imported values (and the narrative into 补充信息 when the template has it).
import {
  NARRATIVE_HEADINGS,
  SEVERITY_LABEL,
  countBySeverity,
  displayContent,
  evaluateRules,
  planInsertion,
  sortFindings,
  type CellContent,
} from '../../report';
import { IMPORTED_FIELD } from '../../report/layout/supplement';
import { importRecord, type ImportResult } from '../../report/import';
import { SOURCE_WORDS } from '../../report/import/imported-supplement';
import type { Format } from '../../report/format/format';
import { buildFormat2021 } from '../../report/format/formats';
import { XlsxHost } from '../../hosts/xlsx/xlsx-host';
import { EXIT, type CliCommand, type CliIO } from '../cli-command';
import { parse, usageError } from '../args';
import { outputsAllowed, writeOutputFile } from '../output-file';
import { line } from '../shown-text';
import { readReportSource } from '../read-report-source';
import { basename } from 'node:path';

const GAP = '\u3000';
const FORMAT_WORDS = { '2021': '2021 年版', '2019': '含 2019 年版格式的表格', unknown: '未识别' } as const;
const LEVEL_WORDS = { info: '说明', warning: '注意' } as const;

/**
 * Writes the template (as `nianbao template` makes it) filled with the imported values, the 补充信息 figures and
 * texts the prose gives (imported-supplement.ts), and the 导入记录 naming the source and every cell filled from it.
 */
export async function writeImportedWorkbook(
  r: ImportResult,
  path: string,
  source: string | null = null,
): Promise<{ cells: number; figures: number; texts: number }> {
  const agency = r.report.agency ?? undefined;
  const year = r.report.year ?? undefined;
  const host = new XlsxHost();
  // The same workbook `nianbao template` writes: the report and its 补充信息 sheet, where the imported texts go.
  await host.applyEdits(planInsertion({ sheets: [], names: [] }, { agency, year }).edits);
  const values = new Map<string, string | number | null>();
  r.inputCells.forEach((c, i) => {
    const v = r.values[i];
    if (c.table !== 'META' && v.kind === 'number') values.set(c.name, v.value);
  });
  const cells = values.size;
  const names = new Set((await host.listNames()).filter((n) => n.ref).map((n) => n.name));
  let texts = 0;
  for (const [name, value] of Object.entries(r.supplement))
    if (names.has(name)) {
      values.set(name, value);
      if (typeof value === 'string') texts++;
    }
  if (names.has(IMPORTED_FIELD.name))
    values.set(IMPORTED_FIELD.name, importRecord(source && basename(source), r.source, [...values.keys()]));
  await host.writeNamedValues(values);
  await writeOutputFile(path, await host.toBuffer());
  return { cells, figures: values.size - cells - texts - (names.has(IMPORTED_FIELD.name) ? 1 : 0), texts };
}

/** `r`'s values are in `format`'s inputCells order (the importer reads into the template's format). */
function printSummary(path: string, r: ImportResult, format: Format, io: CliIO): void {
  const cell = (rowId: 'agency' | 'year') => r.values[format.cells.input('META', rowId).index];
  const filled = r.inputCells.filter((c, i) => c.table !== 'META' && r.values[i].kind !== 'blank').length;
  const total = r.inputCells.filter((c) => c.table !== 'META').length;
  io.out(line`文件：${path}（${SOURCE_WORDS[r.source]}）\n`);
  io.out(
    line`机关名称：${displayContent(cell('agency'))}${GAP}年度：${displayContent(cell('year'))}${GAP}格式：${FORMAT_WORDS[r.formatVersion]}\n`,
  );
  io.out(line`表格数字：读到 ${filled} / ${total} 个单元格\n`);
  const n = r.narrative;
  const len = (s: string | null) => (s ? `${s.length} 字` : '未找到');
  io.out(
    `文字部分：${NARRATIVE_HEADINGS.overall} ${len(n.overall)}（${n.overallParts.length} 个小节）；${NARRATIVE_HEADINGS.problems} ${len(n.problems)}；${NARRATIVE_HEADINGS.other} ${len(n.other)}\n`,
  );
  if (r.diagnostics.length === 0) io.out('导入说明：无（所有数字均按原样读取）\n');
  else {
    io.out(line`导入说明（${r.diagnostics.length} 条）：\n`);
    for (const d of r.diagnostics) io.out(line`  ${LEVEL_WORDS[d.level]}  ${d.message}\n`);
  }
}

function findingsOf(values: readonly CellContent[], format: Format) {
  return sortFindings(evaluateRules(values, { scopes: ['report'], format }));
}

export const importCommand: CliCommand = {
  summary: '导入已发布的年报（网页 .html、Word .docx、PDF、Markdown，或复制/转出的文本），生成填好的模板',
  usage: 'nianbao import report.txt|.md|.html|.docx|.pdf [-o report.xlsx] [--force] [--json]',
  async run(args, io) {
    const p = parse(args, {
      output: { type: 'string', short: 'o' },
      json: { type: 'boolean' },
      force: { type: 'boolean' },
    });
    if ('error' in p) return usageError(io, p.error, this.usage);
    const [path, ...extra] = p.positionals;
    if (!path || extra.length)
      return usageError(io, '请指定一个要导入的年报文件（.txt、.md、.html、.docx 或 .pdf）。', this.usage);
    const out = p.values.output as string | undefined;
    if (!(await outputsAllowed(io, [out], [path], p.values.force))) return EXIT.unreadable;
    // The format imported reports are read into and checked by (the template's): built once, handed down.
    const format = buildFormat2021();
    const source = await readReportSource(path, format);
    if (!source.ok) {
      io.err(line`无法导入 ${path}：${source.reason}\n`);
      return EXIT.unreadable;
    }
    if (!source.imported) {
      io.err(line`${path} 是年报助手的工作簿，不需要导入；请用 nianbao validate 校验\n`);
      return EXIT.unreadable;
    }
    const r = source.imported;
    const findings = findingsOf(r.values, format).filter((f) => f.rule !== 'blank');
    const counts = countBySeverity(findings);
    if (p.values.json)
      io.out(
        `${JSON.stringify(
          {
            file: path,
            formatVersion: r.formatVersion,
            source: r.source,
            report: r.report,
            narrative: r.narrative,
            diagnostics: r.diagnostics,
            findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, cells: f.cells })),
            narrativeFindings: r.narrativeFindings.map((f) => ({
              rule: f.rule,
              severity: f.severity,
              message: f.message,
              quote: f.quote,
            })),
            supplement: r.supplement,
          },
          null,
          2,
        )}\n`,
      );
    else {
      printSummary(path, r, format, io);
      io.out(
        counts.error === 0
          ? `校验：表格数字之间没有发现错误（${counts.warning} 个提示）\n`
          : `校验：${counts.error} 个错误，${counts.warning} 个提示\n`,
      );
      for (const f of findings) io.out(line`  ${SEVERITY_LABEL[f.severity]}  ${f.message}\n`);
      if (r.narrativeFindings.length) {
        io.out(`文字与表格：${r.narrativeFindings.length} 处文字中的数字与表格不一致\n`);
        for (const f of r.narrativeFindings) io.out(line`  ${SEVERITY_LABEL[f.severity]}  ${f.message}\n`);
      }
    }
    if (out) {
      const written = await writeImportedWorkbook(r, out, path);
      const figures = written.figures ? `，补充信息数字 ${written.figures} 个` : '';
      const texts = written.texts ? `，文字 ${written.texts} 段` : '';
      const note = line`已写入 ${out}（${written.cells} 个数字${figures}${texts}，均记入补充信息「导入记录」）\n`;
      if (p.values.json) io.err(note);
      else io.out(note);
    }
    const narrativeErrors = r.narrativeFindings.filter((f) => f.severity === 'error').length;
    return counts.error > 0 || narrativeErrors > 0 ? EXIT.findings : EXIT.ok;
  },
};

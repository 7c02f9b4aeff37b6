// `nianbao narrative report.xlsx [--template file] [--json]`: prints the generated narrative sections and checks
// every narrative part (generated and typed) against the tables (rules N.*).
import { buildFormat2021 } from '../../report/format/formats';
import { extname } from 'node:path';
import {
  GENERATED_SECTIONS,
  SUPPLEMENT_SHEET_NAME,
  checkNarrativeDocument,
  formatTemplateProblem,
  renderNarrative,
  type GeneratedSectionId,
  type NarrativeTemplates,
} from '../../report';
import { loadReportFile } from '../load-report-file';
import { EXIT, type CliCommand } from '../cli-command';
import { parse, usageError } from '../args';
import { readInputFile } from '../../hosts/node/input-file';
import { decodeText } from '../read-report-source';
import { line } from '../shown-text';

/** A template file is a page or two of text. */
const TEMPLATE_FILE_BYTES = 1024 * 1024;

const MARKER = /^[ \t]*【([^】]+)】[ \t]*$/;

function sectionOf(name: string): GeneratedSectionId | null {
  const key = name.trim();
  const found = GENERATED_SECTIONS.find((s) => s.id === key || s.label === key || s.label.startsWith(key));
  return found ? found.id : null;
}

/**
 * A template file: sections that start with a line 【一（二）依申请公开情况】 (a section's label, the start of it,
 * or its id such as 【apply】); or a .json object keyed by id.
 */
export function parseTemplateFile(text: string, json: boolean): NarrativeTemplates | { error: string } {
  const known = GENERATED_SECTIONS.map((s) => `【${s.label}】`).join('、');
  if (json) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return { error: '模板文件不是有效的 JSON' };
    }
    if (typeof data !== 'object' || data === null) return { error: '模板文件应是一个以段落 id 为键的 JSON 对象' };
    const out: Partial<Record<GeneratedSectionId, string>> = {};
    for (const [k, v] of Object.entries(data)) {
      const id = sectionOf(k);
      if (!id || typeof v !== 'string') return { error: `模板文件中的「${k}」不是可生成的段落（可用：${known}）` };
      out[id] = v;
    }
    return out;
  }
  const out: Partial<Record<GeneratedSectionId, string>> = {};
  let current: GeneratedSectionId | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (current) out[current] = lines.join('\n').replace(/^\n+|\n+$/g, '');
  };
  for (const [i, line] of text.replace(/\r\n?/g, '\n').split('\n').entries()) {
    const m = MARKER.exec(line);
    if (!m) {
      if (current) lines.push(line);
      else if (line.trim() !== '')
        return {
          error: `模板文件第 ${i + 1} 行：模板内容之前应先写段落标记，如 ${GENERATED_SECTIONS[1].label} 写作【${GENERATED_SECTIONS[1].label}】`,
        };
      continue;
    }
    flush();
    current = sectionOf(m[1]);
    if (!current) return { error: `模板文件第 ${i + 1} 行：不认识的段落「${m[1]}」（可用：${known}）` };
    lines = [];
  }
  flush();
  if (Object.keys(out).length === 0) return { error: `模板文件中没有段落标记（可用：${known}）` };
  return out;
}

export const narrativeCommand: CliCommand = {
  summary:
    '按模板生成年报的文字部分，并核对文字中的数字与表格是否一致（退出码 0 一致，1 有不一致或模板错误，2 无法读取）',
  usage: 'nianbao narrative report.xlsx [--template 模板文件] [--json]',
  async run(args, io) {
    const p = parse(args, { template: { type: 'string' }, json: { type: 'boolean' } });
    if ('error' in p) return usageError(io, p.error, this.usage);
    const [path, ...extra] = p.positionals;
    if (!path || extra.length) return usageError(io, '请指定一个年报 .xlsx 文件。', this.usage);
    let templates: NarrativeTemplates = {};
    const templatePath = p.values.template as string | undefined;
    if (templatePath) {
      const read = await readInputFile(templatePath, TEMPLATE_FILE_BYTES, '模板文件');
      const decoded = read.ok ? decodeText(read.bytes) : read;
      if (!decoded.ok) {
        io.err(line`无法读取模板文件 ${templatePath}：${decoded.reason}\n`);
        return EXIT.unreadable;
      }
      const text = decoded.text;
      const parsed = parseTemplateFile(text.replace(/^\ufeff/, ''), extname(templatePath).toLowerCase() === '.json');
      if ('error' in parsed) {
        io.err(line`${templatePath}：${parsed.error}\n`);
        return EXIT.unreadable;
      }
      templates = parsed;
    }
    // The format the workbook is read as (the template's), built once here.
    const loaded = await loadReportFile(path, buildFormat2021());
    if (!loaded.ok) {
      io.err(line`无法读取 ${path}：${loaded.reason}\n`);
      return EXIT.unreadable;
    }
    const narrative = renderNarrative(loaded.report, loaded.supplement, templates);
    const findings = checkNarrativeDocument(narrative, loaded.report, loaded.supplement);
    const sections = GENERATED_SECTIONS.map((s) => narrative.generated[s.id]);
    if (p.values.json) {
      io.out(
        `${JSON.stringify(
          {
            file: path,
            sections: sections.map((s) => ({
              id: s.id,
              label: s.label,
              cell: s.cell,
              isDefault: s.isDefault,
              paragraphs: s.paragraphs,
              problems: s.problems,
            })),
            findings: findings.map((f) => ({
              rule: f.rule,
              cells: f.cells,
              message: f.message,
              line: f.line,
              column: f.column,
            })),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      if (!loaded.hasSupplement)
        io.out(line`注意：工作簿中没有「${SUPPLEMENT_SHEET_NAME}」工作表，主动公开总数、收费等数字按未填写处理。\n\n`);
      for (const s of sections) {
        io.out(line`【${s.label}】${s.isDefault ? '' : '（自定义模板）'}\n`);
        if (s.problems.length)
          for (const problem of s.problems) io.out(line`  模板错误  ${formatTemplateProblem(problem)}\n`);
        else if (s.paragraphs.length === 0) io.out('  （按当前数据，此部分没有内容）\n');
        else for (const para of s.paragraphs) io.out(line`  ${para}\n`);
        io.out('\n');
      }
      if (findings.length === 0) io.out('核对：文字中复述的数字与表格一致。\n');
      else {
        io.out(line`核对：${findings.length} 处文字与表格不一致\n`);
        for (const f of findings) io.out(line`错误  ${f.cells[0]}  ${f.message}\n`);
      }
    }
    const broken = sections.some((s) => s.problems.length > 0);
    return broken || findings.length > 0 ? EXIT.findings : EXIT.ok;
  },
};

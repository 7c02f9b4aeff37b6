// `nianbao audit <folder or files…> [--csv out.csv] [--json]`: checks many reports in one run, any mix of our
// workbooks (.xlsx) and published reports (.txt, .html). One file at a time (memory stays that of one file); a file
// that cannot be read is a row with its reason, never the end of the run. Exit 0: no errors; 1: errors or unreadable
// files; 2: nothing to audit.
import { createWriteStream, type WriteStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  RULE_BY_ID,
  SEVERITY_LABEL,
  countBySeverity,
  displayContent,
  evaluateRules,
  input,
  sortFindings,
  type CellContent,
  type Finding,
  type Severity,
} from '../../report';
import { fileKindOfName } from '../../report/import';
import { EXIT, type CliCommand, type CliIO } from '../cli-command';
import { parse, usageError } from '../args';
import { csvField } from '../report-json';
import { NO_TABLES_REASON, importReportFile, sniffKind, type SourceKind } from '../read-report-source';
import { validateWorkbookFile } from '../validate-file';

export interface AuditRow {
  readonly file: string;
  readonly path: string;
  readonly kind: SourceKind;
  readonly agency: string | null;
  readonly year: number | string | null;
  /** template: a workbook of our template; 2021 / 2019 / unknown: the format of a published report. */
  readonly format: 'template' | '2021' | '2019' | 'unknown' | null;
  readonly errors: number;
  readonly warnings: number;
  /** Import diagnostics (text and HTML only). */
  readonly diagnostics: number;
  /** The first findings, errors first, blank cells last. */
  readonly first: readonly string[];
  /** Why the file could not be read, or null. */
  readonly error: string | null;
  /** Findings per rule id. */
  readonly rules: Readonly<Record<string, number>>;
}

export interface AuditSummary {
  readonly files: number;
  readonly unreadable: number;
  readonly withErrors: number;
  readonly passed: number;
  /** Per rule: how many files break it and how many findings in all. */
  readonly rules: readonly { rule: string; severity: Severity; title: string; files: number; findings: number }[];
}

const FIRST_SHOWN = 3;
/** The ideographic space between fields of a line (full-width, as Chinese text aligns). */
const GAP = '\u3000';

function metaOf(values: readonly CellContent[]): { agency: string | null; year: number | string | null } {
  const agency = values[input('META', 'agency').index];
  const year = values[input('META', 'year').index];
  return {
    agency: agency && agency.kind !== 'blank' ? displayContent(agency) : null,
    year: year?.kind === 'number' ? year.value : year && year.kind !== 'blank' ? displayContent(year) : null,
  };
}

/** The row of a file that was read: its findings counted per rule, the first few (blank cells last) quoted. */
function readRow(
  path: string,
  kind: SourceKind,
  values: readonly CellContent[],
  format: NonNullable<AuditRow['format']>,
  findings: readonly Finding[],
  diagnostics: number,
): AuditRow {
  const rules: Record<string, number> = {};
  for (const f of findings) rules[f.rule] = (rules[f.rule] ?? 0) + 1;
  const sorted = sortFindings(findings);
  const first = [...sorted.filter((f) => f.rule !== 'blank'), ...sorted.filter((f) => f.rule === 'blank')]
    .slice(0, FIRST_SHOWN)
    .map((f) => f.message);
  const counts = countBySeverity(findings);
  return {
    file: basename(path),
    path,
    kind,
    ...metaOf(values),
    format,
    errors: counts.error,
    warnings: counts.warning,
    diagnostics,
    first,
    error: null,
    rules,
  };
}

const failed = (path: string, kind: SourceKind, reason: string): AuditRow => ({
  file: basename(path),
  path,
  kind,
  agency: null,
  year: null,
  format: null,
  errors: 0,
  warnings: 0,
  diagnostics: 0,
  first: [],
  error: reason,
  rules: {},
});

/** Audits one file; never throws (an unexpected failure is the row's error). */
export async function auditFile(path: string): Promise<AuditRow> {
  const kind = await sniffKind(path);
  try {
    if (kind === 'xlsx') {
      const outcome = await validateWorkbookFile(path);
      if (!outcome.readable || !outcome.values) return failed(path, kind, outcome.json.error ?? '无法读取');
      return readRow(path, kind, outcome.values, 'template', outcome.findings, 0);
    }
    const read = await importReportFile(path, kind);
    if (!read.ok) return failed(path, kind, read.reason);
    const r = read.imported;
    if (r.formatVersion === 'unknown')
      return {
        ...failed(path, kind, NO_TABLES_REASON),
        ...metaOf(r.values),
        format: 'unknown',
        diagnostics: r.diagnostics.length,
      };
    const findings = evaluateRules(r.values, { scopes: ['report'] });
    return readRow(path, kind, r.values, r.formatVersion, findings, r.diagnostics.length);
  } catch (e) {
    return failed(path, kind, `读取时出错：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

/** The files to audit: each file given, and the report files in each folder given (recursively, sorted). */
export async function* auditTargets(inputs: readonly string[]): AsyncGenerator<string> {
  for (const input of inputs) {
    let s;
    try {
      s = await stat(input);
    } catch {
      yield input; // becomes an error row
      continue;
    }
    if (!s.isDirectory()) {
      yield input;
      continue;
    }
    const walk = async function* (dir: string, depth: number): AsyncGenerator<string> {
      const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
        const p = join(dir, e.name);
        if (e.isDirectory() && depth < 8) yield* walk(p, depth + 1);
        else if (e.isFile() && fileKindOfName(p)) yield p; // .xlsx, .txt, .md, .html, .docx, .pdf: every kind the audit reads
      }
    };
    yield* walk(input, 0);
  }
}

export class AuditTally {
  files = 0;
  unreadable = 0;
  withErrors = 0;
  private readonly ruleFiles = new Map<string, number>();
  private readonly ruleFindings = new Map<string, number>();

  add(row: AuditRow): void {
    this.files++;
    if (row.error) this.unreadable++;
    else if (row.errors > 0) this.withErrors++;
    for (const [rule, n] of Object.entries(row.rules)) {
      this.ruleFiles.set(rule, (this.ruleFiles.get(rule) ?? 0) + 1);
      this.ruleFindings.set(rule, (this.ruleFindings.get(rule) ?? 0) + n);
    }
  }

  summary(): AuditSummary {
    const rules = [...this.ruleFiles.keys()].map((rule) => {
      const r = RULE_BY_ID.get(rule as Parameters<typeof RULE_BY_ID.get>[0]);
      return {
        rule,
        severity: r?.severity ?? 'error',
        title: r?.title ?? rule,
        files: this.ruleFiles.get(rule)!,
        findings: this.ruleFindings.get(rule)!,
      };
    });
    rules.sort((a, b) => (a.severity === b.severity ? b.files - a.files : a.severity === 'error' ? -1 : 1));
    return {
      files: this.files,
      unreadable: this.unreadable,
      withErrors: this.withErrors,
      passed: this.files - this.unreadable - this.withErrors,
      rules,
    };
  }
}

export const AUDIT_CSV_COLUMNS = [
  '文件',
  '类型',
  '机关名称',
  '年度',
  '格式',
  '错误',
  '提示',
  '导入说明',
  '主要问题',
  '无法读取的原因',
];
const KIND_WORDS: Readonly<Record<SourceKind, string>> = {
  xlsx: '工作簿',
  text: '文本',
  markdown: 'Markdown',
  html: '网页',
  docx: 'Word',
  pdf: 'PDF',
};
const FORMAT_WORDS: Readonly<Record<NonNullable<AuditRow['format']>, string>> = {
  template: '年报助手模板',
  '2021': '2021 年版',
  '2019': '含 2019 年版',
  unknown: '未识别',
};

export function auditCsvLine(row: AuditRow): string {
  return [
    row.path,
    KIND_WORDS[row.kind],
    row.agency,
    row.year,
    row.format ? FORMAT_WORDS[row.format] : '',
    row.error ? '' : row.errors,
    row.error ? '' : row.warnings,
    row.diagnostics,
    row.first.join('；'),
    row.error,
  ]
    .map((v) => csvField(v ?? null))
    .join(',');
}

function rowLine(row: AuditRow): string {
  const mark = row.error || row.errors > 0 ? '✗' : '✓';
  if (row.error) return `${mark} ${row.path}${GAP}无法读取：${row.error}\n`;
  const meta = `${row.agency ?? '（无机关名称）'}${GAP}${row.year ?? '（无年度）'}${GAP}${FORMAT_WORDS[row.format!]}`;
  const counts = `错误 ${row.errors}${GAP}提示 ${row.warnings}${row.kind === 'xlsx' ? '' : `${GAP}导入说明 ${row.diagnostics}`}`;
  const first = row.first.length ? `\n    ${row.first.join('\n    ')}` : '';
  return `${mark} ${row.path}${GAP}${meta}${GAP}${counts}${first}\n`;
}

/** A one-line progress bar on stderr, redrawn in place; only on a terminal. */
function progress(io: CliIO, done: number, name: string): void {
  const width = 20;
  const filled = Math.min(width, done % (width + 1));
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  io.err(`\r\x1b[2K${bar} 已检查 ${done} 个文件${GAP}${name.slice(0, 40)}`);
}

function write(stream: WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(text)) resolve();
    else {
      stream.once('drain', resolve);
      stream.once('error', reject);
    }
  });
}

export const auditCommand: CliCommand = {
  summary: '批量检查多个年报（.xlsx 工作簿、.txt 文本、.html 网页），每个文件一行，最后按规则汇总',
  usage: 'nianbao audit <文件夹或文件…> [--csv out.csv] [--json]',
  async run(args, io) {
    const p = parse(args, { csv: { type: 'string' }, json: { type: 'boolean' } });
    if ('error' in p) return usageError(io, p.error, this.usage);
    if (p.positionals.length === 0) return usageError(io, '请指定要检查的文件夹或文件。', this.usage);
    const csvPath = p.values.csv as string | undefined;
    const csv = csvPath ? createWriteStream(csvPath, { encoding: 'utf8' }) : null;
    if (csv) await write(csv, `\ufeff${AUDIT_CSV_COLUMNS.join(',')}\r\n`);
    const tally = new AuditTally();
    const rows: AuditRow[] = [];
    for await (const path of auditTargets(p.positionals)) {
      if (io.interactive) progress(io, tally.files, basename(path));
      const row = await auditFile(path);
      tally.add(row);
      if (csv) await write(csv, `${auditCsvLine(row)}\r\n`);
      if (p.values.json) rows.push(row);
      else {
        if (io.interactive) io.err('\r\x1b[2K');
        io.out(rowLine(row));
      }
    }
    if (io.interactive) io.err('\r\x1b[2K');
    if (csv) await new Promise<void>((resolve, reject) => csv.end((e?: Error | null) => (e ? reject(e) : resolve())));
    const summary = tally.summary();
    if (p.values.json) io.out(`${JSON.stringify({ files: rows, summary }, null, 2)}\n`);
    else {
      io.out(
        `\n共 ${summary.files} 个文件：通过 ${summary.passed}，有错误 ${summary.withErrors}，无法读取 ${summary.unreadable}\n`,
      );
      if (summary.rules.length) io.out('按规则汇总（涉及文件数 / 问题数）：\n');
      for (const r of summary.rules)
        io.out(`  ${SEVERITY_LABEL[r.severity]}  ${r.rule.padEnd(12)} ${r.files} / ${r.findings}${GAP}${r.title}\n`);
      if (csvPath) io.out(`已写入 ${csvPath}\n`);
    }
    if (summary.files === 0) {
      io.err('没有找到可检查的文件（.xlsx、.txt、.html）\n');
      return EXIT.unreadable;
    }
    return summary.withErrors > 0 || summary.unreadable > 0 ? EXIT.findings : EXIT.ok;
  },
};

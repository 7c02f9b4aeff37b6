// `nianbao audit <folder or files…> [--csv out.csv] [--json | --jsonl] [--jobs N] [--resume out.csv]`: checks many
// reports in one run, any mix of our workbooks (.xlsx) and published reports (.txt, .html). Each file is read in a
// worker process within a time and memory budget (src/cli/audit/worker-pool.ts), so that no single file can stop
// the batch; rows come out in the order of the files, each written and flushed as soon as it is known. Exit 0: no
// errors; 1: errors or unreadable files; 2: nothing to audit.
import { availableParallelism } from 'node:os';
import { basename, resolve } from 'node:path';
import { SEVERITY_LABEL } from '../../report';
import { EXIT, type CliCommand, type CliIO } from '../cli-command';
import { parse, usageError } from '../args';
import type { AuditRow } from '../audit/audit-row';
import { CsvSink, FORMAT_WORDS, fileKey, readResumeCsv } from '../audit/audit-csv';
import { AuditTally } from '../audit/audit-tally';
import { listAuditTargets } from '../audit/audit-targets';
import { checkRegularFile } from '../audit/special-file';
import { outputsAllowed } from '../output-file';
import { line, shown } from '../shown-text';
import { DEFAULT_BUDGETS, auditInWorkers, type AuditBudgets } from '../audit/worker-pool';

export { auditFile, type AuditRow } from '../audit/audit-row';
export { auditTargets } from '../audit/audit-targets';
export { AuditTally, type AuditSummary } from '../audit/audit-tally';
export { AUDIT_CSV_COLUMNS, auditCsvLine } from '../audit/audit-csv';

/** The ideographic space between fields of a line (full-width, as Chinese text aligns). */
const GAP = '\u3000';

function rowLine(row: AuditRow): string {
  const mark = row.error || row.errors > 0 ? '✗' : '✓';
  // Every value from a file (path, agency, year, messages) is `shown`: a line break in an agency name cannot forge a row.
  if (row.error) return line`${mark} ${row.path}${GAP}无法读取：${row.error}\n`;
  const meta = line`${row.agency ?? '（无机关名称）'}${GAP}${row.year ?? '（无年度）'}${GAP}${FORMAT_WORDS[row.format!]}`;
  const dismissed = row.dismissed ? `（另有已忽略 ${row.dismissed}）` : '';
  const counts = `错误 ${row.errors}${GAP}提示 ${row.warnings}${dismissed}${row.kind === 'xlsx' ? '' : `${GAP}导入说明 ${row.diagnostics}`}`;
  const first = row.first.length ? `\n    ${row.first.map(shown).join('\n    ')}` : '';
  return `${mark} ${shown(row.path)}${GAP}${meta}${GAP}${counts}${first}\n`;
}

/** A one-line progress bar on stderr, redrawn in place; only on a terminal. */
function progress(io: CliIO, done: number, total: number, name: string): void {
  const width = 20;
  const filled = Math.round((width * done) / Math.max(1, total));
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  io.err(`\r\x1b[2K${bar} 已检查 ${done} / ${total} 个文件${GAP}${shown(name.slice(0, 40))}`);
}

/** A positive whole number option, or the Chinese reason it is not one. */
function positive(value: unknown, option: string, max: number): number | { error: string } | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : { error: `${option} 应为 1 到 ${max} 之间的整数` };
}

/** Files whose path, size and modification time are those of a row already in the CSV given to --resume. */
async function splitResumed(
  paths: readonly string[],
  done: ReadonlyMap<string, { errors: number; dismissed: number; unreadable: boolean }>,
  tally: AuditTally,
): Promise<string[]> {
  const todo: string[] = [];
  for (const p of paths) {
    const c = await checkRegularFile(p);
    const prior = c.ok ? done.get(fileKey(p, c.stats.size, c.stats.mtime.toISOString())) : undefined;
    if (prior) tally.addResumed(prior);
    else todo.push(p);
  }
  return todo;
}

export const auditCommand: CliCommand = {
  summary: '批量检查多个年报（.xlsx 工作簿、.txt 文本、.html 网页），每个文件一行，最后按规则汇总',
  usage:
    'nianbao audit <文件夹或文件…> [--csv out.csv [--force] | --resume out.csv] [--json | --jsonl] [--jobs N] [--time-limit 秒] [--memory-limit MB]',
  async run(args, io) {
    const p = parse(args, {
      csv: { type: 'string' },
      resume: { type: 'string' },
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      jobs: { type: 'string' },
      'time-limit': { type: 'string' },
      'memory-limit': { type: 'string' },
      force: { type: 'boolean' },
    });
    if ('error' in p) return usageError(io, p.error, this.usage);
    if (p.positionals.length === 0) return usageError(io, '请指定要检查的文件夹或文件。', this.usage);
    const jobs = positive(p.values.jobs, '--jobs', 64);
    const seconds = positive(p.values['time-limit'], '--time-limit', 3600);
    const megabytes = positive(p.values['memory-limit'], '--memory-limit', 16384);
    for (const v of [jobs, seconds, megabytes]) if (typeof v === 'object') return usageError(io, v.error, this.usage);
    if (megabytes !== undefined && (megabytes as number) < 64)
      return usageError(io, '--memory-limit 至少为 64（MB）', this.usage);
    if (p.values.json && p.values.jsonl) return usageError(io, '--json 与 --jsonl 只能选一个', this.usage);
    const resumePath = p.values.resume as string | undefined;
    const csvArg = p.values.csv as string | undefined;
    if (resumePath && csvArg && resolve(csvArg) !== resolve(resumePath))
      return usageError(io, '--resume 会把结果接着写入所给的 CSV，不能再用 --csv 指定另一个文件', this.usage);
    const csvPath = resumePath ?? csvArg;
    // --resume appends to its own CSV on purpose; a new --csv must not replace an input or an existing file.
    if (!resumePath && !(await outputsAllowed(io, [csvArg], p.positionals, p.values.force))) return EXIT.unreadable;
    const budgets: AuditBudgets = {
      seconds: (seconds as number | undefined) ?? DEFAULT_BUDGETS.seconds,
      megabytes: (megabytes as number | undefined) ?? DEFAULT_BUDGETS.megabytes,
    };

    const tally = new AuditTally();
    let paths = await listAuditTargets(p.positionals);
    let resume = null;
    if (resumePath) {
      const read = readResumeCsv(resumePath);
      if (!read.ok) {
        io.err(`${read.reason}\n`);
        return EXIT.unreadable;
      }
      resume = read;
      paths = await splitResumed(paths, read.done, tally);
    }
    const csv = csvPath ? CsvSink.open(csvPath, resume) : null;
    const rows: AuditRow[] = [];
    const total = paths.length;
    try {
      if (io.interactive && total) progress(io, 0, total, basename(paths[0]));
      await auditInWorkers(paths, {
        jobs: (jobs as number | undefined) ?? availableParallelism(),
        budgets,
        onRow(row, index) {
          tally.add(row);
          csv?.write(row);
          if (io.interactive) io.err('\r\x1b[2K');
          if (p.values.json) rows.push(row);
          else if (p.values.jsonl) io.out(`${JSON.stringify(row)}\n`);
          else io.out(rowLine(row));
          if (io.interactive && index + 1 < total) progress(io, index + 1, total, basename(paths[index + 1]));
        },
      });
    } finally {
      csv?.close();
    }
    if (io.interactive) io.err('\r\x1b[2K');
    const summary = tally.summary();
    if (p.values.json) io.out(`${JSON.stringify({ files: rows, summary }, null, 2)}\n`);
    else if (p.values.jsonl) io.out(`${JSON.stringify({ summary })}\n`);
    else {
      const resumed = summary.resumed ? `（其中 ${summary.resumed} 个已在 ${resumePath} 中，未重新检查）` : '';
      const dismissed = summary.dismissed ? `；已忽略的提示 ${summary.dismissed} 条` : '';
      io.out(
        `\n共 ${summary.files} 个文件${resumed}：通过 ${summary.passed}，有错误 ${summary.withErrors}，无法读取 ${summary.unreadable}${dismissed}\n`,
      );
      if (summary.rules.length) io.out('按规则汇总（涉及文件数 / 问题数）：\n');
      for (const r of summary.rules)
        io.out(`  ${SEVERITY_LABEL[r.severity]}  ${r.rule.padEnd(12)} ${r.files} / ${r.findings}${GAP}${r.title}\n`);
      if (csvPath) io.out(line`已写入 ${csvPath}\n`);
    }
    if (summary.files === 0) {
      io.err('没有找到可检查的文件（.xlsx、.txt、.html）\n');
      return EXIT.unreadable;
    }
    return summary.withErrors > 0 || summary.unreadable > 0 ? EXIT.findings : EXIT.ok;
  },
};

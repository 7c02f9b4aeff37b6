// `nianbao audit` as a user runs it (the bundled bin, a real process with its worker processes) over every hostile
// file we know mixed with 300 good reports: it finishes, every file has its row in input order, and the whole
// process tree stays under a stated memory cap. Killed halfway (SIGKILL, SIGINT) it leaves a valid CSV of every
// finished row, its workers gone; `--resume` completes the CSV without checking those files again.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AUDIT_CSV_COLUMNS, parseCsv } from '../../src/cli/audit/audit-csv';
import { listAuditTargets } from '../../src/cli/audit/audit-targets';
import { runCli } from '../support/run-cli';
import { isAlive, sampleTree } from '../support/process-tree';
import { suiteTempDir } from '../support/temp-dir';
import { until } from '../support/until';
import { copySeeds, writeSeeds } from './good-files';
import { manyTags, mergeBomb, validationOverColumns, writeHostileFiles, writeSpecialFiles } from './hostile-files';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nianbao.cjs');
/** The cap the issue names: the audit with 2 workers, main process and workers together. */
const CAP_BYTES = 500 * 1024 * 1024;

const tmp = suiteTempDir('nianbao-isolation-');
let seeds: Awaited<ReturnType<typeof writeSeeds>>;

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT }); // the bin as installed
  seeds = await writeSeeds(join(tmp, 'seeds'));
}, 120_000);

function startAudit(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'audit', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => (out += t));
  const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return { child, exited, output: () => out };
}

function csvRecords(path: string) {
  const text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  const { records, completeEnd } = parseCsv(text);
  return { header: records[0], rows: records.slice(1), complete: completeEnd === text.length };
}

const rowsIn = (csv: string) => (existsSync(csv) ? csvRecords(csv).rows.length : 0);

describe('audit isolation', () => {
  it('gives every hostile and good file its row, in order, under 500 MB for the whole process tree', async () => {
    const dir = join(tmp, 'mixed');
    // 300 good files, one workbook in ten (ExcelJS makes them the slowest by far; the suite stays short).
    copySeeds(seeds, join(dir, 'good'), 300, [
      'txt',
      'html',
      'txt',
      'html',
      'txt',
      'html',
      'txt',
      'html',
      'txt',
      'xlsx',
    ]);
    const hostileDir = join(dir, 'hostile');
    const hostile = writeHostileFiles(hostileDir);
    writeFileSync(join(hostileDir, 'merge-bomb.xlsx'), mergeBomb());
    writeFileSync(join(hostileDir, 'dv-columns.xlsx'), validationOverColumns());
    writeFileSync(join(hostileDir, 'tags-100k.html'), manyTags(100_000));
    const special = writeSpecialFiles(hostileDir);
    const expected = await listAuditTargets([dir]);
    expect(expected).toHaveLength(300 + Object.keys(hostile).length + 3 + Object.keys(special).length);

    const csv = join(tmp, 'mixed.csv');
    const run = startAudit([dir, '--csv', csv, '--jobs', '2', '--time-limit', '10']);
    const sampler = sampleTree(run.child.pid!);
    const { code } = await run.exited;
    const { peak, pids } = sampler.stop();
    expect(code).toBe(1);
    expect(pids.size).toBeGreaterThanOrEqual(3); // the audit and at least two workers were measured
    expect(peak).toBeLessThan(CAP_BYTES);

    const { header, rows, complete } = csvRecords(csv);
    expect(complete).toBe(true);
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows.map((r) => r[0])).toEqual(expected);
    const reason = (name: string) => rows.find((r) => r[0].endsWith(`/${name}`))![9];
    expect(reason('fifo.xlsx')).toMatch(/命名管道/);
    expect(reason('loop-a.txt')).toMatch(/循环的符号链接/);
    expect(reason('zero.xlsx')).toMatch(/设备文件/);
    expect(reason('urandom.txt')).toMatch(/设备文件/);
    for (const name of ['merge-bomb.xlsx', 'dv-columns.xlsx', ...Object.keys(hostile)])
      expect(reason(name)).not.toBe('');
    const good = rows.filter((r) => r[0].includes('/good/'));
    expect(good).toHaveLength(300);
    expect(good.filter((r) => r[9] !== '')).toEqual([]);
    expect(run.output()).toContain(`共 ${expected.length} 个文件`);
  }, 600_000);

  it('killed halfway leaves a valid CSV of every finished row; --resume completes it', async () => {
    const dir = join(tmp, 'batch');
    const files = copySeeds(seeds, dir, 60, ['txt', 'txt', 'xlsx']);
    const csv = join(tmp, 'batch.csv');

    // 1. SIGKILL after at least 10 rows: no chance to clean up.
    const first = startAudit([dir, '--csv', csv, '--jobs', '1']);
    const firstTree = sampleTree(first.child.pid!);
    await until(() => rowsIn(csv) >= 10, '10 rows in the CSV', 120_000);
    first.child.kill('SIGKILL');
    await first.exited;
    const { pids } = firstTree.stop();
    const afterKill = csvRecords(csv);
    expect(afterKill.complete).toBe(true);
    expect(afterKill.header).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(afterKill.rows.length).toBeGreaterThanOrEqual(10);
    expect(afterKill.rows.length).toBeLessThan(files.length);
    expect(afterKill.rows.map((r) => r[0])).toEqual(files.slice(0, afterKill.rows.length));
    await until(() => [...pids].every((p) => !isAlive(p)), 'the workers to follow their parent', 10_000);

    // 2. --resume, interrupted with SIGINT (Ctrl+C) after 10 more rows.
    const second = startAudit([dir, '--resume', csv, '--jobs', '1']);
    await until(() => rowsIn(csv) >= afterKill.rows.length + 10, '10 more rows in the CSV', 120_000);
    second.child.kill('SIGINT');
    await second.exited;
    const afterInt = csvRecords(csv);
    expect(afterInt.complete).toBe(true);
    expect(afterInt.rows.map((r) => r[0])).toEqual(files.slice(0, afterInt.rows.length));

    // 3. --resume to the end (in-process, from the sources): only the files not yet in the CSV are checked.
    const third = await runCli('audit', dir, '--resume', csv, '--jobs', '2');
    expect(third.code).toBe(1);
    expect(third.out).toContain(
      `共 ${files.length} 个文件（其中 ${afterInt.rows.length} 个已在 ${csv} 中，未重新检查）`,
    );
    expect(third.out.split('\n').filter((l) => /^[✓✗] /.test(l))).toHaveLength(files.length - afterInt.rows.length);
    const final = csvRecords(csv);
    expect(final.complete).toBe(true);
    expect(final.rows.map((r) => r[0])).toEqual(files);
    expect(final.rows.every((r) => r.length === AUDIT_CSV_COLUMNS.length)).toBe(true);
  }, 600_000);
});

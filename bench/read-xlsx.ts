// Reading workbooks (#13): the targeted reader against the ExcelJS reader in the same run — validate (one file,
// median ms) and audit (1,000 filled templates, files/s and peak RSS), memory from 100 to 3,000 files, the hostile
// workbooks each as its own `nianbao validate` process (wall time and peak RSS), and the cold start of
// `nianbao validate` split into node start, bundle load and work.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { writeImportedWorkbook } from '../src/cli/commands/import';
import { validateWorkbookFile } from '../src/cli/validate-file';
import { readTemplate } from '../src/report/reading/read-template';
import { buildFormat2021 } from '../src/report/format/formats';

const FORMAT = buildFormat2021();
import { openWorkbookFile } from '../src/hosts/xlsx/read-workbook';
import { evaluateRules } from '../src/report';
import { importReport } from '../src/report/import';
import { EXPECTED } from '../test/import/expected-samples';
import { hostileWorkbooks } from '../test/xlsx-reader/hostile-workbooks';

const MB = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Today's path, kept as the yardstick: ExcelJS parses the whole workbook, then the same reading and rules. */
async function validateWithExcelJs(path: string): Promise<void> {
  const opened = await openWorkbookFile(path);
  if (!opened.ok) return;
  const read = await readTemplate(opened.host, FORMAT);
  if (read.ok) evaluateRules(read.values, { scopes: ['report', 'previous'], format: FORMAT });
}

async function validateWithReader(path: string): Promise<void> {
  await validateWorkbookFile(path, FORMAT);
}

type Validate = (path: string) => Promise<void>;

async function filesPerSecond(files: readonly string[], validate: Validate) {
  if (global.gc) global.gc();
  let peak = 0;
  const t0 = process.hrtime.bigint();
  for (const f of files) {
    await validate(f);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { perSecond: Math.round((files.length / seconds) * 10) / 10, peakRssMB: MB(peak) };
}

async function medianMs(file: string, validate: Validate, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await validate(file);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return Math.round(median(times) * 100) / 100;
}

/** Wall ms and peak RSS (MB, from GNU time) of one command; its exit code and first line of output. */
function measure(argv: string[]): { ms: number; rssMB: number; code: number; out: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', ...argv], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const kb = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { ms: Math.round(ms), rssMB: Math.round(kb / 102.4) / 10, code: r.status ?? -1, out: r.stdout };
}

function bundle(): string {
  const path = join(process.cwd(), 'dist', 'cli', 'nianbao.cjs');
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  return path;
}

export async function benchReadXlsx(count = 1000): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const root = mkdtempSync(join(tmpdir(), 'nianbao-bench-read-'));
  try {
    const seeds: string[] = [];
    for (const [i, e] of EXPECTED.entries()) {
      const file = join(root, `seed-${i}.xlsx`);
      const text = readFileSync(join(process.cwd(), 'test', 'fixtures', 'samples', e.file), 'utf8');
      await writeImportedWorkbook(importReport(text), file);
      seeds.push(file);
    }
    const folder = (n: number) => {
      const dir = join(root, `n${n}`);
      mkdirSync(dir, { recursive: true });
      const files = Array.from({ length: n }, (_, i) => join(dir, `${String(i).padStart(4, '0')}.xlsx`));
      files.forEach((f, i) => copyFileSync(seeds[i % seeds.length], f));
      return files;
    };

    // validate: one filled template, median of many runs.
    const one = seeds[0];
    await medianMs(one, validateWithReader, 20);
    await medianMs(one, validateWithExcelJs, 3);
    const vNew = await medianMs(one, validateWithReader, 200);
    const vOld = await medianMs(one, validateWithExcelJs, 30);
    out['validate one filled template, targeted reader (median ms)'] = vNew;
    out['validate one filled template, ExcelJS reader (median ms)'] = vOld;
    out['validate: ExcelJS ms / reader ms'] = Math.round((vOld / vNew) * 10) / 10;

    // audit: `count` distinct files, then memory from 100 to 3,000 files with the reader.
    const files = folder(count);
    const aNew = await filesPerSecond(files, validateWithReader);
    const small = await filesPerSecond(folder(100), validateWithReader);
    const large = await filesPerSecond(folder(3000), validateWithReader);
    const aOld = await filesPerSecond(files, validateWithExcelJs);
    out[`audit ${count} filled templates, targeted reader (files/s)`] = aNew.perSecond;
    out[`audit ${count} filled templates, ExcelJS reader (files/s)`] = aOld.perSecond;
    out['audit: reader files/s ÷ ExcelJS files/s'] = Math.round((aNew.perSecond / aOld.perSecond) * 10) / 10;
    out[`audit ${count}, targeted reader: peak RSS (MB)`] = aNew.peakRssMB;
    out[`audit ${count}, ExcelJS reader: peak RSS (MB)`] = aOld.peakRssMB;
    out['audit 100 files, targeted reader: peak RSS (MB)'] = small.peakRssMB;
    out['audit 3,000 files, targeted reader: peak RSS (MB)'] = large.peakRssMB;

    // Each as its own process, as a user runs it.
    const cli = bundle();
    const hostileDir = join(root, 'hostile');
    mkdirSync(hostileDir);
    for (const [name, build] of Object.entries(hostileWorkbooks(1))) {
      const file = join(hostileDir, name);
      writeFileSync(file, build());
      // In this process first (the reader's own work, without node start and bundle load), then as a process.
      const t0 = process.hrtime.bigint();
      await validateWithReader(file);
      out[`hostile ${name}: in-process validate (ms)`] = Math.round(Number(process.hrtime.bigint() - t0) / 1e6);
      const m = measure([process.execPath, cli, 'validate', file, '--json']);
      const error = m.out ? String(JSON.parse(m.out).error ?? '') : '';
      out[`hostile ${name} (${MB(readFileSync(file).length)} MB): exit, ms, peak RSS MB`] =
        `${m.code}, ${m.ms}, ${m.rssMB} — ${error.slice(0, 40)}`;
    }

    // Cold start, each the median of 5: node alone, node loading the bundle, node validating one file.
    const cold = (argv: string[]) => median(Array.from({ length: 5 }, () => measure(argv).ms));
    const node = cold([process.execPath, '-e', '0']);
    const load = cold([process.execPath, '-e', `require(${JSON.stringify(cli)})`]);
    const whole = cold([process.execPath, cli, 'validate', one]);
    out['validate cold start: node start (ms)'] = node;
    out['validate cold start: bundle load (ms)'] = load - node;
    out['validate cold start: work (ms)'] = whole - load;
    out['validate cold start: total (ms)'] = whole;
    // What validate itself needs (validate-file.ts and its imports: reader, rules, --json), bundled alone.
    const alone = join(root, 'validate-alone.cjs');
    buildSync({
      entryPoints: ['src/cli/validate-file.ts'],
      bundle: true,
      platform: 'node',
      outfile: alone,
      logLevel: 'error',
    });
    out['validate-file.ts bundled alone: size (KB)'] = Math.round(readFileSync(alone).length / 1024);
    out['validate-file.ts bundled alone: load (ms)'] =
      cold([process.execPath, '-e', `require(${JSON.stringify(alone)})`]) - node;
    if (existsSync(cli)) out['CLI bundle size (KB)'] = Math.round(readFileSync(cli).length / 1024);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return out;
}

if (require.main === module) {
  benchReadXlsx(Number(process.argv[2] ?? 1000)).then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(70)} ${v}`);
  });
}

// `npm run bench`: every figure the issues ask for, printed as a table. Counts and ratios are the robust ones on
// these noisy 2-core machines; times are medians. Each section runs in a process of its own (so one section's
// builds and heap never weigh on another's figures), and every line carries the load average when the section
// started and ended. Add a section: one line in BENCHES. Run some: `npm run bench -- <part of a title>`.
import { spawn } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { benchCore } from './core';
import { benchExcel } from './excel';
import { benchAudit } from './audit';
import { benchRollup } from './rollup';
import { benchImport } from './import';
import { benchWeb } from './web';
import { benchWps } from './wps';
import { benchReadXlsx } from './read-xlsx';
import { benchCli } from './cli';

type Figures = Record<string, number | string>;
type Bench = [string, () => Promise<Figures>];

const BENCHES: Bench[] = [
  ['报告核心与命令行 (report core, CLI)', () => benchCore()],
  ['命令行启动 (CLI cold start)', () => benchCli()],
  ['Excel 加载项 (Excel add-in)', () => benchExcel()],
  ['批量检查 (audit)', () => benchAudit()],
  ['汇总 (rollup of 500 children)', () => benchRollup()],
  ['导入已发布的年报 (importer: reports/s per kind, ms/KB)', () => benchImport()],
  ['网页版 (in-browser sheet)', () => benchWeb()],
  ['WPS 加载项 (WPS add-in)', () => benchWps()],
  ['读取工作簿 (reading .xlsx)', () => benchReadXlsx()],
];

const SECTION_FLAG = '--bench-section';
const load = () => loadavg()[0].toFixed(2);

/** In a child: runs one section and hands its figures back on stdout as one JSON line. */
async function runSection(index: number): Promise<void> {
  const figures = await BENCHES[index][1]();
  process.stdout.write(`\n${SECTION_FLAG}:${JSON.stringify(figures)}\n`);
}

/**
 * Runs one section in a fresh Node process: this same bundled script (copied aside, so a rebuild of the shared
 * cache by another run cannot swap it midway).
 */
function inChild(script: string, index: number): Promise<Figures> {
  // Required from -e rather than run as the main module: a bundled section's own "run me directly" check
  // (require.main === module) must not fire inside the bench.
  const run = `require(${JSON.stringify(script)})`;
  const child = spawn(process.execPath, ['--expose-gc', '-e', run, '--', SECTION_FLAG, String(index)], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  child.stdout!.on('data', (c: Buffer) => {
    text += c.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = text.split('\n').find((l) => l.startsWith(`${SECTION_FLAG}:`));
      // Whatever the section printed itself (progress, warnings) is passed on.
      const rest = text
        .split('\n')
        .filter((l) => !l.startsWith(`${SECTION_FLAG}:`) && l.trim() !== '')
        .join('\n');
      if (rest) console.log(rest);
      if (code === 0 && line) resolve(JSON.parse(line.slice(SECTION_FLAG.length + 1)) as Figures);
      else reject(new Error(`section ${BENCHES[index][0]} exited with ${code}`));
    });
  });
}

async function main() {
  const at = process.argv.indexOf(SECTION_FLAG);
  if (at >= 0) return runSection(Number(process.argv[at + 1]));
  const only = process.argv[2];
  // Beside the bundle (under node_modules/.cache), so packages resolve from it for require() and import() alike.
  const script = join(dirname(process.argv[1]), `bench-sections-${process.pid}.cjs`);
  copyFileSync(process.argv[1], script);
  let failed = 0;
  try {
    for (const [index, [title]] of BENCHES.entries()) {
      if (only && !title.includes(only)) continue;
      console.log(`\n## ${title}`);
      const before = load();
      try {
        const figures = await inChild(script, index);
        const during = `(load ${before}→${load()})`;
        for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(64)} ${String(v).padEnd(24)} ${during}`);
      } catch (e) {
        failed += 1;
        console.log(`failed: ${e instanceof Error ? e.message : String(e)} (load ${before}→${load()})`);
      }
    }
  } finally {
    rmSync(script, { force: true });
  }
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

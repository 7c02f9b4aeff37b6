// `nianbao validate` cold start on one file, side by side with a 20-line openpyxl script doing the smallest
// comparable job (bench/fixtures/openpyxl-validate.py): each a fresh process, runs alternated so both see the same
// machine, median wall time of each and their ratio (the target: at most 1.5). Also which packages the
// validate process loaded, to show a command loads only what it needs.
// Run alone: node scripts/run-ts.mjs bench/cli.ts [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INPUT_CELLS, planTemplate } from '../src/report';
import { XlsxHost } from '../src/hosts/xlsx/xlsx-host';
import { gaoxinqu2021 } from '../test/support/report-values';

const ROOT = process.cwd();
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const PACKAGES_WATCHED = ['exceljs', 'handlebars', 'docx', 'react', 'parse5', 'pdfjs-dist', 'zod'];

/** A Python with openpyxl: `python3` on PATH first, then Debian's (apt-get install python3-openpyxl). */
function findPython(): string | null {
  for (const python of ['python3', '/usr/bin/python3'])
    if (spawnSync(python, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0) return python;
  return null;
}

function timed(cmd: string, args: readonly string[], env?: NodeJS.ProcessEnv): { ms: number; status: number | null } {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: r.status };
}

export async function benchCli(runs = 9): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-bench-'));
  try {
    // One filled report, as a user's file.
    const host = new XlsxHost();
    await host.applyEdits(planTemplate());
    const values = gaoxinqu2021();
    await host.writeNamedValues(
      new Map(
        INPUT_CELLS.map((c, i) => {
          const v = values[i] as { value?: number; text?: string };
          return [c.name, v.value ?? v.text ?? null];
        }),
      ),
    );
    const file = join(dir, 'report.xlsx');
    writeFileSync(file, await host.toBuffer());
    const nianbao = [join(ROOT, 'bin', 'nianbao.cjs'), 'validate', file];
    // The bin rebuilds a stale bundle; do that once now rather than inside the first timed run.
    timed(process.execPath, nianbao);

    // Which of the big packages a `validate` process loads.
    const hook = join(dir, 'watch-require.cjs');
    writeFileSync(
      hook,
      `const M = require('node:module'); const seen = new Set(); const load = M._load;
M._load = function (request) { const top = request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0];
  if (${JSON.stringify(PACKAGES_WATCHED)}.includes(top)) seen.add(top); return load.apply(this, arguments); };
process.on('exit', () => require('node:fs').writeSync(2, '\\nLOADED:' + [...seen].join(',') + '\\n'));`,
    );
    const watched = spawnSync(process.execPath, ['-r', hook, ...nianbao], { cwd: ROOT, encoding: 'utf8' });
    const loaded = /LOADED:(.*)/.exec(watched.stderr ?? '')?.[1] ?? '?';
    out['packages `validate` loads (of ' + PACKAGES_WATCHED.join(', ') + ')'] = loaded || 'none';

    const python = findPython();
    const script = join(ROOT, 'bench', 'fixtures', 'openpyxl-validate.py');
    const ours: number[] = [];
    const theirs: number[] = [];
    const node: number[] = [];
    const startOnly: number[] = [];
    for (let i = 0; i < runs; i++) {
      node.push(timed(process.execPath, ['-e', '0']).ms);
      // A missing file: the command's modules load, nothing is read (the start-up cost apart from the reader).
      startOnly.push(timed(process.execPath, [nianbao[0], 'validate', join(dir, 'missing.xlsx')]).ms);
      const r = timed(process.execPath, nianbao);
      if (r.status === null || r.status > 1) throw new Error(`nianbao validate exited with ${r.status}`);
      ours.push(r.ms);
      if (python) theirs.push(timed(python, [script, file]).ms);
    }
    out[`nianbao validate, one file, cold start (ms, median of ${runs})`] = Math.round(median(ours));
    out['of which starting Node itself (node -e 0, ms)'] = Math.round(median(node));
    out['validate of a missing file: start-up without reading (ms)'] = Math.round(median(startOnly));
    if (python) {
      out['openpyxl script, one file, cold start (ms, median)'] = Math.round(median(theirs));
      out['validate / openpyxl (target ≤ 1.5)'] = Math.round((median(ours) / median(theirs)) * 100) / 100;
    } else
      out['openpyxl script'] = 'not measured: no python3 with openpyxl here (Debian: apt-get install python3-openpyxl)';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (/[\\/]cli\.(c?js|ts)$/.test(process.argv[1] ?? ''))
  benchCli(Number(process.argv[2]) || undefined).then(
    (f) => {
      for (const [k, v] of Object.entries(f)) console.log(`${k.padEnd(64)} ${v}`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );

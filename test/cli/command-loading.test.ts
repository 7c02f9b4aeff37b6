// `nianbao` loads what the command it runs needs and nothing else (issue #15): the bundle as scripts/build-cli.mjs
// makes it, run as a user runs it, with a hook that notes every package Node loads. `validate` must not load docx
// or Handlebars (export and narrative do, which shows the hook sees them), and the bundled commands still work.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { input, planTemplate } from '../../src/report';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { suiteTempDir } from '../support/temp-dir';

const root = resolve(__dirname, '../..');
const dir = suiteTempDir('nianbao-loading-');
const bundle = join(dir, 'nianbao.cjs');
const hook = join(dir, 'watch.cjs');
const report = join(dir, 'report.xlsx');

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), bundle], { cwd: root });
  writeFileSync(
    hook,
    `const M = require('node:module'); const seen = new Set(); const load = M._load;
M._load = function (request) { if (!request.startsWith('.') && !request.startsWith('/') && !request.startsWith('node:')) seen.add(request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0]); return load.apply(this, arguments); };
process.on('exit', () => require('node:fs').writeSync(2, '\\nLOADED ' + JSON.stringify([...seen]) + '\\n'));`,
  );
  const host = new XlsxHost();
  await host.applyEdits(planTemplate({ agency: '某某区人民政府办公室', year: 2025 }));
  // A row whose parts are all 0 but whose total is 5: one error for validate to report (a row with blank parts is
  // 未填完, not broken).
  const parts = ['person', 'business', 'research', 'charity', 'legal', 'other'].map(
    (c) => [input('T3', 'new', c).name, 0] as [string, number],
  );
  await host.writeNamedValues(new Map([...parts, [input('T3', 'new', 'total').name, 5]]));
  writeFileSync(report, await host.toBuffer());
}, 120_000);

/** Runs the bundled CLI in a fresh Node and returns its exit code, output and the packages it loaded. */
function run(...args: string[]): { code: number | null; out: string; loaded: string[] } {
  const r = spawnSync(
    process.execPath,
    ['-r', hook, join(root, 'test', 'support', 'run-bundle.cjs'), bundle, ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    },
  );
  const m = /LOADED (.*)/.exec(r.stderr);
  if (!m) throw new Error(`no package list; stderr: ${r.stderr}`);
  return { code: r.status, out: r.stdout, loaded: JSON.parse(m[1]) as string[] };
}

test('validate loads neither docx nor Handlebars, and still reports the broken total', () => {
  const { code, out, loaded } = run('validate', report, '--json');
  expect(loaded).not.toContain('docx');
  expect(loaded).not.toContain('handlebars');
  expect(loaded).not.toContain('react');
  expect(code).toBe(1);
  const findings = JSON.parse(out).findings as { severity: string; cells: { value: unknown }[] }[];
  // The one error is about the row whose total is 5.
  expect(findings.some((f) => f.severity === 'error' && f.cells.some((c) => c.value === 5))).toBe(true);
}, 60_000);

test('narrative does load Handlebars (the hook sees what a command needs) and renders through the stand-in', () => {
  const { code, out, loaded } = run('narrative', report);
  expect(loaded).toContain('handlebars');
  expect(code === 0 || code === 1).toBe(true);
  expect(out).toContain('2025年，本机关共收到政府信息公开申请5件');
}, 60_000);

test('--help lists every command without loading any of their packages', () => {
  const { code, out, loaded } = run('--help');
  expect(code).toBe(0);
  for (const name of ['template', 'validate', 'export', 'import', 'audit', 'narrative']) expect(out).toContain(name);
  expect(loaded).not.toContain('handlebars');
  expect(loaded).not.toContain('exceljs');
}, 60_000);

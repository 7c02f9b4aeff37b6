// The `nianbao` bundle leaves pdfjs-dist outside (scripts/build-cli.mjs): the bundle holds no pdfjs code, and the
// one place that loads it (src/report/import/read-pdf.ts, by import() on the first PDF) still finds it, so
// `nianbao import report.pdf` works from the bundle as a user runs it. The bundle is built inside the repository
// (dist/), where Node resolves pdfjs-dist the way it does for bin/nianbao.cjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIXTURES_DIR } from '../support/fixtures-dir';

const root = resolve(__dirname, '../..');
const outDir = join(root, 'dist', `cli-pdf-test-${process.pid}`);
const bundle = join(outDir, 'nianbao.cjs');

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), bundle], { cwd: root });
}, 180_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

it('holds no pdfjs code, and is under 2 MB (4.96 MB with pdfjs inside)', () => {
  const code = readFileSync(bundle, 'utf8');
  expect(code).not.toContain('PDFDocumentLoadingTask');
  expect(code).toContain('"pdfjs-dist/legacy/build/pdf.mjs"');
  expect(statSync(bundle).size).toBeLessThan(2 * 1024 * 1024);
});

it('imports a PDF through the bundle (pdfjs loaded on demand)', () => {
  const pdf = join(FIXTURES_DIR, 'import-pdf', 'random-1000.pdf');
  const r = spawnSync(
    process.execPath,
    [join(root, 'test', 'support', 'run-bundle.cjs'), bundle, 'import', pdf, '--json'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  expect(r.stderr).toBe('');
  const json = JSON.parse(r.stdout) as { source: string; formatVersion: string };
  expect([json.source, json.formatVersion]).toEqual(['pdf', '2021']);
}, 60_000);

// `npm start` rebuilds dist/web when any source of the page is newer than it (scripts/start.mjs webBuildIsFresh):
// the page's entry is src/apps/web/boot.tsx and it imports src/export too, so a change there must rebuild (it did
// not: only src/report, src/taskpane and src/hosts were looked at). A temporary tree with set times, read by the
// real function in a child process (start.mjs is an ES module).
import { execFileSync } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { suiteTempDir } from '../support/temp-dir';

const START = resolve(__dirname, '../../scripts/start.mjs');
const root = suiteTempDir('nianbao-fresh-');
const out = join(root, 'dist', 'web');
const BUILT_AT = new Date('2026-12-01T00:00:00Z');
const OLDER = new Date('2026-11-30T00:00:00Z');
const NEWER = new Date('2026-12-02T00:00:00Z');

const FILES = [
  'src/apps/web/boot.tsx',
  'src/export/page.ts',
  'src/report/index.ts',
  'src/report/rules/rules.test.ts',
  'src/cli/main.ts',
  'config/webpack.web.cjs',
  'package-lock.json',
];

function setTimes(newer?: string): void {
  for (const f of FILES) {
    const p = join(root, f);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, '');
    const t = f === newer ? NEWER : OLDER;
    utimesSync(p, t, t);
  }
  // Folders' own times count too (a deleted file): keep them older than the build.
  for (const d of [
    'src/apps/web',
    'src/apps',
    'src/export',
    'src/report/rules',
    'src/report',
    'src/cli',
    'src',
    'config',
  ])
    utimesSync(join(root, d), OLDER, OLDER);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.html'), '');
  utimesSync(join(out, 'index.html'), BUILT_AT, BUILT_AT);
}

function fresh(): boolean {
  const script = `import { webBuildIsFresh } from ${JSON.stringify(START)};
process.stdout.write(String(webBuildIsFresh({ root: ${JSON.stringify(root)}, out: ${JSON.stringify(out)} })));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }) === 'true';
}

describe('npm start rebuilds the page when a source of it changed', () => {
  it('is fresh when the build is newer than every source', () => {
    setTimes();
    expect(fresh()).toBe(true);
  });

  it.each(['src/apps/web/boot.tsx', 'src/export/page.ts', 'src/report/index.ts', 'config/webpack.web.cjs'])(
    'is stale after %s changed',
    (file) => {
      setTimes(file);
      expect(fresh()).toBe(false);
    },
  );

  it('ignores the command line and tests, which the page does not hold', () => {
    setTimes('src/cli/main.ts');
    expect(fresh()).toBe(true);
    setTimes('src/report/rules/rules.test.ts');
    expect(fresh()).toBe(true);
  });
});

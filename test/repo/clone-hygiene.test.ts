/** @jest-environment jsdom */
// A clone tests itself (issue #14): no test reads anything beside the repository (../shared), a missing system tool
// fails with its install command rather than skipping, tests wait on conditions rather than fixed sleeps or
// Testing Library's 1 s default, and every package the code imports is declared in package.json.
import { builtinModules } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { getConfig } from '@testing-library/dom';
import { TOOLS, findTool, missingToolMessage, requireTool } from '../support/system-tools';

const ROOT = path.resolve(__dirname, '../..');

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'node_modules' && name !== 'fixtures') out.push(...filesUnder(full, ext));
    } else if (ext.test(name)) out.push(full);
  }
  return out;
}

const CODE = /\.(ts|tsx|mjs|cjs|js)$/;
const testFiles = filesUnder(path.join(ROOT, 'test'), /\.tsx?$/).filter((f) => f !== __filename);
const srcTests = filesUnder(path.join(ROOT, 'src'), /\.test\.tsx?$/);
const allTests = [...testFiles, ...srcTests];
const rel = (f: string) => path.relative(ROOT, f);

describe('everything a test needs lives in the repository', () => {
  it('no test builds a path to the shared folder beside the repository', () => {
    const outside = allTests.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return /\.\.\/shared\/|\.\.['"`]\s*,\s*['"`]shared['"`]|['"`]\.\.\/\.\.\/\.\.\/shared/.test(text);
    });
    expect(outside.map(rel)).toEqual([]);
  });
});

describe('one policy for missing system tools', () => {
  it('names the Debian package to install when a tool is missing, and fails rather than skips', () => {
    const ghost = { command: 'nianbao-no-such-tool', aptPackage: 'nianbao-ghost', usedFor: 'nothing' };
    expect(findTool(ghost)).toBeNull();
    expect(() => requireTool(ghost)).toThrow('sudo apt-get install -y nianbao-ghost');
    expect(missingToolMessage(TOOLS.xmllint)).toContain('apt-get install -y libxml2-utils');
    expect(findTool({ command: 'sh', aptPackage: 'dash', usedFor: 'x' })).toMatch(/sh$/);
  });

  it('has no test that skips or returns early because a tool is absent', () => {
    const skipping = allTests.filter((f) =>
      /(SOFFICE|PDFTOPPM|XMLLINT|CHROMIUM|has\(['"]\w+['"]\))\s*\?\s*(it|describe|test)\s*:\s*(it|describe|test)\.skip|if\s*\(\s*!\s*(SOFFICE|PDFTOPPM|XMLLINT)\s*\)\s*return/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(skipping.map(rel)).toEqual([]);
  });
});

describe('tests wait on conditions', () => {
  it('gives Testing Library a condition wait far above its 1 s default (test/support/jest-setup.ts)', () => {
    expect(getConfig().asyncUtilTimeout).toBeGreaterThanOrEqual(10_000);
  });

  it('has no fixed page sleep unless the line says why time itself is the point', () => {
    const offenders: string[] = [];
    for (const f of allTests)
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/waitForTimeout\(/.test(line) && !/time-based:/.test(line)) offenders.push(`${rel(f)}:${i + 1}`);
        });
    expect(offenders).toEqual([]);
  });

  it('has no fixed sleep in Node either (a timer awaited for a set time) unless the line says it polls or why', () => {
    const sleep = /new Promise\(\(?\w*\)?\s*=>\s*setTimeout\(\s*\w+\s*,\s*(?:[1-9]|[A-Za-z_])/;
    const offenders: string[] = [];
    for (const f of allTests)
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (sleep.test(line) && !/time-based:|poll:/.test(line)) offenders.push(`${rel(f)}:${i + 1}`);
        });
    expect(offenders).toEqual([]);
  });
});

describe('every imported package is declared', () => {
  it('resolves each bare import in src, test, scripts, bench and config to a dependency in package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
    const builtins = new Set(builtinModules);
    const missing = new Set<string>();
    const dirs = ['src', 'test', 'scripts', 'bench', 'config'].map((d) => path.join(ROOT, d));
    const files = [...dirs.flatMap((d) => filesUnder(d, CODE)), path.join(ROOT, 'webpack.config.js')];
    const spec = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"./][^'"]*)['"]/gm;
    for (const f of files) {
      for (const [, s] of readFileSync(f, 'utf8').matchAll(spec)) {
        if (s.startsWith('node:') || builtins.has(s.split('/')[0])) continue;
        const name = s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0];
        if (!declared.has(name)) missing.add(`${name} (${rel(f)})`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});

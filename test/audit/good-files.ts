// Good report files in bulk for the audit's tests and bench: a few real published reports (samples) as .txt, as
// the .html page a site serves, and as our .xlsx workbook, copied round-robin under numbered names.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeImportedWorkbook } from '../../src/cli/commands/import';
import { importReport } from '../../src/report/import';
import { EXPECTED } from '../import/expected-samples';
import { renderHtml } from '../import/html-page';

/** By the repository root (tests and bench run there, bundled or not). */
const SAMPLES_DIR = resolve('test', 'fixtures', 'samples');

export type GoodKind = 'txt' | 'html' | 'xlsx';

/** One seed file per sample and kind, written into `dir`. */
export async function writeSeeds(dir: string, kinds: readonly GoodKind[] = ['txt', 'html', 'xlsx']) {
  mkdirSync(dir, { recursive: true });
  const seeds: Record<GoodKind, string[]> = { txt: [], html: [], xlsx: [] };
  for (const [i, e] of EXPECTED.entries()) {
    const text = readFileSync(join(SAMPLES_DIR, e.file), 'utf8');
    const at = (kind: GoodKind) => join(dir, `seed-${i}.${kind}`);
    if (kinds.includes('txt')) writeFileSync(at('txt'), text);
    if (kinds.includes('html')) writeFileSync(at('html'), renderHtml(e, { hostile: i % 2 === 0 }));
    if (kinds.includes('xlsx')) await writeImportedWorkbook(importReport(text), at('xlsx'));
    for (const k of kinds) seeds[k].push(at(k));
  }
  return seeds;
}

/** `count` copies of the seeds of `kinds`, round-robin, named 0000.<kind>…; their paths in name order. */
export function copySeeds(
  seeds: Record<GoodKind, string[]>,
  dir: string,
  count: number,
  kinds: readonly GoodKind[] = ['txt', 'html', 'xlsx'],
): string[] {
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length];
    const list = seeds[kind];
    const path = join(dir, `${String(i).padStart(4, '0')}.${kind}`);
    copyFileSync(list[Math.floor(i / kinds.length) % list.length], path);
    out.push(path);
  }
  return out;
}

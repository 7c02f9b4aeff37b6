// Audit throughput and memory: 1,000 generated report files of each kind (our .xlsx workbooks, PDF-text .txt
// reports, .html pages), audited one at a time as `nianbao audit` does, plus the hostile files. Reports files per
// second, peak RSS and heap, and the time each hostile file takes to become an error row.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditFile, auditTargets } from '../src/cli/commands/audit';
import { writeImportedWorkbook } from '../src/cli/commands/import';
import { importReport } from '../src/report/import';
import { EXPECTED } from '../test/import/expected-samples';
import { renderHtml } from '../test/import/html-page';
import { writeHostileFiles } from '../test/audit/hostile-files';

export interface KindFigures {
  readonly kind: string;
  readonly files: number;
  readonly seconds: number;
  readonly filesPerSecond: number;
  readonly peakRssMB: number;
  readonly peakHeapMB: number;
  readonly unreadable: number;
}

/** Samples by path from the repository root (bench scripts run there, bundled or not). */
const readSample = (file: string) => readFileSync(join(process.cwd(), 'test', 'fixtures', 'samples', file), 'utf8');

const MB = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

async function auditFolder(kind: string, dir: string): Promise<KindFigures> {
  if (global.gc) global.gc();
  let peakRss = 0;
  let peakHeap = 0;
  let files = 0;
  let unreadable = 0;
  const t0 = process.hrtime.bigint();
  for await (const path of auditTargets([dir])) {
    const row = await auditFile(path);
    files++;
    if (row.error) unreadable++;
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return {
    kind,
    files,
    seconds: Math.round(seconds * 100) / 100,
    filesPerSecond: Math.round((files / seconds) * 10) / 10,
    peakRssMB: MB(peakRss),
    peakHeapMB: MB(peakHeap),
    unreadable,
  };
}

/** Detailed figures: per kind, and milliseconds per hostile file. */
export async function auditFigures(count = 1000): Promise<{ kinds: KindFigures[]; hostile: Record<string, number> }> {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-bench-audit-'));
  try {
    const seeds = { xlsx: [] as string[], txt: [] as string[], html: [] as string[] };
    for (const [i, e] of EXPECTED.entries()) {
      const txt = join(root, `seed-${i}.txt`);
      writeFileSync(txt, readSample(e.file));
      seeds.txt.push(txt);
      const html = join(root, `seed-${i}.html`);
      writeFileSync(html, renderHtml(e, { hostile: i % 2 === 0 }));
      seeds.html.push(html);
      const xlsx = join(root, `seed-${i}.xlsx`);
      await writeImportedWorkbook(importReport(readSample(e.file)), xlsx);
      seeds.xlsx.push(xlsx);
    }
    const kinds: KindFigures[] = [];
    for (const kind of ['txt', 'html', 'xlsx'] as const) {
      const dir = join(root, kind);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      for (let i = 0; i < count; i++)
        copyFileSync(seeds[kind][i % seeds[kind].length], join(dir, `${String(i).padStart(4, '0')}.${kind}`));
      kinds.push(await auditFolder(kind, dir));
      rmSync(dir, { recursive: true, force: true });
    }
    const hostileDir = join(root, 'hostile');
    mkdirSync(hostileDir);
    const files = writeHostileFiles(hostileDir);
    const hostile: Record<string, number> = {};
    for (const [name, path] of Object.entries(files)) {
      const t0 = process.hrtime.bigint();
      await auditFile(path);
      hostile[name] = Math.round(Number(process.hrtime.bigint() - t0) / 1e5) / 10;
    }
    return { kinds, hostile };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The figures as `npm run bench` prints them (bench/index.ts). */
export async function benchAudit(count = 1000): Promise<Record<string, number | string>> {
  const r = await auditFigures(count);
  const out: Record<string, number | string> = {};
  for (const k of r.kinds) {
    out[`audit ${k.kind}: files audited`] = k.files;
    out[`audit ${k.kind}: files per second`] = k.filesPerSecond;
    out[`audit ${k.kind}: peak RSS (MB)`] = k.peakRssMB;
    out[`audit ${k.kind}: peak heap (MB)`] = k.peakHeapMB;
  }
  for (const [name, ms] of Object.entries(r.hostile)) out[`audit hostile ${name}: ms to an error row`] = ms;
  return out;
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 1000);
  auditFigures(count).then((r) => {
    for (const k of r.kinds)
      console.log(
        `audit ${k.kind.padEnd(5)} ${k.files} files in ${k.seconds} s = ${k.filesPerSecond} files/s; peak RSS ${k.peakRssMB} MB, heap ${k.peakHeapMB} MB; unreadable ${k.unreadable}`,
      );
    console.log(`hostile files (ms to an error row): ${JSON.stringify(r.hostile)}`);
  });
}

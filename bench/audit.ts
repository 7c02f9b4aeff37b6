// Audit throughput and memory. (1) 1,000 generated report files of each kind (our .xlsx workbooks, PDF-text .txt
// reports, .html pages) audited in-process one at a time (the cost of reading, without workers), plus the time each
// hostile file takes to become an error row. (2) `nianbao audit` itself on 1,000 mixed files (the three kinds and
// the cheap hostile and special files) with 1 and 2 worker processes: files per second and the peak RSS of the
// whole process tree (the audit and its workers).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditCommand, auditFile, auditTargets } from '../src/cli/commands/audit';
import { copySeeds, writeSeeds, type GoodKind } from '../test/audit/good-files';
import { writeHostileFiles, writeSpecialFiles } from '../test/audit/hostile-files';
import { sampleTree } from '../test/support/process-tree';

export interface KindFigures {
  readonly kind: string;
  readonly files: number;
  readonly seconds: number;
  readonly filesPerSecond: number;
  readonly peakRssMB: number;
  readonly peakHeapMB: number;
  readonly unreadable: number;
}

export interface WorkerFigures {
  readonly jobs: number;
  readonly files: number;
  readonly seconds: number;
  readonly filesPerSecond: number;
  readonly peakTreeRssMB: number;
}

const MB = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
const secondsSince = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
/** Files, seconds and files per second since `t0`, rounded as printed. */
function throughput(files: number, t0: bigint) {
  const seconds = secondsSince(t0);
  return {
    files,
    seconds: Math.round(seconds * 100) / 100,
    filesPerSecond: Math.round((files / seconds) * 10) / 10,
  };
}

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
  return {
    kind,
    ...throughput(files, t0),
    peakRssMB: MB(peakRss),
    peakHeapMB: MB(peakHeap),
    unreadable,
  };
}

/** `nianbao audit <dir> --jobs N` in-process (its workers are child processes), the tree sampled throughout. */
async function auditWithWorkers(dir: string, jobs: number): Promise<WorkerFigures> {
  let files = 0;
  const sampler = sampleTree(process.pid, 50);
  const t0 = process.hrtime.bigint();
  await auditCommand.run([dir, '--jsonl', '--jobs', String(jobs)], {
    out: (t) => (files += t.startsWith('{"file"') ? 1 : 0),
    err: () => undefined,
    interactive: false,
  });
  const figures = throughput(files, t0);
  const { peak } = sampler.stop();
  return {
    jobs,
    ...figures,
    peakTreeRssMB: MB(peak),
  };
}

/** Detailed figures: per kind, milliseconds per hostile file, and the command with 1 and 2 workers. */
export async function auditFigures(
  count = 1000,
): Promise<{ kinds: KindFigures[]; hostile: Record<string, number>; workers: WorkerFigures[] }> {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-bench-audit-'));
  try {
    const seeds = await writeSeeds(join(root, 'seeds'));
    const kinds: KindFigures[] = [];
    for (const kind of ['txt', 'html', 'xlsx'] as GoodKind[]) {
      const dir = join(root, kind);
      copySeeds(seeds, dir, count, [kind]);
      kinds.push(await auditFolder(kind, dir));
      rmSync(dir, { recursive: true, force: true });
    }
    const files = writeHostileFiles(join(root, 'hostile'));
    const hostile: Record<string, number> = {};
    for (const [name, path] of Object.entries(files)) {
      const t0 = process.hrtime.bigint();
      await auditFile(path);
      hostile[name] = Math.round(secondsSince(t0) * 10000) / 10;
    }
    const mixed = join(root, 'mixed');
    const bad = { ...writeHostileFiles(join(mixed, 'bad')), ...writeSpecialFiles(join(mixed, 'bad')) };
    for (const slow of ['bomb.xlsx', 'million.xlsx']) rmSync(bad[slow]); // their seconds are in `hostile`
    copySeeds(seeds, join(mixed, 'good'), count - Object.keys(bad).length + 2);
    const workers = [await auditWithWorkers(mixed, 1), await auditWithWorkers(mixed, 2)];
    return { kinds, hostile, workers };
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
  for (const w of r.workers) {
    out[`audit mixed, ${w.jobs} worker(s): files`] = w.files;
    out[`audit mixed, ${w.jobs} worker(s): files per second`] = w.filesPerSecond;
    out[`audit mixed, ${w.jobs} worker(s): peak RSS of the process tree (MB)`] = w.peakTreeRssMB;
  }
  const [one, two] = r.workers;
  out['audit mixed: speed-up of 2 workers over 1'] = Math.round((two.filesPerSecond / one.filesPerSecond) * 100) / 100;
  return out;
}

if (/[\\/]audit\.(c?js|ts)$/.test(process.argv[1] ?? '')) {
  const count = Number(process.argv[2] ?? 1000);
  benchAudit(count).then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(60)} ${v}`);
  });
}

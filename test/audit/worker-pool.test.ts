// The audit's worker pool against a stand-in worker that misbehaves on request (endless loop, memory hog outside
// the JS heap, heap exhaustion, crash): each bad file is one row naming the limit, the worker is replaced, every
// later file still gets its row, and rows come back in input order whatever order the workers finish in.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditRow } from '../../src/cli/audit/audit-row';
import { auditInWorkers, memoryLimitReason, timeLimitReason } from '../../src/cli/audit/worker-pool';

// Speaks worker-protocol.ts. The file "name" says what to do: ok-<ms>, loop, hog, heap, crash.
const STAND_IN = `
const row = (path) => ({ file: path, path, kind: 'text', agency: String(process.pid), year: null, format: '2021',
  errors: 0, warnings: 0, dismissed: 0, diagnostics: 0, first: [], error: null, rules: {}, size: 1, modified: null });
process.on('message', ({ id, path }) => {
  if (path.startsWith('ok-')) setTimeout(() => process.send({ id, row: row(path) }), Number(path.slice(3)));
  else if (path === 'loop') for (;;) {}
  else if (path === 'hog') { const keep = []; setInterval(() => keep.push(Buffer.alloc(16 * 1024 * 1024, 1)), 5); }
  else if (path === 'heap') { const keep = []; for (;;) keep.push({ a: Math.random(), b: [1, 2, 3] }); }
  else if (path === 'crash') process.exit(3);
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
`;

let dir: string;
let script: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-pool-'));
  script = join(dir, 'stand-in.cjs');
  writeFileSync(script, STAND_IN);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(paths: string[], jobs: number, budgets = { seconds: 3, megabytes: 96 }) {
  const rows: AuditRow[] = [];
  const indexes: number[] = [];
  await auditInWorkers(paths, {
    jobs,
    budgets,
    script,
    onRow: (row, i) => {
      rows.push(row);
      indexes.push(i);
    },
  });
  return { rows, indexes };
}

describe('audit worker pool', () => {
  it('turns an endless loop and a crash into rows and goes on with new workers', async () => {
    const budgets = { seconds: 5, megabytes: 96 };
    const paths = ['ok-1', 'loop', 'ok-1', 'crash', 'ok-1'];
    const { rows, indexes } = await run(paths, 1, budgets);
    expect(indexes).toEqual(paths.map((_, i) => i));
    expect(rows.map((r) => r.path)).toEqual(paths);
    expect(rows.map((r) => r.error)).toEqual([
      null,
      timeLimitReason(budgets),
      null,
      expect.stringMatching(/检查进程意外退出（退出码 3）/),
      null,
    ]);
    expect(timeLimitReason(budgets)).toContain('5 秒');
    // One worker: each failure replaced it, so the good files after each failure ran in a new process.
    expect(new Set(rows.filter((r) => !r.error).map((r) => r.agency)).size).toBe(3);
  }, 120_000);

  it('turns a memory hog outside the JS heap and heap exhaustion into rows naming the memory limit', async () => {
    // A time budget no loaded machine reaches first: these rows must come from the memory limit.
    const budgets = { seconds: 600, megabytes: 96 };
    const paths = ['ok-1', 'hog', 'ok-1', 'heap', 'ok-1'];
    const { rows } = await run(paths, 1, budgets);
    expect(rows.map((r) => r.error)).toEqual([
      null,
      memoryLimitReason(budgets),
      null,
      memoryLimitReason(budgets),
      null,
    ]);
    expect(memoryLimitReason(budgets)).toContain('96 MB');
    expect(new Set(rows.filter((r) => !r.error).map((r) => r.agency)).size).toBe(3);
  }, 300_000);

  it('keeps the order of the files although a later file finishes first', async () => {
    const paths = ['ok-600', 'ok-1', 'ok-1', 'ok-300', 'ok-1'];
    const { rows, indexes } = await run(paths, 2);
    expect(indexes).toEqual([0, 1, 2, 3, 4]);
    expect(rows.map((r) => r.path)).toEqual(paths);
    expect(new Set(rows.map((r) => r.agency)).size).toBe(2);
  }, 120_000);
});

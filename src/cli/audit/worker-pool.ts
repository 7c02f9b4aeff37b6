// Audits files in worker processes, each file within a time and a memory budget. A file that runs over either
// (an endless loop, a zip of merges, a page that never finishes) becomes one error row naming the limit; its
// worker is killed and replaced, and the batch goes on. Rows come back in the order of the files given.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { failedRow, kindByName, type AuditRow } from './audit-row';
import type { WorkerReply, WorkerRequest } from './worker-protocol';
import { workerScript } from './worker-script';

export interface AuditBudgets {
  /** Wall-clock seconds one file may take. */
  readonly seconds: number;
  /** Megabytes a worker may hold (resident set, and its JavaScript heap) while reading one file. */
  readonly megabytes: number;
}

export const DEFAULT_BUDGETS: AuditBudgets = { seconds: 60, megabytes: 256 };

export const timeLimitReason = (b: AuditBudgets) =>
  `超出时间上限：检查这个文件超过了每个文件 ${b.seconds} 秒的上限，已停止（可用 --time-limit 调整）`;
export const memoryLimitReason = (b: AuditBudgets) =>
  `超出内存上限：检查这个文件需要超过每个文件 ${b.megabytes} MB 的内存，已停止（可用 --memory-limit 调整）`;
const crashReason = (how: string) => `检查这个文件时检查进程意外退出（${how}），已跳过`;

const POLL_MS = 20;
/** A worker's resident set in bytes, from /proc (Linux); null where there is no /proc. */
function residentBytes(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

class Worker {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private stderrTail = '';

  constructor(
    private readonly script: string,
    private readonly budgets: AuditBudgets,
  ) {}

  private start(): Promise<void> {
    const child = fork(this.script, [], {
      execArgv: [`--max-old-space-size=${this.budgets.megabytes}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    this.child = child;
    this.stderrTail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (t: string) => (this.stderrTail = (this.stderrTail + t).slice(-2000)));
    return new Promise((resolve, reject) => {
      const onMessage = (m: WorkerReply) => {
        if ('ready' in m) {
          child.off('exit', onExit);
          child.off('message', onMessage);
          resolve();
        }
      };
      const onExit = (code: number | null, signal: string | null) =>
        reject(new Error(`检查进程未能启动（${signal ?? `退出码 ${code}`}）：${this.stderrTail.trim()}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  }

  /** The row of one file; a budget run over, or a crash, is the row's error and the worker is restarted. */
  async audit(id: number, path: string): Promise<AuditRow> {
    if (!this.child) this.ready = this.start();
    await this.ready;
    const child = this.child!;
    return new Promise<AuditRow>((resolve) => {
      let over: 'time' | 'memory' | null = null;
      const stop = (why: 'time' | 'memory') => {
        over = why;
        child.kill('SIGKILL');
      };
      const timer = setTimeout(() => stop('time'), this.budgets.seconds * 1000);
      const limit = this.budgets.megabytes * 1024 * 1024;
      const poll = setInterval(() => {
        const rss = child.pid ? residentBytes(child.pid) : null;
        if (rss !== null && rss > limit) stop('memory');
      }, POLL_MS);
      const done = (row: AuditRow) => {
        clearTimeout(timer);
        clearInterval(poll);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(row);
      };
      const onMessage = (m: WorkerReply) => {
        if ('id' in m && m.id === id) done(m.row);
      };
      const onExit = (code: number | null, signal: string | null) => {
        this.child = null;
        const outOfHeap = /heap out of memory|Allocation failed|OutOfMemory/i.test(this.stderrTail);
        const reason =
          over === 'time'
            ? timeLimitReason(this.budgets)
            : over === 'memory' || outOfHeap
              ? memoryLimitReason(this.budgets)
              : crashReason(signal ?? `退出码 ${code}`);
        done(failedRow(path, kindByName(path), reason));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ id, path } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

export interface PoolOptions {
  readonly jobs: number;
  readonly budgets: AuditBudgets;
  /** Called once per file, in the order of `paths`, as soon as the file and every one before it are done. */
  readonly onRow: (row: AuditRow, index: number) => void;
  /** The worker's script (worker-script.ts finds ours); another speaking worker-protocol.ts may stand in. */
  readonly script?: string;
}

/** Audits `paths` with up to `jobs` workers; resolves when every row has been handed to onRow. */
export async function auditInWorkers(paths: readonly string[], options: PoolOptions): Promise<void> {
  if (paths.length === 0) return;
  const script = options.script ?? (await workerScript());
  const workers = Array.from(
    { length: Math.max(1, Math.min(options.jobs, paths.length)) },
    () => new Worker(script, options.budgets),
  );
  const rows: (AuditRow | undefined)[] = new Array(paths.length);
  let next = 0;
  let emitted = 0;
  const flush = () => {
    while (emitted < paths.length && rows[emitted]) {
      options.onRow(rows[emitted]!, emitted);
      rows[emitted] = undefined;
      emitted++;
    }
  };
  try {
    await Promise.all(
      workers.map(async (w) => {
        while (next < paths.length) {
          const i = next++;
          rows[i] = await w.audit(i, paths[i]);
          flush();
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}

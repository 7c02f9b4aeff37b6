// The resident memory of a process and all its descendants, sampled from /proc (Linux): what the machine pays
// for a command that runs workers, not just its main process.
import { readFileSync, readdirSync } from 'node:fs';

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const t of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${t}/children`, 'latin1').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    } catch {
      // the task ended meanwhile
    }
  }
  return out;
}

/** `pid` and every descendant alive now. */
export function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i]));
  return all;
}

function rssBytes(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

export const treeRssBytes = (pid: number) => processTree(pid).reduce((sum, p) => sum + rssBytes(p), 0);

export const isAlive = (pid: number) => {
  try {
    const state = /State:\s+(\S)/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1];
    return state !== undefined && state !== 'Z';
  } catch {
    return false;
  }
};

/** Samples the tree's RSS every `ms` until stopped; the peak in bytes and every pid seen. */
export function sampleTree(pid: number, ms = 20): { stop(): { peak: number; pids: Set<number> } } {
  let peak = 0;
  const pids = new Set<number>();
  const timer = setInterval(() => {
    const tree = processTree(pid);
    tree.forEach((p) => pids.add(p));
    peak = Math.max(
      peak,
      tree.reduce((sum, p) => sum + rssBytes(p), 0),
    );
  }, ms);
  return {
    stop() {
      clearInterval(timer);
      return { peak, pids };
    },
  };
}

// The files an audit checks: each path given, and in each folder given every entry whose name is a report's
// (.xlsx, .txt, .html…), recursively, sorted. Entries that are not regular files (a FIFO, a symlink to /dev/zero,
// a symlink loop) are listed too, so that each gets its row saying what it is; symlinked folders are not walked.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileKindOfName } from '../../report/import';

const MAX_DEPTH = 8;

async function* walk(dir: string, depth: number): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (depth < MAX_DEPTH) yield* walk(p, depth + 1);
    } else if (fileKindOfName(p)) yield p;
  }
}

/** Every file to audit, in a stable order (the order given; within a folder, by name). */
export async function* auditTargets(inputs: readonly string[]): AsyncGenerator<string> {
  for (const input of inputs) {
    let isDirectory = false;
    try {
      isDirectory = (await stat(input)).isDirectory();
    } catch {
      // not there or not resolvable: becomes an error row
    }
    if (isDirectory) yield* walk(input, 0);
    else yield input;
  }
}

export async function listAuditTargets(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const p of auditTargets(inputs)) out.push(p);
  return out;
}

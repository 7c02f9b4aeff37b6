// What a path is before anything opens it: only a regular file is read. A FIFO would block the reader forever, a
// device (/dev/zero, /dev/urandom) never ends, a symlink loop never resolves; each becomes a reason in Chinese.
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { failureReason } from '../../hosts/failure-words';
import { notRegularReason } from '../../hosts/node/input-file';

export type PathCheck = { readonly ok: true; readonly stats: Stats } | { readonly ok: false; readonly reason: string };

/** Why a path that is not a regular file is not read, or null for a regular file (the words every command uses). */
export function specialFileReason(s: Stats): string | null {
  return s.isFile() ? null : notRegularReason(s);
}

/** Stats a path (following symlinks, as a reader would) and says whether it may be read. */
export async function checkRegularFile(path: string): Promise<PathCheck> {
  let s: Stats;
  try {
    s = await stat(path);
  } catch (e) {
    return { ok: false, reason: failureReason(e, 'read') };
  }
  const reason = specialFileReason(s);
  return reason ? { ok: false, reason } : { ok: true, stats: s };
}

// Every file the CLI and the xlsx file reader read goes through here: opened without blocking (a FIFO never waits for a writer), then
// judged from the open handle's fstat — only a regular file within the size cap is read, and never more than the
// cap (a file growing under us, /dev/urandom behind a symlink). Devices, FIFOs, sockets and folders are refused at
// once; a symlink loop, a missing file or a lack of permission gets its Chinese reason (failure-words.ts).
import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { failureReason } from '../failure-words';
import { tooLargeReason } from '../xlsx/open-guard';

export type InputRead = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly reason: string };

/** Why a path that is not a regular file cannot be read, by what it is. */
export function notRegularReason(s: Stats): string {
  if (s.isDirectory()) return '这是一个文件夹，不是文件：请指定文件（检查整个文件夹请用 nianbao audit）';
  if (s.isFIFO()) return '这是命名管道（FIFO），不是普通文件：请指定一个保存在磁盘上的文件';
  if (s.isCharacterDevice() || s.isBlockDevice())
    return '这是设备文件（如 /dev/zero、/dev/urandom），不是普通文件：请指定一个保存在磁盘上的文件';
  if (s.isSocket()) return '这是套接字，不是普通文件：请指定一个保存在磁盘上的文件';
  return '不是普通文件：请指定一个保存在磁盘上的文件';
}

// O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer (open(2)); the handle is
// only fstat-ed and closed then. Absent on Windows, where FIFOs do not arise this way.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export type OpenedInput =
  | { readonly ok: true; readonly handle: FileHandle; readonly size: number }
  | { readonly ok: false; readonly reason: string };

/** Opens `path` for reading if it is a regular file of at most `limit` bytes; the caller closes the handle. */
export async function openInputFile(path: string, limit: number, what: string): Promise<OpenedInput> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (e) {
    return { ok: false, reason: failureReason(e, 'read') };
  }
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw notRegularReason(s);
    if (s.size > limit) throw tooLargeReason(s.size, limit, what);
    return { ok: true, handle, size: s.size };
  } catch (e) {
    await handle.close().catch(() => undefined);
    return { ok: false, reason: typeof e === 'string' ? e : failureReason(e, 'read') };
  }
}

/**
 * Reads a whole regular file of at most `limit` bytes, checked from fstat before reading; at most `limit + 1`
 * bytes are ever read, so a file that grows past the cap meanwhile is refused too. `what` names the kind of
 * file in the refusal (年报工作簿, 年报全文).
 */
export async function readInputFile(path: string, limit: number, what: string): Promise<InputRead> {
  const opened = await openInputFile(path, limit, what);
  if (!opened.ok) return opened;
  const { handle } = opened;
  try {
    let buf = Buffer.alloc(Math.min(limit + 1, opened.size + 1));
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        if (buf.length > limit) break;
        const grown = Buffer.alloc(Math.min(limit + 1, buf.length * 2 + 64 * 1024));
        buf.copy(grown);
        buf = grown;
      }
      const { bytesRead } = await handle.read(buf, length, buf.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) return { ok: false, reason: tooLargeReason(length, limit, what) };
    return { ok: true, bytes: buf.subarray(0, length) };
  } catch (e) {
    return { ok: false, reason: failureReason(e, 'read') };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The first `n` bytes of a regular file (to tell what it is), or null when it cannot be read as one. */
export async function readInputHead(path: string, n: number): Promise<Buffer | null> {
  const opened = await openInputFile(path, Number.MAX_SAFE_INTEGER, '文件');
  if (!opened.ok) return null;
  try {
    const head = Buffer.alloc(n);
    const { bytesRead } = await opened.handle.read(head, 0, n, 0);
    return head.subarray(0, bytesRead);
  } catch {
    return null;
  } finally {
    await opened.handle.close().catch(() => undefined);
  }
}

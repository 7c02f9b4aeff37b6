// What a path is before anything opens it: only a regular file is read. A FIFO would block the reader forever, a
// device (/dev/zero, /dev/urandom) never ends, a symlink loop never resolves; each becomes a reason in Chinese.
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';

export type PathCheck = { readonly ok: true; readonly stats: Stats } | { readonly ok: false; readonly reason: string };

const ERRNO_REASONS: Readonly<Record<string, string>> = {
  ENOENT: '文件不存在或无法访问',
  ENOTDIR: '文件不存在或无法访问',
  ELOOP: '符号链接形成循环（或层数过多），无法打开',
  EACCES: '没有读取该文件的权限',
  EPERM: '没有读取该文件的权限',
  ENAMETOOLONG: '文件路径过长',
};

/** Why a path that is not a regular file is not read, or null for a regular file. */
export function specialFileReason(s: Stats): string | null {
  if (s.isFile()) return null;
  if (s.isDirectory()) return '这是一个文件夹，不是文件';
  if (s.isFIFO()) return '这是一个命名管道（FIFO），不是普通文件，未读取';
  if (s.isCharacterDevice() || s.isBlockDevice()) return '这是一个设备文件（如 /dev/zero），不是普通文件，未读取';
  if (s.isSocket()) return '这是一个套接字（socket），不是普通文件，未读取';
  return '不是普通文件，未读取';
}

/** Stats a path (following symlinks, as a reader would) and says whether it may be read. */
export async function checkRegularFile(path: string): Promise<PathCheck> {
  let s: Stats;
  try {
    s = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return { ok: false, reason: ERRNO_REASONS[code] ?? '文件不存在或无法访问' };
  }
  const reason = specialFileReason(s);
  return reason ? { ok: false, reason } : { ok: true, stats: s };
}

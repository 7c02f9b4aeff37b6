// The Node side of the targeted reader: a file read whole within a size cap (checked before reading), then handed
// as bytes to the reader (reader/, browser-safe). Loads neither ExcelJS nor anything that writes a workbook.
import { readFile, stat } from 'node:fs/promises';
import { TEMPLATE_READ_NAMES } from '../read-template';
import { READ_LIMITS, tooLargeReason, type ReadLimits } from './reader/limits';
import { WorkbookReader } from './reader/workbook-reader';

export type ReadResult =
  { readonly ok: true; readonly host: WorkbookReader } | { readonly ok: false; readonly reason: string };

/**
 * Reads a whole file of at most `limit` bytes, checked before reading. `what` names the file kind in the
 * refusal (年报工作簿, 年报全文).
 */
export async function readBoundedFile(
  path: string,
  limit: number,
  what: string,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: string }> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) return { ok: false, reason: '不是文件' };
    size = s.size;
  } catch {
    return { ok: false, reason: '文件不存在或无法访问' };
  }
  if (size > limit) return { ok: false, reason: tooLargeReason(size, limit, what) };
  return { ok: true, bytes: await readFile(path) };
}

/**
 * A workbook file opened for reading by names: `preload` (the template's cells by default) is read at once, so
 * every refusal is known here. The reader's later reads of other names may throw a ReadRefusal.
 */
export async function openReportFile(
  path: string,
  preload: readonly string[] = TEMPLATE_READ_NAMES,
  limits: ReadLimits = READ_LIMITS,
): Promise<ReadResult> {
  const read = await readBoundedFile(path, limits.fileBytes, '年报工作簿');
  if (!read.ok) return read;
  const opened = WorkbookReader.open(read.bytes, preload, limits);
  return opened.ok ? { ok: true, host: opened.reader } : opened;
}

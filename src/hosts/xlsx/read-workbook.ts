// Opening a workbook file for reading: guarded first (open-guard.ts), then parsed by ExcelJS, with the
// failure as a value the CLI turns into exit 2.
import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { guardXlsx, OPEN_LIMITS, tooLargeReason } from './open-guard';
import { XlsxHost } from './xlsx-host';

export type OpenResult =
  { readonly ok: true; readonly host: XlsxHost } | { readonly ok: false; readonly reason: string };

export async function openWorkbookBuffer(buf: Buffer): Promise<OpenResult> {
  const guard = guardXlsx(buf);
  if (!guard.ok) return guard;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, reason: `工作簿内容已损坏，无法读取（${detail}）` };
  }
  return { ok: true, host: new XlsxHost(workbook, guard.definedNames) };
}

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

export async function openWorkbookFile(path: string): Promise<OpenResult> {
  const read = await readBoundedFile(path, OPEN_LIMITS.fileBytes, '年报工作簿');
  return read.ok ? openWorkbookBuffer(read.bytes) : read;
}

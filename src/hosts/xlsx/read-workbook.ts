// Opening a workbook file: for reading (validate, audit, export, narrative, --previous) through the targeted
// reader (reader/), which reads only the named cells; for editing and saving, guarded and parsed whole by ExcelJS.
// Either way a failure is a value (a Chinese reason) the CLI turns into exit 2.
import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { TEMPLATE_READ_NAMES } from '../read-template';
import { guardXlsx, OPEN_LIMITS, tooLargeReason } from './open-guard';
import { READ_LIMITS, ReadRefusal, type ReadLimits } from './reader/limits';
import { WorkbookReader } from './reader/workbook-reader';
import { XlsxHost } from './xlsx-host';

export type OpenResult =
  { readonly ok: true; readonly host: XlsxHost } | { readonly ok: false; readonly reason: string };

export type ReadResult =
  { readonly ok: true; readonly host: WorkbookReader } | { readonly ok: false; readonly reason: string };

/** The whole workbook in ExcelJS, for editing (and as the reference the targeted reader is tested against). */
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

/** A workbook file opened in ExcelJS, to be edited and saved. */
export async function openWorkbookFile(path: string): Promise<OpenResult> {
  const read = await readBoundedFile(path, OPEN_LIMITS.fileBytes, '年报工作簿');
  return read.ok ? openWorkbookBuffer(read.bytes) : read;
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

export { ReadRefusal };

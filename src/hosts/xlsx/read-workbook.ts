// Opening a workbook file for reading: guarded first (open-guard.ts), then parsed by ExcelJS, with the
// failure as a value the CLI turns into exit 2.
import ExcelJS from 'exceljs';
import { readInputFile } from '../../cli/input-file';
import { libraryReason } from '../failure-words';
import { guardXlsx, OPEN_LIMITS } from './open-guard';
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
    return { ok: false, reason: libraryReason(e) ?? `工作簿内容已损坏，无法读取（${detail}）` };
  }
  return { ok: true, host: new XlsxHost(workbook, guard.definedNames) };
}

/**
 * Reads a whole regular file of at most `limit` bytes, checked from fstat before reading (src/cli/input-file.ts:
 * FIFOs, devices, sockets and folders refused at once). `what` names the file kind in the refusal.
 */
export const readBoundedFile = readInputFile;

export async function openWorkbookFile(path: string): Promise<OpenResult> {
  const read = await readBoundedFile(path, OPEN_LIMITS.fileBytes, '年报工作簿');
  return read.ok ? openWorkbookBuffer(read.bytes) : read;
}

// Opening a workbook file to edit and save it: guarded (the targeted reader's checks and limits), then parsed
// whole by ExcelJS. Reading only (validate, audit, export, narrative, --previous) goes through read-file.ts, which
// never loads ExcelJS. A failure is a value (a Chinese reason) the CLI turns into exit 2.
import ExcelJS from 'exceljs';
import { guardXlsx, OPEN_LIMITS } from './open-guard';
import { libraryReason } from '../failure-words';
import { readBoundedFile } from './read-file';
import { XlsxHost } from './xlsx-host';

export type OpenResult =
  { readonly ok: true; readonly host: XlsxHost } | { readonly ok: false; readonly reason: string };

/** The whole workbook in ExcelJS, for editing (and as the reference the targeted reader is tested against). */
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

/** A workbook file opened in ExcelJS, to be edited and saved. */
export async function openWorkbookFile(path: string): Promise<OpenResult> {
  const read = await readBoundedFile(path, OPEN_LIMITS.fileBytes, '年报工作簿');
  return read.ok ? openWorkbookBuffer(read.bytes) : read;
}

export { readBoundedFile };

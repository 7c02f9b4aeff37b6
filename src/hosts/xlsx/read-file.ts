// The Node side of the targeted reader: a file read whole within a size cap (checked before reading), then handed
// as bytes to the reader (reader/, browser-safe). Loads neither ExcelJS nor anything that writes a workbook.
import { readInputFile } from '../node/input-file';
import { READ_LIMITS, type ReadLimits } from './reader/limits';
import { WorkbookReader } from './reader/workbook-reader';

export type ReadResult =
  { readonly ok: true; readonly host: WorkbookReader } | { readonly ok: false; readonly reason: string };

/**
 * Reads a whole regular file of at most `limit` bytes, checked from fstat before reading (FIFOs, devices, sockets
 * and folders refused at once: src/hosts/node/input-file.ts). `what` names the file kind in the refusal.
 */
export const readBoundedFile = readInputFile;

/**
 * A workbook file opened for reading by names: `preload` (the template's cells: templateReadNames(format)) is read
 * at once, so every refusal is known here. The reader's later reads of other names may throw a ReadRefusal.
 */
export async function openReportFile(
  path: string,
  preload: readonly string[],
  limits: ReadLimits = READ_LIMITS,
): Promise<ReadResult> {
  const read = await readBoundedFile(path, limits.fileBytes, '年报工作簿');
  if (!read.ok) return read;
  const opened = WorkbookReader.open(read.bytes, preload, limits);
  return opened.ok ? { ok: true, host: opened.reader } : opened;
}

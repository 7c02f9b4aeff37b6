// Decides whether a file may be handed to ExcelJS (still used where a workbook is edited and saved): the same
// checks and limits as the targeted reader (reader/), in bounded time and memory, before any parsing. Each refusal
// says in Chinese what the file is and what to do.
import { READ_LIMITS, ReadRefusal, megabytes, tooLargeReason } from './reader/limits';
import { WorkbookReader } from './reader/workbook-reader';
import { readWorkbookParts, type StoredName } from './reader/workbook-names';
import { Deadline } from './reader/limits';
import { InflateBudget, inflateEntry, readZipDirectory, type ZipEntry } from './reader/zip-entries';

export { megabytes, tooLargeReason };

/** The ExcelJS path's limits are the reader's (ExcelJS also needs ~400 MB and 2 s for a million cells). */
export const OPEN_LIMITS = READ_LIMITS;

export type RawDefinedName = StoredName;

export type GuardResult =
  | { readonly ok: true; readonly definedNames: readonly RawDefinedName[]; readonly sheets: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** Cells (`<c ` or `<c>` elements) in all worksheets, counted on the inflated bytes without parsing. */
function countCells(bytes: Uint8Array, budget: InflateBudget, entries: readonly ZipEntry[]): number {
  let n = 0;
  for (const e of entries) {
    let carry = 0;
    inflateEntry(bytes, e, budget, (chunk) => {
      // '<c' split across chunks: the last byte of a chunk was '<' (1) or '<c' (2).
      if (carry === 2 && (chunk[0] === 0x20 || chunk[0] === 0x3e)) n++;
      if (carry === 1 && chunk[0] === 0x63 && (chunk[1] === 0x20 || chunk[1] === 0x3e)) n++;
      for (let i = chunk.indexOf(0x3c); i >= 0 && i < chunk.length; i = chunk.indexOf(0x3c, i + 1)) {
        const next = chunk[i + 2];
        if (
          chunk[i + 1] === 0x63 &&
          (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d)
        )
          n++;
      }
      const len = chunk.length;
      carry = chunk[len - 1] === 0x3c ? 1 : chunk[len - 2] === 0x3c && chunk[len - 1] === 0x63 ? 2 : 0;
      return n <= READ_LIMITS.cells;
    });
    if (n > READ_LIMITS.cells) return n;
  }
  return n;
}

const worksheetEntries = (entries: readonly ZipEntry[]) =>
  entries.filter(
    (e) => e.name.startsWith('xl/worksheets/') && e.name.endsWith('.xml') && !e.name.slice(14).includes('/'),
  );

export function guardXlsx(buf: Uint8Array): GuardResult {
  // The reader's first steps (file kind, directory, declared sizes, workbook.xml and its names) with no cell read.
  const opened = WorkbookReader.open(buf);
  if (!opened.ok) return opened;
  const dir = readZipDirectory(buf);
  if ('error' in dir) return { ok: false, reason: dir.error };
  const budget = new InflateBudget(READ_LIMITS);
  try {
    const cells = countCells(buf, budget, worksheetEntries(dir.entries));
    if (cells > READ_LIMITS.cells)
      return { ok: false, reason: `工作表单元格过多（超过 ${READ_LIMITS.cells} 个），不是年报工作簿，已拒绝读取` };
    const entries = new Map(dir.entries.map((e) => [e.name, e]));
    const parts = readWorkbookParts({ zip: buf, budget, deadline: new Deadline(READ_LIMITS.wallMs) }, entries);
    return { ok: true, definedNames: parts.names, sheets: parts.sheets.map((s) => s.name) };
  } catch (e) {
    if (e instanceof ReadRefusal) return { ok: false, reason: e.reason };
    throw e;
  }
}

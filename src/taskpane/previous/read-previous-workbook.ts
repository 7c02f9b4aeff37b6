// A report workbook (.xlsx of our template) chosen in the pane, read in the browser with the targeted reader: only
// the named cells are read from the bytes, within the reader's limits, with its Chinese reasons — the reader the
// CLI and the page's 打开 use; ExcelJS is not loaded. 上年数据 reads last year's workbook with it, 汇总 each child's.
/* eslint-disable no-restricted-imports -- the targeted reader is a browser-safe file reader (bytes in, no Node
   API, no host behind it), not the pane's host: the pane's host is still reached only through spreadsheet-host. */
import { WorkbookReader } from '../../hosts/xlsx/reader/workbook-reader';
/* eslint-enable no-restricted-imports */
import type { CellContent } from '../../report';
import type { Format } from '../../report/format/format';
import { readReportInputs, type ReportInputs } from '../../report/reading/read-report';
import { templateReadNames } from '../../report/reading/read-template';
import { foreignFormat, megabytes, SOURCE_LIMITS } from '../import/read-source-file';
import { STRINGS } from '../strings.zh-CN';

const S = STRINGS.previous;

/** What the domain reader gives (readReportInputs), its refusals in the pane's words naming the file. */
export type ReportWorkbook = ReportInputs;

/**
 * A workbook of our template (of `format`) by its defined names, or why the file cannot be used (in Chinese, naming
 * the file). `notTemplate` words a file that opens but is not our template (the caller says whose file it should be).
 */
export async function readReportWorkbook(
  bytes: ArrayBuffer,
  name: string,
  format: Format,
  notTemplate: (name: string, reason: string) => string = S.notTemplate,
): Promise<ReportWorkbook> {
  if (bytes.byteLength === 0) return { ok: false, reason: STRINGS.source.emptyFile(name) };
  if (bytes.byteLength > SOURCE_LIMITS.workbookBytes)
    return {
      ok: false,
      reason: STRINGS.source.tooLarge(name, megabytes(bytes.byteLength), megabytes(SOURCE_LIMITS.workbookBytes)),
    };
  const head = new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength));
  const foreign = foreignFormat(head);
  if (foreign === STRINGS.source.ole) return { ok: false, reason: S.oleWorkbook(name) };
  if (foreign !== STRINGS.source.zip) return { ok: false, reason: S.notWorkbook(name) };
  const opened = WorkbookReader.open(new Uint8Array(bytes), templateReadNames(format));
  if (!opened.ok) return { ok: false, reason: S.brokenWorkbook(name, opened.reason) };
  const read = await readReportInputs(opened.reader, format);
  return read.ok ? read : { ok: false, reason: notTemplate(name, read.reason) };
}

export type PreviousWorkbook =
  { readonly ok: true; readonly values: readonly CellContent[] } | { readonly ok: false; readonly reason: string };

/** Last year's inputs in `format`'s inputCells order, or why the file cannot be used (in Chinese). */
export async function readPreviousWorkbook(
  bytes: ArrayBuffer,
  name: string,
  format: Format,
): Promise<PreviousWorkbook> {
  const read = await readReportWorkbook(bytes, name, format);
  return read.ok ? { ok: true, values: read.values } : read;
}

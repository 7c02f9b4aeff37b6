// Last year's .xlsx, read in the browser: ExcelJS loads the bytes and the template is read back by its defined
// names through readTemplate over an XlsxHost, the same reader the CLI and the web page use. Loaded lazily (with
// ExcelJS) by the 上年数据 section, so the pane's first load does not carry it.
/* eslint-disable no-restricted-imports -- the xlsx host is used here as a file reader, not as the pane's host:
   it is the one reader of our template from an .xlsx, and nothing in it needs Node (the web page runs it too). */
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../hosts/xlsx/xlsx-host';
/* eslint-enable no-restricted-imports */
import { readTemplate } from '../../report/reading/read-template';
import { INPUT_CELLS, type CellContent } from '../../report';
import { foreignFormat, megabytes, SOURCE_LIMITS } from '../import/read-source-file';
import { STRINGS } from '../strings.zh-CN';

const S = STRINGS.previous;

export type PreviousWorkbook =
  { readonly ok: true; readonly values: readonly CellContent[] } | { readonly ok: false; readonly reason: string };

/** Last year's inputs in INPUT_CELLS order, or why the file cannot be used (in Chinese). */
export async function readPreviousWorkbook(bytes: ArrayBuffer, name: string): Promise<PreviousWorkbook> {
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
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, reason: S.brokenWorkbook(name, detail) };
  }
  const read = await readTemplate(new XlsxHost(workbook));
  if (!read.ok) return { ok: false, reason: S.notTemplate(name, read.reason) };
  return { ok: true, values: read.values.slice(0, INPUT_CELLS.length) };
}

// 打开 and 保存 for the web page: .xlsx files are read with the targeted reader (reader/, as the CLI reads them) and
// written with ExcelJS in the browser, by defined names only, through the xlsx host (the reference writer of the
// template), so a file made by the CLI or the Excel add-in opens here and the saved file continues in Excel or
// WPS. Loaded lazily with ExcelJS.
// The page's file buttons use the xlsx host as a tool, not as a peer host: it is the one writer of the template,
// and a second writer here would drift from it.
import ExcelJS from 'exceljs';
import { ALL_VALUE_CELLS, input, splitSheetRef, parseRange } from '../../report';
import { failureReason, type FailureAction } from '../failure-words';
import { TEMPLATE_READ_NAMES, readTemplate } from '../read-template';
import { WorkbookReader } from '../xlsx/reader/workbook-reader';
import { applyEditsToWorkbook } from '../xlsx/apply-edits';
import { XlsxHost } from '../xlsx/xlsx-host';
import { previousPlan, reportPlan } from './report-plan';
import { isSavedFormula, savedValue, type SavedValue } from './saved-work';

export type OpenedFile =
  | { readonly ok: true; readonly values: ReadonlyMap<string, SavedValue>; readonly sheet: string }
  | { readonly ok: false; readonly reason: string };

export async function readReportFile(bytes: ArrayBuffer): Promise<OpenedFile> {
  // The targeted reader (the CLI's): only the named cells are read, within its limits, with its Chinese reasons.
  const opened = WorkbookReader.open(new Uint8Array(bytes), TEMPLATE_READ_NAMES);
  if (!opened.ok) return { ok: false, reason: opened.reason };
  const read = await readTemplate(opened.reader);
  if (!read.ok) return { ok: false, reason: read.reason };
  const values = new Map<string, SavedValue>();
  ALL_VALUE_CELLS.forEach((c, i) => {
    if (read.refs.has(c.name)) values.set(c.name, savedValue(read.values[i]));
  });
  return { ok: true, values, sheet: read.sheet };
}

/**
 * A saved value as ExcelJS writes it: only a formula the user typed is a formula; a string is a string cell
 * (t="s"), whatever it starts with (=, +, -, @: no formula injection through 打开 → 保存).
 */
function cellValue(v: SavedValue): ExcelJS.CellValue {
  if (isSavedFormula(v)) return { formula: v.formula.replace(/^=/, '') } as ExcelJS.CellValue;
  return v;
}

/**
 * The .xlsx to download. With `original` (the file the user opened), that workbook is kept as it was and only
 * the named cells are written; otherwise a new workbook is made from the template plan.
 */
export async function writeReportFile(
  values: ReadonlyMap<string, SavedValue>,
  original?: ArrayBuffer,
): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  // A library failure (a damaged original, overlapping merges) is said in Chinese (failure-words.ts).
  if (original) await workbook.xlsx.load(original).catch(sayInChinese('read'));
  else {
    const agency = values.get(input('META', 'agency').name);
    const year = values.get(input('META', 'year').name);
    await applyEditsToWorkbook(workbook, [
      ...reportPlan({
        ...(typeof agency === 'string' && agency ? { agency } : {}),
        ...(typeof year === 'number' ? { year } : {}),
      }),
      ...(previousPlan(values, false) ?? []),
    ]);
  }
  const refs = new Map((await new XlsxHost(workbook).listNames()).map((n) => [n.name, n.ref]));
  for (const [name, value] of values) {
    const split = splitSheetRef(refs.get(name) ?? '');
    const ws = split ? workbook.getWorksheet(split.sheet) : undefined;
    const r = split ? parseRange(split.range) : null;
    if (!ws || !r) continue;
    ws.getCell(r.top, r.left).value = cellValue(value);
  }
  return (await workbook.xlsx.writeBuffer().catch(sayInChinese('write'))) as ArrayBuffer;
}

const sayInChinese = (action: FailureAction) => (e: unknown) => {
  throw new Error(failureReason(e, action), { cause: e });
};

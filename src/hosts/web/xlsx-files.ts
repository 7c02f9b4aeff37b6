// 打开 and 保存 for the web page: .xlsx files are read with the targeted reader (reader/, as the CLI reads them) and
// written with ExcelJS in the browser, by defined names only, through the xlsx host (the reference writer of the
// template), so a file made by the CLI or the Excel add-in opens here and the saved file continues in Excel or
// WPS. Loaded lazily with ExcelJS.
// The page's file buttons use the xlsx host as a tool, not as a peer host: it is the one writer of the template,
// and a second writer here would drift from it.
import ExcelJS from 'exceljs';
import {
  PREVIOUS_CELLS,
  SUPPLEMENT_FIELDS,
  SUPPLEMENT_SHEET_NAME,
  input,
  parseRange,
  planSupplement,
  splitSheetRef,
} from '../../report';
import { PREVIOUS_SHEET_NAME } from '../../report/sheet-edits/plan-previous';
import { buildFormat2021 } from '../../report/format/formats';
import { readTemplate, templateReadNames } from '../../report/reading/read-template';
import { applyEditsToWorkbook } from '../xlsx/apply-edits';
import { XlsxHost } from '../xlsx/xlsx-host';
import { previousPlan, reportPlan } from './report-plan';
import { failureReason, type FailureAction } from '../failure-words';
import { isSavedFormula, readWorkbookValues, type SavedValue } from '../workbook-values';
import { WorkbookReader } from '../xlsx/reader/workbook-reader';

export type OpenedFile =
  | { readonly ok: true; readonly values: ReadonlyMap<string, SavedValue>; readonly sheet: string }
  | { readonly ok: false; readonly reason: string };

export async function readReportFile(bytes: ArrayBuffer): Promise<OpenedFile> {
  // The targeted reader (the CLI's): only the named cells are read, within its limits, with its Chinese reasons.
  // The page's template is of the 2021 format (the one the page builds); its file is read as that.
  const format = buildFormat2021();
  const opened = WorkbookReader.open(new Uint8Array(bytes), templateReadNames(format));
  if (!opened.ok) return { ok: false, reason: opened.reason };
  const host = opened.reader;
  const read = await readTemplate(host, format);
  if (!read.ok) return { ok: false, reason: read.reason };
  // Every field of the model the file has (补充信息 texts and templates included), not only the rules' values.
  return { ok: true, values: await readWorkbookValues(host), sheet: read.sheet };
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
  if (original) {
    // A library failure (a damaged original, overlapping merges) is said in Chinese (failure-words.ts).
    await workbook.xlsx.load(original).catch(sayInChinese('read'));
    await addMissingSheets(workbook, values);
  } else {
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
  const lost: string[] = [];
  for (const [name, value] of values) {
    const split = splitSheetRef(refs.get(name) ?? '');
    const ws = split ? workbook.getWorksheet(split.sheet) : undefined;
    const r = split ? parseRange(split.range) : null;
    if (!ws || !r) {
      if (value !== null && value !== '') lost.push(name);
      continue;
    }
    ws.getCell(r.top, r.left).value = cellValue(value);
  }
  // Nothing typed is dropped in silence: a value with no cell to go to stops the save, naming it.
  if (lost.length)
    throw new Error(
      `工作簿中没有以下名称，内容无法保存：${lost.slice(0, 5).join('、')}${lost.length > 5 ? ' 等' : ''}。请在任务窗格中使用「修复」后再保存`,
    );
  return (await workbook.xlsx.writeBuffer().catch(sayInChinese('write'))) as ArrayBuffer;
}

const sayInChinese = (action: FailureAction) => (e: unknown) => {
  throw new Error(failureReason(e, action), { cause: e });
};

/**
 * An opened workbook made before the 补充信息 sheet (or without 上年数据) gets the sheet the typed values need,
 * when no sheet of that name is in the way; the rest of the workbook is left as it was.
 */
async function addMissingSheets(workbook: ExcelJS.Workbook, values: ReadonlyMap<string, SavedValue>): Promise<void> {
  const known = new Set((await new XlsxHost(workbook).listNames()).filter((n) => n.ref).map((n) => n.name));
  const wanted = (names: readonly string[]) =>
    names.some((n) => !known.has(n) && values.get(n) !== undefined && values.get(n) !== null && values.get(n) !== '');
  const edits = [];
  if (wanted(SUPPLEMENT_FIELDS.map((f) => f.name)) && !workbook.getWorksheet(SUPPLEMENT_SHEET_NAME))
    edits.push(...planSupplement());
  if (wanted(PREVIOUS_CELLS.map((c) => c.name)) && !workbook.getWorksheet(PREVIOUS_SHEET_NAME))
    edits.push(...(previousPlan(values, false) ?? []));
  if (edits.length) await applyEditsToWorkbook(workbook, edits);
}

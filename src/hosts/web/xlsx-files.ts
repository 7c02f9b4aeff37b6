// 打开 and 保存 for the web page: .xlsx files are read and written with ExcelJS in the browser, by defined names
// only, through the xlsx host (the reference writer of the template), so a file made by the CLI or the Excel
// add-in opens here and the saved file continues in Excel or WPS. Loaded lazily with ExcelJS.
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
import { readTemplate } from '../read-template';
import { applyEditsToWorkbook } from '../xlsx/apply-edits';
import { XlsxHost } from '../xlsx/xlsx-host';
import { previousPlan, reportPlan } from './report-plan';
import { readWorkbookValues, type SavedValue } from '../workbook-values';

/** A report workbook is about 30 KB; anything near this is not one (and would stall the tab). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type OpenedFile =
  | { readonly ok: true; readonly values: ReadonlyMap<string, SavedValue>; readonly sheet: string }
  | { readonly ok: false; readonly reason: string };

export async function readReportFile(bytes: ArrayBuffer): Promise<OpenedFile> {
  if (bytes.byteLength === 0) return { ok: false, reason: '文件是空的（0 字节）' };
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, reason: '文件过大，年报工作簿通常小于 1 MB' };
  const head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  if (!(head[0] === 0x50 && head[1] === 0x4b))
    return {
      ok: false,
      reason: '不是 .xlsx 文件（不是 Excel 2007 及以后版本的工作簿格式），请在 Excel 或 WPS 中另存为 .xlsx',
    };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, reason: `工作簿内容已损坏，无法读取（${detail}）` };
  }
  const host = new XlsxHost(workbook);
  const read = await readTemplate(host);
  if (!read.ok) return { ok: false, reason: read.reason };
  // Every field of the model the file has (补充信息 texts and templates included), not only the rules' values.
  return { ok: true, values: await readWorkbookValues(host), sheet: read.sheet };
}

function cellValue(v: SavedValue): ExcelJS.CellValue {
  if (typeof v === 'string' && v.startsWith('=') && v.length > 1) return { formula: v.slice(1) } as ExcelJS.CellValue;
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
    await workbook.xlsx.load(original);
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
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

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

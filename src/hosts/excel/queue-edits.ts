// Turns planned SheetEdits into Office.js calls queued on one request context, so the whole template goes to
// Excel in a single batch. Nothing here syncs; ExcelHost.applyEdits reads the workbook once before and syncs
// once after.
import { columnLetters, HIGHLIGHT, parseRange, type CellFormat, type SheetEdit } from '../../report';
import { handleEdit, type EditHandlers } from '../edit-handlers';
import { equalRuns } from '../write-runs';
import { typedEntry } from '../typed-text';
import { columnWidthPoints, hex, inches } from './office-values';

/** What the read before the batch found. Keys are lower-cased (Excel compares sheet and defined names so). */
export interface WorkbookBefore {
  readonly sheets: ReadonlyMap<string, { readonly name: string; readonly protected: boolean }>;
  readonly names: ReadonlySet<string>;
  /** Existing rules with the formula of a rule the edits plan: deleted before the new ones are added. */
  readonly replacedRules?: readonly Excel.ConditionalFormat[];
}

export interface QueueOptions {
  /** Whether the host has an ExcelApi requirement set, e.g. supports('1.9'). */
  readonly supports: (version: string) => boolean;
  /** Called for each sheet the batch adds (ExcelApi 1.7 hosts need a change handler per sheet). */
  readonly onSheetAdded?: (sheet: Excel.Worksheet) => void;
}

/** The protection the template gets: like the .xlsx writer's, inputs editable, formatting allowed. */
export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows: true,
  allowInsertColumns: true,
  allowSort: false,
  allowAutoFilter: false,
};

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

function size(range: string): { rows: number; cols: number } {
  const r = parseRange(range);
  if (!r) throw new Error(`无法识别的单元格区域：${range}`);
  return { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
}

function filled<T>(range: string, value: T): T[][] {
  const { rows, cols } = size(range);
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}

function queueFormat(range: Excel.Range, address: string, f: CellFormat): void {
  const fmt = range.format;
  if (f.font?.name !== undefined) fmt.font.name = f.font.name;
  if (f.font?.size !== undefined) fmt.font.size = f.font.size;
  if (f.font?.bold !== undefined) fmt.font.bold = f.font.bold;
  if (f.font?.color !== undefined) fmt.font.color = hex(f.font.color);
  if (f.fill !== undefined) fmt.fill.color = hex(f.fill);
  if (f.horizontal !== undefined) fmt.horizontalAlignment = H_ALIGN[f.horizontal];
  if (f.vertical !== undefined) fmt.verticalAlignment = V_ALIGN[f.vertical];
  if (f.wrap !== undefined) fmt.wrapText = f.wrap;
  // A continuous line is thin and automatic (black) by default; setting only the style keeps the request small.
  if (f.border) for (const edge of EDGES) fmt.borders.getItem(edge).style = 'Continuous';
  // Stryker disable next-line ConditionalExpression: equivalent: [[undefined]] goes as [[null]], which Office.js documents as leaving each cell's number format as it is
  if (f.numberFormat !== undefined) range.numberFormat = filled(address, f.numberFormat);
  if (f.locked !== undefined) fmt.protection.locked = f.locked;
}

/** Sheets the edits change beyond names; a protected one must be unprotected first, then protected again. */
function sheetsNeedingUnprotect(edits: readonly SheetEdit[], before: WorkbookBefore): Set<string> {
  const out = new Set<string>();
  for (const e of edits) {
    if (e.op === 'defineName' || e.op === 'protect' || e.op === 'addSheet') continue;
    if (before.sheets.get(e.sheet.toLowerCase())?.protected) out.add(e.sheet.toLowerCase());
  }
  return out;
}

export function queueEdits(
  ctx: Excel.RequestContext,
  edits: readonly SheetEdit[],
  before: WorkbookBefore,
  options: QueueOptions,
): void {
  const { supports } = options;
  const sheets = new Map<string, Excel.Worksheet>();
  // The map only saves proxies: a miss fetches the same sheet again (by name, case-insensitive in Excel).
  const sheet = (name: string) => {
    // Stryker disable next-line MethodExpression: equivalent: a cache key; another case only misses the cache
    const key = name.toLowerCase();
    let ws = sheets.get(key);
    // Stryker disable next-line ConditionalExpression: equivalent: always fetching gives the same sheet
    if (!ws) sheets.set(key, (ws = ctx.workbook.worksheets.getItem(name)));
    return ws;
  };
  const unprotect = sheetsNeedingUnprotect(edits, before);
  const reprotect = new Set(unprotect);
  const added: Excel.Worksheet[] = [];

  // Screen and calculation stay still until the batch is in (one call each, never in a loop: it flickers).
  if (supports('1.9')) ctx.application.suspendScreenUpdatingUntilNextSync();
  if (supports('1.6')) ctx.application.suspendApiCalculationUntilNextSync();
  for (const name of unprotect) sheet(before.sheets.get(name)!.name).protection.unprotect();

  // Rules re-planned onto an existing sheet (a repair, 上年数据) replace the ones with the same formula.
  for (const cf of before.replacedRules ?? []) cf.delete();

  const handlers: EditHandlers = {
    addSheet: (e) => {
      const ws = ctx.workbook.worksheets.add(e.sheet);
      // Stryker disable next-line MethodExpression: equivalent: a cache key; a miss fetches the new sheet by name
      sheets.set(e.sheet.toLowerCase(), ws);
      if (supports('1.8')) ws.showGridlines = false;
      // 上年数据 (plan-previous.ts) is hidden; visibility is ExcelApi 1.1, so every Excel has it. Excel cannot
      // activate a hidden sheet (issue #10), so only a visible new sheet is brought to the front below.
      if (e.hidden) ws.visibility = Excel.SheetVisibility.hidden;
      else added.push(ws);
      options.onSheetAdded?.(ws);
    },
    // Equal neighbours share one call, so a row of 15 equal widths costs one.
    columnWidths: (e) => {
      for (const [i, j, w] of equalRuns(e.widths))
        sheet(e.sheet).getRange(`${columnLetters(e.first + i)}1:${columnLetters(e.first + j)}1`).format.columnWidth =
          columnWidthPoints(w);
    },
    rowHeights: (e) => {
      for (const [i, j, h] of equalRuns(e.heights))
        sheet(e.sheet).getRange(`A${e.first + i}:A${e.first + j}`).format.rowHeight = h;
    },
    values: (e) => {
      // Office.js leaves a cell whose entry is null as it is: labels go in, the user's inputs stay. Text is typed
      // as text (typed-text.ts): an agency named "=…" is not a formula.
      sheet(e.sheet).getRange(e.range).values = e.values.map((row) => row.map(typedEntry)) as (
        string | number | null
      )[][];
    },
    merge: (e) => {
      for (const r of e.ranges) sheet(e.sheet).getRange(r).merge(false);
    },
    format: (e) => {
      for (const r of e.ranges) queueFormat(sheet(e.sheet).getRange(r), r, e.format);
    },
    defineName: (e) => {
      if (before.names.has(e.name.toLowerCase())) ctx.workbook.names.getItem(e.name).delete();
      ctx.workbook.names.add(e.name, sheet(e.sheet).getRange(e.range));
    },
    conditionalFormat: (e) => {
      const style = HIGHLIGHT[e.style];
      const targets: (Excel.Range | Excel.RangeAreas)[] =
        // Stryker disable next-line EqualityOperator: equivalent: one range through getRanges is the same one rule
        supports('1.9') && e.ranges.length > 1
          ? [sheet(e.sheet).getRanges(e.ranges.join(','))]
          : e.ranges.map((r) => sheet(e.sheet).getRange(r));
      for (const target of targets) {
        const cf = target.conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = `=${e.formula}`;
        cf.custom.format.fill.color = hex(style.fill);
        cf.custom.format.font.color = hex(style.fontColor);
        cf.priority = e.priority - 1;
      }
    },
    validation: (e) => {
      if (!supports('1.8')) return; // Excel 2019 and older: the conditional formats still flag bad entries.
      for (const r of e.ranges) {
        const dv = sheet(e.sheet).getRange(r).dataValidation;
        const rule = e.rule;
        dv.clear();
        const basic = { formula1: rule.min, formula2: rule.max, operator: 'Between' as const };
        dv.rule = rule.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
        dv.ignoreBlanks = true;
        dv.prompt = { showPrompt: true, title: rule.promptTitle, message: rule.prompt };
        dv.errorAlert = { showAlert: true, style: 'Warning', title: rule.errorTitle, message: rule.error };
      }
    },
    pageSetup: (e) => {
      if (!supports('1.9')) return;
      const ws = sheet(e.sheet);
      const page = ws.pageLayout;
      page.paperSize = 'A4';
      page.orientation = e.orientation === 'portrait' ? 'Portrait' : 'Landscape';
      page.zoom = { horizontalFitToPages: e.fitToWidth, verticalFitToPages: 0 };
      page.centerHorizontally = true;
      page.leftMargin = inches(e.margins.left);
      page.rightMargin = inches(e.margins.right);
      page.topMargin = inches(e.margins.top);
      page.bottomMargin = inches(e.margins.bottom);
      page.headerMargin = inches(0.3);
      page.footerMargin = inches(0.3);
      page.setPrintArea(e.printArea);
      // A break "after row r" sits above row r + 1.
      for (const row of e.rowBreaks) ws.horizontalPageBreaks.add(`A${row + 1}`);
    },
    protect: (e) => {
      const key = e.sheet.toLowerCase();
      const alreadyProtected = before.sheets.get(key)?.protected && !unprotect.has(key);
      if (!alreadyProtected) reprotect.add(key);
    },
  };
  for (const e of edits) handleEdit(handlers, e);
  // Protection goes on last, after every write it would block.
  for (const key of reprotect)
    sheet(before.sheets.get(key)?.name ?? nameFor(edits, key)).protection.protect(PROTECTION_OPTIONS);
  added[0]?.activate();
}

function nameFor(edits: readonly SheetEdit[], key: string): string {
  return edits.find((e) => e.sheet.toLowerCase() === key)!.sheet;
}

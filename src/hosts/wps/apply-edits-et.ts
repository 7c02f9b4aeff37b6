// Turns planned SheetEdits into ET calls, batched: one Value2 array per rectangle of values, one Range() per group of
// ranges that share a format (multi-area addresses), a name per Names.Add. Synchronous, like ET itself, so ribbon
// callbacks (which must not be async) can run it.
import {
  HIGHLIGHT,
  columnLetters,
  parseRange,
  quoteSheet,
  rangeA1,
  type CellFormat,
  type RangeRef,
  type SheetEdit,
} from '../../report';
import {
  XL,
  bgr,
  type EtApplication,
  type EtFormatCondition,
  type EtRange,
  type EtWorkbook,
  type EtWorksheet,
} from './et-api';
import { handleEdit, type EditHandlers } from '../edit-handlers';
import { equalRuns, unionChunks, writeRuns } from '../write-runs';
import { typedEntry } from '../typed-text';

/** Protection as the reference writer sets it: inputs editable, formatting and inserting rows/columns allowed. */
function protectSheet(ws: EtWorksheet): void {
  // Password, DrawingObjects, Contents, Scenarios, UserInterfaceOnly, AllowFormattingCells, AllowFormattingColumns,
  // AllowFormattingRows, AllowInsertingColumns, AllowInsertingRows
  ws.Protect(undefined, true, true, true, false, true, true, true, true, true);
}

/**
 * Every string gets the ' prefix (typed-text.ts), which keeps it as the text it is — never a formula, number,
 * date or TRUE, whatever it starts with; the prefix is not part of the value.
 */
export function asCellValue(v: string | number): string | number {
  return typedEntry(v);
}

function rangeOf(range: string): RangeRef {
  const r = parseRange(range);
  if (!r) throw new Error(`无法识别的单元格区域：${range}`);
  return r;
}

function absoluteRange(range: string): string {
  const r = rangeOf(range);
  const a = `$${columnLetters(r.left)}$${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:$${columnLetters(r.right)}$${r.bottom}`;
}

function noWorkbook(): Error {
  return new Error('WPS 表格中没有打开的工作簿：请先新建或打开一个工作簿，再使用年报助手');
}

export function activeWorkbook(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw noWorkbook();
  return wb;
}

/** The sheet by name, or null; ET throws (or, leniently, returns nothing) for a missing one. */
export function findSheet(wb: EtWorkbook, name: string): EtWorksheet | null {
  try {
    return wb.Worksheets.Item(name) ?? null;
  } catch {
    return null;
  }
}

/** Writes the non-null cells of a block starting at (top, left), one Value2 per rectangle. */
export function writeBlock(
  ws: EtWorksheet,
  top: number,
  left: number,
  grid: readonly (readonly (string | number | null)[])[],
): number {
  const runs = writeRuns(grid);
  for (const run of runs) {
    const h = run.values.length;
    const w = run.values[0].length;
    const r0 = top + run.top;
    const c0 = left + run.left;
    const values = run.values.map((row) => row.map(asCellValue));
    ws.Range(rangeA1(r0, c0, h, w)).Value2 = h === 1 && w === 1 ? values[0][0] : values;
  }
  return runs.length;
}

function applyFormat(r: EtRange, f: CellFormat): void {
  if (f.font) {
    const font = r.Font;
    if (f.font.name !== undefined) font.Name = f.font.name;
    if (f.font.size !== undefined) font.Size = f.font.size;
    if (f.font.bold !== undefined) font.Bold = f.font.bold;
    if (f.font.color !== undefined) font.Color = bgr(f.font.color);
  }
  if (f.fill !== undefined) {
    const interior = r.Interior;
    interior.Pattern = XL.solid;
    interior.Color = bgr(f.fill);
  }
  if (f.horizontal !== undefined) r.HorizontalAlignment = XL[f.horizontal];
  if (f.vertical !== undefined) r.VerticalAlignment = f.vertical === 'middle' ? XL.center : XL[f.vertical];
  if (f.wrap !== undefined) r.WrapText = f.wrap;
  if (f.border) {
    const borders = r.Borders;
    for (const edge of XL.edges) {
      const b = borders.Item(edge);
      b.LineStyle = XL.continuous;
      b.Weight = XL.thin;
      b.Color = 0;
    }
  }
  if (f.numberFormat !== undefined) r.NumberFormat = f.numberFormat;
  if (f.locked !== undefined) r.Locked = f.locked;
}

/**
 * Keeps conditional formats in plan order (errors before warnings, so red wins where both apply). Whether ET's
 * FormatConditions.Add puts a new rule first or last is not documented: the first two rules show it, and only when
 * new rules go first is each one moved last (one call per rule saved otherwise).
 */
class PriorityOrder {
  private first: EtFormatCondition | null = null;
  private moveLast: boolean | null = null;
  added(fc: EtFormatCondition): void {
    if (this.moveLast === null) {
      if (!this.first) {
        this.first = fc;
        return;
      }
      this.moveLast = !(this.first.Priority < fc.Priority);
      if (this.moveLast) this.first.SetLastPriority();
    }
    if (this.moveLast) fc.SetLastPriority();
  }
}

/** Adds one expression rule; a rejected call is tried once more (a transient refusal), then reported. */
function addCondition(ws: EtWorksheet, range: string, formula: string): EtFormatCondition {
  try {
    return ws.Range(range).FormatConditions.Add(XL.expression, undefined, `=${formula}`);
  } catch {
    return ws.Range(range).FormatConditions.Add(XL.expression, undefined, `=${formula}`);
  }
}

/**
 * Applies edits to the active workbook. Sheets that were protected (without a password) are protected again after.
 * Returns the ids of the highlight rules WPS refused (each tried twice); everything else is written or it throws.
 */
export function applyEditsToEt(app: EtApplication, edits: readonly SheetEdit[]): string[] {
  const wb = activeWorkbook(app);
  const sheets = new Map<string, EtWorksheet>();
  const reprotect = new Set<EtWorksheet>();
  let names: EtWorkbook['Names'] | null = null;
  const order = new PriorityOrder();
  const rejected: string[] = [];
  const created = new Set<string>();
  /** Per sheet, its existing rules by formula (read once, on the first rule planned for a sheet we did not create). */
  const existingRules = new Map<string, Map<string, EtFormatCondition[]>>();
  const rulesOf = (name: string, ws: EtWorksheet): Map<string, EtFormatCondition[]> => {
    let byFormula = existingRules.get(name);
    if (byFormula) return byFormula;
    byFormula = new Map();
    if (!created.has(name)) {
      const all = ws.Cells.FormatConditions;
      for (let i = 1, n = all.Count; i <= n; i++) {
        const fc = all.Item(i);
        const f = String(fc.Formula1 ?? '').replace(/^=/, '');
        byFormula.set(f, [...(byFormula.get(f) ?? []), fc]);
      }
    }
    existingRules.set(name, byFormula);
    return byFormula;
  };

  const sheet = (name: string): EtWorksheet => {
    const known = sheets.get(name);
    if (known) return known;
    const ws = findSheet(wb, name);
    if (!ws) throw new Error(`工作簿中没有名为「${name}」的工作表`);
    if (ws.ProtectContents) {
      try {
        ws.Unprotect();
      } catch {
        throw new Error(`工作表「${name}」设置了密码保护：请先在「审阅 → 撤销工作表保护」中撤销保护，再让年报助手修改`);
      }
      reprotect.add(ws);
    }
    sheets.set(name, ws);
    return ws;
  };

  const handlers: EditHandlers = {
    addSheet: (e) => {
      if (findSheet(wb, e.sheet)) throw new Error(`工作表「${e.sheet}」已存在`);
      const all = wb.Worksheets;
      const userSheet = e.hidden ? wb.ActiveSheet : null;
      const ws = all.Add(undefined, all.Item(all.Count));
      ws.Name = e.sheet;
      // Gridlines are a window setting of the active sheet: set while the new sheet is the active one.
      ws.Activate();
      const win = app.ActiveWindow;
      if (win) win.DisplayGridlines = false;
      if (e.hidden) {
        // 上年数据 (plan-previous.ts) is a hidden sheet: xlSheetHidden, which the user can unhide. Hiding the
        // active sheet makes WPS activate another (issue #10): bring back the sheet the user was on.
        ws.Visible = XL.sheetHidden;
        if (userSheet && userSheet.Name !== e.sheet) userSheet.Activate();
      }
      created.add(e.sheet);
      sheets.set(e.sheet, ws);
    },
    columnWidths: (e) => {
      const ws = sheet(e.sheet);
      for (const [i, j, w] of equalRuns(e.widths))
        ws.Range(`${columnLetters(e.first + i)}1:${columnLetters(e.first + j)}1`).ColumnWidth = w;
    },
    rowHeights: (e) => {
      const ws = sheet(e.sheet);
      for (const [i, j, h] of equalRuns(e.heights)) ws.Range(`A${e.first + i}:A${e.first + j}`).RowHeight = h;
    },
    values: (e) => {
      const r = rangeOf(e.range);
      writeBlock(sheet(e.sheet), r.top, r.left, e.values);
    },
    merge: (e) => {
      const ws = sheet(e.sheet);
      for (const chunk of unionChunks(e.ranges)) ws.Range(chunk).Merge();
    },
    format: (e) => {
      const ws = sheet(e.sheet);
      for (const chunk of unionChunks(e.ranges)) applyFormat(ws.Range(chunk), e.format);
    },
    defineName: (e) => {
      names ??= wb.Names;
      names.Add(e.name, `=${quoteSheet(e.sheet)}!${absoluteRange(e.range)}`);
    },
    conditionalFormat: (e) => {
      const ws = sheet(e.sheet);
      const style = HIGHLIGHT[e.style];
      // A repair re-plans every rule: one with the same formula replaces the old one instead of doubling it,
      // and one that supersedes an earlier rule of ours (e.replaces, 上年数据) replaces that.
      const existing = rulesOf(e.sheet, ws);
      for (const f of [e.formula, ...(e.replaces ?? [])]) {
        for (const old of existing.get(f) ?? []) old.Delete();
        existing.delete(f);
      }
      for (const chunk of unionChunks(e.ranges)) {
        let fc: EtFormatCondition;
        try {
          fc = addCondition(ws, chunk, e.formula);
        } catch {
          rejected.push(e.id);
          continue;
        }
        fc.Interior.Color = bgr(style.fill);
        fc.Font.Color = bgr(style.fontColor);
        order.added(fc);
      }
    },
    validation: (e) => {
      const ws = sheet(e.sheet);
      const v = e.rule;
      for (const chunk of unionChunks(e.ranges)) {
        const dv = ws.Range(chunk).Validation;
        dv.Delete();
        dv.Add(
          v.type === 'whole' ? XL.validateWholeNumber : XL.validateDecimal,
          XL.validAlertWarning,
          XL.between,
          String(v.min),
          String(v.max),
        );
        dv.IgnoreBlank = true;
        dv.InputTitle = v.promptTitle;
        dv.InputMessage = v.prompt;
        dv.ErrorTitle = v.errorTitle;
        dv.ErrorMessage = v.error;
        dv.ShowInput = true;
        dv.ShowError = true;
      }
    },
    pageSetup: (e) => {
      const ws = sheet(e.sheet);
      const ps = ws.PageSetup;
      ps.PrintArea = absoluteRange(e.printArea);
      ps.Orientation = e.orientation === 'landscape' ? XL.landscape : XL.portrait;
      ps.PaperSize = XL.paperA4;
      ps.Zoom = false;
      ps.FitToPagesWide = e.fitToWidth;
      ps.FitToPagesTall = false;
      ps.LeftMargin = e.margins.left * 72;
      ps.RightMargin = e.margins.right * 72;
      ps.TopMargin = e.margins.top * 72;
      ps.BottomMargin = e.margins.bottom * 72;
      ps.HeaderMargin = 0.3 * 72;
      ps.FooterMargin = 0.3 * 72;
      ps.CenterHorizontally = true;
      if (e.rowBreaks.length) {
        const breaks = ws.HPageBreaks;
        for (const row of e.rowBreaks) breaks.Add(ws.Range(`A${row + 1}`));
      }
    },
    protect: (e) => {
      const ws = sheet(e.sheet);
      protectSheet(ws);
      reprotect.delete(ws);
    },
  };

  try {
    for (const e of edits) handleEdit(handlers, e);
  } finally {
    for (const ws of reprotect) protectSheet(ws);
  }
  return rejected;
}

/** The message for rules WPS refused, for callers that cannot show a list (the ribbon). */
export function rejectedRulesError(rejected: readonly string[]): Error {
  return new Error(
    `模板已写入，但 WPS 未接受其中 ${rejected.length} 条单元格高亮规则（条件格式），这些规则对应的单元格不会自动标色；任务窗格中的校验不受影响。未写入的规则：${rejected.slice(0, 3).join('；')}${rejected.length > 3 ? ' 等' : ''}`,
  );
}

/**
 * An insertion that cannot leave half a template (issue #10): every ET call of it runs inside one guard; if any
 * throws, the sheets it added and the names it defined are removed and it runs once more; if that fails too, what
 * was built is removed again and the error goes to the caller, so the workbook is as it was (and a retry plans 年报,
 * not 年报(2)). Highlight rules WPS refuses twice are skipped and returned.
 */
export function insertIntoEt(app: EtApplication, edits: readonly SheetEdit[]): string[] {
  const wb = activeWorkbook(app);
  // Refused before anything is built: a sheet of that name exists (never removed, never written over).
  for (const e of edits)
    if (e.op === 'addSheet' && findSheet(wb, e.sheet)) throw new Error(`工作表「${e.sheet}」已存在`);
  const namesBefore = new Set<string>();
  for (let i = 1, n = wb.Names.Count; i <= n; i++) namesBefore.add(wb.Names.Item(i).Name.toLowerCase());
  const remove = () => removeBuilt(app, wb, edits, namesBefore);
  try {
    return applyEditsToEt(app, edits);
  } catch {
    remove();
  }
  try {
    return applyEditsToEt(app, edits);
  } catch (again) {
    remove();
    throw again;
  }
}

/** Deletes the names the edits defined (new ones only) and the sheets they added, without WPS's prompts. */
function removeBuilt(app: EtApplication, wb: EtWorkbook, edits: readonly SheetEdit[], namesBefore: Set<string>): void {
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    for (const e of edits)
      if (e.op === 'defineName' && !namesBefore.has(e.name.toLowerCase()))
        try {
          wb.Names.Item(e.name).Delete();
        } catch {
          // Not defined yet: nothing to remove.
        }
    for (const e of edits)
      if (e.op === 'addSheet') {
        const ws = findSheet(wb, e.sheet);
        if (!ws) continue;
        if (ws.ProtectContents) ws.Unprotect();
        ws.Delete();
      }
  } finally {
    app.DisplayAlerts = alerts;
  }
}

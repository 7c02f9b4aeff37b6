// The .xlsx host: an ExcelJS workbook in memory behind SpreadsheetHost. Used by the CLI, by the web host's
// open/save, and as the reference writer other hosts are compared with.
import ExcelJS from 'exceljs';
import { BLANK, SHEET_LAYOUT, parseRange, splitSheetRef, type CellContent, type SheetEdit } from '../../report';
import type { NamedCellsRead, NamedRef, NamedValue, SpreadsheetHost } from '../spreadsheet-host';
import { applyEditsToWorkbook } from './apply-edits';
import { cellContent } from './cell-content';
import type { RawDefinedName } from './open-guard';
import { runSelfTest } from '../self-test/run-self-test';
import type { SelfTestReport } from '../self-test/self-test-report';
import { xlsxSelfTestProbes } from './self-test-probes';

/** "Sheet!$A$1" (ExcelJS form, possibly quoted) to "Sheet!A1"; null for anything that is not one cell or range. */
function normaliseRef(text: string): string | null {
  const split = splitSheetRef(text);
  if (!split || !parseRange(split.range)) return null;
  return `${split.sheet}!${split.range}`;
}

export class XlsxHost implements SpreadsheetHost {
  private readonly listeners = new Set<() => void>();
  /** The cell a selection request last pointed at, "Sheet!A1" (a file has no live selection to show). */
  selection: string[] = [];

  /**
   * `rawNames` are the definitions as stored in the file (ExcelJS drops names that point nowhere, such as
   * #REF!, so they are read from the zip first); without them, ExcelJS's own model is used.
   */
  constructor(
    readonly workbook: ExcelJS.Workbook = new ExcelJS.Workbook(),
    private rawNames: readonly RawDefinedName[] | null = null,
  ) {}

  /** 自检 over the in-memory workbook (self-test/run-self-test.ts); a file has no change events. */
  async runSelfTest(): Promise<SelfTestReport> {
    return runSelfTest(this, xlsxSelfTestProbes(this.workbook));
  }

  async listNames(): Promise<readonly NamedRef[]> {
    const fromModel = new Map<string, string | null>();
    for (const n of this.workbook.definedNames.model)
      fromModel.set(n.name, n.ranges.length === 1 ? normaliseRef(n.ranges[0]) : null);
    if (this.rawNames) {
      for (const raw of this.rawNames) {
        if (raw.name.startsWith('_xlnm.') || raw.localSheetId !== undefined) continue;
        if (!fromModel.has(raw.name)) fromModel.set(raw.name, null);
      }
    }
    return [...fromModel].map(([name, ref]) => {
      if (ref && !this.workbook.getWorksheet(splitSheetRef(ref)!.sheet)) return { name, ref: null };
      return { name, ref };
    });
  }

  async sheetNames(): Promise<readonly string[]> {
    return this.workbook.worksheets.map((w) => w.name);
  }

  /** The names listed once per call, then looked up: name → its sheet and (top-left) cell, null when nowhere. */
  private async locator(): Promise<(name: string) => { ws: ExcelJS.Worksheet; row: number; col: number } | null> {
    const refs = new Map((await this.listNames()).map((n) => [n.name, n.ref]));
    return (name) => {
      const ref = refs.get(name);
      const split = ref ? splitSheetRef(ref) : null;
      const ws = split ? this.workbook.getWorksheet(split.sheet) : undefined;
      const r = split ? parseRange(split.range) : null;
      return ws && r ? { ws, row: r.top, col: r.left } : null;
    };
  }

  async readNamedCells(names: readonly string[]): Promise<NamedCellsRead> {
    const locate = await this.locator();
    const values: CellContent[] = [];
    const missing: string[] = [];
    const mergedAway: string[] = [];
    for (const name of names) {
      const at = locate(name);
      if (!at) {
        missing.push(name);
        values.push(BLANK);
        continue;
      }
      const cell = at.ws.getCell(at.row, at.col);
      if (cell.isMerged && cell.master.address !== cell.address) mergedAway.push(name);
      values.push(cellContent(cell));
    }
    return { values, missing, mergedAway };
  }

  async applyEdits(edits: readonly SheetEdit[]): Promise<void> {
    await applyEditsToWorkbook(this.workbook, edits);
    this.rawNames = null;
  }

  async writeNamedValues(values: ReadonlyMap<string, NamedValue>): Promise<void> {
    const locate = await this.locator();
    for (const [name, value] of values) {
      const at = locate(name);
      if (!at) throw new Error(`名称 ${name} 不存在或指向无效位置`);
      // ExcelJS stores a string as a string cell (t="s"), whatever it starts with; only { formula } makes a formula.
      // CLEAR_CELL (null) is ExcelJS's empty cell.
      at.ws.getCell(at.row, at.col).value = value;
    }
  }

  async selectNamedCells(names: readonly string[]): Promise<void> {
    const locate = await this.locator();
    const refs: string[] = [];
    for (const name of names) {
      const at = locate(name);
      if (at) refs.push(`${at.ws.name}!${at.ws.getCell(at.row, at.col).address}`);
    }
    if (refs.length === 0) return;
    this.selection = refs;
    const first = splitSheetRef(refs[0])!;
    const ws = this.workbook.getWorksheet(first.sheet)!;
    ws.views = [{ ...(ws.views[0] ?? {}), state: 'normal', activeCell: first.range, showGridLines: false }];
    this.workbook.views = [
      { ...(this.workbook.views?.[0] ?? {}), activeTab: this.workbook.worksheets.indexOf(ws) } as ExcelJS.WorkbookView,
    ];
  }

  onUserEdit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A person's edit (from a test or an import step): writes the cell, then tells the listeners. */
  async userEdit(sheet: string, address: string, value: ExcelJS.CellValue): Promise<void> {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    ws.getCell(address).value = value;
    for (const l of [...this.listeners]) l();
  }

  async toBuffer(): Promise<Buffer> {
    await this.restorePageBreaks();
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }

  /**
   * ExcelJS writes row page breaks but does not read them back, so a loaded template would lose its one-table-per-
   * page print setup on save. Put each break back after the row that now holds the input the layout ends a page with.
   */
  private async restorePageBreaks(): Promise<void> {
    const locate = await this.locator();
    for (const b of SHEET_LAYOUT.pageBreaksAfter) {
      const last = SHEET_LAYOUT.cells.find((c) => c.row === b && c.input)?.input;
      const at = last ? locate(last.name) : null;
      if (!at) continue;
      const breaks = (at.ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks;
      if (!breaks.some((x) => x.id === at.row)) at.ws.getRow(at.row).addPageBreak();
    }
  }
}

// The Univer host in real headless chromium: the page `npm start` serves, with a fresh workbook per case made in
// the page beside the page's own, and a UniverHost (the class the page runs, taken from its test hook) over it.
// SpreadsheetHost calls and the user's actions go through page.evaluate; what a person sees is the facade's
// background, which includes conditional formatting.
import type { Browser, Page } from 'playwright-core';
import type { NamedCellsRead, NamedRef, SpreadsheetHost } from '../../src/hosts/spreadsheet-host';
import type { SheetEdit } from '../../src/report';
import { launchChromium } from '../support/chromium';
import { normaliseColour, openWebPage, startWebServer, type WebServer } from '../e2e/web-page';
import type { HostKind, HostUnderTest } from './host-under-test';

/** The facade members the driver uses, typed loosely (the page's real types stay in src/hosts/web). */
interface RangeLike {
  getRow(): number;
  getColumn(): number;
  getBackground(): string;
  merge(): unknown;
  breakApart(): unknown;
}
interface SheetLike {
  getRange(a1: string): RangeLike;
  insertRowsBefore(row: number, count: number): unknown;
  isSheetHidden(): boolean;
  getConditionalFormattingRules(): {
    cfId: string;
    ranges: { startRow: number; endRow: number; startColumn: number; endColumn: number }[];
  }[];
  deleteConditionalFormattingRule(id: string): unknown;
}
interface WorkbookLike {
  getId(): string;
  getSheetByName(name: string): SheetLike | null;
  deleteDefinedName(name: string): boolean;
}
interface InPage {
  univerAPI: {
    createWorkbook(data: object): WorkbookLike;
    disposeUnit(id: string): boolean;
  };
  __nianbao: { sheet: object };
  __contract?: SpreadsheetHost & { workbook: WorkbookLike };
}

const CALL_TIMEOUT_MS = 120_000;

let server: WebServer | null = null;
let browser: Browser | null = null;
let page: Page | null = null;

function thePage(): Page {
  if (!page) throw new Error('the Univer page is not open');
  return page;
}

/** Runs a method of the page's contract host with JSON arguments. */
function call<T>(method: string, ...args: unknown[]): Promise<T> {
  return thePage().evaluate(
    ([m, a]) => {
      const host = (window as unknown as InPage).__contract as unknown as Record<string, (...x: unknown[]) => T>;
      return host[m](...a);
    },
    [method, args] as [string, unknown[]],
  );
}

function sheetOp<T>(sheet: string, fn: string, arg: unknown): Promise<T> {
  return thePage().evaluate(
    ([s, f, a]) => {
      const w = window as unknown as InPage;
      const ws = w.__contract!.workbook.getSheetByName(s);
      if (!ws) throw new Error(`no sheet ${s}`);
      // The user's actions, as the facade performs the commands the menus run.
      const run: Record<string, () => unknown> = {
        insertRows: () => {
          const { before, count } = a as { before: number; count: number };
          ws.insertRowsBefore(before - 1, count);
        },
        merge: () => void ws.getRange(a as string).merge(),
        unmerge: () => void ws.getRange(a as string).breakApart(),
        deleteRulesAt: () => {
          const r = ws.getRange(a as string);
          const [row, col] = [r.getRow(), r.getColumn()];
          for (const rule of ws.getConditionalFormattingRules())
            if (
              rule.ranges.some(
                (x) => x.startRow <= row && row <= x.endRow && x.startColumn <= col && col <= x.endColumn,
              )
            )
              ws.deleteConditionalFormattingRule(rule.cfId);
        },
        isHidden: () => ws.isSheetHidden(),
        fill: () => ws.getRange(a as string).getBackground(),
      };
      return run[f]() as T;
    },
    [sheet, fn, arg] as [string, string, unknown],
  );
}

function proxyHost(): SpreadsheetHost {
  return {
    listNames: () => call<readonly NamedRef[]>('listNames'),
    sheetNames: () => call<readonly string[]>('sheetNames'),
    readNamedCells: (names) => call<NamedCellsRead>('readNamedCells', names),
    applyEdits: (edits: readonly SheetEdit[]) => call<void>('applyEdits', edits),
    writeNamedValues: (values) =>
      thePage().evaluate(
        (entries) => (window as unknown as InPage).__contract!.writeNamedValues(new Map(entries)),
        [...values],
      ),
    selectNamedCells: (names) => call<void>('selectNamedCells', names),
    onUserEdit: () => () => undefined,
  };
}

export const univerKind: HostKind = {
  name: 'Univer (chromium)',
  // Univer recomputes conditional formats after a debounce (fixed 100 ms + 16 ms, more on a loaded machine).
  redrawMs: 60_000,
  async setUp() {
    server = await startWebServer();
    browser = await launchChromium();
    ({ page } = await openWebPage(browser, server.url));
    page.setDefaultTimeout(CALL_TIMEOUT_MS);
  },
  async tearDown() {
    await browser?.close();
    await server?.stop();
    browser = null;
    server = null;
    page = null;
  },
  async open(): Promise<HostUnderTest> {
    await thePage().evaluate(() => {
      const w = window as unknown as InPage;
      if (w.__contract) w.univerAPI.disposeUnit(w.__contract.workbook.getId());
      const wb = w.univerAPI.createWorkbook({
        name: 'contract',
        sheetOrder: ['sheet-1'],
        sheets: { 'sheet-1': { id: 'sheet-1', name: 'Sheet1' } },
      });
      const Host = w.__nianbao.sheet.constructor as new (api: unknown, wb: WorkbookLike) => InPage['__contract'];
      w.__contract = new Host(w.univerAPI, wb);
    });
    return {
      host: proxyHost(),
      insertRows: (sheet, before, count) => sheetOp(sheet, 'insertRows', { before, count }),
      merge: (sheet, range) => sheetOp(sheet, 'merge', range),
      unmerge: (sheet, range) => sheetOp(sheet, 'unmerge', range),
      deleteName: (name) =>
        thePage().evaluate((n) => void (window as unknown as InPage).__contract!.workbook.deleteDefinedName(n), name),
      deleteRulesAt: (sheet, a1) => sheetOp(sheet, 'deleteRulesAt', a1),
      isHidden: (sheet) => sheetOp<boolean>(sheet, 'isHidden', null),
      async shownFill(sheet, a1) {
        // The background as drawn, rules applied. The template's inputs have no fill of their own: white is none.
        const colour = normaliseColour(await sheetOp<string>(sheet, 'fill', a1));
        return colour === '#FFFFFF' ? null : colour.slice(1);
      },
      async close() {},
    };
  },
};

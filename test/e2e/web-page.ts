// Drives the web page (`npm start`) the way a person does, in real headless chromium: starts scripts/start.mjs on a
// free port (it builds dist/web only when stale), clicks cells at their on-screen position and types. The sheet
// draws to a canvas, so state is read through window.univerAPI and window.__nianbao. Shared by the e2e suite and
// bench/web.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** The checkout's root, found from here (this file is also bundled into node_modules/.cache by run-ts). */
function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, 'scripts', 'start.mjs'))) return dir;
  return process.cwd();
}
// The working directory first: a bench bundled under node_modules/.cache may sit in another checkout's
// node_modules when that folder is shared (a symlink), and __dirname would then name that checkout.
export const ROOT = existsSync(join(process.cwd(), 'scripts', 'start.mjs')) ? process.cwd() : findRoot(__dirname);
/**
 * Chromium on a 2-core VM parses the 6 MB sheet bundle in 4–6 s; leave room for a loaded machine. A condition wait
 * (the page reports sheetReady or failure), bounded generously: with the whole suite running (load average above
 * 20) the page once took longer than 60 s to get there.
 */
export const READY_TIMEOUT_MS = 180_000;

export interface WebServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Runs `node scripts/start.mjs` with PORT=0 and resolves with the URL it prints. `args` go to start.mjs (the bench
 * serves Univer's bare page with `--dir <folder>`). Building the page is webpack in production mode: over 240 s
 * with several builds at once on a 2-core machine.
 */
export function startWebServer(timeoutMs = 420_000, args: readonly string[] = []): Promise<WebServer> {
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`start.mjs did not serve within ${timeoutMs} ms:\n${log}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /(http:\/\/\S+\/)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start.mjs exited with ${code}:\n${log}`));
    });
  });
}

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests that left the page's own server (must stay empty: the page is offline). */
  readonly foreignRequests: string[];
  readonly pageErrors: string[];
}

export async function openWebPage(
  browser: Browser,
  url: string,
  readyTimeoutMs = READY_TIMEOUT_MS,
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  await waitForSheet(page, readyTimeoutMs);
  return { context, page, foreignRequests, pageErrors };
}

export async function waitForSheet(page: Page, timeout = READY_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction(
    () => window.__nianbao?.timings.sheetReady != null || window.__nianbao?.failure != null,
    null,
    { timeout },
  );
  const failure = await page.evaluate(() => window.__nianbao!.failure);
  if (failure) throw new Error(`the sheet did not start: ${failure}`);
}

export interface CellPlace {
  readonly sheet: string;
  readonly a1: string;
}

/** Where a defined name points in the page's workbook. */
export async function locate(page: Page, name: string): Promise<CellPlace> {
  return page.evaluate((n) => {
    const api = window.univerAPI as UniverLike;
    const ref = api.getActiveWorkbook().getDefinedName(n)?.getFormulaOrRefString();
    if (!ref) throw new Error(`no name ${n}`);
    const bang = ref.lastIndexOf('!');
    return { sheet: ref.slice(0, bang).replace(/^'|'$/g, ''), a1: ref.slice(bang + 1).replace(/\$/g, '') };
  }, name);
}

/** Brings the named cell into view and returns its centre in page pixels. */
export async function cellCentre(page: Page, name: string): Promise<{ x: number; y: number }> {
  const place = await locate(page, name);
  const inView = await page.evaluate(({ sheet, a1 }) => {
    const ws = (window.univerAPI as UniverLike).getActiveWorkbook().getSheetByName(sheet)!;
    const row = ws.getRange(a1).getRow();
    const seen = ws.getVisibleRange();
    // The last visible row may be cut off by the canvas edge: keep a row of margin.
    const ok = !!seen && row >= seen.startRow && row < seen.endRow - 1;
    // One row of context above: tall text rows (补充信息) would push the cell out of view with more.
    if (!ok) ws.scrollToCell(Math.max(0, row - 1), 0);
    return ok;
  }, place);
  // After a scroll, wait until the sheet reports the row in view (a condition, not a fixed pause).
  if (!inView)
    await page.waitForFunction(
      ({ sheet, a1 }) => {
        const ws = (window.univerAPI as UniverLike).getActiveWorkbook().getSheetByName(sheet)!;
        const row = ws.getRange(a1).getRow();
        const seen = ws.getVisibleRange();
        return !!seen && row >= seen.startRow && row < seen.endRow - 1;
      },
      place,
      { timeout: 25_000 },
    );
  return page.evaluate(({ sheet, a1 }) => {
    const ws = (window.univerAPI as UniverLike).getActiveWorkbook().getSheetByName(sheet)!;
    // getCellRect() is in unscrolled sheet pixels (headers included); take off how far the view has scrolled.
    const rect = ws.getRange(a1).getCellRect();
    const scroll = ws.getScrollState();
    const origin = ws.getRange('A1').getCellRect();
    const start = ws.getRange(scroll.sheetViewStartRow, scroll.sheetViewStartColumn).getCellRect();
    const dx = start.left - origin.left + scroll.offsetX;
    const dy = start.top - origin.top + scroll.offsetY;
    const canvas = [...document.querySelectorAll('canvas')].find((c) => c.id.startsWith('univer-sheet-main-canvas'));
    if (!canvas) throw new Error('sheet canvas not found');
    const box = canvas.getBoundingClientRect();
    return { x: box.left + rect.left - dx + rect.width / 2, y: box.top + rect.top - dy + rect.height / 2 };
  }, place);
}

/** The last click per page: two clicks on one spot within the double-click time would open the cell's editor. */
const lastClick = new WeakMap<Page, { x: number; y: number; at: number }>();
const DOUBLE_CLICK_MS = 600;

/** Clicks the named cell, types the text and presses Enter, as a person does. */
export async function typeIntoCell(page: Page, name: string, text: string): Promise<void> {
  const { x, y } = await cellCentre(page, name);
  const last = lastClick.get(page);
  if (last && Math.hypot(last.x - x, last.y - y) < 8) {
    const wait = last.at + DOUBLE_CLICK_MS - Date.now();
    if (wait > 0) await page.waitForTimeout(wait); // time-based: two clicks closer than this are a double-click
  }
  await page.mouse.click(x, y);
  lastClick.set(page, { x, y, at: Date.now() });
  // As a person looks at the selection before typing: the click has landed on this cell.
  const { a1 } = await locate(page, name);
  await page.waitForFunction(
    // A merged input (表二's cells span columns) is selected as its whole range: compare its first cell.
    (want) =>
      (window.univerAPI as UniverLike).getActiveWorkbook().getActiveRange()?.getA1Notation().split(':')[0] === want,
    a1,
    { timeout: 30_000 }, // a condition: a click lands at once when quiet, seconds late at load 20 and more
  );
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The background the user sees (conditional formatting applied), as upper-case #RRGGBB. */
export async function backgroundOf(page: Page, name: string): Promise<string> {
  const place = await locate(page, name);
  const raw = await page.evaluate(
    ({ sheet, a1 }) =>
      (window.univerAPI as UniverLike).getActiveWorkbook().getSheetByName(sheet)!.getRange(a1).getBackground(),
    place,
  );
  return normaliseColour(raw);
}

export function normaliseColour(css: string): string {
  const s = css.trim().toLowerCase();
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(s);
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  if (rgb) return `#${hex(+rgb[1])}${hex(+rgb[2])}${hex(+rgb[3])}`.toUpperCase();
  if (/^#[0-9a-f]{3}$/.test(s)) return `#${[...s.slice(1)].map((c) => c + c).join('')}`.toUpperCase();
  return s.toUpperCase();
}

/** Waits until the named cell's visible background is (or is not) the colour. */
export async function waitForBackground(
  page: Page,
  name: string,
  colour: string,
  want: boolean,
  timeout = 60_000, // a condition: under a second when quiet (Enter → red), many at load 20 and more
): Promise<void> {
  const place = await locate(page, name);
  await page.waitForFunction(
    ({ sheet, a1, colour: c, want: w }) => {
      const raw = (window.univerAPI as UniverLike)
        .getActiveWorkbook()
        .getSheetByName(sheet)!
        .getRange(a1)
        .getBackground();
      const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(raw);
      const hex = m
        ? `#${[m[1], m[2], m[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`
        : raw.toLowerCase();
      return (hex.toUpperCase() === c.toUpperCase()) === w;
    },
    { ...place, colour, want },
    { timeout },
  );
}

export async function activeCell(page: Page): Promise<CellPlace | null> {
  return page.evaluate(() => {
    const wb = (window.univerAPI as UniverLike).getActiveWorkbook();
    const r = wb.getActiveRange();
    return r ? { sheet: wb.getActiveSheet().getSheetName(), a1: r.getA1Notation() } : null;
  });
}

/** The narrow slice of Univer's facade these helpers use (the page's real types stay in src/hosts/web). */
interface UniverLike {
  getActiveWorkbook(): {
    getDefinedName(n: string): { getFormulaOrRefString(): string } | null;
    getSheetByName(n: string): SheetLike | null;
    getActiveSheet(): SheetLike;
    getActiveRange(): { getA1Notation(): string } | null;
  };
}
interface RangeLike {
  getRow(): number;
  getBackground(): string;
  getCellRect(): DOMRect;
}
interface SheetLike {
  getSheetName(): string;
  getRange(a1: string): RangeLike;
  getRange(row: number, col: number): RangeLike;
  getScrollState(): { sheetViewStartRow: number; sheetViewStartColumn: number; offsetX: number; offsetY: number };
  getVisibleRange(): { startRow: number; endRow: number } | null;
  scrollToCell(row: number, col: number): void;
}

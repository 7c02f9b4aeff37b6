// The shared task pane as a page in real chromium: a test's entry script (which builds a host, usually the real .xlsx
// host over ExcelJS's browser build, and mounts the pane in #root) is bundled with esbuild into a temp folder beside
// an index.html and opened from file://, so nothing is fetched. Plus the keyboard moves the pane tests share.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './chromium';

/** The checkout's root: relative imports in an entry script resolve from here (`./src/...`). */
export const ROOT = path.resolve(__dirname, '../..');

const INDEX_HTML =
  '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body style="margin:0"><div id="root"></div><script src="pane.js"></script></body></html>';

export interface PanePage {
  readonly browser: Browser;
  readonly page: Page;
  /** The temp folder holding the page; a test may put its own files (downloads) here, removed by close(). */
  readonly dir: string;
  /** Closes the browser and removes the folder. */
  close(): Promise<void>;
}

/** Bundles `entry` for the browser, launches chromium and opens the page with `pageOptions` (viewport, downloads). */
export async function openPanePage(entry: string, pageOptions: BrowserContextOptions): Promise<PanePage> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pane-e2e-'));
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await build({
      stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      outfile: path.join(dir, 'pane.js'),
      logLevel: 'silent',
    });
    writeFileSync(path.join(dir, 'index.html'), INDEX_HTML);
    browser = await launchChromium();
    const page = await browser.newPage(pageOptions);
    await page.goto(`file://${path.join(dir, 'index.html')}`);
    return { browser, page, dir, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Opens the page before a test file's tests and closes it after them. `ready` receives the opened page (the file
 * keeps what it needs) and waits for what must be on screen before the first test.
 */
export function openPanePageForTests(
  entry: string,
  pageOptions: BrowserContextOptions,
  ready: (pane: PanePage) => Promise<void>,
): void {
  let pane: PanePage | undefined;
  beforeAll(async () => {
    pane = await openPanePage(entry, pageOptions);
    await ready(pane);
  }, 120_000);
  afterAll(async () => {
    await pane?.close();
  });
}

/** The text of the element that has the keyboard focus. */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent ?? '');
}

/** Presses Tab until the focused element's text matches, as a keyboard user moves through the pane. */
export async function pressTabUntil(page: Page, pattern: RegExp, limit: number): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (pattern.test(await focusedText(page))) return;
  }
  throw new Error(`no focusable element matching ${pattern} within ${limit} Tab presses`);
}

// The pane in real chromium at 320 px, driven by the keyboard only: tabs, a finding, its fix. The workbook is the
// real .xlsx host (ExcelJS's browser build), bundled with esbuild for the page.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
const ENTRY = `
import { XlsxHost } from ${JSON.stringify(path.join(ROOT, 'src/hosts/xlsx/xlsx-host'))};
import { planTemplate } from ${JSON.stringify(path.join(ROOT, 'src/report'))};
import { mountTaskPane } from ${JSON.stringify(path.join(ROOT, 'src/taskpane/mount'))};
(async () => {
  const host = new XlsxHost();
  await host.applyEdits(planTemplate({ sheet: '年报', agency: '某某县人民政府办公室', year: 2025 }));
  window.host = host;
  mountTaskPane(document.getElementById('root'), host);
})();
`;

let dir: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pane-e2e-'));
  await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    outfile: path.join(dir, 'pane.js'),
    logLevel: 'silent',
  });
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body style="margin:0"><div id="root"></div><script src="pane.js"></script></body></html>',
  );
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  page = await browser.newPage({ viewport: { width: 320, height: 640 } });
  await page.goto(`file://${path.join(dir, 'index.html')}`);
  await page.getByRole('heading', { name: /表三/ }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

async function tabUntil(pattern: RegExp, limit = 15): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (pattern.test(await focusedText())) return;
  }
  throw new Error(`no focusable element matching ${pattern} within ${limit} Tab presses`);
}

it('fits 320 px without horizontal scrolling', async () => {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
});

it('switches tabs with the arrow keys and Enter', async () => {
  await page.getByRole('tab', { name: '校验' }).focus();
  await page.keyboard.press('ArrowRight');
  expect(await focusedId()).toBe('tab-template');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '模板状态' }).waitFor();
  expect(await page.getByRole('tab', { name: '模板' }).getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /表三/ }).waitFor();
});

it('reaches a finding by Tab, selects its cell with Enter, and fixes it with the next button', async () => {
  const address = await page.evaluate(async () => {
    const host = (window as unknown as { host: import('../../src/hosts/xlsx/xlsx-host').XlsxHost }).host;
    const ref = (await host.listNames()).find((n) => n.name === 'nb_t3_new_person')!.ref!;
    const range = ref.split('!')[1];
    await host.userEdit('年报', range, '２');
    return ref;
  });
  await page.getByRole('button', { name: /全角数字「２」/ }).waitFor();
  await page.getByRole('tab', { name: '校验' }).focus();
  await tabUntil(/全角数字「２」/, 30);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (a) => (window as unknown as { host: { selection: string[] } }).host.selection[0] === a,
    address,
  );

  await page.keyboard.press('Tab');
  expect(await focusedText()).toBe('改为 2');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /全角数字「２」/ }).waitFor({ state: 'detached' });
  const value = await page.evaluate(async () => {
    const host = (window as unknown as { host: import('../../src/hosts/xlsx/xlsx-host').XlsxHost }).host;
    return (await host.readNamedCells(['nb_t3_new_person'])).values[0];
  });
  expect(value).toEqual({ kind: 'number', value: 2 });
  await page.screenshot({ path: path.join(tmpdir(), 'taskpane-320.png'), fullPage: false });
});

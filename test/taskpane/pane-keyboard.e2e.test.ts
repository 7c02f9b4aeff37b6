// The pane in real chromium at 320 px, driven by the keyboard only: tabs, a finding, its fix. The workbook is the
// real .xlsx host (ExcelJS's browser build), bundled with esbuild for the page.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { focusedText as focusedTextOf, openPanePageForTests, pressTabUntil } from '../support/pane-page';

const ENTRY = `
import { XlsxHost } from './src/hosts/xlsx/xlsx-host';
import { planTemplate } from './src/report';
import { mountTaskPane } from './src/taskpane/mount';
(async () => {
  const host = new XlsxHost();
  await host.applyEdits(planTemplate({ sheet: '年报', agency: '某某县人民政府办公室', year: 2025 }));
  window.host = host;
  mountTaskPane(document.getElementById('root'), host);
})();
`;

let page: Page;
openPanePageForTests(ENTRY, { viewport: { width: 320, height: 640 } }, async (opened) => {
  page = opened.page;
  // A blank template lists no problems: the pane is ready once it shows the progress (已填 n / N).
  await page.getByText(/^已填 \d+ \/ \d+$/).waitFor();
});

const focusedText = () => focusedTextOf(page);
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
const tabUntil = (pattern: RegExp, limit = 15) => pressTabUntil(page, pattern, limit);

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
  await page.getByText(/^已填 \d+ \/ \d+$/).waitFor();
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
  // The README's picture of the pane at 320 px: refreshed only when asked (UPDATE_DOC_IMAGES=1).
  if (process.env.UPDATE_DOC_IMAGES)
    await page.screenshot({ path: path.join('docs', 'taskpane-320.png'), fullPage: false });
});

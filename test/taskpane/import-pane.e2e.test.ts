// 导入 and 上年数据 in real chromium at 320 px, by the keyboard: paste a published report, read it, answer the
// conflict question, keep last year's report in the workbook. The workbook is the real .xlsx host (ExcelJS's
// browser build), bundled with esbuild for the page; nothing is fetched.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, focusedText as focusedTextOf, openPanePageForTests, pressTabUntil } from '../support/pane-page';

const SAMPLES = path.join(ROOT, 'test/fixtures/samples');
const ENTRY = `
import { XlsxHost } from './src/hosts/xlsx/xlsx-host';
import { planTemplate } from './src/report';
import { mountTaskPane } from './src/taskpane/mount';
(async () => {
  const host = new XlsxHost();
  await host.applyEdits(planTemplate({ sheet: '年报', agency: '某某县人民政府办公室', year: 2021 }));
  window.host = host;
  window.valueOf = async (name) => {
    const v = (await host.readNamedCells([name])).values[0];
    return v.kind === 'number' ? v.value : v.kind === 'text' ? v.text : null;
  };
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
const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
const valueOf = (name: string) =>
  page.evaluate((n) => (window as unknown as { valueOf(n: string): Promise<unknown> }).valueOf(n), name);
const tabUntil = (pattern: RegExp, limit = 40) => pressTabUntil(page, pattern, limit);

async function openTab(name: string): Promise<void> {
  const tabs = ['校验', '模板', '导入', '上年数据'];
  await page.getByRole('tab', { name: '校验' }).focus();
  for (let i = 0; i < tabs.indexOf(name); i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name, selected: true }).waitFor();
}

it('imports a pasted report by keyboard, fits 320 px, and asks before overwriting', async () => {
  await openTab('导入');
  const box = page.getByRole('textbox', { name: '粘贴年报全文' });
  await box.focus();
  // What a paste does: the whole text arrives in the box at once.
  await box.fill(readFileSync(path.join(SAMPLES, 'published-2021-gaoxinqu.txt'), 'utf8'));
  await tabUntil(/^读取$/);
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: '读到的内容' }).waitFor();
  expect(await page.getByText('高新区管委会办公室', { exact: true }).count()).toBe(1);
  expect(await scrollWidth()).toBeLessThanOrEqual(320);

  await tabUntil(/^填入模板$/, 80);
  await page.keyboard.press('Enter');
  const question = page.getByRole('group', { name: '1 个单元格已有不同的内容' });
  await question.waitFor();
  if (process.env.PANE_SHOTS)
    await page.screenshot({ path: path.join(process.env.PANE_SHOTS, 'import.png'), fullPage: true });
  expect(await focusedText()).toBe('覆盖');
  expect(await scrollWidth()).toBeLessThanOrEqual(320);
  await page.keyboard.press('Tab');
  expect(await focusedText()).toBe('只填空白单元格');
  await page.keyboard.press('Enter');
  await page.getByText(/1 个已有不同内容的单元格保持原样/).waitFor();
  expect(await valueOf('nb_agency')).toBe('某某县人民政府办公室');
  expect(await valueOf('nb_t3_new_total')).toEqual(expect.any(Number));
}, 60_000);

it('keeps last year’s report in the workbook at 320 px', async () => {
  await openTab('上年数据');
  const box = page.getByRole('textbox', { name: '粘贴年报全文' });
  await box.fill(readFileSync(path.join(SAMPLES, 'real/004.txt'), 'utf8'));
  await tabUntil(/^读取$/);
  await page.keyboard.press('Enter');
  await page.getByText(/跨年度核对所需的上年数字：读到 9 \/ 9 个/).waitFor();
  await tabUntil(/^保存为上年数据$/, 60);
  await page.keyboard.press('Enter');
  await page.getByText('本工作簿已保存上年数据（9 个数字）。').waitFor();
  await page.getByRole('button', { name: '用上年「结转下年度」预填本年「上年结转」' }).click();
  await page.getByText(/^已预填|^没有空白/).waitFor();
  if (process.env.PANE_SHOTS)
    await page.screenshot({ path: path.join(process.env.PANE_SHOTS, 'previous.png'), fullPage: true });
  expect(await scrollWidth()).toBeLessThanOrEqual(320);
  expect(await valueOf('nb_prev_t3_next_total')).toEqual(expect.any(Number));
}, 60_000);

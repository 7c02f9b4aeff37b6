// 叙述 and 导出 in real chromium at 320 px, by keyboard only: open a template editor, insert a field at the caret,
// see the preview, save; then export the .docx through a real <a download> (the browser's download event), past the
// gate that lists the half-filled table's errors first.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { openPanePageForTests, pressTabUntil } from '../support/pane-page';

const ENTRY = `
import { XlsxHost } from './src/hosts/xlsx/xlsx-host';
import { planSupplement, planTemplate } from './src/report';
import { mountTaskPane } from './src/taskpane/mount';
(async () => {
  const host = new XlsxHost();
  await host.applyEdits([
    ...planTemplate({ sheet: '年报', agency: '某某县人民政府办公室', year: 2025 }),
    ...planSupplement(),
  ]);
  for (const [name, value] of [['nb_t3_new_person', 8], ['nb_t3_new_total', 8]]) {
    const ref = (await host.listNames()).find((n) => n.name === name).ref.split('!');
    host.workbook.getWorksheet(ref[0]).getCell(ref[1]).value = value;
  }
  window.host = host;
  mountTaskPane(document.getElementById('root'), host);
})();
`;

let page: Page;
let dir: string;
openPanePageForTests(ENTRY, { viewport: { width: 320, height: 640 }, acceptDownloads: true }, async (opened) => {
  ({ page, dir } = opened);
  await page.getByRole('tab', { name: '叙述' }).waitFor();
});

const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
const tabUntil = (pattern: RegExp, limit = 20) => pressTabUntil(page, pattern, limit);

it('edits a template by keyboard at 320 px: a field goes in at the caret, the preview follows, 保存', async () => {
  await page.getByRole('tab', { name: '叙述' }).focus();
  await page.keyboard.press('Enter');
  const apply = page.getByRole('region', { name: /一（二）依申请公开情况/ });
  await apply.getByText(/共收到政府信息公开申请8件/).waitFor();
  expect(await scrollWidth()).toBeLessThanOrEqual(320);

  await apply.getByRole('button', { name: '编辑模板' }).focus();
  await page.keyboard.press('Enter');
  const editor = apply.getByRole('textbox');
  await editor.waitFor();
  expect(await scrollWidth()).toBeLessThanOrEqual(320);
  await editor.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('全年收到申请件。');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');

  await tabUntil(/^插入字段/);
  await page.keyboard.press('Enter'); // opens the <details>
  await tabUntil(/^申请\.本年新收$/, 40);
  await page.keyboard.press('Enter');
  expect(await editor.inputValue()).toBe('全年收到申请{{申请.本年新收}}件。');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  await apply.getByText('全年收到申请8件。', { exact: true }).waitFor();
  expect(await scrollWidth()).toBeLessThanOrEqual(320);

  await tabUntil(/^保存模板$/, 80);
  await page.keyboard.press('Enter');
  await apply.getByText(/已将「一（二）依申请公开情况」的模板保存/).waitFor();
  const stored = await page.evaluate(async () => {
    const host = (window as unknown as { host: import('../../src/hosts/xlsx/xlsx-host').XlsxHost }).host;
    return (await host.readNamedCells(['nb_sup_tpl_apply'])).values[0];
  });
  expect(stored).toEqual({ kind: 'text', text: '全年收到申请{{申请.本年新收}}件。' });
  // The README's picture of the pane at 320 px: refreshed only when asked (UPDATE_DOC_IMAGES=1).
  if (process.env.UPDATE_DOC_IMAGES)
    await page.screenshot({ path: path.join('docs', 'taskpane-narrative-320.png'), fullPage: true });
});

it('downloads the .docx through <a download>, named after the agency and year, with the saved text', async () => {
  await page.getByRole('tab', { name: '导出' }).focus();
  await page.keyboard.press('Enter');
  const button = page.getByRole('button', { name: '导出 Word (.docx)' });
  await button.waitFor();
  expect(await scrollWidth()).toBeLessThanOrEqual(320);
  await button.focus();
  // 表三 is half filled: its checks are 未填完, not errors, so the gate lets the export go ahead at once (the gate's
  // 仍然导出 for a report with errors is tested in export-controller.test.ts).
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('某某县人民政府办公室2025年政府信息公开工作年度报告.docx');
  const file = path.join(dir, 'out.docx');
  await download.saveAs(file);
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
  expect(xml).toContain('某某县人民政府办公室2025年政府信息公开工作年度报告');
  expect(xml).toContain('全年收到申请8件。');
  await page.getByText(/^已生成「某某县人民政府办公室2025年政府信息公开工作年度报告\.docx」/).waitFor();
});

// The 汇总 tab in real chromium at 320 px, by the keyboard: the tab opened with the arrow keys, 选择下级报告…
// pressed with Enter (the browser's own file chooser, three children at once), the duplicate agency refused by
// name, 汇总 pressed with Enter, and the sums in the workbook. The workbook is the real .xlsx host (ExcelJS's browser
// build), bundled with esbuild for the page; nothing is fetched. Expected sums are hand-added.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { planInsertion } from '../../src/report';
import { openPanePageForTests, pressTabUntil } from '../support/pane-page';
import { suiteTempDir } from '../support/temp-dir';

const ENTRY = `
import { XlsxHost } from './src/hosts/xlsx/xlsx-host';
import { planTemplate } from './src/report';
import { mountTaskPane } from './src/taskpane/mount';
(async () => {
  const host = new XlsxHost();
  await host.applyEdits(planTemplate({ sheet: '年报', agency: '某某市人民政府办公室', year: 2025 }));
  window.valueOf = async (name) => {
    const v = (await host.readNamedCells([name])).values[0];
    return v.kind === 'number' ? v.value : v.kind === 'text' ? v.text : null;
  };
  window.sheets = () => host.sheetNames();
  mountTaskPane(document.getElementById('root'), host);
})();
`;

const dir = suiteTempDir('nianbao-rollup-e2e-');

async function child(file: string, agency: string, values: [string, number][]): Promise<string> {
  const host = new XlsxHost();
  await host.applyEdits(planInsertion({ sheets: [], names: [] }, { agency, year: 2025 }).edits);
  await host.writeNamedValues(new Map(values));
  const at = path.join(dir, file);
  writeFileSync(at, new Uint8Array(await host.toBuffer()));
  return at;
}

let page: Page;
openPanePageForTests(ENTRY, { viewport: { width: 320, height: 640 } }, async (opened) => {
  page = opened.page;
  await page.getByText(/^已填 \d+ \/ \d+$/).waitFor();
});

const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
const valueOf = (name: string) =>
  page.evaluate((n) => (window as unknown as { valueOf(n: string): Promise<unknown> }).valueOf(n), name);

it('sums three chosen children by keyboard at 320 px, refusing the duplicate by name', async () => {
  const files = [
    await child('甲区.xlsx', '甲区人民政府', [
      ['nb_t3_new_person', 3],
      ['nb_t3_new_total', 3],
    ]),
    await child('乙区.xlsx', '乙区人民政府', [
      ['nb_t3_new_person', 4],
      ['nb_t3_new_total', 4],
    ]),
    await child('甲区-副本.xlsx', '甲区人民政府', [['nb_t3_new_person', 100]]),
  ];
  // Listening for the chooser turns on Playwright's interception of file dialogs, a message it sends without waiting
  // for the browser's answer. Started here, many round trips before the Enter that opens the dialog: started beside a
  // bare keyboard.press, the Enter could reach the page first on a loaded machine and open an uncaught dialog (CI, stop
  // 22: "Timeout 30000ms exceeded while waiting for event filechooser"). On a bare page with one button, listening beside
  // the Enter missed 6 dialogs of 30; listening two round trips before it, none of 30.
  const chooserOpened = page.waitForEvent('filechooser', { timeout: 60_000 });
  chooserOpened.catch(() => undefined);
  await page.getByRole('tab', { name: '校验' }).focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  expect(await page.getByRole('tab', { name: '汇总' }).evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: '汇总', selected: true }).waitFor();

  await pressTabUntil(page, /^选择下级报告…$/, 20);
  await page.keyboard.press('Enter');
  const chooser = await chooserOpened;
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(files);
  await page.getByText('可计入 2 个，不计入 1 个（原因见各项）。').waitFor();
  await page.getByText(/与 甲区人民政府 重复，不能重复计入/).waitFor();
  expect(await scrollWidth()).toBeLessThanOrEqual(320);

  await pressTabUntil(page, /^汇总$/, 20);
  await page.keyboard.press('Enter');
  await page.getByText(/^已汇总 2 个下级报告，写入 2 个单元格；各项来源见工作表「汇总明细」/).waitFor();
  if (process.env.PANE_SHOTS)
    await page.screenshot({ path: path.join(process.env.PANE_SHOTS, 'rollup.png'), fullPage: true });
  expect(await scrollWidth()).toBeLessThanOrEqual(320);
  expect(await valueOf('nb_t3_new_person')).toBe(7);
  expect(await valueOf('nb_t3_new_total')).toBe(7);
  expect(await page.evaluate(() => (window as unknown as { sheets(): Promise<string[]> }).sheets())).toContain(
    '汇总明细',
  );
}, 90_000);

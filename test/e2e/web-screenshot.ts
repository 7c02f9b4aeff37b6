// Refreshes docs/web-screenshot.png: the web page with a filled report (the published 2021 高新区 figures), one
// total broken by typing, its finding clicked in the pane so the red cell is selected.
// Run: node scripts/run-ts.mjs test/e2e/web-screenshot.ts [out.png]
import { join } from 'node:path';
import { HIGHLIGHT, INPUT_CELLS, plainValue } from '../../src/report';
import { gaoxinqu2021 } from '../support/report-values';
import { ROOT, locate, openWebPage, startWebServer, typeIntoCell, waitForBackground } from './web-page';
import { launchChromium } from '../support/chromium';

interface SheetView {
  getRange(a1: string): { getRow(): number };
  scrollToCell(row: number, col: number): void;
}

async function main(out: string): Promise<void> {
  const [server, browser] = await Promise.all([startWebServer(), launchChromium()]);
  try {
    const { page } = await openWebPage(browser, server.url);
    const values = gaoxinqu2021();
    // The tables' own inputs (last year's block and the narrative supplement are not on this sheet).
    const entries = INPUT_CELLS.map((c) => [c.name, plainValue(values[c.index])] as const);
    await page.evaluate(async (e) => {
      await window.__nianbao!.sheet!.writeNamedValues(new Map(e as [string, string | number | null][]));
      window.__nianbao!.host.changed();
    }, entries);
    // 表四 行政复议 总计 typed as 1 while its four results stay 0: one error.
    const t4 = INPUT_CELLS.find((c) => c.table === 'T4' && c.columnId === 'total')!;
    await typeIntoCell(page, t4.name, '1');
    await waitForBackground(page, t4.name, `#${HIGHLIGHT.error.fill}`, true);
    const pane = page.getByRole('complementary', { name: '年报助手任务窗格' });
    await pane.getByRole('button', { name: /表四/ }).first().click();
    // Show the filled 表三 above the red cell, not just the last rows.
    await page.setViewportSize({ width: 1400, height: 1050 });
    const { a1 } = await locate(page, t4.name);
    await page.evaluate((at) => {
      const ws = (window.univerAPI as { getActiveWorkbook(): { getActiveSheet(): SheetView } })
        .getActiveWorkbook()
        .getActiveSheet();
      ws.scrollToCell(Math.max(0, ws.getRange(at).getRow() - 24), 0);
    }, a1);
    await page.waitForTimeout(800); // time-based: not a test; lets the canvas paint before the picture
    await page.screenshot({ path: out });
    console.log(`已写入 ${out}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main(process.argv[2] ?? join(ROOT, 'docs', 'web-screenshot.png')).catch((e) => {
  console.error(e);
  process.exit(1);
});

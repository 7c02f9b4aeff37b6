// Text is text in the real page (issue #17 item 1), in headless chromium against `npm start`'s server: a crafted
// .xlsx opened (打开) and saved (保存), and a crafted published report imported (导入 → 填入模板) and saved, give a
// file whose worksheets hold the injection strings as string cells — the only formula is the one the user typed.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { INPUT_CELLS, TEMPLATE_SHEET_NAME, input, planInsertion, templateAddress } from '../../src/report';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { INJECTIONS } from '../injection/injections';
import { EVIL_AGENCY, craftedReportText } from '../injection/crafted-report';
import { withWebPage } from '../support/with-web-page';

jest.setTimeout(600_000);

let dir: string;

// One page for both (opening a second one doubles the slowest part): 导入 first, on the fresh page, then 打开,
// which replaces every value cell. The page's own readiness wait, longer: on a machine this loaded the sheet can
// take minutes to boot.
const web = withWebPage({ readyTimeoutMs: 240_000 });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-web-inject-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const AGENCY = input('META', 'agency').name;
const COUNTS = INPUT_CELLS.filter((c) => c.kind === 'count');
const TARGETS = COUNTS.slice(0, INJECTIONS.length);
const USER_FORMULA_CELL = COUNTS[INJECTIONS.length];
/** XML turns a bare CR into LF on reading (XML 1.0 §2.11): "\r=1+1" comes back as "\n=1+1", still text. */
const xmlText = (s: string) => s.replace(/\r\n?/g, '\n');

async function save(page: Page, name: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '保存' }).click(),
  ]);
  const path = join(dir, name);
  await download.saveAs(path);
  return readFileSync(path);
}

/** The formulas in every worksheet of a saved file. */
async function formulasIn(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)))
    out.push(...((await zip.file(name)!.async('string')).match(/<f[ >][^<]*<\/f>/g) ?? []));
  return out;
}

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet(TEMPLATE_SHEET_NAME)!;
}

test('导入 a crafted report → 填入模板 → 保存: the agency is a string cell, no formula anywhere', async () => {
  const pane = web.page.getByRole('complementary', { name: '年报助手任务窗格' });
  await pane.getByRole('tab', { name: '导入' }).click();
  const panel = pane.getByRole('tabpanel');
  await panel.getByRole('textbox', { name: '粘贴年报全文' }).fill(craftedReportText());
  await panel.getByRole('button', { name: '读取' }).click();
  await panel.getByText(EVIL_AGENCY).first().waitFor({ timeout: 60_000 });
  await panel.getByRole('button', { name: '填入模板' }).click();
  await web.page.waitForFunction(
    async ([name, text]) => {
      const v = (await window.__nianbao!.host.readNamedCells([name])).values[0];
      return v.kind === 'text' && v.text === text;
    },
    [AGENCY, EVIL_AGENCY] as const,
    { timeout: 60_000 },
  );
  const saved = await save(web.page, 'imported-saved.xlsx');
  expect(await formulasIn(saved)).toEqual([]);
  const back = await sheetOf(saved);
  const agencyCell = INPUT_CELLS.find((c) => c.name === AGENCY)!;
  expect(back.getCell(templateAddress(agencyCell)).value).toBe(EVIL_AGENCY);
  // (The pane's 填入模板 writes the numbers and the agency; imported prose is not written by it on this branch —
  // `nianbao import -o` writes it, test/injection/import-output.test.ts.)
});

test('打开 a crafted .xlsx → 保存: string cells only, the user’s own formula kept', async () => {
  const host = new XlsxHost();
  await host.applyEdits(planInsertion({ sheets: [], names: [] }, { year: 2024 }).edits);
  await host.writeNamedValues(
    new Map<string, string>([[AGENCY, INJECTIONS[0]], ...TARGETS.map((c, i) => [c.name, INJECTIONS[i]] as const)]),
  );
  const ws = host.workbook.getWorksheet(TEMPLATE_SHEET_NAME)!;
  ws.getCell(templateAddress(USER_FORMULA_CELL)).value = { formula: '1+2', result: 3 } as ExcelJS.CellValue;
  const source = join(dir, 'crafted.xlsx');
  writeFileSync(source, await host.toBuffer());

  await web.page.locator('[data-testid="open-file"]').setInputFiles(source);
  await web.page.getByRole('status').filter({ hasText: '已打开' }).waitFor({ timeout: 60_000 });
  // In the page's sheet: text, no formula; the user's formula is one.
  const read = await web.page.evaluate(
    async (names) => (await window.__nianbao!.host.readNamedCells(names)).values,
    [AGENCY, ...TARGETS.map((c) => c.name), USER_FORMULA_CELL.name],
  );
  expect(read[0]).toEqual({ kind: 'text', text: INJECTIONS[0] });
  TARGETS.forEach((_, i) => expect(read[i + 1]).toEqual({ kind: 'text', text: xmlText(INJECTIONS[i]) }));
  expect(read[read.length - 1].formula).toBe('=1+2');

  const saved = await save(web.page, 'crafted-saved.xlsx');
  expect(await formulasIn(saved)).toEqual(['<f>1+2</f>']);
  const back = await sheetOf(saved);
  TARGETS.forEach((c, i) => expect(back.getCell(templateAddress(c)).value).toBe(xmlText(INJECTIONS[i])));
});

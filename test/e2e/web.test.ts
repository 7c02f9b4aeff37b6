// The embedded default end to end, in real headless chromium against `npm start`'s server: typing into the
// in-browser sheet highlights a broken total through native conditional formatting, the shared pane lists the
// Chinese finding and selects its cell, work survives a reload, and an .xlsx opened, edited and saved in the page
// reads back in the CLI's validator with the same findings.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALL_VALUE_CELLS,
  HIGHLIGHT,
  INPUT_CELLS,
  TEMPLATE_MARKER_NAME,
  TEMPLATE_SHEET_NAME,
  contentOf,
  evaluateRules,
  input,
  PREVIOUS_CELLS,
  previousName,
  widenRules,
  type CellContent,
  type SheetEdit,
} from '../../src/report';
import { previousPlan, reportPlan } from '../../src/hosts/web/report-plan';
import { applyEditsToWorkbook } from '../../src/hosts/xlsx/apply-edits';
import { validateWorkbookFile } from '../../src/cli/validate-file';
import {
  activeCell,
  backgroundOf,
  locate,
  READY_TIMEOUT_MS,
  typeIntoCell,
  waitForBackground,
  waitForSheet,
} from './web-page';
import { withWebPage } from '../support/with-web-page';
import { buildFormat2021 } from '../../src/report/format/formats';

/** The format these tests read and check reports as (what a composition root builds). */
const FORMAT = buildFormat2021();

jest.setTimeout(120_000);

const RED = `#${HIGHLIGHT.error.fill}`;
const total = input('T3', 'new', 'total').name;
const person = input('T3', 'new', 'person').name;
/** The rest of row 一: a sum is asserted only once every part is filled (a row with blanks is 未填完). */
const otherParts = (['research', 'charity', 'legal', 'other'] as const).map((c) => input('T3', 'new', c).name);
const business = input('T3', 'new', 'business').name;

const web = withWebPage();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-web-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The findings the domain computes for these values, everything else blank (what the pane must show). */
/** What the first test types: row 一 complete, its total 5 against parts adding up to 3. */
const typedRow: Readonly<Record<string, CellContent>> = Object.fromEntries([
  ...[business, ...otherParts].map((n) => [n, contentOf(0)] as const),
  [total, contentOf(5)],
  [person, contentOf(3)],
]);

function expectedFindings(values: Readonly<Record<string, CellContent>>) {
  return evaluateRules(ALL_VALUE_CELLS.map((c) => values[c.name] ?? contentOf(null)));
}

const pane = () => web.page.getByRole('complementary', { name: '年报助手任务窗格' });

async function paneText(): Promise<string> {
  return pane().innerText();
}

async function pageValues(): Promise<CellContent[]> {
  return web.page.evaluate(
    async (names) => {
      const read = await window.__nianbao!.host.readNamedCells(names);
      return read.values as CellContent[];
    },
    ALL_VALUE_CELLS.map((c) => c.name),
  );
}

test('the pane renders before the sheet, and the sheet holds the template built from the plan, offline', async () => {
  const timings = await web.page.evaluate(() => window.__nianbao!.timings);
  expect(timings.paneRendered).not.toBeNull();
  expect(timings.paneRendered!).toBeLessThan(timings.sheetReady!);

  // What the page builds is the domain's plan: the report sheet and its 补充信息 sheet.
  const plan = reportPlan();
  const onReport = (e: SheetEdit) => 'sheet' in e && e.sheet === TEMPLATE_SHEET_NAME;
  const planned = {
    sheets: plan.flatMap((e) => (e.op === 'addSheet' ? [e.sheet] : [])),
    names: plan.filter((e) => e.op === 'defineName').length,
    // The page merges same-shaped one-cell rules into rectangles (widenRules, issue #15).
    rules: widenRules(plan).filter((e) => e.op === 'conditionalFormat' && onReport(e)).length,
    merges: plan.flatMap((e) => (e.op === 'merge' && onReport(e) ? e.ranges : [])).length,
  };
  const sheet = await web.page.evaluate((reportSheet) => {
    const wb = (window.univerAPI as { getActiveWorkbook(): any }).getActiveWorkbook(); // eslint-disable-line @typescript-eslint/no-explicit-any
    const ws = wb.getSheetByName(reportSheet);
    return {
      sheets: wb.getSheets().map((s: { getSheetName(): string }) => s.getSheetName()),
      names: wb.getDefinedNames().length,
      rules: ws.getConditionalFormattingRules().length,
      merges: ws.getMergedRanges().length,
    };
  }, TEMPLATE_SHEET_NAME);
  expect(sheet).toEqual(planned);
  expect((await locate(web.page, TEMPLATE_MARKER_NAME)).sheet).toBe(TEMPLATE_SHEET_NAME);
  expect(web.opened.foreignRequests).toEqual([]);
  expect(web.opened.pageErrors).toEqual([]);
});

test('a broken total typed with the keyboard turns red after Enter and the pane lists the Chinese message', async () => {
  for (const n of [business, ...otherParts]) await typeIntoCell(web.page, n, '0');
  await typeIntoCell(web.page, total, '5');
  await typeIntoCell(web.page, person, '3');
  await waitForBackground(web.page, total, RED, true);
  expect(await backgroundOf(web.page, total)).toBe(RED);

  const values = await pageValues();
  expect(values[input('T3', 'new', 'total').index]).toEqual({ kind: 'number', value: 5 });
  const broken = expectedFindings(typedRow).filter((f) => f.cells[0] === total && f.severity === 'error');
  expect(broken).toHaveLength(1);
  await pane().getByText(broken[0].message, { exact: true }).waitFor({ timeout: 15_000 });
  expect(await paneText()).toContain(broken[0].message);
});

test('clicking the finding selects its cell in the sheet', async () => {
  const message = expectedFindings(typedRow).find((f) => f.cells[0] === total && f.severity === 'error')!.message;
  // Enter moved the selection below the last typed cell.
  expect(await activeCell(web.page)).not.toEqual(await locate(web.page, total));
  await pane().getByText(message, { exact: true }).click();
  await web.page.waitForFunction(
    async (a1) =>
      (window.univerAPI as { getActiveWorkbook(): { getActiveRange(): { getA1Notation(): string } | null } })
        .getActiveWorkbook()
        .getActiveRange()
        ?.getA1Notation() === a1,
    (await locate(web.page, total)).a1,
    { timeout: 15_000 },
  );
  expect(await activeCell(web.page)).toEqual(await locate(web.page, total));
});

test('fixing the total clears the highlight and the message', async () => {
  const message = expectedFindings(typedRow).find((f) => f.cells[0] === total && f.severity === 'error')!.message;
  await typeIntoCell(web.page, business, '2');
  await waitForBackground(web.page, total, RED, false);
  expect(await backgroundOf(web.page, total)).not.toBe(RED);
  await pane().getByText(message, { exact: true }).waitFor({ state: 'detached', timeout: 15_000 });
});

test('work in progress survives a page reload', async () => {
  await web.page.evaluate(() => window.__nianbao!.session!.flush());
  await web.page.reload();
  await waitForSheet(web.page);
  const values = await pageValues();
  const at = (n: string) => values[ALL_VALUE_CELLS.findIndex((c) => c.name === n)];
  expect([at(total), at(person), at(business)]).toEqual([contentOf(5), contentOf(3), contentOf(2)]);
  expect(await backgroundOf(web.page, total)).not.toBe(RED);
});

test("Ctrl+Z undoes the user's typing but never takes the built report apart", async () => {
  const rulesNow = () =>
    web.page.evaluate(
      (sheet) =>
        (window.univerAPI as { getActiveWorkbook(): any }) // eslint-disable-line @typescript-eslint/no-explicit-any
          .getActiveWorkbook()
          .getSheetByName(sheet)
          .getConditionalFormattingRules().length,
      TEMPLATE_SHEET_NAME,
    );
  const rules = await rulesNow();
  await typeIntoCell(web.page, person, '9');
  await waitForBackground(web.page, total, RED, true);
  await web.page.keyboard.press('Control+z');
  await waitForBackground(web.page, total, RED, false);
  // The page was just reloaded: building and restoring the report left nothing else to undo.
  for (let i = 0; i < 3; i++) await web.page.keyboard.press('Control+z');
  await web.page.waitForTimeout(300); // time-based: extra undos must change nothing, so there is no condition to await
  const values = await pageValues();
  const at = (n: string) => values[ALL_VALUE_CELLS.findIndex((c) => c.name === n)];
  expect([at(total), at(person), at(business)]).toEqual([contentOf(5), contentOf(3), contentOf(2)]);
  expect(await rulesNow()).toBe(rules);
});

test(
  'open → edit → save round-trips an .xlsx that the CLI validates with the same findings',
  async () => {
    // A file as the CLI writes it, with last year's figures (hidden 上年数据) and a sheet of the user's own.
    const wb = new ExcelJS.Workbook();
    const prevNext = PREVIOUS_CELLS.find((c) => c.name === previousName(input('T3', 'next', 'total').name))!;
    await applyEditsToWorkbook(wb, [
      ...reportPlan({ agency: '测试市测试局', year: 2024 }),
      ...previousPlan(new Map([[prevNext.name, 4]]), false)!,
    ]);
    const notes = wb.addWorksheet('备注');
    notes.getCell('A1').value = '用户自己的备注';
    const t4 = INPUT_CELLS.find((c) => c.table === 'T4' && c.columnId === 'total')!;
    const t4Part = INPUT_CELLS.find((c) => c.table === 'T4' && c.rowId === t4.rowId && c.columnId !== 'total')!;
    const ws = wb.getWorksheet('年报')!;
    const setByName = (name: string, v: ExcelJS.CellValue) => {
      const ref = wb.definedNames.model.find((d) => d.name === name)!.ranges[0];
      ws.getCell(ref.split('!')[1].replace(/\$/g, '')).value = v;
    };
    setByName(t4.name, 7);
    // A finished group (every part filled), so its total is checked: a part 7, the others 0 (a group with blanks is
    // 未填完, not broken).
    for (const c of INPUT_CELLS.filter((c) => c.table === 'T4' && c.rowId === t4.rowId && c.columnId !== 'total'))
      setByName(c.name, c === t4Part ? 7 : 0);
    const source = join(dir, 'from-cli.xlsx');
    writeFileSync(source, Buffer.from(await wb.xlsx.writeBuffer()));

    await web.page.locator('[data-testid="open-file"]').setInputFiles(source);
    // The earlier typing was never saved to a file: 打开 asks first.
    await web.page.getByRole('alertdialog').getByRole('button', { name: '不保存，打开' }).click();
    // 打开 loads the ExcelJS chunk, reads the file and writes every field: seconds when quiet, over 15 s at load 20.
    await web.page.getByRole('status').filter({ hasText: '已打开' }).waitFor({ timeout: READY_TIMEOUT_MS });
    let values = await pageValues();
    expect(values[input('META', 'agency').index]).toEqual({ kind: 'text', text: '测试市测试局' });
    expect(values[t4.index]).toEqual(contentOf(7));
    expect(values[prevNext.index]).toEqual(contentOf(4));
    // The earlier typing is gone: the file's blanks replace it.
    expect(values[input('T3', 'new', 'total').index]).toEqual(contentOf(null));

    // Edit by keyboard: break the T4 total.
    await typeIntoCell(web.page, t4.name, '9');
    await waitForBackground(web.page, t4.name, RED, true);
    values = await pageValues();

    const [download] = await Promise.all([
      web.page.waitForEvent('download'),
      web.page.getByRole('button', { name: '保存' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('from-cli.xlsx');
    const saved = join(dir, 'saved.xlsx');
    await download.saveAs(saved);

    const outcome = await validateWorkbookFile(saved, FORMAT);
    expect(outcome.readable).toBe(true);
    const inPage = evaluateRules(values);
    const key = (f: { rule: string; message: string }) => `${f.rule}|${f.message}`;
    expect(outcome.findings.map(key).sort()).toEqual(inPage.map(key).sort());
    expect(outcome.findings.some((f) => f.cells[0] === t4.name && f.severity === 'error')).toBe(true);

    // The pane shows the same errors the CLI reports (it refreshes after the edit once the page is idle: waited for).
    for (const f of outcome.findings.filter((x) => x.severity === 'error'))
      await pane().filter({ hasText: f.message }).waitFor({ timeout: 60_000 });

    // The user's own sheet is still there, untouched.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    expect(back.getWorksheet('备注')?.getCell('A1').value).toBe('用户自己的备注');
  },
  READY_TIMEOUT_MS + 120_000,
); // the 打开 above may take up to READY_TIMEOUT_MS on a loaded machine

// 上年数据 through ExcelHost and the fake Excel: the sheet 上年数据 is hidden (Worksheet.visibility, ExcelApi 1.1),
// its nb_prev_* names are defined, the cross-year finding follows a user's edit, and the report's own highlights on
// the cells the cross-year rules share are still there.
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { PREVIOUS_CELLS, planHighlights, templateAddress, input } from '../../src/report';
import { importReport } from '../../src/report/import';
import { PREVIOUS_SHEET_NAME } from '../../src/report/sheet-edits/plan-previous';
import { importedValues } from '../../src/taskpane/import/fill-plan';
import { ReportController } from '../../src/taskpane/report-controller';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeExcel } from '../doubles/office-js/fake-excel';
import { parseBox } from '../doubles/office-js/address';
import { until } from '../support/until';

const read = (f: string) => readFileSync(join(__dirname, '..', 'fixtures', 'samples', f), 'utf8');
const LAST = read('real/004.txt');
const NOW = importReport(read('real/005.txt'));

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

async function excelWithThisYear() {
  const fake = new FakeExcel();
  restore = fake.install();
  const host = await ExcelHost.create({ echoWindowMs: 30 });
  const controller = new ReportController(host, { debounceMs: 10 });
  await controller.start();
  expect(await controller.insertTemplate({ agency: '', year: '' })).toMatchObject({ ok: true, sheet: '年报' });
  await host.writeNamedValues(importedValues(NOW));
  await controller.refresh();
  return { fake, host, controller };
}

/** How many conditional formats of the template's own (report scope) cover a cell. */
/** Every rule formula on the cell, in priority order. */
function rulesOn(fake: FakeExcel, address: string): string[] {
  const cell = parseBox(address)!;
  return fake
    .sheet('年报')
    .conditionalFormats.filter((cf) =>
      cf.ranges.some((b) => b.top <= cell.top && cell.top <= b.bottom && b.left <= cell.left && cell.left <= b.right),
    )
    .map((cf) => cf.formula ?? '');
}

function reportRulesOn(fake: FakeExcel, address: string): number {
  const cell = parseBox(address)!;
  const own = new Set(planHighlights('年报', ['report']).map((e) => (e.op === 'conditionalFormat' ? e.formula : '')));
  return fake
    .sheet('年报')
    .conditionalFormats.filter((cf) => own.has((cf.formula ?? '').replace(/^=/, '')))
    .filter((cf) =>
      cf.ranges.some((b) => b.top <= cell.top && cell.top <= b.bottom && b.left <= cell.left && cell.left <= b.right),
    ).length;
}

describe('上年数据 in Excel', () => {
  it('hides the sheet, defines the names and shows the cross-year finding after the user’s edit', async () => {
    const { fake, host, controller } = await excelWithThisYear();
    const carry = input('T3', 'carry', 'person');
    const carryCell = templateAddress(carry);
    const before = reportRulesOn(fake, carryCell);
    expect(before).toBeGreaterThan(0);

    await controller.previous.readText(LAST, null);
    const syncs = fake.syncCalls;
    const actions = fake.actions;
    expect(await controller.previous.save()).toBe(true);
    // Names, sheets, the existing rules' types and formulas (replaced by formula), the batch, the pane's re-read and
    // the section's own: a handful of round trips, not one per cell.
    expect(fake.syncCalls - syncs).toBeLessThanOrEqual(7);
    expect(fake.actions - actions).toBeGreaterThan(0);

    expect(fake.sheet(PREVIOUS_SHEET_NAME).visibility).toBe('Hidden');
    // Excel cannot activate a hidden sheet (the fake refuses, as Excel does): the user stays on the report.
    expect(fake.activeSheetName()).toBe('年报');
    expect(fake.sheet('年报').visibility).toBe('Visible');
    for (const c of PREVIOUS_CELLS)
      expect(fake.doc.nameByName(c.name)?.formula).toMatch(new RegExp(`^=${PREVIOUS_SHEET_NAME}!\\$D\\$\\d+$`));
    expect(controller.getState().findings.filter((f) => f.rule.startsWith('X.'))).toEqual([]);

    await until(() => host.quiet, 'the echo window of the save to close'); // a person types after it
    await fake.userEdit('年报', carryCell, 999);
    await fake.settle();
    await controller.refresh();
    const cross = controller.getState().findings.filter((f) => f.rule === 'X.carry');
    expect(cross.map((f) => f.cells[0])).toEqual([carry.name]);
    // The cross-year check is OR-ed into the cell's error rule, which replaces the report-only one: the cell keeps
    // one rule per style (error, blank), the error one now reading last year's name.
    expect(reportRulesOn(fake, carryCell)).toBe(before - 1);
    expect(rulesOn(fake, carryCell).map((f) => /nb_prev_/.test(f))).toEqual([true, false]);
  });
});

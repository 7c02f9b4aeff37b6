// ExcelHost through the fake Excel: the template it writes equals what XlsxHost writes from the same plan, in
// at most three syncs; reading is one sync; user edits reach the pane and our own writes do not loop.
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import {
  INPUT_CELLS,
  planHighlights,
  planTemplate,
  SHEET_LAYOUT,
  TEMPLATE_MARKER_NAME,
  TEMPLATE_SHEET_NAME,
  templateAddress,
  type CellContent,
} from '../../src/report';
import { FakeExcel, type FakeExcelOptions } from '../doubles/office-js/fake-excel';
import { until } from '../support/until';
import { pictureFromExcelJS, pictureFromFake } from './template-snapshot';

const SHEET = TEMPLATE_SHEET_NAME;
const ROWS = SHEET_LAYOUT.rowCount;
const COLS = SHEET_LAYOUT.columnCount;
const PLAN = { agency: '某某市某某区人民政府办公室', year: 2025 };
const ALL_NAMES = [...INPUT_CELLS.map((c) => c.name), TEMPLATE_MARKER_NAME];
const cellOf = (name: string) => templateAddress(INPUT_CELLS.find((c) => c.name === name)!);
const T3_NEW = INPUT_CELLS.find((c) => c.table === 'T3' && c.rowId === 'new')!.name;
const T3_NEW_2 = INPUT_CELLS.filter((c) => c.table === 'T3' && c.rowId === 'new')[1].name;

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

async function excel(options: FakeExcelOptions = {}) {
  const fake = new FakeExcel(options);
  restore = fake.install();
  const host = await ExcelHost.create({ echoWindowMs: 30 });
  return { fake, host };
}

const number = (n: number): CellContent => ({ kind: 'number', value: n });

describe('ExcelHost template insertion', () => {
  it('writes exactly what XlsxHost writes from the same plan (one layout, two writers)', async () => {
    const { fake, host } = await excel();
    await host.applyEdits(planTemplate(PLAN));
    const xlsx = new XlsxHost();
    await xlsx.applyEdits(planTemplate(PLAN));

    const got = pictureFromFake(fake, SHEET, ROWS, COLS);
    const want = pictureFromExcelJS(xlsx.workbook, SHEET, ROWS, COLS);
    // Not vacuous: the picture holds every label, name, merge and rule the plan has.
    const labels = SHEET_LAYOUT.cells.filter((c) => c.text !== undefined).length;
    expect(Object.values(got.cells).filter((c) => c.value !== '').length).toBe(labels + 2);
    expect(Object.keys(got.names)).toHaveLength(INPUT_CELLS.length + 1);
    expect(got.merges).toHaveLength(SHEET_LAYOUT.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).length);
    expect(got.conditionalFormats).toHaveLength(planHighlights(SHEET, ['report']).length);
    expect(Object.values(got.cells).filter((c) => c.validation).length).toBeGreaterThan(INPUT_CELLS.length);

    for (const key of Object.keys(want.cells)) expect([key, got.cells[key]]).toEqual([key, want.cells[key]]);
    expect(got.names).toEqual(want.names);
    expect(got.merges).toEqual(want.merges);
    expect(got.conditionalFormats).toEqual(want.conditionalFormats);
    expect(got.columnWidths).toEqual(want.columnWidths);
    expect(got.rowHeights).toEqual(want.rowHeights);
    expect(got.printArea).toEqual(want.printArea);
    expect(got.rowBreaks).toEqual(want.rowBreaks);
    expect(got.protected).toBe(true);
    expect(want.protected).toBe(true);
    expect(fake.activeSheetName()).toBe(SHEET);
  });

  it('inserts in at most three syncs with the screen suspended once, and refreshes in one', async () => {
    const { fake, host } = await excel();
    const before = fake.syncCalls;
    await host.applyEdits(planTemplate(PLAN));
    const insertSyncs = fake.syncCalls - before;
    expect(insertSyncs).toBeLessThanOrEqual(3);
    expect(fake.screenSuspensions).toBe(1);

    const atRead = fake.syncCalls;
    const read = await host.readNamedCells(ALL_NAMES);
    expect(fake.syncCalls - atRead).toBe(1);
    expect(read.missing).toEqual([]);
    expect(read.values[INPUT_CELLS.findIndex((c) => c.rowId === 'year')]).toEqual(number(PLAN.year));
    expect(read.values[ALL_NAMES.indexOf(TEMPLATE_MARKER_NAME)].kind).toBe('text');
  });

  it('works on an ExcelApi 1.7 host (Excel 2019): no validation or page setup, same labels, names and merges', async () => {
    const { fake, host } = await excel({ apiVersion: '1.7' });
    await host.applyEdits(planTemplate(PLAN));
    const xlsx = new XlsxHost();
    await xlsx.applyEdits(planTemplate(PLAN));
    const got = pictureFromFake(fake, SHEET, ROWS, COLS);
    const want = pictureFromExcelJS(xlsx.workbook, SHEET, ROWS, COLS);
    expect(got.names).toEqual(want.names);
    expect(got.merges).toEqual(want.merges);
    for (const key of Object.keys(want.cells))
      expect([key, got.cells[key].value]).toEqual([key, want.cells[key].value]);
    // One rule per area instead of one multi-area rule, in the same order of formulas.
    const formulas = (list: { formula: string; ranges: string }[]) =>
      list.flatMap((c) => c.ranges.split(' ').map(() => c.formula));
    expect(formulas(got.conditionalFormats)).toEqual(formulas(want.conditionalFormats));
    expect(Object.values(got.cells).some((c) => c.validation)).toBe(false);
    expect(fake.screenSuspensions).toBe(0);
  });

  it('refuses to insert over an existing sheet of that name, writing nothing', async () => {
    const { fake, host } = await excel();
    await host.applyEdits(planTemplate(PLAN));
    await fake.userEdit(SHEET, cellOf(T3_NEW), 7);
    const names = fake.doc.names.length;
    await expect(host.applyEdits(planTemplate(PLAN))).rejects.toThrow(/已有名为「年报」的工作表/);
    expect(fake.value(SHEET, cellOf(T3_NEW))).toBe(7);
    expect(fake.doc.names).toHaveLength(names);
  });

  it('re-applies highlights on the protected template without touching values or piling up rules', async () => {
    const { fake, host } = await excel();
    await host.applyEdits(planTemplate(PLAN));
    await fake.userEdit(SHEET, cellOf(T3_NEW), 12);
    const rules = fake.sheet(SHEET).conditionalFormats.length;
    await host.applyEdits(planHighlights(SHEET, ['report']));
    expect(fake.value(SHEET, cellOf(T3_NEW))).toBe(12);
    expect(fake.sheet(SHEET).conditionalFormats).toHaveLength(rules);
    expect(fake.sheet(SHEET).protected).toBe(true);
  });

  it('says in Chinese what to do when the sheet has a protection password', async () => {
    const { fake, host } = await excel();
    await host.applyEdits(planTemplate(PLAN));
    const s = fake.sheet(SHEET);
    s.protectionPassword = 'secret';
    await expect(host.applyEdits(planHighlights(SHEET, ['report']))).rejects.toThrow(/写入模板失败：.*保护密码/);
  });
});

describe('ExcelHost reading, writing and selecting', () => {
  it('reads values, types and formulas; reports missing names; follows a moved name', async () => {
    const { fake, host } = await excel();
    await host.applyEdits(planTemplate(PLAN));
    await fake.userEdit(SHEET, cellOf(T3_NEW), '5');
    await fake.userEdit(SHEET, cellOf(T3_NEW_2), '#N/A', { error: true });
    const read = await host.readNamedCells([T3_NEW, T3_NEW_2, 'nb_nowhere']);
    expect(read.values).toEqual([number(5), { kind: 'error', code: '#N/A' }, { kind: 'blank' }]);
    expect(read.missing).toEqual(['nb_nowhere']);

    // The user points the name at another cell in Name Manager: the next read notices and follows it.
    const elsewhere = cellOf(INPUT_CELLS.filter((c) => c.table === 'T3' && c.rowId === 'new')[2].name);
    await fake.userEdit(SHEET, elsewhere, 'moved');
    fake.userRedefineName(T3_NEW, `=${SHEET}!${elsewhere}`);
    const again = await host.readNamedCells([T3_NEW]);
    expect(again.values).toEqual([{ kind: 'text', text: 'moved' }]);
  });

  it('reports a named cell merged away by the user', async () => {
    const { fake, host } = await excel();
    await host.applyEdits(planTemplate(PLAN));
    const cell = cellOf(T3_NEW_2);
    const left = cellOf(T3_NEW);
    fake.userMerge(SHEET, `${left}:${cell}`);
    const read = await host.readNamedCells([T3_NEW, T3_NEW_2]);
    expect(read.mergedAway).toEqual([T3_NEW_2]);
  });

  it('writes only the values asked for; null empties its cell (the interface); a lost name writes nothing', async () => {
    const { fake, host } = await excel();
    await host.applyEdits(planTemplate(PLAN));
    await fake.userEdit(SHEET, cellOf(T3_NEW_2), 4);
    await host.writeNamedValues(
      new Map<string, number | null>([
        [T3_NEW, 9],
        [T3_NEW_2, null],
      ]),
    );
    expect(fake.value(SHEET, cellOf(T3_NEW))).toBe(9);
    expect(fake.value(SHEET, cellOf(T3_NEW_2))).toBe('');
    await expect(
      host.writeNamedValues(
        new Map([
          [T3_NEW, 1],
          ['nb_gone', 2],
        ]),
      ),
    ).rejects.toThrow(/找不到名称 nb_gone/);
    expect(fake.value(SHEET, cellOf(T3_NEW))).toBe(9);
  });

  it('lists names with their cells and the sheets in order', async () => {
    const { host } = await excel();
    await host.applyEdits(planTemplate(PLAN));
    const names = await host.listNames();
    expect(names.find((n) => n.name === T3_NEW)?.ref).toBe(`${SHEET}!${cellOf(T3_NEW)}`);
    expect(await host.sheetNames()).toEqual(['Sheet1', SHEET]);
  });
});

describe.each([
  ['ExcelApi 1.17 (triggerSource marks our writes)', '1.17'],
  ['ExcelApi 1.8 (per-sheet events, busy flag)', '1.8'],
])('edit flow on %s', (_label, apiVersion) => {
  it('insert → user edit → onUserEdit → read → select; our own writes do not call back', async () => {
    const { fake, host } = await excel({ apiVersion });
    let calls = 0;
    const stop = host.onUserEdit(() => calls++);
    await host.listening;
    await host.applyEdits(planTemplate(PLAN));
    await fake.settle();
    await until(() => host.quiet, 'the echo window of the insertion to close');
    expect(calls).toBe(0);

    await fake.userEdit(SHEET, cellOf(T3_NEW), 3);
    expect(calls).toBe(1);
    const read = await host.readNamedCells([T3_NEW]);
    expect(read.values).toEqual([number(3)]);

    await host.writeNamedValues(new Map([[T3_NEW, 4]]));
    await fake.settle();
    expect(calls).toBe(1);
    await until(() => host.quiet, 'the echo window of the write to close');

    await host.selectNamedCells([T3_NEW, T3_NEW_2]);
    expect(fake.activeSheetName()).toBe(SHEET);
    expect(fake.selectionAddress()).toBe(`${SHEET}!${cellOf(T3_NEW)}`);

    stop(); // the listener is gone at once; the handlers' removal through Excel.run need not be awaited
    await fake.userEdit(SHEET, cellOf(T3_NEW), 5);
    expect(calls).toBe(1);
  });
});

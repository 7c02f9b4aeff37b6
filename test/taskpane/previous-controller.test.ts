// 上年数据 over the real .xlsx host: last year's report (text or last year's .xlsx) kept on the hidden sheet 上年数据
// under the nb_prev_* names, the cross-year findings that follow, and the 上年结转 prefill that never overwrites.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { PREVIOUS_CELLS, T3_COLUMNS, input, planTemplate, splitSheetRef, type CellContent } from '../../src/report';
import { importReport, previousValuesFrom } from '../../src/report/import';
import { PREVIOUS_SHEET_NAME } from '../../src/report/sheet-edits/plan-previous';
import { importedValues } from '../../src/taskpane/import/fill-plan';
import { ReportController } from '../../src/taskpane/report-controller';
import { buildFormat2021 } from '../../src/report/format/formats';

/** The format these tests read and check reports as (what a composition root builds). */
const FORMAT = buildFormat2021();

const read = (f: string) => readFileSync(join(__dirname, '..', 'fixtures', 'samples', f), 'utf8');
const LAST_TEXT = read('real/004.txt');
const LAST = importReport(LAST_TEXT);
const NOW = importReport(read('real/005.txt'));
const carry = (col: string) => input('T3', 'carry', col).name;
const lastNext = (col: string) => {
  const v = LAST.values[input('T3', 'next', col).index];
  return v.kind === 'number' ? v.value : null;
};
const plain = (c: CellContent | undefined) => (c?.kind === 'number' ? c.value : c?.kind === 'text' ? c.text : null);

async function setCell(host: XlsxHost, name: string, value: string | number | null): Promise<void> {
  const n = (await host.listNames()).find((x) => x.name === name)!;
  const at = splitSheetRef(n.ref!)!;
  host.workbook.getWorksheet(at.sheet)!.getCell(at.range).value = value;
}

async function valueOf(host: XlsxHost, name: string) {
  return plain((await host.readNamedCells([name])).values[0]);
}

/** This year's workbook: the template filled with 005's figures. */
async function thisYear(host: XlsxHost): Promise<void> {
  await host.applyEdits(planTemplate({ sheet: '年报' }));
  await host.writeNamedValues(importedValues(NOW));
}

/** Last year's workbook, as the add-in would have saved it, as a File; `blank` names cells left empty in it. */
async function lastYearFile(blank: readonly string[] = []): Promise<File> {
  const last = new XlsxHost();
  await last.applyEdits(planTemplate({ sheet: '年报' }));
  await last.writeNamedValues(importedValues(LAST));
  if (blank.length) await last.writeNamedValues(new Map(blank.map((n) => [n, null])));
  return new File([new Uint8Array(await last.toBuffer())], '2023年报.xlsx');
}

const crossYear = (c: ReportController) => c.getState().findings.filter((f) => f.rule.startsWith('X.'));

describe('PreviousController', () => {
  let host: XlsxHost;
  let controller: ReportController;

  beforeEach(async () => {
    host = new XlsxHost();
    await thisYear(host);
    controller = new ReportController(host);
    await controller.start();
  });
  afterEach(() => controller.dispose());

  it('reads last year’s published report and writes nothing until 保存', async () => {
    expect(await controller.previous.inspect()).toEqual({ kind: 'absent' });
    const loaded = (await controller.previous.readText(LAST_TEXT, null))!;
    expect(loaded.year).toBe(NOW.report.year! - 1);
    expect(loaded.found).toBe(PREVIOUS_CELLS.length);
    expect(loaded.previous).toEqual(previousValuesFrom(LAST, FORMAT));
    expect(loaded.yearWarning).toBeNull();
    expect(await host.sheetNames()).toEqual(['年报']);
  });

  it('keeps it on the hidden sheet 上年数据 under the nb_prev_* names, and the X.carry finding follows', async () => {
    await controller.previous.readText(LAST_TEXT, null);
    expect(await controller.previous.save()).toBe(true);

    const sheet = host.workbook.getWorksheet(PREVIOUS_SHEET_NAME);
    expect(sheet?.state).toBe('hidden');
    const names = new Map((await host.listNames()).map((n) => [n.name, n.ref]));
    for (const c of PREVIOUS_CELLS) expect(names.get(c.name)).toMatch(new RegExp(`^${PREVIOUS_SHEET_NAME}!D\\d+$`));
    expect(controller.previous.getState().stored).toEqual({ kind: 'present', numbers: PREVIOUS_CELLS.length });
    // The report sheet got the cross-year highlights, reading the new names.
    const cf = (
      host.workbook.getWorksheet('年报') as unknown as {
        conditionalFormattings: { rules: { formulae?: string[] }[] }[];
      }
    ).conditionalFormattings;
    expect(cf.some((f) => f.rules.some((r) => r.formulae?.[0]?.includes('nb_prev_t3_next_person')))).toBe(true);
    // 004 and 005 agree: no cross-year finding yet.
    expect(crossYear(controller)).toEqual([]);

    await setCell(host, carry('person'), lastNext('person')! + 5);
    await controller.refresh();
    const found = crossYear(controller);
    expect(found.map((f) => [f.rule, f.cells[0]])).toEqual([['X.carry', carry('person')]]);
    expect(found[0].message).toContain(`但上年报告的四、结转下年度继续办理为 ${lastNext('person')}`);
  });

  it('a second load rewrites only the values on the same sheet', async () => {
    await controller.previous.readText(LAST_TEXT, null);
    await controller.previous.save();
    const rulesBefore = (host.workbook.getWorksheet('年报') as unknown as { conditionalFormattings: unknown[] })
      .conditionalFormattings.length;
    await controller.previous.readText(read('real/003.txt'), null);
    await controller.previous.save();
    expect(await host.sheetNames()).toEqual(['年报', PREVIOUS_SHEET_NAME]);
    expect(
      (host.workbook.getWorksheet('年报') as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings,
    ).toHaveLength(rulesBefore);
    const stored = await host.readNamedCells(PREVIOUS_CELLS.map((c) => c.name));
    expect(stored.values).toEqual(previousValuesFrom(importReport(read('real/003.txt')), FORMAT));
  });

  it('a second load whose figure is now blank clears the old figure in 上年数据, never keeps it', async () => {
    await controller.previous.readText(LAST_TEXT, null);
    await controller.previous.save();
    expect(await valueOf(host, 'nb_prev_t3_next_total')).toBe(lastNext('total'));
    expect(await valueOf(host, 'nb_prev_t3_next_person')).toBe(lastNext('person'));
    // Last year's file again, its 结转下年度 总计 now left blank: the stored figure must go, not stay from the first load.
    const loaded = (await controller.previous.readFile(await lastYearFile([input('T3', 'next', 'total').name])))!;
    expect(loaded.previous[PREVIOUS_CELLS.findIndex((c) => c.name === 'nb_prev_t3_next_total')]).toEqual({
      kind: 'blank',
    });
    expect(await controller.previous.save()).toBe(true);
    expect(await valueOf(host, 'nb_prev_t3_next_total')).toBeNull();
    expect(await valueOf(host, 'nb_prev_t3_next_person')).toBe(lastNext('person'));
    const stored = await host.readNamedCells(PREVIOUS_CELLS.map((c) => c.name));
    expect(stored.values).toEqual(loaded.previous);
  });

  it('reads last year’s .xlsx by its names', async () => {
    const loaded = (await controller.previous.readFile(await lastYearFile()))!;
    expect(loaded.kind).toBe('xlsx');
    expect(loaded.previous).toEqual(previousValuesFrom(LAST, FORMAT));
    expect(loaded.sourceName).toBe('2023年报.xlsx');
    await controller.previous.save();
    expect(crossYear(controller)).toEqual([]);
    expect(await valueOf(host, 'nb_prev_t3_next_total')).toBe(lastNext('total'));
  });

  it('refuses a workbook that is not last year’s template, and a renamed binary', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = '工资表';
    const file = new File([(await other.xlsx.writeBuffer()) as ArrayBuffer], '工资.xlsx');
    expect(await controller.previous.readFile(file)).toBeNull();
    expect(controller.previous.getState().message?.text).toContain('上年工作簿「工资.xlsx」无法读取');
    expect(
      await controller.previous.readFile(new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])], 'a.xlsx')),
    ).toBeNull();
    expect(controller.previous.getState().message?.text).toContain('旧版 .xls');
    expect(await controller.previous.readFile(new File(['x'], 'a.doc'))).toBeNull();
    expect(controller.previous.getState().message?.text).toContain('.xlsx 文件');
  });

  it('warns when the report is not from the year before', async () => {
    const loaded = (await controller.previous.readText(read('real/005.txt'), null))!;
    expect(loaded.yearWarning).toContain(`上年报告应为 ${NOW.report.year! - 1} 年度`);
  });

  it('prefills only the blank 上年结转 cells and lists the ones that differ', async () => {
    await controller.previous.readText(LAST_TEXT, null);
    await controller.previous.save();
    const cols = T3_COLUMNS.map((c) => c.id);
    for (const c of cols) await setCell(host, carry(c), null);
    await setCell(host, carry('person'), 1000);
    await setCell(host, carry(cols[2]), lastNext(cols[2])!);

    const outcome = (await controller.previous.prefill())!;

    expect(outcome.written).toEqual(cols.filter((c) => c !== 'person' && c !== cols[2]).map(carry));
    expect(outcome.same).toBe(1);
    expect(outcome.conflicts.map((c) => c.name)).toEqual([carry('person')]);
    expect(outcome.conflicts[0].message).toContain('已填写 1000');
    expect(await valueOf(host, carry('person'))).toBe(1000);
    for (const c of cols.filter((x) => x !== 'person')) expect(await valueOf(host, carry(c))).toBe(lastNext(c));
    expect(crossYear(controller).map((f) => f.cells[0])).toEqual([carry('person')]);
  });

  it('asks for the template first, and for last year’s data before prefilling', async () => {
    const empty = new XlsxHost();
    const c = new ReportController(empty);
    await c.start();
    await c.previous.readText(LAST_TEXT, null);
    expect(await c.previous.save()).toBe(false);
    expect(c.previous.getState().message?.text).toContain('请先在「模板」页插入模板');
    expect(await empty.sheetNames()).toEqual([]);
    expect(await controller.previous.prefill()).toBeNull();
    expect(controller.previous.getState().prefillMessage?.text).toContain('本工作簿中没有上年数据');
    c.dispose();
  });
});

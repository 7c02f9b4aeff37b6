// The pane's controller against the real .xlsx host (ExcelJS in memory): insert, edit, check, fix, select, repair.
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { ALL_VALUE_CELLS, TEMPLATE_MARKER_NAME, TEMPLATE_VERSION, splitSheetRef, type Finding } from '../../src/report';
import { ReportController } from '../../src/taskpane/report-controller';

async function refOf(host: XlsxHost, name: string): Promise<{ sheet: string; range: string }> {
  const n = (await host.listNames()).find((x) => x.name === name);
  if (!n?.ref) throw new Error(`${name} points nowhere`);
  return splitSheetRef(n.ref)!;
}

async function allValues(host: XlsxHost) {
  return (await host.readNamedCells(ALL_VALUE_CELLS.map((c) => c.name))).values;
}

function deleteName(host: XlsxHost, name: string): void {
  const ranges = host.workbook.definedNames.getRanges(name).ranges as string[];
  for (const r of ranges) host.workbook.definedNames.remove(r, name);
}

const PERSON = 'nb_t3_new_person';
const isPersonType = (f: Finding) => f.rule === 'type.count' && f.cells[0] === PERSON;

describe('ReportController on an .xlsx workbook', () => {
  let host: XlsxHost;
  let controller: ReportController;

  beforeEach(() => {
    host = new XlsxHost();
    controller = new ReportController(host);
  });
  afterEach(() => controller.dispose());

  it('says there is no template in an empty workbook', async () => {
    host.workbook.addWorksheet('Sheet1');
    await controller.start();
    expect(controller.getState().template).toEqual({ kind: 'absent' });
    expect(controller.getState().findings).toEqual([]);
  });

  it('inserts into a new sheet next to the user’s own 年报 sheet without touching it', async () => {
    const own = host.workbook.addWorksheet('年报');
    own.getCell('B2').value = '我的草稿';
    await controller.start();

    const outcome = await controller.insertTemplate({ agency: '某某市人民政府办公室', year: '２０２５' });

    expect(outcome).toEqual({ ok: true, sheet: '年报(2)' });
    expect(await host.sheetNames()).toEqual(['年报', '年报(2)', '补充信息']);
    expect(own.getCell('B2').value).toBe('我的草稿');
    expect(own.actualRowCount).toBe(1);
    const state = controller.getState();
    expect(state.template).toEqual({ kind: 'found', version: TEMPLATE_VERSION, missing: [], mergedAway: [] });
    const agency = await refOf(host, 'nb_agency');
    expect(agency.sheet).toBe('年报(2)');
    expect(host.workbook.getWorksheet('年报(2)')!.getCell(agency.range).value).toBe('某某市人民政府办公室');
    expect(host.selection).toEqual([`年报(2)!${agency.range}`]);
    // A fresh template is all blank: only 'blank' reminders, no error.
    expect(state.counts.error).toBe(0);
    expect(new Set(state.findings.map((f) => f.rule))).toEqual(new Set(['blank']));
  });

  it('refuses a second template and offers to go to the first', async () => {
    await controller.insertTemplate({ agency: '', year: '2025' });
    const sheets = await host.sheetNames();

    const outcome = await controller.insertTemplate({ agency: '', year: '2025' });

    expect(outcome).toMatchObject({ ok: false, reason: 'exists' });
    expect(await host.sheetNames()).toEqual(sheets);
    expect(controller.getState().notice).toMatchObject({ action: 'goToTemplate' });
    host.selection = [];
    await controller.goToTemplate();
    const agency = await refOf(host, 'nb_agency');
    expect(host.selection).toEqual([`${agency.sheet}!${agency.range}`]);
  });

  it('rejects a year outside the format’s range before touching the workbook', async () => {
    const outcome = await controller.insertTemplate({ agency: '', year: '1999' });
    expect(outcome).toMatchObject({ ok: false, reason: 'year' });
    expect(outcome.ok === false && outcome.message).toContain('2021');
    expect(await host.sheetNames()).toEqual([]);
  });

  it('reads once per burst of edits, shows the finding, selects it, fixes only that cell', async () => {
    jest.useFakeTimers();
    try {
      await controller.insertTemplate({ agency: '某某市人民政府办公室', year: '2025' });
      await controller.start();
      const reads = jest.spyOn(host, 'readNamedCells');
      const person = await refOf(host, PERSON);

      await host.userEdit(person.sheet, person.range, '２');
      await host.userEdit(person.sheet, person.range, '２件');
      await host.userEdit(person.sheet, person.range, '２');
      expect(reads).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(300);
      expect(reads).toHaveBeenCalledTimes(1);

      const finding = controller.getState().findings.find(isPersonType)!;
      expect(finding).toMatchObject({ severity: 'error', fix: 2 });
      expect(finding.message).toContain('全角');
      // Errors are listed before the blank reminders.
      expect(controller.getState().findings[0].severity).toBe('error');
      expect(controller.getState().groups[0].table).toBe('T3');

      await controller.selectFinding(finding);
      expect(host.selection[0]).toBe(`${person.sheet}!${person.range}`);

      const before = await allValues(host);
      reads.mockClear();
      expect(await controller.applyFix(finding)).toBe(true);
      const after = await allValues(host);
      const index = ALL_VALUE_CELLS.findIndex((c) => c.name === PERSON);
      expect(after[index]).toEqual({ kind: 'number', value: 2 });
      expect(after.filter((_, i) => i !== index)).toEqual(before.filter((_, i) => i !== index));
      expect(controller.getState().findings.some(isPersonType)).toBe(false);
      expect(controller.getState().notice?.text).toContain('改为 2');
    } finally {
      jest.useRealTimers();
    }
  });

  it('ignores edit events raised while its own write is in flight', async () => {
    jest.useFakeTimers();
    try {
      await controller.insertTemplate({ agency: '', year: '2025' });
      await controller.start();
      const person = await refOf(host, PERSON);
      await host.userEdit(person.sheet, person.range, '２');
      await jest.advanceTimersByTimeAsync(300);
      const finding = controller.getState().findings.find(isPersonType)!;
      // A host that reports our own write as an edit (Excel's onChanged does).
      const write = host.writeNamedValues.bind(host);
      jest.spyOn(host, 'writeNamedValues').mockImplementation(async (values) => {
        await write(values);
        await host.userEdit(person.sheet, 'A1', null);
      });
      await controller.applyFix(finding);
      const reads = jest.spyOn(host, 'readNamedCells');
      await jest.advanceTimersByTimeAsync(1000);
      expect(reads).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });

  it('writes nothing when the user changed the cell after the finding was shown', async () => {
    await controller.insertTemplate({ agency: '', year: '2025' });
    const person = await refOf(host, PERSON);
    await host.userEdit(person.sheet, person.range, '２');
    await controller.refresh();
    const finding = controller.getState().findings.find(isPersonType)!;
    const ws = host.workbook.getWorksheet(person.sheet)!;
    ws.getCell(person.range).value = '三';

    expect(await controller.applyFix(finding)).toBe(false);
    expect(ws.getCell(person.range).value).toBe('三');
  });

  it('validate re-reads and sums up in Chinese', async () => {
    await controller.insertTemplate({ agency: '某某市人民政府办公室', year: '2025' });
    const person = await refOf(host, PERSON);
    host.workbook.getWorksheet(person.sheet)!.getCell(person.range).value = -1;
    const counts = await controller.validate();
    expect(counts.error).toBeGreaterThan(0);
    expect(controller.getState().notice).toMatchObject({
      tone: 'error',
      text: expect.stringContaining(`${counts.error} 个错误`),
    });
  });

  it('finds the template damaged after names are lost below inserted rows, and repairs names without values', async () => {
    await controller.insertTemplate({ agency: '某某市人民政府办公室', year: '2025' });
    const person = await refOf(host, PERSON);
    const ws = host.workbook.getWorksheet(person.sheet)!;
    ws.getCell(person.range).value = 7;
    ws.spliceRows(1, 0, [], [], []); // the user inserts three rows above the tables
    const where = new Map(
      await Promise.all([PERSON, TEMPLATE_MARKER_NAME].map(async (n) => [n, await refOf(host, n)] as const)),
    );
    const before = await allValues(host);
    deleteName(host, PERSON);
    deleteName(host, TEMPLATE_MARKER_NAME);

    await controller.refresh();
    const damaged = controller.getState();
    expect(damaged.template).toEqual({
      kind: 'found',
      version: null,
      missing: [PERSON, TEMPLATE_MARKER_NAME],
      mergedAway: [],
    });
    expect(damaged.findings.some((f) => f.cells.includes(PERSON))).toBe(false);

    expect(await controller.repair()).toBe(true);
    for (const [name, ref] of where) expect(await refOf(host, name)).toEqual(ref);
    expect(await allValues(host)).toEqual(before);
    expect(controller.getState().template).toEqual({
      kind: 'found',
      version: TEMPLATE_VERSION,
      missing: [],
      mergedAway: [],
    });
  });

  it('cannot repair a workbook without any template name', async () => {
    host.workbook.addWorksheet('Sheet1');
    expect(await controller.repair()).toBe(false);
    expect(controller.getState().notice?.text).toContain('无法修复');
  });
});

// Text is text in every host (issue #17 item 1): the strings of the OWASP CSV-injection list
// (https://owasp.org/www-community/attacks/CSV_Injection), written by the product as values (a model value, an
// import, 打开, an accepted fix), are stored as the text they are — in ExcelJS files, through the Office.js and ET
// doubles (which take '=', '+', '-', '@' entries as formulas as the real hosts do) and in the web page's 保存 —
// while a formula the user typed into an input stays a formula.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { WpsHost } from '../../src/hosts/wps/wps-host';
import { readReportFile, writeReportFile } from '../../src/hosts/web/xlsx-files';
import { INPUT_CELLS, input, planInsertion, templateAddress, TEMPLATE_SHEET_NAME } from '../../src/report';
import type { SpreadsheetHost } from '../../src/hosts/spreadsheet-host';
import { FakeExcel } from '../doubles/office-js/fake-excel';
import { EtDouble } from '../doubles/wps-et';
import { INJECTIONS } from './injections';

const AGENCY = input('META', 'agency').name;
/** One count cell per string: the host writes into any named cell what it is given. */
const TARGETS = INPUT_CELLS.filter((c) => c.kind === 'count').slice(0, INJECTIONS.length);
const written = new Map<string, string>(TARGETS.map((c, i) => [c.name, INJECTIONS[i]]));

/** Writes the template (agency = the first injection string), then every injection string, and reads them back. */
async function roundTrip(host: SpreadsheetHost): Promise<void> {
  await host.applyEdits(planInsertion({ sheets: [], names: [] }, { agency: INJECTIONS[0], year: 2024 }).edits);
  await host.writeNamedValues(written);
  const names = [AGENCY, ...written.keys()];
  const read = await host.readNamedCells(names);
  const expected = [INJECTIONS[0], ...written.values()];
  read.values.forEach((v, i) => {
    expect({ name: names[i], formula: v.formula ?? null, value: v }).toEqual({
      name: names[i],
      formula: null,
      value: { kind: 'text', text: expected[i] },
    });
  });
}

const xmlText = (s: string) => s.replace(/\r\n?/g, '\n');

/** Every worksheet's XML of a saved file: no formula element anywhere; and every injection string as a string cell. */
async function expectStringCellsOnly(bytes: Buffer | ArrayBuffer, expected: readonly string[]): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  expect(sheets.length).toBeGreaterThan(0);
  for (const name of sheets) expect((await zip.file(name)!.async('string')).match(/<f[ >]/g)).toBeNull();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  const texts = new Set<string>();
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.String) texts.add(cell.value as string);
      }),
    ),
  );
  // XML turns a bare CR into LF on reading (XML 1.0 §2.11) and ExcelJS writes it bare: "\r=1+1" comes back as
  // "\n=1+1" — still text, which is what this test is about.
  expect(expected.map(xmlText).filter((s) => !texts.has(s))).toEqual([]);
}

describe('the injection strings stay text', () => {
  it('ExcelJS (xlsx host, the CLI and the page write files with it): string cells, no <f>', async () => {
    const host = new XlsxHost();
    await roundTrip(host);
    await expectStringCellsOnly(await host.toBuffer(), INJECTIONS);
  });

  it('Excel (Office.js double): written with the text prefix, read back as text, no formula', async () => {
    const fake = new FakeExcel();
    const restore = fake.install();
    try {
      const host = await ExcelHost.create({ echoWindowMs: 0 });
      await roundTrip(host);
      const ref = templateAddress(INPUT_CELLS.find((c) => c.name === TARGETS[0].name)!);
      expect(fake.value(TEMPLATE_SHEET_NAME, ref)).toBe(INJECTIONS[0]);
    } finally {
      restore();
    }
  });

  it('WPS (ET double): written with the text prefix, read back as text, no formula', async () => {
    const et = new EtDouble();
    const host = new WpsHost(et.application() as never, { events: { channel: null } });
    await roundTrip(host);
    const ws = et.application().ActiveWorkbook!.Worksheets.Item(TEMPLATE_SHEET_NAME);
    for (const c of TARGETS) expect(ws.Range(templateAddress(c)).HasFormula).toBe(false);
  });

  it('the doubles do take an unprefixed "=", "+", "-", "@" entry as a formula (so the tests above can fail)', async () => {
    const et = new EtDouble();
    et.newWorkbook(['S']);
    const ws = et.application().ActiveWorkbook!.Worksheets.Item('S');
    for (const entry of ['=1+1', '+A1', '-A1', '@SUM(A1)']) {
      ws.Range('A1').Value2 = entry;
      expect(ws.Range('A1').HasFormula).toBe(true);
    }
    ws.Range('A1').Value2 = '-5';
    expect([ws.Range('A1').HasFormula, ws.Range('A1').Value2]).toEqual([false, -5]);
    const fake = new FakeExcel();
    const restore = fake.install();
    try {
      await Excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.add('S');
        sheet.getRange('A1:D1').values = [['=1+1', '+A2', '-A2', "'=1+1"]];
        await ctx.sync();
      });
      expect(fake.sheet('S').peek(1, 1)?.formula).toBe('=1+1');
      expect(fake.sheet('S').peek(1, 2)?.formula).toBe('=+A2');
      expect(fake.sheet('S').peek(1, 3)?.formula).toBe('=-A2');
      expect(fake.sheet('S').peek(1, 4)).toMatchObject({ value: '=1+1' });
      expect(fake.sheet('S').peek(1, 4)?.formula).toBeUndefined();
    } finally {
      restore();
    }
  });
});

describe('the web page: 打开 → 保存 keeps text as text and the user’s formula as a formula', () => {
  async function crafted(): Promise<Buffer> {
    const host = new XlsxHost();
    await host.applyEdits(planInsertion({ sheets: [], names: [] }, { year: 2024 }).edits);
    await host.writeNamedValues(new Map([[AGENCY, INJECTIONS[0]], ...written]));
    // The user's own formula in an input cell (typed in Excel): it stays theirs.
    const ws = host.workbook.getWorksheet(TEMPLATE_SHEET_NAME)!;
    const userCell = INPUT_CELLS.filter((c) => c.kind === 'count')[INJECTIONS.length];
    ws.getCell(templateAddress(userCell)).value = { formula: '1+2', result: 3 } as ExcelJS.CellValue;
    return host.toBuffer();
  }

  it.each([
    ['continuing the opened file', true],
    ['as a new workbook', false],
  ])('%s', async (_name, continueOpened) => {
    const original = await crafted();
    const opened = await readReportFile(original.buffer.slice(0) as ArrayBuffer);
    if (!opened.ok) throw new Error(opened.reason);
    const saved = await writeReportFile(
      opened.values,
      continueOpened ? (original.buffer.slice(0) as ArrayBuffer) : undefined,
    );
    const zip = await JSZip.loadAsync(saved);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    // Exactly one formula: the user's.
    expect(xml.match(/<f>[^<]*<\/f>/g)).toEqual(['<f>1+2</f>']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved);
    const ws = wb.getWorksheet(TEMPLATE_SHEET_NAME)!;
    for (const c of TARGETS) expect(ws.getCell(templateAddress(c)).value).toBe(xmlText(written.get(c.name)!));
  });
});

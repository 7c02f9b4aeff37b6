// The ExcelJS interpreter of the sheet edits (src/hosts/xlsx/apply-edits.ts), op by op, on small plans, read back from
// the .xlsx file it writes (saved and loaded again), not from the objects it set. Expected values come from ECMA-376
// Part 1 (SpreadsheetML): colours as ARGB with alpha FF (§18.8.19 color@rgb), paperSize 9 = A4 (§18.3.1.63),
// fitToHeight 0 = as many pages as needed, a row break "after row r" stored as brk@id r (§18.3.1.7), cfRule
// type="expression" with its formula (§18.3.1.10), future functions prefixed _xlfn. (§18.17.7), dataValidation
// operator "between" / errorStyle "warning" (§18.3.1.32); margins in inches (§18.3.1.62).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { applyEditsToWorkbook, fileFormula } from '../../src/hosts/xlsx/apply-edits';
import type { SheetEdit } from '../../src/report';
import { EVERY_FORMAT, pageSetup, rule, validation } from './sample-edits';

type CfSheet = ExcelJS.Worksheet & { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
type DvSheet = ExcelJS.Worksheet & { dataValidations: { model: Record<string, ExcelJS.DataValidation> } };

/** Applies the edits to a workbook with one sheet, saves it and loads the file back. */
async function roundTrip(edits: readonly SheetEdit[], prepare?: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  prepare?.(wb);
  await applyEditsToWorkbook(wb, edits);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const ws = (name = 'Sheet1') => back.getWorksheet(name)!;
  return { wb, back, ws };
}

/** The first sheet's XML as the file stores it. */
async function sheetXml(edits: readonly SheetEdit[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  await applyEditsToWorkbook(wb, edits);
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return zip.file('xl/worksheets/sheet1.xml')!.async('string');
}

/** The attributes of the first element of that name. */
function attributes(xml: string, element: string): Record<string, string> {
  const tag = new RegExp(`<${element}\\b([^>]*?)/?>`).exec(xml);
  if (!tag) throw new Error(`no <${element}>`);
  return Object.fromEntries([...tag[1].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describe('xlsx edits: sheets', () => {
  it('adds a sheet without gridlines, hidden when asked, and refuses one that exists', async () => {
    const { back } = await roundTrip([
      { op: 'addSheet', sheet: '年报' },
      { op: 'addSheet', sheet: '上年数据', hidden: true },
    ]);
    expect(back.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Sheet1', 'visible'],
      ['年报', 'visible'],
      ['上年数据', 'hidden'],
    ]);
    expect(back.getWorksheet('年报')!.views[0].showGridLines).toBe(false);
    await expect(roundTrip([{ op: 'addSheet', sheet: 'Sheet1' }])).rejects.toThrow('sheet Sheet1 exists');
    await expect(roundTrip([{ op: 'merge', sheet: '年报', ranges: ['A1:B1'] }])).rejects.toThrow('no sheet 年报');
  });
});

describe('xlsx edits: values, sizes, merges', () => {
  it('writes a block at its range: numbers, text as it is, null cells left as they are', async () => {
    const { ws } = await roundTrip(
      [
        {
          op: 'values',
          sheet: 'Sheet1',
          range: 'B2:D3',
          values: [
            [12, '0012', '单位'],
            ['年度', 7, null],
          ],
        },
      ],
      (wb) => (wb.getWorksheet('Sheet1')!.getCell('D3').value = 'kept'),
    );
    expect(['B2', 'C2', 'D2', 'B3', 'C3', 'D3', 'A1', 'E2'].map((a) => ws().getCell(a).value)).toEqual([
      12,
      '0012',
      '单位',
      '年度',
      7,
      'kept',
      null,
      null,
    ]);
  });

  it('sets column widths and row heights from the first column/row on', async () => {
    const { ws } = await roundTrip([
      { op: 'columnWidths', sheet: 'Sheet1', first: 2, widths: [10, 24] },
      { op: 'rowHeights', sheet: 'Sheet1', first: 3, heights: [30, 18] },
    ]);
    expect([2, 3].map((c) => ws().getColumn(c).width)).toEqual([10, 24]);
    expect(ws().getColumn(4).width).toBeUndefined();
    expect([3, 4].map((r) => ws().getRow(r).height)).toEqual([30, 18]);
  });

  it('merges each range', async () => {
    const { ws } = await roundTrip([{ op: 'merge', sheet: 'Sheet1', ranges: ['A1:C1', 'B3:B5'] }]);
    expect([...(ws().model.merges as string[])].sort()).toEqual(['A1:C1', 'B3:B5']);
  });
});

describe('xlsx edits: formats', () => {
  it('writes every part of a format on every cell of each range', async () => {
    const { ws } = await roundTrip([
      {
        op: 'format',
        sheet: 'Sheet1',
        ranges: ['B2', 'C2:C3'],
        format: EVERY_FORMAT,
      },
    ]);
    for (const a1 of ['B2', 'C2', 'C3']) {
      const c = ws().getCell(a1);
      expect(c.font).toMatchObject({ name: '仿宋_GB2312', size: 14, bold: true, color: { argb: 'FF9C0006' } });
      expect(c.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
      expect(c.alignment).toEqual({ horizontal: 'center', vertical: 'middle', wrapText: true });
      for (const edge of ['top', 'left', 'bottom', 'right'] as const)
        expect(c.border[edge]).toEqual({ style: 'thin', color: { argb: 'FF000000' } });
      expect(c.numFmt).toBe('0.00');
      expect(c.protection).toMatchObject({ locked: false });
    }
    expect(ws().getCell('B3').fill).toBeUndefined();
  });

  it('adds to what a cell has, and never changes the cells that shared its style', async () => {
    const { ws } = await roundTrip(
      [
        { op: 'format', sheet: 'Sheet1', ranges: ['A1'], format: { font: { size: 9 }, horizontal: 'left' } },
        { op: 'format', sheet: 'Sheet1', ranges: ['A1'], format: { vertical: 'top' } },
      ],
      (wb) => {
        // Two cells sharing one style object, as a loaded workbook has them.
        const s = wb.getWorksheet('Sheet1')!;
        const shared = { font: { name: '宋体', bold: true }, alignment: { wrapText: true } } as Partial<ExcelJS.Style>;
        s.getCell('A1').style = shared;
        s.getCell('A2').style = shared;
      },
    );
    expect(ws().getCell('A1').font).toMatchObject({ name: '宋体', bold: true, size: 9 });
    expect(ws().getCell('A1').alignment).toEqual({ wrapText: true, horizontal: 'left', vertical: 'top' });
    expect(ws().getCell('A2').font).toEqual({ name: '宋体', bold: true });
    expect(ws().getCell('A2').alignment).toEqual({ wrapText: true });
  });

  it('locks a cell again when asked', async () => {
    const { ws } = await roundTrip([
      { op: 'format', sheet: 'Sheet1', ranges: ['A1'], format: { locked: false } },
      { op: 'format', sheet: 'Sheet1', ranges: ['A1'], format: { locked: true } },
    ]);
    expect(ws().getCell('A1').protection?.locked ?? true).toBe(true);
  });

  it('refuses a range it cannot read', async () => {
    await expect(
      roundTrip([{ op: 'format', sheet: 'Sheet1', ranges: ['B2:?'], format: { wrap: true } }]),
    ).rejects.toThrow('bad range B2:?');
  });
});

describe('xlsx edits: names', () => {
  it('defines a name on the absolute top-left cell, replacing one that exists', async () => {
    const { back } = await roundTrip(
      [
        { op: 'addSheet', sheet: '年 报' },
        { op: 'defineName', name: 'nb_agency', sheet: '年 报', range: 'D2' },
        { op: 'defineName', name: 'nb_year', sheet: 'Sheet1', range: 'M2' },
      ],
      (wb) => wb.definedNames.add('Sheet1!$A$1', 'nb_agency'),
    );
    expect(back.definedNames.getRanges('nb_agency').ranges).toEqual(["'年 报'!$D$2"]);
    expect(back.definedNames.getRanges('nb_year').ranges).toEqual(['Sheet1!$M$2']);
  });
});

describe('xlsx edits: highlight rules', () => {
  it('writes an expression rule per edit over its ranges, with the style colours and its priority', async () => {
    const { ws } = await roundTrip([
      rule('A1>1', ['A1', 'C1:C2']),
      rule('ISFORMULA(A1)', ['A1'], { style: 'warning', priority: 2 }),
      rule('A1>3', ['A1'], { style: 'blank', priority: 3 }),
    ]);
    const cfs = (ws() as CfSheet).conditionalFormattings;
    expect(cfs.map((c) => c.ref)).toEqual(['A1 C1:C2', 'A1', 'A1']);
    const rules = cfs.map((c) => c.rules[0] as ExcelJS.ConditionalFormattingRule & { formulae: string[] });
    expect(rules.map((r) => [r.type, r.priority, r.formulae])).toEqual([
      ['expression', 1, ['A1>1']],
      ['expression', 2, ['_xlfn.ISFORMULA(A1)']],
      ['expression', 3, ['A1>3']],
    ]);
    expect(rules.map((r) => [r.style?.fill, r.style?.font?.color])).toEqual([
      [{ type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } }, { argb: 'FF9C0006' }],
      [{ type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFEB9C' } }, { argb: 'FF9C5700' }],
      [{ type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFEEF3FA' } }, { argb: 'FF404040' }],
    ]);
  });

  it('a rule with the same formula, or one it supersedes, is replaced; others stay', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await applyEditsToWorkbook(wb, [rule('A1>1', ['A1']), rule('OLD(A1)', ['A1']), rule('USER(A1)', ['B1'])]);
    await applyEditsToWorkbook(wb, [rule('A1>1', ['A1']), rule('NEW(A1)', ['A1'], { replaces: ['OLD(A1)'] })]);
    const cfs = (wb.getWorksheet('Sheet1') as CfSheet).conditionalFormattings;
    expect(cfs.map((c) => (c.rules[0] as { formulae: string[] }).formulae[0]).sort()).toEqual([
      'A1>1',
      'NEW(A1)',
      'USER(A1)',
    ]);
  });

  it('prefixes ISFORMULA with _xlfn. once, not inside other names', () => {
    expect(fileFormula('OR(ISFORMULA(A1),ISFORMULA(B2))')).toBe('OR(_xlfn.ISFORMULA(A1),_xlfn.ISFORMULA(B2))');
    expect(fileFormula('_xlfn.ISFORMULA(A1)')).toBe('_xlfn.ISFORMULA(A1)');
    expect(fileFormula('MY_ISFORMULA(A1)+X.ISFORMULA(B1)')).toBe('MY_ISFORMULA(A1)+X.ISFORMULA(B1)');
  });
});

describe('xlsx edits: validation, page setup, protection', () => {
  it('adds a warning validation between min and max with its texts, on each range', async () => {
    const { ws } = await roundTrip([validation('whole', ['B2', 'D4'])]);
    const want = {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 99],
      showInputMessage: true,
      promptTitle: '填写',
      prompt: '整数',
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '有误',
      error: '应为整数',
    };
    expect(ws().getCell('B2').dataValidation).toEqual(want);
    expect(ws().getCell('D4').dataValidation).toEqual(want);
    expect(ws().getCell('C3').dataValidation).toBeUndefined();
    expect(Object.keys((ws() as DvSheet).dataValidations.model).length).toBeGreaterThan(0);
  });

  it.each(['portrait', 'landscape'] as const)('sets up the page (%s)', async (orientation) => {
    const { ws } = await roundTrip([pageSetup(orientation)]);
    expect(ws().pageSetup).toMatchObject({
      paperSize: 9,
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printArea: 'A1:O60',
      margins: { left: 0.5, right: 0.25, top: 0.75, bottom: 1, header: 0.3, footer: 0.3 },
    });
    // Manual breaks after rows 20 and 40 (brk@id is the row above the break, brk@man="1").
    const xml = await sheetXml([
      {
        op: 'pageSetup',
        sheet: 'Sheet1',
        printArea: 'A1:B2',
        rowBreaks: [20, 40],
        orientation,
        fitToWidth: 1,
        margins: { left: 1, right: 1, top: 1, bottom: 1 },
      },
    ]);
    expect([...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]))).toEqual([20, 40]);
  });

  it('protects the sheet with inputs editable and formatting and inserting rows/columns allowed', async () => {
    // §18.3.1.85 sheetProtection: sheet="1" turns protection on; an attribute "0" allows that action, "1" forbids
    // it; absent, formatting, inserting, sorting and filtering are forbidden and selecting cells allowed.
    const p = attributes(await sheetXml([{ op: 'protect', sheet: 'Sheet1' }]), 'sheetProtection');
    expect(p).toEqual({
      sheet: '1',
      formatCells: '0',
      formatColumns: '0',
      formatRows: '0',
      insertColumns: '0',
      insertRows: '0',
    });
    expect(p.password).toBeUndefined();
  });
});

describe('xlsx edits: a format changes only what it names', () => {
  const styled = (wb: ExcelJS.Workbook) => {
    const c = wb.getWorksheet('Sheet1')!.getCell('B2');
    c.font = { name: '黑体', size: 14, bold: true, color: { argb: 'FF1F4E79' } };
    c.alignment = { horizontal: 'right', vertical: 'top', wrapText: true };
    c.numFmt = '0.00';
    c.protection = { locked: false };
  };

  it('a fill alone leaves the font, alignment, borders, number format and protection', async () => {
    const { ws } = await roundTrip(
      [{ op: 'format', sheet: 'Sheet1', ranges: ['B2'], format: { fill: 'FFEB9C' } }],
      styled,
    );
    const c = ws().getCell('B2');
    expect(c.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } });
    expect(c.font).toEqual({ name: '黑体', size: 14, bold: true, color: { argb: 'FF1F4E79' } });
    expect(c.alignment).toEqual({ horizontal: 'right', vertical: 'top', wrapText: true });
    expect(c.border ?? {}).toEqual({});
    expect(c.numFmt).toBe('0.00');
    expect(c.protection).toMatchObject({ locked: false });
  });

  it('one font or alignment property changes that one only', async () => {
    const { ws } = await roundTrip(
      [{ op: 'format', sheet: 'Sheet1', ranges: ['B2'], format: { font: { size: 9 }, horizontal: 'center' } }],
      styled,
    );
    const c = ws().getCell('B2');
    expect(c.font).toEqual({ name: '黑体', size: 9, bold: true, color: { argb: 'FF1F4E79' } });
    expect(c.alignment).toEqual({ horizontal: 'center', vertical: 'top', wrapText: true });
  });

  it('wrapping alone is an alignment change', async () => {
    const { ws } = await roundTrip(
      [{ op: 'format', sheet: 'Sheet1', ranges: ['B2'], format: { wrap: false } }],
      styled,
    );
    expect(ws().getCell('B2').alignment).toEqual({ horizontal: 'right', vertical: 'top' });
  });
});

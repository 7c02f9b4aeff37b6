// The Office.js interpreter of the sheet edits (src/hosts/excel/queue-edits.ts), op by op, on small plans through the
// Office.js fake. Expected values come from the Office.js reference (learn.microsoft.com/javascript/api/excel):
// colours as "#RRGGBB", Range.format.columnWidth / rowHeight and PageLayout margins in points (1 in = 72 pt),
// HorizontalAlignment "Left"/"Center"/"Right", VerticalAlignment "Top"/"Center"/"Bottom", BorderLineStyle
// "Continuous", PaperType "A4", DataValidationOperator "Between", DataValidationAlertStyle "Warning", requirement
// sets (suspendScreenUpdatingUntilNextSync 1.9, dataValidation 1.8, pageLayout 1.9, showGridlines 1.8, getRanges 1.9);
// and a column width in characters turned into pixels by ECMA-376 Part 1 §18.3.1.13 (col@width: Truncate(((256 ·
// width + Truncate(128/7)) / 256) · 7) for the 7-pixel digit of the default font), 0.75 pt a pixel.
import { PROTECTION_OPTIONS, queueEdits, type WorkbookBefore } from '../../src/hosts/excel/queue-edits';
import type { SheetEdit } from '../../src/report';
import { EVERY_FORMAT, pageSetup, rule, TYPED_BLOCK, validation } from './sample-edits';
import { FakeExcel } from '../doubles/office-js/fake-excel';

interface Setup {
  readonly apiVersion?: string;
  readonly protectedSheets?: readonly string[];
  readonly names?: readonly string[];
  /** Formulas (with '=') of existing rules on Sheet1 that the batch replaces. */
  readonly replacing?: readonly string[];
  readonly onSheetAdded?: (ws: Excel.Worksheet) => void;
}

/** Queues the edits on one context as ExcelHost does (after its read) and syncs once. */
async function queue(fake: FakeExcel, edits: readonly SheetEdit[], setup: Setup = {}): Promise<void> {
  const restore = fake.install();
  try {
    await fake.excel(async (ctx) => {
      const replacedRules: Excel.ConditionalFormat[] = [];
      if (setup.replacing?.length) {
        const items = ctx.workbook.worksheets.getItem('Sheet1').getRange().conditionalFormats.load('items/type');
        await ctx.sync();
        const rules = items.items.map((cf) => ({ cf, rule: cf.custom.rule.load('formula') }));
        await ctx.sync();
        for (const r of rules) if (setup.replacing.includes(r.rule.formula)) replacedRules.push(r.cf);
      }
      const before: WorkbookBefore = {
        sheets: new Map(
          fake.doc.sheets.map((s) => [
            s.name.toLowerCase(),
            { name: s.name, protected: setup.protectedSheets?.includes(s.name) ?? false },
          ]),
        ),
        names: new Set((setup.names ?? []).map((n) => n.toLowerCase())),
        replacedRules,
      };
      queueEdits(ctx, edits, before, {
        supports: (v) => fake.supports('ExcelApi', v),
        onSheetAdded: setup.onSheetAdded,
      });
      await ctx.sync();
    });
  } finally {
    restore();
  }
}

const cfsOf = (fake: FakeExcel, sheet = 'Sheet1') => fake.sheet(sheet).conditionalFormats;
const box = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

describe('Office.js edits: sheets', () => {
  it('adds a visible sheet without gridlines (1.8) and brings it to the front; tells the caller', async () => {
    const fake = new FakeExcel();
    const seen: Excel.Worksheet[] = [];
    await queue(fake, [{ op: 'addSheet', sheet: '年报' }], { onSheetAdded: (ws) => seen.push(ws) });
    const s = fake.sheet('年报');
    expect(s.showGridlines).toBe(false);
    expect(s.visibility).toBe('Visible');
    expect(fake.activeSheetName()).toBe('年报');
    expect(seen).toHaveLength(1);
  });

  it('adds a hidden sheet and leaves the user on theirs; on 1.7 the gridlines stay', async () => {
    const fake = new FakeExcel({ apiVersion: '1.7' });
    await queue(fake, [{ op: 'addSheet', sheet: '上年数据', hidden: true }]);
    const s = fake.sheet('上年数据');
    expect(s.visibility).toBe('Hidden');
    expect(s.showGridlines).toBe(true);
    expect(fake.activeSheetName()).toBe('Sheet1');
  });

  it('brings the first of two new visible sheets to the front', async () => {
    const fake = new FakeExcel();
    await queue(fake, [
      { op: 'addSheet', sheet: '年报' },
      { op: 'addSheet', sheet: '补充信息' },
    ]);
    expect(fake.activeSheetName()).toBe('年报');
  });
});

describe('Office.js edits: values, sizes, merges', () => {
  it('writes a block: 12, "0012" and "=1+1" as typed, null left as it is', async () => {
    const fake = new FakeExcel();
    await fake.userEdit('Sheet1', 'D3', 'kept');
    await queue(fake, [TYPED_BLOCK]);
    expect(['B2', 'C2', 'D2', 'B3', 'C3', 'D3'].map((a) => fake.value('Sheet1', a))).toEqual([
      12,
      '0012',
      '=1+1',
      '单位',
      7,
      'kept',
    ]);
    expect(fake.sheet('Sheet1').peek(2, 4)?.formula).toBeUndefined();
  });

  it('sets column widths in points through the pixel rounding, row heights as given', async () => {
    const fake = new FakeExcel();
    await queue(fake, [
      { op: 'columnWidths', sheet: 'Sheet1', first: 2, widths: [10, 10, 24] },
      { op: 'rowHeights', sheet: 'Sheet1', first: 3, heights: [30, 18, 18] },
    ]);
    const s = fake.sheet('Sheet1');
    // 10 characters: Truncate((2560 + 18) / 256 · 7) = 70 px = 52.5 pt; 24: Truncate((6144 + 18) / 256 · 7) = 168 px.
    expect([1, 2, 3, 4, 5].map((c) => s.columnWidths.get(c))).toEqual([undefined, 52.5, 52.5, 126, undefined]);
    expect([2, 3, 4, 5, 6].map((r) => s.rowHeights.get(r))).toEqual([undefined, 30, 18, 18, undefined]);
  });

  it('merges each range', async () => {
    const fake = new FakeExcel();
    await queue(fake, [{ op: 'merge', sheet: 'Sheet1', ranges: ['A1:C1', 'B3:B5'] }]);
    expect(fake.sheet('Sheet1').merges).toEqual([box(1, 1, 1, 3), box(3, 2, 5, 2)]);
  });

  it('refuses a range it cannot read, naming it', async () => {
    const fake = new FakeExcel();
    await expect(
      queue(fake, [{ op: 'format', sheet: 'Sheet1', ranges: ['B2:?'], format: { numberFormat: '0' } }]),
    ).rejects.toThrow('无法识别的单元格区域：B2:?');
  });
});

describe('Office.js edits: formats', () => {
  it('writes every part of a format on every cell of each range', async () => {
    const fake = new FakeExcel();
    await queue(fake, [
      {
        op: 'format',
        sheet: 'Sheet1',
        ranges: ['B2', 'C2:C3'],
        format: EVERY_FORMAT,
      },
    ]);
    for (const [r, c] of [
      [2, 2],
      [2, 3],
      [3, 3],
    ]) {
      const f = fake.sheet('Sheet1').peek(r, c)!.format;
      expect(f).toMatchObject({
        fontName: '仿宋_GB2312',
        fontSize: 14,
        bold: true,
        fontColor: '#9C0006',
        fill: '#FFC7CE',
        horizontalAlignment: 'Center',
        verticalAlignment: 'Center',
        wrapText: true,
        numberFormat: '0.00',
        locked: false,
      });
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const)
        expect(f.borders[edge]?.style).toBe('Continuous');
    }
    expect(fake.sheet('Sheet1').peek(3, 2)?.format.fill ?? null).toBeNull();
  });

  it.each([
    ['left', 'top', 'Left', 'Top'],
    ['right', 'bottom', 'Right', 'Bottom'],
  ] as const)('aligns %s / %s', async (horizontal, vertical, h, v) => {
    const fake = new FakeExcel();
    await queue(fake, [{ op: 'format', sheet: 'Sheet1', ranges: ['A1'], format: { horizontal, vertical } }]);
    expect(fake.sheet('Sheet1').peek(1, 1)!.format).toMatchObject({ horizontalAlignment: h, verticalAlignment: v });
  });

  it('leaves what a format does not name as it was', async () => {
    const fake = new FakeExcel();
    await queue(fake, [{ op: 'format', sheet: 'Sheet1', ranges: ['A1'], format: { font: { size: 9 } } }]);
    await queue(fake, [{ op: 'format', sheet: 'Sheet1', ranges: ['A1'], format: { wrap: false } }]);
    expect(fake.sheet('Sheet1').peek(1, 1)!.format).toEqual({
      fontName: '等线',
      fontSize: 9,
      bold: false,
      fontColor: '#000000',
      fill: null,
      horizontalAlignment: 'General',
      verticalAlignment: 'Bottom',
      wrapText: false,
      numberFormat: 'General',
      locked: true,
      borders: {},
    });
  });
});

describe('Office.js edits: names', () => {
  it('defines a name on the cell, replacing one that exists', async () => {
    const fake = new FakeExcel();
    await fake.excel(async (ctx) => {
      ctx.workbook.names.add('nb_agency', '=Sheet1!$A$1');
    });
    await queue(
      fake,
      [
        { op: 'defineName', name: 'nb_agency', sheet: 'Sheet1', range: 'D2' },
        { op: 'defineName', name: 'nb_block', sheet: 'Sheet1', range: 'B2:C4' },
      ],
      { names: ['NB_AGENCY'] },
    );
    expect(fake.doc.names.map((n) => [n.name, n.formula])).toEqual([
      ['nb_agency', '=Sheet1!$D$2'],
      ['nb_block', '=Sheet1!$B$2:$C$4'],
    ]);
  });
});

describe('Office.js edits: highlight rules', () => {
  it('adds a custom rule with the style colours, in plan order', async () => {
    const fake = new FakeExcel();
    await queue(fake, [
      rule('A1>1', ['A1']),
      rule('A1>2', ['A1'], { style: 'warning', priority: 2 }),
      rule('A1>3', ['A1'], { style: 'blank', priority: 3 }),
    ]);
    expect(cfsOf(fake).map((c) => [c.type, c.formula, c.fill, c.fontColor])).toEqual([
      ['Custom', '=A1>1', '#FFC7CE', '#9C0006'],
      ['Custom', '=A1>2', '#FFEB9C', '#9C5700'],
      ['Custom', '=A1>3', '#EEF3FA', '#404040'],
    ]);
  });

  it('one rule over several ranges on 1.9 (getRanges), one per range before', async () => {
    const fake = new FakeExcel();
    await queue(fake, [rule('A1>1', ['A1', 'C1:C2'])]);
    expect(cfsOf(fake).map((c) => c.ranges)).toEqual([[box(1, 1), box(1, 3, 2, 3)]]);
    const old = new FakeExcel({ apiVersion: '1.8' });
    await queue(old, [rule('A1>1', ['A1', 'C1:C2'])]);
    expect(
      cfsOf(old)
        .map((c) => c.ranges)
        .sort((a, b) => a[0].left - b[0].left),
    ).toEqual([[box(1, 1)], [box(1, 3, 2, 3)]]);
  });

  it('deletes the rules it replaces first, and only those', async () => {
    const fake = new FakeExcel();
    await queue(fake, [rule('OLD(A1)', ['A1']), rule('USER(A1)', ['A1'])]);
    await queue(fake, [rule('NEW(A1)', ['A1'])], { replacing: ['=OLD(A1)'] });
    expect(
      cfsOf(fake)
        .map((c) => c.formula)
        .sort(),
    ).toEqual(['=NEW(A1)', '=USER(A1)']);
  });
});

describe('Office.js edits: validation, page setup, protection', () => {
  const RANGES = ['B2:B3', 'D4'];

  it('adds a warning validation between min and max with its texts (1.8), replacing one there', async () => {
    const fake = new FakeExcel();
    await queue(fake, [validation('decimal', RANGES)]);
    await queue(fake, [validation('whole', RANGES)]);
    const v = fake.sheet('Sheet1').validations;
    expect(v.size).toBe(3);
    for (const state of v.values())
      expect(state).toEqual({
        rule: { wholeNumber: { formula1: 0, formula2: 99, operator: 'Between' } },
        ignoreBlanks: true,
        prompt: { showPrompt: true, title: '填写', message: '整数' },
        errorAlert: { showAlert: true, style: 'Warning', title: '有误', message: '应为整数' },
      });
  });

  it('a decimal rule is a decimal validation', async () => {
    const fake = new FakeExcel();
    await queue(fake, [validation('decimal', RANGES)]);
    expect([...fake.sheet('Sheet1').validations.values()][0].rule).toEqual({
      decimal: { formula1: 0, formula2: 99, operator: 'Between' },
    });
  });

  it('skips validation before 1.8 and the page setup before 1.9, without failing', async () => {
    const fake = new FakeExcel({ apiVersion: '1.7' });
    await queue(fake, [validation('whole', RANGES), pageSetup('portrait')]);
    expect(fake.sheet('Sheet1').validations.size).toBe(0);
    expect(fake.sheet('Sheet1').pageLayout.paperSize).toBe('Letter');
    expect(fake.screenSuspensions).toBe(0);
  });

  it.each([
    ['portrait', 'Portrait'],
    ['landscape', 'Landscape'],
  ] as const)(
    'sets up the page (%s): A4, fit to width, margins in points, centred, print area, breaks',
    async (o, want) => {
      const fake = new FakeExcel();
      await queue(fake, [pageSetup(o)]);
      expect(fake.sheet('Sheet1').pageLayout).toEqual({
        printArea: 'A1:O60',
        orientation: want,
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        paperSize: 'A4',
        centerHorizontally: true,
        margins: { left: 36, right: 18, top: 54, bottom: 72, header: 21.6, footer: 21.6 },
        // A break after row 20 sits above row 21.
        rowBreaks: [20, 40],
      });
      // The whole batch ran with the screen held still (1.9).
      expect(fake.screenSuspensions).toBe(1);
    },
  );

  it('protects the sheet last, with inputs editable and formatting and inserting allowed', async () => {
    const fake = new FakeExcel();
    await queue(fake, [
      { op: 'addSheet', sheet: '年报' },
      { op: 'protect', sheet: '年报' },
      { op: 'format', sheet: '年报', ranges: ['A1'], format: { fill: 'FFC7CE' } },
    ]);
    const s = fake.sheet('年报');
    expect(s.protected).toBe(true);
    expect(s.peek(1, 1)?.format.fill).toBe('#FFC7CE');
    expect(s.protectionOptions).toMatchObject({
      allowFormatCells: true,
      allowFormatColumns: true,
      allowFormatRows: true,
      allowInsertRows: true,
      allowInsertColumns: true,
      allowSort: false,
      allowAutoFilter: false,
    });
    expect(PROTECTION_OPTIONS.allowInsertRows).toBe(true);
  });

  it('unprotects a protected sheet to write and protects it again; names alone need no unprotecting', async () => {
    const fake = new FakeExcel();
    await fake.excel(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').protection.protect({ allowInsertRows: false });
    });
    await queue(fake, [{ op: 'format', sheet: 'sheet1', ranges: ['A1'], format: { font: { bold: true } } }], {
      protectedSheets: ['Sheet1'],
    });
    await queue(fake, [{ op: 'values', sheet: 'Sheet1', range: 'A1', values: [['年报']] }], {
      protectedSheets: ['Sheet1'],
    });
    expect(fake.value('Sheet1', 'A1')).toBe('年报');
    expect(fake.sheet('Sheet1').protected).toBe(true);
    expect(fake.sheet('Sheet1').protectionOptions).toMatchObject({ allowInsertRows: true });
    // A name only: the sheet's protection (the user's options) is not touched.
    const user = new FakeExcel();
    await user.excel(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').protection.protect({ allowInsertRows: false });
    });
    await queue(user, [{ op: 'defineName', name: 'nb_x', sheet: 'Sheet1', range: 'A1' }], {
      protectedSheets: ['Sheet1'],
    });
    expect(user.sheet('Sheet1').protectionOptions).toMatchObject({ allowInsertRows: false });
  });

  it('a sheet already protected before and planned to be protected is not protected twice', async () => {
    const fake = new FakeExcel();
    await fake.excel(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').protection.protect({ allowInsertRows: false });
    });
    await queue(fake, [{ op: 'protect', sheet: 'Sheet1' }], { protectedSheets: ['Sheet1'] });
    expect(fake.sheet('Sheet1').protectionOptions).toMatchObject({ allowInsertRows: false });
  });
});

describe('Office.js edits: what the batch asks of the host', () => {
  it('holds calculation (1.6) and the screen (1.9) still once each, and asks nothing above the host’s set', async () => {
    const calls: string[] = [];
    const fake = new FakeExcel();
    const restore = fake.install();
    try {
      await fake.excel(async (ctx) => {
        const app = ctx.application;
        for (const m of ['suspendApiCalculationUntilNextSync', 'suspendScreenUpdatingUntilNextSync'] as const) {
          const real = app[m].bind(app);
          app[m] = () => (calls.push(m), real());
        }
        const before = {
          sheets: new Map([['sheet1', { name: 'Sheet1', protected: false }]]),
          names: new Set<string>(),
        };
        const edits: SheetEdit[] = [
          { op: 'values', sheet: 'Sheet1', range: 'A1', values: [[1]] },
          { op: 'values', sheet: 'Sheet1', range: 'A2', values: [[2]] },
        ];
        queueEdits(ctx, edits, before, { supports: (v) => fake.supports('ExcelApi', v) });
        await ctx.sync();
      });
    } finally {
      restore();
    }
    expect(calls.sort()).toEqual(['suspendApiCalculationUntilNextSync', 'suspendScreenUpdatingUntilNextSync']);
    // ExcelApi 1.5: neither exists there; the values still go in.
    const old = new FakeExcel({ apiVersion: '1.5' });
    await queue(old, [{ op: 'values', sheet: 'Sheet1', range: 'A1', values: [[1]] }]);
    expect(old.value('Sheet1', 'A1')).toBe(1);
  });

  it('puts our rules above a rule the user already has on those cells (priority 0 is evaluated first)', async () => {
    const fake = new FakeExcel();
    await queue(fake, [rule('USER(A1)', ['A1'])]);
    await queue(fake, [rule('A1>1', ['A1']), rule('A1>2', ['A1'], { style: 'warning', priority: 2 })]);
    expect(cfsOf(fake).map((c) => c.formula)).toEqual(['=A1>1', '=A1>2', '=USER(A1)']);
  });
});

describe('Office.js edits: the order of a plan', () => {
  it('protects the sheet the plan protects, whichever new sheet came first', async () => {
    const fake = new FakeExcel();
    await queue(fake, [
      { op: 'addSheet', sheet: 'Cover' },
      { op: 'addSheet', sheet: 'Report' },
      { op: 'protect', sheet: 'Report' },
    ]);
    expect(fake.sheet('Report').protected).toBe(true);
    expect(fake.sheet('Cover').protected).toBe(false);
  });

  it('a later format that names neither wrapping nor number format leaves both as they were', async () => {
    const fake = new FakeExcel();
    await queue(fake, [
      { op: 'format', sheet: 'Sheet1', ranges: ['A1'], format: { wrap: true, numberFormat: '0.00' } },
    ]);
    await queue(fake, [{ op: 'format', sheet: 'Sheet1', ranges: ['A1'], format: { fill: 'FFEB9C' } }]);
    expect(fake.sheet('Sheet1').peek(1, 1)!.format).toMatchObject({
      wrapText: true,
      numberFormat: '0.00',
      fill: '#FFEB9C',
    });
  });
});

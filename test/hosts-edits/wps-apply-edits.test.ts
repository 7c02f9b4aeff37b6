// The ET interpreter of the sheet edits (src/hosts/wps/apply-edits-et.ts), op by op, on small plans through the ET
// double. Expected values are written from the ET/VBA object model's documented constants (WPS 开放平台 JS API
// reference, which follows Excel's: XlHAlign xlLeft -4131 / xlCenter -4108 / xlRight -4152, XlVAlign xlTop -4160 /
// xlCenter -4108 / xlBottom -4107, XlPageOrientation xlPortrait 1 / xlLandscape 2, XlPaperSize xlPaperA4 9,
// XlDVType xlValidateWholeNumber 1 / xlValidateDecimal 2, XlDVAlertStyle xlValidAlertWarning 2, XlFormatConditionOperator
// xlBetween 1, XlSheetVisibility xlSheetHidden 0, PageSetup margins in points = inches × 72) and a colour as the
// Color property takes it: a long that is R + G·256 + B·65536 (the RGB() function of VBA).
import { applyEditsToEt, insertIntoEt, rejectedRulesError } from '../../src/hosts/wps/apply-edits-et';
import type { SheetEdit } from '../../src/report';
import { rule, TYPED_BLOCK, validation } from './sample-edits';
import { EtDouble } from '../doubles/wps-et';

/** RGB(r, g, b) as VBA computes it. */
const rgbLong = (r: number, g: number, b: number) => r + g * 256 + b * 65536;
const RED_FILL = rgbLong(0xff, 0xc7, 0xce); // light red FFC7CE
const RED_FONT = rgbLong(0x9c, 0x00, 0x06); // dark red 9C0006

function fresh(options: ConstructorParameters<typeof EtDouble>[0] = {}) {
  const et = new EtDouble(options);
  const app = et.application() as never;
  return { et, app, apply: (edits: readonly SheetEdit[]) => applyEditsToEt(app, edits) };
}

describe('ET edits: sheets', () => {
  it('adds a sheet after the last one, without gridlines, and refuses one that exists', () => {
    const { et, apply } = fresh();
    apply([{ op: 'addSheet', sheet: '年报' }]);
    expect(et.sheetNames()).toEqual(['Sheet1', '年报']);
    expect(et.sheet('年报').gridlines).toBe(false);
    expect(et.sheet('年报').visible).toBe(-1);
    expect(et.sheet('Sheet1').gridlines).toBe(true);
    expect(() => apply([{ op: 'addSheet', sheet: '年报' }])).toThrow('工作表「年报」已存在');
  });

  it('adds a hidden sheet (xlSheetHidden, 0) and brings the user back to the sheet they were on', () => {
    const { et, apply } = fresh({ sheetNames: ['说明', '数据'] });
    et.userSelect('数据', 'B2');
    apply([{ op: 'addSheet', sheet: '上年数据', hidden: true }]);
    expect(et.sheet('上年数据').visible).toBe(0);
    expect(et.activeSheet).toBe('数据');
  });

  it('says so when no workbook is open', () => {
    const { et, apply } = fresh();
    et.closeWorkbook();
    expect(() => apply([{ op: 'addSheet', sheet: '年报' }])).toThrow('WPS 表格中没有打开的工作簿');
  });

  it('names the sheet that is missing', () => {
    const { apply } = fresh();
    expect(() => apply([{ op: 'merge', sheet: '年报', ranges: ['A1:B1'] }])).toThrow(
      '工作簿中没有名为「年报」的工作表',
    );
  });
});

describe('ET edits: values, sizes, merges', () => {
  it('writes a block: numbers as numbers, text as the text it is, null cells left as they are', () => {
    const { et, apply } = fresh();
    et.userEdit('Sheet1', 'D3', 'kept');
    apply([TYPED_BLOCK]);
    expect(et.valueAt('Sheet1', 'B2')).toBe(12);
    expect(et.valueAt('Sheet1', 'C2')).toBe('0012');
    expect(et.valueAt('Sheet1', 'D2')).toBe('=1+1');
    expect(et.cellAt('Sheet1', 'D2').formula).toBeUndefined();
    expect(et.valueAt('Sheet1', 'B3')).toBe('单位');
    expect(et.valueAt('Sheet1', 'C3')).toBe(7);
    expect(et.valueAt('Sheet1', 'D3')).toBe('kept');
  });

  it('writes a single cell as a scalar Value2', () => {
    const { et, apply } = fresh();
    apply([{ op: 'values', sheet: 'Sheet1', range: 'E5', values: [[2025]] }]);
    expect(et.valueAt('Sheet1', 'E5')).toBe(2025);
  });

  it('refuses a range it cannot read, with the range in the message', () => {
    const { apply } = fresh();
    expect(() => apply([{ op: 'values', sheet: 'Sheet1', range: 'not a range', values: [[1]] }])).toThrow(
      '无法识别的单元格区域：not a range',
    );
  });

  it('sets column widths and row heights from the first column/row on', () => {
    const { et, apply } = fresh();
    apply([
      { op: 'columnWidths', sheet: 'Sheet1', first: 2, widths: [10, 10, 24] },
      { op: 'rowHeights', sheet: 'Sheet1', first: 3, heights: [30, 18, 18] },
    ]);
    const s = et.sheet('Sheet1');
    expect([1, 2, 3, 4, 5].map((c) => s.colWidths.get(c))).toEqual([undefined, 10, 10, 24, undefined]);
    expect([2, 3, 4, 5, 6].map((r) => s.rowHeights.get(r))).toEqual([undefined, 30, 18, 18, undefined]);
  });

  it('merges each range', () => {
    const { et, apply } = fresh();
    apply([{ op: 'merge', sheet: 'Sheet1', ranges: ['A1:C1', 'B3:B5'] }]);
    expect(et.sheet('Sheet1').merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 1, right: 3 },
        { top: 3, left: 2, bottom: 5, right: 2 },
      ]),
    );
    expect(et.sheet('Sheet1').merges).toHaveLength(2);
  });
});

describe('ET edits: formats', () => {
  it('writes every part of a format', () => {
    const { et, apply } = fresh();
    apply([
      {
        op: 'format',
        sheet: 'Sheet1',
        ranges: ['B2', 'C2:C3'],
        format: {
          font: { name: '仿宋_GB2312', size: 14, bold: true, color: '9C0006' },
          fill: 'FFC7CE',
          horizontal: 'center',
          vertical: 'middle',
          wrap: true,
          border: true,
          numberFormat: '0',
          locked: false,
        },
      },
    ]);
    for (const a1 of ['B2', 'C2', 'C3']) {
      const c = et.cellAt('Sheet1', a1);
      expect(c).toMatchObject({
        fontName: '仿宋_GB2312',
        fontSize: 14,
        bold: true,
        fontColor: RED_FONT,
        fill: RED_FILL,
        hAlign: -4108,
        vAlign: -4108,
        wrap: true,
        numberFormat: '0',
        locked: false,
      });
      // Thin (xlThin 2) continuous (xlContinuous 1) black (0) lines on the four edges.
      for (const edge of ['top', 'left', 'bottom', 'right'] as const)
        expect(c.borders[edge]).toEqual({ lineStyle: 1, weight: 2, color: 0 });
    }
    expect(et.cellAt('Sheet1', 'B3').fill).toBeNull();
  });

  it.each([
    ['left', 'top', -4131, -4160],
    ['right', 'bottom', -4152, -4107],
  ] as const)('aligns %s / %s', (horizontal, vertical, h, v) => {
    const { et, apply } = fresh();
    apply([{ op: 'format', sheet: 'Sheet1', ranges: ['A1'], format: { horizontal, vertical } }]);
    expect(et.cellAt('Sheet1', 'A1')).toMatchObject({ hAlign: h, vAlign: v });
  });

  it('leaves what a format does not name as it was', () => {
    const { et, apply } = fresh();
    apply([{ op: 'format', sheet: 'Sheet1', ranges: ['A1'], format: { font: { bold: true } } }]);
    apply([{ op: 'format', sheet: 'Sheet1', ranges: ['A1'], format: { wrap: false, locked: true } }]);
    expect(et.cellAt('Sheet1', 'A1')).toMatchObject({
      bold: true,
      fontName: '宋体',
      fontSize: 11,
      fontColor: 0,
      fill: null,
      hAlign: 1,
      vAlign: -4107,
      wrap: false,
      locked: true,
      numberFormat: 'General',
      borders: {},
    });
  });
});

describe('ET edits: names', () => {
  it('defines a name on the absolute cell, the sheet quoted when its name needs it', () => {
    const { et, apply } = fresh();
    apply([
      { op: 'addSheet', sheet: '年 报' },
      { op: 'defineName', name: 'nb_agency', sheet: '年 报', range: 'D2' },
      { op: 'defineName', name: 'nb_block', sheet: 'Sheet1', range: 'B2:C4' },
    ]);
    expect(et.names()).toEqual([
      { name: 'nb_agency', refersTo: "='年 报'!$D$2" },
      { name: 'nb_block', refersTo: '=Sheet1!$B$2:$C$4' },
    ]);
  });
});

describe('ET edits: highlight rules', () => {
  it('adds an expression rule per range with the style colours as ET longs (BGR), in plan order', () => {
    const { et, apply } = fresh();
    apply([
      rule('A1>1', ['A1', 'C1']),
      rule('A1>2', ['A1'], { style: 'warning', priority: 2, id: 'warning:x' }),
      rule('A1>3', ['A1'], { style: 'blank', priority: 3, id: 'blank:x' }),
    ]);
    const cfs = et.sheet('Sheet1').cfs;
    expect(cfs.map((c) => [c.formula1, c.type])).toEqual([
      ['=A1>1', 2],
      ['=A1>2', 2],
      ['=A1>3', 2],
    ]);
    // One rule over both areas (a multi-area range), A1 and C1.
    expect(cfs[0].areas).toEqual([
      { top: 1, left: 1, bottom: 1, right: 1 },
      { top: 1, left: 3, bottom: 1, right: 3 },
    ]);
    expect([cfs[0].interiorColor, cfs[0].fontColor]).toEqual([RED_FILL, RED_FONT]);
    // Amber FFEB9C on 9C5700; blue-grey EEF3FA on 404040.
    expect([cfs[1].interiorColor, cfs[1].fontColor]).toEqual([rgbLong(0xff, 0xeb, 0x9c), rgbLong(0x9c, 0x57, 0x00)]);
    expect([cfs[2].interiorColor, cfs[2].fontColor]).toEqual([rgbLong(0xee, 0xf3, 0xfa), rgbLong(0x40, 0x40, 0x40)]);
  });

  it('keeps plan order where ET puts a new rule first', () => {
    const { et, apply } = fresh({ newConditionFirst: true });
    apply([rule('A1>1', ['A1']), rule('A1>2', ['A1']), rule('A1>3', ['A1'])]);
    expect(et.sheet('Sheet1').cfs.map((c) => c.formula1)).toEqual(['=A1>1', '=A1>2', '=A1>3']);
  });

  it('replaces a rule with the same formula, and the rules it supersedes, leaving the others', () => {
    const { et, apply } = fresh();
    apply([rule('A1>1', ['A1']), rule('OLD(A1)', ['A1']), rule('USER(A1)', ['B1'])]);
    apply([rule('A1>1', ['A1']), rule('NEW(A1)', ['A1'], { replaces: ['OLD(A1)'] })]);
    expect(
      et
        .sheet('Sheet1')
        .cfs.map((c) => c.formula1)
        .sort(),
    ).toEqual(['=A1>1', '=NEW(A1)', '=USER(A1)']);
  });

  it('on a sheet it just added reads no rules to replace', () => {
    const { et, apply } = fresh();
    apply([{ op: 'addSheet', sheet: '年报' }, { ...rule('A1>1', ['A1']), sheet: '年报' } as SheetEdit]);
    expect(et.sheet('年报').cfs.map((c) => c.formula1)).toEqual(['=A1>1']);
  });

  it('tries a refused rule once more, then reports its id and goes on', () => {
    const { et, apply } = fresh({ maxConditionFormulaLength: 20 });
    const long = `A1>${'1'.repeat(30)}`;
    const rejected = apply([rule(long, ['A1'], { id: 'error:nb_long' }), rule('A1>2', ['B1'])]);
    expect(rejected).toEqual(['error:nb_long']);
    expect(et.sheet('Sheet1').cfs.map((c) => c.formula1)).toEqual(['=A1>2']);
  });

  it('a rule refused once only is added on the second try', () => {
    const edits = [rule('A1>1', ['A1'])];
    // Where FormatConditions.Add falls among the ET calls of this plan, read off a first run.
    const seen = fresh();
    const keys: string[] = [];
    const count = seen.et.count.bind(seen.et);
    seen.et.count = (key: string) => (keys.push(key), count(key));
    seen.apply(edits);
    const nth = keys.indexOf('FormatConditions.Add') + 1;
    expect(nth).toBeGreaterThan(0);
    const { et, apply } = fresh();
    et.resetCalls();
    et.failNthCall(nth);
    expect(apply(edits)).toEqual([]);
    expect(et.sheet('Sheet1').cfs.map((c) => c.formula1)).toEqual(['=A1>1']);
  });
});

describe('ET edits: validation, page setup, protection', () => {
  it('adds a warning validation between min and max, with its prompt and error texts', () => {
    const { et, apply } = fresh();
    apply([validation('whole', ['B2:B3'])]);
    for (const a1 of ['B2', 'B3'])
      expect(et.cellAt('Sheet1', a1).validation).toEqual({
        type: 1,
        alertStyle: 2,
        operator: 1,
        formula1: '0',
        formula2: '99',
        inputTitle: '填写',
        inputMessage: '整数',
        errorTitle: '有误',
        errorMessage: '应为整数',
        showInput: true,
        showError: true,
        ignoreBlank: true,
      });
    // Re-applied (a repair): the old validation is deleted first, the new one replaces it.
    apply([validation('decimal', ['B2:B3'])]);
    expect(et.cellAt('Sheet1', 'B2').validation?.type).toBe(2);
  });

  it('sets up the page: A4, orientation, fit to width, margins in points, centred, print area, row breaks', () => {
    const { et, apply } = fresh();
    apply([
      {
        op: 'pageSetup',
        sheet: 'Sheet1',
        printArea: 'A1:O60',
        rowBreaks: [20, 40],
        orientation: 'landscape',
        fitToWidth: 1,
        margins: { left: 0.5, right: 0.25, top: 0.75, bottom: 1 },
      },
    ]);
    const s = et.sheet('Sheet1');
    expect(s.pageSetup).toMatchObject({
      PrintArea: '$A$1:$O$60',
      Orientation: 2,
      PaperSize: 9,
      Zoom: false,
      FitToPagesWide: 1,
      FitToPagesTall: false,
      LeftMargin: 36,
      RightMargin: 18,
      TopMargin: 54,
      BottomMargin: 72,
      CenterHorizontally: true,
    });
    // Header and footer 0.3 in, as the .xlsx writer sets them.
    expect(s.pageSetup.HeaderMargin).toBeCloseTo(21.6, 9);
    expect(s.pageSetup.FooterMargin).toBeCloseTo(21.6, 9);
    // A break after row 20 sits above row 21.
    expect(s.rowBreaks).toEqual([21, 41]);
    apply([
      {
        op: 'pageSetup',
        sheet: 'Sheet1',
        printArea: 'B2',
        rowBreaks: [],
        orientation: 'portrait',
        fitToWidth: 2,
        margins: { left: 1, right: 1, top: 1, bottom: 1 },
      },
    ]);
    expect(s.pageSetup).toMatchObject({ PrintArea: '$B$2', Orientation: 1, FitToPagesWide: 2 });
  });

  it('protects a sheet with inputs editable and formatting and inserting rows/columns allowed, no password', () => {
    const { et, apply } = fresh();
    apply([{ op: 'protect', sheet: 'Sheet1' }]);
    expect(et.sheet('Sheet1').protection).toEqual({
      password: undefined,
      userInterfaceOnly: false,
      allowFormattingCells: true,
      allowFormattingColumns: true,
      allowFormattingRows: true,
      allowInsertingColumns: true,
      allowInsertingRows: true,
    });
  });

  it('unprotects a protected sheet to write, and protects it again after', () => {
    const { et, app, apply } = fresh();
    apply([{ op: 'protect', sheet: 'Sheet1' }]);
    apply([{ op: 'values', sheet: 'Sheet1', range: 'A1', values: [['年报']] }]);
    expect(et.valueAt('Sheet1', 'A1')).toBe('年报');
    expect(et.sheet('Sheet1').protection).not.toBeNull();
    // Protected again even when an edit fails half-way.
    expect(() =>
      applyEditsToEt(app, [
        { op: 'values', sheet: 'Sheet1', range: 'A2', values: [[1]] },
        { op: 'merge', sheet: '无此表', ranges: ['A1:B1'] },
      ]),
    ).toThrow();
    expect(et.valueAt('Sheet1', 'A2')).toBe(1);
    expect(et.sheet('Sheet1').protection?.allowInsertingRows).toBe(true);
  });

  it('refuses a sheet protected with a password, saying how to unprotect it', () => {
    const { et, apply } = fresh();
    (et.application() as never as { ActiveSheet: { Protect(p: string): void } }).ActiveSheet.Protect('secret');
    expect(() => apply([{ op: 'values', sheet: 'Sheet1', range: 'A1', values: [[1]] }])).toThrow(
      '工作表「Sheet1」设置了密码保护',
    );
  });
});

describe('ET insertion: all or nothing', () => {
  const plan: SheetEdit[] = [
    { op: 'addSheet', sheet: '年报' },
    { op: 'values', sheet: '年报', range: 'A1', values: [['标题']] },
    { op: 'defineName', name: 'nb_title', sheet: '年报', range: 'A1' },
    { op: 'addSheet', sheet: '补充信息' },
    { op: 'protect', sheet: '年报' },
  ];

  it('refuses before building anything when a sheet of that name exists', () => {
    const { et, app } = fresh({ sheetNames: ['Sheet1', '补充信息'] });
    expect(() => insertIntoEt(app, plan)).toThrow('工作表「补充信息」已存在');
    expect(et.sheetNames()).toEqual(['Sheet1', '补充信息']);
    expect(et.names()).toEqual([]);
  });

  it('retries once after a failed call and ends complete', () => {
    const { et, app } = fresh();
    et.failNthCall(12);
    expect(insertIntoEt(app, plan)).toEqual([]);
    expect(et.sheetNames()).toEqual(['Sheet1', '年报', '补充信息']);
    expect(et.names().map((n) => n.name)).toEqual(['nb_title']);
    expect(et.valueAt('年报', 'A1')).toBe('标题');
  });

  it('fails twice: removes the sheets and new names it made, keeps the ones before, restores alerts', () => {
    const { et, app } = fresh();
    (app as { ActiveWorkbook: { Names: { Add(n: string, r: string): void } } }).ActiveWorkbook.Names.Add(
      'nb_title',
      '=Sheet1!$B$1',
    );
    (app as { ActiveWorkbook: { Names: { Add(n: string, r: string): void } } }).ActiveWorkbook.Names.Add(
      'user_name',
      '=Sheet1!$C$1',
    );
    const broken: SheetEdit[] = [
      ...plan.slice(0, 4),
      { op: 'defineName', name: 'nb_new', sheet: '年报', range: 'B1' },
      { op: 'merge', sheet: '无此表', ranges: ['A1:B1'] },
    ];
    expect(() => insertIntoEt(app, broken)).toThrow('工作簿中没有名为「无此表」的工作表');
    expect(et.sheetNames()).toEqual(['Sheet1']);
    expect(et.names().map((n) => n.name)).toEqual(['nb_title', 'user_name']);
    expect(et.flags.DisplayAlerts).toBe(true);
    expect(et.alerts).toEqual([]);
  });
});

describe('the message for refused rules', () => {
  it('counts them and names the first three', () => {
    expect(rejectedRulesError(['a', 'b']).message).toMatch(/未接受其中 2 条.*未写入的规则：a；b$/);
    expect(rejectedRulesError(['a', 'b', 'c']).message).toMatch(/未写入的规则：a；b；c$/);
    expect(rejectedRulesError(['a', 'b', 'c', 'd']).message).toMatch(/其中 4 条.*未写入的规则：a；b；c 等$/);
  });
});

describe('ET edits: what they cost in ET calls (each one a cross-process call in WPS)', () => {
  const page = (rowBreaks: number[]): SheetEdit => ({
    op: 'pageSetup',
    sheet: 'Sheet1',
    printArea: 'A1:B2',
    rowBreaks,
    orientation: 'portrait',
    fitToWidth: 1,
    margins: { left: 1, right: 1, top: 1, bottom: 1 },
  });

  it('asks for HPageBreaks only when there are breaks to add', () => {
    const { et, apply } = fresh();
    et.resetCalls();
    apply([page([])]);
    expect(et.calls.by.get('Worksheet.HPageBreaks') ?? 0).toBe(0);
    apply([page([5])]);
    expect(et.calls.by.get('Worksheet.HPageBreaks')).toBe(1);
  });

  it('reads a sheet’s existing rules once, however many rules the plan adds there', () => {
    const { et, apply } = fresh();
    et.resetCalls();
    apply([rule('A1>1', ['A1']), rule('A1>2', ['B1']), rule('A1>3', ['C1'])]);
    expect(et.calls.by.get('FormatConditions.Count')).toBe(1);
  });

  it('fetches Names once for all the names it defines', () => {
    const { et, apply } = fresh();
    et.resetCalls();
    apply([
      { op: 'defineName', name: 'nb_a', sheet: 'Sheet1', range: 'A1' },
      { op: 'defineName', name: 'nb_b', sheet: 'Sheet1', range: 'A2' },
    ]);
    expect(et.calls.by.get('Workbook.Names')).toBe(1);
    expect(et.names().map((n) => n.name)).toEqual(['nb_a', 'nb_b']);
  });
});

describe('ET insertion: a failure before every sheet is built', () => {
  it('removes the sheets that were built and skips the ones that were not, then says why', () => {
    const { et, app } = fresh();
    const plan: SheetEdit[] = [
      { op: 'addSheet', sheet: '年报' },
      { op: 'defineName', name: 'nb_title', sheet: '年报', range: 'A1' },
      { op: 'merge', sheet: '无此表', ranges: ['A1:B1'] },
      { op: 'addSheet', sheet: '补充信息' },
      { op: 'defineName', name: 'nb_more', sheet: '补充信息', range: 'A1' },
    ];
    expect(() => insertIntoEt(app, plan)).toThrow('工作簿中没有名为「无此表」的工作表');
    expect(et.sheetNames()).toEqual(['Sheet1']);
    expect(et.names()).toEqual([]);
  });
});

describe('ET edits: what a plan leaves alone', () => {
  it('a block whose first cells are kept writes the rest where they belong', () => {
    const { et, apply } = fresh();
    apply([
      {
        op: 'values',
        sheet: 'Sheet1',
        range: 'C4:E5',
        values: [
          [null, 5, 6],
          [null, null, 7],
        ],
      },
    ]);
    expect(['C4', 'D4', 'E4', 'C5', 'D5', 'E5', 'A4', 'B4'].map((a) => et.valueAt('Sheet1', a) ?? null)).toEqual([
      null,
      5,
      6,
      null,
      null,
      7,
      null,
      null,
    ]);
  });

  it('a later format leaves the boldness, wrapping, borders and lock of an earlier one', () => {
    const { et, apply } = fresh();
    apply([
      {
        op: 'format',
        sheet: 'Sheet1',
        ranges: ['B2'],
        format: { font: { bold: true }, wrap: true, border: true, locked: false },
      },
    ]);
    apply([{ op: 'format', sheet: 'Sheet1', ranges: ['B2'], format: { font: { size: 9 }, fill: 'FFEB9C' } }]);
    const c = et.cellAt('Sheet1', 'B2');
    expect(c).toMatchObject({ bold: true, fontSize: 9, wrap: true, locked: false });
    expect(c.borders.top).toEqual({ lineStyle: 1, weight: 2, color: 0 });
    apply([{ op: 'format', sheet: 'Sheet1', ranges: ['C2'], format: { fill: 'FFEB9C' } }]);
    expect(et.cellAt('Sheet1', 'C2').borders).toEqual({});
  });
});

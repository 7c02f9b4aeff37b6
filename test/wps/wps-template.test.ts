// Inserting the template through the WPS host must give what the reference writer (XlsxHost, ExcelJS) gives: the
// same labels, names, merges, formats, conditional-format formulas and validation, in a bounded number of ET calls.
import {
  HIGHLIGHT,
  SUPPLEMENT_SHEET_NAME,
  columnLetters,
  parseRange,
  planHighlights,
  planSupplement,
  planTemplate,
  type CellFormat,
  type SheetEdit,
} from '../../src/report';
import { WpsHost } from '../../src/hosts/wps/wps-host';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { EtDouble } from '../doubles/wps-et';

const SHEET = '年报';
const plan = planTemplate({ sheet: SHEET });
const of = <K extends SheetEdit['op']>(op: K) => plan.filter((e): e is Extract<SheetEdit, { op: K }> => e.op === op);

// Independent of the host's own table: the ET enumerations as documented (shared/notes/wps-addin.md).
const H_ALIGN = { left: -4131, center: -4108, right: -4152 } as const;
const V_ALIGN = { top: -4160, middle: -4108, bottom: -4107 } as const;
const toBgr = (hex: string) => {
  const n = parseInt(hex, 16);
  return (n >> 16) + ((n >> 8) & 0xff) * 256 + (n & 0xff) * 65536;
};

function cellsIn(range: string): { row: number; col: number; key: string }[] {
  const r = parseRange(range)!;
  const out = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push({ row, col, key: `${row}:${col}` });
  return out;
}

let et: EtDouble;
let insertCalls: number;
let xlsx: XlsxHost;
let wps: WpsHost;

beforeAll(async () => {
  et = new EtDouble();
  wps = new WpsHost(et.application() as never, { events: { channel: null } });
  et.resetCalls();
  await wps.applyEdits(plan);
  insertCalls = et.calls.total;
  xlsx = new XlsxHost();
  await xlsx.applyEdits(plan);
});

describe('the template written through ET', () => {
  it('holds every label the reference writer holds, and nothing else', () => {
    const ws = xlsx.workbook.getWorksheet(SHEET)!;
    const expected = new Map<string, unknown>();
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        expected.set(cell.address, cell.value);
      }),
    );
    const actual = new Map<string, unknown>();
    for (const [key, cell] of et.sheet(SHEET).cells)
      if (cell.value !== undefined || cell.formula !== undefined) {
        const [row, col] = key.split(':').map(Number);
        actual.set(ws.getCell(row, col).address, cell.formula ?? cell.value);
      }
    expect(actual.size).toBeGreaterThan(50);
    expect(actual).toEqual(expected);
  });

  it('defines the same names, pointing at the same cells', async () => {
    const sort = (xs: readonly { name: string; ref: string | null }[]) =>
      [...xs].sort((a, b) => a.name.localeCompare(b.name));
    const fromWps = sort(await wps.listNames());
    expect(fromWps).toHaveLength(of('defineName').length);
    expect(fromWps).toEqual(sort(await xlsx.listNames()));
  });

  it('merges the same ranges', () => {
    const ws = xlsx.workbook.getWorksheet(SHEET)! as unknown as { _merges: Record<string, { range: string }> };
    const expected = Object.values(ws._merges)
      .map((m) => m.range)
      .sort();
    const actual = et
      .sheet(SHEET)
      .merges.map((a) => `${columnLetters(a.left)}${a.top}:${columnLetters(a.right)}${a.bottom}`)
      .sort();
    expect(actual).toEqual(expected);
  });

  it('formats every cell as the plan says (later formats win), with colours as BGR', () => {
    const want = new Map<string, CellFormat>();
    for (const e of of('format'))
      for (const range of e.ranges)
        for (const c of cellsIn(range)) {
          const prev = want.get(c.key) ?? {};
          want.set(c.key, { ...prev, ...e.format, font: { ...prev.font, ...e.format.font } });
        }
    expect(want.size).toBeGreaterThan(500);
    const s = et.sheet(SHEET);
    for (const [key, f] of want) {
      const [row, col] = key.split(':').map(Number);
      const cell = s.read(row, col);
      const where = `${key} ${JSON.stringify(f)}`;
      if (f.font?.name !== undefined) expect([where, cell.fontName]).toEqual([where, f.font.name]);
      if (f.font?.size !== undefined) expect([where, cell.fontSize]).toEqual([where, f.font.size]);
      if (f.font?.bold !== undefined) expect([where, cell.bold]).toEqual([where, f.font.bold]);
      if (f.font?.color !== undefined) expect([where, cell.fontColor]).toEqual([where, toBgr(f.font.color)]);
      expect([where, cell.fill]).toEqual([where, f.fill === undefined ? null : toBgr(f.fill)]);
      if (f.horizontal) expect([where, cell.hAlign]).toEqual([where, H_ALIGN[f.horizontal]]);
      if (f.vertical) expect([where, cell.vAlign]).toEqual([where, V_ALIGN[f.vertical]]);
      if (f.wrap !== undefined) expect([where, cell.wrap]).toEqual([where, f.wrap]);
      if (f.numberFormat !== undefined) expect([where, cell.numberFormat]).toEqual([where, f.numberFormat]);
      expect([where, cell.locked]).toEqual([where, f.locked ?? true]);
      if (f.border)
        for (const side of ['top', 'left', 'bottom', 'right'] as const)
          expect([where, side, cell.borders[side]]).toEqual([where, side, { lineStyle: 1, weight: 2, color: 0 }]);
    }
  });

  it('adds the conditional formats compiled from the rules, in plan order, red before amber', () => {
    const planned = of('conditionalFormat');
    const ws = xlsx.workbook.getWorksheet(SHEET)! as unknown as {
      conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[];
    };
    expect(planned.length).toBeGreaterThan(100);
    const actual = et.sheet(SHEET).cfs.map((cf) => ({
      ranges: cf.areas.map((a) => `${columnLetters(a.left)}${a.top}`),
      type: cf.type,
      formula: cf.formula1,
      fill: cf.interiorColor,
      font: cf.fontColor,
    }));
    expect(actual).toEqual(
      planned.map((e) => ({
        ranges: e.ranges,
        type: 2,
        formula: `=${e.formula}`,
        fill: toBgr(HIGHLIGHT[e.style].fill),
        font: toBgr(HIGHLIGHT[e.style].fontColor),
      })),
    );
    // The reference writer stores the very same formulas (without the '=' ExcelJS leaves out).
    expect(actual.map((a) => a.formula)).toEqual(
      ws.conditionalFormattings.map((c) => `=${c.rules[0].formulae[0].replace(/_xlfn\./g, '')}`),
    );
  });

  it('validates every input with the plan’s bounds and Chinese prompts, as a warning the user may override', () => {
    const s = et.sheet(SHEET);
    let n = 0;
    for (const e of of('validation'))
      for (const range of e.ranges)
        for (const c of cellsIn(range)) {
          n++;
          expect(s.read(c.row, c.col).validation).toEqual({
            type: e.rule.type === 'whole' ? 1 : 2,
            alertStyle: 2,
            operator: 1,
            formula1: String(e.rule.min),
            formula2: String(e.rule.max),
            inputTitle: e.rule.promptTitle,
            inputMessage: e.rule.prompt,
            errorTitle: e.rule.errorTitle,
            errorMessage: e.rule.error,
            showInput: true,
            showError: true,
            ignoreBlank: true,
          });
        }
    expect(n).toBeGreaterThan(190);
  });

  it('sets up printing and protects the sheet with the inputs left open', () => {
    const s = et.sheet(SHEET);
    const setup = of('pageSetup')[0];
    const area = parseRange(setup.printArea)!;
    expect(s.pageSetup.PrintArea).toBe(`$A$1:$${columnLetters(area.right)}$${area.bottom}`);
    expect(s.pageSetup.FitToPagesWide).toBe(1);
    expect(s.pageSetup.LeftMargin).toBeCloseTo(setup.margins.left * 72);
    expect(s.rowBreaks).toEqual(setup.rowBreaks.map((r) => r + 1));
    expect(s.protection).not.toBeNull();
    expect(s.protection!.password).toBeUndefined();
    expect(s.gridlines).toBe(false);
    expect(et.activeSheet).toBe(SHEET);
    expect(et.alerts).toEqual([]);
  });

  it('stays within a bounded number of ET calls: per rule, per name, and a few hundred for the rest', () => {
    const rules = of('conditionalFormat').length;
    const names = of('defineName').length;
    // Each rule: Range, FormatConditions, Add, Interior, Color, Font, Color. Each name: one Names.Add.
    const bound = 7 * rules + names + 600;
    console.info(`WPS insertion: ${insertCalls} ET calls (bound ${bound}; ${rules} rules, ${names} names)`);
    expect(insertCalls).toBeLessThanOrEqual(bound);
    // Values go in rectangles, never a call per cell.
    const labels = of('values')[0]
      .values.flat()
      .filter((v) => v !== null).length;
    expect(et.calls.by.get('Range.Value2=') ?? 0).toBeLessThan(labels / 2);
  });
});

describe('the 补充信息 sheet', () => {
  it('comes out with the same labels, names and rule formulas as the reference writer', async () => {
    const edits = [...plan, ...planSupplement()];
    const d = new EtDouble();
    const host = new WpsHost(d.application() as never, { events: { channel: null } });
    await host.applyEdits(edits);
    const ref = new XlsxHost();
    await ref.applyEdits(edits);
    const sort = (xs: readonly { name: string; ref: string | null }[]) =>
      [...xs].sort((a, b) => a.name.localeCompare(b.name));
    expect(sort(await host.listNames())).toEqual(sort(await ref.listNames()));
    const ws = ref.workbook.getWorksheet(SUPPLEMENT_SHEET_NAME)! as unknown as {
      conditionalFormattings: { rules: { formulae: string[] }[] }[];
    };
    expect(d.sheet(SUPPLEMENT_SHEET_NAME).cfs.map((c) => c.formula1)).toEqual(
      ws.conditionalFormattings.map((c) => `=${c.rules[0].formulae[0].replace(/_xlfn\./g, '')}`),
    );
    ref.workbook.getWorksheet(SUPPLEMENT_SHEET_NAME)!.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        expect([cell.address, d.valueAt(SUPPLEMENT_SHEET_NAME, cell.address)]).toEqual([cell.address, cell.value]);
      }),
    );
  });
});

describe('applying edits', () => {
  it('never clears a cell a values edit leaves null', async () => {
    const d = new EtDouble();
    const host = new WpsHost(d.application() as never, { events: { channel: null } });
    d.userEdit('Sheet1', 'A1:C2', [
      ['用户', 1, 2],
      [3, '保留', 4],
    ]);
    d.resetCalls();
    await host.applyEdits([
      {
        op: 'values',
        sheet: 'Sheet1',
        range: 'A1:C2',
        values: [
          [null, 'x', null],
          [null, null, 'y'],
        ],
      },
    ]);
    expect(d.sheet('Sheet1').cells.size).toBe(6);
    expect([d.valueAt('Sheet1', 'A1'), d.valueAt('Sheet1', 'B1'), d.valueAt('Sheet1', 'C1')]).toEqual(['用户', 'x', 2]);
    expect([d.valueAt('Sheet1', 'A2'), d.valueAt('Sheet1', 'B2'), d.valueAt('Sheet1', 'C2')]).toEqual([3, '保留', 'y']);
    expect(d.calls.by.get('Range.Value2=')).toBe(2);
  });

  it('replaces a rule with the same formula instead of doubling it (a repair re-plans them all)', async () => {
    const d = new EtDouble();
    const host = new WpsHost(d.application() as never, { events: { channel: null } });
    await host.applyEdits(plan);
    type Sheet = {
      Unprotect(): void;
      Protect(): void;
      Range(a: string): { FormatConditions: { Add(t: number, o: undefined, f: string): unknown } };
    };
    const app = d.application() as never as { ActiveWorkbook: { Worksheets: { Item(n: string): Sheet } } };
    const ws = app.ActiveWorkbook.Worksheets.Item(SHEET);
    ws.Unprotect();
    ws.Range('A1').FormatConditions.Add(2, undefined, '=A1>0'); // the user's own rule stays
    ws.Protect();
    const before = d.sheet(SHEET).cfs.length;
    await host.applyEdits(planHighlights(SHEET, ['report']));
    expect(d.sheet(SHEET).cfs.length).toBe(before);
    expect(d.sheet(SHEET).cfs.filter((c) => c.formula1 === '=A1>0')).toHaveLength(1);
    expect(d.sheet(SHEET).protection).not.toBeNull();
  });

  it('keeps plan order when WPS puts new conditional formats first', async () => {
    const d = new EtDouble({ newConditionFirst: true });
    await new WpsHost(d.application() as never, { events: { channel: null } }).applyEdits(plan);
    expect(d.sheet(SHEET).cfs.map((c) => c.formula1)).toEqual(of('conditionalFormat').map((e) => `=${e.formula}`));
  });

  it('works where WPS ignores unknown members instead of throwing', async () => {
    const d = new EtDouble({ strict: false, emptyValue: null });
    await new WpsHost(d.application() as never, { events: { channel: null } }).applyEdits(plan);
    expect([...d.calls.by.keys()].filter((k) => k.endsWith('?'))).toEqual([]);
    expect(d.names()).toHaveLength(of('defineName').length);
  });

  it('refuses a sheet name that exists and says so in Chinese', async () => {
    const d = new EtDouble({ sheetNames: ['年报'] });
    await expect(new WpsHost(d.application() as never).applyEdits(plan)).rejects.toThrow('工作表「年报」已存在');
  });

  it('re-protects a sheet it had to unprotect, and explains a password it cannot open', async () => {
    const d = new EtDouble();
    const app = d.application() as never as {
      ActiveWorkbook: { Worksheets: { Item(n: number): { Protect(p?: string): void } } };
    };
    app.ActiveWorkbook.Worksheets.Item(1).Protect();
    const host = new WpsHost(d.application() as never, { events: { channel: null } });
    await host.applyEdits([{ op: 'merge', sheet: 'Sheet1', ranges: ['A1:B1'] }]);
    expect(d.sheet('Sheet1').merges).toHaveLength(1);
    expect(d.sheet('Sheet1').protection).not.toBeNull();
    d.sheet('Sheet1').protection!.password = 'secret';
    await expect(host.applyEdits([{ op: 'merge', sheet: 'Sheet1', ranges: ['A3:B3'] }])).rejects.toThrow(/密码保护/);
  });

  it('says which workbook is missing when none is open', async () => {
    const d = new EtDouble();
    d.closeWorkbook();
    await expect(new WpsHost(d.application() as never).readNamedCells(['nb_agency'])).rejects.toThrow(
      /没有打开的工作簿/,
    );
  });
});

describe('last year’s block (上年数据)', () => {
  it('goes on a hidden sheet, and its highlights replace rather than double the report’s', async () => {
    const { planPrevious, PREVIOUS_SHEET_NAME } = await import('../../src/report/sheet-edits/plan-previous');
    const { PREVIOUS_CELLS } = await import('../../src/report');
    const previous = PREVIOUS_CELLS.map(() => ({ kind: 'number', value: 1 }) as const);
    const before = et.sheet(SHEET).cfs.length;
    await wps.applyEdits(planPrevious(previous, { templateSheet: SHEET, priorityBase: before, year: 2024 }));
    expect(et.sheet(PREVIOUS_SHEET_NAME).visible).toBe(0);
    // The cross-year checks are OR-ed into the rules of the cells they highlight, which they replace: the count
    // stays, and those cells' rules now read last year's names.
    expect(et.sheet(SHEET).cfs.length).toBe(before);
    expect(et.sheet(SHEET).cfs.filter((c) => /nb_prev_/.test(c.formula1)).length).toBeGreaterThan(0);
    await wps.applyEdits(planHighlights(SHEET, ['report', 'previous']));
    expect(et.sheet(SHEET).cfs.length).toBe(before);
  });
});

describe('上年数据 and the sheet the user is on (issue #10: hiding the active sheet activates another)', () => {
  it('leaves the user on their sheet with its gridlines, and turns them off only on 上年数据', async () => {
    const { planPrevious, PREVIOUS_SHEET_NAME } = await import('../../src/report/sheet-edits/plan-previous');
    const { PREVIOUS_CELLS } = await import('../../src/report');
    const d = new EtDouble();
    const app = d.application() as never as {
      ActiveWorkbook: { Worksheets: { Count: number; Item(i: number | string): { Name: string; Activate(): void } } };
      ActiveSheet: { Name: string };
    };
    const host = new WpsHost(d.application() as never, { events: { channel: null } });
    await host.applyEdits(planTemplate({ sheet: SHEET }));
    // The user's own sheet, last in the workbook and active, gridlines on.
    const sheets = app.ActiveWorkbook.Worksheets as never as {
      Add(b: unknown, a: unknown): { Name: string };
      Count: number;
      Item(i: number | string): { Name: string; Activate(): void };
    };
    sheets.Add(undefined, sheets.Item(sheets.Count)).Name = '备注';
    sheets.Item('备注').Activate();
    expect(d.sheet('备注').gridlines).toBe(true);

    const previous = PREVIOUS_CELLS.map(() => ({ kind: 'number', value: 1 }) as const);
    await host.applyEdits(planPrevious(previous, { templateSheet: SHEET, year: 2024 }));
    expect(d.sheet(PREVIOUS_SHEET_NAME).visible).toBe(0);
    expect(app.ActiveSheet.Name).toBe('备注');
    expect(d.sheet('备注').gridlines).toBe(true);
    expect(d.sheet(PREVIOUS_SHEET_NAME).gridlines).toBe(false);
  });
});

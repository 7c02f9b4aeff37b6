// The fake must hold the add-in to Office.js's contract, or tests through it prove nothing.
import { FakeExcel } from './fake-excel';

describe('fake Excel: load/sync contract', () => {
  it('a scalar throws until it is loaded and synced', async () => {
    const fake = new FakeExcel();
    await fake.excel(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      expect(() => r.values).toThrow(/not available/);
      r.load('values');
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([
        ['', ''],
        ['', ''],
      ]);
      expect(() => r.valueTypes).toThrow(/not available/);
    });
  });

  it('queued writes reach the document only at sync, and a later load sees them', async () => {
    const fake = new FakeExcel();
    await fake.excel(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('B2').values = [[42]];
      sheet.getRange('B2').format.fill.color = '#ffc7ce';
      expect(fake.value('Sheet1', 'B2')).toBe('');
      const probe = sheet.getRange('B2').load('values,valueTypes,format/fill/color');
      await ctx.sync();
      expect(fake.value('Sheet1', 'B2')).toBe(42);
      expect(probe.values).toEqual([[42]]);
      expect(probe.valueTypes).toEqual([['Double']]);
      expect(probe.format.fill.color).toBe('#FFC7CE'); // navigation children are the same proxies
      expect(fake.sheet('Sheet1').peek(2, 2)?.format.fill).toBe('#FFC7CE');
    });
  });

  it('counts sync calls and round trips; Excel.run flushes what is left', async () => {
    const fake = new FakeExcel();
    await fake.excel(async (ctx) => {
      await ctx.sync(); // nothing queued: a call, no round trip
      ctx.workbook.worksheets.add('x');
    });
    expect(fake.syncCalls).toBe(2);
    expect(fake.roundTrips).toBe(1);
    expect(fake.doc.sheetByName('x')).toBeDefined();
  });

  it('null in a 2-D write leaves the cell; a size mismatch fails the batch', async () => {
    const fake = new FakeExcel();
    await fake.userEdit('Sheet1', 'A1', 'kept');
    await fake.excel(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[null, 'new']];
    });
    expect(fake.value('Sheet1', 'A1')).toBe('kept');
    expect(fake.value('Sheet1', 'B1')).toBe('new');
    await expect(
      fake.excel(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[1]];
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('typed text turns into numbers unless the cell is text-formatted', async () => {
    const fake = new FakeExcel();
    await fake.excel(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A2').numberFormat = [['@']];
      s.getRange('A1:A2').values = [['12'], ['12']];
    });
    expect(fake.value('Sheet1', 'A1')).toBe(12);
    expect(fake.value('Sheet1', 'A2')).toBe('12');
  });

  it('getItemOrNullObject resolves isNullObject at sync', async () => {
    const fake = new FakeExcel();
    await fake.excel(async (ctx) => {
      const there = ctx.workbook.worksheets.getItemOrNullObject('Sheet1');
      const absent = ctx.workbook.worksheets.getItemOrNullObject('nope').load('name');
      expect(() => absent.isNullObject).toThrow();
      await ctx.sync();
      expect(there.isNullObject).toBe(false);
      expect(absent.isNullObject).toBe(true);
    });
    await expect(
      fake.excel(async (ctx) => {
        ctx.workbook.worksheets.getItem('nope').load('name');
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('names: add from a range, duplicate rejected, items load name and formula', async () => {
    const fake = new FakeExcel();
    await fake.excel(async (ctx) => {
      const s = ctx.workbook.worksheets.add('年报');
      ctx.workbook.names.add('nb_x', s.getRange('B7'));
      ctx.workbook.names.add('nb_y', "='a b'!$C$3");
    });
    const got = await fake.excel(async (ctx) => {
      const names = ctx.workbook.names.load('items/name,items/formula');
      await ctx.sync();
      return names.items.map((n) => [n.name, n.formula]);
    });
    expect(got).toEqual([
      ['nb_x', '=年报!$B$7'],
      ['nb_y', "='a b'!$C$3"],
    ]);
    await expect(
      fake.excel(async (ctx) => {
        ctx.workbook.names.add('NB_X', '=年报!$A$1');
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(
      fake.excel(async (ctx) => {
        ctx.workbook.names.add('B7', '=年报!$A$1');
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('APIs above the host requirement set fail at sync with ApiNotFound', async () => {
    const fake = new FakeExcel({ apiVersion: '1.7' });
    await expect(
      fake.excel(async (ctx) => {
        ctx.application.suspendScreenUpdatingUntilNextSync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      fake.excel(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.rule = {
          wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' },
        };
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('protection blocks writes to locked cells and formatting, allows unlocked inputs', async () => {
    const fake = new FakeExcel();
    await fake.excel(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('B2').format.protection.locked = false;
      s.protection.protect();
    });
    await fake.excel(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('B2').values = [[5]];
    });
    expect(fake.value('Sheet1', 'B2')).toBe(5);
    await expect(
      fake.excel(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[5]];
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(
      fake.excel(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('B2').format.fill.color = '#FFFFFF';
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(
      fake.excel(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').protection.protect();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(fake.userEdit('Sheet1', 'A1', 1)).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('merge keeps the top-left value; merged areas and borders follow A1 maths', async () => {
    const fake = new FakeExcel();
    await fake.userPaste('Sheet1', 'A1:B1', [['keep', 'lost']]);
    const areas = await fake.excel(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:B1').merge();
      s.getRange('A3:B4').format.borders.getItem('InsideHorizontal').style = 'Continuous';
      const merged = s.getRange('A1:C9').getMergedAreasOrNullObject().load('address');
      const none = s.getRange('D1:D9').getMergedAreasOrNullObject();
      await ctx.sync();
      return { merged: merged.address, none: none.isNullObject };
    });
    expect(areas).toEqual({ merged: 'Sheet1!A1:B1', none: true });
    expect(fake.value('Sheet1', 'A1')).toBe('keep');
    expect(fake.value('Sheet1', 'B1')).toBe('');
    const s = fake.sheet('Sheet1');
    expect(s.peek(3, 1)?.format.borders.EdgeBottom?.style).toBe('Continuous');
    expect(s.peek(4, 1)?.format.borders.EdgeTop?.style).toBe('Continuous');
    expect(s.peek(3, 1)?.format.borders.EdgeTop?.style ?? 'None').toBe('None');
  });

  it('conditional formats: custom rule needs "=", priorities reorder, clearAll removes', async () => {
    const fake = new FakeExcel();
    await fake.excel(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      const a = r.conditionalFormats.add('Custom');
      a.custom.rule.formula = '=A1>1';
      a.custom.format.fill.color = '#FFC7CE';
      a.priority = 0;
      const b = r.conditionalFormats.add('Custom');
      b.custom.rule.formula = '=A1>2';
      b.priority = 1;
    });
    expect(fake.sheet('Sheet1').conditionalFormats.map((c) => c.formula)).toEqual(['=A1>1', '=A1>2']);
    await expect(
      fake.excel(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').conditionalFormats.add('Custom').custom.rule.formula =
          'A1>1';
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await fake.excel(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').conditionalFormats.clearAll();
    });
    expect(fake.sheet('Sheet1').conditionalFormats).toHaveLength(0);
  });

  it('data validation checks Excel’s length limits', async () => {
    const fake = new FakeExcel();
    await expect(
      fake.excel(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.prompt = {
          showPrompt: true,
          title: 'x'.repeat(33),
          message: '',
        };
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('onChanged: user edits carry details for one cell; add-in writes say ThisLocalAddin', async () => {
    const fake = new FakeExcel();
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    await fake.excel(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e) => void seen.push(e));
    });
    await fake.userEdit('Sheet1', 'B7', '3');
    await fake.userPaste('Sheet1', 'C1:C2', [[1], [2]]);
    await fake.excel(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('D1').values = [[9]];
    });
    await fake.settle();
    expect(seen.map((e) => [e.address, e.triggerSource, e.details !== undefined])).toEqual([
      ['B7', 'Unknown', true],
      ['C1:C2', 'Unknown', false],
      ['D1', 'ThisLocalAddin', true],
    ]);
    expect(seen[0].details).toMatchObject({ valueAfter: 3, valueTypeAfter: 'Double' });
  });

  it('older hosts send no triggerSource (1.14) and no details (1.9)', async () => {
    const fake = new FakeExcel({ apiVersion: '1.8' });
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    await fake.excel(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e) => void seen.push(e));
    });
    await fake.userEdit('Sheet1', 'A1', 1);
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toHaveProperty('triggerSource');
    expect(seen[0]).not.toHaveProperty('details');
  });

  it('refuses to activate a hidden sheet, and keeps one sheet visible', async () => {
    const fake = new FakeExcel();
    await fake.excel(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('上年数据');
      ws.visibility = 'Hidden' as never;
      await ctx.sync();
      ws.activate();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(fake.activeSheetName()).toBe('Sheet1');
    await expect(
      fake.excel(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').visibility = 'Hidden' as never;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    await fake.excel(async (ctx) => {
      ctx.workbook.worksheets.getItem('上年数据').activate(); // shown again, it can be activated
      ctx.workbook.worksheets.getItem('上年数据').visibility = 'Visible' as never;
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' }); // queued order: activate first
    });
    await fake.excel(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('上年数据');
      ws.visibility = 'Visible' as never;
      ws.activate();
      await ctx.sync();
    });
    expect(fake.activeSheetName()).toBe('上年数据');
  });

  it('installs Office.context.requirements.isSetSupported', () => {
    const fake = new FakeExcel({ apiVersion: '1.9' });
    const remove = fake.install();
    try {
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
      expect(typeof Excel.run).toBe('function');
    } finally {
      remove();
    }
  });
});

// The ET double must behave like the ET object model where our host relies on it, and refuse what real ET refuses,
// so a host that passes against it has not been written against a convenient fiction.
import { EtDouble } from './index';

// The double's objects are untyped from the host's point of view, as ET is to JavaScript.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function setup(options = {}) {
  const et = new EtDouble(options);
  const app: Any = et.application();
  return { et, app, ws: app.ActiveWorkbook.Worksheets.Item(1) };
}

describe('ET surface quirks', () => {
  it('reaches collections only through Item(), 1-based, and refuses to call them', () => {
    const { app } = setup();
    const wb = app.ActiveWorkbook;
    expect(wb.Worksheets.Item(1).Name).toBe('Sheet1');
    expect(wb.Worksheets.Item('sheet1').Name).toBe('Sheet1');
    expect(() => wb.Worksheets(1)).toThrow(TypeError);
    expect(() => wb.Worksheets.Item(0)).toThrow(/no sheet/);
  });

  it('has Address() as a method with $ by default and optional relative form', () => {
    const { ws } = setup();
    expect(ws.Range('b3:c4').Address()).toBe('$B$3:$C$4');
    expect(ws.Range('B3').Address(false, false)).toBe('B3');
    expect(ws.Range('A1:B1,D4').Address()).toBe('$A$1:$B$1,$D$4');
  });

  it('throws on unknown members in strict mode and returns undefined in lenient mode, like real WPS', () => {
    expect(() => setup().ws.Range('A1').Valeu2).toThrow(/no member "Valeu2"/);
    expect(setup({ strict: false }).ws.Range('A1').Valeu2).toBeUndefined();
    expect(() => setup().app.Enum).toThrow(/no member "Enum"/);
  });

  it('refuses to set read-only members and methods', () => {
    const { ws } = setup();
    expect(() => (ws.Range('A1').Row = 3)).toThrow(/cannot be set/);
    expect(() => (ws.Range('A1').Address = 'x')).toThrow(/cannot be set/);
  });

  it('counts every member access as one call', () => {
    const { et, ws } = setup();
    const n = et.countCalls(() => {
      ws.Range('A1').Interior.Color = 255; // Range, Interior, Color=
    });
    expect(n).toBe(3);
    expect(et.calls.by.get('Interior.Color=')).toBe(1);
  });
});

describe('values', () => {
  it('reads Value2 as a scalar for one cell and a 2-D row-major array otherwise', () => {
    const { ws } = setup();
    ws.Range('A1:B2').Value2 = [
      [1, 'x'],
      [true, 2.5],
    ];
    expect(ws.Range('A1').Value2).toBe(1);
    expect(ws.Range('A1:B2').Value2).toEqual([
      [1, 'x'],
      [true, 2.5],
    ]);
    expect(ws.Range('A1:A2').Value2).toEqual([[1], [true]]);
  });

  it('reads empty cells as the configured empty value', () => {
    expect(setup().ws.Range('C3').Value2).toBeUndefined();
    expect(setup({ emptyValue: null }).ws.Range('C3:C4').Value2).toEqual([[null], [null]]);
    expect(setup({ emptyValue: '' }).ws.Range('C3').Value2).toBe('');
  });

  it('fills a range from a scalar and refuses an array of the wrong shape', () => {
    const { ws } = setup();
    ws.Range('A1:B2').Value2 = 7;
    expect(ws.Range('A1:B2').Value2).toEqual([
      [7, 7],
      [7, 7],
    ]);
    expect(() => (ws.Range('A1:B2').Value2 = [[1, 2]])).toThrow(/does not fit/);
  });

  it('turns numeric text into numbers unless the cell is formatted as text', () => {
    const { ws } = setup();
    ws.Range('A1').Value2 = '12';
    ws.Range('A2').NumberFormat = '@';
    ws.Range('A2').Value2 = '0012';
    expect(ws.Range('A1').Value2).toBe(12);
    expect(ws.Range('A2').Value2).toBe('0012');
  });

  it('stores formulas, evaluates simple ones and shows errors as text', () => {
    const { ws, app } = setup();
    ws.Range('A1:A2').Value2 = [[2], [3]];
    ws.Range('A3').Formula = '=SUM(A1:A2)+1';
    ws.Range('A4').Value2 = '=A1/0';
    expect(ws.Range('A3').Value2).toBe(6);
    expect(ws.Range('A3').Formula).toBe('=SUM(A1:A2)+1');
    expect(ws.Range('A1').Formula).toBe('2');
    expect(ws.Range('A3:A4').HasFormula).toBe(true);
    expect(ws.Range('A4').Value2).toBe('#DIV/0!');
    app.ActiveWorkbook.Names.Add('n_one', '=Sheet1!$A$1');
    ws.Range('B1').Formula = '=n_one*10';
    expect(ws.Range('B1').Value2).toBe(20);
  });
});

describe('names', () => {
  it('adds, finds, counts and re-points names; Item throws when missing', () => {
    const { app, et } = setup();
    const names = app.ActiveWorkbook.Names;
    names.Add('nb_x', '=Sheet1!$B$3');
    expect(names.Count).toBe(1);
    expect(names.Item('NB_X').RefersTo).toBe('=Sheet1!$B$3');
    expect(names.Item(1).Name).toBe('nb_x');
    expect(names.Item('nb_x').RefersToRange.Address()).toBe('$B$3');
    expect(() => names.Item('nb_missing')).toThrow(/no name/);
    names.Add('nb_x', '=Sheet1!$C$4');
    expect(names.Count).toBe(1);
    expect(et.names()).toEqual([{ name: 'nb_x', refersTo: '=Sheet1!$C$4' }]);
  });

  it('refuses names that read as cell references', () => {
    const { app } = setup();
    expect(() => app.ActiveWorkbook.Names.Add('AB12', '=Sheet1!$A$1')).toThrow(/not a valid name/);
    expect(() => app.ActiveWorkbook.Names.Add('R1C1', '=Sheet1!$A$1')).toThrow(/not a valid name/);
  });

  it('follows sheet renames and points to #REF! after a sheet is deleted', () => {
    const { app, et } = setup({ sheetNames: ['Sheet1', 'Sheet2'] });
    app.ActiveWorkbook.Names.Add('nb_y', "='Sheet2'!$A$1");
    et.userRenameSheet('Sheet2', '年报 2025');
    expect(app.ActiveWorkbook.Names.Item('nb_y').RefersTo).toBe("='年报 2025'!$A$1");
    et.userRenameSheet('年报 2025', '年报');
    expect(app.ActiveWorkbook.Names.Item('nb_y').RefersTo).toBe('=年报!$A$1');
    et.userDeleteSheet('年报');
    expect(app.ActiveWorkbook.Names.Item('nb_y').RefersTo).toBe('=#REF!$A$1');
    expect(() => app.Range('nb_y')).toThrow();
  });

  it('resolves a defined name through Application.Range and Worksheet.Range', () => {
    const { app, ws } = setup();
    app.ActiveWorkbook.Names.Add('nb_z', '=Sheet1!$D$5');
    expect(app.Range('nb_z').Address()).toBe('$D$5');
    expect(ws.Range('nb_z').Row).toBe(5);
  });
});

describe('sheets', () => {
  it('adds a sheet with a unique default name after a given sheet and activates it', () => {
    const { app, et } = setup({ sheetNames: ['Sheet1', 'Sheet2'] });
    const sheets = app.ActiveWorkbook.Worksheets;
    const added = sheets.Add(undefined, sheets.Item(sheets.Count));
    expect(added.Name).toBe('Sheet3');
    expect(et.sheetNames()).toEqual(['Sheet1', 'Sheet2', 'Sheet3']);
    expect(et.activeSheet).toBe('Sheet3');
    expect(() => (added.Name = 'sheet1')).toThrow(/already exists/);
    expect(() => (added.Name = 'a/b')).toThrow(/not a valid sheet name/);
  });
});

describe('formats', () => {
  it('stores fill as a BGR long and reports null for a mixed range', () => {
    const { ws } = setup();
    ws.Range('A1').Interior.Color = 0x0000ff; // red in BGR
    expect(ws.Range('A1').Interior.Color).toBe(255);
    expect(ws.Range('A1:A2').Interior.Color).toBeNull();
    expect(ws.Range('A2').Interior.ColorIndex).toBe(-4142);
  });

  it('applies edge and inside borders per area', () => {
    const { et, ws } = setup();
    const r = ws.Range('A1:B2,D4');
    for (const i of [7, 8, 9, 10, 11, 12]) r.Borders.Item(i).LineStyle = 1;
    expect(et.cellAt('Sheet1', 'A1').borders.right?.lineStyle).toBe(1);
    expect(et.cellAt('Sheet1', 'B2').borders.left?.lineStyle).toBe(1);
    expect(et.cellAt('Sheet1', 'D4').borders.top?.lineStyle).toBe(1);
    expect(et.cellAt('Sheet1', 'C3').borders.top).toBeUndefined();
    expect(ws.Range('B2').Borders.Item(8).LineStyle).toBe(1);
    expect(ws.Range('E5').Borders.Item(8).LineStyle).toBe(-4142);
  });

  it('merges each area, keeps only the top-left value and records the prompt WPS would show', () => {
    const { et, ws } = setup();
    ws.Range('A1:B1').Value2 = [['keep', 'lost']];
    ws.Range('A1:B1,A3:C3').Merge();
    expect(ws.Range('B1').MergeCells).toBe(true);
    expect(ws.Range('B1').MergeArea.Address()).toBe('$A$1:$B$1');
    expect(ws.Range('A1:A2').MergeCells).toBeNull();
    expect(ws.Range('B1').Value2).toBeUndefined();
    expect(et.alerts).toHaveLength(1);
  });

  it('keeps conditional formats with their formulas and priorities; new rules go last unless configured', () => {
    for (const first of [false, true]) {
      const { et, ws } = setup({ newConditionFirst: first });
      const a = ws.Range('A1').FormatConditions.Add(2, undefined, '=A1>1');
      ws.Range('A1:B1').FormatConditions.Add(2, undefined, '=B1>1');
      expect(a.Priority).toBe(first ? 2 : 1);
      a.SetLastPriority();
      expect(et.sheet('Sheet1').cfs.map((c) => c.formula1)).toEqual(['=B1>1', '=A1>1']);
      expect(ws.Range('B1').FormatConditions.Count).toBe(1);
      expect(() => ws.Range('A1').FormatConditions.Add(2, undefined, 'A1>1')).toThrow(/starting with "="/);
    }
  });

  it('refuses a second validation on a cell until the first is deleted', () => {
    const { ws } = setup();
    const v = ws.Range('A1:A3').Validation;
    v.Add(1, 2, 1, '0', '100');
    v.InputTitle = '件数';
    expect(ws.Range('A2').Validation.InputTitle).toBe('件数');
    expect(() => ws.Range('A3:A4').Validation.Add(1, 1, 1, '0', '1')).toThrow(/Delete first/);
    ws.Range('A3:A4').Validation.Delete();
    ws.Range('A3:A4').Validation.Add(1, 1, 1, '0', '1');
  });
});

describe('protection', () => {
  it('blocks writes and formats on locked cells of a protected sheet, not on unlocked ones', () => {
    const { ws, et } = setup();
    ws.Range('B2').Locked = false;
    ws.Protect(undefined, true, true);
    expect(ws.ProtectContents).toBe(true);
    expect(() => (ws.Range('A1').Value2 = 1)).toThrow(/protected/);
    expect(() => (ws.Range('A1').Interior.Color = 1)).toThrow(/protected/);
    ws.Range('B2').Value2 = 5;
    expect(et.userEdit('Sheet1', 'A1', 1)).toBe(false);
    expect(et.userEdit('Sheet1', 'B2', 6)).toBe(true);
    ws.Unprotect();
    ws.Range('A1').Value2 = 1;
  });
});

describe('comments', () => {
  it('adds, reads and clears a comment; a second AddComment throws', () => {
    const { ws } = setup();
    expect(ws.Range('A1').Comment).toBeNull();
    ws.Range('A1').AddComment('说明');
    expect(ws.Range('A1').Comment.Text()).toBe('说明');
    expect(() => ws.Range('A1').AddComment('again')).toThrow(/already has a comment/);
    expect(ws.Comments.Count).toBe(1);
    ws.Range('A1').ClearComments();
    expect(ws.Comments.Count).toBe(0);
  });
});

describe('events', () => {
  it('fires SheetChange once per user edit with the whole block as Target', () => {
    const { et, app } = setup();
    const seen: string[] = [];
    app.ApiEvent.AddApiEventListener('SheetChange', (sh: Any, target: Any) =>
      seen.push(`${sh.Name}!${target.Address()}`),
    );
    et.userEdit('Sheet1', 'B2:C3', [
      [1, 2],
      [3, 4],
    ]);
    expect(seen).toEqual(['Sheet1!$B$2:$C$3']);
  });

  it('fires for programmatic writes at once, later, or never, and honours EnableEvents', () => {
    for (const mode of ['sync', 'deferred', 'off'] as const) {
      const { et, app, ws } = setup({ programmaticEvents: mode });
      let n = 0;
      app.ApiEvent.AddApiEventListener('SheetChange', () => n++);
      ws.Range('A1').Value2 = 1;
      expect(n).toBe(mode === 'sync' ? 1 : 0);
      et.flushEvents();
      expect(n).toBe(mode === 'off' ? 0 : 1);
      app.EnableEvents = false;
      ws.Range('A1').Value2 = 2;
      et.userEdit('Sheet1', 'A2', 1);
      et.flushEvents();
      expect(n).toBe(mode === 'off' ? 0 : 1);
    }
    const { app, ws } = setup({ honorEnableEvents: false });
    let n = 0;
    app.ApiEvent.AddApiEventListener('SheetChange', () => n++);
    app.EnableEvents = false;
    ws.Range('A1').Value2 = 1;
    expect(n).toBe(1);
  });

  it('drops a page’s listeners when the page closes and resolves listeners given by name', () => {
    const et = new EtDouble();
    const pane = et.page('taskpane:1');
    let calls = 0;
    pane.window.ribbon = { OnChange: () => calls++ };
    (pane.Application as Any).ApiEvent.AddApiEventListener('SheetChange', 'ribbon.OnChange');
    et.userEdit('Sheet1', 'A1', 1);
    et.closePage('taskpane:1');
    et.userEdit('Sheet1', 'A1', 2);
    expect(calls).toBe(1);
    expect(et.listenerCount('SheetChange')).toBe(0);
  });

  it('keeps going when a listener throws and records the error', () => {
    const { et, app } = setup();
    let after = 0;
    app.ApiEvent.AddApiEventListener('SheetChange', () => {
      throw new Error('boom');
    });
    app.ApiEvent.AddApiEventListener('SheetChange', () => after++);
    et.userEdit('Sheet1', 'A1', 1);
    expect(after).toBe(1);
    expect(et.listenerErrors).toHaveLength(1);
  });

  it('rejects a value a stop-style validation forbids and keeps it after a warning-style one', () => {
    const { et, ws } = setup();
    ws.Range('A1').Validation.Add(1, 1, 1, '0', '10');
    ws.Range('A2').Validation.Add(1, 2, 1, '0', '10');
    expect(et.userEdit('Sheet1', 'A1', '2件')).toBe(false);
    expect(et.userEdit('Sheet1', 'A2', '2件')).toBe(true);
    expect(et.valueAt('Sheet1', 'A2')).toBe('2件');
  });
});

describe('selection, task panes and plugin storage', () => {
  it('selects only on the active sheet and moves the active cell inside a selection', () => {
    const { et, app } = setup({ sheetNames: ['Sheet1', 'Sheet2'] });
    const s2 = app.ActiveWorkbook.Worksheets.Item('Sheet2');
    expect(() => s2.Range('A1').Select()).toThrow(/not active/);
    s2.Activate();
    s2.Range('B2,D4:E5').Select();
    s2.Range('D4').Activate();
    expect(et.selection).toEqual({ sheet: 'Sheet2', address: 'B2,D4:E5', active: 'D4' });
  });

  it('shares PluginStorage between pages as strings and loses it on restart', () => {
    const et = new EtDouble();
    (et.application('main') as Any).PluginStorage.setItem('k', 3);
    expect((et.application('taskpane:1') as Any).PluginStorage.getItem('k')).toBe('3');
    et.restart();
    expect((et.application('main') as Any).PluginStorage.getItem('k')).toBeUndefined();
  });

  it('creates, finds and deletes a task pane; deleting it closes its page', () => {
    const et = new EtDouble();
    const app: Any = et.application();
    const tp = app.CreateTaskPane('http://x/taskpane.html', '年报助手');
    tp.DockPosition = 2;
    tp.Visible = true;
    expect(app.GetTaskPane(tp.ID).Visible).toBe(true);
    (et.application(`taskpane:${tp.ID}`) as Any).ApiEvent.AddApiEventListener('SheetChange', () => 0);
    tp.Delete();
    expect(app.GetTaskPane(tp.ID)).toBeNull();
    expect(et.listenerCount()).toBe(0);
  });
});

describe('sheets: visibility and the active sheet', () => {
  it('hiding the active sheet activates the next visible one, and ActiveWindow then acts on that sheet', () => {
    const { et, app } = setup();
    const sheets = app.ActiveWorkbook.Worksheets;
    const added = sheets.Add(undefined, sheets.Item(sheets.Count));
    added.Name = '上年数据';
    expect(app.ActiveSheet.Name).toBe('上年数据'); // Add makes the new sheet active
    added.Visible = 0;
    expect(app.ActiveSheet.Name).toBe('Sheet1');
    app.ActiveWindow.DisplayGridlines = false;
    expect(et.sheet('Sheet1').gridlines).toBe(false);
    expect(et.sheet('上年数据').gridlines).toBe(true);
  });

  it('refuses to activate a hidden sheet and to hide the last visible one', () => {
    const { app } = setup();
    const sheets = app.ActiveWorkbook.Worksheets;
    const hidden = sheets.Add(undefined, sheets.Item(1));
    hidden.Visible = 0;
    expect(() => hidden.Activate()).toThrow(/已隐藏/);
    expect(() => (sheets.Item(1).Visible = 0)).toThrow(/至少要有一张可见/);
    hidden.Visible = -1;
    hidden.Activate();
    expect(app.ActiveSheet.Name).toBe(hidden.Name);
  });

  it('deleting the active sheet activates a visible one, never a hidden one', () => {
    const { app } = setup();
    const sheets = app.ActiveWorkbook.Worksheets;
    const hidden = sheets.Add(undefined, sheets.Item(1));
    hidden.Name = 'H';
    hidden.Visible = 0;
    const last = sheets.Add(undefined, sheets.Item(sheets.Count));
    last.Name = 'Last';
    sheets.Item('Sheet1').Activate();
    sheets.Item('Sheet1').Delete();
    expect(app.ActiveSheet.Name).toBe('Last');
  });
});

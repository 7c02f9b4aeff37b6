// The edit loop inside WPS, through the ET double: the main page relays SheetChange, the task pane's host hears one
// notification per user commit, a finding's fix is written back without counting as an edit (whether or not WPS
// fires events for our writes, at once or later, and whether or not it honours EnableEvents), and a click selects.
import {
  ALL_VALUE_CELLS,
  INPUT_BY_NAME,
  INPUT_CELLS,
  SUPPLEMENT_SHEET_NAME,
  evaluateRules,
  planTemplate,
  splitSheetRef,
  type Finding,
} from '../../src/report';
import { STORAGE_KEYS } from '../../src/hosts/wps/edit-relay';
import { createRibbon } from '../../src/hosts/wps/ribbon';
import { WpsHost } from '../../src/hosts/wps/wps-host';
import { EtDouble, type EtDoubleOptions } from '../doubles/wps-et';
import { channelHub } from './channel-hub';
import { until } from '../support/until';

const NAMES = ALL_VALUE_CELLS.map((c) => c.name);
const countCell = [...INPUT_BY_NAME.values()].find((c) => c.kind === 'count')!.name;

/** Watchers and relays started by a test, stopped after it so no timer outlives the test. */
const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

function start(options: EtDoubleOptions = {}, withRelay = true) {
  const et = new EtDouble(options);
  const hub = channelHub();
  const reports: string[] = [];
  let clock = 1_000_000;
  const now = () => clock;
  const main = et.page('main');
  const ribbon = withRelay
    ? createRibbon(main.Application as never, {
        paneUrl: 'http://intra/nianbao/taskpane.html',
        report: (m) => reports.push(m),
        relay: { channel: hub.channel(), now },
      })
    : null;
  if (ribbon) ribbon.OnAction({ Id: 'nbInsertTemplate' });
  else new WpsHost(main.Application as never, { events: { now } }).applyEditsNow(planTemplate());
  et.flushEvents(); // events WPS may deliver soon after the insertion returns
  clock += 1_000; // the user types a moment after the insertion, outside its grace period
  const paneId = et.taskPanes()[0]?.id ?? 1;
  const pane = et.page(`taskpane:${paneId}`);
  const host = new WpsHost(pane.Application as never, { events: { channel: hub.channel(), now, pollMs: 10_000 } });
  let edits = 0;
  const stop = host.onUserEdit(() => edits++);
  cleanup.push(stop);
  if (ribbon) cleanup.push(() => ribbon.stop());
  const where = (name: string) => splitSheetRef(et.names().find((n) => n.name === name)!.refersTo)!;
  return {
    et,
    host,
    reports,
    ribbon,
    edits: () => edits,
    stop,
    where,
    tick: (ms: number) => (clock += ms),
    type: (name: string, value: unknown) => {
      const w = where(name);
      return et.userEdit(w.sheet, w.range, value);
    },
    findings: async (): Promise<Finding[]> => evaluateRules((await host.readNamedCells(NAMES)).values),
  };
}

const MODES: EtDoubleOptions[] = [
  { programmaticEvents: 'sync' },
  { programmaticEvents: 'deferred' },
  { programmaticEvents: 'off' },
  { programmaticEvents: 'sync', honorEnableEvents: false },
  { programmaticEvents: 'deferred', honorEnableEvents: false },
];

describe.each(MODES)('edit → finding → fix → cleared (%o)', (mode) => {
  it('hears each commit once and never takes its own writes for the user’s', async () => {
    const s = start(mode);
    s.et.flushEvents();
    expect(s.edits()).toBe(0); // inserting the template is not an edit
    expect(s.et.flags.EnableEvents).toBe(true);

    expect(s.type(countCell, '5件')).toBe(true);
    expect(s.edits()).toBe(1);
    const found = (await s.findings()).find((f) => f.cells[0] === countCell && f.fix !== undefined);
    expect(found?.fix).toBe(5);
    expect(found?.message).toContain('5件');

    await s.host.writeNamedValues(new Map([[countCell, found!.fix!]]));
    s.et.flushEvents(); // events WPS may deliver after our write returns
    expect(s.edits()).toBe(1);
    expect(s.et.flags.EnableEvents).toBe(true);
    expect((await s.findings()).filter((f) => f.cells[0] === countCell)).toEqual([]);

    s.tick(10_000);
    expect(s.type(countCell, 6)).toBe(true);
    expect(s.edits()).toBe(2);
    expect(s.et.listenerErrors).toEqual([]);
    s.stop();
  });
});

describe('the relay between the main page and the task pane', () => {
  it('sends one notification for a pasted block, with the whole block as Target', () => {
    const s = start();
    const row = INPUT_CELLS.filter((c) => c.table === 'T3').slice(0, 3);
    const first = s.where(row[0].name);
    const last = s.where(row[2].name);
    const block = `${first.range}:${last.range}`.replace(/\$/g, '');
    let targets: string[] = [];
    (
      s.et.application('spy') as never as {
        ApiEvent: { AddApiEventListener(e: string, f: (...a: never[]) => void): void };
      }
    ).ApiEvent.AddApiEventListener('SheetChange', (_sh: never, t: { Address(): string }) => targets.push(t.Address()));
    expect(s.et.userEdit(first.sheet, block, [[1, 2, 3]])).toBe(true);
    expect(s.edits()).toBe(1);
    expect(targets).toEqual([block.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')]);
    targets = [];
    s.stop();
  });

  it('registers SheetChange once, in the main page, and keeps counting while the pane is closed', () => {
    const s = start();
    expect(s.et.listenerCount('SheetChange', 'main')).toBe(1);
    expect(s.et.listenerCount('SheetChange', 'taskpane:1')).toBe(0);
    const before = Number(s.et.storage().get(STORAGE_KEYS.revision));
    s.stop();
    s.et.closePage('taskpane:1');
    s.type(countCell, 3);
    expect(Number(s.et.storage().get(STORAGE_KEYS.revision))).toBe(before + 1);
    // A reopened pane starts from the current revision and hears the next edit.
    const again = new WpsHost(s.et.application('taskpane:2') as never, { events: { channel: null, pollMs: 10_000 } });
    let n = 0;
    const stop = again.onUserEdit(() => n++);
    cleanup.push(stop);
    s.type(countCell, 4);
    expect(n).toBe(0); // no channel: it waits for its poll
    stop();
  });

  it('falls back to listening in the pane when no main page relays, and stops when the pane closes', () => {
    const s = start({}, false);
    expect(s.et.listenerCount('SheetChange', 'taskpane:1')).toBe(1);
    s.type(countCell, 2);
    expect(s.edits()).toBe(1);
    s.et.closePage('taskpane:1');
    s.type(countCell, 3);
    expect(s.edits()).toBe(1);
  });

  it('polls the revision when no message arrives', async () => {
    const et = new EtDouble();
    const main = createRibbon(et.application('main') as never, {
      paneUrl: 'x',
      report: () => undefined,
      relay: { channel: null },
    });
    const host = new WpsHost(et.application('taskpane:1') as never, { events: { channel: null, pollMs: 5 } });
    let n = 0;
    const stop = host.onUserEdit(() => n++);
    cleanup.push(stop, () => main.stop());
    et.userEdit('Sheet1', 'A1', 1);
    expect(n).toBe(0);
    await until(() => n > 0, 'the pane to poll the revision');
    expect(n).toBe(1);
    stop();
    main.stop();
  });

  it('counts an event that arrives after the grace period as the user’s (WPS delivering very late)', async () => {
    const s = start({ programmaticEvents: 'deferred', honorEnableEvents: false });
    await s.host.writeNamedValues(new Map([[countCell, 1]]));
    s.tick(5_000);
    s.et.flushEvents();
    expect(s.edits()).toBe(1); // a harmless extra refresh, never a write: no loop
  });
});

describe('ribbon and selection', () => {
  it('inserts the template once, opens the pane docked right, and re-checks on 校验', () => {
    const s = start();
    const panes = s.et.taskPanes();
    expect(panes).toHaveLength(1);
    expect(panes[0]).toMatchObject({
      visible: true,
      dock: 2,
      url: 'http://intra/nianbao/taskpane.html',
      title: '年报助手',
    });
    const sheets = s.et.sheetNames();
    s.ribbon!.OnAction({ Id: 'nbInsertTemplate' });
    s.ribbon!.OnAction({ Id: 'nbShowPane' });
    expect(s.et.sheetNames()).toEqual(sheets);
    expect(s.et.taskPanes()).toHaveLength(1);
    const before = s.edits();
    s.ribbon!.OnAction({ Id: 'nbCheck' });
    expect(s.edits()).toBe(before + 1);
    expect(s.reports).toEqual([]);
  });

  it('puts a second template beside a sheet the user already called 年报', () => {
    const et = new EtDouble({ sheetNames: ['年报'] });
    const reports: string[] = [];
    const r = createRibbon(et.application() as never, {
      paneUrl: 'x',
      report: (m) => reports.push(m),
      relay: { channel: null },
    });
    cleanup.push(() => r.stop());
    r.OnAction({ Id: 'nbInsertTemplate' });
    expect(reports).toEqual([]);
    expect(et.sheetNames()).toEqual(['年报', '年报(2)', SUPPLEMENT_SHEET_NAME]);
  });

  it('creates a workbook first when none is open', () => {
    const et = new EtDouble();
    et.closeWorkbook();
    const reports: string[] = [];
    const r = createRibbon(et.application() as never, {
      paneUrl: 'x',
      report: (m) => reports.push(m),
      relay: { channel: null },
    });
    cleanup.push(() => r.stop());
    r.OnAction({ Id: 'nbInsertTemplate' });
    expect(reports).toEqual([]);
    expect(et.names().length).toBeGreaterThan(200);
  });

  it('reports a failure in Chinese instead of throwing into WPS', () => {
    const et = new EtDouble();
    const reports: string[] = [];
    const r = createRibbon(et.application() as never, {
      paneUrl: 'x',
      report: (m) => reports.push(m),
      relay: { channel: null },
    });
    cleanup.push(() => r.stop());
    et.sheet('Sheet1').protection = {
      password: 'x',
      userInterfaceOnly: false,
      allowFormattingCells: false,
      allowFormattingColumns: false,
      allowFormattingRows: false,
      allowInsertingColumns: false,
      allowInsertingRows: false,
    };
    et.closeWorkbook();
    (et as unknown as { newWorkbook: () => void }).newWorkbook = () => {
      throw new Error('磁盘已满');
    };
    expect(r.OnAction({ Id: 'nbInsertTemplate' })).toBe(true);
    expect(reports).toEqual([expect.stringMatching(/^年报助手：插入模板没有完成。.*磁盘已满/)]);
  });

  it('selects a finding’s cells on the template sheet even when another sheet is in front', async () => {
    const s = start();
    const app = s.et.application() as never as { ActiveWorkbook: { Worksheets: { Add(): unknown } } };
    app.ActiveWorkbook.Worksheets.Add();
    expect(s.et.activeSheet).not.toBe('年报');
    s.type(countCell, '两件');
    const f = (await s.findings()).find((x) => x.cells[0] === countCell)!;
    s.et.resetCalls();
    await s.host.selectNamedCells(f.cells);
    const w = s.where(countCell);
    expect(s.et.selection).toMatchObject({ sheet: w.sheet, active: w.range.replace(/\$/g, '') });
    expect(s.et.calls.total).toBeLessThan(12);
  });
});

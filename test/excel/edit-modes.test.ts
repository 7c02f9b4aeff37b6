// The Excel host stays right when change events are not the plain "the user typed" kind (issue #10 item 6): an undo,
// a paste that arrives as one event without details, a dropdown pick that raises no event, a user's edit inside the
// echo window of our own write on hosts without triggerSource, and a co-author's change.
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { INPUT_CELLS, planTemplate, TEMPLATE_SHEET_NAME, templateAddress, type CellContent } from '../../src/report';
import { FakeExcel } from '../doubles/office-js/fake-excel';
import { until } from '../support/until';

const SHEET = TEMPLATE_SHEET_NAME;
const PLAN = { agency: '某某市某某区人民政府办公室', year: 2025 };
const T3 = INPUT_CELLS.filter((c) => c.table === 'T3' && c.rowId === 'new').slice(0, 3);
const NAMES = T3.map((c) => c.name);
const cell = (i: number) => templateAddress(T3[i]);
const number = (n: number): CellContent => ({ kind: 'number', value: n });

let restore: (() => void) | null = null;
let stop: (() => void) | null = null;
let fakeInUse: FakeExcel | null = null;
afterEach(async () => {
  stop?.();
  stop = null;
  // The handlers' removal runs through Excel.run: the fake stays installed until it has happened.
  const fake = fakeInUse;
  if (fake) await until(() => fake.doc.workbookChangedHandlers.size === 0, 'the change handlers to be removed');
  fakeInUse = null;
  restore?.();
  restore = null;
});

/** A host over a fresh template, listening, its cells read once (as the pane does on start). */
async function listening(apiVersion: string, options: { echoWindowMs?: number; recheckMs?: number } = {}) {
  const fake = new FakeExcel({ apiVersion });
  restore = fake.install();
  fakeInUse = fake;
  const host = await ExcelHost.create({ echoWindowMs: options.echoWindowMs ?? 30, recheckMs: options.recheckMs ?? 0 });
  await host.applyEdits(planTemplate(PLAN));
  await fake.settle();
  await until(() => host.quiet, 'the insertion echo window to close');
  let calls = 0;
  stop = host.onUserEdit(() => calls++);
  await host.listening;
  await host.readNamedCells(NAMES);
  return { fake, host, calls: () => calls };
}

describe.each(['1.17', '1.9'])('ExcelHost on ExcelApi %s', (apiVersion) => {
  it('an undo of the user edit calls back and the re-read shows the value before it', async () => {
    const { fake, host, calls } = await listening(apiVersion);
    await fake.userEdit(SHEET, cell(0), 7);
    expect(calls()).toBe(1);
    await fake.userUndo();
    expect(calls()).toBe(2);
    expect((await host.readNamedCells(NAMES)).values[0]).toEqual({ kind: 'blank' });
  });

  it('a paste over several inputs is one event without details; the re-read has every value', async () => {
    const { fake, host, calls } = await listening(apiVersion);
    const block = `${cell(0)}:${cell(2)}`; // three neighbouring inputs of one row
    await fake.userPaste(SHEET, block, [[1, 2, 3]]);
    expect(calls()).toBe(1);
    expect(fake.firedEvents.at(-1)!.address).toBe(`${SHEET}!${block}`);
    expect((await host.readNamedCells(NAMES)).values).toEqual([number(1), number(2), number(3)]);
  });

  it('a co-author change calls back, even inside the echo window of our own write', async () => {
    const { fake, host, calls } = await listening(apiVersion, { echoWindowMs: 200 });
    await host.writeNamedValues(new Map([[NAMES[0], 4]]));
    await fake.remoteEdit(SHEET, cell(1), [[9]]);
    expect(calls()).toBe(1);
    expect((await host.readNamedCells(NAMES)).values[1]).toEqual(number(9));
  });

  it('a dropdown pick raises no event; the periodic re-read finds it and calls back once', async () => {
    const { fake, calls } = await listening(apiVersion, { recheckMs: 20 });
    await fake.userPickFromList(SHEET, cell(0), 5);
    expect(fake.firedEvents.filter((e) => e.address.endsWith(cell(0)))).toEqual([]);
    await until(() => calls() === 1, 'the re-read to notice the pick');
    // Two more periodic re-reads (one sync each; the fake answers within microtasks, so each re-read has compared
    // and called back, or not, before the next poll): nothing changed since, so no more calls.
    const syncs = fake.syncCalls;
    await until(() => fake.syncCalls >= syncs + 2, 'two more periodic re-reads');
    expect(calls()).toBe(1);
  });
});

describe('ExcelHost below ExcelApi 1.14 (no triggerSource)', () => {
  it("a user's edit inside the echo window of our write reaches the pane once the window closes", async () => {
    const { fake, host, calls } = await listening('1.9', { echoWindowMs: 150 });
    await host.writeNamedValues(new Map([[NAMES[0], 4]]));
    await fake.userEdit(SHEET, cell(1), 6); // taken for our echo at first
    expect(calls()).toBe(0);
    await until(() => calls() === 1, 'the re-read after the echo window');
    expect((await host.readNamedCells(NAMES)).values.slice(0, 2)).toEqual([number(4), number(6)]);
  });

  it('our own write alone does not call back after its window closes', async () => {
    const { fake, host, calls } = await listening('1.9', { echoWindowMs: 30 });
    await host.writeNamedValues(new Map([[NAMES[0], 4]]));
    const syncs = fake.syncCalls; // taken before the window's timer can run
    await fake.settle();
    await until(() => host.quiet, 'the echo window to close');
    // The echo was set aside, so the window's close re-read the cells (one sync, answered within microtasks: done
    // before this line runs) and found them as our write left them.
    expect(fake.syncCalls).toBe(syncs + 1);
    expect(calls()).toBe(0);
  });
});

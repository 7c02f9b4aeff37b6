// The fake's request-size estimate (client-object.ts: ACTION_ENVELOPE_BYTES, PATH_BYTES) against Office.js's own
// serializer (real-office-js.ts: @microsoft/office-js's excel-web library with a recording executor), batch by
// batch, each queued on both by the product's own code. PATH_BYTES was derived from the first batch; the second,
// a different shape (one value write through each defined name, as writeNamedValues does), checks it.
import { queueEdits, type WorkbookBefore } from '../../../src/hosts/excel/queue-edits';
import { INPUT_CELLS, planInsertion } from '../../../src/report';
import { FakeExcel } from './fake-excel';
import { realExcelContext } from './real-office-js';

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

const EMPTY: WorkbookBefore = { sheets: new Map(), names: new Set() };
const PLAN = { agency: '某某市某某区人民政府办公室', year: 2025 };
/** The fake's bytes and actions (object paths included) are within this share of Office.js's own. */
const TOLERANCE = 0.1;

type Batch = (ctx: Excel.RequestContext) => void;

async function both(batch: Batch, prepare?: Batch) {
  const fake = new FakeExcel();
  restore = fake.install();
  if (prepare) await fake.excel(async (ctx) => prepare(ctx));
  await fake.excel(async (ctx) => {
    batch(ctx);
    await ctx.sync();
  });
  const estimated = fake.requests.at(-1)!;
  const { ctx, requests } = realExcelContext();
  batch(ctx);
  await ctx.sync();
  const real = requests.at(-1)!;
  return { estimated, real };
}

function expectClose(estimated: number, real: number): void {
  expect(Math.abs(estimated - real) / real).toBeLessThanOrEqual(TOLERANCE);
}

describe("the fake's request size against Office.js's serializer", () => {
  const { edits } = planInsertion({ sheets: ['Sheet1'], names: [] }, PLAN);
  const insert: Batch = (ctx) => queueEdits(ctx, edits, EMPTY, { supports: () => true });

  it('the template insert batch: bytes and actions within 10%', async () => {
    const { estimated, real } = await both(insert);
    console.info(
      `insert batch — Office.js: ${real.actions} actions (${real.objectPaths} object paths), ${real.bytes} bytes; ` +
        `fake: ${estimated.actions} actions and paths, ${estimated.bytes} bytes`,
    );
    expect(real.objectPaths).toBeGreaterThan(5000); // not vacuous: the whole template
    expectClose(estimated.bytes, real.bytes);
    expectClose(estimated.actions, real.actions);
  });

  it('a value write through every defined name (another shape): bytes within 10%', async () => {
    const names = INPUT_CELLS.filter((c) => c.kind !== 'text').map((c) => c.name);
    const write: Batch = (ctx) => {
      names.forEach((n, i) => (ctx.workbook.names.getItem(n).getRange().values = [[i]]));
    };
    const { estimated, real } = await both(write, insert);
    console.info(
      `name writes — Office.js: ${real.actions} actions, ${real.bytes} bytes; fake: ${estimated.bytes} bytes`,
    );
    expect(real.objectPaths).toBeGreaterThanOrEqual(names.length * 2);
    expectClose(estimated.bytes, real.bytes);
  });
});

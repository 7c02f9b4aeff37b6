// The fake serializes each request the way Office.js does (actions and object paths, with their JSON) and refuses a
// request over Excel on the web's 5 MB, before running any of it. The template insert stays well under.
import { ExcelHost } from '../../../src/hosts/excel/excel-host';
import { planInsertion } from '../../../src/report';
import { FakeExcel, REQUEST_LIMIT_BYTES } from './fake-excel';

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

describe('request size in the fake Excel', () => {
  it('refuses a request over 5 MB and leaves the workbook as it was', async () => {
    const fake = new FakeExcel({ platform: 'OfficeOnline' });
    restore = fake.install();
    const big = Array.from({ length: 2000 }, () => new Array<string>(10).fill('某'.repeat(120)));
    await expect(
      fake.excel(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:J2000').values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.requests.at(-1)!.bytes).toBeGreaterThan(REQUEST_LIMIT_BYTES);
    const read = await fake.excel(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      await ctx.sync();
      return r.values[0][0];
    });
    expect(read).toBe('');
  });

  it('counts object paths as Office.js does: a property set through a new range costs more than the set alone', async () => {
    const fake = new FakeExcel();
    restore = fake.install();
    await fake.excel(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.color = '#FF0000';
      await ctx.sync();
    });
    // worksheets, getItem, getRange, format, fill: object paths; the color set: one action.
    expect(fake.requests.at(-1)!.actions).toBeGreaterThanOrEqual(5);
  });

  it('sends the template insert in requests each under the limit', async () => {
    const fake = new FakeExcel({ platform: 'OfficeOnline' });
    restore = fake.install();
    const host = await ExcelHost.create({ echoWindowMs: 0 });
    const { edits } = planInsertion({ sheets: await host.sheetNames(), names: await host.listNames() }, {});
    const first = fake.requests.length;
    const syncs = fake.syncCalls;
    await host.applyEdits(edits);
    const insert = fake.requests.slice(first);
    const actions = insert.reduce((n, r) => n + r.actions, 0);
    const bytes = insert.reduce((n, r) => n + r.bytes, 0);
    console.info(
      `Excel insert: ${insert.length} requests, ${fake.syncCalls - syncs} syncs, ${actions} actions, ${(bytes / 1048576).toFixed(2)} MiB (largest ${(Math.max(...insert.map((r) => r.bytes)) / 1048576).toFixed(2)} MiB)`,
    );
    for (const r of insert) expect(r.bytes).toBeLessThan(REQUEST_LIMIT_BYTES / 2);
  });
});

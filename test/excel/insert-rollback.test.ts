// An insertion cannot leave half a template (issue #10 item 2): a call Excel rejects anywhere in the insert leaves
// the workbook either complete (the retry in smaller batches succeeded) or exactly as it was; never a second 年报(2).
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { planInsertion, SHEET_LAYOUT, TEMPLATE_SHEET_NAME } from '../../src/report';
import { FakeExcel } from '../doubles/office-js/fake-excel';
import { pictureFromFake } from './template-snapshot';

const PLAN = { agency: '某某市某某区人民政府办公室', year: 2025 };

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

async function insertWith(failAt: number | null) {
  const fake = new FakeExcel();
  restore?.();
  restore = fake.install();
  const host = await ExcelHost.create({ echoWindowMs: 0 });
  const { sheet, edits } = planInsertion({ sheets: await host.sheetNames(), names: await host.listNames() }, PLAN);
  const before = fake.actions;
  if (failAt !== null) fake.failNthAction(failAt);
  let error: unknown = null;
  let outcome: unknown = null;
  try {
    outcome = await host.applyEdits(edits);
  } catch (e) {
    error = e;
  }
  return { fake, host, sheet, error, outcome, actions: fake.actions - before };
}

/**
 * The sheet as a user sees it. Rules are compared per cell in priority order: the retry adds a few cells' rules at a
 * time, so rules of different cells interleave differently, which changes nothing on any cell.
 */
function picture(fake: FakeExcel): string {
  const p = pictureFromFake(fake, TEMPLATE_SHEET_NAME, SHEET_LAYOUT.rowCount, SHEET_LAYOUT.columnCount);
  const rules = [...p.conditionalFormats].sort((a, b) => (a.ranges < b.ranges ? -1 : a.ranges > b.ranges ? 1 : 0));
  return JSON.stringify({ ...p, conditionalFormats: rules });
}

describe('inserting the template into Excel', () => {
  it('is complete or unchanged when any one call fails, at every 100th action', async () => {
    const clean = await insertWith(null);
    expect(clean.error).toBeNull();
    const complete = picture(clean.fake);
    const completeSheets = clean.fake.doc.sheets.map((s) => s.name);
    const completeNames = clean.fake.doc.names.length;
    let outcomes = 0;
    for (let k = 1; k <= clean.actions; k += 100) {
      const run = await insertWith(k);
      const sheets = run.fake.doc.sheets.map((s) => s.name);
      if (run.error === null) {
        expect({ k, sheets }).toEqual({ k, sheets: completeSheets });
        expect(run.fake.doc.names.length).toBe(completeNames);
        expect(picture(run.fake) === complete).toBe(true);
        expect(run.outcome).toEqual({ skippedRules: [] });
      } else {
        expect({ k, sheets }).toEqual({ k, sheets: ['Sheet1'] });
        expect(run.fake.doc.names).toHaveLength(0);
      }
      // Whatever happened, a second insert plans 年报, not 年报(2).
      const again = planInsertion({ sheets: await run.host.sheetNames(), names: await run.host.listNames() }, PLAN);
      if (run.error !== null) expect(again.sheet).toBe(TEMPLATE_SHEET_NAME);
      outcomes++;
    }
    expect(outcomes).toBeGreaterThan(10);
  });
});

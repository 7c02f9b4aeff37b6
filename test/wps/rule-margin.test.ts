// WPS documents at most 3 conditional formats per range (FormatConditions.Add, issue #10); the plan keeps every cell
// at MAX_RULES_PER_CELL (2), so the whole insertion, 上年数据 included, goes into an ET that took only 2 per cell,
// while the ET double still refuses a 4th rule at its default of 3.
import { WpsHost } from '../../src/hosts/wps/wps-host';
import { MAX_RULES_PER_CELL, planInsertion } from '../../src/report';
import { planPrevious } from '../../src/report/sheet-edits/plan-previous';
import { EtDouble } from '../doubles/wps-et';

describe('highlight rules per cell under WPS', () => {
  it('the template and 上年数据 insert with no rule refused by an ET that takes 2 per cell', async () => {
    expect(MAX_RULES_PER_CELL).toBe(2);
    const et = new EtDouble({ maxConditionsPerRange: MAX_RULES_PER_CELL });
    const wps = new WpsHost(et.application() as never, { events: { channel: null } });
    const { edits } = planInsertion({ sheets: ['Sheet1'], names: [] }, { agency: '某局', year: 2025 });
    await expect(wps.applyEdits(edits)).resolves.toEqual({ skippedRules: [] });
    const rules = edits.filter((e) => e.op === 'conditionalFormat').length;
    await expect(wps.applyEdits(planPrevious([], { priorityBase: rules }))).resolves.toEqual({ skippedRules: [] });
  });

  it('the same insertion into an ET taking only 1 per cell refuses rules (the limit is real)', async () => {
    const et = new EtDouble({ maxConditionsPerRange: 1 });
    const wps = new WpsHost(et.application() as never, { events: { channel: null } });
    const { edits } = planInsertion({ sheets: ['Sheet1'], names: [] }, { agency: '某局', year: 2025 });
    const outcome = await wps.applyEdits(edits);
    expect(outcome.skippedRules.length).toBeGreaterThan(0);
  });

  it('the ET double still refuses a 4th rule on one cell by default', () => {
    const app = new EtDouble().application() as {
      ActiveWorkbook: {
        Worksheets: { Item(i: number): { Range(a: string): { FormatConditions: { Add(...a: unknown[]): unknown } } } };
      };
    };
    const ws = app.ActiveWorkbook.Worksheets.Item(1);
    for (let i = 1; i <= 3; i++) ws.Range('A1').FormatConditions.Add(2, undefined, `=A1>${i}`);
    expect(() => ws.Range('A1').FormatConditions.Add(2, undefined, '=A1>4')).toThrow(/at most 3/);
  });
});

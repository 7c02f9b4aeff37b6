// WPS, through the ET double that enforces what WPS documents (at most 3 conditional formats per range, StopIfTrue
// on for rules added from code): an insertion is complete or leaves the workbook as it was when any ET call fails,
// and the double refuses the old per-check plan (4 rules on a cell) that the per-cell plan replaced.
import { applyEditsToEt, insertIntoEt } from '../../src/hosts/wps/apply-edits-et';
import { WpsHost } from '../../src/hosts/wps/wps-host';
import {
  RULES,
  checkFormula,
  columnLetters,
  planInsertion,
  planTemplate,
  SHEET_LAYOUT,
  templateAddress,
  INPUT_CELLS,
  TEMPLATE_SHEET_NAME,
  type SheetEdit,
} from '../../src/report';
import { EtDouble } from '../doubles/wps-et';

const PLAN = { agency: '某某市某某区人民政府办公室', year: 2025 };
const addressOf = new Map(INPUT_CELLS.map((c) => [c.name, templateAddress(c)]));

/** What a user sees: sheets, names, every value of the template's grid, and each cell's rules in priority order. */
function picture(et: EtDouble): string {
  const sheets = et.sheetNames();
  const values: unknown[] = [];
  const rules: string[] = [];
  for (const s of sheets.filter((n) => n !== 'Sheet1')) {
    for (let r = 1; r <= SHEET_LAYOUT.rowCount; r++)
      for (let c = 1; c <= SHEET_LAYOUT.columnCount; c++) values.push(et.valueAt(s, `${columnLetters(c)}${r}`));
    for (const cf of et.sheet(s).cfs)
      rules.push(`${s}|${JSON.stringify(cf.areas)}|${cf.formula1}|${cf.interiorColor}|${cf.stopIfTrue}`);
  }
  return JSON.stringify({ sheets, names: et.names(), values, rules: rules.sort() });
}

function insertWith(failAt: number | null) {
  const et = new EtDouble();
  const host = new WpsHost(et.application() as never, { events: { channel: null } });
  const { edits } = planInsertion({ sheets: et.sheetNames(), names: [] }, PLAN);
  et.resetCalls();
  if (failAt !== null) et.failNthCall(failAt);
  let error: unknown = null;
  let skipped: string[] = [];
  try {
    skipped = insertIntoEt(et.application() as never, edits);
  } catch (e) {
    error = e;
  }
  return { et, host, error, skipped, calls: et.calls.total };
}

describe('inserting the template into WPS', () => {
  it('is complete or unchanged when any one ET call fails, at every 100th call', () => {
    const clean = insertWith(null);
    expect(clean.error).toBeNull();
    expect(clean.skipped).toEqual([]);
    const complete = picture(clean.et);
    const untouched = picture(new EtDouble());
    let runs = 0;
    for (let k = 1; k <= clean.calls; k += 100) {
      const run = insertWith(k);
      const now = picture(run.et);
      expect({ k, ok: now === complete || (run.error !== null && now === untouched) }).toEqual({ k, ok: true });
      if (run.error === null) expect(run.skipped).toEqual([]);
      expect(run.et.sheetNames()).not.toContain(`${TEMPLATE_SHEET_NAME}(2)`);
      runs++;
    }
    expect(runs).toBeGreaterThan(10);
  });

  it('leaves the workbook as it was when a call fails on both tries, and says why', () => {
    const et = new EtDouble();
    const { edits } = planInsertion({ sheets: et.sheetNames(), names: [] }, PLAN);
    const before = picture(et);
    const app = et.application() as never;
    // The defineName of the marker fails every time: the structure cannot be built.
    const broken = edits.map((e) =>
      e.op === 'defineName' && e.name === 'nb_template' ? { ...e, name: '1bad name' } : e,
    );
    expect(() => insertIntoEt(app, broken)).toThrow();
    expect(picture(et)).toBe(before);
  });
});

describe('the ET double holds WPS to its documented limits', () => {
  /** The plan before issue #10: one rule per check, so the grand totals carried 4 (type, two sums, blank). */
  const perCheck: SheetEdit[] = RULES.filter((r) => r.scope === 'report').flatMap((rule) =>
    rule.checks
      .filter((c) => c.highlight.every((n) => addressOf.has(n)))
      .map((check, i) => ({
        op: 'conditionalFormat' as const,
        sheet: TEMPLATE_SHEET_NAME,
        ranges: check.highlight.map((n) => addressOf.get(n)!),
        formula: checkFormula(check),
        style: rule.id === 'blank' ? ('blank' as const) : rule.severity,
        priority: i + 1,
        id: `${rule.id}:${check.key}`,
      })),
  );
  const structure = planTemplate(PLAN).filter((e) => e.op !== 'conditionalFormat' && e.op !== 'protect');

  it('refuses a fourth rule on a cell: the old per-check plan loses rules, the per-cell plan none', () => {
    const old = new EtDouble();
    applyEditsToEt(old.application() as never, structure);
    const refused = applyEditsToEt(old.application() as never, perCheck);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused).toEqual(expect.arrayContaining(['blank:nb_t3_total_total']));
    const now = new EtDouble();
    expect(applyEditsToEt(now.application() as never, planTemplate(PLAN))).toEqual([]);
  });

  it('turns StopIfTrue on for rules added from code, and the plan puts each cell’s error rule first', () => {
    const et = new EtDouble();
    applyEditsToEt(et.application() as never, planTemplate(PLAN));
    const cfs = et.sheet(TEMPLATE_SHEET_NAME).cfs;
    expect(cfs.every((cf) => cf.stopIfTrue)).toBe(true);
    const byCell = new Map<string, string[]>();
    for (const cf of cfs) {
      const key = JSON.stringify(cf.areas);
      byCell.set(key, [...(byCell.get(key) ?? []), cf.formula1]);
    }
    const total = [...byCell.values()].find((f) => f.some((x) => x.includes('LEN(nb_t3_total_total)=0')))!;
    expect(total[0]).toMatch(/ISFORMULA\(nb_t3_total_total\)/);
  });

  it('can refuse long formulas: a limit under the plan’s longest formula skips those rules and names them', () => {
    const et = new EtDouble({ maxConditionFormulaLength: 1000 });
    const refused = applyEditsToEt(et.application() as never, planTemplate(PLAN));
    expect(refused).toContain('error:nb_t3_total_total');
    const roomy = new EtDouble({ maxConditionFormulaLength: 2049 });
    expect(applyEditsToEt(roomy.application() as never, planTemplate(PLAN))).toEqual([]);
  });
});

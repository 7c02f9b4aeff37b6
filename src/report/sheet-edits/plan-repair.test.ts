import fc from 'fast-check';
import { rangeA1 } from '../layout/a1';
import type { TableId } from '../layout/format-2021';
import { INPUT_BY_NAME, TEMPLATE_MARKER_NAME } from '../layout/input-cells';
import { SHEET_LAYOUT } from '../layout/sheet-layout';
import { planRepair, REPAIRABLE_NAMES, type NamePlace } from './plan-repair';
import { planHighlights } from './plan-template';

const SHEET = '年报(2)';
const tableOf = (name: string) =>
  (name === TEMPLATE_MARKER_NAME ? 'T4' : INPUT_BY_NAME.get(name)!.table) as Exclude<TableId, 'SUP'>;
const layoutPlace = (name: string) => {
  if (name === TEMPLATE_MARKER_NAME) return { row: SHEET_LAYOUT.markerRow, col: 1 };
  const c = SHEET_LAYOUT.cells.find((x) => x.input?.name === name)!;
  return { row: c.row, col: c.col };
};

/** Where every template name points after the user inserted `shift[table]` rows above that table (cumulative). */
function placesAfterInsertingRows(shift: Readonly<Record<Exclude<TableId, 'SUP'>, number>>): Map<string, NamePlace> {
  return new Map(
    REPAIRABLE_NAMES.map((name) => {
      const p = layoutPlace(name);
      return [name, { sheet: SHEET, row: p.row + shift[tableOf(name)], col: p.col }];
    }),
  );
}

function without(places: Map<string, NamePlace>, names: readonly string[]): Map<string, NamePlace> {
  const copy = new Map(places);
  for (const n of names) copy.delete(n);
  return copy;
}

describe('planRepair', () => {
  it('recreates nothing and re-adds the template highlights when every name is intact', () => {
    const plan = planRepair(placesAfterInsertingRows({ META: 0, T2: 0, T3: 0, T4: 0 }));
    expect(plan.sheet).toBe(SHEET);
    expect(plan.recreated).toEqual([]);
    expect(plan.unlocated).toEqual([]);
    expect(plan.edits).toEqual(planHighlights(SHEET, ['report']));
  });

  it('places deleted names below rows the user inserted above and between the tables', () => {
    const shift = { META: 2, T2: 2, T3: 5, T4: 9 };
    const intact = placesAfterInsertingRows(shift);
    const lost = ['nb_year', 'nb_t2_rule_made', 'nb_t3_new_person', 'nb_t3_total_total', 'nb_t4_review_total'];
    const plan = planRepair(without(intact, [...lost, TEMPLATE_MARKER_NAME]));
    const expected = [...lost, TEMPLATE_MARKER_NAME].map((name) => {
      const p = intact.get(name)!;
      return { name, sheet: SHEET, range: rangeA1(p.row, p.col) };
    });
    expect([...plan.recreated].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      expected.sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(plan.unlocated).toEqual([]);
  });

  it('writes no value, format or merge: only names and conditional formats', () => {
    const plan = planRepair(without(placesAfterInsertingRows({ META: 0, T2: 1, T3: 1, T4: 1 }), ['nb_agency']));
    expect(new Set(plan.edits.map((e) => e.op))).toEqual(new Set(['defineName', 'conditionalFormat']));
    expect(plan.edits.filter((e) => e.op === 'defineName')).toEqual([
      { op: 'defineName', name: 'nb_agency', sheet: SHEET, range: rangeA1(2, 4) },
    ]);
  });

  it('puts each highlight at the cell its name now points to', () => {
    const shift = { META: 0, T2: 0, T3: 4, T4: 4 };
    const intact = placesAfterInsertingRows(shift);
    const plan = planRepair(without(intact, ['nb_t3_total_person']));
    const highlights = plan.edits.filter((e) => e.op === 'conditionalFormat');
    const templateIds = planHighlights(SHEET, ['report']).map((e) => (e.op === 'conditionalFormat' ? e.id : ''));
    expect(highlights.map((e) => e.id)).toEqual(templateIds);
    const t3Person = highlights.find((e) => e.id === 'error:nb_t3_total_person')!;
    const p = intact.get('nb_t3_total_person')!;
    expect(t3Person.ranges).toEqual([rangeA1(p.row, p.col)]);
  });

  it('falls back to the nearest other table when a whole table lost its names', () => {
    const intact = placesAfterInsertingRows({ META: 3, T2: 3, T3: 3, T4: 3 });
    const t4 = REPAIRABLE_NAMES.filter((n) => tableOf(n) === 'T4');
    const plan = planRepair(without(intact, t4));
    expect(plan.recreated.map((r) => r.name).sort()).toEqual([...t4].sort());
    for (const r of plan.recreated) {
      const p = intact.get(r.name)!;
      expect(r.range).toBe(rangeA1(p.row, p.col));
    }
  });

  it('gives up rather than guess when no name of the template survives', () => {
    const plan = planRepair(new Map([['Print_Area', { sheet: SHEET, row: 1, col: 1 }]]));
    expect(plan.sheet).toBeNull();
    expect(plan.edits).toEqual([]);
    expect(plan.unlocated).toEqual(REPAIRABLE_NAMES);
  });

  it('locates from the sheet that holds most of the names, ignoring a stray name elsewhere', () => {
    const intact = placesAfterInsertingRows({ META: 0, T2: 0, T3: 0, T4: 0 });
    const damaged = without(intact, ['nb_t3_new_person', 'nb_t3_new_business']);
    damaged.set('nb_t3_new_total', { sheet: 'Sheet1', row: 40, col: 40 });
    const plan = planRepair(damaged);
    expect(plan.sheet).toBe(SHEET);
    const person = plan.recreated.find((r) => r.name === 'nb_t3_new_person')!;
    const p = intact.get('nb_t3_new_person')!;
    expect(person).toEqual({ name: 'nb_t3_new_person', sheet: SHEET, range: rangeA1(p.row, p.col) });
  });

  it('does not point a recreated name at a cell another name of ours already holds', () => {
    const intact = placesAfterInsertingRows({ META: 0, T2: 0, T3: 0, T4: 0 });
    const damaged = without(intact, ['nb_t3_new_person']);
    // The user cut row 二 and pasted it over row 一, so 二's names now sit where 一's cells were.
    for (const n of REPAIRABLE_NAMES.filter((x) => x.startsWith('nb_t3_carry_')))
      damaged.set(n, { ...intact.get(n)!, row: intact.get(n)!.row - 1 });
    const plan = planRepair(damaged);
    expect(plan.unlocated).toEqual(['nb_t3_new_person']);
    expect(plan.recreated).toEqual([]);
  });

  it('recovers every deleted name wherever rows were inserted, as long as one name per table survives', () => {
    const tables: TableId[] = ['META', 'T2', 'T3', 'T4'];
    const byTable = new Map(tables.map((t) => [t, REPAIRABLE_NAMES.filter((n) => tableOf(n) === t)]));
    fc.assert(
      fc.property(
        fc.array(fc.nat(20), { minLength: 4, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: REPAIRABLE_NAMES.length, maxLength: REPAIRABLE_NAMES.length }),
        fc.array(fc.nat(100), { minLength: 4, maxLength: 4 }),
        (inserted, deleteMask, keepPick) => {
          let acc = 0;
          const shift = Object.fromEntries(tables.map((t, i) => [t, (acc += inserted[i])])) as Record<TableId, number>;
          const intact = placesAfterInsertingRows(shift);
          const keep = new Set(tables.map((t, i) => byTable.get(t)![keepPick[i] % byTable.get(t)!.length]));
          const lost = REPAIRABLE_NAMES.filter((n, i) => deleteMask[i] && !keep.has(n));
          const plan = planRepair(without(intact, lost));
          expect(plan.unlocated).toEqual([]);
          expect(plan.recreated.map((r) => r.name).sort()).toEqual([...lost].sort());
          for (const r of plan.recreated) {
            const p = intact.get(r.name)!;
            expect(r.range).toBe(rangeA1(p.row, p.col));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

// The page starts its workbook with the saved work already in the cells (issue #15: one first paint and one first
// calculation with it): putNamedValues writes each value by the plan's defined names into the snapshot, as the open
// workbook's write would. Addresses are docs/names.md's (nb_agency D2, nb_t2_rule_made G7, nb_t3_new_total O24);
// the cell types are Univer's CellValueType (core, 0.25.1: 1 STRING, 2 NUMBER, 4 FORCE_STRING).
import { planSnapshot, putNamedValues } from '../../src/hosts/web/workbook-snapshot';
import { reportPlan } from '../../src/hosts/web/report-plan';
import { parseA1 } from '../../src/report';
import type { ICellData } from '@univerjs/presets';
import type { WritableValue } from '../../src/hosts/workbook-values';

let ids = 0;
const newId = () => `t${++ids}`;

function snapshotWith(values: Map<string, WritableValue>) {
  const snapshot = planSnapshot(reportPlan(), () => false, newId);
  const written = putNamedValues(snapshot, values);
  const report = snapshot.sheets.find((s) => s.name === '年报')!;
  const cells = report.cellData as Record<number, Record<number, ICellData>>;
  /** The cell at an A1 address (Univer's rows and columns count from 0). */
  const at = (a1: string): ICellData => {
    const { row, col } = parseA1(a1)!;
    return cells[row - 1]?.[col - 1] ?? {};
  };
  return { written, at };
}

describe('restored work written into the snapshot of the starting workbook', () => {
  it('puts text as text, a number as a number and a formula as a formula, keeping each cell\u2019s style', () => {
    const plain = snapshotWith(new Map());
    const { written, at } = snapshotWith(
      new Map<string, WritableValue>([
        ['nb_agency', '=HYPERLINK("http://x")'],
        ['nb_t2_rule_made', 7],
        ['nb_t3_new_total', { formula: '=1+1' }],
      ]),
    );
    expect([...written].sort()).toEqual(['nb_agency', 'nb_t2_rule_made', 'nb_t3_new_total']);
    // Text that starts with "=" stays text (forced), never a formula.
    expect(at('D2')).toMatchObject({ v: '=HYPERLINK("http://x")', t: 4 });
    expect(at('D2').f).toBeUndefined();
    expect(at('G7')).toMatchObject({ v: 7, t: 2 });
    // The user's formula, for the engine to compute: no stale value beside it.
    expect(at('O24')).toMatchObject({ f: '=1+1' });
    expect(at('O24').v).toBeUndefined();
    // The template's style of each cell is kept (borders, number format, fill).
    for (const a1 of ['D2', 'G7', 'O24']) {
      expect(plain.at(a1).s).toBeDefined();
      expect(at(a1).s).toEqual(plain.at(a1).s);
    }
  });

  it('clears a value restored as blank and leaves the template\u2019s own cells alone', () => {
    const plain = snapshotWith(new Map());
    const { at, written } = snapshotWith(new Map([['nb_t2_rule_made', null]]));
    expect(written.has('nb_t2_rule_made')).toBe(true);
    expect(at('G7').v).toBeUndefined();
    expect(at('G7').t).toBeUndefined();
    // A label beside it is as the template wrote it.
    expect(at('A7')).toEqual(plain.at('A7'));
  });

  it('leaves to the caller the names the snapshot does not define (last year\u2019s, on a sheet it does not add)', () => {
    const { written } = snapshotWith(new Map([['nb_prev_t2_rule_inforce', 3]]));
    expect(written.size).toBe(0);
  });
});

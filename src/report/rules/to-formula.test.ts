// The compiled formulas as a spreadsheet reads them: each relation's formula over cells A1:C1 is run by a real
// formula engine (HyperFormula, test-only) on hand-picked values, and must be TRUE exactly where the relation is
// broken (rule.ts: a compare is asserted only once its cells hold numbers; with blankIsZero, once the required
// cells do and the others are numbers or blank). The expected verdicts are worked out by hand from those words.
import { HyperFormula } from 'hyperformula';
import { combineFormulas, relationFormula } from './to-formula';
import type { Relation } from './rule';

type Value = number | string | null;

/** The formula's value with A1, B1, C1 holding `values` (null: an empty cell; a string: text). */
function verdict(formula: string, values: readonly Value[]): unknown {
  const hf = HyperFormula.buildFromArray([[...values, `=${formula}`]], { licenseKey: 'gpl-v3' });
  try {
    return hf.getCellValue({ sheet: 0, row: 0, col: values.length });
  } finally {
    hf.destroy();
  }
}

const plus = (name: string) => ({ name, sign: 1 as const });
const minus = (name: string) => ({ name, sign: -1 as const });

describe('relationFormula, run by a formula engine', () => {
  it('ge with a subtracted term: broken only when the left is below right − subtracted (T2.inforce’s shape)', () => {
    // 现行有效 A1 ≥ 制发 B1 − 废止 C1.
    const f = relationFormula({ kind: 'compare', left: [plus('A1')], op: 'ge', right: [plus('B1'), minus('C1')] });
    expect(verdict(f, [1, 3, 1])).toBe(true);
    expect(verdict(f, [2, 3, 1])).toBe(false);
    expect(verdict(f, [9, 3, 1])).toBe(false);
    // Not asserted until every cell is a number.
    expect(verdict(f, [null, 3, 1])).toBe(false);
    expect(verdict(f, [1, 3, '1件'])).toBe(false);
  });

  it('eq over a breakdown where blank is 0, asserted once the required cells are numbers (S.sum’s shape)', () => {
    const r: Relation = {
      kind: 'compare',
      left: [plus('A1')],
      op: 'eq',
      right: [plus('B1'), plus('C1')],
      required: ['A1', 'B1'],
      blankIsZero: true,
    };
    const f = relationFormula(r);
    expect(verdict(f, [5, null, null])).toBe(false); // the breakdown not started: a total alone is complete
    expect(verdict(f, [5, 3, null])).toBe(true); // 5 ≠ 3 + 0
    expect(verdict(f, [5, 3, 2])).toBe(false);
    expect(verdict(f, [null, 3, 2])).toBe(false); // no total: nothing to compare
    expect(verdict(f, [5, 3, '2件'])).toBe(false); // a text part: the type rule speaks, not the sum
  });

  it('refuses a type test for a text cell and an empty combination, saying why', () => {
    expect(() => relationFormula({ kind: 'cellType', name: 'A1', expect: 'text' })).toThrow(
      'no type test for text cells',
    );
    expect(() => combineFormulas([])).toThrow('nothing to combine');
    expect(combineFormulas(['A1>0'])).toBe('A1>0');
    expect(verdict(combineFormulas(['A1>0', 'B1>0']), [0, 1])).toBe(true);
  });
});

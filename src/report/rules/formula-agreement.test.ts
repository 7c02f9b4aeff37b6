// The two interpreters of the rules must agree (style-anchors §3): on random reports, the compiled formulas, run
// by a real formula engine (HyperFormula, test-only), are TRUE exactly for the checks the evaluator reports.
// Inputs include text, "2件", full-width digits, empty strings, booleans, error values and formulas, not only numbers.
// The same holds for the per-cell rules the template plans (a cell's checks of one style OR-combined): each is TRUE
// exactly where the evaluator reports a finding of that style highlighting that cell.
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { ALL_VALUE_CELLS, INPUT_CELLS, input, type InputCell } from '../layout/input-cells';
import { T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS } from '../layout/format-2021';
import type { CellContent } from '../model/cell-content';
import { evaluateRules } from './evaluate-rules';
import { planCellHighlights } from '../sheet-edits/plan-highlights';
import type { HighlightKind, SheetEdit } from '../sheet-edits/sheet-edit';
import { CHECKS, RULES } from './rule-catalog';
import type { Finding } from './finding';
import { checkFormula } from './to-formula';

const IN = 'In';
const refOf = new Map(ALL_VALUE_CELLS.map((c, i) => [c.name, `${IN}!$A$${i + 1}`]));
/** A defined name is a reference to its cell; HyperFormula's named expressions act as values, so inline the reference. */
const inline = (formula: string) => '=' + formula.replace(/\bnb_[a-z0-9_]+\b/g, (n) => refOf.get(n) ?? n);

/** The per-cell rules, planned with each name as its own "address" so the id tells the cell. */
const CELL_RULES = planCellHighlights('In', RULES, new Map(ALL_VALUE_CELLS.map((c) => [c.name, c.name]))).filter(
  (e): e is Extract<SheetEdit, { op: 'conditionalFormat' }> => e.op === 'conditionalFormat',
);

const hf = HyperFormula.buildFromSheets(
  {
    [IN]: ALL_VALUE_CELLS.map(() => [null]),
    Out: CHECKS.map((c) => [inline(checkFormula(c))]),
    Cells: CELL_RULES.map((e) => [inline(e.formula)]),
  },
  { licenseKey: 'gpl-v3' },
);
const inSheet = hf.getSheetId(IN)!;
const outSheet = hf.getSheetId('Out')!;
const cellsSheet = hf.getSheetId('Cells')!;

function toEngine(c: CellContent): string | number | null {
  if (c.formula !== undefined) return `=${c.formula}`;
  switch (c.kind) {
    case 'blank':
      return null;
    case 'number':
      return c.value;
    case 'text':
      return `'${c.text}`;
    case 'bool':
      return c.value ? '=1=1' : '=1=2';
    case 'error':
      return '=NA()';
    case 'date':
      throw new Error('dates are numbers to a spreadsheet; not generated');
  }
}

function brokenByFormulas(values: readonly CellContent[]): Set<string> {
  hf.setSheetContent(
    inSheet,
    ALL_VALUE_CELLS.map((_, i) => [toEngine(values[i] ?? { kind: 'blank' })]),
  );
  const broken = new Set<string>();
  const out = hf.getSheetValues(outSheet);
  CHECKS.forEach((c, j) => {
    const v = out[j][0];
    if (typeof v !== 'boolean')
      throw new Error(`formula of ${c.rule}:${c.key} gave ${JSON.stringify(v)}, not a boolean`);
    if (v) broken.add(`${c.rule}:${c.key}`);
  });
  return broken;
}

/** The per-cell rules TRUE after brokenByFormulas set the values, as style:cell. */
function paintedByCellRules(): Set<string> {
  const out = hf.getSheetValues(cellsSheet);
  const painted = new Set<string>();
  CELL_RULES.forEach((e, j) => {
    const v = out[j][0];
    if (typeof v !== 'boolean') throw new Error(`rule ${e.id} gave ${JSON.stringify(v)}, not a boolean`);
    if (v) painted.add(e.id);
  });
  return painted;
}

/** Where the evaluator's findings say each style belongs: the highlighted (first) cell of each finding. */
function paintedByFindings(findings: readonly Finding[]): Set<string> {
  const style = (f: Finding): HighlightKind => (f.rule === 'blank' ? 'blank' : f.severity);
  return new Set(findings.filter((f) => CHECK_KEYS.has(`${f.rule}:${f.key}`)).map((f) => `${style(f)}:${f.cells[0]}`));
}
const CHECK_KEYS = new Set(CHECKS.map((c) => `${c.rule}:${c.key}`));

const smallInt = fc.integer({ min: 0, max: 6 }).map((value): CellContent => ({ kind: 'number', value }));
const oddCell: fc.Arbitrary<CellContent> = fc.oneof(
  fc.constant<CellContent>({ kind: 'blank' }),
  fc.integer({ min: -5, max: -1 }).map((value): CellContent => ({ kind: 'number', value })),
  fc.integer({ min: 0, max: 40 }).map((n): CellContent => ({ kind: 'number', value: n / 2 })),
  fc
    .constantFrom('2', '２', '2件', ' 3 ', '1,000', '二', '', 'abc')
    .map((text): CellContent => ({ kind: 'text', text })),
  fc.boolean().map((value): CellContent => ({ kind: 'bool', value })),
  fc.constant<CellContent>({ kind: 'error', code: '#N/A' }),
  fc.constant<CellContent>({ kind: 'number', value: 1e20 }),
  // A formula typed into an input: an error of its cell whatever it gives (checkContent's 'formula').
  fc.integer({ min: 0, max: 6 }).map((value): CellContent => ({ kind: 'number', value, formula: `${value}+0` })),
  fc.constant<CellContent>({ kind: 'text', text: '', formula: '""' }),
);
const anyCell = fc.oneof({ weight: 8, arbitrary: smallInt }, { weight: 2, arbitrary: oddCell });
const amountCell = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((n): CellContent => ({ kind: 'number', value: n / 10 ** (n % 7) })),
  oddCell,
);
const yearCell = fc.oneof(
  fc.integer({ min: 2015, max: 2105 }).map((value): CellContent => ({ kind: 'number', value })),
  oddCell,
);

const cellArb = (c: InputCell): fc.Arbitrary<CellContent> =>
  c.kind === 'amount'
    ? amountCell
    : c.kind === 'year'
      ? yearCell
      : c.kind === 'text'
        ? fc.constant({ kind: 'text', text: '某局' })
        : anyCell;

const isNum = (c: CellContent): c is { kind: 'number'; value: number } => c.kind === 'number';
/** Makes some totals agree with their parts, so both the broken and the kept branch of every rule are exercised. */
function repair(values: CellContent[], flags: boolean[]): CellContent[] {
  const v = [...values];
  const at = (t: 'T3' | 'T4', r: string, c: string) => input(t, r, c).index;
  const setSum = (target: number, parts: number[], sign: number[] = parts.map(() => 1)) => {
    if (!parts.every((p) => isNum(v[p]))) return;
    v[target] = {
      kind: 'number',
      value: parts.reduce((s, p, i) => s + sign[i] * (v[p] as { value: number }).value, 0),
    };
  };
  let k = 0;
  for (const col of T3_COLUMNS)
    if (flags[k++ % flags.length])
      setSum(
        at('T3', 'total', col.id),
        T3_ROWS.filter((r) => r.result && r.id !== 'total').map((r) => at('T3', r.id, col.id)),
      );
  for (const row of T3_ROWS)
    if (flags[k++ % flags.length])
      setSum(
        at('T3', row.id, 'total'),
        T3_COLUMNS.filter((c) => c.id !== 'total').map((c) => at('T3', row.id, c.id)),
      );
  for (const col of T3_COLUMNS)
    if (flags[k++ % flags.length])
      setSum(
        at('T3', 'next', col.id),
        ['new', 'carry', 'total'].map((r) => at('T3', r, col.id)),
        [1, 1, -1],
      );
  for (const g of T4_GROUPS)
    if (flags[k++ % flags.length])
      setSum(
        at('T4', g.id, 'total'),
        T4_COLUMNS.filter((c) => c.id !== 'total').map((c) => at('T4', g.id, c.id)),
      );
  return v;
}

const reportArb = fc
  .tuple(
    fc.tuple(...INPUT_CELLS.map(cellArb)),
    fc.array(fc.oneof(fc.constant<CellContent>({ kind: 'blank' }), smallInt), { minLength: 9, maxLength: 9 }),
    fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  )
  .map(([inputs, previous, flags]) => repair([...inputs, ...previous], flags));

describe('compiled formulas and the evaluator', () => {
  it('flag the same checks on thousands of random reports, and no formula ever yields an error', () => {
    let brokenSeen = 0;
    let keptSeen = 0;
    fc.assert(
      fc.property(reportArb, (values) => {
        const findings = evaluateRules(values);
        const expected = new Set(findings.map((f) => `${f.rule}:${f.key}`));
        const actual = brokenByFormulas(values);
        brokenSeen += actual.size;
        keptSeen += CHECKS.length - actual.size;
        expect([...actual].sort()).toEqual([...expected].sort());
        expect([...paintedByCellRules()].sort()).toEqual([...paintedByFindings(findings)].sort());
      }),
      { numRuns: 2000 },
    );
    expect(brokenSeen).toBeGreaterThan(0);
    expect(keptSeen).toBeGreaterThan(0);
  });

  it('agree on the hand-picked tricky cells', () => {
    for (const tricky of [
      { kind: 'text', text: '' },
      { kind: 'error', code: '#N/A' },
      { kind: 'bool', value: false },
      { kind: 'number', value: 3, formula: '1+2' },
    ] as CellContent[]) {
      const values: CellContent[] = ALL_VALUE_CELLS.map(() => ({ kind: 'number', value: 0 }));
      values[input('T3', 'new', 'person').index] = tricky;
      const expected = new Set(evaluateRules(values).map((f) => `${f.rule}:${f.key}`));
      expect([...brokenByFormulas(values)].sort()).toEqual([...expected].sort());
      expect([...paintedByCellRules()].sort()).toEqual([...paintedByFindings(evaluateRules(values))].sort());
    }
  });
});

// Wider rules must paint exactly what the one-cell rules painted: on random reports, every highlighted cell shows
// the same style (the first TRUE rule covering it, errors first) under the widened plan as under the per-cell plan,
// each relative formula read at the cell as a spreadsheet reads it (shifted from the rule's top-left cell), run by a
// real formula engine (HyperFormula, test-only). Hand-written cases pin the merging itself.
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { a1, columnLetters, columnNumber, parseRange } from '../layout/a1';
import { INPUT_CELLS } from '../layout/input-cells';
import { MAX_RULES_PER_CELL } from './plan-highlights';
import { highlightedCells, planHighlights, planTemplate, templateAddress } from './plan-template';
import { HIGHLIGHT_ORDER, type SheetEdit } from './sheet-edit';
import { rectanglesOf, widenRules } from './widen-rules';

type Highlight = Extract<SheetEdit, { op: 'conditionalFormat' }>;
const highlights = (edits: readonly SheetEdit[]) => edits.filter((e): e is Highlight => e.op === 'conditionalFormat');

const SHEET = '年报';
const ADDRESS = new Map(INPUT_CELLS.map((c) => [c.name, templateAddress(c)]));
const NAMES = new Map(INPUT_CELLS.map((c) => [c.name, { sheet: SHEET, range: ADDRESS.get(c.name)! }]));
const PLAN = planHighlights(SHEET, ['report']);
const PLAN_ALL = planTemplate({ sheet: SHEET });
const WIDE = highlights(widenRules(PLAN, NAMES));

/** Each cell a rule covers, "B7" style. */
function cellsOf(range: string): string[] {
  const r = parseRange(range)!;
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(a1(row, col));
  return out;
}

/** A relative A1 formula as read at `cell`: every reference moved by the cell's offset from the range's top-left. */
function readAt(formula: string, range: string, cell: string): string {
  const top = parseRange(range)!;
  const at = parseRange(cell)!;
  return formula.replace(/\b([A-Z]{1,3})(\d+)\b(?!\()/g, (_, col: string, row: string) => {
    return `In!${columnLetters(columnNumber(col) + at.left - top.left)}${Number(row) + at.top - top.top}`;
  });
}

const byName = (formula: string) => formula.replace(/\bnb_[a-z0-9_]+\b/g, (n) => `In!${ADDRESS.get(n)!}`);

/** Per cell, its rules in plan order as formulas an engine reads over sheet In. */
function rulesByCell(edits: readonly Highlight[]): Map<string, { style: string; formula: string }[]> {
  const out = new Map<string, { style: string; formula: string }[]>();
  for (const e of edits)
    for (const cell of cellsOf(e.ranges[0])) {
      const formula = byName(readAt(e.formula, e.ranges[0], cell));
      (out.get(cell) ?? out.set(cell, []).get(cell)!).push({ style: e.style, formula });
    }
  return out;
}

describe('widenRules', () => {
  it('merges the template rules into far fewer, each cell keeping its styles in their order, at most 2 per cell', () => {
    const before = rulesByCell(highlights(PLAN));
    const after = rulesByCell(WIDE);
    expect(WIDE.length).toBeLessThan(highlights(PLAN).length / 4);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [cell, rules] of after) {
      expect(rules.map((r) => r.style)).toEqual(before.get(cell)!.map((r) => r.style));
      expect(rules.length).toBeLessThanOrEqual(MAX_RULES_PER_CELL);
    }
    // Errors before warnings before blanks, in the list (the order every host gives priority by).
    const order = WIDE.map((e) => HIGHLIGHT_ORDER.indexOf(e.style));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('paints every cell as the one-cell rules do, on random reports (HyperFormula)', () => {
    const before = rulesByCell(highlights(PLAN));
    const after = rulesByCell(WIDE);
    const cells = [...before.keys()];
    const rows = Math.max(...[...ADDRESS.values()].map((x) => parseRange(x)!.bottom));
    const cols = Math.max(...[...ADDRESS.values()].map((x) => parseRange(x)!.right));
    const formulas = cells.flatMap((c) => [...before.get(c)!, ...after.get(c)!].map((r) => `=${r.formula}`));
    const hf = HyperFormula.buildFromSheets(
      {
        In: Array.from({ length: rows }, () => new Array<null>(cols).fill(null)),
        Out: formulas.map((f) => [f]),
      },
      { licenseKey: 'gpl-v3' },
    );
    const inSheet = hf.getSheetId('In')!;
    const outSheet = hf.getSheetId('Out')!;
    const value = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -3, max: 40 }),
      fc.constantFrom(1.5, "'2件", "'abc", '=NA()'),
    );
    try {
      fc.assert(
        fc.property(fc.array(value, { minLength: INPUT_CELLS.length, maxLength: INPUT_CELLS.length }), (values) => {
          hf.batch(() =>
            INPUT_CELLS.forEach((c, i) => {
              const at = parseRange(ADDRESS.get(c.name)!)!;
              hf.setCellContents({ sheet: inSheet, row: at.top - 1, col: at.left - 1 }, [[values[i]]]);
            }),
          );
          const out = hf.getSheetValues(outSheet).map((r) => r[0]);
          let i = 0;
          const shown = (rules: readonly { style: string }[]) => {
            const results = rules.map(() => out[i++]);
            return rules.find((_, k) => results[k] === true)?.style ?? null;
          };
          for (const c of cells) {
            const was = shown(before.get(c)!);
            expect([c, shown(after.get(c)!)]).toEqual([c, was]);
          }
        }),
        { numRuns: 25 },
      );
    } finally {
      hf.destroy();
    }
  });

  it('puts each number check over rectangles of its cells: the same cells, far fewer ranges', () => {
    const cells = (ranges: readonly string[]) => ranges.flatMap(cellsOf).sort();
    const before = PLAN_ALL.filter((e) => e.op === 'validation');
    const after = widenRules(PLAN_ALL, NAMES).filter((e) => e.op === 'validation');
    expect(after.map((e) => e.rule)).toEqual(before.map((e) => e.rule));
    after.forEach((e, i) => expect(cells(e.ranges)).toEqual(cells(before[i].ranges)));
    const count = (l: typeof before) => l.reduce((n, e) => n + e.ranges.length, 0);
    expect(count(after)).toBeLessThan(count(before) / 4);
    expect(rectanglesOf(['B2', 'C2', 'B3', 'C3', 'E5', 'A1:A2'])).toEqual(['A1:A2', 'B2:C3', 'E5']);
  });

  it('changes nothing on a second pass (the page widens its start-up plan, the host again what it applies)', () => {
    const once = widenRules(PLAN_ALL, NAMES);
    expect(widenRules(once, NAMES)).toEqual(once);
  });

  it('keeps the cells 上年数据 re-plans (their rules are replaced by formula) on one-cell rules over names', () => {
    const previous = highlightedCells('previous');
    const kept = WIDE.filter((e) => previous.has(e.id.slice(e.id.indexOf(':') + 1)));
    expect(kept.length).toBeGreaterThan(0);
    for (const e of kept) {
      expect(e.ranges[0]).not.toContain(':');
      expect(e.formula).toMatch(/nb_/);
    }
  });

  it('merges a block of same-shaped cells into one rule anchored at its top-left; names become references', () => {
    const rule = (cell: string, formula: string, extra: Partial<Highlight> = {}): Highlight => ({
      op: 'conditionalFormat',
      sheet: 'S',
      ranges: [cell],
      formula,
      style: 'error',
      priority: 1,
      id: `error:nb_${cell.toLowerCase()}`,
      ...extra,
    });
    const names = new Map(
      ['B2', 'C2', 'B3', 'C3', 'D2', 'D3', 'F9', 'G9'].map((c) => [`nb_${c.toLowerCase()}`, { sheet: 'S', range: c }]),
    );
    names.set('nb_other', { sheet: 'Other', range: 'A1' });
    const edits: SheetEdit[] = [
      { op: 'defineName', name: 'nb_e5', sheet: 'S', range: 'E5' },
      // B2:C3: each cell compares itself with the cell to its right.
      rule('B2', 'nb_b2>nb_c2'),
      rule('C2', 'nb_c2>nb_d2'),
      rule('B3', 'nb_b3>nb_c3'),
      rule('C3', 'nb_c3>nb_d3'),
      // Same shape, but alone: its own rule, its names written as plain references.
      rule('F9', 'nb_f9>nb_g9'),
      // A name on another sheet, a rule that replaces another, a name placed by the list's own defineName.
      rule('D2', 'nb_d2>nb_other'),
      rule('D3', 'nb_d3>1', { replaces: ['nb_d3>0'] }),
      rule('E5', 'nb_e5<0', { style: 'blank', id: 'blank:nb_e5' }),
    ];
    expect(widenRules(edits, names)).toEqual([
      edits[0],
      { ...edits[1], ranges: ['B2:C3'], formula: 'B2>C2', id: 'error:nb_b2+3' },
      { ...edits[5], formula: 'F9>G9' },
      edits[6],
      edits[7],
      { ...edits[8], formula: 'E5<0' },
    ]);
  });
});

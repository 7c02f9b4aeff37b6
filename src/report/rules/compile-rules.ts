// A format's rules compiled for the evaluator (evaluate-rules.ts): each check with the positions of its cells in the
// format's value cells. A Format (src/report/format) holds its own; RuleSet is what the evaluator needs of one.
import type { InputCell } from '../layout/input-cells';
import { relationCells, type Check, type Rule } from './rule';

/** What evaluating needs of a format: its compiled checks and its input cells (the blanks of progress). */
export interface RuleSet {
  readonly compiled: readonly Compiled[];
  readonly inputCells: readonly InputCell[];
}

export interface CompiledCompare {
  readonly kind: 'compare';
  readonly all: Int32Array;
  readonly required: Int32Array;
  readonly left: Int32Array;
  readonly leftSign: Int8Array;
  readonly right: Int32Array;
  readonly rightSign: Int8Array;
  readonly ge: boolean;
  readonly blankIsZero: boolean;
}
export interface CompiledCell {
  readonly kind: 'cellType' | 'filled';
  readonly index: number;
  readonly cell: InputCell;
}
export interface Compiled {
  readonly rule: Rule;
  readonly check: Check;
  readonly cells: readonly string[];
  readonly body: CompiledCompare | CompiledCell;
}

/** Each check of the rules in the positional form the evaluator runs, over a format's value cells. */
export function compileRules(rules: readonly Rule[], cells: ReadonlyMap<string, InputCell>): Compiled[] {
  const cellOf = (name: string): InputCell => {
    const cell = cells.get(name);
    if (!cell) throw new Error(`rule refers to unknown cell ${name}`);
    return cell;
  };
  const indexOf = (name: string) => cellOf(name).index;
  return rules.flatMap((rule) => rule.checks.map((check) => compile(rule, check, cellOf, indexOf)));
}

function compile(
  rule: Rule,
  check: Check,
  cellOf: (name: string) => InputCell,
  indexOf: (name: string) => number,
): Compiled {
  const r = check.relation;
  const involved = relationCells(r);
  const cells = [...check.highlight, ...involved.filter((n) => !check.highlight.includes(n))];
  if (r.kind !== 'compare')
    return { rule, check, cells, body: { kind: r.kind, index: indexOf(r.name), cell: cellOf(r.name) } };
  return {
    rule,
    check,
    cells,
    body: {
      kind: 'compare',
      all: Int32Array.from(involved.map(indexOf)),
      required: Int32Array.from((r.required ?? []).map(indexOf)),
      left: Int32Array.from(r.left.map((t) => indexOf(t.name))),
      leftSign: Int8Array.from(r.left.map((t) => t.sign)),
      right: Int32Array.from(r.right.map((t) => indexOf(t.name))),
      rightSign: Int8Array.from(r.right.map((t) => t.sign)),
      ge: r.op === 'ge',
      blankIsZero: r.blankIsZero === true,
    },
  };
}

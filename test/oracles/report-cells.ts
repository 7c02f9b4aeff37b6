// Turns a published report (written by the spec's Chinese labels) into the cell contents the rules read, and a
// finding back into the spec's labels: the only two places where the oracles touch the code's cell list.
import { ALL_VALUE_CELLS, BLANK, VALUE_CELL_BY_NAME, type CellContent, type Finding } from '../../src/report';
import type { PublishedReport } from './published-reports';
import { SPEC_LABELS, T2_COLUMNS, T3_COLUMNS, T4_COLUMNS, cellName } from './spec-cells';

/** A number, a text as typed, a blank (null), or another cell content (an error value, a boolean). */
export type Value = number | string | null | CellContent;

const content = (v: Value): CellContent =>
  v === null
    ? BLANK
    : typeof v === 'number'
      ? { kind: 'number', value: v }
      : typeof v === 'string'
        ? { kind: 'text', text: v }
        : v;

/** A report's figures by defined name (a string is what the user typed as text; null a blank cell). */
export function namedFigures(r: PublishedReport): Map<string, Value> {
  const out = new Map<string, Value>([
    [cellName('封面', '机关名称'), r.agency],
    [cellName('封面', '年度'), r.year],
  ]);
  const put = (names: readonly string[], values: readonly number[], what: string) => {
    if (names.length !== values.length) throw new Error(`${r.source} ${what}: ${values.length} numbers`);
    names.forEach((n, i) => out.set(n, values[i]));
  };
  for (const [row, values] of Object.entries(r.t2))
    put(
      (T2_COLUMNS[row] ?? []).map((c) => cellName('表二', row, c)),
      values,
      row,
    );
  for (const [row, values] of Object.entries(r.t3))
    put(
      T3_COLUMNS.map((c) => cellName('表三', row, c)),
      values,
      row,
    );
  for (const [group, values] of Object.entries(r.t4))
    put(
      T4_COLUMNS.map((c) => cellName('表四', group, c)),
      values,
      group,
    );
  return out;
}

/** The positional values evaluateRules takes; every name must be a cell the code knows. */
export function valuesOf(figures: ReadonlyMap<string, Value>): CellContent[] {
  const values: CellContent[] = ALL_VALUE_CELLS.map(() => BLANK);
  for (const [name, v] of figures) {
    const cell = VALUE_CELL_BY_NAME.get(name);
    if (!cell) throw new Error(`the code has no cell named ${name}`);
    values[cell.index] = content(v);
  }
  return values;
}

/** What an oracle states about a finding: the rule, the cell it marks (by the spec's labels), and its severity. */
export interface Expected {
  readonly rule: string;
  readonly cell: string;
  readonly severity: 'error' | 'warning';
  readonly left?: number;
  readonly right?: number;
  readonly problem?: string;
  readonly fix?: number;
}

export function asExpected(f: Finding): Expected {
  const cell = SPEC_LABELS.get(f.cells[0]);
  if (!cell) throw new Error(`finding ${f.rule} marks ${f.cells[0]}, a cell the spec does not name`);
  return {
    rule: f.rule,
    cell,
    severity: f.severity,
    ...(f.left !== undefined ? { left: f.left } : {}),
    ...(f.right !== undefined ? { right: f.right } : {}),
    ...(f.problem !== undefined ? { problem: f.problem } : {}),
    ...(f.fix !== undefined ? { fix: f.fix } : {}),
  };
}

export const byRuleAndCell = (a: Expected, b: Expected) => a.rule.localeCompare(b.rule) || a.cell.localeCompare(b.cell);

// Reading the sample fixtures and comparing an import with the expected figures, cell by cell.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_CELLS, T3_COLUMNS, T4_COLUMNS, T4_GROUPS, input, type CellContent } from '../../src/report';
import { FIXTURES_DIR } from '../support/fixtures-dir';
import type { ExpectedSample } from './expected-samples';

export const SAMPLES_DIR = join(FIXTURES_DIR, 'samples');
export const readSample = (file: string) => readFileSync(join(SAMPLES_DIR, file), 'utf8');

/** The expected value of every input cell, by defined name. */
export function expectedValues(e: ExpectedSample): Map<string, number | string> {
  const m = new Map<string, number | string>();
  m.set(input('META', 'agency').name, e.agency);
  m.set(input('META', 'year').name, e.year);
  const t2 = (rowId: string, cols: string[], vals: number[]) =>
    cols.forEach((c, i) => m.set(input('T2', rowId, c).name, vals[i]));
  t2('rule', ['made', 'repealed', 'inforce'], e.t2.rule);
  t2('norm', ['made', 'repealed', 'inforce'], e.t2.norm);
  t2('license', ['decisions'], [e.t2.license]);
  t2('penalty', ['decisions'], [e.t2.penalty]);
  t2('coercion', ['decisions'], [e.t2.coercion]);
  t2('fee', ['amount'], [e.t2.fee]);
  for (const [rowId, vals] of Object.entries(e.t3))
    T3_COLUMNS.forEach((c, i) => m.set(input('T3', rowId, c.id).name, vals[i]));
  T4_GROUPS.forEach((g, gi) =>
    T4_COLUMNS.forEach((c, ci) => m.set(input('T4', g.id, c.id).name, e.t4[gi * T4_COLUMNS.length + ci])),
  );
  return m;
}

/** Cells whose imported value differs from the expected one: "name: got ≠ want". */
export function differences(values: readonly CellContent[], expected: ReadonlyMap<string, number | string>): string[] {
  const out: string[] = [];
  INPUT_CELLS.forEach((c, i) => {
    const want = expected.get(c.name);
    const v = values[i];
    const got = v.kind === 'number' ? v.value : v.kind === 'text' ? v.text : null;
    if (got !== (want ?? null)) out.push(`${c.name}: ${String(got)} ≠ ${String(want)}`);
  });
  return out;
}

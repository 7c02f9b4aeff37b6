// Builders for report values in tests: a consistent report, and setters by table/row/column.
import {
  ALL_VALUE_CELLS,
  BLANK,
  PREVIOUS_PREFIX,
  VALUE_CELL_BY_NAME,
  input,
  type CellContent,
  type TableId,
} from '../../src/report';

export const num = (value: number): CellContent => ({ kind: 'number', value });
export const text = (t: string): CellContent => ({ kind: 'text', text: t });

/** Every input 0, with an agency and a year: a report that passes every rule. */
export function zeroReport(): CellContent[] {
  return ALL_VALUE_CELLS.map((c) => {
    if (c.name.startsWith(PREVIOUS_PREFIX)) return BLANK;
    if (c.kind === 'text') return text('测试市人民政府办公室');
    if (c.kind === 'year') return num(2025);
    return num(0);
  });
}

export function set(
  values: CellContent[],
  table: TableId,
  row: string,
  column: string,
  v: CellContent | number,
): CellContent[] {
  values[input(table, row, column).index] = typeof v === 'number' ? num(v) : v;
  return values;
}

export function setName(values: CellContent[], name: string, v: CellContent | number): CellContent[] {
  const cell = VALUE_CELL_BY_NAME.get(name);
  if (!cell) throw new Error(`unknown name ${name}`);
  values[cell.index] = typeof v === 'number' ? num(v) : v;
  return values;
}

export function get(values: readonly CellContent[], table: TableId, row: string, column: string): CellContent {
  return values[input(table, row, column).index];
}

/** The published figures of shared/samples/published-2021-gaoxinqu.txt (a consistent report). */
export function gaoxinqu2021(): CellContent[] {
  const v = zeroReport();
  setName(v, 'nb_agency', text('高新区管委会办公室'));
  setName(v, 'nb_year', 2021);
  set(v, 'T3', 'new', 'person', 2);
  set(v, 'T3', 'new', 'total', 2);
  set(v, 'T3', 'unable_none', 'person', 1);
  set(v, 'T3', 'unable_none', 'total', 1);
  set(v, 'T3', 'reject_repeat', 'person', 1);
  set(v, 'T3', 'reject_repeat', 'total', 1);
  set(v, 'T3', 'total', 'person', 2);
  set(v, 'T3', 'total', 'total', 2);
  return v;
}

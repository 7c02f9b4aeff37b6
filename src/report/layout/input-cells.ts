// Every input cell of the template, derived from format-2021.ts, with its defined name.
// Names are workbook-scoped, lowercase ASCII with the `nb_` prefix so that none can be read as a cell reference
// (A1 or R1C1) in any host: nb_<table>_<row>_<column>.
import { META_FIELDS, T2_BLOCKS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, type TableId } from './format-2021';
import type { InputKind } from '../model/value-checks';
import { SUPPLEMENT_NUMBER_FIELDS, supplementInputKind } from './supplement';

export type { InputKind } from '../model/value-checks';

export interface InputCell {
  /** The defined name: the cell's identity everywhere (rules, findings, reading, export). */
  readonly name: string;
  readonly table: TableId;
  readonly rowId: string;
  readonly columnId: string;
  /** The official row label as a finding or the CSV export shows it. */
  readonly rowLabel: string;
  /** The official column label as a finding or the CSV export shows it. */
  readonly columnLabel: string;
  readonly kind: InputKind;
  /** Position in INPUT_CELLS, for array-backed evaluation. */
  readonly index: number;
}

export const NAME_PREFIX = 'nb_';
/** Marks the template and carries its version: refers to the note cell under the tables. */
export const TEMPLATE_MARKER_NAME = 'nb_template';
export const TEMPLATE_VERSION = 1;

export function inputName(table: TableId, rowId: string, columnId: string): string {
  if (table === 'META') return `${NAME_PREFIX}${rowId}`;
  return `${NAME_PREFIX}${table.toLowerCase()}_${rowId}_${columnId}`;
}

function build(): InputCell[] {
  const cells: Omit<InputCell, 'index'>[] = [];
  const add = (c: Omit<InputCell, 'index' | 'name'>) =>
    cells.push({ ...c, name: inputName(c.table, c.rowId, c.columnId) });

  add({
    table: 'META',
    rowId: 'agency',
    columnId: '',
    rowLabel: META_FIELDS.agency.label,
    columnLabel: '',
    kind: 'text',
  });
  add({ table: 'META', rowId: 'year', columnId: '', rowLabel: META_FIELDS.year.label, columnLabel: '', kind: 'year' });
  for (const block of T2_BLOCKS)
    for (const row of block.rows)
      for (const col of block.columns)
        add({
          table: 'T2',
          rowId: row.id,
          columnId: col.id,
          rowLabel: row.label,
          columnLabel: col.label,
          kind: block.kind,
        });
  for (const row of T3_ROWS)
    for (const col of T3_COLUMNS)
      add({
        table: 'T3',
        rowId: row.id,
        columnId: col.id,
        rowLabel: row.group ? `${row.group}${row.label}` : row.label,
        columnLabel: col.label,
        kind: 'count',
      });
  for (const group of T4_GROUPS)
    for (const col of T4_COLUMNS)
      add({
        table: 'T4',
        rowId: group.id,
        columnId: col.id,
        rowLabel: group.parent ? `${group.parent}·${group.label}` : group.label,
        columnLabel: col.label,
        kind: 'count',
      });
  return cells.map((c, index) => ({ ...c, index }));
}

export const INPUT_CELLS: readonly InputCell[] = build();
export const INPUT_BY_NAME: ReadonlyMap<string, InputCell> = new Map(INPUT_CELLS.map((c) => [c.name, c]));

export function input(table: TableId, rowId: string, columnId = ''): InputCell {
  const cell = INPUT_BY_NAME.get(inputName(table, rowId, columnId));
  if (!cell) throw new Error(`no input cell ${table}/${rowId}/${columnId}`);
  return cell;
}

/**
 * Last year's figures the cross-year rules (X.carry, X.inforce) compare with, kept in the workbook in a block of
 * their own: 四、结转下年度继续办理 of 表三 and 现行有效件数 of 表二's 规章 and 行政规范性文件.
 */
export const PREVIOUS_PREFIX = 'nb_prev_';
export function previousName(current: string): string {
  return PREVIOUS_PREFIX + current.slice(NAME_PREFIX.length);
}
export const PREVIOUS_SOURCES: readonly InputCell[] = INPUT_CELLS.filter(
  (c) => (c.table === 'T3' && c.rowId === 'next') || (c.table === 'T2' && c.columnId === 'inforce'),
);
export const PREVIOUS_CELLS: readonly InputCell[] = PREVIOUS_SOURCES.map((c, i) => ({
  ...c,
  name: previousName(c.name),
  index: INPUT_CELLS.length + i,
}));
/** The numbers of the 补充信息 sheet (supplement.ts), read and checked (S.type, S.sum) like the tables' values. */
export const SUPPLEMENT_CELLS: readonly InputCell[] = SUPPLEMENT_NUMBER_FIELDS.map((f, i) => ({
  name: f.name,
  table: 'SUP',
  rowId: f.id,
  columnId: '',
  rowLabel: f.label,
  columnLabel: '',
  kind: supplementInputKind(f),
  index: INPUT_CELLS.length + PREVIOUS_CELLS.length + i,
}));
/** Every named value cell the rules may read: this year's inputs, last year's block, then the 补充信息 numbers. */
export const ALL_VALUE_CELLS: readonly InputCell[] = [...INPUT_CELLS, ...PREVIOUS_CELLS, ...SUPPLEMENT_CELLS];
export const VALUE_CELL_BY_NAME: ReadonlyMap<string, InputCell> = new Map(ALL_VALUE_CELLS.map((c) => [c.name, c]));

// Every named value cell of a format (buildInputCells over its FormatLayout; the 2021 one is CELLS_2021), with its name.
// Names are workbook-scoped, lowercase ASCII with the `nb_` prefix so that none can be read as a cell reference
// (A1 or R1C1) in any host: nb_<table>_<row>_<column>.
import { LAYOUT_2021, META_FIELDS, type FormatLayout, type TableId } from './format-2021';
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
  /** Position in the format's value cells (INPUT_CELLS for 2021), for array-backed evaluation. */
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

function buildInputs(layout: FormatLayout): InputCell[] {
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
  for (const block of layout.t2Blocks)
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
  for (const row of layout.t3Rows)
    for (const col of layout.t3Columns)
      add({
        table: 'T3',
        rowId: row.id,
        columnId: col.id,
        rowLabel: row.group ? `${row.group}${row.label}` : row.label,
        columnLabel: col.label,
        kind: 'count',
      });
  for (const group of layout.t4Groups)
    for (const col of layout.t4Columns)
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

/**
 * Last year's figures the cross-year rules (X.carry, X.inforce) compare with, kept in the workbook in a block of
 * their own: 四、结转下年度继续办理 of 表三 and 现行有效件数 of 表二's 规章 and 行政规范性文件.
 */
export const PREVIOUS_PREFIX = 'nb_prev_';
export function previousName(current: string): string {
  return PREVIOUS_PREFIX + current.slice(NAME_PREFIX.length);
}

/** A format's named value cells: this year's inputs, last year's block, the 补充信息 numbers, and the lookups. */
export interface FormatCells {
  readonly inputCells: readonly InputCell[];
  readonly inputByName: ReadonlyMap<string, InputCell>;
  readonly previousCells: readonly InputCell[];
  /** The input each of last year's cells mirrors, in previousCells order. */
  readonly previousSources: readonly InputCell[];
  readonly supplementCells: readonly InputCell[];
  /** Every named value cell the rules may read: this year's inputs, last year's block, then the 补充信息 numbers. */
  readonly valueCells: readonly InputCell[];
  readonly valueCellByName: ReadonlyMap<string, InputCell>;
  /** The input cell at table/row/column; throws when the format has none there. */
  input(table: TableId, rowId: string, columnId?: string): InputCell;
}

/** Every named value cell of a format, in evaluation order. */
export function buildInputCells(layout: FormatLayout): FormatCells {
  const inputCells = buildInputs(layout);
  const inputByName = new Map(inputCells.map((c) => [c.name, c]));
  // Last year's figures the cross-year rules (X.carry, X.inforce) compare with: 四、结转下年度继续办理 of 表三 and
  // 现行有效件数 of 表二 (a format without that column has no X.inforce).
  const previousCells = inputCells
    .filter((c) => (c.table === 'T3' && c.rowId === 'next') || (c.table === 'T2' && c.columnId === 'inforce'))
    .map((c, i) => ({ ...c, name: previousName(c.name), index: inputCells.length + i }));
  const supplementCells: InputCell[] = SUPPLEMENT_NUMBER_FIELDS.map((f, i) => ({
    name: f.name,
    table: 'SUP',
    rowId: f.id,
    columnId: '',
    rowLabel: f.label,
    columnLabel: '',
    kind: supplementInputKind(f),
    index: inputCells.length + previousCells.length + i,
  }));
  const valueCells = [...inputCells, ...previousCells, ...supplementCells];
  return {
    inputCells,
    inputByName,
    previousCells,
    previousSources: previousCells.map((c) => inputByName.get(NAME_PREFIX + c.name.slice(PREVIOUS_PREFIX.length))!),
    supplementCells,
    valueCells,
    valueCellByName: new Map(valueCells.map((c) => [c.name, c])),
    input(table, rowId, columnId = '') {
      const cell = inputByName.get(inputName(table, rowId, columnId));
      if (!cell) throw new Error(`no input cell ${table}/${rowId}/${columnId}`);
      return cell;
    },
  };
}

/**
 * The 2021 format's cells, for the callers not yet handed a Format (src/report/format builds the same through
 * buildFormat2021, from these very objects).
 */
export const CELLS_2021: FormatCells = buildInputCells(LAYOUT_2021);
export const INPUT_CELLS: readonly InputCell[] = CELLS_2021.inputCells;
export const INPUT_BY_NAME: ReadonlyMap<string, InputCell> = CELLS_2021.inputByName;

export function input(table: TableId, rowId: string, columnId = ''): InputCell {
  return CELLS_2021.input(table, rowId, columnId);
}

export const PREVIOUS_CELLS: readonly InputCell[] = CELLS_2021.previousCells;
/** The input each of last year's cells mirrors, in PREVIOUS_CELLS order. */
export const PREVIOUS_SOURCES: readonly InputCell[] = CELLS_2021.previousSources;
/** The numbers of the 补充信息 sheet (supplement.ts), read and checked (S.type, S.sum) like the tables' values. */
export const SUPPLEMENT_CELLS: readonly InputCell[] = CELLS_2021.supplementCells;
/** Every named value cell the rules may read: this year's inputs, last year's block, then the 补充信息 numbers. */
export const ALL_VALUE_CELLS: readonly InputCell[] = CELLS_2021.valueCells;
export const VALUE_CELL_BY_NAME: ReadonlyMap<string, InputCell> = CELLS_2021.valueCellByName;

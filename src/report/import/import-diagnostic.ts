// What the importer says about a published report it read: every value it normalised, could not place or did not
// find, in Chinese, naming the table and the row. The importer never invents a number; these say what it did instead.
import type { TableId } from '../layout/format-2021';

export type DiagnosticCode =
  /** A blank cell where a number belongs, read as 0 (no longer produced: see blankCell). */
  | 'blankAsZero'
  /** A printed blank cell where a number belongs: left empty, the row's other cells read. */
  | 'blankCell'
  /** Digits run together (行政规范性文件693665) that only one reading of the table's identities splits. */
  | 'digitsSplit'
  /** Digits run together that could be split in several ways: left empty, the candidates listed. */
  | 'digitsAmbiguous'
  /** A row without a readable label, placed by its position between two recognised rows. */
  | 'placedByPosition'
  /** A document that could not be read fully (stopped at a limit). */
  | 'truncated'
  /** "/", "-", "—" where a number belongs, read as 0. */
  | 'slashAsZero'
  /** Full-width digits, a unit ("2件") or thousands separators, read as the number. */
  | 'numberText'
  /** A label written differently from the format (社会组织, 规范性文件, a typo, an abbreviation). */
  | 'labelVariant'
  /** More numbers than columns; the extra ones were dropped because only one reading satisfies the row's sum. */
  | 'extraValues'
  /** A single number in a 表三 row, read as 总计. */
  | 'onlyTotal'
  /** Cells deduced to be 0 because non-negative counts add up to 0. */
  | 'inferredZero'
  /** Numbers found for a row that could not be matched to its columns. */
  | 'notPlaced'
  /** A row found without any number. */
  | 'noValues'
  /** A row of the format not found at all. */
  | 'rowMissing'
  /** Numbers that belong to no row. */
  | 'strayValues'
  /** A row found twice; the first reading is kept. */
  | 'duplicateRow'
  /** A part of the 2019 format that the 2021 template has no place for, or maps with a caveat. */
  | 'format2019'
  | 'sectionMissing'
  /** A 补充信息 figure the text states with two different values: not imported. */
  | 'supplementAmbiguous'
  | 'titleMissing'
  | 'tooLarge';

export type DiagnosticLevel = 'info' | 'warning';

export interface ImportDiagnostic {
  readonly code: DiagnosticCode;
  /** info: read, but not as printed (normalised); warning: a printed value that is not in the result, or a gap. */
  readonly level: DiagnosticLevel;
  readonly table: TableId | null;
  /** The row's official label (or the 2019 label), when the diagnostic is about a row. */
  readonly row: string | null;
  /** Defined names of the input cells concerned. */
  readonly cells: readonly string[];
  /** 1-based line of the source (text line, or table row / text block of an HTML page). */
  readonly line: number | null;
  readonly message: string;
}

export const DIAGNOSTIC_LEVEL: Readonly<Record<DiagnosticCode, DiagnosticLevel>> = {
  blankAsZero: 'info',
  blankCell: 'warning',
  digitsSplit: 'info',
  digitsAmbiguous: 'warning',
  placedByPosition: 'info',
  truncated: 'warning',
  slashAsZero: 'info',
  numberText: 'info',
  labelVariant: 'info',
  extraValues: 'info',
  onlyTotal: 'warning',
  inferredZero: 'info',
  notPlaced: 'warning',
  noValues: 'warning',
  rowMissing: 'warning',
  strayValues: 'warning',
  duplicateRow: 'warning',
  format2019: 'warning',
  sectionMissing: 'warning',
  supplementAmbiguous: 'warning',
  titleMissing: 'warning',
  tooLarge: 'warning',
};

export function diagnostic(
  code: DiagnosticCode,
  message: string,
  where: { table?: TableId | null; row?: string | null; cells?: readonly string[]; line?: number | null } = {},
): ImportDiagnostic {
  return {
    code,
    level: DIAGNOSTIC_LEVEL[code],
    table: where.table ?? null,
    row: where.row ?? null,
    cells: where.cells ?? [],
    line: where.line ?? null,
    message,
  };
}

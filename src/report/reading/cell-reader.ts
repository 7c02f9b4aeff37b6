// What the domain needs of a spreadsheet to read a report back: its defined names and the cells they point at.
// Every host (src/hosts/*) implements it as part of SpreadsheetHost; a file reader implements no more.
import type { CellContent } from '../model/cell-content';

export interface NamedRef {
  readonly name: string;
  /** Where the name points, as "Sheet!A1" (sheet unquoted), or null when it points nowhere (#REF!, deleted sheet). */
  readonly ref: string | null;
}

export interface NamedCellsRead {
  /** In the order asked for; BLANK for a name that is missing or points nowhere. */
  readonly values: readonly CellContent[];
  /** Names asked for that the workbook lacks or that point nowhere. */
  readonly missing: readonly string[];
  /** Names whose cell is covered by a merge it does not start (the value there is lost to the user's eye). */
  readonly mergedAway: readonly string[];
}

/** The small reading door: names with their targets, the sheets in order, and the named cells' contents. */
export interface CellReader {
  /** Every workbook-scoped name with its target. */
  listNames(): Promise<readonly NamedRef[]>;
  /** The sheets of the workbook, in order. */
  sheetNames(): Promise<readonly string[]>;
  /** Reads the named cells in as few round trips as the host allows (one bounding range per sheet). */
  readNamedCells(names: readonly string[]): Promise<NamedCellsRead>;
}

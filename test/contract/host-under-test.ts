// What the host contract suite needs of each host besides SpreadsheetHost itself: a fresh workbook, the things a
// person does in the window that no SpreadsheetHost method does (insert rows, merge, delete a name or a rule), and
// what a person sees (is a sheet hidden, which fill a cell shows once its conditional formats are applied).
import type { SpreadsheetHost } from '../../src/hosts/spreadsheet-host';

export interface HostUnderTest {
  readonly host: SpreadsheetHost;
  /** Inserts `count` empty rows above row `before` (1-based), as Home → Insert → Sheet Rows does. */
  insertRows(sheet: string, before: number, count: number): Promise<void>;
  /** Merges the range by hand (Merge & Center); the values outside its first cell are discarded. */
  merge(sheet: string, range: string): Promise<void>;
  /** Unmerges (Merge & Center again on a merged range). */
  unmerge(sheet: string, range: string): Promise<void>;
  /** Deletes a defined name (Name Manager → Delete). */
  deleteName(name: string): Promise<void>;
  /** Deletes every conditional-format rule that covers the cell (Conditional Formatting → Clear Rules). */
  deleteRulesAt(sheet: string, a1: string): Promise<void>;
  isHidden(sheet: string): Promise<boolean>;
  /** The fill the cell shows once conditional formats are applied, as "RRGGBB", or null when no rule paints it. */
  shownFill(sheet: string, a1: string): Promise<string | null>;
  close(): Promise<void>;
}

export interface HostKind {
  readonly name: string;
  /** Per suite (the chromium host starts a page server and a browser here). */
  setUp?(): Promise<void>;
  tearDown?(): Promise<void>;
  /** A workbook with one empty sheet, Sheet1, as a person opens a new one. */
  open(): Promise<HostUnderTest>;
  /** How long the host may take to redraw conditional formats after a write (0: at once, as data). */
  readonly redrawMs?: number;
}

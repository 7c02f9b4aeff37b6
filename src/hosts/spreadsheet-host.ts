// The one small door to a spreadsheet. Excel (Office.js), WPS (ET), the in-browser sheet (Univer) and .xlsx files
// (ExcelJS) each implement it; the task pane and the CLI know nothing else about a host.
import type { CellReader } from '../report/reading/cell-reader';
import type { SheetEdit } from '../report/sheet-edits/sheet-edit';
import type { SelfTestReport } from './self-test/self-test-report';

export type { NamedRef, NamedCellsRead } from '../report/reading/cell-reader';

/** In SpreadsheetHost.writeNamedValues, empties the named cell (not the KEEP_CELL of a planned `values` edit). */
export const CLEAR_CELL = null;
/** What writeNamedValues writes into a named cell: a number, a text (always as text), or CLEAR_CELL. */
export type NamedValue = string | number | typeof CLEAR_CELL;

/** What an insertion left out: the ids of highlight rules (conditional formats) the host refused even alone. */
export interface ApplyOutcome {
  readonly skippedRules: readonly string[];
}

/** A host reads like any CellReader (src/report/reading/cell-reader.ts: names, sheets, named cells) and writes. */
export interface SpreadsheetHost extends CellReader {
  /**
   * Applies planned edits in one batch where the host allows it. Never clears a value it was not told to write.
   * An insertion (edits that add a sheet) is all or nothing, except for highlight rules the host refuses even one
   * at a time: those are left out and listed; on any other failure what was built is removed and it throws.
   */
  applyEdits(edits: readonly SheetEdit[]): Promise<ApplyOutcome | void>;
  /**
   * Writes values into named cells (the user's accepted fixes, an import). CLEAR_CELL empties the cell, as an
   * explicit request; callers that must not clear leave the name out. (In a planned `values` edit the same null is
   * KEEP_CELL, "leave as is": sheet-edit.ts.)
   * A string is always written as the text it is, never as a formula, number or date ("=cmd|' /C calc'!A0",
   * "+1", "0012" stay text): every host types it (src/hosts/typed-text.ts).
   */
  writeNamedValues(values: ReadonlyMap<string, NamedValue>): Promise<void>;
  /** Selects the cells (first one active) and brings their sheet to the front. */
  selectNamedCells(names: readonly string[]): Promise<void>;
  /** Calls back after the user commits edits to the workbook (debounced by the caller). Returns an unsubscribe. */
  onUserEdit(listener: () => void): () => void;
  /**
   * Optional: hands a file the pane made (an exported report) to the user. Only a host whose webview cannot
   * download (Office on Mac, whose WKWebView ignores `<a download>`) needs it; without it the pane downloads.
   */
  saveFile?(name: string, data: Blob): Promise<void>;
  /**
   * Optional: 自检. Tries each capability the product relies on (names, rule formulas over names, two rules on a
   * cell, reading back, change events, protection, a hidden sheet) on a scratch sheet it removes afterwards, and
   * reports host, version, API sets and each check (self-test/run-self-test.ts). The pane offers it when present.
   */
  runSelfTest?(): Promise<SelfTestReport>;
}

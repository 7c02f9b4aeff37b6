// The host the pane gets at once, before the sheet library has loaded: every call waits for the real host.
// The page also uses it to tell the pane that the workbook changed under it (a file was opened, work restored).
import type { SheetEdit } from '../../report';
import type { NamedCellsRead, NamedRef, SpreadsheetHost, ApplyOutcome } from '../spreadsheet-host';

/** The longest a user's edit waits for an idle moment before the pane hears of it anyway. */
const IDLE_WAIT_MS = 500;

export class DeferredHost implements SpreadsheetHost {
  private host: SpreadsheetHost | null = null;
  private readonly listeners = new Set<() => void>();
  private resolveReady!: (host: SpreadsheetHost) => void;
  private rejectReady!: (e: unknown) => void;
  readonly ready: Promise<SpreadsheetHost> = new Promise((resolve, reject) => {
    this.resolveReady = resolve;
    this.rejectReady = reject;
  });

  constructor() {
    // The pane may never call before a failure; avoid an unhandled rejection then.
    this.ready.catch(() => undefined);
  }

  attach(host: SpreadsheetHost): void {
    this.host = host;
    host.onUserEdit(() => this.changedWhenIdle());
    this.resolveReady(host);
  }

  private idle = false;
  /**
   * A user's edit reaches the pane only once the browser is idle (after the sheet has painted the edit and its
   * highlight): the pane's re-read and re-render never sit between the Enter key and the red cell.
   */
  private changedWhenIdle(): void {
    if (this.idle) return;
    this.idle = true;
    const run = () => {
      this.idle = false;
      this.changed();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_WAIT_MS });
    else setTimeout(run, 0);
  }

  fail(e: unknown): void {
    this.rejectReady(e);
  }

  /** Tells the pane the workbook changed (as after a user's edit), so it reads again. */
  changed(): void {
    for (const l of [...this.listeners]) l();
  }

  private async real(): Promise<SpreadsheetHost> {
    return this.host ?? this.ready;
  }

  async listNames(): Promise<readonly NamedRef[]> {
    return (await this.real()).listNames();
  }
  async sheetNames(): Promise<readonly string[]> {
    return (await this.real()).sheetNames();
  }
  async readNamedCells(names: readonly string[]): Promise<NamedCellsRead> {
    return (await this.real()).readNamedCells(names);
  }
  async applyEdits(edits: readonly SheetEdit[]): Promise<ApplyOutcome | void> {
    return (await this.real()).applyEdits(edits);
  }
  async writeNamedValues(values: ReadonlyMap<string, string | number | null>): Promise<void> {
    return (await this.real()).writeNamedValues(values);
  }
  async selectNamedCells(names: readonly string[]): Promise<void> {
    return (await this.real()).selectNamedCells(names);
  }
  onUserEdit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

// The host the pane gets at once, before the sheet library has loaded: every call waits for the real host.
// The page also uses it to tell the pane that the workbook changed under it (a file was opened, work restored).
import type { SheetEdit } from '../../report';
import type { NamedCellsRead, NamedRef, SpreadsheetHost, ApplyOutcome } from '../spreadsheet-host';

/** The longest a user's edit waits for an idle moment before the pane hears of it anyway. */
const IDLE_WAIT_MS = 500;
/** The longest the pane's first read waits for the sheet's start-up work (first highlights) to finish. */
const FIRST_READ_WAIT_MS = 2000;

/** Runs `fn` once the browser is idle, or after `timeout` ms at the latest. */
function whenIdle(fn: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout });
  else setTimeout(fn, 0);
}

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

  /**
   * Hands the pane the real host once the browser is idle: the sheet is drawn and can be typed in already, and its
   * first highlight results (computed and drawn just after) come before the pane's first read and render instead
   * of waiting behind them (issue #15: ~0.2 s of a warm visit).
   */
  attach(host: SpreadsheetHost): void {
    whenIdle(() => {
      this.host = host;
      host.onUserEdit(() => this.changedWhenIdle());
      this.resolveReady(host);
    }, FIRST_READ_WAIT_MS);
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
    whenIdle(run, IDLE_WAIT_MS);
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

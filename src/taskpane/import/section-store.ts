// The state of a section that must outlive its tab (the pane renders only the current tab): held by a small
// store the ReportController owns, without React (components read it through useSectionState).
import type { Format } from '../../report/format/format';
import type { InsertOutcome, PaneState, TemplateRequest } from '../pane-state';

/** What a section needs from the ReportController (it satisfies this structurally; tests may too). */
export interface PaneCore {
  /** The report format the pane works in (chosen once, when the pane is set up). */
  readonly format: Format;
  getState(): PaneState;
  refresh(): Promise<void>;
  /** Runs a write to the workbook as the pane's own (not taken for the user's edits), then re-reads. */
  writeAndRefresh(work: () => Promise<unknown>): Promise<void>;
  insertTemplate(request: TemplateRequest): Promise<InsertOutcome>;
}

export interface SectionMessage {
  readonly tone: 'success' | 'info' | 'warning' | 'error';
  readonly text: string;
}

export class SectionStore<S> {
  private readonly listeners = new Set<() => void>();
  constructor(protected state: S) {}

  getState = (): S => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected set(patch: Partial<S>): void {
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l();
  }
}

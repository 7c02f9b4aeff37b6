// The pane's state as its views and its section stores see it: the types ReportController publishes, in a module of
// their own so that a section (import, 上年数据) can name them without importing the controller that owns it.
import type { CellContent, Finding, Progress } from '../report';
import type { FindingGroup } from './group-findings';
import type { TemplateHealth } from './template-health';

export interface Notice {
  readonly tone: 'success' | 'info' | 'warning' | 'error';
  readonly text: string;
  /** A follow-up the pane offers as a button beside the text. */
  readonly action?: 'goToTemplate' | 'repair';
}

export type Work = 'checking' | 'inserting' | 'fixing' | 'repairing' | 'dismissing';

export interface DismissedFinding {
  readonly finding: Finding;
  readonly reason: string;
}

export interface PaneState {
  readonly template: TemplateHealth;
  /** Errors first; findings that read a missing name are left out (the template section reports those). */
  readonly findings: readonly Finding[];
  /** The listed findings: errors and warnings about what is filled (a blank is progress, not a problem). */
  readonly groups: readonly FindingGroup[];
  /** Warnings dismissed with a reason whose cells have not changed since (left out of findings and counts). */
  readonly dismissed: readonly DismissedFinding[];
  /** Errors and warnings in `groups` (the blank reminders are in `progress`). */
  readonly counts: { readonly error: number; readonly warning: number };
  /** 已填 n / 202, the blank inputs in template order (the to-do list, and what the export gate names), 未填完. */
  readonly progress: Progress | null;
  /** What the user started and is waiting for; background refreshes do not set it. */
  readonly working: Work | null;
  readonly notice: Notice | null;
  /** Bumps on every completed read, so a view can tell a fresh answer from the same one. */
  readonly reads: number;
  /** The last read by name (values, marker, 补充信息 texts and templates); names the workbook lacks are left out. */
  readonly cells: ReadonlyMap<string, CellContent>;
}

export interface TemplateRequest {
  readonly agency: string;
  readonly year: string;
}

export type InsertOutcome =
  | { readonly ok: true; readonly sheet: string }
  | { readonly ok: false; readonly reason: 'year'; readonly message: string }
  | { readonly ok: false; readonly reason: 'exists' | 'failed'; readonly message: string };

// The pane's logic over SpreadsheetHost, without React: reading and checking, inserting and repairing the template,
// selecting and fixing cells. The components only render its state and call its methods, so all of this is tested
// against a real host without a DOM.
import type { NamedRef, NamedValue, SpreadsheetHost } from '../hosts/spreadsheet-host';
import type { Format } from '../report/format/format';
import type { FormatCells } from '../report/layout/input-cells';
import { buildFormat2021 } from '../report/format/formats';
import {
  planInsertion,
  BLANK,
  DISMISSALS_FIELD,
  FIRST_YEAR,
  LAST_YEAR,
  SUPPLEMENT_NAMES,
  TEMPLATE_MARKER_NAME,
  applyDismissals,
  checkNumber,
  countBySeverity,
  dismiss,
  readDismissals,
  undismiss,
  writeDismissals,
  evaluateRules,
  formatNumber,
  reportProgress,
  input,
  parseRange,
  planRepair,
  sortFindings,
  splitSheetRef,
  type CellContent,
  type Dismissal,
  type Finding,
  type NamePlace,
} from '../report';
import { ImportController } from './import/import-controller';
import { PreviousController } from './previous/previous-controller';
import { groupFindings } from './group-findings';
import { errorText, nameLabel } from './message-words';
import { STRINGS } from './strings.zh-CN';
import { isDamaged, templateHealth, templateNames } from './template-health';
import type { InsertOutcome, Notice, PaneState, TemplateRequest, Work } from './pane-state';

export type { DismissedFinding, InsertOutcome, Notice, PaneState, TemplateRequest, Work } from './pane-state';

export interface ControllerOptions {
  /** Quiet time after the user's last edit before we read (one read per burst of edits). */
  readonly debounceMs?: number;
  /** The report format the pane works in; the 2021 national format (the template's) when absent. */
  readonly format?: Format;
}

/**
 * Every value cell of `cells` (the rules read them), then the marker, then the rest of 补充信息 (category names,
 * texts, templates): one readNamedCells call answers values, health and the narrative.
 */
function readNamesOf(cells: FormatCells): readonly string[] {
  return [
    ...cells.valueCells.map((c) => c.name),
    TEMPLATE_MARKER_NAME,
    ...SUPPLEMENT_NAMES.filter((n) => !cells.valueCellByName.has(n)),
  ];
}
/** The User Timing mark each read of the sheet leaves (only the latest is kept). */
export const READ_MARK = 'pane:read';

export const INITIAL_STATE: PaneState = {
  template: { kind: 'unknown' },
  findings: [],
  groups: [],
  dismissed: [],
  counts: { error: 0, warning: 0 },
  progress: null,
  working: null,
  notice: null,
  reads: 0,
  cells: new Map(),
};

/** Full-width digits (２０２５) are what a Chinese IME often types; the year field accepts them. */
function parseYear(text: string): number | null {
  const ascii = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^\d{4}$/.test(ascii)) return null;
  const year = Number(ascii);
  return checkNumber('year', year) ? null : year;
}

export class ReportController {
  private state: PaneState = INITIAL_STATE;
  private readonly listeners = new Set<() => void>();
  private readonly debounceMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Our own writes in flight: the host may report them as edits, and we read after them anyway. */
  private writing = 0;
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private lastReadFailed = false;
  /** The blank 下一个空格 selected last. */
  private lastBlank: string | null = null;
  /** 导入已发布的报告: its state outlives a tab switch; `imports.narrative()` is the imported 一、五、六 for 叙述. */
  readonly imports: ImportController;
  /** 上年数据: last year's figures kept in the workbook, and the 上年结转 prefill. */
  readonly previous: PreviousController;
  /** The report format, chosen once when the pane is set up and handed to every section's controller. */
  readonly format: Format;
  /** What one read asks for, of `format` (readNamesOf), and where the marker and the dismissals are in it. */
  private readonly readNames: readonly string[];
  private readonly markerAt: number;
  private readonly dismissalsAt: number;

  constructor(
    private readonly host: SpreadsheetHost,
    options: ControllerOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 300;
    this.format = options.format ?? buildFormat2021();
    this.readNames = readNamesOf(this.format.cells);
    this.markerAt = this.format.cells.valueCells.length;
    this.dismissalsAt = this.readNames.indexOf(DISMISSALS_FIELD.name);
    this.imports = new ImportController(host, this);
    this.previous = new PreviousController(host, this);
  }

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Listens for the user's edits and reads the workbook once. Safe to call again after dispose(). */
  start(): Promise<void> {
    if (!this.unsubscribe) this.unsubscribe = this.host.onUserEdit(this.userEdited);
    return this.refresh();
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private userEdited = (): void => {
    if (this.writing > 0) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, this.debounceMs);
  };

  /** Reads every named cell in one call and re-runs the rules. A call during a read runs one more read after it. */
  refresh(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = (async () => {
      do {
        this.readAgain = false;
        await this.readOnce();
      } while (this.readAgain);
    })().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async readOnce(): Promise<void> {
    // A mark bench/web-trace.ts watches: no pane read may start between Enter and the red cell (issue #15).
    globalThis.performance?.clearMarks?.(READ_MARK);
    globalThis.performance?.mark?.(READ_MARK);
    let read;
    try {
      read = await this.host.readNamedCells(this.readNames);
    } catch (e) {
      this.lastReadFailed = true;
      this.set({ notice: { tone: 'error', text: STRINGS.failed(STRINGS.actions.read, errorText(e)) } });
      return;
    }
    this.lastReadFailed = false;
    const template = templateHealth(read.values[this.markerAt], read.missing, read.mergedAway, this.format);
    const lost = new Set(read.missing);
    const values = read.values.slice(0, this.markerAt);
    const all =
      template.kind === 'absent'
        ? []
        : sortFindings(evaluateRules(values, { format: this.format }).filter((f) => !f.cells.some((n) => lost.has(n))));
    const stored = readDismissals(read.values[this.dismissalsAt]);
    const { standing: findings, dismissed } = applyDismissals(all, values, stored.dismissals);
    const listed = findings.filter((f) => f.rule !== 'blank');
    const progress =
      template.kind === 'absent'
        ? null
        : (({ blanks, ...rest }) => ({ ...rest, blanks: blanks.filter((n) => !lost.has(n)) }))(
            reportProgress(values, { scopes: ['report'], format: this.format }),
          );
    this.set({
      template,
      findings,
      groups: groupFindings(listed),
      dismissed,
      counts: countBySeverity(listed),
      progress,
      reads: this.state.reads + 1,
      cells: new Map(this.readNames.flatMap((n, i) => (lost.has(n) ? [] : [[n, read.values[i]] as const]))),
    });
  }

  /** 校验: reads everything now (no debounce) and says how it went. */
  async validate(): Promise<PaneState['counts']> {
    this.set({ working: 'checking' });
    await this.refresh();
    const { template, counts } = this.state;
    let notice: Notice | null = this.state.notice;
    if (this.lastReadFailed) notice = this.state.notice;
    else if (template.kind === 'absent') notice = { tone: 'info', text: STRINGS.check.noTemplate };
    else if (template.kind === 'found') {
      const blanks = this.state.progress?.blanks ?? [];
      const tone = counts.error > 0 ? 'error' : counts.warning > 0 || blanks.length > 0 ? 'warning' : 'success';
      notice = {
        tone,
        // 校验 names every blank: how many, and which (the first few; 下一个空格 walks them all).
        text: [STRINGS.check.summary(counts.error, counts.warning), STRINGS.check.blanksLeft(blanks.map(nameLabel))]
          .filter(Boolean)
          .join('\n'),
        ...(isDamaged(template) ? { action: 'repair' as const } : {}),
      };
    }
    this.set({ working: null, notice });
    return counts;
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  private async write<T>(work: () => Promise<T>): Promise<T> {
    this.writing += 1;
    try {
      return await work();
    } finally {
      this.writing -= 1;
    }
  }

  /** A section's write (导入, 上年数据): not taken for the user's edits, and the findings follow it at once. */
  async writeAndRefresh(work: () => Promise<unknown>): Promise<void> {
    await this.write(work);
    await this.refresh();
  }

  /** 插入模板 into a new sheet; refuses when the workbook already has the template's names (never overwrites). */
  async insertTemplate(request: TemplateRequest): Promise<InsertOutcome> {
    const year = request.year.trim() === '' ? undefined : parseYear(request.year);
    if (year === null) {
      const message = STRINGS.template.yearInvalid(FIRST_YEAR, LAST_YEAR);
      return { ok: false, reason: 'year', message };
    }
    this.set({ working: 'inserting' });
    try {
      const names = await this.host.listNames();
      const ours = new Set(templateNames(this.format));
      const present = names.filter((n) => ours.has(n.name));
      if (present.length > 0) {
        const whole = present.some((n) => n.name === TEMPLATE_MARKER_NAME && n.ref !== null);
        const notice: Notice = whole
          ? { tone: 'info', text: STRINGS.template.exists, action: 'goToTemplate' }
          : { tone: 'warning', text: STRINGS.template.existsDamaged, action: 'repair' };
        this.set({ notice });
        return { ok: false, reason: 'exists', message: notice.text };
      }
      const agency = request.agency.trim();
      // One batch with the 补充信息 sheet (one applyEdits: the Excel host's syncs stay ≤ 3).
      const { sheet, edits } = planInsertion(
        { sheets: await this.host.sheetNames(), names },
        { ...(agency ? { agency } : {}), ...(year ? { year } : {}) },
      );
      const outcome = await this.write(() => this.host.applyEdits(edits));
      await this.refresh();
      await this.host.selectNamedCells([input('META', 'agency').name]);
      // A highlight rule the host refused even alone was left out: say which cells will not colour by themselves.
      const skipped = outcome?.skippedRules ?? [];
      this.set({
        notice: skipped.length
          ? { tone: 'warning', text: STRINGS.template.insertedSkipping(sheet, skipped.map(ruleLabel)) }
          : { tone: 'success', text: STRINGS.template.inserted(sheet) },
      });
      return { ok: true, sheet };
    } catch (e) {
      const message = STRINGS.failed(STRINGS.actions.insert, errorText(e));
      this.set({ notice: { tone: 'error', text: message } });
      return { ok: false, reason: 'failed', message };
    } finally {
      this.set({ working: null });
    }
  }

  /**
   * 下一个空格: selects the first blank input after the one this last jumped to (template order, wrapping), so
   * pressing it again walks the to-do list. Returns the name selected, or null when nothing is blank.
   */
  async nextBlank(): Promise<string | null> {
    const blanks = this.state.progress?.blanks ?? [];
    if (blanks.length === 0) return null;
    const order = (n: string | null) => (n === null ? -1 : (this.format.cells.valueCellByName.get(n)?.index ?? -1));
    const after = order(this.lastBlank);
    const next = blanks.find((n) => order(n) > after) ?? blanks[0];
    this.lastBlank = next;
    await this.select([next]);
    return next;
  }

  /** Brings the template to the front with the agency cell selected (or the first name that still exists). */
  async goToTemplate(): Promise<void> {
    const missing = this.missingNames();
    const target = templateNames(this.format).find((n) => !missing.has(n));
    if (target) await this.select([target]);
  }

  /** Selects a finding's cells, the highlighted one first (the order Finding.cells already has). */
  async selectFinding(finding: Finding): Promise<void> {
    const missing = this.missingNames();
    await this.select(finding.cells.filter((n) => !missing.has(n)));
  }

  /** Template names the last read found missing (selecting one would fail). */
  private missingNames(): ReadonlySet<string> {
    return new Set(this.state.template.kind === 'found' ? this.state.template.missing : []);
  }

  /** Selects named cells (the first active), e.g. a narrative cell of 补充信息. */
  selectCells(names: readonly string[]): Promise<void> {
    return this.select(names);
  }

  private async select(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    try {
      await this.host.selectNamedCells(names);
    } catch (e) {
      this.set({ notice: { tone: 'error', text: STRINGS.failed(STRINGS.actions.select, errorText(e)) } });
    }
  }

  /**
   * Writes the finding's suggested value into its first cell, and nothing else. Reads first: if the user changed
   * the cell since the finding was shown, the finding no longer stands as it was and nothing is written.
   */
  async applyFix(finding: Finding): Promise<boolean> {
    const value = finding.fix;
    if (value === undefined) return false;
    const name = finding.cells[0];
    return this.writeOneAfterRead('fixing', () =>
      this.state.findings.some((f) => f.rule === finding.rule && f.key === finding.key && f.fix === value)
        ? { name, value, done: STRINGS.check.fixDone(nameLabel(name), formatNumber(value)) }
        : { tone: 'info', text: STRINGS.check.fixStale },
    );
  }

  /**
   * 修复值 and 忽略: reads first, lets `decide` (on the fresh state) name the one cell to write, or the notice why
   * nothing is written; writes it (not taken for the user's edit), reads again and says `done`.
   */
  private async writeOneAfterRead(
    working: Work,
    decide: () => { readonly name: string; readonly value: NamedValue; readonly done: string } | Notice,
  ): Promise<boolean> {
    this.set({ working });
    try {
      await this.refresh();
      const next = decide();
      if (!('name' in next)) {
        this.set({ notice: next });
        return false;
      }
      await this.write(() => this.host.writeNamedValues(new Map([[next.name, next.value]])));
      await this.refresh();
      this.set({ notice: { tone: 'success', text: next.done } });
      return true;
    } catch (e) {
      this.set({ notice: { tone: 'error', text: STRINGS.failed(STRINGS.actions.write, errorText(e)) } });
      return false;
    } finally {
      this.set({ working: null });
    }
  }

  /** The values and stored dismissals of the last read; null when the workbook has no dismissals cell. */
  private dismissalsNow(): { values: CellContent[]; dismissals: readonly Dismissal[] } | null {
    const { cells } = this.state;
    if (!cells.has(DISMISSALS_FIELD.name)) return null;
    return {
      values: this.format.cells.valueCells.map((c) => cells.get(c.name) ?? BLANK),
      dismissals: readDismissals(cells.get(DISMISSALS_FIELD.name)).dismissals,
    };
  }

  private storeDismissals(work: () => Dismissal[] | string, done: string): Promise<boolean> {
    return this.writeOneAfterRead('dismissing', () => {
      const next = work();
      return typeof next === 'string'
        ? { tone: 'warning', text: next }
        : { name: DISMISSALS_FIELD.name, value: writeDismissals(next), done };
    });
  }

  /**
   * Dismisses a warning for `reason`, stored in the workbook (补充信息) with the fingerprint of its cells' values;
   * it lapses by itself when one of them changes. Reads first: a warning that no longer stands is not stored.
   */
  dismissFinding(finding: Finding, reason: string): Promise<boolean> {
    return this.storeDismissals(() => {
      const now = this.dismissalsNow();
      if (!now) return STRINGS.ignore.noCell;
      if (!this.state.findings.some((f) => f.rule === finding.rule && f.key === finding.key))
        return STRINGS.ignore.stale;
      const outcome = dismiss(now.dismissals, finding, now.values, reason);
      return outcome.ok ? [...outcome.dismissals] : outcome.reason;
    }, STRINGS.ignore.done);
  }

  /** Takes a dismissal back: the warning stands again. */
  undismissFinding(finding: Finding): Promise<boolean> {
    return this.storeDismissals(() => {
      const now = this.dismissalsNow();
      return now ? undismiss(now.dismissals, finding) : STRINGS.ignore.noCell;
    }, STRINGS.ignore.restored);
  }

  /** 修复: recreates lost names and the conditional formats where the names now are; never writes a value. */
  async repair(): Promise<boolean> {
    this.set({ working: 'repairing' });
    try {
      const plan = planRepair(placesOf(await this.host.listNames()));
      if (plan.sheet === null) {
        this.set({ notice: { tone: 'error', text: STRINGS.template.cannotRepair } });
        return false;
      }
      await this.write(() => this.host.applyEdits(plan.edits));
      await this.refresh();
      const lines: string[] = [STRINGS.template.repaired(plan.recreated.length)];
      if (plan.unlocated.length > 0) lines.push(STRINGS.template.unlocated(plan.unlocated.map(nameLabel).join('、')));
      const template = this.state.template;
      if (template.kind === 'found' && template.mergedAway.length > 0)
        lines.push(STRINGS.template.stillMerged(template.mergedAway.map(nameLabel).join('、')));
      const whole = template.kind === 'found' && !isDamaged(template);
      this.set({ notice: { tone: whole ? 'success' : 'warning', text: lines.join('\n') } });
      return whole;
    } catch (e) {
      this.set({ notice: { tone: 'error', text: STRINGS.failed(STRINGS.actions.repair, errorText(e)) } });
      return false;
    } finally {
      this.set({ working: null });
    }
  }
}

/** A highlight rule's id (style:name, plan-highlights.ts) in words: the cell and what the colour would say. */
function ruleLabel(id: string): string {
  const [style, name] = id.split(':');
  return `${nameLabel(name ?? id)}（${STRINGS.template.ruleStyle[style as 'error'] ?? style}）`;
}

/** Names that point at a cell, as sheet and top-left cell; names pointing nowhere are left out (to be recreated). */
export function placesOf(names: readonly NamedRef[]): Map<string, NamePlace> {
  const places = new Map<string, NamePlace>();
  for (const n of names) {
    const split = n.ref === null ? null : splitSheetRef(n.ref);
    const range = split ? parseRange(split.range) : null;
    if (split && range) places.set(n.name, { sheet: split.sheet, row: range.top, col: range.left });
  }
  return places;
}

// 叙述 without React: the generated sections from the last read (live with the findings), the template drafts the
// user is editing (kept here so a tab switch or a broken template never loses them), the debounced preview, saving
// a template into its 补充信息 cell, and the N.* findings of the narrative.
import type { SpreadsheetHost } from '../../hosts/spreadsheet-host';
import {
  freeSheetName,
  BLANK,
  DEFAULT_TEMPLATES,
  GENERATED_SECTIONS,
  SUPPLEMENT_NAMES,
  SUPPLEMENT_SHEET_NAME,
  TYPED_SECTIONS,
  checkNarrativeDocument,
  checkTemplate,
  emptySupplement,
  formatTemplateProblem,
  narrativeData,
  planSupplement,
  renderNarrative,
  renderTemplate,
  reportFromValues,
  supplementFromValues,
  templateValues,
  type GeneratedSectionId,
  type Narrative,
  type NarrativeFinding,
  type Report,
  type Supplement,
  type TemplateProblem,
  type TypedSectionId,
} from '../../report';
import type { PaneState, ReportController } from '../report-controller';
import { errorText } from '../message-words';
import { STRINGS } from '../strings.zh-CN';
import { NARRATIVE_STRINGS } from './narrative-strings.zh-CN';

const S = NARRATIVE_STRINGS;

export interface NarrativeMessage {
  readonly tone: 'success' | 'info' | 'warning' | 'error';
  readonly text: string;
  /** A follow-up offered beside the text. */
  readonly action?: 'addSheet';
}

export interface SectionView {
  readonly id: GeneratedSectionId;
  readonly label: string;
  /** The 补充信息 cell the template is stored in. */
  readonly cell: string;
  /** The template in use: the workbook's, or the default when its cell is blank. */
  readonly stored: string;
  readonly isDefault: boolean;
  /** What the template in use writes from the current values (empty when it is refused). */
  readonly paragraphs: readonly string[];
  /** Problems of the template in use (one edited in the sheet by hand may be broken). */
  readonly storedProblems: readonly TemplateProblem[];
  /** The editor's text; null when the editor shows the template in use. */
  readonly draft: string | null;
  /** The last preview of the draft that rendered; kept while the draft is broken. */
  readonly preview: readonly string[] | null;
  /** Problems of the draft as last previewed (line and column, in Chinese). */
  readonly problems: readonly TemplateProblem[];
  readonly message: NarrativeMessage | null;
}

export interface TypedView {
  readonly id: TypedSectionId;
  readonly label: string;
  readonly cell: string;
  readonly paragraphs: number;
}

export interface NarrativeState {
  /** The template's state as the report controller last read it. */
  readonly template: PaneState['template']['kind'];
  /** Whether the workbook has the 补充信息 sheet's names (a template inserted before it existed has not). */
  readonly hasSupplement: boolean;
  readonly sections: readonly SectionView[];
  readonly typed: readonly TypedView[];
  /** N.*: numbers the narrative restates that differ from the tables; the first cell is where the words are. */
  readonly findings: readonly NarrativeFinding[];
  /** The section being saved or restored, or 'sheet' while the 补充信息 sheet is added. */
  readonly busy: GeneratedSectionId | 'sheet' | null;
  /** The outcome of an action that belongs to no one section (adding the 补充信息 sheet). */
  readonly notice: NarrativeMessage | null;
}

export interface NarrativeOptions {
  /** Quiet time after the last keystroke before the preview renders. */
  readonly previewMs?: number;
}

interface Draft {
  text: string;
  preview: readonly string[] | null;
  problems: readonly TemplateProblem[];
}

export class NarrativeController {
  private readonly listeners = new Set<() => void>();
  private readonly drafts = new Map<GeneratedSectionId, Draft>();
  private readonly messages = new Map<GeneratedSectionId, NarrativeMessage>();
  private readonly timers = new Map<GeneratedSectionId, ReturnType<typeof setTimeout>>();
  private readonly previewMs: number;
  private busy: NarrativeState['busy'] = null;
  private notice: NarrativeMessage | null = null;
  private seen: PaneState | null = null;
  private report: Report;
  private supplement: Supplement = emptySupplement();
  private narrative: Narrative;
  private data: Record<string, unknown>;
  private state: NarrativeState;

  constructor(
    private readonly host: SpreadsheetHost,
    private readonly pane: ReportController,
    options: NarrativeOptions = {},
  ) {
    this.previewMs = options.previewMs ?? 250;
    this.report = reportFromValues([], pane.format).report;
    this.narrative = renderNarrative(this.report, this.supplement);
    this.data = narrativeData(this.report, this.supplement);
    this.state = this.compose();
    this.pane.subscribe(this.paneChanged);
    this.paneChanged();
  }

  getState = (): NarrativeState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    this.state = this.compose();
    for (const l of [...this.listeners]) l();
  }

  /** A new read: the sections, the findings and every open preview follow the workbook's values. */
  private paneChanged = (): void => {
    const pane = this.pane.getState();
    if (this.seen && this.seen.cells === pane.cells && this.seen.template === pane.template) return;
    this.seen = pane;
    const at = (n: string) => pane.cells.get(n) ?? BLANK;
    const format = this.pane.format;
    this.report = reportFromValues(
      format.inputCells.map((c) => at(c.name)),
      format,
    ).report;
    this.supplement = supplementFromValues(SUPPLEMENT_NAMES.map(at));
    this.narrative = renderNarrative(this.report, this.supplement);
    this.data = narrativeData(this.report, this.supplement);
    for (const id of this.drafts.keys()) this.renderDraft(id);
    this.emit();
  };

  private compose(): NarrativeState {
    const pane = this.pane.getState();
    const sections = GENERATED_SECTIONS.map((s): SectionView => {
      const g = this.narrative.generated[s.id];
      const d = this.drafts.get(s.id);
      return {
        id: s.id,
        label: s.label,
        cell: g.cell,
        stored: g.template,
        isDefault: g.isDefault,
        paragraphs: g.paragraphs,
        storedProblems: g.problems,
        draft: d?.text ?? null,
        preview: d ? d.preview : null,
        problems: d?.problems ?? [],
        message: this.messages.get(s.id) ?? null,
      };
    });
    const typed = TYPED_SECTIONS.map((s): TypedView => {
      const t = this.narrative.typed[s.id];
      return { id: s.id, label: s.label, cell: t.cell, paragraphs: t.paragraphs.length };
    });
    const found = pane.template.kind === 'found';
    return {
      template: pane.template.kind,
      hasSupplement: GENERATED_SECTIONS.every((s) => pane.cells.has(this.narrative.generated[s.id].cell)),
      sections,
      typed,
      findings: found ? checkNarrativeDocument(this.narrative, this.report, this.supplement) : [],
      busy: this.busy,
      notice: this.notice,
    };
  }

  /** The report and narrative of the last read, with the saved templates (what the export writes). */
  current(): { readonly report: Report; readonly supplement: Supplement; readonly narrative: Narrative } {
    return { report: this.report, supplement: this.supplement, narrative: this.narrative };
  }

  /** The text the editor shows for a section. */
  editorText(id: GeneratedSectionId): string {
    return this.drafts.get(id)?.text ?? this.narrative.generated[id].template;
  }

  /** Whether any section has an edited template not yet saved (the export uses the saved ones). */
  hasUnsavedDrafts(): boolean {
    return [...this.drafts].some(([id, d]) => d.text !== this.narrative.generated[id].template);
  }

  /** The user typed: the text is kept at once; the preview renders after a quiet moment. */
  edit(id: GeneratedSectionId, text: string): void {
    const d = this.drafts.get(id);
    if (d) d.text = text;
    else this.drafts.set(id, { text, preview: this.narrative.generated[id].paragraphs, problems: [] });
    const pending = this.timers.get(id);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.set(
      id,
      setTimeout(() => this.previewNow(id), this.previewMs),
    );
    this.emit();
  }

  /** Renders the draft now (the debounce calls it; so can a test). A refused draft keeps the last good preview. */
  previewNow(id: GeneratedSectionId): void {
    const pending = this.timers.get(id);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(id);
    if (!this.drafts.has(id)) return;
    this.renderDraft(id);
    this.emit();
  }

  private renderDraft(id: GeneratedSectionId): void {
    const d = this.drafts.get(id)!;
    const r = renderTemplate(d.text, this.data);
    if (r.ok) {
      d.preview = r.paragraphs;
      d.problems = [];
    } else d.problems = r.problems;
  }

  /** Drops the draft: the editor shows the template in use again. */
  discard(id: GeneratedSectionId): void {
    this.dropDraft(id);
    this.messages.delete(id);
    this.emit();
  }

  private dropDraft(id: GeneratedSectionId): void {
    const pending = this.timers.get(id);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(id);
    this.drafts.delete(id);
  }

  private say(id: GeneratedSectionId, message: NarrativeMessage | null): void {
    if (message) this.messages.set(id, message);
    else this.messages.delete(id);
  }

  /**
   * 保存模板: checks the draft (a refused one is not written, and stays in the editor), writes it into the section's
   * 补充信息 cell (the default text is stored as a blank cell, so it follows later versions of the default), reads
   * back and compares.
   */
  async save(id: GeneratedSectionId): Promise<boolean> {
    const label = this.narrative.generated[id].label;
    const text = this.editorText(id);
    const checked = checkTemplate(text);
    if (!checked.ok) {
      if (this.drafts.has(id)) this.drafts.get(id)!.problems = checked.problems;
      this.say(id, { tone: 'error', text: S.notSaved(formatTemplateProblem(checked.problems[0])) });
      this.emit();
      return false;
    }
    const value = text.trim() === DEFAULT_TEMPLATES[id].trim() ? '' : text;
    return this.store(id, value, value === '' ? S.savedDefault(label) : S.saved(label));
  }

  /** 恢复默认: blanks the template cell (blank = the default) and shows the default in the editor. */
  async restoreDefault(id: GeneratedSectionId): Promise<boolean> {
    if (!this.state.hasSupplement) {
      // Nothing is stored without the sheet: the default is already in use.
      this.dropDraft(id);
      this.say(id, { tone: 'info', text: S.restoredDraft });
      this.emit();
      return true;
    }
    return this.store(id, '', S.restored(this.narrative.generated[id].label));
  }

  private async store(id: GeneratedSectionId, value: string, done: string): Promise<boolean> {
    if (!this.state.hasSupplement) {
      this.say(id, { tone: 'warning', text: S.noSheet, action: 'addSheet' });
      this.emit();
      return false;
    }
    this.busy = id;
    this.say(id, null);
    this.emit();
    try {
      await this.pane.writeAndRefresh(() => this.host.writeNamedValues(templateValues({ [id]: value })));
      // The refresh brought the stored template back through the same read the pane uses for everything.
      if ((this.supplement.templates[id] ?? '') !== value) {
        this.say(id, { tone: 'warning', text: S.readBackDiffers });
        return false;
      }
      this.dropDraft(id);
      this.say(id, { tone: 'success', text: done });
      return true;
    } catch (e) {
      this.say(id, { tone: 'error', text: STRINGS.failed(STRINGS.actions.saveTemplate, errorText(e)) });
      return false;
    } finally {
      this.busy = null;
      this.emit();
    }
  }

  /** Adds the 补充信息 sheet to a workbook whose template predates it (nothing of the user's is touched). */
  async addSupplementSheet(id?: GeneratedSectionId): Promise<boolean> {
    this.busy = 'sheet';
    this.notice = null;
    this.emit();
    try {
      const ours = new Set(SUPPLEMENT_NAMES);
      if ((await this.host.listNames()).some((n) => ours.has(n.name) && n.ref !== null)) {
        await this.pane.refresh();
        return true;
      }
      const sheet = freeSheetName(await this.host.sheetNames(), SUPPLEMENT_SHEET_NAME);
      await this.pane.writeAndRefresh(() => this.host.applyEdits(planSupplement({ sheet })));
      const done: NarrativeMessage = { tone: 'success', text: S.sheetAdded(sheet) };
      if (id) this.say(id, done);
      else this.notice = done;
      return true;
    } catch (e) {
      const failed: NarrativeMessage = { tone: 'error', text: STRINGS.failed(STRINGS.actions.addSheet, errorText(e)) };
      if (id) this.say(id, failed);
      else this.notice = failed;
      return false;
    } finally {
      this.busy = null;
      this.emit();
    }
  }

  /** Selects the cell the words of a finding are in (then the table cells it compares with). */
  selectFinding(finding: NarrativeFinding): Promise<void> {
    return this.pane.selectFinding(finding);
  }

  selectCell(name: string): Promise<void> {
    return this.pane.selectCells([name]);
  }
}

/** One narrative controller per pane controller: it outlives the 叙述 tab, so drafts survive a tab switch. */
const controllers = new WeakMap<ReportController, NarrativeController>();

export function narrativeControllerFor(pane: ReportController, host: SpreadsheetHost): NarrativeController {
  let c = controllers.get(pane);
  if (!c) controllers.set(pane, (c = new NarrativeController(host, pane)));
  return c;
}

// 上年数据: last year's report (pasted text, a .txt/.html file, or last year's .xlsx) kept in this workbook on the
// hidden sheet 上年数据 under the nb_prev_* names, with the cross-year highlights (planPrevious). The pane's normal
// read then includes those names, so X.carry and X.inforce findings follow. 预填 writes last year's
// 结转下年度继续办理 into this year's blank 上年结转 cells only, and lists the cells that hold something else.
import { CLEAR_CELL, type SpreadsheetHost } from '../../hosts/spreadsheet-host';
import {
  freeSheetName,
  BLANK,
  TEMPLATE_MARKER_NAME,
  parseRange,
  planHighlights,
  splitSheetRef,
  type CellContent,
} from '../../report';
import type {
  CarryConflict,
  FormatVersion,
  ImportDiagnostic,
  ImportResult,
  SourceKind,
  TextSourceKind,
} from '../../report/import';
import { PREVIOUS_SHEET_NAME, planPrevious, previousBlanks } from '../../report/sheet-edits/plan-previous';
import { isBlankContent } from '../import/fill-plan';
import { importFile, importText, loadImporter } from '../import/load-importer';
import { fileKindOf, readFileBytes } from '../import/read-source-file';
import { SectionStore, type PaneCore, type SectionMessage } from '../import/section-store';
import { errorText } from '../message-words';
import { STRINGS } from '../strings.zh-CN';

const S = STRINGS.previous;

export interface LoadedPrevious {
  /** The file's name, or null for pasted text. */
  readonly sourceName: string | null;
  readonly kind: SourceKind | 'xlsx';
  readonly agency: string | null;
  readonly year: number | null;
  /** The published report's format; null for a workbook of our template. */
  readonly formatVersion: FormatVersion | null;
  /** Last year's inputs, in the pane format's inputCells order. */
  readonly values: readonly CellContent[];
  /** What goes to the nb_prev_* names, in the format's previousCells order. */
  readonly previous: readonly CellContent[];
  /** How many of them are numbers. */
  readonly found: number;
  /** The importer's diagnostics about the cells the cross-year rules read. */
  readonly diagnostics: readonly ImportDiagnostic[];
  /** Diagnostics about other cells (not needed for the cross-year checks). */
  readonly otherDiagnostics: number;
  /** Set when this year's 年度 is not the year after the loaded one (likely the wrong file). */
  readonly yearWarning: string | null;
}

export type StoredPrevious =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'absent' }
  /** The workbook has the nb_prev_* names; `numbers` of them hold a number. */
  | { readonly kind: 'present'; readonly numbers: number };

export interface PrefillOutcome {
  /** Names written (blank cells only). */
  readonly written: readonly string[];
  /** Cells that already held last year's number. */
  readonly same: number;
  /** Cells holding something else: left alone, each with its Chinese message. */
  readonly conflicts: readonly CarryConflict[];
}

export interface PreviousState {
  readonly draft: string;
  readonly busy: 'reading' | 'saving' | 'prefilling' | null;
  readonly loaded: LoadedPrevious | null;
  readonly stored: StoredPrevious;
  readonly prefill: PrefillOutcome | null;
  readonly message: SectionMessage | null;
  /** The prefill's own word, shown beside its button (far from the section's top). */
  readonly prefillMessage: SectionMessage | null;
}

export const INITIAL_PREVIOUS_STATE: PreviousState = {
  draft: '',
  busy: null,
  loaded: null,
  stored: { kind: 'unknown' },
  prefill: null,
  message: null,
  prefillMessage: null,
};

function textOf(c: CellContent | undefined): string | null {
  return c?.kind === 'text' && c.text.trim() ? c.text.trim() : null;
}

export class PreviousController extends SectionStore<PreviousState> {
  /** The inputs the cross-year rules compare with last year's. */
  private readonly sourceNames: ReadonlySet<string>;
  private readonly previousNames: readonly string[];
  private readonly inputNames: readonly string[];

  constructor(
    private readonly host: SpreadsheetHost,
    private readonly core: PaneCore,
  ) {
    super(INITIAL_PREVIOUS_STATE);
    const cells = core.format.cells;
    this.sourceNames = new Set(cells.previousSources.map((c) => c.name));
    this.previousNames = cells.previousCells.map((c) => c.name);
    this.inputNames = cells.inputCells.map((c) => c.name);
  }

  setDraft(draft: string): void {
    this.set({ draft });
  }

  private fail(text: string): null {
    this.set({ message: { tone: 'error', text } });
    return null;
  }

  /** Whether the workbook already keeps last year's figures (the nb_prev_* names), and how many. */
  async inspect(): Promise<StoredPrevious> {
    try {
      const read = await this.host.readNamedCells(this.previousNames);
      const stored: StoredPrevious =
        read.missing.length === this.previousNames.length
          ? { kind: 'absent' }
          : { kind: 'present', numbers: read.values.filter((v) => v.kind === 'number').length };
      this.set({ stored });
      return stored;
    } catch (e) {
      this.fail(STRINGS.failed(STRINGS.actions.read, errorText(e)));
      return this.state.stored;
    }
  }

  readDraft(): Promise<LoadedPrevious | null> {
    return this.readText(this.state.draft, null);
  }

  /** Imports last year's published report (text or HTML); writes nothing. */
  async readText(text: string, sourceName: string | null, kind?: TextSourceKind): Promise<LoadedPrevious | null> {
    const imported = await importText(text, kind);
    if (!imported.ok) return this.fail(imported.reason);
    return this.show(imported.result, sourceName);
  }

  private show(result: ImportResult, sourceName: string | null): Promise<LoadedPrevious | null> {
    const concerned = (d: ImportDiagnostic) => d.cells.some((n) => this.sourceNames.has(n));
    return this.loaded({
      sourceName,
      kind: result.source,
      formatVersion: result.formatVersion,
      values: result.values,
      diagnostics: result.diagnostics.filter(concerned),
      otherDiagnostics: result.diagnostics.filter((d) => !concerned(d)).length,
    });
  }

  /** A chosen file: last year's .xlsx (read by names), or its published report as .txt/.html. */
  async readFile(file: File): Promise<LoadedPrevious | null> {
    this.set({ busy: 'reading', message: null });
    try {
      const kind = fileKindOf(file.name);
      if (kind === null) return this.fail(S.badType(file.name));
      if (kind !== 'xlsx') {
        const read = await importFile(file);
        if (!read.ok) return this.fail(read.reason);
        return await this.show(read.result, file.name);
      }
      const { readPreviousWorkbook } = await import(/* webpackChunkName: "previous-xlsx" */ './read-previous-workbook');
      const read = await readPreviousWorkbook(await readFileBytes(file), file.name, this.core.format);
      if (!read.ok) return this.fail(read.reason);
      return await this.loaded({
        sourceName: file.name,
        kind: 'xlsx',
        formatVersion: null,
        values: read.values,
        diagnostics: [],
        otherDiagnostics: 0,
      });
    } catch (e) {
      return this.fail(STRINGS.source.readFailed(file.name, errorText(e)));
    } finally {
      this.set({ busy: null });
    }
  }

  private async loaded(
    from: Omit<LoadedPrevious, 'agency' | 'year' | 'previous' | 'found' | 'yearWarning'>,
  ): Promise<LoadedPrevious> {
    const format = this.core.format;
    const YEAR = format.cells.input('META', 'year');
    const year = from.values[YEAR.index];
    const lastYear = year?.kind === 'number' ? year.value : null;
    const previous = (await loadImporter()).previousValuesFrom(from.values, format);
    let yearWarning: string | null = null;
    try {
      const now = (await this.host.readNamedCells([YEAR.name])).values[0];
      if (lastYear !== null && now?.kind === 'number' && now.value !== lastYear + 1)
        yearWarning = S.yearMismatch(lastYear, now.value);
    } catch {
      // Without this year's 年度 there is nothing to compare; loading goes on.
    }
    const loaded: LoadedPrevious = {
      ...from,
      agency: textOf(from.values[format.cells.input('META', 'agency').index]),
      year: lastYear,
      previous,
      found: previous.filter((v) => v.kind === 'number').length,
      yearWarning,
    };
    this.set({ loaded, message: null });
    return loaded;
  }

  discard(): void {
    this.set({ loaded: null, message: null });
  }

  /**
   * 保存为上年数据: the hidden sheet 上年数据 with the nb_prev_* names and the cross-year highlights, planned by
   * planPrevious at the template's current cells; a second load rewrites only the values.
   */
  async save(): Promise<boolean> {
    const loaded = this.state.loaded;
    if (!loaded || this.state.busy !== null) return false;
    this.set({ busy: 'saving', message: null });
    try {
      const names = await this.host.listNames();
      const refs = new Map(names.filter((n) => n.ref !== null).map((n) => [n.name, n.ref!]));
      const anchor = refs.get(TEMPLATE_MARKER_NAME) ?? this.inputNames.map((n) => refs.get(n)).find(Boolean);
      if (!anchor) {
        this.fail(S.noTemplate);
        return false;
      }
      const templateSheet = splitSheetRef(anchor)!.sheet;
      const address = new Map<string, string>();
      for (const n of this.inputNames) {
        const split = refs.has(n) ? splitSheetRef(refs.get(n)!) : null;
        const r = split ? parseRange(split.range) : null;
        if (split && r && split.sheet === templateSheet) address.set(n, split.range);
      }
      const sheets = await this.host.sheetNames();
      // Our sheet with all its names: rewrite the values. Otherwise a new sheet (never someone else's 上年数据).
      const prevSheets = new Set(
        this.previousNames.map((n) => (refs.has(n) ? splitSheetRef(refs.get(n)!)?.sheet : null)),
      );
      const own = prevSheets.size === 1 ? [...prevSheets][0] : null;
      const sheetExists = typeof own === 'string' && sheets.includes(own);
      const sheet = sheetExists ? own : freeSheetName(sheets, PREVIOUS_SHEET_NAME);
      const reportHighlights = planHighlights(templateSheet, ['report'], address);
      const planned = planPrevious(loaded.previous, {
        sheet,
        templateSheet,
        sheetExists,
        address,
        priorityBase: reportHighlights.length,
        year: loaded.year,
      });
      // Every host replaces a rule only by its formula, so the template's own rules on the shared cells stay.
      // A figure last year's report leaves blank empties the cell (a values edit would keep an earlier load's figure).
      const blanks = sheetExists ? previousBlanks(loaded.previous, this.core.format) : [];
      await this.core.writeAndRefresh(async () => {
        await this.host.applyEdits(planned);
        if (blanks.length) await this.host.writeNamedValues(new Map(blanks.map((n) => [n, CLEAR_CELL])));
      });
      await this.inspect();
      this.set({ loaded: null, message: { tone: 'success', text: S.saved(loaded.year, loaded.found, sheet) } });
      return true;
    } catch (e) {
      this.fail(STRINGS.failed(S.saveAction, errorText(e)));
      return false;
    } finally {
      this.set({ busy: null });
    }
  }

  /**
   * 用上年「结转下年度」预填本年「上年结转」: from the 上年数据 kept in the workbook. Writes only the blank cells;
   * a cell holding another value is listed, never overwritten.
   */
  async prefill(): Promise<PrefillOutcome | null> {
    if (this.state.busy !== null) return null;
    this.set({ busy: 'prefilling', prefillMessage: null });
    const fail = (text: string) => {
      this.set({ prefill: null, prefillMessage: { tone: 'error', text } });
      return null;
    };
    try {
      const read = await this.host.readNamedCells([...this.inputNames, ...this.previousNames]);
      const lost = new Set(read.missing);
      if (this.inputNames.every((n) => lost.has(n))) return fail(S.noTemplate);
      const stored = read.values.slice(this.inputNames.length);
      if (this.previousNames.every((n) => lost.has(n)) || stored.every((v) => v.kind !== 'number'))
        return fail(S.nothingStored);
      // Last year's values in inputCells order, rebuilt from the nb_prev_* block (what prefillCarry reads).
      const format = this.core.format;
      const last: CellContent[] = format.inputCells.map(() => BLANK);
      format.cells.previousSources.forEach((c, i) => (last[c.index] = stored[i]));
      const current = read.values.slice(0, this.inputNames.length);
      const plan = (await loadImporter()).prefillCarry(last, current, format);
      const missing = [...plan.values.keys()].filter((n) => lost.has(n));
      if (missing.length > 0) return fail(S.carryMissing);
      const byName = new Map(this.inputNames.map((n, i) => [n, current[i]]));
      const write = new Map([...plan.toWrite].filter(([n]) => isBlankContent(byName.get(n) ?? BLANK)));
      if (write.size > 0) await this.core.writeAndRefresh(() => this.host.writeNamedValues(write));
      const outcome: PrefillOutcome = {
        written: [...write.keys()],
        same: plan.toWrite.size - write.size,
        conflicts: plan.conflicts,
      };
      const tone = outcome.conflicts.length > 0 ? 'warning' : 'success';
      this.set({
        prefill: outcome,
        prefillMessage: { tone, text: S.prefilled(outcome.written.length, outcome.same, outcome.conflicts.length) },
      });
      return outcome;
    } catch (e) {
      return fail(STRINGS.failed(STRINGS.actions.write, errorText(e)));
    } finally {
      this.set({ busy: null });
    }
  }

  /** Brings a listed cell to the front (a conflict the user wants to look at). */
  async select(name: string): Promise<void> {
    try {
      await this.host.selectNamedCells([name]);
    } catch (e) {
      this.fail(STRINGS.failed(STRINGS.actions.select, errorText(e)));
    }
  }
}

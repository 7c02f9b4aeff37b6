// 导入已发布的报告: reads pasted text or a chosen file with the importer, shows what it found, and writes the
// values into the template only when the user clicks 填入模板. A cell that already holds something else is never
// overwritten without the user's choice (覆盖 / 只填空白单元格 / 取消). The imported narrative is kept for 叙述.
import type { SpreadsheetHost } from '../../hosts/spreadsheet-host';
import type { ImportResult, ImportedNarrative, TextSourceKind } from '../../report/import';
import { IMPORTED_FIELD, SUPPLEMENT_FIELD_BY_NAME } from '../../report/layout/supplement';
import { errorText, nameLabel } from '../message-words';
import { STRINGS } from '../strings.zh-CN';
import { planFill, importedValues, sameConflicts, type FillPlan, type ImportedValue } from './fill-plan';
import { previewOf, type ImportPreview } from './import-preview';
import { importFile, importText, loadImporter } from './load-importer';
import { SectionStore, type PaneCore, type SectionMessage } from './section-store';

const S = STRINGS.import;
/** How many names a message lists before it says 等. */
const LISTED = 5;

export type ImportStep =
  | { readonly kind: 'empty' }
  | { readonly kind: 'preview'; readonly preview: ImportPreview }
  /** 填入模板 was clicked in a workbook without the template: offer to insert it first. */
  | { readonly kind: 'needTemplate'; readonly preview: ImportPreview }
  /** Some cells hold other values: the user chooses 覆盖 / 只填空白单元格 / 取消. */
  | { readonly kind: 'conflicts'; readonly preview: ImportPreview; readonly plan: FillPlan }
  | {
      readonly kind: 'done';
      readonly preview: ImportPreview;
      readonly written: number;
      readonly same: number;
      readonly kept: number;
    };

export interface ImportState {
  /** The paste box's text (kept across tab switches). */
  readonly draft: string;
  readonly busy: 'reading' | 'writing' | null;
  readonly step: ImportStep;
  readonly message: SectionMessage | null;
}

export type ConflictChoice = 'overwrite' | 'blanksOnly' | 'cancel';

export const INITIAL_IMPORT_STATE: ImportState = { draft: '', busy: null, step: { kind: 'empty' }, message: null };

export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).map(nameLabel).join('、');
  return names.length > LISTED ? S.andMore(shown, names.length) : shown;
}

export class ImportController extends SectionStore<ImportState> {
  constructor(
    private readonly host: SpreadsheetHost,
    private readonly core: PaneCore,
  ) {
    super(INITIAL_IMPORT_STATE);
  }

  /** The last report read (previewed or filled); null before one is read or after 放弃. */
  result(): ImportResult | null {
    const step = this.state.step;
    return step.kind === 'empty' ? null : step.preview.result;
  }

  /** The narrative parts of the last report read (一、五、六 and the preamble), for the 叙述 section. */
  narrative(): ImportedNarrative | null {
    return this.result()?.narrative ?? null;
  }

  setDraft(draft: string): void {
    this.set({ draft });
  }

  /** Reads the paste box. */
  readDraft(): Promise<ImportPreview | null> {
    return this.readText(this.state.draft, null);
  }

  /** Runs the importer over text and shows what it found; writes nothing. */
  async readText(text: string, sourceName: string | null, kind?: TextSourceKind): Promise<ImportPreview | null> {
    if (text.trim() === '') {
      this.set({ message: { tone: 'warning', text: STRINGS.source.empty } });
      return null;
    }
    const imported = await importText(text, kind);
    if (!imported.ok) {
      this.set({ step: { kind: 'empty' }, message: { tone: 'error', text: imported.reason } });
      return null;
    }
    return this.show(imported.result, sourceName);
  }

  /** Shows what the importer found; writes nothing. */
  private show(result: ImportResult, sourceName: string | null): ImportPreview {
    const preview = previewOf(result, sourceName);
    this.set({ step: { kind: 'preview', preview }, message: null });
    return preview;
  }

  /** Reads a chosen .txt/.md/.html/.htm/.docx/.pdf file (refusing binary, oversized or broken ones) and previews it. */
  async readFile(file: File): Promise<ImportPreview | null> {
    this.set({ busy: 'reading', message: null });
    try {
      const read = await importFile(file);
      if (!read.ok) {
        this.set({ step: { kind: 'empty' }, message: { tone: 'error', text: read.reason } });
        return null;
      }
      return this.show(read.result, file.name);
    } finally {
      this.set({ busy: null });
    }
  }

  /** 放弃: forgets the report read (the paste box keeps its text). */
  discard(): void {
    this.set({ step: { kind: 'empty' }, message: null });
  }

  private preview(): ImportPreview | null {
    const step = this.state.step;
    return step.kind === 'empty' ? null : step.preview;
  }

  /** What the workbook holds now in the cells the import would write; null (and a message) if it cannot be read. */
  private async planNow(preview: ImportPreview): Promise<FillPlan | 'noTemplate' | null> {
    await this.core.refresh();
    if (this.core.getState().template.kind === 'absent') return 'noTemplate';
    const imported = importedValues(preview.result, preview.result.supplement);
    const names = [...imported.keys()];
    const read = await this.host.readNamedCells(names);
    // A workbook without the 补充信息 sheet (or an older one without a field) keeps the tables' import.
    const damaged = read.missing.filter((n) => !SUPPLEMENT_FIELD_BY_NAME.has(n));
    if (damaged.length > 0) {
      this.set({ message: { tone: 'error', text: S.damaged(listNames(damaged)) } });
      return null;
    }
    for (const n of read.missing) imported.delete(n);
    return planFill(imported, new Map(names.map((n, i) => [n, read.values[i]])));
  }

  private async write(preview: ImportPreview, values: ReadonlyMap<string, ImportedValue>, plan: FillPlan) {
    if (values.size > 0) {
      // The 导入记录 says what was filled from which file (when the workbook has the cell).
      const record = IMPORTED_FIELD.name;
      const withRecord = new Map(values);
      if ((await this.host.readNamedCells([record])).missing.length === 0)
        withRecord.set(
          record,
          (await loadImporter()).importRecord(preview.sourceName, preview.result.source, [...values.keys()]),
        );
      await this.core.writeAndRefresh(() => this.host.writeNamedValues(withRecord));
    }
    const kept = plan.conflicts.filter((c) => !values.has(c.name)).length;
    this.set({
      step: { kind: 'done', preview, written: values.size, same: plan.same.length, kept },
      message: { tone: 'success', text: S.filled(values.size, plan.same.length, kept) },
    });
  }

  private async writing(work: () => Promise<void>): Promise<void> {
    if (this.state.busy !== null) return;
    this.set({ busy: 'writing', message: null });
    try {
      await work();
    } catch (e) {
      this.set({ message: { tone: 'error', text: STRINGS.failed(STRINGS.actions.write, errorText(e)) } });
    } finally {
      this.set({ busy: null });
    }
  }

  /** 填入模板: writes into blank cells at once; asks first when any cell holds something else. */
  fill(): Promise<void> {
    return this.writing(async () => {
      const preview = this.preview();
      if (!preview) return;
      const plan = await this.planNow(preview);
      if (plan === null) return;
      if (plan === 'noTemplate') {
        this.set({ step: { kind: 'needTemplate', preview } });
        return;
      }
      if (plan.conflicts.length > 0) {
        this.set({ step: { kind: 'conflicts', preview, plan } });
        return;
      }
      await this.write(preview, plan.fill, plan);
    });
  }

  /** 插入模板并填入: the controller's 插入模板 (with the imported 机关名称 and 年度), then 填入模板. */
  insertTemplateAndFill(): Promise<void> {
    return this.writing(async () => {
      const preview = this.preview();
      if (!preview) return;
      const agency = preview.agency ?? '';
      let outcome = await this.core.insertTemplate({ agency, year: preview.year === null ? '' : String(preview.year) });
      // A year outside the format's range (a 2019-format report) still gets a template; the year cell is then
      // filled with what was published and the rules say what is wrong with it.
      if (!outcome.ok && outcome.reason === 'year') outcome = await this.core.insertTemplate({ agency, year: '' });
      if (!outcome.ok && outcome.reason !== 'exists') {
        this.set({ message: { tone: 'error', text: outcome.message } });
        return;
      }
      this.set({ step: { kind: 'preview', preview } });
    }).then(() => (this.state.step.kind === 'preview' && !this.state.message ? this.fill() : undefined));
  }

  /** The user's answer to the conflict list. 覆盖 writes only what was shown: if the cells changed since, it asks again. */
  resolve(choice: ConflictChoice): Promise<void> {
    const step = this.state.step;
    if (step.kind !== 'conflicts') return Promise.resolve();
    if (choice === 'cancel') {
      this.set({ step: { kind: 'preview', preview: step.preview }, message: { tone: 'info', text: S.cancelled } });
      return Promise.resolve();
    }
    return this.writing(async () => {
      const plan = await this.planNow(step.preview);
      if (plan === null) return;
      if (plan === 'noTemplate') {
        this.set({ step: { kind: 'needTemplate', preview: step.preview } });
        return;
      }
      if (choice === 'blanksOnly') {
        await this.write(step.preview, plan.fill, plan);
        return;
      }
      if (!sameConflicts(step.plan.conflicts, plan.conflicts)) {
        const next: ImportStep =
          plan.conflicts.length > 0
            ? { kind: 'conflicts', preview: step.preview, plan }
            : { kind: 'preview', preview: step.preview };
        this.set({ step: next, message: { tone: 'warning', text: S.conflictsChanged } });
        return;
      }
      const values = new Map(plan.fill);
      for (const c of plan.conflicts) values.set(c.name, c.imported);
      await this.write(step.preview, values, plan);
    });
  }
}

// What the web page does with its one workbook, without UI: build the report from the template plan, restore
// work in progress, keep it saved as the user types, open an .xlsx and save one. What is kept is the one persisted
// set of the workbook model (workbook-values.ts): every number, text and template by name. ExcelJS is loaded only
// when a file is opened or saved.
import { FORMAT_TITLE, PREVIOUS_CELLS, TEMPLATE_SHEET_NAME, input } from '../../report';
import { readWorkbookValues, sameValues, wholeModel, writableValues, type WritableValue } from '../workbook-values';
import { previousPlan, reportPlan } from './report-plan';
import type { UniverHost } from './univer-host';
import { storeWork, type SavedValue, type SavedWork } from './saved-work';

/** Quiet time after the last change before work in progress is written to IndexedDB. */
const SAVE_DELAY_MS = 400;

export type FileOutcome =
  { readonly ok: true; readonly message: string } | { readonly ok: false; readonly message: string };

export class ReportSession {
  private fileName: string | undefined;
  private fileBytes: ArrayBuffer | undefined;
  /** The values last opened from or saved to a file (or first built): anything else is unsaved work. */
  private baseline: ReadonlyMap<string, SavedValue> = new Map();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: UniverHost,
    /** Called when the workbook changed in a way the pane did not see (a file opened, work restored). */
    private readonly changed: () => void,
  ) {}

  get currentFileName(): string | undefined {
    return this.fileName;
  }

  /**
   * Writes the report (template and 补充信息) unless the sheet started with it (start-sheet.ts builds it from one
   * snapshot), then the saved work over it: `saved` as loadWork() read it, of which the names in `restored` are
   * already in the sheet (start-sheet.ts put them in its snapshot).
   */
  async build(saved: SavedWork | null, restored: ReadonlySet<string> = new Set()): Promise<void> {
    if (!(await this.host.sheetNames()).includes(TEMPLATE_SHEET_NAME)) await this.host.applyEdits(reportPlan());
    if (saved) {
      this.fileName = saved.fileName;
      this.fileBytes = saved.fileBytes;
      const rest = Object.entries(saved.values).filter(([name]) => !restored.has(name));
      if (rest.length) await this.writeValues(new Map(rest));
    }
    this.baseline = saved?.baseline ? new Map(Object.entries(saved.baseline)) : await this.values();
    this.host.onValueChange(() => this.scheduleSave());
    this.host.forgetHistory();
    this.changed();
  }

  /**
   * Writes fields of the model by name (restored work, an opened file, the tests' walk over every field); last
   * year's figures bring their hidden 上年数据 sheet along when it is missing.
   */
  async writeValues(values: ReadonlyMap<string, SavedValue>): Promise<void> {
    let known = new Set((await this.host.listNames()).map((n) => n.name));
    const previous = previousPlan(
      values,
      PREVIOUS_CELLS.some((c) => known.has(c.name)),
    );
    if (previous) {
      await this.host.applyEdits(previous);
      known = new Set((await this.host.listNames()).map((n) => n.name));
    }
    await this.host.writeNamedValues(writableValues(values, known));
  }

  /** Every field of the model the workbook has, by name. */
  values(): Promise<Map<string, SavedValue>> {
    return readWorkbookValues(this.host);
  }

  /** Whether the sheet holds work not yet saved to a file (typed since the last 打开 or 保存). */
  async hasUnsavedWork(): Promise<boolean> {
    return !sameValues(await this.values(), this.baseline);
  }

  private scheduleSave(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pending = this.pending.then(() => this.saveNow()).catch(() => undefined);
    }, SAVE_DELAY_MS);
  }

  /** Writes work in progress now (also what the debounced save runs). */
  async saveNow(): Promise<void> {
    const values = await this.values();
    const work: SavedWork = {
      values: Object.fromEntries(values),
      baseline: Object.fromEntries(this.baseline),
      savedAt: new Date().toISOString(),
      ...(this.fileName ? { fileName: this.fileName } : {}),
      ...(this.fileBytes ? { fileBytes: this.fileBytes } : {}),
    };
    await storeWork(work);
  }

  /** Resolves once any scheduled save has been written. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
      this.pending = this.pending.then(() => this.saveNow());
    }
    await this.pending;
  }

  /** 打开: replaces every field of the model with the file's values (blank where the file has none). */
  async open(name: string, bytes: ArrayBuffer): Promise<FileOutcome> {
    const { readReportFile } = await import(/* webpackChunkName: "xlsx" */ './xlsx-files');
    const opened = await readReportFile(bytes.slice(0));
    if (!opened.ok) return { ok: false, message: `无法打开「${name}」：${opened.reason}` };
    await this.writeValues(wholeModel(opened.values));
    this.host.forgetHistory();
    this.fileName = name;
    this.fileBytes = bytes;
    this.baseline = await this.values();
    this.changed();
    await this.saveNow();
    return { ok: true, message: `已打开「${name}」（工作表「${opened.sheet}」）` };
  }

  /** 保存: the .xlsx bytes and a file name; the opened file is continued, otherwise a new workbook is made. */
  async save(): Promise<{ name: string; bytes: ArrayBuffer }> {
    const { writeReportFile } = await import(/* webpackChunkName: "xlsx" */ './xlsx-files');
    const values = await this.values();
    const bytes = await writeReportFile(values, this.fileBytes);
    // Handed to the user as a download next: what it holds is no longer unsaved work.
    this.baseline = values;
    await this.saveNow();
    return { name: this.fileName ?? defaultFileName(values), bytes };
  }
}

/** Saved work as values to start the sheet with (startSheet's `restore`), written as writeValues writes them. */
export function restorableValues(saved: SavedWork | null): Map<string, WritableValue> {
  const values = new Map(Object.entries(saved?.values ?? {}));
  return writableValues(values, new Set(values.keys()));
}

function defaultFileName(values: ReadonlyMap<string, SavedValue>): string {
  const agency = values.get(input('META', 'agency').name);
  const year = values.get(input('META', 'year').name);
  const parts = [FORMAT_TITLE, typeof agency === 'string' ? agency : '', year ? String(year) : ''];
  return `${parts.filter(Boolean).join('-')}.xlsx`;
}

// 导出 without React: re-reads the workbook (the same one read that gives the findings), takes the report and the
// narrative with the saved templates, builds the .docx (docx's Packer.toBlob, no Node Buffer) or the .html in the
// browser, and hands the file over: through the host's saveFile when it has one (a webview that cannot download),
// else by an <a download> link.
import { Packer } from 'docx';
import { reportDocx } from '../../export/export-docx';
import { exportHtml } from '../../export/export-html';
import { reportTitle } from '../../export/report-document';
import { exportGate, gateLines, type ExportGate } from '../../export/export-gate';
import type { SpreadsheetHost } from '../../hosts/spreadsheet-host';
import { BLANK, FIRST_YEAR, LAST_YEAR, type Narrative, type Report, type SheetLayout } from '../../report';
import { sheetLayoutOf } from '../../report/format/format';
import { narrativeControllerFor, type NarrativeController } from '../narrative/narrative-controller';
import type { ReportController } from '../report-controller';
import { SectionStore } from '../import/section-store';
import { errorText } from '../message-words';
import { STRINGS } from '../strings.zh-CN';
import { EXPORT_STRINGS } from './export-strings.zh-CN';
import { isDamaged } from '../template-health';

const S = EXPORT_STRINGS;

export type ExportKind = 'docx' | 'html';

export const EXPORT_TYPES: Readonly<Record<ExportKind, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
};

export interface ExportMessage {
  readonly tone: 'success' | 'info' | 'warning' | 'error';
  readonly lines: readonly string[];
}

/** What the export waits for before it goes ahead. */
export type ExportQuestion =
  /** The report has errors: they are listed, and the user confirms (仍然导出) or cancels. */
  | { readonly kind: 'errors'; readonly export: ExportKind; readonly title: string; readonly lines: readonly string[] }
  /** The title (and so the file name) lacks 机关名称 or 年度: asked for, then written to the sheet. */
  | { readonly kind: 'title'; readonly export: ExportKind; readonly missing: readonly ('agency' | 'year')[] };

export interface ExportState {
  readonly working: ExportKind | null;
  readonly message: ExportMessage | null;
  readonly question: ExportQuestion | null;
}

export interface ExportRequest {
  /** The user saw the errors and chose 仍然导出. */
  readonly allowErrors?: boolean;
}

export interface BuiltFile {
  readonly name: string;
  readonly blob: Blob;
  /** What the user should know about the content (broken templates, errors in the tables). */
  readonly warnings: readonly string[];
}

export type Deliver = (name: string, blob: Blob) => Promise<void>;

export interface ExportOptions {
  /** Overrides how the file reaches the user (tests); defaults to host.saveFile, else a download link. */
  readonly deliver?: Deliver;
}

/** Characters Windows, macOS and the browsers refuse in a file name (control characters are dropped too). */
const NOT_IN_FILE_NAMES = /[\\/:*?"<>|]/g;

/** 机关名称 + 年度 + 政府信息公开工作年度报告 + extension, without characters a file name cannot hold. */
export function exportFileName(report: Report, kind: ExportKind): string {
  const title = [...reportTitle(report)].filter((c) => c >= ' ').join('');
  return `${title.replace(NOT_IN_FILE_NAMES, '').trim()}.${kind}`;
}

/** Builds the document's bytes (tables laid out as `layout`, the template's) as a Blob (a browser, Node ≥ 18). */
export async function buildDocument(
  report: Report,
  narrative: Narrative,
  kind: ExportKind,
  layout: SheetLayout,
): Promise<Blob> {
  if (kind === 'html') return new Blob([exportHtml(report, narrative, layout)], { type: EXPORT_TYPES.html });
  const blob = await Packer.toBlob(reportDocx(report, narrative, layout));
  return blob.type ? blob : new Blob([blob], { type: EXPORT_TYPES.docx });
}

/** The browser's download: a temporary object URL on an <a download>, clicked once. */
export async function downloadBlob(name: string, blob: Blob): Promise<void> {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoked later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

export class ExportController extends SectionStore<ExportState> {
  constructor(
    private readonly host: SpreadsheetHost,
    private readonly pane: ReportController,
    private readonly narrative: NarrativeController,
    private readonly options: ExportOptions = {},
  ) {
    super({ working: null, message: null, question: null });
  }

  /** The gate over the last read: errors, warnings, blanks, and what the title lacks. */
  gate(): ExportGate {
    const { cells, findings } = this.pane.getState();
    const format = this.pane.format;
    const values = format.cells.valueCells.map((c) => cells.get(c.name) ?? BLANK);
    return exportGate(findings, values, this.narrative.current().report, format);
  }

  /** Reads the workbook now and builds the file; a refusal is a Chinese reason. */
  async build(kind: ExportKind): Promise<BuiltFile | { readonly error: string }> {
    const reads = this.pane.getState().reads;
    await this.pane.refresh();
    const pane = this.pane.getState();
    if (pane.reads === reads) return { error: S.cannotRead };
    if (pane.template.kind !== 'found') return { error: S.noTemplateError };
    const { report, narrative } = this.narrative.current();
    const warnings: string[] = [];
    if (isDamaged(pane.template)) warnings.push(S.damaged);
    if (pane.counts.error > 0) warnings.push(S.errors(pane.counts.error));
    const broken = Object.values(narrative.generated).filter((g) => g.problems.length > 0);
    if (broken.length) warnings.push(S.brokenTemplates(broken.map((g) => `「${g.label}」`).join('、')));
    if (this.narrative.hasUnsavedDrafts()) warnings.push(S.unsavedDrafts);
    const blob = await buildDocument(report, narrative, kind, sheetLayoutOf(this.pane.format));
    return { name: exportFileName(report, kind), blob, warnings };
  }

  /**
   * 导出: reads the workbook, then asks first when the title lacks 机关名称 or 年度 and when the report has errors
   * (listing them); otherwise builds the file and hands it to the user, saying what was made and what to check.
   */
  async export(kind: ExportKind, request: ExportRequest = {}): Promise<boolean> {
    if (this.state.working) return false;
    this.set({ working: kind, message: null, question: null });
    try {
      const built = await this.build(kind);
      if ('error' in built) {
        this.set({ message: { tone: 'error', lines: [built.error] } });
        return false;
      }
      const gate = this.gate();
      if (gate.missingTitle.length) {
        this.set({ question: { kind: 'title', export: kind, missing: gate.missingTitle } });
        return false;
      }
      if (gate.blocked && !request.allowErrors) {
        const lines = gateLines({ ...gate, missingTitle: [] });
        this.set({ question: { kind: 'errors', export: kind, title: S.gateTitle(gate.errors.length), lines } });
        return false;
      }
      const deliver: Deliver =
        this.options.deliver ?? (this.host.saveFile ? (n, b) => this.host.saveFile!(n, b) : downloadBlob);
      await deliver(built.name, built.blob);
      const lines = [
        S.done(built.name, S.size(built.blob.size)),
        ...built.warnings,
        ...gateLines({ ...gate, errors: [], missingTitle: [] }),
      ];
      if (!this.host.saveFile && !this.options.deliver) lines.push(S.doneHint);
      this.set({ message: { tone: lines.length > 1 ? 'warning' : 'success', lines } });
      return true;
    } catch (e) {
      this.set({ message: { tone: 'error', lines: [STRINGS.failed(STRINGS.actions.export, errorText(e))] } });
      return false;
    } finally {
      this.set({ working: null });
    }
  }

  /** 取消 on a question: nothing is exported. */
  cancel(): void {
    this.set({ question: null });
  }

  /**
   * The answer to the title question: writes 机关名称 and 年度 into the sheet (they belong to the report, and the
   * user typed them), then exports. A year that is not one is refused in Chinese and nothing is written.
   */
  async supplyTitle(agency: string, year: string): Promise<boolean> {
    const q = this.state.question;
    if (q?.kind !== 'title') return false;
    const writes = new Map<string, string | number>();
    if (q.missing.includes('agency')) {
      if (!agency.trim()) return this.refuse(S.titleAgency);
      writes.set(this.pane.format.cells.input('META', 'agency').name, agency.trim());
    }
    if (q.missing.includes('year')) {
      const n = Number(year.trim());
      if (!/^\d{4}$/.test(year.trim()) || n < FIRST_YEAR || n > LAST_YEAR) return this.refuse(S.titleYear);
      writes.set(this.pane.format.cells.input('META', 'year').name, n);
    }
    try {
      await this.host.writeNamedValues(writes);
    } catch (e) {
      this.set({ message: { tone: 'error', lines: [STRINGS.failed(STRINGS.actions.write, errorText(e))] } });
      return false;
    }
    return this.export(q.export);
  }

  private refuse(line: string): false {
    this.set({ message: { tone: 'error', lines: [line] } });
    return false;
  }
}

const controllers = new WeakMap<ReportController, ExportController>();

/** One export controller per pane controller, so its last message survives a tab switch. */
export function exportControllerFor(pane: ReportController, host: SpreadsheetHost): ExportController {
  let c = controllers.get(pane);
  if (!c) controllers.set(pane, (c = new ExportController(host, pane, narrativeControllerFor(pane, host))));
  return c;
}

// 导出 without React: re-reads the workbook (the same one read that gives the findings), takes the report and the
// narrative with the saved templates, builds the .docx (docx's Packer.toBlob, no Node Buffer) or the .html in the
// browser, and hands the file over: through the host's saveFile when it has one (a webview that cannot download),
// else by an <a download> link.
import { Packer } from 'docx';
import { reportDocx } from '../../export/export-docx';
import { exportHtml } from '../../export/export-html';
import { reportTitle } from '../../export/report-document';
import type { SpreadsheetHost } from '../../hosts/spreadsheet-host';
import type { Narrative, Report } from '../../report';
import { narrativeControllerFor, type NarrativeController } from '../narrative/narrative-controller';
import type { ReportController } from '../report-controller';
import { SectionStore } from '../import/section-store';
import { errorText } from '../message-words';
import { STRINGS } from '../strings.zh-CN';
import { isDamaged } from '../template-health';

const S = STRINGS.export;

export type ExportKind = 'docx' | 'html';

export const EXPORT_TYPES: Readonly<Record<ExportKind, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
};

export interface ExportMessage {
  readonly tone: 'success' | 'info' | 'warning' | 'error';
  readonly lines: readonly string[];
}

export interface ExportState {
  readonly working: ExportKind | null;
  readonly message: ExportMessage | null;
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

/** Builds the document's bytes as a Blob (works in a browser and in Node ≥ 18). */
export async function buildDocument(report: Report, narrative: Narrative, kind: ExportKind): Promise<Blob> {
  if (kind === 'html') return new Blob([exportHtml(report, narrative)], { type: EXPORT_TYPES.html });
  const blob = await Packer.toBlob(reportDocx(report, narrative));
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
    super({ working: null, message: null });
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
    const blob = await buildDocument(report, narrative, kind);
    return { name: exportFileName(report, kind), blob, warnings };
  }

  /** 导出: builds the file and hands it to the user; says what was made and anything to check. */
  async export(kind: ExportKind): Promise<boolean> {
    if (this.state.working) return false;
    this.set({ working: kind, message: null });
    try {
      const built = await this.build(kind);
      if ('error' in built) {
        this.set({ message: { tone: 'error', lines: [built.error] } });
        return false;
      }
      const deliver: Deliver =
        this.options.deliver ?? (this.host.saveFile ? (n, b) => this.host.saveFile!(n, b) : downloadBlob);
      await deliver(built.name, built.blob);
      const lines = [S.done(built.name, S.size(built.blob.size)), ...built.warnings];
      if (!this.host.saveFile && !this.options.deliver) lines.push(S.doneHint);
      this.set({ message: { tone: built.warnings.length ? 'warning' : 'success', lines } });
      return true;
    } catch (e) {
      this.set({ message: { tone: 'error', lines: [STRINGS.failed(STRINGS.actions.export, errorText(e))] } });
      return false;
    } finally {
      this.set({ working: null });
    }
  }
}

const controllers = new WeakMap<ReportController, ExportController>();

/** One export controller per pane controller, so its last message survives a tab switch. */
export function exportControllerFor(pane: ReportController, host: SpreadsheetHost): ExportController {
  let c = controllers.get(pane);
  if (!c) controllers.set(pane, (c = new ExportController(host, pane, narrativeControllerFor(pane, host))));
  return c;
}

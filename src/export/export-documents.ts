// What `nianbao export --docx/--html` calls: writes the report's documents to the paths given.
import { writeFile } from 'node:fs/promises';
import type { Narrative, Report } from '../report';
import { sheetLayoutOf, type Format } from '../report/format/format';
import { exportDocx } from './export-docx';
import { exportHtml } from './export-html';

export interface DocumentTargets {
  readonly docx?: string;
  readonly html?: string;
}

/** Writes one output file (the CLI passes its temp-file-and-rename writer). */
export type WriteDocument = (path: string, data: string | Uint8Array) => Promise<void>;

/** Writes each requested document of a report of `format`; returns the paths written, in the order docx, html. */
export async function exportDocuments(
  report: Report,
  narrative: Narrative,
  targets: DocumentTargets,
  format: Format,
  write: WriteDocument = (path, data) => writeFile(path, data),
): Promise<string[]> {
  const layout = sheetLayoutOf(format);
  const written: string[] = [];
  if (targets.docx) {
    await write(targets.docx, await exportDocx(report, narrative, layout));
    written.push(targets.docx);
  }
  if (targets.html) {
    await write(targets.html, exportHtml(report, narrative, layout));
    written.push(targets.html);
  }
  return written;
}

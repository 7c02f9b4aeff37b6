// What `nianbao export --docx/--html` calls: writes the report's documents to the paths given.
import { writeFile } from 'node:fs/promises';
import type { Narrative, Report } from '../report';
import { exportDocx } from './export-docx';
import { exportHtml } from './export-html';

export interface DocumentTargets {
  readonly docx?: string;
  readonly html?: string;
}

/** Writes one output file (the CLI passes its temp-file-and-rename writer). */
export type WriteDocument = (path: string, data: string | Uint8Array) => Promise<void>;

/** Writes each requested document; returns the paths written, in the order docx, html. */
export async function exportDocuments(
  report: Report,
  narrative: Narrative,
  targets: DocumentTargets,
  write: WriteDocument = (path, data) => writeFile(path, data),
): Promise<string[]> {
  const written: string[] = [];
  if (targets.docx) {
    await write(targets.docx, await exportDocx(report, narrative));
    written.push(targets.docx);
  }
  if (targets.html) {
    await write(targets.html, exportHtml(report, narrative));
    written.push(targets.html);
  }
  return written;
}

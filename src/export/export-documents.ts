// What `nianbao export --docx/--html` calls: writes the report's documents to the paths given.
import { writeFile } from 'node:fs/promises';
import type { Narrative, Report } from '../report';
import { exportDocx } from './export-docx';
import { exportHtml } from './export-html';

export interface DocumentTargets {
  readonly docx?: string;
  readonly html?: string;
}

/** Writes each requested document; returns the paths written, in the order docx, html. */
export async function exportDocuments(
  report: Report,
  narrative: Narrative,
  targets: DocumentTargets,
): Promise<string[]> {
  const written: string[] = [];
  if (targets.docx) {
    await writeFile(targets.docx, await exportDocx(report, narrative));
    written.push(targets.docx);
  }
  if (targets.html) {
    await writeFile(targets.html, exportHtml(report, narrative), 'utf8');
    written.push(targets.html);
  }
  return written;
}

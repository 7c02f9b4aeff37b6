// The importer and the cross-year helpers (with the zod schema their typed report is checked with) load on the
// first 读取 or 预填, not with the pane: most sessions never import a report.
import type { ImportOptions, ImportResult } from '../../report/import';

export type Importer = typeof import('../../report/import');

export function loadImporter(): Promise<Importer> {
  return import(/* webpackChunkName: "importer" */ '../../report/import');
}

export async function runImporter(text: string, options: ImportOptions): Promise<ImportResult> {
  return (await loadImporter()).importReport(text, options);
}

// The importer and the cross-year helpers (with the zod schema their typed report is checked with) load on the
// first 读取 or 预填, not with the pane: most sessions never import a report.
import type { ImportResult, SourceKind } from '../../report/import';
import { STRINGS } from '../strings.zh-CN';

export type Importer = typeof import('../../report/import');

export function loadImporter(): Promise<Importer> {
  return import(/* webpackChunkName: "importer" */ '../../report/import');
}

/**
 * Imports pasted or read text, or says in Chinese why there is nothing to show: nothing pasted, no report tables
 * found, or text too large for the importer. Used by 导入 and 上年数据 alike.
 */
export async function importText(
  text: string,
  kind?: SourceKind,
): Promise<{ readonly ok: true; readonly result: ImportResult } | { readonly ok: false; readonly reason: string }> {
  if (text.trim() === '') return { ok: false, reason: STRINGS.source.empty };
  const result = (await loadImporter()).importReport(text, kind ? { kind } : {});
  if (result.formatVersion !== 'unknown') return { ok: true, result };
  const tooLarge = result.diagnostics.find((d) => d.code === 'tooLarge');
  return { ok: false, reason: tooLarge ? tooLarge.message : STRINGS.source.noTables };
}

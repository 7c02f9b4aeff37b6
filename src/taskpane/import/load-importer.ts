// The importer and the cross-year helpers (with the zod schema their typed report is checked with) load on the
// first 读取 or 预填, not with the pane: most sessions never import a report.
import type { ImportResult, TextSourceKind } from '../../report/import';
import { STRINGS } from '../strings.zh-CN';
import { SOURCE_LIMITS, decodeReportBytes, fileKindOf, megabytes, readFileBytes } from './read-source-file';

export type Importer = typeof import('../../report/import');

export function loadImporter(): Promise<Importer> {
  return import(/* webpackChunkName: "importer" */ '../../report/import');
}

/**
 * Imports pasted or read text, or says in Chinese why there is nothing to show: nothing pasted, no report tables
 * found, or text too large for the importer. Used by 导入 and 上年数据 alike.
 */
export type Imported =
  { readonly ok: true; readonly result: ImportResult } | { readonly ok: false; readonly reason: string };

export async function importText(text: string, kind?: TextSourceKind): Promise<Imported> {
  if (text.trim() === '') return { ok: false, reason: STRINGS.source.empty };
  const result = (await loadImporter()).importReport(text, kind ? { kind } : {});
  if (result.formatVersion !== 'unknown') return { ok: true, result };
  const tooLarge = result.diagnostics.find((d) => d.code === 'tooLarge');
  return { ok: false, reason: tooLarge ? tooLarge.message : STRINGS.source.noTables };
}

/**
 * A chosen report file (.txt, .md, .html/.htm, .docx, .pdf), size-checked before it is read, then read by the
 * importer's reader for its kind. pdfjs-dist is loaded only when a PDF is chosen (its own chunk).
 */
export async function importFile(file: File): Promise<Imported> {
  const S = STRINGS.source;
  const kind = fileKindOf(file.name);
  if (kind === null || kind === 'xlsx') return { ok: false, reason: S.badType(file.name) };
  // A published .docx or .pdf is held to the importer's own limit, which comes with the importer.
  const limit = kind === 'docx' || kind === 'pdf' ? (await loadImporter()).DOCUMENT_MAX_BYTES : SOURCE_LIMITS.textBytes;
  if (file.size > limit) return { ok: false, reason: S.tooLarge(file.name, megabytes(file.size), megabytes(limit)) };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFileBytes(file));
  } catch (e) {
    return { ok: false, reason: S.readFailed(file.name, e instanceof Error ? e.message : String(e)) };
  }
  if (kind !== 'docx' && kind !== 'pdf') {
    const decoded = decodeReportBytes(bytes, file.name);
    if (!decoded.ok) return decoded;
    return importText(decoded.text, kind === 'text' ? undefined : kind);
  }
  const importer = await loadImporter();
  const read = await importer.importDocument(bytes, file.name);
  if (!read.ok) {
    const problems: Readonly<Record<string, string>> = importer.DOCUMENT_PROBLEMS;
    return { ok: false, reason: S.notText(file.name, `：${problems[read.problem] ?? read.problem}`) };
  }
  if (read.result.formatVersion === 'unknown') return { ok: false, reason: S.noTables };
  return { ok: true, result: read.result };
}

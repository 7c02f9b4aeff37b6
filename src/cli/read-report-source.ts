// Any report file the CLI is given, read into values: a workbook of our template (guarded before ExcelJS parses
// it), or a published report (.txt, .md, .html, .docx, .pdf; guarded: size, binary content, encoding, zip entries
// and ratio, PDF pages and time) through the importer's importDocument, which the pane uses too.
// `nianbao import`, `nianbao audit` and `validate --previous` share it.
import { FORMAT_TITLE, TABLE_NAMES, type CellContent } from '../report';
import type { Format } from '../report/format/format';
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_PROBLEMS,
  TEXT_LIMITS,
  decodeReportText,
  fileKindOfName,
  foreignFormat,
  importDocument,
  type FileKind,
  type ImportResult,
  type TextProblem,
} from '../report/import';
import { readReportInputs } from '../report/reading/read-report';
import { templateReadNames } from '../report/reading/read-template';
import { megabytes } from '../hosts/xlsx/open-guard';
import { openReportFile, readBoundedFile } from '../hosts/xlsx/read-file';
import { readInputHead } from '../hosts/node/input-file';

export type SourceKind = FileKind;

export type TextRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

const TEXT_PROBLEMS: Readonly<Record<TextProblem, string>> = {
  empty: '文件是空的（0 字节）',
  tooLarge: `文件过大，年报全文通常小于 1 MB，上限为 ${megabytes(TEXT_LIMITS.bytes)}`,
  pdf: '这是一个 PDF 文件，但扩展名不是 .pdf：请改为 .pdf 后再导入',
  zip: '这是一个压缩包（如 .xlsx 或 .docx），但扩展名不是 .docx/.xlsx：请改正扩展名后再导入',
  ole: '这是一个旧版 Office 文件（.doc/.xls）或加密的 Office 文件：请在 Word 中另存为 .docx（不加密）后再导入',
  binary: '文件内容是二进制数据，不是文本或网页文件',
  encoding: '无法识别文件的文字编码（既不是 UTF-8 也不是 GBK），请另存为 UTF-8 文本后再试',
};

/** Decodes a text file's bytes (decode-text.ts), with the CLI's words for what it is not. */
export function decodeText(buf: Uint8Array): TextRead {
  const decoded = decodeReportText(buf);
  return decoded.ok ? decoded : { ok: false, reason: TEXT_PROBLEMS[decoded.problem] };
}

/** What kind a file is: by its extension, else by its first bytes. */
export async function sniffKind(path: string): Promise<SourceKind> {
  const byExt = fileKindOfName(path);
  if (byExt) return byExt;
  // Through the guarded reader: a FIFO or a device answers at once (and is refused when it is read).
  const head = await readInputHead(path, 64 * 1024);
  if (!head) return 'text';
  const first = head.subarray(0, 512);
  const foreign = foreignFormat(first);
  if (foreign === 'pdf') return 'pdf';
  if (foreign === 'zip') return isWordPackage(head) ? 'docx' : 'xlsx';
  return /<(!doctype|html|table|body)/i.test(first.toString('latin1')) ? 'html' : 'text';
}

/** A zip without a known extension: a Word package names word/document.xml in its first entries. */
function isWordPackage(head: Buffer): boolean {
  const text = head.toString('latin1');
  return text.includes('word/') && !text.includes('xl/');
}

/** Why a published report's file that was read is still not a report. */
export const NO_TABLES_REASON = `没有找到年报的表格（${TABLE_NAMES.T2}、${TABLE_NAMES.T3}、${TABLE_NAMES.T4}），不是${FORMAT_TITLE}，或内容不完整`;

/** A published report's file read through the importer; a result of format 'unknown' is the caller's to judge. */
export async function importReportFile(
  path: string,
  _kind?: Exclude<SourceKind, 'xlsx'>,
): Promise<{ readonly ok: true; readonly imported: ImportResult } | { readonly ok: false; readonly reason: string }> {
  const read = await readBoundedFile(path, DOCUMENT_MAX_BYTES, '年报全文');
  if (!read.ok) return read;
  const doc = await importDocument(read.bytes, path);
  if (doc.ok) return { ok: true, imported: doc.result };
  const p = doc.problem;
  return {
    ok: false,
    reason:
      p in TEXT_PROBLEMS ? TEXT_PROBLEMS[p as TextProblem] : DOCUMENT_PROBLEMS[p as keyof typeof DOCUMENT_PROBLEMS],
  };
}

export type ReportSource =
  | {
      readonly ok: true;
      readonly kind: SourceKind;
      /** This year's inputs, in the format's inputCells order. */
      readonly values: readonly CellContent[];
      /** The importer's result, for text and HTML. */
      readonly imported: ImportResult | null;
    }
  | { readonly ok: false; readonly kind: SourceKind; readonly reason: string };

/**
 * Reads a report of any kind into values of `format` (a workbook of its template, or a published report the importer
 * reads into it); `validate --previous last.xlsx|last.txt` passes them to previousValuesFrom.
 */
export async function readReportSource(path: string, format: Format): Promise<ReportSource> {
  const kind = await sniffKind(path);
  if (kind === 'xlsx') {
    const opened = await openReportFile(path, templateReadNames(format));
    if (!opened.ok) return { ok: false, kind, reason: opened.reason };
    const read = await readReportInputs(opened.host, format);
    if (!read.ok) return { ok: false, kind, reason: read.reason };
    return { ok: true, kind, values: read.values, imported: null };
  }
  const read = await importReportFile(path, kind);
  if (!read.ok) return { ok: false, kind, reason: read.reason };
  const { imported } = read;
  if (imported.formatVersion === 'unknown') return { ok: false, kind, reason: NO_TABLES_REASON };
  return { ok: true, kind, values: imported.values, imported };
}

// A published report's file, from bytes to an import result, the same in the CLI (node) and the pane (browser):
// the kind by name (or by first bytes), then the reader for that kind (text, Markdown, HTML, .docx, PDF), then the
// table readers. What cannot be read says why, in Chinese, with the limit it hit.
import { TEXT_LIMITS, decodeReportText, fileKindOfName, foreignFormat, type TextProblem } from './decode-text';
import { DOCX_LIMITS, linesFromDocx, type DocxProblem } from './docx-lines';
import { importLines, importReport, type ImportResult, type SourceKind } from './import-report';
import { PDF_LIMITS, readPdf, type PdfProblem } from './read-pdf';

export type DocumentKind = SourceKind;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export const DOCUMENT_PROBLEMS: Readonly<Record<DocxProblem | PdfProblem, string>> = {
  tooLarge: `文件过大（上限：PDF ${mb(PDF_LIMITS.bytes)}，Word ${mb(DOCX_LIMITS.bytes)}），不是一份年报`,
  notZip: '不是有效的 Word 文档（.docx 应是一个 zip 压缩包），文件可能已损坏',
  tooManyEntries: `Word 文档包含的部件过多（超过 ${DOCX_LIMITS.entries} 个），不是一份正常的年报，未读取`,
  noDocument: 'Word 文档中没有正文（缺少 word/document.xml），文件可能已损坏',
  bomb: `Word 文档正文解压后过大（超过 ${mb(DOCX_LIMITS.documentXml)} 或压缩比超过 ${DOCX_LIMITS.ratio} 倍），疑似压缩炸弹，未读取`,
  badXml: 'Word 文档正文不是有效的 XML，文件可能已损坏',
  encrypted: 'PDF 文件已加密（需要密码才能打开），无法读取：请提供未加密的 PDF，或从网页复制全文',
  scan: 'PDF 文件没有文字层（是扫描件或图片），无法读取其中的数字：请找网页版或可复制文字的 PDF，或先做文字识别（OCR）',
  badPdf: '不是有效的 PDF 文件，文件可能已损坏',
  tooManyPages: `PDF 页数过多（超过 ${PDF_LIMITS.pages} 页），不是一份年报，未读取`,
  tooLong: `PDF 内容过多或读取超时（${PDF_LIMITS.millis / 1000} 秒），未读取`,
};

export type DocumentRead =
  | { readonly ok: true; readonly result: ImportResult }
  | { readonly ok: false; readonly problem: TextProblem | DocxProblem | PdfProblem };

/** The largest file any reader takes: a size check before the bytes are read. */
export const DOCUMENT_MAX_BYTES = Math.max(TEXT_LIMITS.bytes, DOCX_LIMITS.bytes, PDF_LIMITS.bytes);

/**
 * Reads a report file's bytes. The kind comes from the name; a name without a known extension is told by the first
 * bytes (a PDF, a zip taken for .docx, else text). A text-kind name holding a PDF or a zip is refused by the text
 * decoder with what it is.
 */
export async function importDocument(bytes: Uint8Array, name: string): Promise<DocumentRead> {
  let kind: DocumentKind | 'xlsx' | null = fileKindOfName(name);
  if (kind === null || kind === 'xlsx') {
    const foreign = foreignFormat(bytes);
    kind = foreign === 'pdf' ? 'pdf' : foreign === 'zip' ? 'docx' : 'text';
  }
  if (kind === 'pdf') {
    if (foreignFormat(bytes) !== 'pdf') return { ok: false, problem: 'badPdf' };
    const read = await readPdf(bytes);
    return read.ok ? { ok: true, result: importLines(read.lines, 'pdf') } : read;
  }
  if (kind === 'docx') {
    if (foreignFormat(bytes) === 'ole') return { ok: false, problem: 'ole' };
    const read = linesFromDocx(bytes);
    if (!read.ok) return read;
    const result = importLines(read.lines, 'docx');
    return { ok: true, result };
  }
  const text = decodeReportText(bytes);
  if (!text.ok) return text;
  // A .txt holding a web page is still read as one: text lets the importer sniff.
  return { ok: true, result: importReport(text.text, kind === 'text' ? {} : { kind }) };
}

// Any report file the CLI is given, read into values: a workbook of our template (guarded before ExcelJS parses
// it), or a published report as text or HTML (guarded: size, binary content, encoding) through the importer.
// `nianbao import`, `nianbao audit` and `validate --previous` share it.
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { INPUT_CELLS, type CellContent } from '../report';
import { importReport, type ImportResult } from '../report/import';
import { readTemplate } from '../hosts/read-template';
import { openWorkbookFile } from '../hosts/xlsx/read-workbook';

export const TEXT_LIMITS = {
  /** A published report is 10–100 KB of text, an HTML page a few hundred KB. */
  bytes: 8 * 1024 * 1024,
  /** Share of control characters above which a "text" file is taken for binary. */
  controlRatio: 0.01,
  /** Share of undecodable characters above which the encoding is taken for unknown. */
  replacementRatio: 0.01,
} as const;

export type SourceKind = 'xlsx' | 'text' | 'html';

export type TextRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function kindOfPath(path: string): SourceKind | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.txt' || ext === '.text') return 'text';
  return null;
}

/** Decodes a text file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK as Chinese pages often are. */
export function decodeText(buf: Buffer): TextRead {
  if (buf.length === 0) return { ok: false, reason: '文件是空的（0 字节）' };
  const head = buf.subarray(0, 8);
  if (head.subarray(0, 4).toString('latin1') === '%PDF')
    return { ok: false, reason: '这是一个 PDF 文件：请先用 pdftotext -layout 转为文本（.txt）再导入' };
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50)
    return { ok: false, reason: '这是一个压缩包（如 .xlsx 或 .docx），不是文本或网页文件' };
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0)
    return { ok: false, reason: '这是一个旧版 Office 文件（.doc/.xls）或加密文件，不是文本或网页文件' };
  let text: string;
  if (buf[0] === 0xff && buf[1] === 0xfe) text = new TextDecoder('utf-16le').decode(buf.subarray(2));
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = new TextDecoder('utf-16be').decode(buf.subarray(2));
  else {
    const sample = buf.subarray(0, 65536);
    let control = 0;
    for (const b of sample)
      if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control++;
    if (control > sample.length * TEXT_LIMITS.controlRatio)
      return { ok: false, reason: '文件内容是二进制数据，不是文本或网页文件' };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      text = new TextDecoder('gb18030').decode(buf);
    }
  }
  text = text.replace(/^\ufeff/, '');
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  if (bad > text.length * TEXT_LIMITS.replacementRatio)
    return { ok: false, reason: '无法识别文件的文字编码（既不是 UTF-8 也不是 GBK），请另存为 UTF-8 文本后再试' };
  return { ok: true, text };
}

/** Reads a text or HTML file within TEXT_LIMITS. */
export async function readTextFile(path: string): Promise<TextRead> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) return { ok: false, reason: '不是文件' };
    size = s.size;
  } catch {
    return { ok: false, reason: '文件不存在或无法访问' };
  }
  if (size > TEXT_LIMITS.bytes)
    return { ok: false, reason: `文件过大（${MB(size)}），年报全文通常小于 1 MB，上限为 ${MB(TEXT_LIMITS.bytes)}` };
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buf, 0, size, 0);
    return decodeText(buf.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** What kind a file is: by its extension, else by its first bytes. */
export async function sniffKind(path: string): Promise<SourceKind> {
  const byExt = kindOfPath(path);
  if (byExt) return byExt;
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(512);
      const { bytesRead } = await handle.read(head, 0, 512, 0);
      if (bytesRead >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'xlsx';
      return /<(!doctype|html|table|body)/i.test(head.subarray(0, bytesRead).toString('latin1')) ? 'html' : 'text';
    } finally {
      await handle.close();
    }
  } catch {
    return 'text';
  }
}

export type ReportSource =
  | {
      readonly ok: true;
      readonly kind: SourceKind;
      /** This year's inputs, in INPUT_CELLS order. */
      readonly values: readonly CellContent[];
      /** The importer's result, for text and HTML. */
      readonly imported: ImportResult | null;
    }
  | { readonly ok: false; readonly kind: SourceKind; readonly reason: string };

/** Reads a report of any kind into values; `validate --previous last.xlsx|last.txt` passes them to previousValuesFrom. */
export async function readReportSource(path: string): Promise<ReportSource> {
  const kind = await sniffKind(path);
  if (kind === 'xlsx') {
    const opened = await openWorkbookFile(path);
    if (!opened.ok) return { ok: false, kind, reason: opened.reason };
    const read = await readTemplate(opened.host);
    if (!read.ok) return { ok: false, kind, reason: read.reason };
    return { ok: true, kind, values: read.values.slice(0, INPUT_CELLS.length), imported: null };
  }
  const text = await readTextFile(path);
  if (!text.ok) return { ok: false, kind, reason: text.reason };
  const imported = importReport(text.text, kind === 'html' ? { kind: 'html' } : {});
  if (imported.formatVersion === 'unknown')
    return {
      ok: false,
      kind,
      reason: '没有找到年报的表格（表二、表三、表四），不是政府信息公开工作年度报告，或内容不完整',
    };
  return { ok: true, kind, values: imported.values, imported };
}

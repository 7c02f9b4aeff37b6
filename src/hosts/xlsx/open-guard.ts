// Decides whether a file may be handed to ExcelJS: checked by magic bytes and the zip's declared sizes, in
// bounded time and memory, before any parsing. Each refusal says in Chinese what the file is and what to do.
import { readZipDirectory, readZipEntry, type ZipEntry } from './zip-directory';

export const OPEN_LIMITS = {
  /** A report template is about 30 KB; a workbook with pictures may be a few MB. */
  fileBytes: 20 * 1024 * 1024,
  totalUncompressed: 120 * 1024 * 1024,
  sheetUncompressed: 40 * 1024 * 1024,
  entries: 5000,
  /** Deflate rarely beats 1:200 on real spreadsheet XML; bombs reach 1:1000 and more. */
  ratio: 400,
  /** The template has about 600 cells; ExcelJS needs ~400 MB and 2 s for a million, so sheets are counted first. */
  cells: 200_000,
} as const;

export interface RawDefinedName {
  readonly name: string;
  /** The text of the definition as stored (e.g. "'年报'!$I$24" or "#REF!"). */
  readonly text: string;
  readonly localSheetId?: number;
}

export type GuardResult =
  | { readonly ok: true; readonly definedNames: readonly RawDefinedName[]; readonly sheets: readonly string[] }
  | { readonly ok: false; readonly reason: string };

export const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The refusal of a file over `limit` bytes; `what` names the kind of file (年报工作簿, 年报全文). */
export function tooLargeReason(size: number, limit: number, what: string): string {
  return `文件过大（${megabytes(size)}），${what}通常小于 1 MB，上限为 ${megabytes(limit)}`;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export function guardXlsx(buf: Buffer): GuardResult {
  if (buf.length === 0) return { ok: false, reason: '文件是空的（0 字节）' };
  if (buf.length > OPEN_LIMITS.fileBytes)
    return { ok: false, reason: tooLargeReason(buf.length, OPEN_LIMITS.fileBytes, '年报工作簿') };
  const head = buf.subarray(0, 8);
  if (head.subarray(0, 4).toString('latin1') === '%PDF')
    return { ok: false, reason: '这是一个 PDF 文件，不是 Excel 工作簿（.xlsx）；PDF 报告请用 nianbao import 导入文本' };
  if (head.readUInt32BE(0) === 0xd0cf11e0)
    return {
      ok: false,
      reason: '文件设置了打开密码（已加密），或是旧版 .xls 格式：请在 Excel 或 WPS 中去掉打开密码，另存为 .xlsx 后再试',
    };
  if (head.readUInt32LE(0) !== 0x04034b50)
    return { ok: false, reason: '不是 .xlsx 文件（不是 Excel 2007 及以后版本的工作簿格式）' };
  const dir = readZipDirectory(buf);
  if ('error' in dir) return { ok: false, reason: dir.error };
  const { entries } = dir;
  if (entries.length > OPEN_LIMITS.entries)
    return { ok: false, reason: `压缩包内文件过多（${entries.length} 个），不是正常的年报工作簿` };
  if (entries.some((e) => e.encrypted)) return { ok: false, reason: '压缩包内容已加密，无法读取' };
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > 1024 * 1024 && e.size / Math.max(1, e.compressedSize) > OPEN_LIMITS.ratio)
      return { ok: false, reason: `文件疑似“压缩炸弹”：${e.name} 压缩比超过 ${OPEN_LIMITS.ratio}:1，已拒绝读取` };
    if (e.name.startsWith('xl/worksheets/') && e.size > OPEN_LIMITS.sheetUncompressed)
      return { ok: false, reason: `工作表过大（${e.name} 解压后 ${megabytes(e.size)}），年报工作簿不会有这么多单元格` };
  }
  if (total > OPEN_LIMITS.totalUncompressed)
    return { ok: false, reason: `解压后内容过大（${megabytes(total)}），已拒绝读取` };
  const cells = countCells(buf, entries);
  if (cells === null) return { ok: false, reason: '工作表内容无法解压，文件已损坏' };
  if (cells > OPEN_LIMITS.cells)
    return { ok: false, reason: `工作表单元格过多（超过 ${OPEN_LIMITS.cells} 个），不是年报工作簿，已拒绝读取` };
  const workbook = entries.find((e) => e.name === 'xl/workbook.xml');
  if (!workbook) return { ok: false, reason: '压缩包里没有 xl/workbook.xml，不是 Excel 工作簿' };
  let xml: string;
  try {
    xml = readZipEntry(buf, workbook, 16 * 1024 * 1024).toString('utf8');
  } catch {
    return { ok: false, reason: '工作簿目录（xl/workbook.xml）无法解压，文件已损坏' };
  }
  return { ok: true, definedNames: parseDefinedNames(xml), sheets: parseSheetNames(xml) };
}

/** Cells (`<c ` or `<c>` elements) in all worksheets, counted on the inflated bytes; null when one cannot be inflated. */
function countCells(buf: Buffer, entries: readonly ZipEntry[]): number | null {
  let n = 0;
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    let xml: Buffer;
    try {
      xml = readZipEntry(buf, e, OPEN_LIMITS.sheetUncompressed);
    } catch {
      return null;
    }
    for (let i = xml.indexOf('<c'); i >= 0; i = xml.indexOf('<c', i + 2)) {
      const next = xml[i + 2];
      if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d) n++;
    }
    if (n > OPEN_LIMITS.cells) return n;
  }
  return n;
}

function parseDefinedNames(xml: string): RawDefinedName[] {
  const out: RawDefinedName[] = [];
  const re = /<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    if (!name) continue;
    const local = /\blocalSheetId="(\d+)"/.exec(m[1])?.[1];
    out.push({
      name: decodeXml(name),
      text: decodeXml(m[2]),
      ...(local !== undefined ? { localSheetId: Number(local) } : {}),
    });
  }
  return out;
}

function parseSheetNames(xml: string): string[] {
  const out: string[] = [];
  const re = /<sheet\b[^>]*\bname="([^"]*)"/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(decodeXml(m[1]));
  return out;
}

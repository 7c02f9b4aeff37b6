// The zip under a workbook: its central directory read without inflating anything, and one entry inflated as a
// stream of chunks (fflate) that the caller can stop, with every byte counted against the limits. Browser-safe:
// bytes are Uint8Arrays, nothing from Node.
import { Inflate, inflateSync } from 'fflate';
import { LIMIT_REASONS, refuse, type ReadLimits } from './limits';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly encrypted: boolean;
  readonly localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes pushed at a time: deflate's 1:1032 ceiling keeps one push's output under ~16 MB. */
const SLICE = 2 * 1024;
/** A part declared this small is inflated in one call into a buffer of its declared size (one byte more shows a lie). */
const ONE_SHOT = 96 * 1024;
/** Inflated bytes handed on at a time, so a reader that has what it needs stops parsing. */
const HAND_ON = 64 * 1024;

const utf8 = new TextDecoder('utf-8');

/** The entries of a zip, or a reason (in Chinese) why it is not a readable zip. */
export function readZipDirectory(bytes: Uint8Array): { entries: ZipEntry[] } | { error: string } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (p: number) => view.getUint32(p, true);
  const u16 = (p: number) => view.getUint16(p, true);
  const min = Math.max(0, bytes.length - 0xffff - 22);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (u32(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { error: '压缩包结构不完整（找不到目录），文件可能已损坏或未下载完整' };
  const count = u16(eocd + 10);
  const dirOffset = u32(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) return { error: '文件使用了 ZIP64 格式，不是正常的年报工作簿' };
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(p) !== CENTRAL) return { error: '压缩包目录已损坏' };
    const nameLength = u16(p + 28);
    if (p + 46 + nameLength > bytes.length) return { error: '压缩包目录已损坏' };
    entries.push({
      name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: u16(p + 10),
      compressedSize: u32(p + 20),
      size: u32(p + 24),
      encrypted: (u16(p + 8) & 1) === 1,
      localHeaderOffset: u32(p + 42),
    });
    p += 46 + nameLength + u16(p + 30) + u16(p + 32);
  }
  return { entries };
}

/** Bytes inflated so far over one read, shared by every part it inflates. */
export class InflateBudget {
  used = 0;
  constructor(readonly limits: ReadLimits) {}
}

/** The stored (compressed) bytes of an entry, after its local header; refuses a damaged header. */
function storedBytes(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const p = entry.localHeaderOffset;
  if (p + 30 > zip.length || view.getUint32(p, true) !== LOCAL)
    refuse(`压缩包中 ${entry.name} 的位置已损坏，文件可能未下载完整`);
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  if (start + entry.compressedSize > zip.length) refuse(`压缩包中 ${entry.name} 不完整，文件可能未下载完整`);
  return zip.subarray(start, start + entry.compressedSize);
}

/**
 * Inflates `entry`, handing each chunk to `onChunk`; stops when `onChunk` returns false. Every inflated byte is
 * counted against the part's and the read's limits (the directory's sizes are not trusted).
 */
export function inflateEntry(
  zip: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  onChunk: (chunk: Uint8Array) => boolean,
): void {
  const { limits } = budget;
  if (entry.encrypted) refuse('压缩包内容已加密，无法读取');
  if (entry.compressedSize > limits.partCompressed)
    refuse(LIMIT_REASONS.partCompressed(entry.name, entry.compressedSize, limits.partCompressed));
  if (entry.size > limits.partUncompressed) refuse(LIMIT_REASONS.partUncompressed(entry.name, limits.partUncompressed));
  const stored = storedBytes(zip, entry);
  let produced = 0;
  let going = true;
  const take = (chunk: Uint8Array) => {
    if (!going || chunk.length === 0) return;
    produced += chunk.length;
    budget.used += chunk.length;
    if (produced > limits.partUncompressed) refuse(LIMIT_REASONS.partUncompressed(entry.name, limits.partUncompressed));
    if (budget.used > limits.totalInflated) refuse(LIMIT_REASONS.totalInflated(limits.totalInflated));
    if (produced > 1024 * 1024 && produced / Math.max(1, entry.compressedSize) > limits.ratio)
      refuse(LIMIT_REASONS.ratio(entry.name, limits.ratio));
    going = onChunk(chunk);
  };
  if (entry.method === 0) {
    for (let i = 0; i < stored.length && going; i += SLICE * 16) take(stored.subarray(i, i + SLICE * 16));
    return;
  }
  if (entry.method === 8 && entry.size <= ONE_SHOT) {
    let out: Uint8Array;
    try {
      out = inflateSync(stored, { out: new Uint8Array(entry.size + 1) });
    } catch {
      return refuse(`压缩包中 ${entry.name} 无法解压，文件已损坏`);
    }
    if (out.length !== entry.size)
      refuse(
        `压缩包中 ${entry.name} 的大小与目录不符，文件已损坏：请从原始来源重新获取该文件，或在 Excel/WPS 中打开后另存一份`,
      );
    for (let i = 0; i < out.length && going; i += HAND_ON) take(out.subarray(i, i + HAND_ON));
    return;
  }
  if (entry.method !== 8)
    refuse(`压缩包中 ${entry.name} 使用了不支持的压缩方式（${entry.method}），文件不是 Excel 保存的工作簿`);
  const inflater = new Inflate((chunk) => take(chunk));
  try {
    for (let i = 0; i < stored.length && going; i += SLICE) {
      const end = Math.min(stored.length, i + SLICE);
      inflater.push(stored.subarray(i, end), end === stored.length);
    }
  } catch (e) {
    if (e instanceof Error && e.name === 'ReadRefusal') throw e;
    refuse(`压缩包中 ${entry.name} 无法解压，文件已损坏`);
  }
}

/** The whole of a small entry as text (workbook.xml, its relationships). */
export function entryText(zip: Uint8Array, entry: ZipEntry, budget: InflateBudget): string {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  inflateEntry(zip, entry, budget, (chunk) => {
    text += decoder.decode(chunk, { stream: true });
    return true;
  });
  return text + decoder.decode();
}

// Reads a zip's central directory without inflating anything, so a workbook's declared sizes can be checked
// before a parser is let loose on it (zip bombs, oversized sheets, encrypted entries).
import { inflateRawSync } from 'node:zlib';

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

/** The entries of a zip, or a reason (in Chinese) why it is not a readable zip. */
export function readZipDirectory(buf: Buffer): { entries: ZipEntry[] } | { error: string } {
  const min = Math.max(0, buf.length - 0xffff - 22);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { error: '压缩包结构不完整（找不到目录），文件可能已损坏或未下载完整' };
  const count = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) return { error: '文件使用了 ZIP64 格式，不是正常的年报工作簿' };
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return { error: '压缩包目录已损坏' };
    const flags = buf.readUInt16LE(p + 8);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      encrypted: (flags & 1) === 1,
      localHeaderOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries };
}

/** Inflates one entry, refusing to produce more than its declared size (or `limit`). */
export function readZipEntry(buf: Buffer, entry: ZipEntry, limit: number): Buffer {
  const p = entry.localHeaderOffset;
  if (buf.readUInt32LE(p) !== LOCAL) throw new Error(`zip entry ${entry.name}: bad local header`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  return inflateRawSync(data, { maxOutputLength: Math.min(limit, Math.max(entry.size, 1)) });
}

// A report file the user chose in the pane, read in the browser: its bytes through FileReader, then decoded as
// UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 as Chinese pages often are. Binary, oversized and
// undecodable files are refused with a Chinese reason before the importer sees them.
import type { SourceKind } from '../../report/import';
import { STRINGS } from '../strings.zh-CN';

const S = STRINGS.source;

export const SOURCE_LIMITS = {
  /** A published report is 10–100 KB of text, an HTML page a few hundred KB. */
  textBytes: 8 * 1024 * 1024,
  /** A report workbook is about 30 KB; one with pictures a few MB. */
  workbookBytes: 20 * 1024 * 1024,
  /** Share of control bytes above which a "text" file is taken for binary. */
  controlRatio: 0.01,
  /** Share of undecodable characters above which the encoding is taken for unknown. */
  replacementRatio: 0.01,
} as const;

export type FileKind = SourceKind | 'xlsx';

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** What a file is by its name: .txt, .html/.htm, .xlsx; null for anything else. */
export function fileKindOf(name: string): FileKind | null {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? '';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  return null;
}

export const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Why the first bytes say this is not a text file, or null. */
export function foreignFormat(bytes: Uint8Array): string | null {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return S.pdf;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return S.zip;
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return S.ole;
  return null;
}

/** Decodes a text or HTML file's bytes; the reason is Chinese and says what to do. */
export function decodeReportBytes(bytes: Uint8Array, name: string): Decoded {
  if (bytes.length === 0) return { ok: false, reason: S.emptyFile(name) };
  if (bytes.length > SOURCE_LIMITS.textBytes)
    return { ok: false, reason: S.tooLarge(name, megabytes(bytes.length), megabytes(SOURCE_LIMITS.textBytes)) };
  const foreign = foreignFormat(bytes);
  if (foreign) return { ok: false, reason: S.notText(name, foreign) };
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const sample = bytes.subarray(0, 65536);
    let control = 0;
    for (const b of sample)
      if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control++;
    if (control > sample.length * SOURCE_LIMITS.controlRatio) return { ok: false, reason: S.binary(name) };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
  }
  text = text.replace(/^\ufeff/, '');
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  if (bad > text.length * SOURCE_LIMITS.replacementRatio) return { ok: false, reason: S.encoding(name) };
  return { ok: true, text };
}

/** The file's bytes: FileReader in a browser, Blob.arrayBuffer where there is no FileReader (Node). */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof FileReader === 'undefined') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader'));
    reader.readAsArrayBuffer(file);
  });
}

/** A chosen text or HTML file, size-checked before it is read. */
export async function readReportFile(file: File): Promise<Decoded & { readonly kind?: SourceKind }> {
  const kind = fileKindOf(file.name);
  if (kind !== 'text' && kind !== 'html') return { ok: false, reason: S.badType(file.name) };
  if (file.size > SOURCE_LIMITS.textBytes)
    return { ok: false, reason: S.tooLarge(file.name, megabytes(file.size), megabytes(SOURCE_LIMITS.textBytes)) };
  let bytes: ArrayBuffer;
  try {
    bytes = await readFileBytes(file);
  } catch (e) {
    return { ok: false, reason: S.readFailed(file.name, e instanceof Error ? e.message : String(e)) };
  }
  const decoded = decodeReportBytes(new Uint8Array(bytes), file.name);
  return decoded.ok ? { ...decoded, kind } : decoded;
}

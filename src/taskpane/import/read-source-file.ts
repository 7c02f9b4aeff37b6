// A report file the user chose in the pane, read in the browser: its bytes through FileReader, then decoded as
// UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 as Chinese pages often are. Binary, oversized and
// undecodable files are refused with a Chinese reason before the importer sees them.
// decode-text.ts alone, not the importer's index: this module is in the pane's first script (the importer loads on
// demand, load-importer.ts), and the index would bring the HTML, .docx and PDF readers with it.
import {
  TEXT_LIMITS,
  decodeReportText,
  fileKindOfName,
  foreignFormat as foreignKind,
  type FileKind,
  type TextProblem,
} from '../../report/import/decode-text';
import { STRINGS } from '../strings.zh-CN';

const S = STRINGS.source;

export const SOURCE_LIMITS = {
  /** The same limit the CLI applies (report/import/decode-text.ts). */
  textBytes: TEXT_LIMITS.bytes,
  /** A report workbook is about 30 KB; one with pictures a few MB. */
  workbookBytes: 20 * 1024 * 1024,
} as const;

export type { FileKind };

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** What a file is by its name: .txt, .html/.htm, .xlsx; null for anything else. */
export const fileKindOf = fileKindOfName;

export const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const FOREIGN = { pdf: S.pdf, zip: S.zip, ole: S.ole } as const;

/** Why the first bytes say this is not a text file (in the pane's words), or null. */
export function foreignFormat(bytes: Uint8Array): string | null {
  const what = foreignKind(bytes);
  return what ? FOREIGN[what] : null;
}

/** Decodes a text or HTML file's bytes (the importer's decoder); the reason is Chinese and says what to do. */
export function decodeReportBytes(bytes: Uint8Array, name: string): Decoded {
  const decoded = decodeReportText(bytes);
  if (decoded.ok) return decoded;
  const reasons: Readonly<Record<TextProblem, () => string>> = {
    empty: () => S.emptyFile(name),
    tooLarge: () => S.tooLarge(name, megabytes(bytes.length), megabytes(SOURCE_LIMITS.textBytes)),
    pdf: () => S.notText(name, S.pdf),
    zip: () => S.notText(name, S.zip),
    ole: () => S.notText(name, S.ole),
    binary: () => S.binary(name),
    encoding: () => S.encoding(name),
  };
  return { ok: false, reason: reasons[decoded.problem]() };
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

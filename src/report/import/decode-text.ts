// A published report's file, from bytes to text, the same way in the CLI (node) and the pane (browser): UTF-8
// with or without BOM, UTF-16 with BOM or without (utf16WithoutBom), or GB18030 as Chinese pages often are. What is not text says what it is
// instead; the callers put that into their own Chinese words.

export const TEXT_LIMITS = {
  /** A published report is 10–100 KB of text, an HTML page a few hundred KB. */
  bytes: 8 * 1024 * 1024,
  /** Share of control bytes above which a "text" file is taken for binary. */
  controlRatio: 0.01,
  /** Share of undecodable characters above which the encoding is taken for unknown. */
  replacementRatio: 0.01,
} as const;

export type TextProblem = 'empty' | 'tooLarge' | 'pdf' | 'zip' | 'ole' | 'binary' | 'encoding';
export type DecodedText =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: TextProblem };

export type FileKind = 'text' | 'markdown' | 'html' | 'docx' | 'pdf' | 'xlsx';

/** What a file is by its name: .txt, .md, .html/.htm, .docx, .pdf, .xlsx; null for anything else. */
export function fileKindOfName(name: string): FileKind | null {
  const ext = /\.([^./\\]+)$/.exec(name.toLowerCase())?.[1] ?? '';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  return null;
}

/** Another format recognised by its first bytes (a PDF, a zip such as .xlsx/.docx, an old or encrypted Office file). */
export function foreignFormat(b: Uint8Array): 'pdf' | 'zip' | 'ole' | null {
  if (b.length < 4) return null;
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'pdf';
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'zip';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'ole';
  return null;
}

/**
 * UTF-16 without a byte-order mark (as some Windows tools save "Unicode" text): the digits, spaces and line breaks
 * every report has are ASCII, whose high byte is 0, so zero bytes pile up on one side of each 2-byte unit (odd
 * offsets for little-endian, even for big-endian) while UTF-8, GB18030 and binary data spread them or have none.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < 16) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const units = n / 2;
  // At least 1 unit in 10 an ASCII character, and most zero bytes on that one side (the other side has some:
  // characters such as 一 U+4E00 have a zero low byte).
  if (odd >= units * 0.1 && even <= odd * 0.25) return 'utf-16le';
  if (even >= units * 0.1 && odd <= even * 0.25) return 'utf-16be';
  return null;
}

export function decodeReportText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > TEXT_LIMITS.bytes) return { ok: false, problem: 'tooLarge' };
  const foreign = foreignFormat(bytes);
  if (foreign) return { ok: false, problem: foreign };
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else if (utf16WithoutBom(bytes)) {
    text = new TextDecoder(utf16WithoutBom(bytes)!).decode(bytes);
    // 16-bit binary data can pass the zero-byte test; as text it is full of control characters.
    let control = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
    }
    if (control > text.length * TEXT_LIMITS.controlRatio) return { ok: false, problem: 'binary' };
  } else {
    const sample = bytes.subarray(0, 65536);
    let control = 0;
    for (const b of sample)
      if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control++;
    if (control > sample.length * TEXT_LIMITS.controlRatio) return { ok: false, problem: 'binary' };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
  }
  text = text.replace(/^\ufeff/, '');
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  if (bad > text.length * TEXT_LIMITS.replacementRatio) return { ok: false, problem: 'encoding' };
  return { ok: true, text };
}

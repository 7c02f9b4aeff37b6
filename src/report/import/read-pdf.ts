// A PDF's text with positions, through pdfjs-dist (its legacy build, which runs in Node and in older browsers such
// as WPS's). Loaded on first use only: most sessions never read a PDF. No worker thread, no canvas, no fonts: the
// parsing code runs in this thread ("fake worker") and only getTextContent is called. A PDF with no text layer (a
// scan) and an encrypted one are told apart from a broken one; pages, text items and time are bounded.
import { linesFromPdfItems, type PdfTextItem } from './pdf-lines';
import type { SourceLine } from './source-lines';

export const PDF_LIMITS = {
  /** A report PDF is 100 KB – 2 MB; a scanned one up to tens of MB. */
  bytes: 30 * 1024 * 1024,
  /** A report is 5–15 pages. */
  pages: 200,
  /** Text items over all pages. */
  items: 400_000,
  /** Wall time for reading all pages. */
  millis: 30_000,
} as const;

export type PdfProblem = 'tooLarge' | 'encrypted' | 'scan' | 'badPdf' | 'tooManyPages' | 'tooLong';
export type PdfRead =
  | { readonly ok: true; readonly lines: SourceLine[]; readonly pages: number }
  | { readonly ok: false; readonly problem: PdfProblem };

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<Pdfjs> | null = null;

/**
 * pdfjs-dist's display layer builds a DOMMatrix when it loads and, in Node, tries to load a canvas package to
 * provide one (printing warnings when it cannot). Text extraction never uses them, so empty stand-ins are enough
 * where the platform has none, and the load-time warnings are not shown.
 */
function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const g = globalThis as Record<string, unknown>;
    for (const name of ['DOMMatrix', 'ImageData', 'Path2D']) if (g[name] === undefined) g[name] = class {};
    const { log, warn } = console;
    console.log = console.warn = () => {};
    try {
      // The worker's code in this thread: pdfjs uses globalThis.pdfjsWorker instead of starting a Worker.
      g.pdfjsWorker ??= await import(/* webpackChunkName: "pdfjs" */ 'pdfjs-dist/legacy/build/pdf.worker.mjs');
      return await import(/* webpackChunkName: "pdfjs" */ 'pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
      console.warn = warn;
    }
  })();
  return loading;
}

const MIN_TEXT_CHARS = 20;

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  if (bytes.length > PDF_LIMITS.bytes) return { ok: false, problem: 'tooLarge' };
  const pdfjs = await loadPdfjs();
  const started = Date.now();
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given, and refuses a Node Buffer: a plain copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    maxImageSize: 1,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    return { ok: false, problem: (e as { name?: string })?.name === 'PasswordException' ? 'encrypted' : 'badPdf' };
  }
  try {
    if (doc.numPages > PDF_LIMITS.pages) return { ok: false, problem: 'tooManyPages' };
    const pages: PdfTextItem[][] = [];
    let items = 0;
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      if (Date.now() - started > PDF_LIMITS.millis) return { ok: false, problem: 'tooLong' };
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const list: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, c, d, x, y] = item.transform as number[];
        chars += item.str.trim().length;
        // Upright text only: a label turned sideways has b or c set.
        if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0) continue;
        list.push({ str: item.str, x, y, width: item.width, height: item.height || Math.abs(d) });
      }
      items += list.length;
      if (items > PDF_LIMITS.items) return { ok: false, problem: 'tooLong' };
      pages.push(list);
      page.cleanup();
    }
    if (chars < MIN_TEXT_CHARS) return { ok: false, problem: 'scan' };
    return { ok: true, lines: linesFromPdfItems(pages), pages: doc.numPages };
  } catch {
    return { ok: false, problem: 'badPdf' };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

// Hostile and oversized published reports (.docx, .pdf, .html) are refused, or read to nothing, within bounds the
// importer sets before any parser runs (src/report/import/docx-lines.ts DOCX_LIMITS, read-pdf.ts PDF_LIMITS,
// decode-text.ts TEXT_LIMITS), with a Chinese message that says what the file is and why: the same way the .xlsx
// guard refuses bombs and million-cell sheets (src/hosts/xlsx/open-guard.ts). Memory is asserted as an upper bound
// on what a read may hold (a bomb that was inflated would hold hundreds of MB); times go to `npm run bench`.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { DOCX_LIMITS, PDF_LIMITS, importDocument } from '../../src/report/import';
import { readReportSource } from '../../src/cli/read-report-source';
import { suiteTempDir } from '../support/temp-dir';
import { zip } from '../audit/hostile-files';
import { buildFormat2021 } from '../../src/report/format/formats';

/** The format these tests read and check reports as (what a composition root builds). */
const FORMAT = buildFormat2021();

const dir = suiteTempDir('nianbao-hostile-docs-');
const MB = 1024 * 1024;

/** A zip (the audit's zip writer) of one entry whose headers declare `declared` bytes for `real` bytes of data. */
function lyingZip(name: string, real: number, declared: number): Uint8Array {
  const z = zip([{ name, data: Buffer.alloc(real, 0x41) }]);
  z.writeUInt32LE(declared, 22); // local header: uncompressed size
  const central = z.readUInt32LE(z.length - 22 + 16);
  z.writeUInt32LE(declared, central + 24); // central directory: uncompressed size
  return new Uint8Array(z);
}

/** A PDF whose objects are given in order (1 0 obj …), with a correct cross-reference table. */
function pdfOf(objects: readonly string[]): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

const stream = (content: string) => `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** `pages` real pages (each with one line of text), or a page tree that claims `claimed` pages over one. */
function pagedPdf(pages: number, claimed = pages): Uint8Array {
  // 1 catalog, 2 pages, 3 font, then a page and its content per page.
  const kids = Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${claimed} >>`, FONT];
  for (let i = 0; i < pages; i++) {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
    );
    objects.push(stream(`BT /F1 12 Tf 72 720 Td (Page ${i + 1} of a long document) Tj ET`));
  }
  return pdfOf(objects);
}

/** One page with `lines` text items, each on its own line. */
function manyItemsPdf(lines: number): Uint8Array {
  const ops = `BT /F1 1 Tf 10 800 Td ${'(a) Tj 0 -0.001 Td '.repeat(lines)}ET`;
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    FONT,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    stream(ops),
  ]);
}

/** The problem's Chinese words, through the CLI's reader (file on disk, guarded read, importDocument). */
async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const read = await readReportSource(path, FORMAT);
  if (read.ok) throw new Error(`${name} was read`);
  return read.reason;
}

/** Bytes held by ArrayBuffers at the peak of `work` is not observable; after it, before GC, a bomb would show. */
async function heldAfter<T>(work: () => Promise<T>): Promise<{ result: T; grewMB: number }> {
  const before = process.memoryUsage().arrayBuffers;
  const result = await work();
  return { result, grewMB: (process.memoryUsage().arrayBuffers - before) / MB };
}

describe('.docx', () => {
  it('a zip bomb (word/document.xml inflating 1000:1) is refused before it is inflated', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(64 * MB) }, { level: 9 });
    expect(bomb.length).toBeLessThan(DOCX_LIMITS.bytes);
    const { result, grewMB } = await heldAfter(() => refusal('bomb.docx', bomb));
    expect(result).toMatch(/^Word 文档正文解压后过大.*疑似压缩炸弹，未读取$/);
    expect(grewMB).toBeLessThan(32);
  });

  it('a bomb whose header lies about its size is cut at the declared size, never inflated whole', async () => {
    // 200 MB of 'A' declared as 1 KB: fflate writes into a buffer of the declared size and no further.
    const liar = lyingZip('word/document.xml', 200 * MB, 1024);
    const { result, grewMB } = await heldAfter(() => importDocument(liar, 'liar.docx'));
    expect(result).toEqual({ ok: false, problem: 'badXml' });
    expect(grewMB).toBeLessThan(32);
    expect(await refusal('liar.docx', liar)).toBe('Word 文档正文不是有效的 XML，文件可能已损坏');
  });

  it('a package of more entries than a Word document has is refused', async () => {
    const entries = Object.fromEntries(
      Array.from({ length: DOCX_LIMITS.entries + 1 }, (_, i) => [`word/media/p${i}.bin`, new Uint8Array(1)]),
    );
    expect(await refusal('entries.docx', zipSync(entries, { level: 0 }))).toMatch(
      /^Word 文档包含的部件过多（超过 2000 个），不是一份正常的年报，未读取$/,
    );
  });

  it('a file over the size limit is refused before it is read', async () => {
    const big = new Uint8Array(DOCX_LIMITS.bytes + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await refusal('big.docx', big)).toMatch(/过大/);
    expect(await importDocument(big, 'big.docx')).toEqual({ ok: false, problem: 'tooLarge' });
  });
});

describe('.pdf', () => {
  it('a file over the size limit is refused before pdfjs sees it', async () => {
    const big = new Uint8Array(PDF_LIMITS.bytes + 1);
    big.set(Buffer.from('%PDF-1.4\n'));
    expect(await importDocument(big, 'big.pdf')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(await refusal('big.pdf', big)).toMatch(/^文件过大（30\.0 MB），.*上限为 30\.0 MB$/);
  });

  it('more pages than the limit are refused, page count first', async () => {
    expect(await importDocument(pagedPdf(PDF_LIMITS.pages + 1), 'long.pdf')).toEqual({
      ok: false,
      problem: 'tooManyPages',
    });
    expect(await refusal('long.pdf', pagedPdf(PDF_LIMITS.pages + 1))).toBe(
      'PDF 页数过多（超过 200 页），不是一份年报，未读取',
    );
    // A page tree claiming a million pages over one page: pdfjs checks the last page, finds it missing and counts
    // the pages that are there (one), so one page is read, not a million.
    expect(await refusal('claims.pdf', pagedPdf(1, 1_000_000))).toMatch(/^没有找到年报的表格/);
  });

  it('pages up to the limit are read (the limit is not a refusal of every long file)', async () => {
    const read = await importDocument(pagedPdf(3), 'three.pdf');
    // Three pages of text, no report tables: read, and found to hold no report.
    expect(read.ok && read.result.formatVersion).toBe('unknown');
  });

  it('more text items than the limit are refused as too long', async () => {
    expect(await refusal('items.pdf', manyItemsPdf(PDF_LIMITS.items + 1))).toMatch(/^PDF 内容过多或读取超时/);
  }, 60_000);
});

describe('.html', () => {
  it.each([
    ['100,000 nested <div>', `<html><body>${'<div>'.repeat(100_000)}表二${'</div>'.repeat(100_000)}</body></html>`],
    ['20,000 nested tables', `<table>${'<tr><td><table>'.repeat(20_000)}<tr><td>规章<td>1`],
    ['100,000 unclosed <b>', `<p>${'<b>'.repeat(100_000)}x`],
  ])('%s: read to nothing (no report tables), without a stack overflow', async (_name, html) => {
    const bytes = new TextEncoder().encode(html);
    const read = await importDocument(bytes, 'deep.html');
    expect(read.ok && read.result.formatVersion).toBe('unknown');
    expect(await refusal('deep.html', bytes)).toBe(
      '没有找到年报的表格（表二、表三、表四），不是政府信息公开工作年度报告，或内容不完整',
    );
  });

  it('a page over the text limit is refused before it is decoded', async () => {
    const big = new TextEncoder().encode(`<html>${' '.repeat(8 * MB)}</html>`);
    expect(await refusal('big.html', big)).toMatch(/^文件过大，年报全文通常小于 1 MB，上限为 8/);
  });
});

// Round trip: random valid reports exported by the project's own exporter to .html and .docx (and, through
// LibreOffice, to PDF) are read back exactly, every cell, with no invented number and no warning.
import fc from 'fast-check';
import { importDocument } from '../../src/report/import';
import { randomReportValues, seeded } from './random-report';
import { cellDifferences, documentsOf, pdfsOf } from './round-trip-support';

const read = async (bytes: Uint8Array, name: string) => {
  const r = await importDocument(bytes, name);
  if (!r.ok) throw new Error(`${name}: ${r.problem}`);
  return r.result;
};

describe('round trip through the exporter', () => {
  it('an .html page of a random report reads back exactly (20 reports)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const want = randomReportValues(seeded(seed));
        const r = await read(new TextEncoder().encode(documentsOf(want).html()), 'r.html');
        expect(cellDifferences(r.values, want)).toEqual([]);
        expect(r.formatVersion).toBe('2021');
        expect(r.diagnostics.filter((d) => d.level === 'warning' && d.table !== null)).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('a .docx of a random report reads back exactly (20 reports)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const want = randomReportValues(seeded(seed));
        const r = await read(await documentsOf(want).docx(), 'r.docx');
        expect(cellDifferences(r.values, want)).toEqual([]);
        expect(r.diagnostics.filter((d) => d.level === 'warning' && d.table !== null)).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('a PDF (LibreOffice from the .docx) of a random report reads back exactly (3 reports)', async () => {
    const wants = [11, 22, 33].map((s) => randomReportValues(seeded(s)));
    const pdfs = pdfsOf(await Promise.all(wants.map((w) => documentsOf(w).docx())));
    for (const [i, pdf] of pdfs.entries()) {
      const r = await read(pdf, `r${i}.pdf`);
      expect(cellDifferences(r.values, wants[i])).toEqual([]);
    }
  }, 180_000);
});

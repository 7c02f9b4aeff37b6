// A report's documents as the project's own exporter writes them (src/export), for reading back: .html, .docx, and
// PDF (LibreOffice converts the .docx). Shared by the round-trip test and `npm run accuracy`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDocx, exportHtml } from '../../src/export';
import { renderNarrative, reportFromValues, type CellContent } from '../../src/report';
import { buildFormat2021 } from '../../src/report/format/formats';
import { convertWithLibreOffice } from '../support/libreoffice';
import { emptySupplementValues } from './random-report';

const FORMAT = buildFormat2021();

export function documentsOf(values: readonly CellContent[]) {
  const report = reportFromValues(values.slice(0, FORMAT.inputCells.length), FORMAT).report;
  const narrative = renderNarrative(report, emptySupplementValues());
  return {
    html: () => exportHtml(report, narrative, FORMAT.sheetLayout!),
    docx: async () => new Uint8Array(await exportDocx(report, narrative, FORMAT.sheetLayout!)),
  };
}

/** PDFs of several .docx at once: one LibreOffice start for all (about 1 s a file here, so 2 min + 5 s a file). */
export function pdfsOf(docxs: readonly Uint8Array[]): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), 'nb-pdf-'));
  try {
    const files = docxs.map((d, i) => {
      const f = join(dir, `r${i}.docx`);
      writeFileSync(f, d);
      return f;
    });
    convertWithLibreOffice(files, 'pdf', dir, 120_000 + 5_000 * files.length);
    return files.map((f) => new Uint8Array(readFileSync(f.replace(/\.docx$/, '.pdf'))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "name: got ≠ want" for each input cell that differs. */
export function cellDifferences(got: readonly CellContent[], want: readonly CellContent[]): string[] {
  const shown = (c: CellContent | undefined) =>
    c?.kind === 'number' ? String(c.value) : c?.kind === 'text' ? c.text : '∅';
  return FORMAT.inputCells.flatMap((c, i) =>
    shown(got[i]) === shown(want[i]) ? [] : [`${c.name}: ${shown(got[i])} ≠ ${shown(want[i])}`],
  );
}

// Importer throughput as `nianbao audit` reads published reports (file → importReportFile → values), per source
// kind: reports per second over generated files of each kind (.txt samples, .md, .html pages, .docx by the
// exporter, PDF by LibreOffice from those). Then the linear-time figures of issue #16: milliseconds per KB of
// tag-, digit- and whitespace-heavy inputs from 16 KB up to the text size cap.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importReportFile } from '../src/cli/read-report-source';
import { TEXT_LIMITS, importReport } from '../src/report/import';
import { SOFFICE } from '../test/support/libreoffice';
import { corpus } from '../test/import/accuracy/accuracy-corpus';
import { HEAVY_INPUTS } from '../test/import/heavy-inputs';
import { randomReportValues, seeded } from '../test/import/random-report';
import { documentsOf, pdfsOf } from '../test/import/round-trip-support';

const FILES = 40;
const PDFS = 20;

async function perSecond(dir: string, files: readonly string[]): Promise<number> {
  const t = performance.now();
  for (const f of files) {
    const r = await importReportFile(join(dir, f));
    if (!r.ok) throw new Error(`${f}: ${r.reason}`);
  }
  return Math.round((files.length / ((performance.now() - t) / 1000)) * 10) / 10;
}

export async function benchImport(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const dir = mkdtempSync(join(tmpdir(), 'nb-bench-import-'));
  try {
    const docs = corpus();
    const byKind = new Map<string, string[]>();
    const add = (kind: string, name: string, bytes: Uint8Array) => {
      writeFileSync(join(dir, name), bytes);
      byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
    };
    for (let i = 0; i < FILES; i++) {
      for (const d of docs.filter((x) => x.kind === 'text' || x.kind === 'markdown')) {
        const ext = d.kind === 'text' ? 'txt' : 'md';
        add(d.kind, `${d.kind}-${i}-${byKind.get(d.kind)?.length ?? 0}.${ext}`, await d.bytes());
      }
    }
    const reports = Array.from({ length: FILES }, (_, i) => randomReportValues(seeded(5000 + i)));
    const docx: Uint8Array[] = [];
    for (const [i, r] of reports.entries()) {
      const d = documentsOf(r);
      add('html', `r${i}.html`, new TextEncoder().encode(d.html()));
      docx.push(await d.docx());
      add('docx', `r${i}.docx`, docx[i]);
    }
    if (SOFFICE) pdfsOf(docx.slice(0, PDFS)).forEach((p, i) => add('pdf', `r${i}.pdf`, p));
    for (const [kind, files] of byKind) {
      await perSecond(dir, files.slice(0, 2)); // warm up (pdfjs loads on first use)
      out[`${kind}: reports/s (${files.length} files, read + import)`] = await perSecond(dir, files);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const [name, { kind, make }] of Object.entries(HEAVY_INPUTS)) {
    const sizes = [16 * 1024, 256 * 1024, TEXT_LIMITS.bytes / 2];
    const perKB = sizes.map((bytes) => {
      const input = make(bytes);
      const t = performance.now();
      importReport(input, { kind });
      return (performance.now() - t) / (input.length / 1024);
    });
    out[`${name}: ms/KB at 16 KB / 256 KB / ${TEXT_LIMITS.bytes / 2 / 1024 / 1024} MB`] = perKB
      .map((v) => v.toFixed(3))
      .join(' / ');
  }
  return out;
}

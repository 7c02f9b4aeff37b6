// Report-core figures: full-report validations per second, and `nianbao validate` per file over many generated
// workbooks (median time, share spent parsing the xlsx, memory as the number of files grows).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { INPUT_CELLS, evaluateRules, planTemplate, type CellContent } from '../src/report';
import { XlsxHost } from '../src/hosts/xlsx/xlsx-host';
import { gaoxinqu2021 } from '../test/support/report-values';
import { validateWorkbookFile } from '../src/cli/validate-file';
import { buildFormat2021 } from '../src/report/format/formats';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

function randomValues(seed: number): CellContent[] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return INPUT_CELLS.map((c) => {
    if (c.kind === 'text') return { kind: 'text', text: `测试机关${seed}` };
    if (c.kind === 'year') return { kind: 'number', value: 2025 };
    return { kind: 'number', value: Math.floor(rnd() * 4) };
  });
}

/** The format the bench reads and checks reports as. */
const FORMAT = buildFormat2021();

export async function benchCore(files = 500): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const timeEvaluation = (values: CellContent[]) => {
    for (let i = 0; i < 2000; i++) evaluateRules(values); // warm up
    const n = 100_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) evaluateRules(values);
    return ((performance.now() - t0) / n) * 1000;
  };
  const consistent = timeEvaluation(gaoxinqu2021());
  const broken = randomValues(1);
  const brokenTime = timeEvaluation(broken);
  out['validation of a consistent report (µs)'] = Math.round(consistent * 100) / 100;
  out['validations per second (consistent report)'] = Math.round(1e6 / consistent);
  out[`validation of a report with ${evaluateRules(broken).length} findings (µs)`] = Math.round(brokenTime * 100) / 100;

  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  try {
    const template = new XlsxHost();
    await template.applyEdits(planTemplate());
    const base = await template.toBuffer();
    for (let i = 0; i < files; i++) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(base as unknown as ArrayBuffer);
      const host = new XlsxHost(wb);
      const v = randomValues(i + 2);
      await host.writeNamedValues(
        new Map(
          INPUT_CELLS.map((c, j) => [
            c.name,
            (v[j] as { value?: number; text?: string }).value ?? (v[j] as { text: string }).text,
          ]),
        ),
      );
      writeFileSync(join(dir, `r${i}.xlsx`), await host.toBuffer());
    }
    out['generated file size (bytes)'] = base.length;
    const times: number[] = [];
    const parseTimes: number[] = [];
    const heapAt: Record<number, number> = {};
    let peakRss = 0;
    for (let i = 0; i < files; i++) {
      const file = join(dir, `r${i}.xlsx`);
      const t = performance.now();
      await validateWorkbookFile(file, FORMAT);
      times.push(performance.now() - t);
      if (i % 10 === 0) {
        const p = performance.now();
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        parseTimes.push(performance.now() - p);
      }
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if ([99, 249, files - 1].includes(i)) {
        global.gc?.();
        heapAt[i + 1] = process.memoryUsage().heapUsed;
      }
    }
    out[`nianbao validate per file, median over ${files} files (ms)`] = Math.round(median(times) * 10) / 10;
    out['of which ExcelJS parsing alone, median (ms)'] = Math.round(median(parseTimes) * 10) / 10;
    out['parsing share of validate time'] = `${Math.round((median(parseTimes) / median(times)) * 100)}%`;
    out['peak RSS (MB)'] = mb(peakRss);
    out['heap after 100 / 250 / 500 files (MB)'] = Object.values(heapAt).map(mb).join(' / ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

// Excel add-in figures: round trips (context.sync calls) and request sizes (queued actions) per operation,
// counted by the fake Excel host on a current (ExcelApi 1.17) and an Excel 2019-level (1.7) host; and the
// task pane's production JavaScript for the excel target (raw and gzip, office.js excluded: it comes from a CDN).
// Run alone: node scripts/run-ts.mjs bench/excel.ts
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ExcelHost } from '../src/hosts/excel/excel-host';
import { INPUT_CELLS, planTemplate, TEMPLATE_MARKER_NAME, templateAddress, TEMPLATE_SHEET_NAME } from '../src/report';
import { FakeExcel } from '../test/doubles/office-js/fake-excel';
import { buildExcelPane, filesSize, PANE_INITIAL_GZIP_LIMIT } from '../test/support/excel-pane-build';

// The repository root: `npm run bench` runs from it (this file is bundled elsewhere, so not __dirname).
const ROOT = process.cwd();

async function countOn(apiVersion: string): Promise<Record<string, number>> {
  const fake = new FakeExcel({ apiVersion });
  const restore = fake.install();
  try {
    const out: Record<string, number> = {};
    const measure = async (label: string, op: () => Promise<unknown>) => {
      const [s, a] = [fake.syncCalls, fake.actions];
      await op();
      out[`${label}: syncs`] = fake.syncCalls - s;
      out[`${label}: queued actions`] = fake.actions - a;
    };
    let host!: ExcelHost;
    await measure('open pane (load name map)', async () => (host = await ExcelHost.create()));
    await measure('insert template', () =>
      host.applyEdits(planTemplate({ agency: '某某区人民政府办公室', year: 2025 })),
    );
    const names = [...INPUT_CELLS.map((c) => c.name), TEMPLATE_MARKER_NAME];
    await fake.userEdit(TEMPLATE_SHEET_NAME, templateAddress(INPUT_CELLS[5]), 3);
    await measure(`refresh (read ${names.length} named cells)`, () => host.readNamedCells(names));
    await measure('write one fix', () => host.writeNamedValues(new Map([[INPUT_CELLS[5].name, 4]])));
    await measure('select a finding', () => host.selectNamedCells([INPUT_CELLS[5].name]));
    await measure('listen for edits', async () => {
      host.onUserEdit(() => undefined);
      await host.listening;
    });
    return out;
  } finally {
    restore();
  }
}

/** Builds the excel target once into a temporary folder and measures the pane's scripts. */
async function paneBundle(): Promise<Record<string, number | string>> {
  const out = mkdtempSync(path.join(tmpdir(), 'nianbao-excel-'));
  try {
    const { initial } = await buildExcelPane(ROOT, out);
    const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const files = readdirSync(out).filter((f) => f.endsWith('.js') && !f.startsWith('commands'));
    const initialGzip = filesSize(out, initial, true);
    const kib = Math.round((initialGzip / 1024) * 10) / 10;
    return {
      'pane initial JS: scripts taskpane.html loads': initial.join(', '),
      'pane initial JS bytes, minified': filesSize(out, initial, false),
      'pane initial JS bytes, gzip -9 (target ≤ 150 KiB = 153,600)': initialGzip,
      // Guarded by test/excel/pane-initial-size.test.ts; printed here so a regrowth shows in the figures too.
      'pane initial JS, gzip KiB': initialGzip > PANE_INITIAL_GZIP_LIMIT ? `${kib} OVER 150` : kib,
      'all pane chunks (loaded as tabs open), files': files.length,
      'all pane chunks, bytes minified': filesSize(out, files, false),
      'taskpane.html bytes (office.js from CDN, not counted)': html.length,
    };
  } catch (e) {
    return { 'pane bundle': `build failed: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}` };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function benchExcel(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  for (const [label, version] of [
    ['ExcelApi 1.17', '1.17'],
    ['ExcelApi 1.7 (Excel 2019)', '1.7'],
  ] as const)
    for (const [k, v] of Object.entries(await countOn(version))) figures[`${label} · ${k}`] = v;
  Object.assign(figures, await paneBundle());
  return figures;
}

if (/[\\/]excel\.(c?js|ts)$/.test(process.argv[1] ?? ''))
  benchExcel().then(
    (f) => {
      for (const [k, v] of Object.entries(f)) console.log(`${k.padEnd(70)} ${v}`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );

// The reader runs in the browser as the page's 打开 runs it: the read side of src/hosts/web/xlsx-files.ts bundled for
// the browser (no Node built-ins allowed), loaded into real chromium, given the bytes of a filled template, and
// answering with what the CLI reads from the same file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { readReportSource } from '../../src/cli/read-report-source';
import { INPUT_CELLS } from '../../src/report';
import { withChromium } from '../support/chromium';
import { runCli } from '../support/run-cli';
import { cellByName, loadWorkbook } from '../support/workbook-by-names';
import { suiteTempDir } from '../support/temp-dir';
import { buildFormat2021 } from '../../src/report/format/formats';

/** The format these tests read and check reports as (what a composition root builds). */
const FORMAT = buildFormat2021();

const dir = suiteTempDir('nianbao-browser-');

it('opens a filled template in chromium through the reader and reads what the CLI reads', async () => {
  const file = join(dir, 'filled.xlsx');
  await runCli('template', '-o', file, '--agency', '某区教育局', '--year', '2025');
  const wb = await loadWorkbook(file);
  INPUT_CELLS.forEach((c, i) => {
    if (c.kind === 'count') cellByName(wb, c.name).value = i % 7;
  });
  await wb.xlsx.writeFile(file);

  const entry = join(dir, 'entry.ts');
  const reader = join(process.cwd(), 'src/hosts/xlsx/reader/workbook-reader.ts');
  const template = join(process.cwd(), 'src/report/reading/read-template.ts');
  const formats = join(process.cwd(), 'src/report/format/formats.ts');
  writeFileSync(
    entry,
    `import { WorkbookReader } from ${JSON.stringify(reader)};
     import { templateReadNames, readTemplate } from ${JSON.stringify(template)};
     import { buildFormat2021 } from ${JSON.stringify(formats)};
     (window as any).readBytes = async (b64: string) => {
       const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
       const format = buildFormat2021();
       const opened = WorkbookReader.open(bytes, templateReadNames(format));
       if (!opened.ok) return { error: opened.reason };
       const read = await readTemplate(opened.reader, format);
       return read.ok ? { sheet: read.sheet, values: read.values } : { error: read.reason };
     };`,
  );
  // platform 'browser': a Node built-in anywhere in the graph fails the build.
  const built = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const script = built.outputFiles[0].text;

  const inPage = await withChromium(async (browser) => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><meta charset="utf-8"><title>t</title>');
    await page.addScriptTag({ content: script });
    return page.evaluate(
      (b64) => (window as unknown as { readBytes: (s: string) => unknown }).readBytes(b64),
      readFileSync(file).toString('base64'),
    );
  });
  const cli = await readReportSource(file, FORMAT);
  if (!cli.ok) throw new Error(cli.reason);
  const got = inPage as { sheet: string; values: unknown[] };
  expect(got.sheet).toBe('年报');
  expect(got.values.slice(0, INPUT_CELLS.length)).toEqual(cli.values);
  expect(got.values[INPUT_CELLS.findIndex((c) => c.kind === 'count')]).toEqual({ kind: 'number', value: 2 });
}, 120_000);

// The pane's PDF reading as webpack builds it (config/webpack.common.cjs, production mode, as every target): pdfjs
// is a chunk of its own, loaded only when a PDF is chosen, and the built page reads a PDF with nothing fetched from
// outside (pdfjs's worker code runs in the page's thread from that chunk: no worker URL, no CDN). The page is
// served from a folder on a free port in real chromium; every request that leaves the server is recorded and
// refused. The PDF is LibreOffice's conversion of the exporter's .docx of randomReportValues(seeded(1000)), so the
// expected values come from the generator, not from the importer.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { ROOT } from '../support/pane-page';
import { withChromium } from '../support/chromium';
import { suiteTempDir } from '../support/temp-dir';
import { FIXTURES_DIR } from '../support/fixtures-dir';
import { randomReportValues, seeded } from './random-report';
import { cellDifferences } from './round-trip-support';
import type { CellContent } from '../../src/report';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpack = require('webpack') as typeof import('webpack');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { commonConfig, esbuildMinimizer } = require('../../config/webpack.common.cjs') as {
  commonConfig(o: { production: boolean }): Record<string, unknown>;
  esbuildMinimizer(): unknown;
};

const dir = suiteTempDir('nianbao-pane-pdf-');
const out = join(dir, 'dist');
const PDF = readFileSync(join(FIXTURES_DIR, 'import-pdf', 'random-1000.pdf'));

const ENTRY = `
import { importFile } from ${JSON.stringify(join(ROOT, 'src/taskpane/import/load-importer'))};
(window as unknown as { readPdf: () => Promise<unknown> }).readPdf = async () => {
  const bytes = await (await fetch('report.pdf')).arrayBuffer();
  const r = await importFile(new File([bytes], 'report.pdf'));
  return r.ok ? { ok: true, source: r.result.source, values: r.result.values } : { ok: false, reason: r.reason };
};
`;

function build(): Promise<void> {
  writeFileSync(join(dir, 'entry.ts'), ENTRY);
  const config = {
    ...commonConfig({ production: true }),
    target: 'web',
    entry: { main: join(dir, 'entry.ts') },
    output: { path: out, filename: '[name].js', chunkFilename: '[name].[contenthash:8].js', publicPath: '' },
    optimization: { minimize: true, minimizer: [esbuildMinimizer()] },
  } as import('webpack').Configuration;
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
}

let server: Server;
let origin: string;
beforeAll(async () => {
  await build();
  writeFileSync(join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><script src="main.js"></script>');
  writeFileSync(join(out, 'report.pdf'), PDF);
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.pdf': 'application/pdf' };
  server = createServer((req, res) => {
    try {
      const file = join(out, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, ''));
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 600_000);
afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

it('pdfjs is a chunk of its own, outside the code that loads first', () => {
  const files = readdirSync(out);
  const pdfjs = files.filter((f) => /^pdfjs\.[0-9a-f]{8}\.js$/.test(f));
  expect(pdfjs).toHaveLength(1);
  // pdfjs's own words are in its chunk and not in the page's first script.
  const marker = 'PDFDocumentLoadingTask';
  expect(readFileSync(join(out, pdfjs[0]), 'utf8')).toContain(marker);
  expect(readFileSync(join(out, 'main.js'), 'utf8')).not.toContain(marker);
});

it('the built page reads a PDF with nothing fetched from outside its own server', async () => {
  const outside: string[] = [];
  const fetched: string[] = [];
  const result = await withChromium(async (browser) => {
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) {
        fetched.push(url.slice(origin.length));
        return route.continue();
      }
      outside.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => 'readPdf' in window);
    return page.evaluate(() => (window as unknown as { readPdf: () => Promise<unknown> }).readPdf());
  });
  expect(outside).toEqual([]);
  // The pdfjs chunk came from our server, after the page asked for a PDF.
  expect(fetched.some((f) => /^\/pdfjs\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
  const r = result as { ok: boolean; source: string; values: CellContent[]; reason?: string };
  expect(r.reason).toBeUndefined();
  expect(r.source).toBe('pdf');
  expect(cellDifferences(r.values, randomReportValues(seeded(1000)))).toEqual([]);
}, 120_000);

// OFFICE_JS=self (government intranets with no CDN): the Excel pane built against the pinned @microsoft/office-js
// loads office.js from beside itself, fetches nothing from outside, and the copied office.js holds every API the
// product calls, in the host scripts Excel on Windows, the web and Mac load.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import webpack from 'webpack';
import { withChromium } from '../support/chromium';
import { suiteTempDir } from '../support/temp-dir';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(suiteTempDir('nb-office-js-self-'), 'excel');
const PINNED = path.join(ROOT, 'node_modules', '@microsoft', 'office-js');

// What src/hosts/excel calls, with the ExcelApi requirement set each needs (Excel JavaScript API requirement sets,
// learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets): written from the docs, so
// a copy of office.js that lacks one fails here rather than in a user's Excel.
const USED_MEMBERS: readonly (readonly [member: string, set: string])[] = [
  ['valueTypes', '1.1'],
  ['visibility', '1.1'],
  ['protection', '1.2'],
  ['getItemOrNullObject', '1.4'],
  ['conditionalFormats', '1.6'],
  ['suspendApiCalculationUntilNextSync', '1.6'],
  ['onChanged', '1.7'],
  ['showGridlines', '1.8'],
  ['dataValidation', '1.8'],
  ['suspendScreenUpdatingUntilNextSync', '1.9'],
  ['getRanges', '1.9'],
  ['horizontalPageBreaks', '1.9'],
  ['pageLayout', '1.9'],
  ['getMergedAreasOrNullObject', '1.13'],
  ['triggerSource', '1.14'],
];
// The host scripts office.js loads for Excel on Windows (16.01), on the web and on Mac.
const HOST_SCRIPTS = ['excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js'];

beforeAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'config', 'webpack.excel.cjs')) as (
    env: object,
    argv: object,
  ) => Promise<webpack.Configuration>;
  const config = await makeConfig({ OFFICE_JS: 'self' }, { mode: 'development' });
  // Built into a temporary folder, so dist/ and the config itself stay as they are.
  config.output = { ...config.output, path: OUT };
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
}, 600_000);

describe('the Excel pane built with OFFICE_JS=self', () => {
  it('refers to the office.js beside it, an unmodified copy of the pinned package, and to no CDN', () => {
    const html = readFileSync(path.join(OUT, 'taskpane.html'), 'utf8');
    expect(html).toMatch(/<script[^>]+src="office-js\/office\.js"/);
    expect(html).not.toMatch(/appsforoffice|office365\.cn|https?:\/\//);
    expect(JSON.parse(readFileSync(path.join(PINNED, 'package.json'), 'utf8')).version).toBe('1.1.110');
    expect(
      readFileSync(path.join(OUT, 'office-js', 'office.js')).equals(
        readFileSync(path.join(PINNED, 'dist', 'office.js')),
      ),
    ).toBe(true);
  });

  it('loads office.js from its own folder in Chromium and asks nothing of the network', async () => {
    await withChromium(async (browser) => {
      const page = await browser.newPage();
      const requests: string[] = [];
      const outside: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        requests.push(url);
        if (url.startsWith('file:')) return route.continue();
        outside.push(url);
        return route.abort();
      });
      await page.goto(pathToFileURL(path.join(OUT, 'taskpane.html')).href);
      await page.waitForFunction(() => typeof (window as { Office?: unknown }).Office === 'object', null, {
        timeout: 20_000,
      });
      expect(requests.some((u) => u.endsWith('/office-js/office.js'))).toBe(true);
      expect(outside).toEqual([]);
      await page.close();
    });
  }, 60_000);

  it.each(HOST_SCRIPTS)('%s holds the ExcelApi requirement sets and every member the product calls', (file) => {
    const script = readFileSync(path.join(OUT, 'office-js', file), 'utf8');
    expect(script).toContain('"ExcelApi"');
    const missing = USED_MEMBERS.filter(([member]) => !new RegExp(`\\b${member}\\b`).test(script));
    expect(missing).toEqual([]);
  });
});

// Issue #10 item 7: the Excel pane's first download (what taskpane.html loads; office.js comes from a CDN) stays
// within 150 KB gzip, and what was moved out of it to get there (Fluent's TabList with tabster's arrow navigation,
// the other tabs' sections and the importer) stays out. The figure itself is printed by `npm run bench`.
import path from 'node:path';
import { buildExcelPane, filesSize, PANE_INITIAL_GZIP_LIMIT, type PaneBuild } from '../support/excel-pane-build';
import { suiteTempDir } from '../support/temp-dir';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(suiteTempDir('nb-excel-pane-size-'), 'excel');
let build: PaneBuild;

beforeAll(async () => {
  build = await buildExcelPane(ROOT, OUT);
}, 600_000);

it('loads one script of at most 150 KB gzip before the pane is drawn', () => {
  expect(build.initial).toHaveLength(1);
  expect(filesSize(OUT, build.initial, true)).toBeLessThanOrEqual(PANE_INITIAL_GZIP_LIMIT);
});

it('draws the first tab without Fluent TabList, tabster, the other sections (and their words) or the importer', () => {
  const has = (pattern: RegExp) => build.initialModules.filter((m) => pattern.test(m));
  // The measurement sees the pane's own modules and React: were it blind, every "not" below would pass.
  expect(has(/src[\\/]taskpane[\\/]CheckSection\.tsx/)).not.toEqual([]);
  expect(has(/node_modules[\\/]react-dom[\\/]/)).not.toEqual([]);
  expect(has(/node_modules[\\/]@fluentui[\\/]react-tabs[\\/]/)).toEqual([]);
  expect(has(/node_modules[\\/]tabster[\\/]/)).toEqual([]);
  expect(has(/src[\\/]taskpane[\\/](TemplateSection|import[\\/]ImportSection|narrative[\\/]|export[\\/])/)).toEqual([]);
  expect(has(/src[\\/]report[\\/]import[\\/]index\.ts|node_modules[\\/](parse5|pdfjs-dist|fflate)[\\/]/)).toEqual([]);
});

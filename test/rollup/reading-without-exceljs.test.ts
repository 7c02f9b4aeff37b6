// Reading only where values are needed (issue #11, "work done twice"): a child of `nianbao rollup`, the workbook of
// `nianbao export --csv` (with its 补充信息 text rows) and last year's workbook in the pane's 上年数据 are read with
// the targeted reader. Each path is loaded in a fresh module registry where requiring ExcelJS throws, and must still
// give the values written into the file (the CSV's rows are checked against the written workbook, cell by cell).
/* eslint-disable @typescript-eslint/no-require-imports -- each path is required inside
   jest.isolateModules, with ExcelJS mocked to throw */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { SUPPLEMENT_FIELDS, input, planInsertion } from '../../src/report';
import { suiteTempDir } from '../support/temp-dir';
import { buildFormat2021 } from '../../src/report/format/formats';

/** The format these tests read and check reports as (what a composition root builds). */
const FORMAT = buildFormat2021();

const dir = suiteTempDir('nianbao-no-exceljs-');
const AGENCY = '某某县人民政府办公室';
const PROBLEMS = '五、存在的主要问题：公开平台栏目更新不及时。';
const problemsField = SUPPLEMENT_FIELDS.find((f) => f.kind === 'text')!;

let file: string;
let bytes: Buffer;

beforeAll(async () => {
  const host = new XlsxHost();
  await host.applyEdits(planInsertion({ sheets: [], names: [] }, { agency: AGENCY, year: 2025 }).edits);
  await host.writeNamedValues(
    new Map<string, string | number>([
      [input('T3', 'new', 'person').name, 7],
      [input('T3', 'new', 'total').name, 7],
      [problemsField.name, PROBLEMS],
    ]),
  );
  bytes = Buffer.from(await host.toBuffer());
  file = join(dir, 'child.xlsx');
  writeFileSync(file, bytes);
}, 60_000);

/** `load` in a registry of its own where `import 'exceljs'` throws (so a path that loads it fails). */
function withoutExcelJs<T>(load: () => T): T {
  let loaded!: T;
  jest.isolateModules(() => {
    jest.doMock('exceljs', () => {
      throw new Error('ExcelJS was loaded');
    });
    loaded = load();
  });
  return loaded;
}

afterEach(() => jest.dontMock('exceljs'));

it('the throwing stand-in does catch a path that loads ExcelJS', () => {
  expect(() => withoutExcelJs(() => require('../../src/hosts/xlsx/read-workbook'))).toThrow('ExcelJS was loaded');
});

it('nianbao rollup reads a child without ExcelJS', async () => {
  const { readChild } = withoutExcelJs(
    () => require('../../src/cli/commands/rollup-child') as typeof import('../../src/cli/commands/rollup-child'),
  );
  const read = await readChild(file, FORMAT);
  if (!read.ok) throw new Error(read.reason);
  expect(read.otherFormat).toBeNull();
  expect(read.values[input('META', 'agency').index]).toEqual({ kind: 'text', text: AGENCY });
  expect(read.values[input('T3', 'new', 'person').index]).toEqual({ kind: 'number', value: 7 });
});

it('nianbao export --csv reads the workbook without ExcelJS, 补充信息 text rows included', async () => {
  const { exportCommand } = withoutExcelJs(
    () => require('../../src/cli/commands/export') as typeof import('../../src/cli/commands/export'),
  );
  const csv = join(dir, 'child.csv');
  let err = '';
  const code = await exportCommand.run([file, '--csv', csv], {
    out: () => undefined,
    err: (t) => (err += t),
    interactive: false,
  });
  expect(err).not.toContain('无法读取');
  expect(code).toBe(0);
  const lines = readFileSync(csv, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  expect(lines.some((l) => l.endsWith(`,${PROBLEMS}`) && l.startsWith('SUP,'))).toBe(true);
  expect(lines.filter((l) => l.startsWith('T3,') && l.endsWith(',7'))).toHaveLength(2);
});

it('the pane’s 上年数据 reads last year’s workbook without ExcelJS', async () => {
  const { readPreviousWorkbook } = withoutExcelJs(
    () =>
      require('../../src/taskpane/previous/read-previous-workbook') as typeof import('../../src/taskpane/previous/read-previous-workbook'),
  );
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const read = await readPreviousWorkbook(ab, '2024年报.xlsx', FORMAT);
  if (!read.ok) throw new Error(read.reason);
  expect(read.values[input('T3', 'new', 'total').index]).toEqual({ kind: 'number', value: 7 });
  expect(read.values[input('META', 'year').index]).toEqual({ kind: 'number', value: 2025 });
});

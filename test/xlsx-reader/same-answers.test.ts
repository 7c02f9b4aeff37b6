// Same answers: the targeted reader (fflate + saxes, only the named cells) reads every random report exactly as
// the ExcelJS reader (the whole workbook parsed, XlsxHost) reads it: values, blanks, texts, formulas with their
// cached results, dates, merges over named cells, rows inserted above the tables, names re-pointed or deleted.
// The ExcelJS reader is the oracle; each file is written by ExcelJS, as a user's tool would write it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { ALL_VALUE_CELLS, SUPPLEMENT_NAMES, TEMPLATE_MARKER_NAME, type CellContent } from '../../src/report';
import { templateReadNames, readTemplate } from '../../src/report/reading/read-template';
import { openWorkbookBuffer } from '../../src/hosts/xlsx/read-workbook';
import { WorkbookReader } from '../../src/hosts/xlsx/reader/workbook-reader';
import { runCli } from '../support/run-cli';
import { cellByName } from '../support/workbook-by-names';
import { suiteTempDir } from '../support/temp-dir';
import { buildFormat2021 } from '../../src/report/format/formats';

/** The format these tests read and check reports as (what a composition root builds). */
const FORMAT = buildFormat2021();

const dir = suiteTempDir('nianbao-reader-');
const NAMES = [...ALL_VALUE_CELLS.map((c) => c.name), TEMPLATE_MARKER_NAME, ...SUPPLEMENT_NAMES];
let base: ExcelJS.WorkbookModel;

beforeAll(async () => {
  const file = join(dir, 'base.xlsx');
  await runCli('template', '-o', file, '--agency', '某县司法局', '--year', '2024');
  // Conditional formats are never read; without them each random file is written and parsed faster.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  for (const ws of wb.worksheets) (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings = [];
  base = wb.model;
});

const text = fc.string({
  unit: fc.constantFrom('某', '县', '司', ' ', 'a', '1', '&', '<', '"', "'", '_x000D_', '\n', '２', '件', '='),
  maxLength: 12,
});
const number = fc.oneof(
  fc.integer({ min: -5, max: 99_999_999 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.constantFrom(0, 2021, 1e20, 2 ** 60 + 4096, 0.12345, -0),
);
const value: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.constant(null),
  number,
  text,
  fc.boolean(),
  fc.constantFrom('#N/A', '#REF!', '#DIV/0!').map((error) => ({ error }) as ExcelJS.CellErrorValue),
  fc
    .tuple(
      fc.constantFrom('1+1', 'SUM(A1:A3)', 'B2&"件"', 'TODAY()'),
      fc.oneof(number, text, fc.boolean(), fc.constant(undefined)),
    )
    .map(([formula, result]) => ({ formula, result }) as ExcelJS.CellFormulaValue),
  fc.integer({ min: 0, max: 3650 }).map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000)),
);

type Edit =
  | { kind: 'set'; name: string; value: ExcelJS.CellValue }
  | { kind: 'merge'; name: string; dx: number; dy: number }
  | { kind: 'insertRows'; count: number }
  | { kind: 'repoint'; name: string; row: number; col: number }
  | { kind: 'delete'; name: string };

const name = fc.constantFrom(...NAMES);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('set' as const), name, value }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('merge' as const),
      name,
      dx: fc.integer({ min: -1, max: 1 }),
      dy: fc.integer({ min: -1, max: 1 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('insertRows' as const), count: fc.integer({ min: 1, max: 4 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('repoint' as const),
      name,
      row: fc.integer({ min: 1, max: 80 }),
      col: fc.integer({ min: 1, max: 16 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), name }) },
);

function apply(wb: ExcelJS.Workbook, e: Edit): void {
  const has = (n: string) => wb.definedNames.model.some((d) => d.name === n);
  switch (e.kind) {
    case 'set': {
      if (!has(e.name)) return;
      const cell = cellByName(wb, e.name);
      cell.value = e.value;
      if (e.value instanceof Date) cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
      return;
    }
    case 'merge': {
      if (!has(e.name) || (e.dx === 0 && e.dy === 0)) return;
      const cell = cellByName(wb, e.name);
      const r = Number(cell.row);
      const c = Number(cell.col);
      const [top, bottom] = [Math.max(1, Math.min(r, r + e.dy)), Math.max(r, r + e.dy)];
      const [left, right] = [Math.max(1, Math.min(c, c + e.dx)), Math.max(c, c + e.dx)];
      try {
        cell.worksheet.mergeCells(top, left, bottom, right);
      } catch {
        // ExcelJS refuses to merge over an existing merge, as Excel asks first: no edit.
      }
      return;
    }
    case 'insertRows':
      wb.getWorksheet('年报')!.insertRows(
        1,
        Array.from({ length: e.count }, (_, i) => [`说明 ${i}`]),
      );
      return;
    case 'repoint': {
      const col = String.fromCharCode(64 + e.col);
      wb.definedNames.model = wb.definedNames.model.map((d) =>
        d.name === e.name ? { ...d, ranges: [`'年报'!$${col}$${e.row}`] } : d,
      );
      return;
    }
    case 'delete':
      wb.definedNames.model = wb.definedNames.model.filter((d) => d.name !== e.name);
  }
}

/**
 * The reader's values as ExcelJS would give them, for the two things ExcelJS loses and the reader keeps: the
 * digits of a number beyond 2^53 (`written`), and a formula's cached result when it is 0 or FALSE (ExcelJS's
 * FormulaValue copies only truthy fields, exceljs/lib/doc/cell.js `_copyModel`, so =A1-A1 reads as blank there).
 */
function asExcelJs(values: readonly CellContent[]): CellContent[] {
  return values.map((v) => {
    if (v.formula !== undefined && (v.kind === 'number' || v.kind === 'bool') && !v.value)
      return { kind: 'blank', formula: v.formula };
    if (v.kind !== 'number' || v.written === undefined) return v;
    expect(Math.abs(v.value)).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    expect(Number(v.written)).toBe(v.value);
    const { written: _written, ...rest } = v;
    return rest;
  });
}

/**
 * ExcelJS's other quirk, on a date-styled cell: a formula whose cached result is a boolean comes back as the date of
 * serial 0 or 1 (1899-12-30 for FALSE, 1899-12-31 for TRUE); Excel shows FALSE or TRUE there, which is what the
 * targeted reader returns. `read` is the targeted reader's values (before asExcelJs), `oracle` ExcelJS's.
 */
function oracleAsRead(oracle: readonly CellContent[], read: readonly CellContent[]): CellContent[] {
  return oracle.map((v, i) => {
    const r = read[i];
    const dateOfBool = r?.kind === 'bool' ? (r.value ? '1899-12-31' : '1899-12-30') : null;
    return v.formula !== undefined && v.kind === 'date' && v.iso === dateOfBool ? asExcelJs([r])[0] : v;
  });
}

describe('the targeted reader and the ExcelJS reader', () => {
  it('read the same from 1,000 random reports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 25 }), async (edits) => {
        // A copy of the loaded template's model (as ExcelJS's own load ends by setting it), faster than loading it.
        const wb = new ExcelJS.Workbook();
        wb.model = structuredClone(base);
        for (const e of edits) apply(wb, e);
        const buf = Buffer.from(await wb.xlsx.writeBuffer());

        const oracle = await openWorkbookBuffer(buf);
        const opened = WorkbookReader.open(buf, templateReadNames(FORMAT));
        expect(opened.ok).toBe(oracle.ok);
        if (!oracle.ok || !opened.ok) return;
        const [want, got] = [await readTemplate(oracle.host, FORMAT), await readTemplate(opened.reader, FORMAT)];
        if (want.ok && got.ok)
          expect({ ...got, values: asExcelJs(got.values) }).toEqual({
            ...want,
            values: oracleAsRead(want.values, got.values),
          });
        else expect(got).toEqual(want);
        const [a, b] = [await oracle.host.readNamedCells(NAMES), await opened.reader.readNamedCells(NAMES)];
        expect({ ...b, values: asExcelJs(b.values) }).toEqual({ ...a, values: oracleAsRead(a.values, b.values) });
      }),
      // A fixed seed keeps CI repeatable; READER_SEED explores others (each counterexample found is a case above).
      { numRuns: Number(process.env.READER_RUNS ?? 1000), seed: Number(process.env.READER_SEED ?? 20261206) },
    );
  }, 900_000);
});

import fc from 'fast-check';
import { buildFormat2021 } from '../format/formats';
import { INPUT_CELLS, input } from '../layout/input-cells';
import { BLANK, type CellContent } from './cell-content';
import {
  SCHEMA_BY_KIND,
  emptyReport,
  getReportValue,
  reportFromValues,
  valuesFromReport,
  reportSchemaOf,
} from './report-schema';
import { checkNumber, numberInText } from './value-checks';

const FORMAT = buildFormat2021();

describe('the zod schema and the fast value checks', () => {
  // The schema decides what a valid value is; the evaluator's fast path must say the same on every number.
  it.each(['count', 'amount', 'year'] as const)('agree on every %s', (kind) => {
    const numbers = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -10, max: 3000 }),
      fc.integer({ min: 0, max: 10 ** 9 }).map((n) => n / 10 ** (n % 8)),
    );
    fc.assert(
      fc.property(numbers, (n) => {
        expect(SCHEMA_BY_KIND[kind].safeParse(n).success).toBe(checkNumber(kind, n) === null);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('reading values into the typed report', () => {
  it('collects every bad cell, not just the first, and leaves them null', () => {
    const values: CellContent[] = INPUT_CELLS.map(() => ({ kind: 'number', value: 0 }));
    values[input('T3', 'new', 'person').index] = { kind: 'text', text: '２' };
    values[input('T4', 'review', 'total').index] = { kind: 'number', value: -1 };
    values[input('T2', 'fee', 'amount').index] = { kind: 'error', code: '#REF!' };
    values[input('META', 'agency').index] = { kind: 'text', text: '某局' };
    values[input('META', 'year').index] = { kind: 'number', value: 2025 };
    const { report, issues } = reportFromValues(values, FORMAT);
    expect(issues.map((i) => [i.cell.name, i.problem.code])).toEqual([
      ['nb_t2_fee_amount', 'error'],
      ['nb_t3_new_person', 'fullWidth'],
      ['nb_t4_review_total', 'negative'],
    ]);
    expect(report.t3.new.person).toBeNull();
    expect(report.t4.review.total).toBeNull();
    expect(report.agency).toBe('某局');
    expect(report.year).toBe(2025);
  });

  it('round-trips a valid report through cell contents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 500 })), {
          minLength: INPUT_CELLS.length,
          maxLength: INPUT_CELLS.length,
        }),
        (ints) => {
          const values: CellContent[] = INPUT_CELLS.map((c, i) => {
            if (c.kind === 'text') return { kind: 'text', text: '某县人民政府' };
            if (c.kind === 'year') return { kind: 'number', value: 2024 };
            return ints[i] === null ? BLANK : { kind: 'number', value: ints[i]! };
          });
          const { report, issues } = reportFromValues(values, FORMAT);
          expect(issues).toEqual([]);
          expect(reportSchemaOf(FORMAT.layout).safeParse(report).success).toBe(true);
          expect(valuesFromReport(report, FORMAT)).toEqual(values);
          for (const c of INPUT_CELLS.filter((x) => x.kind === 'count')) {
            const v = values[c.index];
            expect(getReportValue(report, c)).toBe(v.kind === 'number' ? v.value : null);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('has the shape of the format: 2 + 10 + 175 + 15 inputs', () => {
    const r = emptyReport(FORMAT);
    expect(Object.keys(r.t3)).toHaveLength(25);
    expect(Object.keys(r.t3.new)).toHaveLength(7);
    expect(Object.keys(r.t4)).toEqual(['review', 'direct', 'after']);
    expect(INPUT_CELLS.filter((c) => c.table === 'T2')).toHaveLength(10);
    expect(INPUT_CELLS.filter((c) => c.table === 'T3')).toHaveLength(175);
    expect(INPUT_CELLS.filter((c) => c.table === 'T4')).toHaveLength(15);
  });
});

describe('numbers typed as text', () => {
  it.each([
    ['２０', 20, 'fullWidth'],
    [' 7 ', 7, 'textNumber'],
    ['1,234', 1234, 'textNumber'],
    ['3件', 3, 'withUnit'],
    ['12.5万元', 12.5, 'withUnit'],
  ] as const)('%j reads as %d (%s) for the fix offer', (text, value, code) => {
    expect(numberInText(text)).toEqual({ value, code });
  });
  it.each(['二', 'abc', '', '1-2', '--'])('%j is not a number', (text) => expect(numberInText(text)).toBeNull());
});

// The typed report, built from the layout: the zod schema decides what a valid value is, and
// `Report` is inferred from it. Blank inputs are null (the blank rule warns about them).
import { z } from 'zod';
import { LAYOUT_2021, type FormatLayout } from '../layout/format-2021';
import { INPUT_CELLS, type InputCell } from '../layout/input-cells';
import { BLANK, type CellContent } from './cell-content';
import { pathOf, valueTree, type CellIssue, type ReportValue } from './report-tree';
import { AMOUNT_DECIMALS, FIRST_YEAR, LAST_YEAR, MAX_AMOUNT, MAX_COUNT, decimalsOf } from './value-checks';

export type { CellIssue, ReportValue } from './report-tree';

export const countSchema = z.number().int().min(0).max(MAX_COUNT);
export const amountSchema = z
  .number()
  .min(0)
  .max(MAX_AMOUNT)
  .refine((n) => decimalsOf(n) <= AMOUNT_DECIMALS, { message: `最多 ${AMOUNT_DECIMALS} 位小数` });
export const yearSchema = z.number().int().min(FIRST_YEAR).max(LAST_YEAR);
export const agencySchema = z.string();

export const SCHEMA_BY_KIND = {
  count: countSchema,
  amount: amountSchema,
  year: yearSchema,
  text: agencySchema,
} as const;

function objectOf<T extends z.ZodType>(ids: readonly string[], schema: (id: string) => T) {
  return z.object(Object.fromEntries(ids.map((id) => [id, schema(id)])) as Record<string, T>);
}

/** The zod schema of one format's report: t2/t3/t4 objects keyed by its row and column ids. */
export function buildReportSchema(layout: FormatLayout) {
  const t2Rows = layout.t2Blocks.flatMap((b) => b.rows.map((r) => ({ row: r.id, block: b })));
  return z.object({
    agency: agencySchema.nullable(),
    year: yearSchema.nullable(),
    t2: objectOf(
      t2Rows.map((r) => r.row),
      (id) => {
        const block = t2Rows.find((r) => r.row === id)!.block;
        return objectOf(
          block.columns.map((c) => c.id),
          () => (block.kind === 'amount' ? amountSchema : countSchema).nullable(),
        );
      },
    ),
    t3: objectOf(
      layout.t3Rows.map((r) => r.id),
      () =>
        objectOf(
          layout.t3Columns.map((c) => c.id),
          () => countSchema.nullable(),
        ),
    ),
    t4: objectOf(
      layout.t4Groups.map((g) => g.id),
      () =>
        objectOf(
          layout.t4Columns.map((c) => c.id),
          () => countSchema.nullable(),
        ),
    ),
  });
}

/** The 2021 format's schema, for the callers not yet handed a Format. */
export const ReportSchema = buildReportSchema(LAYOUT_2021);

/** What reading values into a report needs of a format: its input cells and its schema. */
export interface ReportShape {
  readonly inputCells: readonly InputCell[];
  readonly schema: z.ZodType<Report>;
}
const SHAPE_2021: ReportShape = { inputCells: INPUT_CELLS, schema: ReportSchema };

export type Report = z.infer<typeof ReportSchema>;
export function getReportValue(report: Report, cell: InputCell): ReportValue {
  let node: unknown = report;
  for (const key of pathOf(cell)) node = (node as Record<string, unknown> | undefined)?.[key];
  return (node ?? null) as ReportValue;
}

/** A report with every input blank. */
export function emptyReport(): Report {
  return reportFromValues(INPUT_CELLS.map(() => BLANK)).report;
}

/**
 * Reads host values (in INPUT_CELLS order) into the typed report. Every bad cell is collected as an issue and
 * left null in the report; nothing is coerced (a text "２" stays an issue that offers 2, not a 2).
 */
export function reportFromValues(
  values: readonly CellContent[],
  format: ReportShape = SHAPE_2021,
): { report: Report; issues: CellIssue[] } {
  const { tree, issues } = valueTree(values, format.inputCells);
  return { report: format.schema.parse(tree), issues };
}

/** The host-neutral cell contents a report stands for, in INPUT_CELLS order. */
export function valuesFromReport(report: Report, format: ReportShape = SHAPE_2021): CellContent[] {
  return format.inputCells.map((cell) => {
    const v = getReportValue(report, cell);
    if (v === null) return BLANK;
    return typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', text: v };
  });
}

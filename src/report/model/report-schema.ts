// The typed report, built from the layout: the zod schema decides what a valid value is, and
// `Report` is inferred from it. Blank inputs are null (the blank rule warns about them).
import { z } from 'zod';
import type { FormatLayout } from '../layout/format-2021';
import type { InputCell } from '../layout/input-cells';
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

const SCHEMAS = new WeakMap<FormatLayout, z.ZodType<Report>>();

/** A format's schema, built the first time it is asked for (a Format carries none: zod loads only where parsed). */
export function reportSchemaOf(layout: FormatLayout): z.ZodType<Report> {
  let schema = SCHEMAS.get(layout);
  if (!schema) SCHEMAS.set(layout, (schema = buildReportSchema(layout)));
  return schema;
}

/** What reading values into a report needs of a format (a Format): its input cells and its layout. */
export interface ReportShape {
  readonly inputCells: readonly InputCell[];
  readonly layout: FormatLayout;
}

export type Report = z.infer<ReturnType<typeof buildReportSchema>>;
export function getReportValue(report: Report, cell: InputCell): ReportValue {
  let node: unknown = report;
  for (const key of pathOf(cell)) node = (node as Record<string, unknown> | undefined)?.[key];
  return (node ?? null) as ReportValue;
}

/** A report of `format` with every input blank. */
export function emptyReport(format: ReportShape): Report {
  return reportFromValues(
    format.inputCells.map(() => BLANK),
    format,
  ).report;
}

/**
 * Reads host values (in the format's inputCells order) into the typed report. Every bad cell is collected as an issue and
 * left null in the report; nothing is coerced (a text "２" stays an issue that offers 2, not a 2).
 */
export function reportFromValues(
  values: readonly CellContent[],
  format: ReportShape,
): { report: Report; issues: CellIssue[] } {
  const { tree, issues } = valueTree(values, format.inputCells);
  return { report: reportSchemaOf(format.layout).parse(tree), issues };
}

/** The host-neutral cell contents a report stands for, in the format's inputCells order. */
export function valuesFromReport(report: Report, format: ReportShape): CellContent[] {
  return format.inputCells.map((cell) => {
    const v = getReportValue(report, cell);
    if (v === null) return BLANK;
    return typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', text: v };
  });
}

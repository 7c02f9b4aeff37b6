// The typed report, built from the layout: the zod schema decides what a valid value is, and
// `Report` is inferred from it. Blank inputs are null (the blank rule warns about them).
import { z } from 'zod';
import { T2_BLOCKS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS } from '../layout/format-2021';
import { INPUT_CELLS, type InputCell } from '../layout/input-cells';
import { BLANK, displayContent, type CellContent } from './cell-content';
import {
  AMOUNT_DECIMALS,
  FIRST_YEAR,
  LAST_YEAR,
  MAX_AMOUNT,
  MAX_COUNT,
  checkContent,
  decimalsOf,
  type CellProblem,
} from './value-checks';

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

const t2Rows = T2_BLOCKS.flatMap((b) => b.rows.map((r) => ({ row: r.id, block: b })));

export const ReportSchema = z.object({
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
    T3_ROWS.map((r) => r.id),
    () =>
      objectOf(
        T3_COLUMNS.map((c) => c.id),
        () => countSchema.nullable(),
      ),
  ),
  t4: objectOf(
    T4_GROUPS.map((g) => g.id),
    () =>
      objectOf(
        T4_COLUMNS.map((c) => c.id),
        () => countSchema.nullable(),
      ),
  ),
});

export type Report = z.infer<typeof ReportSchema>;
export type ReportValue = number | string | null;

function pathOf(cell: InputCell): string[] {
  return cell.table === 'META' ? [cell.rowId] : [cell.table.toLowerCase(), cell.rowId, cell.columnId];
}

export function getReportValue(report: Report, cell: InputCell): ReportValue {
  let node: unknown = report;
  for (const key of pathOf(cell)) node = (node as Record<string, unknown> | undefined)?.[key];
  return (node ?? null) as ReportValue;
}

/** A report with every input blank. */
export function emptyReport(): Report {
  return reportFromValues(INPUT_CELLS.map(() => BLANK)).report;
}

export interface CellIssue {
  readonly cell: InputCell;
  readonly content: CellContent;
  readonly problem: CellProblem;
}

/**
 * Reads host values (in INPUT_CELLS order) into the typed report. Every bad cell is collected as an issue and
 * left null in the report; nothing is coerced (a text "２" stays an issue that offers 2, not a 2).
 */
export function reportFromValues(values: readonly CellContent[]): { report: Report; issues: CellIssue[] } {
  const root: Record<string, unknown> = {};
  const issues: CellIssue[] = [];
  INPUT_CELLS.forEach((cell, i) => {
    const content = values[i] ?? BLANK;
    const problem = checkContent(cell.kind, content);
    if (problem) issues.push({ cell, content, problem });
    let value: ReportValue = null;
    if (!problem && cell.kind === 'text') {
      value = content.kind === 'blank' ? null : displayContent(content);
    } else if (!problem) {
      if (content.kind === 'number') value = content.value;
      else if (content.kind === 'text' && content.text.length > 0) value = content.text;
      else if (content.kind === 'date') value = content.iso;
    }
    const path = pathOf(cell);
    let node = root;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]] = value;
  });
  return { report: ReportSchema.parse(root), issues };
}

/** The host-neutral cell contents a report stands for, in INPUT_CELLS order. */
export function valuesFromReport(report: Report): CellContent[] {
  return INPUT_CELLS.map((cell) => {
    const v = getReportValue(report, cell);
    if (v === null) return BLANK;
    return typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', text: v };
  });
}

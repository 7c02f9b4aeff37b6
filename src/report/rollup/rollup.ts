// 汇总: a parent report whose additive cells (additive.ts) are the sums of its children's, with each child's
// contribution per cell kept for the 汇总明细 sheet, and the screening that refuses a child by name (errors,
// another year, another format version, an agency already counted).
import type { Format } from '../format/format';
import { TABLE_NAMES } from '../layout/format-2021';
import { rangeA1 } from '../layout/a1';
import { BLANK, type CellContent } from '../model/cell-content';
import type { SheetEdit } from '../sheet-edits/sheet-edit';
import { additiveCells } from './additive';

export interface RollupChild {
  /** How the child is named in messages and in 汇总明细 (its agency, else its file). */
  readonly label: string;
  /** In the format's inputCells order. */
  readonly values: readonly CellContent[];
}

export interface Contribution {
  readonly name: string;
  /** Each child's number for the cell, in children order; null where the child left it blank. */
  readonly parts: readonly (number | null)[];
  readonly total: number;
}

export interface Rollup {
  /** The parent's values, in the format's inputCells order. */
  readonly values: readonly CellContent[];
  /** One per additive cell, in inputCells order. */
  readonly contributions: readonly Contribution[];
}

/** Amounts carry at most 4 decimals (value-checks.ts): summed as whole ten-thousandths, so 0.1 + 0.2 is 0.3. */
const SCALE = 10_000;

/** The sum of the children (reports of `format`); blank in every child stays blank in the parent. */
export function sumChildren(
  children: readonly RollupChild[],
  meta: { agency: string; year: number },
  format: Format,
): Rollup {
  const values: CellContent[] = format.inputCells.map(() => BLANK);
  values[format.cells.input('META', 'agency').index] = { kind: 'text', text: meta.agency };
  values[format.cells.input('META', 'year').index] = { kind: 'number', value: meta.year };
  const contributions = additiveCells(format.inputCells).map((cell): Contribution => {
    const parts = children.map((c) => {
      const v = c.values[cell.index];
      return v?.kind === 'number' ? v.value : null;
    });
    const scaled = parts.reduce<number>((sum, p) => sum + (p === null ? 0 : Math.round(p * SCALE)), 0);
    const total = scaled / SCALE;
    if (parts.some((p) => p !== null)) values[cell.index] = { kind: 'number', value: total };
    return { name: cell.name, parts, total };
  });
  return { values, contributions };
}

/** What the screening needs to know of a child. */
export interface ChildFacts {
  readonly label: string;
  readonly agency: string | null;
  readonly year: number | null;
  /** Null when the child is of the format and template version the parent is; else what it is, in words. */
  readonly otherFormat: string | null;
  readonly errors: number;
}

export interface Screening {
  /** Indexes of the children that are summed. */
  readonly accepted: readonly number[];
  readonly refused: readonly { readonly label: string; readonly reason: string }[];
}

const sameAgency = (s: string) => s.replace(/[\s\u3000]/g, '');

/** Which children may be summed into a parent of `year`; the others, each with the reason, by name. */
export function screenChildren(children: readonly ChildFacts[], year: number): Screening {
  const accepted: number[] = [];
  const refused: { label: string; reason: string }[] = [];
  const seen = new Map<string, string>();
  children.forEach((c, i) => {
    let reason: string | null = null;
    if (c.otherFormat) reason = `格式不同：${c.otherFormat}`;
    else if (c.errors > 0) reason = `有 ${c.errors} 个错误，请先改正（nianbao validate 可列出）`;
    else if (c.year !== year) reason = c.year === null ? '没有填写年度' : `年度为 ${c.year}，不是汇总的 ${year} 年度`;
    else if (!c.agency) reason = '没有填写机关名称';
    else if (seen.has(sameAgency(c.agency)))
      reason = `机关名称「${c.agency}」与 ${seen.get(sameAgency(c.agency))} 重复，不能重复计入`;
    if (reason) refused.push({ label: c.label, reason });
    else {
      seen.set(sameAgency(c.agency!), c.label);
      accepted.push(i);
    }
  });
  return { accepted, refused };
}

export const ROLLUP_DETAIL_SHEET = '汇总明细';
const DETAIL_HEADER = ['表', '行', '列', '单元格名称', '汇总'] as const;
export const DETAIL_FIRST_CHILD_COLUMN = DETAIL_HEADER.length + 1;

/**
 * The 汇总明细 sheet: one row per additive cell, its total, and each child's contribution (a column each). A new
 * sheet named `sheet` (the pane passes a free name, so a workbook's own 汇总明细 is never written over).
 */
export function planRollupDetail(
  children: readonly RollupChild[],
  rollup: Rollup,
  format: Format,
  sheet: string = ROLLUP_DETAIL_SHEET,
): SheetEdit[] {
  const byName = format.cells.inputByName;
  const rows: (string | number | null)[][] = [
    [...DETAIL_HEADER, ...children.map((c) => c.label)],
    ...rollup.contributions.map((k) => {
      const cell = byName.get(k.name)!;
      return [TABLE_NAMES[cell.table], cell.rowLabel, cell.columnLabel, k.name, k.total, ...k.parts];
    }),
  ];
  const width = rows[0].length;
  return [
    { op: 'addSheet', sheet },
    { op: 'columnWidths', sheet, first: 1, widths: [8, 30, 16, 26, 10, ...children.map(() => 14)] },
    { op: 'values', sheet, range: rangeA1(1, 1, rows.length, width), values: rows },
    {
      op: 'format',
      sheet,
      ranges: [rangeA1(1, 1, 1, width)],
      format: { font: { name: '黑体', size: 10, bold: true }, horizontal: 'center', wrap: true, border: true },
    },
  ];
}

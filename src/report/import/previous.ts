// Last year's report as this year's cross-year inputs: the values of PREVIOUS_CELLS (nb_prev_*) that X.carry and
// X.inforce read, and the prefill of 二、上年结转 from last year's 四、结转下年度继续办理, which never overwrites a
// cell the user filled with something else.
import type { Format } from '../format/format';
import { BLANK, displayContent, formatNumber, type CellContent } from '../model/cell-content';
import { valuesFromReport, type Report } from '../model/report-schema';
import { cellLabel } from '../rules/rule-catalog';

/** Last year's report: imported (txt/html), read from a workbook (values in inputCells order), or typed. */
export type PreviousSource = Report | { readonly values: readonly CellContent[] } | readonly CellContent[];

function inputValues(source: PreviousSource, format: Format): readonly CellContent[] {
  if (Array.isArray(source)) return source as readonly CellContent[];
  if ('values' in (source as object) && Array.isArray((source as { values: unknown }).values))
    return (source as { values: readonly CellContent[] }).values;
  return valuesFromReport(source as Report, format);
}

/**
 * Values for `format`'s previousCells, in that order: what `evaluateRules([...current, ...previous])` needs after
 * the inputs.
 */
export function previousValuesFrom(source: PreviousSource, format: Format): CellContent[] {
  const values = inputValues(source, format);
  if (values.length < format.inputCells.length)
    throw new Error('previousValuesFrom: values are not in the format’s inputCells order');
  return format.cells.previousSources.map((c) => values[c.index] ?? BLANK);
}

/** The same, by defined name (nb_prev_*), for writing into the workbook's 上年数据 block. */
export function previousValuesByName(source: PreviousSource, format: Format): Map<string, CellContent> {
  const prev = previousValuesFrom(source, format);
  return new Map(format.cells.previousCells.map((c, i) => [c.name, prev[i]]));
}

export interface CarryConflict {
  readonly name: string;
  readonly current: CellContent;
  readonly previous: number;
  readonly message: string;
}

export interface CarryPrefill {
  /** 二、上年结转 cell name → last year's 四、结转下年度继续办理, for each column last year printed a number in. */
  readonly values: ReadonlyMap<string, number>;
  /** The cells that are blank now or already hold that number: safe to write. */
  readonly toWrite: ReadonlyMap<string, number>;
  /** Cells that already hold something else: left alone and reported. */
  readonly conflicts: readonly CarryConflict[];
}

/**
 * Prefills 表三「二、上年结转」from last year's「四、结转下年度继续办理」. `current` is this year's values in
 * the format's inputCells order (or its valueCells order, which starts the same).
 */
export function prefillCarry(previous: PreviousSource, current: readonly CellContent[], format: Format): CarryPrefill {
  const input = format.cells.input;
  const last = inputValues(previous, format);
  const values = new Map<string, number>();
  const toWrite = new Map<string, number>();
  const conflicts: CarryConflict[] = [];
  for (const col of format.layout.t3Columns) {
    const next = input('T3', 'next', col.id);
    const from = last[next.index];
    if (from?.kind !== 'number') continue;
    const carry = input('T3', 'carry', col.id);
    values.set(carry.name, from.value);
    const now = current[carry.index] ?? BLANK;
    const blank = now.kind === 'blank' || (now.kind === 'text' && now.text.trim() === '');
    if (blank || (now.kind === 'number' && now.value === from.value && now.formula === undefined))
      toWrite.set(carry.name, from.value);
    else
      conflicts.push({
        name: carry.name,
        current: now,
        previous: from.value,
        message: `${cellLabel(carry)}已填写 ${displayContent(now)}，与上年报告「${next.rowLabel}」的 ${formatNumber(from.value)} 不同，未覆盖；请核对后自行修改`,
      });
  }
  return { values, toWrite, conflicts };
}

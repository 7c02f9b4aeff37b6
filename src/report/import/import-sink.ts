// Where the table readers put what they read: the cell values by defined name, and the diagnostics. Normalised
// cells (a blank or "/" read as 0, "２" read as 2) are reported once per row, naming the columns.
import { TABLE_NAMES, type TableId } from '../layout/format-2021';
import { INPUT_BY_NAME } from '../layout/input-cells';
import type { CellContent } from '../model/cell-content';
import { diagnostic, type DiagnosticCode, type ImportDiagnostic } from './import-diagnostic';
import type { PlacedCell } from './place-values';
import { tokenText } from './place-values';
import type { CellToken } from './source-lines';

export class ImportSink {
  readonly values = new Map<string, CellContent>();
  readonly diagnostics: ImportDiagnostic[] = [];

  add(d: ImportDiagnostic): void {
    this.diagnostics.push(d);
  }

  note(
    code: DiagnosticCode,
    message: string,
    where: { table?: TableId | null; row?: string | null; cells?: readonly string[]; line?: number | null } = {},
  ): void {
    this.add(diagnostic(code, message, where));
  }

  /** Puts a row's cells (names in column order, null for a column with no place in the template). */
  putRow(table: TableId, row: string, names: readonly (string | null)[], cells: readonly PlacedCell[], line: number) {
    const blank: string[] = [];
    const slash: string[] = [];
    const texts: string[] = [];
    const touched: string[] = [];
    cells.forEach((cell, i) => {
      const name = names[i];
      if (!name) return;
      const column = INPUT_BY_NAME.get(name)?.columnLabel || name;
      if (cell.value === null) {
        blank.push(column);
        return;
      }
      touched.push(name);
      this.values.set(name, { kind: 'number', value: cell.value });
      if (cell.from === 'slash') slash.push(`${column}「${cell.raw}」`);
      if (cell.note) texts.push(`${column}「${cell.raw}」`);
    });
    const where = { table, row, cells: touched, line };
    const rowWords = `${TABLE_NAMES[table]}「${row}」行`;
    if (blank.length)
      this.note(
        'blankCell',
        `${rowWords}：${blank.join('、')}列印为空白，留空（空白不等于 0，请核对原文）；该行其他数字已导入`,
        {
          ...where,
          cells: names.filter((n, i): n is string => n !== null && cells[i]?.value === null),
        },
      );
    if (slash.length) this.note('slashAsZero', `${rowWords}：${slash.join('、')}按 0 读取`, where);
    if (texts.length) this.note('numberText', `${rowWords}：${texts.join('、')}按数字读取`, where);
  }
}

export function tokensText(tokens: readonly CellToken[]): string {
  return tokens.map(tokenText).join(' ');
}

/** What to say about digits run together in a row: split by the only reading, or left empty with the readings. */
export function runNote(
  sink: ImportSink,
  where: { table: TableId; row: string; cells: readonly string[]; line: number },
  run:
    { digits: string; readings: number; candidates: readonly (readonly number[])[] } | { digits: string; split: true },
): void {
  const rowWords = `${TABLE_NAMES[where.table]}「${where.row}」行`;
  if ('split' in run) {
    sink.note(
      'digitsSplit',
      `${rowWords}：数字连在一起（${run.digits}），只有一种拆法满足该行的合计关系，已按该拆法导入`,
      where,
    );
    return;
  }
  const shown = run.candidates.map((c) => c.join('/')).join('、');
  sink.note(
    'digitsAmbiguous',
    run.readings === 0
      ? `${rowWords}：数字连在一起（${run.digits}），没有一种拆法满足该行的合计关系，该行留空`
      : `${rowWords}：数字连在一起（${run.digits}），可拆为 ${shown}${run.readings > run.candidates.length ? ` 等 ${run.readings} 种` : ''}，无法确定，该行留空，请对照原文填写`,
    where,
  );
}

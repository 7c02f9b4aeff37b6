// A report workbook of our template read for its inputs, whatever opened it (a file on disk for `nianbao rollup`,
// bytes chosen in the pane for 上年数据 and 汇总): readTemplate over the CellReader, this year's inputs, and whether
// the workbook is of another template version than `format`'s (the reason a roll-up refuses it).
import type { Format } from '../format/format';
import type { CellContent } from '../model/cell-content';
import { readTemplate } from './read-template';
import type { CellReader } from './cell-reader';

export type ReportInputs =
  | {
      readonly ok: true;
      /** The report's inputs, in the format's inputCells order. */
      readonly values: readonly CellContent[];
      /** The template version the workbook carries (null when its marker holds none). */
      readonly version: number | null;
      /** Null when the workbook is of `format`'s template version; else the difference in words. */
      readonly otherFormat: string | null;
    }
  | { readonly ok: false; readonly reason: string };

/** Null when `version` is `format`'s template version; else the difference in words (why a 汇总 refuses it). */
export function otherTemplateVersion(version: number | null, format: Format): string | null {
  return version === format.version
    ? null
    : `模板版本 ${version ?? '未知'}（本助手的模板版本为 ${format.version ?? '无'}）`;
}

/** The inputs of the report of `format` that `reader` holds, or why it cannot be read (readTemplate's reason). */
export async function readReportInputs(reader: CellReader, format: Format): Promise<ReportInputs> {
  const read = await readTemplate(reader, format);
  if (!read.ok) return { ok: false, reason: read.reason };
  return {
    ok: true,
    values: read.values.slice(0, format.inputCells.length),
    version: read.version,
    otherFormat: otherTemplateVersion(read.version, format),
  };
}

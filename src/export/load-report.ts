// Reads what the documents need from any host: the report (by the template's names) and the 补充信息 sheet
// (missing names read as blank, so a workbook made before the sheet existed still exports).
import {
  SUPPLEMENT_NAMES,
  reportFromValues,
  supplementFromValues,
  type CellContent,
  type Report,
  type Supplement,
} from '../report';
import type { Format } from '../report/format/format';
import type { CellReader } from '../report/reading/cell-reader';
import { readTemplate } from '../report/reading/read-template';

export type LoadedReport =
  | {
      readonly ok: true;
      readonly report: Report;
      readonly supplement: Supplement;
      /** In the format's valueCells order, as readTemplate gives them. */
      readonly values: readonly CellContent[];
      /** Whether the workbook has the 补充信息 sheet's names. */
      readonly hasSupplement: boolean;
    }
  | { readonly ok: false; readonly reason: string };

/** The report of `format` the workbook holds, with its 补充信息. */
export async function loadReport(host: CellReader, format: Format): Promise<LoadedReport> {
  const read = await readTemplate(host, format);
  if (!read.ok) return { ok: false, reason: read.reason };
  const { report } = reportFromValues(read.values.slice(0, format.inputCells.length), format);
  const sup = await host.readNamedCells(SUPPLEMENT_NAMES);
  return {
    ok: true,
    report,
    supplement: supplementFromValues(sup.values),
    values: read.values,
    hasSupplement: sup.missing.length < SUPPLEMENT_NAMES.length,
  };
}

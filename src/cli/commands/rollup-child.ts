// One child of `nianbao rollup`, read for its inputs: our workbook with the targeted reader (only the named cells,
// within its limits; ExcelJS is not loaded), or a published report (text, HTML, .docx, PDF) through the importer.
import type { CellContent } from '../../report';
import type { Format } from '../../report/format/format';
import { readReportInputs } from '../../report/reading/read-report';
import { templateReadNames } from '../../report/reading/read-template';
import { openReportFile } from '../../hosts/xlsx/read-file';
import { importReportFile, sniffKind, NO_TABLES_REASON } from '../read-report-source';
import { checkRegularFile } from '../audit/special-file';

export type ChildRead =
  | { readonly ok: true; readonly values: readonly CellContent[]; readonly otherFormat: string | null }
  | { readonly ok: false; readonly reason: string };

/** One child's inputs (`format`'s inputCells order) and whether its format or template version differs from ours. */
export async function readChild(path: string, format: Format): Promise<ChildRead> {
  const checked = await checkRegularFile(path);
  if (!checked.ok) return checked;
  const kind = await sniffKind(path);
  if (kind === 'xlsx') {
    // The targeted reader (only the named cells, within its limits): a child is read, never opened for editing.
    const opened = await openReportFile(path, templateReadNames(format));
    if (!opened.ok) return opened;
    return readReportInputs(opened.host, format);
  }
  const read = await importReportFile(path, kind);
  if (!read.ok) return read;
  const r = read.imported;
  if (r.formatVersion === 'unknown') return { ok: false, reason: NO_TABLES_REASON };
  return { ok: true, values: r.values, otherFormat: r.formatVersion === '2021' ? null : '含 2019 年版格式的表格' };
}

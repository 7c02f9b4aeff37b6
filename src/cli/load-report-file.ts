// A workbook file read for the documents and the narrative: opened with the targeted reader (the template's cells
// and the 补充信息 sheet's, in one pass per sheet) and read by names, with one reason when it cannot be.
import { SUPPLEMENT_NAMES } from '../report';
import { loadReport, type LoadedReport } from '../export/load-report';
import type { Format } from '../report/format/format';
import { templateReadNames } from '../report/reading/read-template';
import { openReportFile } from '../hosts/xlsx/read-file';

export async function loadReportFile(path: string, format: Format): Promise<LoadedReport> {
  const opened = await openReportFile(path, [...templateReadNames(format), ...SUPPLEMENT_NAMES]);
  return opened.ok ? loadReport(opened.host, format) : opened;
}

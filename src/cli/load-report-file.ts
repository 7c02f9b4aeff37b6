// A workbook file read for the documents and the narrative: opened (guarded) and read by names, with one reason
// when it cannot be.
import { loadReport, type LoadedReport } from '../export/load-report';
import { openWorkbookFile } from '../hosts/xlsx/read-workbook';

export async function loadReportFile(path: string): Promise<LoadedReport> {
  const opened = await openWorkbookFile(path);
  return opened.ok ? loadReport(opened.host) : opened;
}

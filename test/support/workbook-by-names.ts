// An independent reader/writer of template workbooks: plain ExcelJS, resolving cells through the defined names
// the file carries (not through our host code), as another office tool would.
import ExcelJS from 'exceljs';

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export function cellByName(wb: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const { ranges } = wb.definedNames.getRanges(name);
  if (ranges.length !== 1) throw new Error(`name ${name} has ${ranges.length} ranges`);
  const [sheetPart, addr] = ranges[0].split('!');
  const ws = wb.getWorksheet(sheetPart.replace(/^'|'$/g, ''));
  if (!ws) throw new Error(`sheet of ${name} missing`);
  return ws.getCell(addr.replace(/\$/g, ''));
}

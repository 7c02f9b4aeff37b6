// 自检 probes over an ExcelJS workbook (a .xlsx file in memory: the CLI, the page's open/save, the pane's tests).
// A file has no change events and no active window: those checks say so instead of passing.
import type ExcelJS from 'exceljs';
import { parseRange } from '../../report';
import type { SelfTestProbes } from '../self-test/run-self-test';

const NO_EVENTS = '.xlsx 文件没有修改事件（只有 Excel、WPS 和网页版表格有）';

function covers(ref: string, cell: string): boolean {
  const c = parseRange(cell);
  return ref.split(/\s+/).some((part) => {
    const r = parseRange(part.replace(/\$/g, ''));
    return !!r && !!c && r.top <= c.top && c.top <= r.bottom && r.left <= c.left && c.left <= r.right;
  });
}

export function xlsxSelfTestProbes(workbook: ExcelJS.Workbook): SelfTestProbes {
  const sheet = (name: string): ExcelJS.Worksheet => {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new Error(`找不到工作表「${name}」`);
    return ws;
  };
  return {
    async describe() {
      return { host: '.xlsx 文件（ExcelJS）', version: '—', apiSets: [] };
    },
    async activeSheet() {
      return null;
    },
    async conditionalFormatsAt(name, cell) {
      // ExcelJS keeps the rules on the worksheet without typing the property (apply-edits.ts does the same).
      const ws = sheet(name) as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
      return ws.conditionalFormattings.filter((cf) => covers(cf.ref, cell)).reduce((n, cf) => n + cf.rules.length, 0);
    },
    async isProtected(name) {
      return Boolean((sheet(name) as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
    },
    async isHidden(name) {
      return sheet(name).state !== 'visible';
    },
    async changeEvent() {
      return { outcome: 'not-probed', detail: NO_EVENTS };
    },
    async removeScratch(sheets, names) {
      workbook.definedNames.model = workbook.definedNames.model.filter((d) => !names.includes(d.name));
      for (const s of sheets) {
        const ws = workbook.getWorksheet(s);
        if (ws) workbook.removeWorksheet(ws.id);
      }
    },
  };
}

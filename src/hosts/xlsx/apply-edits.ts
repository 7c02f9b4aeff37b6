// Applies planned SheetEdits to an ExcelJS workbook: the reference writer of the template (the CLI's
// `nianbao template`, the web host's 保存, and the comparison other hosts' tests are held to).
import type ExcelJS from 'exceljs';
import { HIGHLIGHT, parseRange, absoluteRef, type CellFormat, type SheetEdit } from '../../report';
import { handleEdit, type EditHandlers } from '../edit-handlers';

const argb = (rgb: string) => `FF${rgb.toUpperCase()}`;

function cellsOf(ws: ExcelJS.Worksheet, range: string): ExcelJS.Cell[] {
  const r = parseRange(range);
  if (!r) throw new Error(`bad range ${range}`);
  const cells: ExcelJS.Cell[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) cells.push(ws.getCell(row, col));
  return cells;
}

function applyFormat(cell: ExcelJS.Cell, f: CellFormat): void {
  // A loaded workbook shares one style object among all cells of a style: write to a copy, or a format meant
  // for this cell would change every cell that shares it (the user's included).
  cell.style = structuredClone(cell.style);
  if (f.font) {
    const font: Partial<ExcelJS.Font> = { ...cell.font };
    if (f.font.name !== undefined) font.name = f.font.name;
    if (f.font.size !== undefined) font.size = f.font.size;
    if (f.font.bold !== undefined) font.bold = f.font.bold;
    if (f.font.color !== undefined) font.color = { argb: argb(f.font.color) };
    cell.font = font;
  }
  if (f.fill !== undefined) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.fill) } };
  if (f.horizontal !== undefined || f.vertical !== undefined || f.wrap !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...cell.alignment };
    if (f.horizontal !== undefined) alignment.horizontal = f.horizontal;
    if (f.vertical !== undefined) alignment.vertical = f.vertical;
    if (f.wrap !== undefined) alignment.wrapText = f.wrap;
    cell.alignment = alignment;
  }
  if (f.border) {
    const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (f.numberFormat !== undefined) cell.numFmt = f.numberFormat;
  if (f.locked !== undefined) cell.protection = { ...cell.protection, locked: f.locked };
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/**
 * A formula as the file stores it: functions newer than Excel 2007 carry the _xlfn. prefix in OOXML (ECMA-376
 * Part 1 §18.17.7 and MS-XLSX 2.2.2 "Formulas": future functions are written as _xlfn.NAME), or Excel reads #NAME?.
 */
export function fileFormula(formula: string): string {
  return formula.replace(/(?<![._A-Z])ISFORMULA\(/g, '_xlfn.ISFORMULA(');
}

/** One handler per op (edit-handlers.ts) over one workbook. */
function xlsxHandlers(wb: ExcelJS.Workbook): EditHandlers<void | Promise<void>> {
  return {
    addSheet: (e) => {
      if (wb.getWorksheet(e.sheet)) throw new Error(`sheet ${e.sheet} exists`);
      wb.addWorksheet(e.sheet, { views: [{ showGridLines: false }], state: e.hidden ? 'hidden' : 'visible' });
    },
    columnWidths: (e) => e.widths.forEach((w, i) => (sheet(wb, e.sheet).getColumn(e.first + i).width = w)),
    rowHeights: (e) => e.heights.forEach((h, i) => (sheet(wb, e.sheet).getRow(e.first + i).height = h)),
    values: (e) => {
      const ws = sheet(wb, e.sheet);
      const r = parseRange(e.range)!;
      e.values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v !== null) ws.getCell(r.top + i, r.left + j).value = v;
        }),
      );
    },
    merge: (e) => {
      for (const range of e.ranges) sheet(wb, e.sheet).mergeCells(range);
    },
    format: (e) => {
      const ws = sheet(wb, e.sheet);
      for (const range of e.ranges) for (const cell of cellsOf(ws, range)) applyFormat(cell, e.format);
    },
    defineName: (e) => {
      const r = parseRange(e.range)!;
      // Redefining replaces: ExcelJS would add a second cell to the name, which then points nowhere.
      if (wb.definedNames.getRanges(e.name).ranges.length > 0)
        wb.definedNames.model = wb.definedNames.model.filter((d) => d.name !== e.name);
      wb.definedNames.add(absoluteRef(e.sheet, r.top, r.left), e.name);
    },
    conditionalFormat: (e) => {
      const style = HIGHLIGHT[e.style];
      // A repair re-plans every format: one with the same formula replaces the old one instead of doubling it,
      // and one that supersedes an earlier rule (e.replaces) replaces that.
      const gone = new Set([e.formula, ...(e.replaces ?? [])].map(fileFormula));
      const ws = sheet(wb, e.sheet) as ExcelJS.Worksheet & {
        conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
      };
      ws.conditionalFormattings = ws.conditionalFormattings.filter(
        // Stryker disable next-line OptionalChaining: equivalent: 'formulae' in r already holds
        (cf) => !cf.rules.some((r) => 'formulae' in r && gone.has(String(r.formulae?.[0]))),
      );
      ws.addConditionalFormatting({
        ref: e.ranges.join(' '),
        rules: [
          {
            type: 'expression',
            priority: e.priority,
            formulae: [fileFormula(e.formula)],
            style: {
              fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(style.fill) } },
              font: { color: { argb: argb(style.fontColor) } },
            },
          },
        ],
      });
    },
    validation: (e) => {
      // ExcelJS has range validations (worksheet.dataValidations) but leaves them out of its typings.
      const ws = sheet(wb, e.sheet) as unknown as {
        dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
      };
      const v = e.rule;
      for (const range of e.ranges)
        ws.dataValidations.add(range, {
          type: v.type,
          // Stryker disable next-line StringLiteral: equivalent: ExcelJS leaves out between, the default of ST_DataValidationOperator (ECMA-376 §18.18.20), and an empty operator alike
          operator: 'between',
          allowBlank: true,
          formulae: [v.min, v.max],
          showInputMessage: true,
          promptTitle: v.promptTitle,
          prompt: v.prompt,
          showErrorMessage: true,
          errorStyle: 'warning',
          errorTitle: v.errorTitle,
          error: v.error,
        });
    },
    pageSetup: (e) => {
      const ws = sheet(wb, e.sheet);
      ws.pageSetup = {
        ...ws.pageSetup,
        paperSize: 9,
        orientation: e.orientation,
        fitToPage: true,
        fitToWidth: e.fitToWidth,
        fitToHeight: 0,
        horizontalCentered: true,
        printArea: e.printArea,
        margins: { ...e.margins, header: 0.3, footer: 0.3 },
      };
      for (const row of e.rowBreaks) ws.getRow(row).addPageBreak();
    },
    protect: (e) =>
      sheet(wb, e.sheet).protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatCells: true,
        formatColumns: true,
        formatRows: true,
        insertRows: true,
        insertColumns: true,
        sort: false,
        autoFilter: false,
      }),
  };
}

export async function applyEditsToWorkbook(wb: ExcelJS.Workbook, edits: readonly SheetEdit[]): Promise<void> {
  const handlers = xlsxHandlers(wb);
  for (const e of edits) await handleEdit(handlers, e);
}

// One comparable picture of the written template, taken from the fake Excel document and from the ExcelJS
// workbook XlsxHost writes: labels, names, merges, cell formats, validation, conditional formats, sizes,
// print setup and protection. Two writers of one plan must give the same picture.
import type ExcelJS from 'exceljs';
import { columnWidthPoints } from '../../src/hosts/excel/office-values';
import { parseRange, rangeA1, splitSheetRef } from '../../src/report';
import { boxAddress, type Box } from '../doubles/office-js/address';
import { defaultFormat, type SheetState } from '../doubles/office-js/document';
import type { FakeExcel } from '../doubles/office-js/fake-excel';

export interface CellPicture {
  value: string | number | boolean;
  font: string;
  fill: string | null;
  align: string;
  wrap: boolean;
  numberFormat: string;
  locked: boolean;
  /** Sides with a border, counting the neighbour's facing side (Excel draws one line for both). */
  borders: string;
  validation: string | null;
}

export interface TemplatePicture {
  cells: Record<string, CellPicture>;
  names: Record<string, string>;
  merges: string[];
  conditionalFormats: { formula: string; ranges: string; fill: string | null; font: string | null }[];
  columnWidths: number[];
  rowHeights: number[];
  printArea: string | null;
  rowBreaks: number[];
  protected: boolean;
}

const DEFAULT = defaultFormat();
const H: Record<string, string> = { left: 'Left', center: 'Center', right: 'Right' };
const V: Record<string, string> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };
const argbHex = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : null);
const normRef = (text: string) => {
  const s = splitSheetRef(text)!;
  return `${s.sheet}!${s.range}`;
};

function sidesWithNeighbours(
  has: (r: number, c: number, side: 'T' | 'B' | 'L' | 'R') => boolean,
  r: number,
  c: number,
) {
  return [
    has(r, c, 'T') || has(r - 1, c, 'B') ? 'T' : '',
    has(r, c, 'B') || has(r + 1, c, 'T') ? 'B' : '',
    has(r, c, 'L') || has(r, c - 1, 'R') ? 'L' : '',
    has(r, c, 'R') || has(r, c + 1, 'L') ? 'R' : '',
  ].join('');
}

function validationText(v: { kind: string; min: unknown; max: unknown; style: string; texts: string[] } | null) {
  return v ? [v.kind, String(v.min), String(v.max), v.style, ...v.texts].join('|') : null;
}

export function pictureFromFake(fake: FakeExcel, sheetName: string, rows: number, cols: number): TemplatePicture {
  const s: SheetState = fake.sheet(sheetName);
  const cells: Record<string, CellPicture> = {};
  const edge = { T: 'EdgeTop', B: 'EdgeBottom', L: 'EdgeLeft', R: 'EdgeRight' } as const;
  const has = (r: number, c: number, side: keyof typeof edge) =>
    (s.peek(r, c)?.format.borders[edge[side]]?.style ?? 'None') !== 'None';
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= cols; c++) {
      const cell = s.peek(r, c);
      const f = cell?.format ?? DEFAULT;
      const v = s.validations.get(`${r},${c}`);
      const rule = v?.rule as Record<string, { formula1: unknown; formula2: unknown }> | undefined;
      const kind = rule ? Object.keys(rule)[0] : null;
      cells[rangeA1(r, c)] = {
        value: cell?.value ?? '',
        font: [f.fontName, f.fontSize, f.bold, f.fontColor].join('/'),
        fill: f.fill,
        align: `${f.horizontalAlignment}/${f.verticalAlignment}`,
        wrap: f.wrapText,
        numberFormat: f.numberFormat,
        locked: f.locked,
        borders: sidesWithNeighbours(has, r, c),
        validation: validationText(
          kind && rule
            ? {
                kind: kind === 'wholeNumber' ? 'whole' : kind,
                min: rule[kind].formula1,
                max: rule[kind].formula2,
                style: v!.errorAlert?.style ?? '',
                texts: [
                  v!.prompt?.title ?? '',
                  v!.prompt?.message ?? '',
                  v!.errorAlert?.title ?? '',
                  v!.errorAlert?.message ?? '',
                ],
              }
            : null,
        ),
      };
    }
  return {
    cells,
    names: Object.fromEntries(fake.doc.names.map((n) => [n.name, normRef(n.formula)])),
    merges: s.merges.map((b: Box) => boxAddress(b)).sort(),
    conditionalFormats: s.conditionalFormats.map((cf) => ({
      formula: cf.formula ?? '',
      ranges: cf.ranges
        .map((b) => boxAddress(b))
        .sort()
        .join(' '),
      fill: cf.fill,
      font: cf.fontColor,
    })),
    columnWidths: Array.from({ length: cols }, (_, i) => s.columnWidths.get(i + 1) ?? -1),
    rowHeights: Array.from({ length: rows }, (_, i) => s.rowHeights.get(i + 1) ?? -1),
    printArea: s.pageLayout.printArea,
    rowBreaks: [...s.pageLayout.rowBreaks],
    protected: s.protected && s.protectionOptions.allowFormatCells === true,
  };
}

export function pictureFromExcelJS(
  wb: ExcelJS.Workbook,
  sheetName: string,
  rows: number,
  cols: number,
): TemplatePicture {
  const ws = wb.getWorksheet(sheetName)!;
  const loose = ws as unknown as {
    dataValidations: { model: Record<string, ExcelJS.DataValidation> };
    conditionalFormattings: {
      ref: string;
      rules: {
        priority: number;
        formulae: string[];
        style: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string } } };
      }[];
    }[];
    rowBreaks: { id: number }[];
  };
  const validations = new Map<string, ExcelJS.DataValidation>();
  for (const [ref, v] of Object.entries(loose.dataValidations.model)) {
    const box = parseRange(ref)!;
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) validations.set(rangeA1(r, c), v);
  }
  const sideKey = { T: 'top', B: 'bottom', L: 'left', R: 'right' } as const;
  const has = (r: number, c: number, side: keyof typeof sideKey) =>
    r >= 1 && c >= 1 && !!ws.getCell(r, c).border?.[sideKey[side]]?.style;
  const cells: Record<string, CellPicture> = {};
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      const font = cell.font ?? {};
      const v = validations.get(rangeA1(r, c));
      const value = cell.isMerged && cell.master.address !== cell.address ? '' : cell.value;
      cells[rangeA1(r, c)] = {
        value: (value ?? '') as string | number,
        font: [
          font.name ?? DEFAULT.fontName,
          font.size ?? DEFAULT.fontSize,
          font.bold ?? false,
          argbHex(font.color?.argb) ?? DEFAULT.fontColor,
        ].join('/'),
        fill: cell.fill?.type === 'pattern' ? argbHex(cell.fill.fgColor?.argb) : null,
        align: `${H[cell.alignment?.horizontal ?? ''] ?? 'General'}/${V[cell.alignment?.vertical ?? ''] ?? 'Bottom'}`,
        wrap: cell.alignment?.wrapText ?? false,
        numberFormat: cell.numFmt ?? 'General',
        locked: cell.protection?.locked ?? true,
        borders: sidesWithNeighbours(has, r, c),
        validation: validationText(
          v
            ? {
                kind: v.type,
                min: v.formulae[0],
                max: v.formulae[1],
                style: v.errorStyle ? v.errorStyle[0].toUpperCase() + v.errorStyle.slice(1) : 'Stop',
                texts: [v.promptTitle ?? '', v.prompt ?? '', v.errorTitle ?? '', v.error ?? ''],
              }
            : null,
        ),
      };
    }
  const rules = loose.conditionalFormattings
    .flatMap((cf) => cf.rules.map((rule) => ({ cf, rule })))
    .sort((a, b) => a.rule.priority - b.rule.priority);
  return {
    cells,
    names: Object.fromEntries(wb.definedNames.model.map((n) => [n.name, normRef(n.ranges[0])])),
    merges: [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort(),
    conditionalFormats: rules.map(({ cf, rule }) => ({
      // The file stores newer functions with their _xlfn. prefix (fileFormula); hosts show them without.
      formula: `=${rule.formulae[0].replace(/_xlfn\./g, '')}`,
      ranges: cf.ref.split(' ').sort().join(' '),
      fill: argbHex(rule.style.fill?.bgColor?.argb),
      font: argbHex(rule.style.font?.color?.argb),
    })),
    columnWidths: Array.from({ length: cols }, (_, i) => columnWidthPoints(ws.getColumn(i + 1).width ?? 8.43)),
    rowHeights: Array.from({ length: rows }, (_, i) => ws.getRow(i + 1).height ?? -1),
    printArea: ws.pageSetup.printArea ?? null,
    rowBreaks: (loose.rowBreaks ?? []).map((b) => b.id),
    protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean; formatCells?: boolean } }).sheetProtection
      ?.formatCells,
  };
}

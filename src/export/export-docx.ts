// The report as a .docx in the conventions of official documents (GB/T 9704): A4, margins 37/35/28/26 mm, title in
// 小标宋 二号, first-level headings 黑体 三号, second-level 楷体 三号, body 仿宋 三号 at a fixed 28 pt line, tables
// in 仿宋 with 黑体 headers, page numbers at the foot. Fonts are named, not embedded: Word and WPS substitute a
// missing one.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { Narrative, Report, SheetLayout } from '../report';
import { reportDocument, reportTitle, type Block, type DocCell, type DocTable } from './report-document';

export const DOC_FONTS = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体',
  body: '仿宋',
  tableHeader: '黑体',
  table: '仿宋',
} as const;

const PT = 2; // docx sizes are half-points
const BODY_PT = 16; // 三号
const TITLE_PT = 22; // 二号
const LINE_TWIPS = 28 * 20; // fixed 28 pt
const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 };
/** A4 in twips, as Word writes it (210 × 297 mm). */
const A4_TWIPS = { width: 11906, height: 16838 };
const TEXT_WIDTH_TWIPS = A4_TWIPS.width - convertMillimetersToTwip(MARGINS_MM.left + MARGINS_MM.right);

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

function bodyParagraph(text: string, options: { fontName?: string; size?: number; bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [
      new TextRun({
        text,
        font: font(options.fontName ?? DOC_FONTS.body),
        size: (options.size ?? BODY_PT) * PT,
        bold: options.bold,
      }),
    ],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY_PT * 2 * 20 },
    spacing: { line: LINE_TWIPS, lineRule: LineRuleType.EXACT },
  });
}

function blockParagraphs(b: Exclude<Block, { kind: 'table' }>): Paragraph[] {
  switch (b.kind) {
    case 'title':
      return [
        new Paragraph({
          children: [new TextRun({ text: b.text, font: font(DOC_FONTS.title), size: TITLE_PT * PT })],
          alignment: AlignmentType.CENTER,
          spacing: { line: 36 * 20, lineRule: LineRuleType.EXACT, after: LINE_TWIPS },
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          children: [
            new TextRun({
              text: b.text,
              font: font(b.level === 1 ? DOC_FONTS.heading1 : DOC_FONTS.heading2),
              size: BODY_PT * PT,
            }),
          ],
          indent: { firstLine: BODY_PT * 2 * 20 },
          spacing: { line: LINE_TWIPS, lineRule: LineRuleType.EXACT },
          keepNext: true,
          pageBreakBefore: b.newPage,
        }),
      ];
    case 'paragraph':
      return [bodyParagraph(b.text)];
  }
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cell(c: DocCell, t: DocTable, columnTwips: readonly number[], at: number): TableCell {
  const width = columnTwips.slice(at, at + c.colSpan).reduce((s, w) => s + w, 0);
  const header = c.role === 'header' || c.role === 'block';
  return new TableCell({
    children: [
      new Paragraph({
        children: [
          new TextRun({
            text: c.text,
            font: font(header ? DOC_FONTS.tableHeader : DOC_FONTS.table),
            size: t.fontSize * PT,
          }),
        ],
        alignment: c.role === 'label' ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { line: Math.round(t.fontSize * 1.25 * 20), lineRule: LineRuleType.AT_LEAST },
      }),
    ],
    columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
    rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    textDirection: c.vertical ? TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT : undefined,
    margins: { top: 30, bottom: 30, left: 40, right: 40 },
    borders: { top: thin, bottom: thin, left: thin, right: thin },
  });
}

function table(t: DocTable): Table {
  const units = t.widths.reduce((s, w) => s + w, 0);
  const columnTwips = t.widths.map((w) => Math.floor((TEXT_WIDTH_TWIPS * w) / units));
  // Grid column each row's next cell starts at, accounting for cells merged down from rows above.
  const occupied: boolean[][] = t.rows.map(() => new Array<boolean>(t.widths.length).fill(false));
  const rows = t.rows.map((row, r) => {
    let col = 0;
    const children = row.map((c) => {
      while (occupied[r][col]) col += 1;
      for (let dr = 0; dr < c.rowSpan; dr++)
        for (let dc = 0; dc < c.colSpan; dc++) if (occupied[r + dr]) occupied[r + dr][col + dc] = true;
      const made = cell(c, t, columnTwips, col);
      col += c.colSpan;
      return made;
    });
    return new TableRow({ children, cantSplit: true, tableHeader: r < t.headerRows });
  });
  return new Table({
    rows,
    columnWidths: columnTwips,
    width: { size: columnTwips.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
  });
}

/** The document object, for callers that pack it themselves (Packer.toBlob in a browser). */
export function reportDocx(report: Report, narrative: Narrative, layout: SheetLayout): Document {
  const children: (Paragraph | Table)[] = [];
  for (const b of reportDocument(report, narrative, layout)) {
    if (b.kind === 'table') {
      children.push(table(b.table));
      // Word needs a paragraph between two blocks; a small one keeps the table off the next heading.
      children.push(new Paragraph({ children: [], spacing: { after: 120 } }));
    } else children.push(...blockParagraphs(b));
  }
  return new Document({
    title: reportTitle(report),
    creator: '年报助手',
    styles: { default: { document: { run: { font: font(DOC_FONTS.body), size: BODY_PT * PT } } } },
    sections: [
      {
        properties: {
          page: {
            size: A4_TWIPS,
            margin: {
              top: convertMillimetersToTwip(MARGINS_MM.top),
              bottom: convertMillimetersToTwip(MARGINS_MM.bottom),
              left: convertMillimetersToTwip(MARGINS_MM.left),
              right: convertMillimetersToTwip(MARGINS_MM.right),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: 14 * PT }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function exportDocx(report: Report, narrative: Narrative, layout: SheetLayout): Promise<Buffer> {
  return Packer.toBuffer(reportDocx(report, narrative, layout));
}

// Where the format sits on a sheet: one grid of 15 equal columns (the width of 表四), the three tables stacked,
// each starting a printed page. Derived from format-2021.ts and input-cells.ts; positions are 1-based and
// relative to the template's top-left cell. Reading never uses these positions, only the defined names.
import {
  FORMAT_BASIS,
  FORMAT_ID,
  FORMAT_TITLE,
  META_FIELDS,
  T2_BLOCKS,
  T2_CONTENT_HEADER,
  T2_TITLE,
  T3_APPLICANT_HEADER,
  T3_COLUMNS,
  T3_CORNER_NOTE,
  T3_ORG_HEADER,
  T3_RESULTS_LABEL,
  T3_ROWS,
  T3_TITLE,
  T4_COLUMNS,
  T4_GROUPS,
  T4_LITIGATION_HEADER,
  T4_TITLE,
  type TableId,
} from './format-2021';
import { input, TEMPLATE_VERSION, type InputCell } from './input-cells';

export type CellStyle = 'title' | 'meta-label' | 'section' | 'block-heading' | 'header' | 'label' | 'input' | 'note';

export interface LayoutCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly style: CellStyle;
  readonly text?: string;
  readonly input?: InputCell;
}

export interface SheetLayout {
  readonly columnCount: number;
  /** Column width in Excel character units. */
  readonly columnWidth: number;
  readonly rowCount: number;
  readonly cells: readonly LayoutCell[];
  /** Row heights in points, by 1-based row. */
  readonly rowHeights: readonly number[];
  /** A page break follows each of these rows. */
  readonly pageBreaksAfter: readonly number[];
  /** First and last row of each table's block (heading included). */
  readonly tables: Readonly<Record<Exclude<TableId, 'META' | 'SUP'>, { top: number; bottom: number }>>;
  readonly markerRow: number;
}

export const GRID_COLUMNS = 15;
export const COLUMN_WIDTH_CHARS = 5.75;
/** Excel's pixel width for a column of COLUMN_WIDTH_CHARS at the default font (7 px per unit + 5 px padding). */
const COLUMN_PX = Math.round(COLUMN_WIDTH_CHARS * 7 + 5);
export const FONT_SIZES: Readonly<Record<CellStyle, number>> = {
  title: 16,
  'meta-label': 11,
  section: 12,
  'block-heading': 10,
  header: 10,
  label: 10,
  input: 11,
  note: 9,
};

const VERSION_LABEL = '模板版本';
const FORMAT_LABEL = '格式标识';
export const TEMPLATE_NOTE = `本表由年报助手生成，格式依据${FORMAT_BASIS}（${FORMAT_LABEL} ${FORMAT_ID}），${VERSION_LABEL} ${TEMPLATE_VERSION}。请在带框的单元格内填写数字，没有发生的事项填 0。颜色：浅蓝为尚未填写，红色为错误（须改正），黄色为提示（请核实）。`;

/**
 * The format id the marker cell's text carries ("格式标识 format-2021"); a marker written before the id was
 * (templates up to 2026-12) carries none and is a 2021 template.
 */
export function templateFormatOf(markerText: string): string {
  const m = new RegExp(`${FORMAT_LABEL}\\s*([a-z0-9-]+)`).exec(markerText);
  return m ? m[1] : FORMAT_ID;
}

/** The template version the marker cell's text carries ("模板版本 N"), or null when it carries none. */
export function templateVersionOf(markerText: string): number | null {
  const m = new RegExp(`${VERSION_LABEL}\\s*(\\d+)`).exec(markerText);
  return m ? Number(m[1]) : null;
}

function build(): SheetLayout {
  const cells: LayoutCell[] = [];
  let row = 1;
  const put = (c: Omit<LayoutCell, 'rowSpan' | 'colSpan'> & { rowSpan?: number; colSpan?: number }) =>
    cells.push({ rowSpan: 1, colSpan: 1, ...c });
  const wide = (style: CellStyle, text: string) => put({ row, col: 1, colSpan: GRID_COLUMNS, style, text });

  wide('title', FORMAT_TITLE);
  row += 1;
  put({ row, col: 1, colSpan: 3, style: 'meta-label', text: META_FIELDS.agency.label });
  put({ row, col: 4, colSpan: 6, style: 'input', input: input('META', 'agency') });
  put({ row, col: 10, colSpan: 3, style: 'meta-label', text: META_FIELDS.year.label });
  put({ row, col: 13, colSpan: 3, style: 'input', input: input('META', 'year') });
  row += 2;

  // 表二: 信息内容 spans six columns; each value column three (one value column spans all nine).
  const t2Top = row;
  wide('section', T2_TITLE);
  row += 1;
  for (const block of T2_BLOCKS) {
    wide('block-heading', block.heading);
    row += 1;
    const span = 9 / block.columns.length;
    put({ row, col: 1, colSpan: 6, style: 'header', text: T2_CONTENT_HEADER });
    block.columns.forEach((c, i) => put({ row, col: 7 + i * span, colSpan: span, style: 'header', text: c.label }));
    row += 1;
    for (const r of block.rows) {
      put({ row, col: 1, colSpan: 6, style: 'label', text: r.label });
      block.columns.forEach((c, i) =>
        put({ row, col: 7 + i * span, colSpan: span, style: 'input', input: input('T2', r.id, c.id) }),
      );
      row += 1;
    }
  }
  const t2Bottom = row - 1;
  row += 1;

  // 表三: three label columns (1, 2–3, 4–8) and the seven number columns 9–15.
  const t3Top = row;
  wide('section', T3_TITLE);
  row += 1;
  const numCol = (i: number) => 9 + i;
  put({ row, col: 1, rowSpan: 3, colSpan: 8, style: 'header', text: T3_CORNER_NOTE });
  put({ row, col: 9, colSpan: 7, style: 'header', text: T3_APPLICANT_HEADER });
  const firstOrg = T3_COLUMNS.findIndex((c) => c.org);
  const orgCount = T3_COLUMNS.filter((c) => c.org).length;
  T3_COLUMNS.forEach((c, i) => {
    if (!c.org) put({ row: row + 1, col: numCol(i), rowSpan: 2, style: 'header', text: c.label });
    else put({ row: row + 2, col: numCol(i), style: 'header', text: c.label });
  });
  put({ row: row + 1, col: numCol(firstOrg), colSpan: orgCount, style: 'header', text: T3_ORG_HEADER });
  row += 3;
  const resultRows = T3_ROWS.filter((r) => r.result).length;
  let resultsStarted = false;
  let group: string | undefined;
  T3_ROWS.forEach((r, i) => {
    if (r.result && !resultsStarted) {
      put({ row, col: 1, rowSpan: resultRows, style: 'label', text: T3_RESULTS_LABEL });
      resultsStarted = true;
    }
    if (!r.result) put({ row, col: 1, colSpan: 8, style: 'label', text: r.label });
    else if (!r.group) put({ row, col: 2, colSpan: 7, style: 'label', text: r.label });
    else {
      if (r.group !== group) {
        const span = T3_ROWS.slice(i).findIndex((x) => x.group !== r.group);
        put({ row, col: 2, colSpan: 2, rowSpan: span, style: 'label', text: r.group });
      }
      put({ row, col: 4, colSpan: 5, style: 'label', text: r.label });
    }
    group = r.group;
    T3_COLUMNS.forEach((c, j) => put({ row, col: numCol(j), style: 'input', input: input('T3', r.id, c.id) }));
    row += 1;
  });
  const t3Bottom = row - 1;
  row += 1;

  // 表四: 行政复议 (5 columns) then 行政诉讼 (10 = two groups of 5).
  const t4Top = row;
  wide('section', T4_TITLE);
  row += 1;
  const [review, ...litigation] = T4_GROUPS;
  put({ row, col: 1, colSpan: 5, style: 'header', text: review.label });
  put({ row, col: 6, colSpan: 10, style: 'header', text: T4_LITIGATION_HEADER });
  T4_COLUMNS.forEach((c, j) => put({ row: row + 1, col: 1 + j, rowSpan: 2, style: 'header', text: c.label }));
  litigation.forEach((g, gi) => {
    const base = 6 + gi * 5;
    put({ row: row + 1, col: base, colSpan: 5, style: 'header', text: g.label });
    T4_COLUMNS.forEach((c, j) => put({ row: row + 2, col: base + j, style: 'header', text: c.label }));
  });
  row += 3;
  T4_GROUPS.forEach((g, gi) =>
    T4_COLUMNS.forEach((c, j) => put({ row, col: 1 + gi * 5 + j, style: 'input', input: input('T4', g.id, c.id) })),
  );
  const t4Bottom = row;
  row += 2;
  const markerRow = row;
  wide('note', TEMPLATE_NOTE);

  return {
    columnCount: GRID_COLUMNS,
    columnWidth: COLUMN_WIDTH_CHARS,
    rowCount: row,
    cells,
    rowHeights: estimateRowHeights(cells, row),
    pageBreaksAfter: [t2Bottom, t3Bottom],
    tables: {
      T2: { top: t2Top, bottom: t2Bottom },
      T3: { top: t3Top, bottom: t3Bottom },
      T4: { top: t4Top, bottom: t4Bottom },
    },
    markerRow,
  };
}

/** Display width of a text in pixels at a font size: CJK and full-width characters are square, others half. */
function textPixels(text: string, pt: number): number {
  let em = 0;
  for (const ch of text) em += ch.charCodeAt(0) > 0x2e7f ? 1 : 0.55;
  return em * pt * (96 / 72);
}

/** Row heights that show every wrapped label in full (Excel does not auto-fit rows of merged cells). */
function estimateRowHeights(cells: readonly LayoutCell[], rowCount: number): number[] {
  const heights = new Array<number>(rowCount + 1).fill(18);
  const need = (c: LayoutCell) => {
    const pt = FONT_SIZES[c.style];
    const lines = c.text ? Math.max(1, Math.ceil(textPixels(c.text, pt) / (c.colSpan * COLUMN_PX - 8))) : 1;
    return lines * pt * 1.3 + 6;
  };
  for (const c of cells.filter((x) => x.rowSpan === 1)) heights[c.row] = Math.max(heights[c.row], need(c));
  for (const c of cells.filter((x) => x.rowSpan > 1)) {
    const last = c.row + c.rowSpan - 1;
    let have = 0;
    for (let r = c.row; r <= last; r++) have += heights[r];
    if (have < need(c)) heights[last] += need(c) - have;
  }
  return heights.map((h) => Math.round(h * 4) / 4);
}

export const SHEET_LAYOUT: SheetLayout = build();
export const TEMPLATE_SHEET_NAME = '年报';

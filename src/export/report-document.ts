// The whole report as a neutral outline (title, headings, paragraphs, tables) in the national order; the .docx and
// .html writers only render it. The tables are cut from the format's sheet layout (the template's), so their merged
// headers are exactly the template's (and the format's); numbers come from the report.
import {
  FORMAT_TITLE,
  NARRATIVE_HEADINGS,
  T2_TITLE,
  T3_TITLE,
  T4_TITLE,
  formatNumber,
  getReportValue,
  type LayoutCell,
  type Narrative,
  type Report,
  type SheetLayout,
} from '../report';

export type CellRole = 'header' | 'block' | 'label' | 'value';

export interface DocCell {
  readonly text: string;
  readonly colSpan: number;
  readonly rowSpan: number;
  readonly role: CellRole;
  /** Written top to bottom (the narrow 三、本年度办理结果 column of 表三). */
  readonly vertical: boolean;
}

export interface DocTable {
  readonly id: 'T2' | 'T3' | 'T4';
  /** Relative widths of the table's columns (grid units of the template). */
  readonly widths: readonly number[];
  /** Each row lists only the cells that start in it, left to right. */
  readonly rows: readonly (readonly DocCell[])[];
  /** Rows at the top that repeat on a new page. */
  readonly headerRows: number;
  /** Font size in points: 表四 has fifteen columns. */
  readonly fontSize: number;
}

export type Block =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string; readonly newPage?: boolean }
  | { readonly kind: 'paragraph'; readonly text: string; readonly placeholder?: boolean }
  | { readonly kind: 'table'; readonly table: DocTable };

export const PLACEHOLDER_TYPED = '（此部分尚未填写：请在「补充信息」工作表中填写。）';
export const PLACEHOLDER_BROKEN = '（模板有误，此部分未能生成：请在任务窗格中修改模板。）';

export function reportTitle(report: Report): string {
  return `${report.agency ?? ''}${report.year !== null ? `${report.year}年` : ''}${FORMAT_TITLE}`;
}

function cellText(c: LayoutCell, report: Report): string {
  if (c.text !== undefined) return c.text;
  if (!c.input) return '';
  const v = getReportValue(report, c.input);
  if (v === null) return '';
  return typeof v === 'number' ? formatNumber(v) : v;
}

const VALUE_WEIGHT = 1.25;

const ROLE: Readonly<Record<string, CellRole>> = {
  header: 'header',
  'block-heading': 'block',
  label: 'label',
  input: 'value',
};

/** One table of the template, its section-title row left out, its columns merged where no cell boundary falls. */
export function tableFromLayout(id: DocTable['id'], report: Report, layout: SheetLayout): DocTable {
  const { top, bottom } = layout.tables[id];
  const cells = layout.cells.filter((c) => c.row >= top && c.row <= bottom && c.style !== 'section');
  const firstRow = Math.min(...cells.map((c) => c.row));
  const bounds = [...new Set(cells.flatMap((c) => [c.col, c.col + c.colSpan]))].sort((a, b) => a - b);
  const index = new Map(bounds.map((b, i) => [b, i]));
  // Number columns get a little more than their grid share, so that a four- or five-digit count stays on one line.
  const valueOnly = (start: number) =>
    cells.filter((c) => c.col === start && c.style !== 'header').every((c) => c.style === 'input');
  const widths = bounds.slice(1).map((b, i) => (b - bounds[i]) * (valueOnly(bounds[i]) ? VALUE_WEIGHT : 1));
  const rows: DocCell[][] = [];
  for (let r = firstRow; r <= bottom; r++)
    rows.push(
      cells
        .filter((c) => c.row === r)
        .sort((a, b) => a.col - b.col)
        .map((c) => {
          const role = ROLE[c.style] ?? 'label';
          return {
            text: cellText(c, report),
            colSpan: index.get(c.col + c.colSpan)! - index.get(c.col)!,
            rowSpan: c.rowSpan,
            role,
            vertical: role === 'label' && c.colSpan === 1 && c.rowSpan > 3,
          };
        }),
    );
  const headerRows = id === 'T3' ? 3 : id === 'T4' ? 3 : 0;
  return { id, widths, rows: rows.filter((r) => r.length > 0), headerRows, fontSize: id === 'T2' ? 10 : 9 };
}

function paragraphs(list: readonly string[], placeholder: string): Block[] {
  if (list.length === 0) return [{ kind: 'paragraph', text: placeholder, placeholder: true }];
  return list.map((text) => ({ kind: 'paragraph', text }));
}

/** The report in the order of the national format: 一 (five parts), 二, 三, 四, 五, 六. */
export function reportDocument(report: Report, narrative: Narrative, layout: SheetLayout): Block[] {
  const g = narrative.generated;
  const t = narrative.typed;
  const generated = (id: keyof typeof g) =>
    g[id].problems.length
      ? paragraphs([], PLACEHOLDER_BROKEN)
      : g[id].paragraphs.map((text): Block => ({ kind: 'paragraph', text }));
  const typed = (id: keyof typeof t) => t[id].paragraphs.map((text): Block => ({ kind: 'paragraph', text }));
  const orPlaceholder = (blocks: Block[]) => (blocks.length ? blocks : paragraphs([], PLACEHOLDER_TYPED));
  const h = (level: 1 | 2, text: string): Block => ({ kind: 'heading', level, text });
  const table = (id: DocTable['id']): Block => ({ kind: 'table', table: tableFromLayout(id, report, layout) });
  return [
    { kind: 'title', text: reportTitle(report) },
    h(1, NARRATIVE_HEADINGS.overall),
    ...typed('overview'),
    h(2, NARRATIVE_HEADINGS.open),
    ...orPlaceholder(generated('open')),
    h(2, NARRATIVE_HEADINGS.apply),
    ...orPlaceholder(generated('apply')),
    h(2, NARRATIVE_HEADINGS.management),
    ...orPlaceholder(typed('management')),
    h(2, NARRATIVE_HEADINGS.platform),
    ...orPlaceholder(typed('platform')),
    h(2, NARRATIVE_HEADINGS.supervision),
    ...orPlaceholder([...typed('supervision'), ...generated('supervision')]),
    h(1, T2_TITLE),
    table('T2'),
    // 表三 is a page of its own, as the format prints it.
    { kind: 'heading', level: 1, text: T3_TITLE, newPage: true },
    table('T3'),
    h(1, T4_TITLE),
    ...generated('review'),
    table('T4'),
    h(1, NARRATIVE_HEADINGS.problems),
    ...orPlaceholder(typed('problems')),
    h(1, NARRATIVE_HEADINGS.other),
    ...orPlaceholder([...generated('fee'), ...typed('other')]),
  ];
}

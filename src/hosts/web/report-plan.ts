// The workbook the web page holds, as plans from the domain: the report sheet and its 补充信息 sheet (what the
// pane's 插入模板 writes in Excel), and the hidden 上年数据 sheet when last year's figures come with a file.
import {
  PREVIOUS_CELLS,
  TEMPLATE_SHEET_NAME,
  contentOf,
  planHighlights,
  planSupplement,
  planTemplate,
  type SheetEdit,
  type TemplateOptions,
} from '../../report';
import { planPrevious } from '../../report/sheet-edits/plan-previous';
import type { SavedValue } from './saved-work';

export function reportPlan(options: Omit<TemplateOptions, 'sheet'> = {}): SheetEdit[] {
  return [...planTemplate({ ...options, sheet: TEMPLATE_SHEET_NAME }), ...planSupplement()];
}

/** The 上年数据 sheet for last year's values among `values`, or null when there are none. */
export function previousPlan(values: ReadonlyMap<string, SavedValue>, sheetExists: boolean): SheetEdit[] | null {
  const previous = PREVIOUS_CELLS.map((c) => {
    const v = values.get(c.name);
    return contentOf(typeof v === 'boolean' || typeof v === 'object' || v === undefined ? null : v);
  });
  if (previous.every((c) => c.kind === 'blank')) return null;
  return planPrevious(previous, {
    templateSheet: TEMPLATE_SHEET_NAME,
    sheetExists,
    priorityBase: planHighlights(TEMPLATE_SHEET_NAME, ['report']).length,
  });
}

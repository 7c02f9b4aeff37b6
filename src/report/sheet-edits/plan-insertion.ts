// Inserting the template into a workbook that may already hold sheets and names: the report on a sheet of its own
// that no existing sheet is called, plus the 补充信息 sheet unless one of ours survives from an earlier template (the
// user's texts stay where they are). One plan for every caller: the pane's 插入模板 and the WPS ribbon's.
import { SUPPLEMENT_SHEET_NAME, planSupplement } from '../layout/supplement';
import { SUPPLEMENT_NAMES } from '../narrative/supplement-model';
import { TEMPLATE_SHEET_NAME } from '../layout/sheet-layout';
import { planTemplate, type TemplateOptions } from './plan-template';
import type { SheetEdit } from './sheet-edit';

/** A sheet name no existing sheet has: 年报, 年报(2), 年报(3), … (compared case-insensitively, as spreadsheets do). */
export function freeSheetName(existing: readonly string[], base: string = TEMPLATE_SHEET_NAME): string {
  const taken = new Set(existing.map((s) => s.toLocaleLowerCase()));
  if (!taken.has(base.toLocaleLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}(${n})`;
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}

export interface WorkbookNow {
  readonly sheets: readonly string[];
  /** The workbook's defined names; `ref` null where a name points nowhere. */
  readonly names: readonly { readonly name: string; readonly ref: string | null }[];
}

/** The edits that insert the template (and 补充信息) in one batch, and the report sheet's name. */
export function planInsertion(
  now: WorkbookNow,
  options: Omit<TemplateOptions, 'sheet'> = {},
): { sheet: string; edits: SheetEdit[] } {
  const sheet = freeSheetName(now.sheets);
  const edits = planTemplate({ ...options, sheet });
  const supplement = new Set(SUPPLEMENT_NAMES);
  if (!now.names.some((n) => supplement.has(n.name) && n.ref !== null))
    edits.push(...planSupplement({ sheet: freeSheetName([...now.sheets, sheet], SUPPLEMENT_SHEET_NAME) }));
  return { sheet, edits };
}

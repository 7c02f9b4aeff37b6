// Every field of the workbook model, as one set every host persists: each name the report's plans define (the
// template's inputs with 机关名称 and 年度, every 补充信息 figure, text and narrative template, the 上年数据 block,
// and any named cell a later feature adds to those plans), except the template marker. Derived from the plans,
// never listed by hand, so a name added to a plan is carried by saving, opening and export without more code.
import { TEMPLATE_MARKER_NAME, VALUE_CELL_BY_NAME } from '../layout/input-cells';
import { TEMPLATE_SHEET_NAME } from '../layout/sheet-layout';
import { SUPPLEMENT_FIELD_BY_NAME, planSupplement } from '../layout/supplement';
import { planPrevious } from './plan-previous';
import { planTemplate } from './plan-template';
import type { SheetEdit } from './sheet-edit';

export interface WorkbookField {
  /** The defined name: the field's identity in every host and file. */
  readonly name: string;
  /** The sheet the plans put it on. */
  readonly sheet: string;
  /** A number the rules read, or text (机关名称, 补充信息 texts and templates, anything not a value cell). */
  readonly kind: 'number' | 'text';
  /** How a person would name it (the row label, the 补充信息 label, else the name). */
  readonly label: string;
}

function fieldOf(name: string, sheet: string): WorkbookField {
  const cell = VALUE_CELL_BY_NAME.get(name);
  if (cell)
    return {
      name,
      sheet,
      kind: cell.kind === 'text' ? 'text' : 'number',
      label: cell.columnLabel ? `${cell.rowLabel}·${cell.columnLabel}` : cell.rowLabel,
    };
  const sup = SUPPLEMENT_FIELD_BY_NAME.get(name);
  const numeric = sup?.kind === 'count' || sup?.kind === 'yuan';
  return { name, sheet, kind: numeric ? 'number' : 'text', label: sup?.label ?? name };
}

/** The plans whose names make up the model: the report sheet, 补充信息 and 上年数据. */
export function modelPlans(): SheetEdit[] {
  return [...planTemplate({ sheet: TEMPLATE_SHEET_NAME }), ...planSupplement(), ...planPrevious([])];
}

let cached: readonly WorkbookField[] | null = null;

/** Every persisted field, in plan order, each name once. */
export function workbookFields(): readonly WorkbookField[] {
  if (cached) return cached;
  const seen = new Map<string, WorkbookField>();
  for (const e of modelPlans())
    if (e.op === 'defineName' && e.name !== TEMPLATE_MARKER_NAME && !seen.has(e.name))
      seen.set(e.name, fieldOf(e.name, e.sheet));
  cached = [...seen.values()];
  return cached;
}

export function workbookFieldNames(): readonly string[] {
  return workbookFields().map((f) => f.name);
}

// ExcelJS cell values to the host-neutral CellContent.
import type ExcelJS from 'exceljs';
import { BLANK, contentOf, type CellContent } from '../../report';

type Formulaic = { formula?: string; sharedFormula?: string; result?: unknown };

export function cellContent(cell: ExcelJS.Cell): CellContent {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return BLANK;
  if (typeof v !== 'object' || v instanceof Date) return contentOf(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { kind: 'error', code: o.error };
  if ('formula' in o || 'sharedFormula' in o) {
    const f = o as Formulaic;
    const formula = `=${f.formula ?? f.sharedFormula ?? ''}`;
    const result = f.result;
    const inner =
      result !== null && typeof result === 'object' && !(result instanceof Date) && 'error' in result
        ? ({ kind: 'error', code: String((result as { error: unknown }).error) } as CellContent)
        : contentOf(result);
    return { ...inner, formula };
  }
  if (Array.isArray(o.richText)) return contentOf((o.richText as { text: string }[]).map((r) => r.text).join(''));
  if (typeof o.text === 'string') return contentOf(o.text);
  return contentOf(String(v));
}

// What the screening of a 汇总 needs to know of one child, from its inputs: its name, year, errors (the report's
// own rules) and whether it is of another template version. Shared by `nianbao rollup` and the pane's 汇总 tab.
import { INPUT_CELLS, TEMPLATE_VERSION, input } from '../layout/input-cells';
import { displayContent, type CellContent } from '../model/cell-content';
import { evaluateRules } from '../rules/evaluate-rules';
import { countBySeverity } from '../rules/finding';
import type { ChildFacts } from './rollup';

/** Null when `version` is ours; else the difference in words (the reason a child of it is refused). */
export function otherTemplateVersion(version: number | null): string | null {
  return version === TEMPLATE_VERSION
    ? null
    : `模板版本 ${version ?? '未知'}（本助手的模板版本为 ${TEMPLATE_VERSION}）`;
}

/**
 * A child's facts from its inputs (INPUT_CELLS order). `fallback` names the child when it has no agency (its
 * file's name); `otherFormat` is null for a report of our format and template version.
 */
export function childFacts(fallback: string, values: readonly CellContent[], otherFormat: string | null): ChildFacts {
  const agency = values[input('META', 'agency').index];
  const year = values[input('META', 'year').index];
  const agencyText = agency.kind === 'blank' ? '' : displayContent(agency).trim();
  return {
    label: agencyText || fallback,
    agency: agencyText || null,
    year: year.kind === 'number' ? year.value : null,
    otherFormat,
    errors: countBySeverity(evaluateRules(values.slice(0, INPUT_CELLS.length), { scopes: ['report'] })).error,
  };
}

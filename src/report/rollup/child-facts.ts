// What the screening of a 汇总 needs to know of one child, from its inputs: its name, year, errors (the report's
// own rules) and whether it is of another template version. Shared by `nianbao rollup` and the pane's 汇总 tab.
import type { Format } from '../format/format';
import { displayContent, type CellContent } from '../model/cell-content';
import { evaluateRules } from '../rules/evaluate-rules';
import { countBySeverity } from '../rules/finding';
import type { ChildFacts } from './rollup';

export { otherTemplateVersion } from '../reading/read-report';

/**
 * A child's facts from its inputs (`format`'s inputCells order), by `format`'s rules. `fallback` names the child
 * when it has no agency (its file's name); `otherFormat` is null for a report of our format and template version.
 */
export function childFacts(
  fallback: string,
  values: readonly CellContent[],
  otherFormat: string | null,
  format: Format,
): ChildFacts {
  const agency = values[format.cells.input('META', 'agency').index];
  const year = values[format.cells.input('META', 'year').index];
  const agencyText = agency.kind === 'blank' ? '' : displayContent(agency).trim();
  return {
    label: agencyText || fallback,
    agency: agencyText || null,
    year: year.kind === 'number' ? year.value : null,
    otherFormat,
    errors: countBySeverity(evaluateRules(values.slice(0, format.inputCells.length), { scopes: ['report'], format }))
      .error,
  };
}

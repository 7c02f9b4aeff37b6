// A report format as one value: its layout and everything derived from it (the named cells, the rules and their
// compiled form, the narrative's fields, the sheet the template puts it on). Built by a function (buildFormat2021,
// buildFormat2019 in formats.ts) and handed to whoever needs it; nothing here is a singleton. The zod schema is
// derived on demand from the layout (reportSchemaOf in model/report-schema.ts, cached per layout), so a command
// that never parses a report (validate) loads no zod.
import type { FormatLayout } from '../layout/format-2021';
import { buildInputCells, type FormatCells, type InputCell } from '../layout/input-cells';
import type { SheetLayout } from '../layout/sheet-layout';
import type { FieldNode } from '../narrative/narrative-fields';
import { compileRules, type Compiled } from '../rules/compile-rules';
import type { Rule, RuleId } from '../rules/rule';
import { buildRules } from '../rules/rule-catalog';

export interface Format {
  /** Stable ASCII id the template marker carries: format-2021, format-2019. */
  readonly id: string;
  /** The template version of this format's sheet (the marker's 模板版本), or null when no template is made of it. */
  readonly version: number | null;
  /** As a message names it: 2021 年版格式（国办公开办函〔2021〕30号）. */
  readonly label: string;
  readonly layout: FormatLayout;
  readonly cells: FormatCells;
  /** The input cells (this year's figures), in evaluation order. */
  readonly inputCells: readonly InputCell[];
  readonly rules: readonly Rule[];
  readonly ruleById: ReadonlyMap<RuleId, Rule>;
  readonly compiled: readonly Compiled[];
  /** The fields a narrative template may use, or null when the format has no narrative of ours. */
  readonly narrativeFields: Readonly<Record<string, FieldNode>> | null;
  /** Where the template puts the format on a sheet, or null when it is only read (imported, audited). */
  readonly sheetLayout: SheetLayout | null;
}

export interface FormatParts {
  readonly version: number | null;
  readonly label: string;
  readonly narrativeFields: Readonly<Record<string, FieldNode>> | null;
  readonly sheetLayout: SheetLayout | null;
  /** The cells when they are built already (the 2021 ones are shared with the callers not yet given a Format). */
  readonly cells?: FormatCells;
}

/** Everything a format is, derived from its layout. */
export function buildFormat(layout: FormatLayout, parts: FormatParts): Format {
  const cells = parts.cells ?? buildInputCells(layout);
  const rules = buildRules(layout, cells);
  return {
    id: layout.id,
    version: parts.version,
    label: parts.label,
    layout,
    cells,
    inputCells: cells.inputCells,
    rules,
    ruleById: new Map(rules.map((r) => [r.id, r])),
    compiled: compileRules(rules, cells.valueCellByName),
    narrativeFields: parts.narrativeFields,
    sheetLayout: parts.sheetLayout,
  };
}

/** The sheet `format`'s template is laid out on (tables, documents); a format only read (2019) has none. */
export function sheetLayoutOf(format: Format): SheetLayout {
  if (!format.sheetLayout) throw new Error(`${format.label}没有模板，不能按模板版式生成`);
  return format.sheetLayout;
}

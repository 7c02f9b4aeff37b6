// Validating one workbook file end to end: open with the targeted reader (only the named cells, within its
// limits), read by names, evaluate. The result is the
// `validate --json` document; the audit and the web host's tests use the same function.
import { basename } from 'node:path';
import type { Format } from '../report/format/format';
import {
  DISMISSALS_FIELD,
  GENERATED_SECTIONS,
  TEMPLATE_FIELDS,
  TEXT_FIELDS,
  TYPED_SECTIONS,
} from '../report/layout/supplement';
import { checkNarrative } from '../report/narrative/check-narrative';
import { SUPPLEMENT_NAMES, supplementFromValues, type Supplement } from '../report/narrative/supplement-model';
import type { Report } from '../report/model/report-schema';
import { valueTree } from '../report/model/report-tree';
import { applyDismissals, readDismissals } from '../report/dismissals/dismissals';
import { type CellContent } from '../report/model/cell-content';
import { evaluateRules } from '../report/rules/evaluate-rules';
import { countBySeverity, type Finding } from '../report/rules/finding';
import { type RuleScope } from '../report/rules/rule';
import { openReportFile } from '../hosts/xlsx/read-file';
import { readTemplate, templateReadNames } from '../report/reading/read-template';
import type { CellReader } from '../report/reading/cell-reader';
import { jsonFinding, templateInfo, type JsonReport } from './report-json';

export interface ValidateOptions {
  /** Last year's values for the format's previousCells (X.* rules); taken from the workbook's own block when absent. */
  readonly previous?: readonly CellContent[];
}

export interface ValidateOutcome {
  readonly json: JsonReport;
  readonly findings: readonly Finding[];
  readonly values: readonly CellContent[] | null;
  readonly refs: ReadonlyMap<string, string>;
  readonly readable: boolean;
  /** The workbook as opened (the targeted reader), for reading more of it without opening the file again. */
  readonly reader: CellReader | null;
  /** Warnings dismissed in the workbook whose cells have not changed since: finding → reason. */
  readonly dismissed: ReadonlyMap<Finding, string>;
  /** Why the workbook's dismissals could not be read (then none applies), or null. */
  readonly dismissalProblem: string | null;
}

/**
 * N.*: the figures the 补充信息 texts restate (typed, or imported by `nianbao import -o` / the pane's 导入), and a
 * template holding plain text (no field: an imported part, which renders as written), against the tables.
 * Templates with fields are the narrative's to render (Handlebars stays out of validate).
 */
function proseFindings(values: readonly CellContent[], supplement: Supplement, format: Format): Finding[] {
  // The value tree without zod's parse: the same report the schema would give (invalid cells already null).
  const report = valueTree(values, format.inputCells).tree as Report;
  const texts = [
    ...TYPED_SECTIONS.map((s) => [TEXT_FIELDS[s.id].name, s.label, supplement.texts[s.id]] as const),
    ...GENERATED_SECTIONS.map((s) => [TEMPLATE_FIELDS[s.id].name, s.label, supplement.templates[s.id]] as const),
  ];
  return texts.flatMap(([cell, where, text]) =>
    text && !text.includes('{{') ? checkNarrative(text, report, { supplement, cell, where }) : [],
  );
}

/** Validates the workbook at `path` as a report of `format` (its template's names, its rules). */
export async function validateWorkbookFile(
  path: string,
  format: Format,
  options: ValidateOptions = {},
): Promise<ValidateOutcome> {
  const file = basename(path);
  const unreadable = (reason: string): ValidateOutcome => ({
    json: { file, template: null, error: reason, summary: { errors: 0, warnings: 0 }, findings: [] },
    findings: [],
    values: null,
    refs: new Map(),
    readable: false,
    reader: null,
    dismissed: new Map(),
    dismissalProblem: null,
  });
  const opened = await openReportFile(path, templateReadNames(format));
  if (!opened.ok) return unreadable(opened.reason);
  const read = await readTemplate(opened.host, format);
  if (!read.ok) return unreadable(read.reason);
  let values = read.values;
  if (options.previous) {
    const withPrevious = [...values];
    format.cells.previousCells.forEach((c, i) => (withPrevious[c.index] = options.previous![i] ?? { kind: 'blank' }));
    values = withPrevious;
  }
  const scopes: RuleScope[] = ['report', 'previous'];
  const sup = await opened.host.readNamedCells(SUPPLEMENT_NAMES);
  const supplement = supplementFromValues(sup.values);
  const findings = [
    ...read.findings,
    ...evaluateRules(values, { scopes, format }),
    ...proseFindings(values, supplement, format),
  ];
  const stored = readDismissals(sup.values[SUPPLEMENT_NAMES.indexOf(DISMISSALS_FIELD.name)]);
  const applied = applyDismissals(findings, values, stored.dismissals);
  const dismissed = new Map(applied.dismissed.map((d) => [d.finding, d.reason]));
  const counts = countBySeverity(applied.standing);
  return {
    json: {
      file,
      template: templateInfo(read.sheet, read.version, read.format),
      // `dismissed` only when there are some: documents of reports without dismissals stay as they were.
      summary: {
        errors: counts.error,
        warnings: counts.warning,
        ...(dismissed.size ? { dismissed: dismissed.size } : {}),
      },
      findings: findings.map((f) => jsonFinding(f, values, read.refs, format.cells, dismissed.get(f))),
    },
    findings,
    values,
    refs: read.refs,
    readable: true,
    reader: opened.host,
    dismissed,
    dismissalProblem: stored.ok ? null : stored.problem,
  };
}

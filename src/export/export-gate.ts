// The gate before export, shared by the pane's 导出 and `nianbao export`: a report with errors is not exported
// unless the user confirms (the pane's 「仍然导出」, the CLI's --allow-errors), and the errors are listed; blank
// inputs and warnings are shown too; a title without 机关名称 or 年度 is named so the file name can carry both.
import type { Format } from '../report/format/format';
import { SEVERITY_LABEL, sortFindings, type CellContent, type Finding, type Report } from '../report';

export interface ExportGate {
  readonly errors: readonly Finding[];
  /** Warnings other than blank cells. */
  readonly warnings: readonly Finding[];
  /** Names of the report's input cells that are blank. */
  readonly blanks: readonly string[];
  /** What the title (and so the file name) lacks. */
  readonly missingTitle: readonly ('agency' | 'year')[];
  /** True when the export must wait for the user's confirmation. */
  readonly blocked: boolean;
}

/** How many findings a message lists before saying how many more there are. */
export const GATE_LISTED = 10;

export function exportGate(
  findings: readonly Finding[],
  values: readonly CellContent[],
  report: Pick<Report, 'agency' | 'year'>,
  format: Format,
): ExportGate {
  const input = format.cells.input;
  const sorted = sortFindings(findings);
  const errors = sorted.filter((f) => f.severity === 'error');
  const blankSet = new Set(
    format.inputCells.filter((c) => (values[c.index]?.kind ?? 'blank') === 'blank').map((c) => c.name),
  );
  const missingTitle: ('agency' | 'year')[] = [];
  if (!report.agency?.trim()) missingTitle.push('agency');
  if (report.year === null) missingTitle.push('year');
  return {
    errors,
    warnings: sorted.filter((f) => f.severity === 'warning' && !(f.rule === 'blank' && blankSet.has(f.cells[0]))),
    blanks: [...blankSet].filter((n) => n !== input('META', 'agency').name && n !== input('META', 'year').name),
    missingTitle,
    blocked: errors.length > 0,
  };
}

export const TITLE_PART_LABEL: Readonly<Record<'agency' | 'year', string>> = { agency: '机关名称', year: '年度' };

/** The gate in Chinese lines: the errors (each with where it is), then how many warnings and blanks. */
export function gateLines(gate: ExportGate, where: (f: Finding) => string = () => ''): string[] {
  const line = (f: Finding) => {
    const at = where(f);
    return `${SEVERITY_LABEL[f.severity]}  ${at ? `${at}  ` : ''}${f.message}`;
  };
  const lines: string[] = [];
  if (gate.errors.length) {
    lines.push(`报告有 ${gate.errors.length} 个错误：`);
    lines.push(...gate.errors.slice(0, GATE_LISTED).map(line));
    if (gate.errors.length > GATE_LISTED) lines.push(`……另有 ${gate.errors.length - GATE_LISTED} 个错误`);
  }
  if (gate.warnings.length) {
    lines.push(`${gate.warnings.length} 个提示：`);
    lines.push(...gate.warnings.slice(0, GATE_LISTED).map(line));
    if (gate.warnings.length > GATE_LISTED) lines.push(`……另有 ${gate.warnings.length - GATE_LISTED} 个提示`);
  }
  if (gate.blanks.length) lines.push(`${gate.blanks.length} 个填报单元格为空白（没有发生的事项应填 0）`);
  if (gate.missingTitle.length)
    lines.push(`${gate.missingTitle.map((p) => TITLE_PART_LABEL[p]).join('和')}未填写：标题和文件名将不完整`);
  return lines;
}

// What the pane shows about an imported report before anything is written: 机关名称, 年度, the format, how many
// values each table got, every diagnostic grouped by table, and what the rules say about the imported values.
import {
  TABLE_NAMES,
  countBySeverity,
  evaluateRules,
  sortFindings,
  type CellContent,
  type Finding,
  type TableId,
} from '../../report';
import type { FormatVersion, ImportDiagnostic, ImportResult } from '../../report/import';
import { groupFindings, type FindingGroup } from '../group-findings';

export interface TableCount {
  readonly table: TableId;
  readonly title: string;
  readonly placed: number;
  readonly total: number;
}

export interface DiagnosticGroup {
  readonly table: TableId | null;
  /** 表二 … or null for diagnostics about no table (a section not found). */
  readonly title: string | null;
  /** Warnings first, then the notes, each in source order. */
  readonly diagnostics: readonly ImportDiagnostic[];
}

export interface ImportPreview {
  readonly result: ImportResult;
  /** The file's name, or null for pasted text. */
  readonly sourceName: string | null;
  readonly agency: string | null;
  readonly year: number | null;
  readonly formatVersion: FormatVersion;
  /** Diagnostics naming 2019-format content the 2021 template has no place for. */
  readonly unmapped2019: number;
  readonly tables: readonly TableCount[];
  readonly diagnostics: readonly DiagnosticGroup[];
  readonly diagnosticCount: number;
  /** The rules over the imported values (report scope), without the 'blank' reminders the diagnostics already cover. */
  readonly findings: readonly Finding[];
  readonly findingGroups: readonly FindingGroup[];
  readonly counts: { readonly error: number; readonly warning: number };
}

const TABLES: readonly TableId[] = ['T2', 'T3', 'T4'];
const GROUP_ORDER: readonly (TableId | null)[] = ['META', 'T2', 'T3', 'T4', null];

function text(c: CellContent | undefined): string | null {
  if (c?.kind === 'text' && c.text.trim()) return c.text.trim();
  return null;
}

export function previewOf(result: ImportResult, sourceName: string | null = null): ImportPreview {
  const at = (rowId: string) =>
    result.values[result.inputCells.find((c) => c.table === 'META' && c.rowId === rowId)!.index];
  const year = at('year');
  const tables = TABLES.map((table) => {
    const cells = result.inputCells.filter((c) => c.table === table);
    return {
      table,
      title: TABLE_NAMES[table],
      placed: cells.filter((c) => result.values[c.index]?.kind !== 'blank').length,
      total: cells.length,
    };
  });
  const diagnostics = GROUP_ORDER.map((table) => {
    const mine = result.diagnostics.filter(
      (d) => d.table === table || (table === null && !GROUP_ORDER.includes(d.table)),
    );
    return {
      table,
      title: table === null ? null : TABLE_NAMES[table],
      diagnostics: [...mine.filter((d) => d.level === 'warning'), ...mine.filter((d) => d.level !== 'warning')],
    };
  }).filter((g) => g.diagnostics.length > 0);
  const findings = sortFindings(evaluateRules(result.values, { scopes: ['report'] }).filter((f) => f.rule !== 'blank'));
  return {
    result,
    sourceName,
    agency: text(at('agency')),
    year: year?.kind === 'number' ? year.value : null,
    formatVersion: result.formatVersion,
    unmapped2019: result.diagnostics.filter((d) => d.code === 'format2019').length,
    tables,
    diagnostics,
    diagnosticCount: result.diagnostics.length,
    findings,
    findingGroups: groupFindings(findings),
    counts: countBySeverity(findings),
  };
}

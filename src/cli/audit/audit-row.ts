// One file of an audit: read (workbook, text or HTML), checked, and summed up as one row. Never throws: a file that
// cannot be read is a row with its reason. Runs inside an audit worker (worker.ts) or, for one file, in-process.
import { basename } from 'node:path';
import {
  BLANK,
  countBySeverity,
  displayContent,
  evaluateRules,
  input,
  sortFindings,
  type CellContent,
  type Finding,
} from '../../report';
import { fileKindOfName } from '../../report/import';
import type { Format } from '../../report/format/format';
import { buildFormat2019, buildFormat2021 } from '../../report/format/formats';
import { NO_TABLES_REASON, importReportFile, sniffKind, type SourceKind } from '../read-report-source';
import { validateWorkbookFile } from '../validate-file';
import { checkRegularFile } from './special-file';

export interface AuditRow {
  readonly file: string;
  readonly path: string;
  readonly kind: SourceKind;
  readonly agency: string | null;
  readonly year: number | string | null;
  /** template: a workbook of our template; 2021 / 2019 / unknown: the format of a published report. */
  readonly format: 'template' | '2021' | '2019' | 'unknown' | null;
  readonly errors: number;
  /** Warnings still standing (dismissed ones are counted in `dismissed`). */
  readonly warnings: number;
  /** Warnings the workbook dismisses with a reason (补充信息), whose cells have not changed since. */
  readonly dismissed: number;
  /** Import diagnostics (text and HTML only). */
  readonly diagnostics: number;
  /** The first findings, errors first, blank cells last. */
  readonly first: readonly string[];
  /** Why the file could not be read, or null. */
  readonly error: string | null;
  /** Findings per rule id (dismissed warnings left out). */
  readonly rules: Readonly<Record<string, number>>;
  /** Bytes and modification time (ISO 8601) when the audit read it; null when it could not be stat'ed. */
  readonly size: number | null;
  readonly modified: string | null;
  /** N.* findings: figures the report's words restate that differ from its tables (counted in errors/warnings too). */
  readonly narrative: number;
}

const FIRST_SHOWN = 3;

/** The 2019 format, built once per process when the first 2019 report comes (the 2021 one is the default). */
let built2019: Format | null = null;
const format2019 = (): Format => (built2019 ??= buildFormat2019());
let built2021: Format | null = null;
/** The format a workbook of our template is validated as (validate-file takes it). */
const format2021 = (): Format => (built2021 ??= buildFormat2021());

interface FileStamp {
  readonly size: number | null;
  readonly modified: string | null;
}
const NO_STAMP: FileStamp = { size: null, modified: null };

function metaOf(values: readonly CellContent[]): { agency: string | null; year: number | string | null } {
  const agency = values[input('META', 'agency').index];
  const year = values[input('META', 'year').index];
  return {
    agency: agency && agency.kind !== 'blank' ? displayContent(agency) : null,
    year: year?.kind === 'number' ? year.value : year && year.kind !== 'blank' ? displayContent(year) : null,
  };
}

/** The row of a file that was read: its findings counted per rule, the first few (blank cells last) quoted. */
function readRow(
  path: string,
  kind: SourceKind,
  stamp: FileStamp,
  values: readonly CellContent[],
  format: NonNullable<AuditRow['format']>,
  findings: readonly Finding[],
  dismissed: number,
  diagnostics: number,
): AuditRow {
  const rules: Record<string, number> = {};
  for (const f of findings) rules[f.rule] = (rules[f.rule] ?? 0) + 1;
  const sorted = sortFindings(findings);
  const first = [...sorted.filter((f) => f.rule !== 'blank'), ...sorted.filter((f) => f.rule === 'blank')]
    .slice(0, FIRST_SHOWN)
    .map((f) => f.message);
  const counts = countBySeverity(findings);
  const narrative = findings.filter((f) => f.rule.startsWith('N.')).length;
  return {
    file: basename(path),
    path,
    kind,
    ...metaOf(values),
    format,
    errors: counts.error,
    warnings: counts.warning,
    dismissed,
    diagnostics,
    first,
    error: null,
    rules,
    ...stamp,
    narrative,
  };
}

/** The row of a file that could not be read (or checked within its budgets). */
export function failedRow(path: string, kind: SourceKind, reason: string, stamp: FileStamp = NO_STAMP): AuditRow {
  return {
    file: basename(path),
    path,
    kind,
    agency: null,
    year: null,
    format: null,
    errors: 0,
    warnings: 0,
    dismissed: 0,
    diagnostics: 0,
    first: [],
    error: reason,
    rules: {},
    ...stamp,
    narrative: 0,
  };
}

/** The kind a file is taken for without opening it (by name; text otherwise). */
export const kindByName = (path: string): SourceKind => fileKindOfName(path) ?? 'text';

/** Audits one file; never throws (an unexpected failure is the row's error). Only regular files are opened. */
export async function auditFile(path: string): Promise<AuditRow> {
  const checked = await checkRegularFile(path);
  if (!checked.ok) return failedRow(path, kindByName(path), checked.reason);
  const stamp: FileStamp = { size: checked.stats.size, modified: checked.stats.mtime.toISOString() };
  const kind = await sniffKind(path);
  try {
    if (kind === 'xlsx') {
      const outcome = await validateWorkbookFile(path, format2021());
      if (!outcome.readable || !outcome.values) return failedRow(path, kind, outcome.json.error ?? '无法读取', stamp);
      const standing = outcome.findings.filter((f) => !outcome.dismissed.has(f));
      return readRow(path, kind, stamp, outcome.values, 'template', standing, outcome.dismissed.size, 0);
    }
    const read = await importReportFile(path, kind);
    if (!read.ok) return failedRow(path, kind, read.reason, stamp);
    const r = read.imported;
    if (r.formatVersion === 'unknown')
      return {
        ...failedRow(path, kind, NO_TABLES_REASON, stamp),
        ...metaOf(r.values),
        format: 'unknown',
        diagnostics: r.diagnostics.length,
      };
    // A 2019-format report is checked by the 2019 rules (its single （六）其他处理 row in T3.results, no 现行有效件数).
    const format = r.formatVersion === '2019' ? format2019() : null;
    const values = format ? format.cells.valueCells.map((c) => r.byName.get(c.name) ?? BLANK) : r.values;
    // The words are checked against the tables as in `nianbao import` (sample 005: 134 filed 行政复议 cases, 170 in 表四).
    const findings = [
      ...evaluateRules(values, { scopes: ['report'], ...(format ? { format } : {}) }),
      ...r.narrativeFindings,
    ];
    return readRow(path, kind, stamp, values, r.formatVersion, findings, 0, r.diagnostics.length);
  } catch (e) {
    return failedRow(path, kind, `读取时出错：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, stamp);
  }
}

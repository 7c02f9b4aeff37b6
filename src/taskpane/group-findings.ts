// Findings as the pane lists them: one group per table (by the highlighted cell), groups with errors first,
// errors before warnings inside a group.
import { TABLE_NAMES, VALUE_CELL_BY_NAME, countBySeverity, sortFindings, type Finding, type TableId } from '../report';

export interface FindingGroup {
  readonly table: TableId;
  readonly title: string;
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
}

const TABLE_ORDER = Object.keys(TABLE_NAMES) as TableId[];

export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const byTable = new Map<TableId, Finding[]>();
  for (const f of sortFindings(findings)) {
    const table = VALUE_CELL_BY_NAME.get(f.cells[0])?.table ?? 'META';
    byTable.set(table, [...(byTable.get(table) ?? []), f]);
  }
  const groups = TABLE_ORDER.filter((t) => byTable.has(t)).map((table) => {
    const list = byTable.get(table)!;
    const counts = countBySeverity(list);
    return { table, title: TABLE_NAMES[table], findings: list, errors: counts.error, warnings: counts.warning };
  });
  return [...groups.filter((g) => g.errors > 0), ...groups.filter((g) => g.errors === 0)];
}

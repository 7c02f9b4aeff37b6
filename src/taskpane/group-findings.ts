// Findings as the pane lists them: one group per table (by the highlighted cell), groups with errors first,
// errors before warnings inside a group.
import { TABLE_NAMES, VALUE_CELL_BY_NAME, countBySeverity, type Finding, type TableId } from '../report';

export interface FindingGroup {
  readonly table: TableId;
  readonly title: string;
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
}

const TABLE_ORDER = Object.keys(TABLE_NAMES) as TableId[];

/** `findings` come in sortFindings order (both callers sort them for their own list), which each group keeps. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const byTable = new Map<TableId, Finding[]>();
  for (const f of findings) {
    const table = VALUE_CELL_BY_NAME.get(f.cells[0])?.table ?? 'META';
    const list = byTable.get(table);
    if (list) list.push(f);
    else byTable.set(table, [f]);
  }
  const groups = TABLE_ORDER.filter((t) => byTable.has(t)).map((table) => {
    const list = byTable.get(table)!;
    const counts = countBySeverity(list);
    return { table, title: TABLE_NAMES[table], findings: list, errors: counts.error, warnings: counts.warning };
  });
  return [...groups.filter((g) => g.errors > 0), ...groups.filter((g) => g.errors === 0)];
}

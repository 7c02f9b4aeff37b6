// A sheet name for a new template that no existing sheet has: 年报, 年报(2), 年报(3), …
// Spreadsheets compare sheet names case-insensitively, so we do too.
import { TEMPLATE_SHEET_NAME } from '../report';

export function freeSheetName(existing: readonly string[], base: string = TEMPLATE_SHEET_NAME): string {
  const taken = new Set(existing.map((s) => s.toLocaleLowerCase()));
  if (!taken.has(base.toLocaleLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}(${n})`;
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}

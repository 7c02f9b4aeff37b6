// Which imported values may go into the workbook as it is now: a blank cell is filled, a cell that already holds
// the same value is left as it is (a formula included), and a cell holding something else is a conflict the user
// decides on. Blank imported values are never written: an import does not clear what the user typed.
import type { CellContent, InputCell } from '../../report';

export type ImportedValue = string | number;

export interface ValueConflict {
  readonly name: string;
  readonly current: CellContent;
  readonly imported: ImportedValue;
}

export interface FillPlan {
  /** Blank now: safe to write. */
  readonly fill: ReadonlyMap<string, ImportedValue>;
  /** Already holds the imported value. */
  readonly same: readonly string[];
  /** Holds something else: written only if the user says 覆盖. */
  readonly conflicts: readonly ValueConflict[];
}

/**
 * The imported values worth writing, by defined name, in the order of the cells they were read into (an
 * ImportResult's inputCells); then the 补充信息 figures and texts the report's words give (ImportResult.supplement),
 * when passed.
 */
export function importedValues(
  imported: { readonly values: readonly CellContent[]; readonly inputCells: readonly InputCell[] },
  supplement: Readonly<Record<string, ImportedValue>> = {},
): Map<string, ImportedValue> {
  const out = new Map<string, ImportedValue>();
  imported.inputCells.forEach((c, i) => {
    const v = imported.values[i];
    if (v?.kind === 'number') out.set(c.name, v.value);
    else if (v?.kind === 'text' && v.text.trim() !== '') out.set(c.name, v.text.trim());
  });
  for (const [name, v] of Object.entries(supplement))
    if (typeof v === 'number' || v.trim() !== '') out.set(name, typeof v === 'number' ? v : v.trim());
  return out;
}

export function isBlankContent(c: CellContent): boolean {
  return c.kind === 'blank' || (c.kind === 'text' && c.text.trim() === '');
}

export function sameValue(current: CellContent, value: ImportedValue): boolean {
  if (typeof value === 'number') return current.kind === 'number' && current.value === value;
  return current.kind === 'text' && current.text.trim() === value;
}

export function planFill(
  imported: ReadonlyMap<string, ImportedValue>,
  current: ReadonlyMap<string, CellContent>,
): FillPlan {
  const fill = new Map<string, ImportedValue>();
  const same: string[] = [];
  const conflicts: ValueConflict[] = [];
  for (const [name, value] of imported) {
    const now = current.get(name) ?? { kind: 'blank' };
    if (isBlankContent(now)) fill.set(name, value);
    else if (sameValue(now, value)) same.push(name);
    else conflicts.push({ name, current: now, imported: value });
  }
  return { fill, same, conflicts };
}

/** Two conflict lists name the same cells holding the same contents (what the user saw is what is there). */
export function sameConflicts(a: readonly ValueConflict[], b: readonly ValueConflict[]): boolean {
  if (a.length !== b.length) return false;
  const key = (c: ValueConflict) => `${c.name}\u0000${JSON.stringify(c.current)}`;
  const seen = new Set(a.map(key));
  return b.every((c) => seen.has(key(c)));
}

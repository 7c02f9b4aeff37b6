// What inserting rows does to everything that points at cells, as Excel and WPS do it: a reference at or below the
// inserted rows moves down, one that spans them grows, one above stays ("Insert or delete rows and columns": formulas,
// names, merges and conditional formats adjust, https://support.microsoft.com/office/insert-or-delete-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246).
// The doubles and ExcelJS hold those as plain data, so the drivers move them with this.
import { type Box, boxAddress, parseBox } from '../doubles/office-js/address';

export function shiftBox<B extends Box>(box: B, before: number, count: number): B {
  return {
    ...box,
    top: box.top >= before ? box.top + count : box.top,
    bottom: box.bottom >= before ? box.bottom + count : box.bottom,
  };
}

/** "A1:B2 C3" (space- or comma-separated areas) with its rows moved. */
export function shiftAreas(areas: string, before: number, count: number, separator = ' '): string {
  return areas
    .split(separator)
    .map((a) => {
      const box = parseBox(a);
      if (!box) throw new Error(`not an address: ${a}`);
      return boxAddress(shiftBox(box, before, count), a.includes('$'));
    })
    .join(separator);
}

/** "r,c" or "r:c" keyed cells, re-keyed after the insertion (rows at or below `before` move down). */
export function shiftKeyed<V>(cells: Map<string, V>, separator: ',' | ':', before: number, count: number): void {
  const moved = [...cells].map(([key, v]) => {
    const [r, c] = key.split(separator).map(Number);
    return [r >= before ? `${r + count}${separator}${c}` : key, v] as const;
  });
  cells.clear();
  for (const [k, v] of moved) cells.set(k, v);
}

export function covers(areas: readonly Box[], a1: string): boolean {
  const at = parseBox(a1)!;
  return areas.some((b) => b.top <= at.top && at.top <= b.bottom && b.left <= at.left && at.left <= b.right);
}

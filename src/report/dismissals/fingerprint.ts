// A finding's fingerprint: its rule, its check and the values of every cell it reads, hashed (FNV-1a, 64 bits).
// A dismissal holds the fingerprint it was given under; when any of those values changes, the fingerprint does
// too, and the warning stands again by itself.
import { VALUE_CELL_BY_NAME } from '../layout/input-cells';
import { BLANK, plainValue, type CellContent } from '../model/cell-content';
import type { Finding } from '../rules/finding';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

/** FNV-1a over the UTF-16 code units of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h = ((h ^ BigInt(unit & 0xff)) * FNV_PRIME) & MASK;
    h = ((h ^ BigInt(unit >> 8)) * FNV_PRIME) & MASK;
  }
  return h.toString(16).padStart(16, '0');
}

/** The canonical text a fingerprint hashes: rule, check key, then each cell as name and typed value. */
export function fingerprintText(finding: Pick<Finding, 'rule' | 'key' | 'cells'>, values: readonly CellContent[]) {
  const cells = finding.cells.map((name) => {
    const cell = VALUE_CELL_BY_NAME.get(name);
    const c = cell ? (values[cell.index] ?? BLANK) : BLANK;
    return [name, c.kind, plainValue(c)];
  });
  return JSON.stringify([finding.rule, finding.key, cells]);
}

export const fingerprint = (finding: Pick<Finding, 'rule' | 'key' | 'cells'>, values: readonly CellContent[]) =>
  fnv1a64(fingerprintText(finding, values));

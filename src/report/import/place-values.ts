// Fitting a printed row's numbers to its columns. Copied tables lose merged cells, so a row may carry an extra
// number or two, or wrap onto the next line. The rule: place numbers only when one reading is possible, using the
// row's own identity (总计 = sum of the parts) to drop extras; otherwise leave the cells empty and say so.
import type { CellToken } from './source-lines';

export interface PlacedCell {
  /** null: a printed blank cell, left empty (a blank is not a 0). */
  readonly value: number | null;
  readonly from: 'number' | 'slash' | 'blank';
  readonly raw: string;
  readonly note?: 'fullWidth' | 'withUnit' | 'separators';
}

export type Placement =
  | { readonly kind: 'placed'; readonly cells: readonly PlacedCell[]; readonly dropped: readonly number[] }
  | { readonly kind: 'short'; readonly tokens: readonly CellToken[] }
  | { readonly kind: 'over'; readonly tokens: readonly CellToken[]; readonly readings: number };

/** A check that a full row of numbers is self-consistent. */
export type Identity = (values: readonly number[]) => boolean;

function cellOf(t: CellToken): PlacedCell {
  switch (t.kind) {
    case 'number':
      return { value: t.value, from: 'number', raw: t.raw, ...(t.note ? { note: t.note } : {}) };
    case 'slash':
      return { value: 0, from: 'slash', raw: t.raw };
    default:
      return { value: null, from: 'blank', raw: '' };
  }
}

function trimBlanks(tokens: readonly CellToken[]): CellToken[] {
  let a = 0;
  let b = tokens.length;
  while (a < b && tokens[a].kind === 'blank') a++;
  while (b > a && tokens[b - 1].kind === 'blank') b--;
  return tokens.slice(a, b);
}

/** Index sets of size n from 0..k-1, in order (k ≤ n + 3 keeps this under a thousand). */
function* combinations(k: number, n: number, start = 0, chosen: number[] = []): Generator<number[]> {
  if (chosen.length === n) {
    yield chosen;
    return;
  }
  for (let i = start; i <= k - (n - chosen.length); i++) yield* combinations(k, n, i + 1, [...chosen, i]);
}

const MAX_EXTRA = 3;

export function placeTokens(
  n: number,
  tokens: readonly CellToken[],
  explicit: boolean,
  identity?: Identity,
): Placement {
  const usable = tokens.filter((t) => t.kind !== 'text');
  if (explicit) {
    if (usable.length === n && usable.some((t) => t.kind !== 'blank'))
      return { kind: 'placed', cells: usable.map(cellOf), dropped: [] };
    const trimmed = trimBlanks(usable);
    if (trimmed.length === n) return { kind: 'placed', cells: trimmed.map(cellOf), dropped: [] };
  }
  const printed = usable.filter((t) => t.kind !== 'blank');
  if (printed.length === n) return { kind: 'placed', cells: printed.map(cellOf), dropped: [] };
  if (printed.length < n) return { kind: 'short', tokens: printed };
  if (!identity || printed.length - n > MAX_EXTRA) return { kind: 'over', tokens: printed, readings: 0 };
  const values = printed.map((t) => cellOf(t).value ?? 0);
  const readings = new Map<string, number[]>();
  for (const idx of combinations(values.length, n)) {
    const v = idx.map((i) => values[i]);
    if (identity(v)) readings.set(v.join(','), idx);
  }
  if (readings.size !== 1) return { kind: 'over', tokens: printed, readings: readings.size };
  const idx = [...readings.values()][0];
  return {
    kind: 'placed',
    cells: idx.map((i) => cellOf(printed[i])),
    dropped: values.map((_, i) => i).filter((i) => !idx.includes(i)),
  };
}

export function tokenText(t: CellToken): string {
  switch (t.kind) {
    case 'number':
    case 'slash':
      return t.raw;
    case 'text':
      return t.text;
    case 'blank':
      return '（空）';
  }
}

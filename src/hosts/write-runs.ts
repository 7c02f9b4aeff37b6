// Batching helpers for hosts whose every call costs (WPS's cross-process ET calls, Office.js request size):
// a block of values split into the rectangles a host can write with one Value2 array each, skipping every cell
// that holds null (a plan's "leave as it is"): maximal runs across each row, then identical runs on consecutive
// rows stacked into one rectangle; ranges joined into multi-area addresses; equal sizes joined into runs.

export interface Run<T> {
  /** 0-based offsets within the block. */
  readonly top: number;
  readonly left: number;
  readonly values: T[][];
}

export function writeRuns<T>(grid: readonly (readonly (T | null)[])[]): Run<T>[] {
  const done: Run<T>[] = [];
  let open: { left: number; width: number; run: Run<T> }[] = [];
  grid.forEach((row, r) => {
    const spans: { left: number; width: number }[] = [];
    for (let c = 0; c < row.length;) {
      if (row[c] === null) {
        c++;
        continue;
      }
      const left = c;
      while (c < row.length && row[c] !== null) c++;
      spans.push({ left, width: c - left });
    }
    const next: typeof open = [];
    for (const s of spans) {
      const cells = row.slice(s.left, s.left + s.width) as T[];
      const cont = open.find((o) => o.left === s.left && o.width === s.width);
      if (cont) {
        cont.run.values.push(cells);
        next.push(cont);
      } else next.push({ ...s, run: { top: r, left: s.left, values: [cells] } });
    }
    for (const o of open) if (!next.includes(o)) done.push(o.run);
    open = next;
  });
  for (const o of open) done.push(o.run);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * Joins A1 ranges into comma-separated multi-area addresses no longer than `max` characters, so one Range() call
 * covers many ranges (Excel refuses longer address strings; 255 is assumed for WPS too).
 */
export function unionChunks(ranges: readonly string[], max = 255): string[] {
  const chunks: string[] = [];
  let cur = '';
  for (const r of ranges) {
    if (cur && cur.length + 1 + r.length > max) {
      chunks.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${r}` : r;
  }
  if (cur) chunks.push(cur);
  return chunks;
}

/** Consecutive equal numbers as [first index, last index, value] runs. */
export function equalRuns(values: readonly number[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  values.forEach((v, i) => {
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === v) last[1] = i;
    else out.push([i, i, v]);
  });
  return out;
}

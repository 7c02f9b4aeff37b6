// Univer 0.25.1 draws a merged cell's borders from the cells along the merge's edges: when it builds a sheet's style
// cache (SpreadsheetSkeleton, @univerjs/engine-render), every cell of a merge whose style has a border rescans all
// four edges of that merge (`_setMergeBorderProps`, once per edge per cell), reading each edge cell through the
// conditional-format, validation and permission interceptors. The result is the same for every cell of the merge:
// it depends only on the edge cells' styles, and Univer builds the cache again from a new border matrix whenever
// the sheet model changes (`_resetCache`). The report's 108 bordered merges made this ~5% of a warm start-up's CPU
// and ~10% of an Enter → red (issue #15). Here each merge's edge is scanned once per border matrix instead; should a
// later Univer change the method, this does nothing.

/** The method as engine-render 0.25.1 has it: an edge ('t' 'b' 'l' 'r'), the style cache and the merge. */
type MergeBorderScan = (
  this: unknown,
  type: string,
  cache: { border?: object } | undefined,
  range: { startRow: number; startColumn: number; endRow: number; endColumn: number },
) => void;

const PATCHED = Symbol.for('nianbao.mergeBorderMemo');

/**
 * Wraps `prototype._setMergeBorderProps` so that each edge of each merge is scanned once per border cache. Returns
 * whether it did (false when the method is not there or not of the known shape).
 */
export function memoiseMergeBorders(prototype: object): boolean {
  const proto = prototype as { _setMergeBorderProps?: MergeBorderScan; [PATCHED]?: true };
  const original = proto._setMergeBorderProps;
  if (typeof original !== 'function' || original.length !== 3) return false;
  if (proto[PATCHED]) return true;
  const scanned = new WeakMap<object, Set<string>>();
  proto._setMergeBorderProps = function (type, cache, range) {
    const border = cache?.border;
    if (!border || typeof border !== 'object') return original.call(this, type, cache, range);
    let done = scanned.get(border);
    if (!done) scanned.set(border, (done = new Set()));
    const key = `${type}:${range.startRow}:${range.startColumn}:${range.endRow}:${range.endColumn}`;
    if (done.has(key)) return;
    done.add(key);
    return original.call(this, type, cache, range);
  };
  proto[PATCHED] = true;
  return true;
}

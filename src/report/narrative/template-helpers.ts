// The helpers a narrative template may call, and nothing else (check-template.ts refuses any other name). Each is
// a pure function of numbers and short lists; Handlebars passes its options object last, which is dropped here.
import { formatNumber } from '../model/cell-content';

type Args = readonly unknown[];
const values = (a: Args) => a.slice(0, -1);
const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
const round = (x: number) => Math.round(x * 1e6) / 1e6;
const isFilled = (x: unknown) => x !== null && x !== undefined && x !== '';

/** "规章1件、行政规范性文件3件": the non-zero items, joined with 、. */
function joinItems(pairs: readonly [unknown, unknown][], unit: string): string {
  return pairs
    .filter(([, count]) => n(count) !== 0)
    .map(([label, count]) => `${String(label ?? '')}${formatNumber(n(count))}${unit}`)
    .join('、');
}

export const TEMPLATE_HELPERS: Readonly<Record<string, (...a: unknown[]) => unknown>> = {
  sum: (...a) => round(values(a).reduce<number>((s, x) => s + n(x), 0)),
  minus: (...a) => round(n(a[0]) - n(a[1])),
  percent: (...a) => {
    const [part, whole, digits] = values(a);
    if (n(whole) === 0) return '0%';
    const d = Math.min(4, Math.max(0, Math.trunc(n(digits ?? 1))));
    return `${Number(((n(part) / n(whole)) * 100).toFixed(d))}%`;
  },
  eq: (...a) => a[0] === a[1],
  ne: (...a) => a[0] !== a[1],
  gt: (...a) => n(a[0]) > n(a[1]),
  gte: (...a) => n(a[0]) >= n(a[1]),
  lt: (...a) => n(a[0]) < n(a[1]),
  lte: (...a) => n(a[0]) <= n(a[1]),
  and: (...a) => values(a).every(Boolean),
  or: (...a) => values(a).some(Boolean),
  not: (...a) => !a[0],
  filled: (...a) => isFilled(a[0]),
  num: (...a) => (typeof a[0] === 'number' ? formatNumber(a[0]) : ''),
  items: (...a) => {
    const v = values(a);
    if (Array.isArray(v[0])) {
      const list = v[0] as readonly Record<string, unknown>[];
      return joinItems(
        list.map((i) => [i['名称'], i['数量']]),
        String(v[1] ?? ''),
      );
    }
    const unit = v.length % 2 === 1 ? String(v[v.length - 1]) : '';
    const pairs: [unknown, unknown][] = [];
    for (let i = 0; i + 1 < v.length; i += 2) pairs.push([v[i], v[i + 1]]);
    return joinItems(pairs, unit);
  },
};

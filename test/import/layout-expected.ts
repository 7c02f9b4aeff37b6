// The figures of the report under test/fixtures/layouts, typed by hand (every layout prints the same report):
// 表二 规章 1/0/38, 行政规范性文件 11/3/152, 行政许可 1520, 行政处罚 86, 行政强制 0, 收费 0; 表三 as below;
// 表四 行政复议 3 1 0 1 5, 未经复议直接起诉 1 0 0 0 1, 复议后起诉 0 0 0 1 1.
import { T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, input } from '../../src/report';

export const LAYOUT_AGENCY = '示例县市场监督管理局';

const T3: Readonly<Record<string, readonly number[]>> = {
  new: [10, 2, 0, 0, 1, 0, 13],
  carry: [1, 0, 0, 0, 0, 0, 1],
  open: [5, 1, 0, 0, 1, 0, 7],
  partial: [2, 0, 0, 0, 0, 0, 2],
  deny_third: [1, 0, 0, 0, 0, 0, 1],
  unable_none: [2, 1, 0, 0, 0, 0, 3],
  total: [10, 2, 0, 0, 1, 0, 13],
  next: [1, 0, 0, 0, 0, 0, 1],
};
const T4 = [3, 1, 0, 1, 5, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1];

/** Every input cell's printed value, by defined name. */
export function layoutExpected(): Map<string, number | string> {
  const m = new Map<string, number | string>();
  m.set(input('META', 'agency').name, LAYOUT_AGENCY);
  m.set(input('META', 'year').name, 2024);
  const t2: [string, string, number][] = [
    ['rule', 'made', 1],
    ['rule', 'repealed', 0],
    ['rule', 'inforce', 38],
    ['norm', 'made', 11],
    ['norm', 'repealed', 3],
    ['norm', 'inforce', 152],
    ['license', 'decisions', 1520],
    ['penalty', 'decisions', 86],
    ['coercion', 'decisions', 0],
    ['fee', 'amount', 0],
  ];
  for (const [r, c, v] of t2) m.set(input('T2', r, c).name, v);
  for (const r of T3_ROWS)
    T3_COLUMNS.forEach((c, i) => m.set(input('T3', r.id, c.id).name, (T3[r.id] ?? [0, 0, 0, 0, 0, 0, 0])[i]));
  T4_GROUPS.forEach((g, gi) =>
    T4_COLUMNS.forEach((c, ci) => m.set(input('T4', g.id, c.id).name, T4[gi * T4_COLUMNS.length + ci])),
  );
  return m;
}

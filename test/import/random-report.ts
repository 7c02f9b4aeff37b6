// Random valid reports for the round trip (test and `npm run accuracy`): every table's identities hold (each 表三
// and 表四 row's 总计 is the sum of its parts, （七）总计 the sum of the results, 四、结转 = 新收 + 结转 − 办结), counts
// are mostly small with zeros and a few large ones, 收费金额 has up to four decimals. Seeded, so a failure replays.
import {
  INPUT_CELLS,
  SUPPLEMENT_FIELDS,
  T3_COLUMNS,
  T3_ROWS,
  T4_COLUMNS,
  T4_GROUPS,
  input,
  supplementFromValues,
  type CellContent,
} from '../../src/report';

/** mulberry32: a small seeded generator. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENCIES = [
  '淮安市人民政府办公室',
  '洪泽区教育局',
  '宿迁市自然资源和规划局',
  '高新区管委会',
  '某县卫生健康委员会',
];

export function randomReportValues(rand: () => number): CellContent[] {
  const count = () => {
    const r = rand();
    if (r < 0.45) return 0;
    if (r < 0.85) return Math.floor(rand() * 20);
    if (r < 0.97) return Math.floor(rand() * 500);
    return Math.floor(rand() * 20000);
  };
  const values = new Map<string, number | string>();
  const set = (table: 'T2' | 'T3' | 'T4', row: string, col: string, v: number) =>
    values.set(input(table, row, col).name, v);
  values.set(input('META', 'agency').name, AGENCIES[Math.floor(rand() * AGENCIES.length)]);
  values.set(input('META', 'year').name, 2021 + Math.floor(rand() * 5));
  for (const [row, cols] of [
    ['rule', ['made', 'repealed', 'inforce']],
    ['norm', ['made', 'repealed', 'inforce']],
    ['license', ['decisions']],
    ['penalty', ['decisions']],
    ['coercion', ['decisions']],
  ] as const)
    for (const c of cols) set('T2', row, c, count());
  set('T2', 'fee', 'amount', rand() < 0.6 ? 0 : Math.round(rand() * 10_000_000) / 10_000);
  const parts = T3_COLUMNS.filter((c) => c.id !== 'total');
  const results = T3_ROWS.filter((r) => r.result && r.id !== 'total');
  const sums = new Map(parts.map((c) => [c.id, 0]));
  const newRow = new Map<string, number>();
  for (const r of results)
    for (const c of parts) {
      const v = count();
      set('T3', r.id, c.id, v);
      sums.set(c.id, sums.get(c.id)! + v);
    }
  for (const c of parts) {
    const carry = count();
    const next = count();
    const total = sums.get(c.id)!;
    // 新收 = 办结 + 结转下年 − 上年结转, never negative.
    const fresh = Math.max(0, total + next - carry);
    newRow.set(c.id, fresh);
    set('T3', 'new', c.id, fresh);
    set('T3', 'carry', c.id, carry);
    set('T3', 'total', c.id, total);
    set('T3', 'next', c.id, fresh + carry - total);
  }
  for (const r of T3_ROWS) {
    let s = 0;
    for (const c of parts) s += values.get(input('T3', r.id, c.id).name) as number;
    set('T3', r.id, 'total', s);
  }
  for (const g of T4_GROUPS) {
    let s = 0;
    for (const c of T4_COLUMNS.filter((x) => x.id !== 'total')) {
      const v = count();
      s += v;
      set('T4', g.id, c.id, v);
    }
    set('T4', g.id, 'total', s);
  }
  return INPUT_CELLS.map((c): CellContent => {
    const v = values.get(c.name);
    if (v === undefined) return { kind: 'blank' };
    return typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', text: v };
  });
}

/** An empty 补充信息: the narrative the exporter writes is the one generated from the tables. */
export const emptySupplementValues = () => supplementFromValues(SUPPLEMENT_FIELDS.map(() => ({ kind: 'blank' })));

// WPS 表格 add-in figures: ET calls per operation, counted by the ET double (each member access is one synchronous
// cross-process call in real WPS; the WPS docs measure about 0.2 ms per call: 10,000 Formula writes ≈ 2 s), plus the
// bundle sizes of dist/wps/addin when it has been built. Run alone: node scripts/run-ts.mjs bench/wps.ts
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  ALL_VALUE_CELLS,
  INPUT_CELLS,
  TEMPLATE_MARKER_NAME,
  evaluateRules,
  planSupplement,
  planTemplate,
  splitSheetRef,
} from '../src/report';
import { createRibbon } from '../src/hosts/wps/ribbon';
import { WpsHost } from '../src/hosts/wps/wps-host';
import { EtDouble, type EtDoubleOptions } from '../test/doubles/wps-et';

const MS_PER_CALL = 0.2;
const READ_NAMES = [...ALL_VALUE_CELLS.map((c) => c.name), TEMPLATE_MARKER_NAME];

function top(et: EtDouble, n: number): string {
  return [...et.calls.by]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k}×${v}`)
    .join(', ');
}

async function figures(options: EtDoubleOptions): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const et = new EtDouble(options);
  const host = new WpsHost(et.application('taskpane:1') as never, { events: { channel: null } });
  const measure = async (label: string, op: () => unknown, detail = false) => {
    et.resetCalls();
    const t = process.hrtime.bigint();
    await op();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    out[`${label}: ET calls`] = et.calls.total;
    out[`${label}: est. in WPS (ms @${MS_PER_CALL})`] = Math.round(et.calls.total * MS_PER_CALL);
    if (detail) out[`${label}: biggest`] = top(et, 5);
    return ms;
  };
  const plan = planTemplate({ agency: '某某区人民政府办公室', year: 2025 });
  const doubleMs = await measure('insert template', () => host.applyEdits(plan), true);
  out['insert template: time in the double (ms)'] = Math.round(doubleMs);
  out['insert template: conditional formats / names'] =
    `${plan.filter((e) => e.op === 'conditionalFormat').length} / ${plan.filter((e) => e.op === 'defineName').length}`;
  await measure('insert 补充信息 sheet', () => host.applyEdits(planSupplement()));
  const cell = INPUT_CELLS.find((c) => c.kind === 'count')!.name;
  const ref = splitSheetRef(et.names().find((n) => n.name === cell)!.refersTo)!;
  et.userEdit(ref.sheet, ref.range, '3件');
  let findings = 0;
  await measure(
    `refresh (read ${READ_NAMES.length} names)`,
    async () => {
      findings = evaluateRules((await host.readNamedCells(READ_NAMES)).values).length;
    },
    true,
  );
  out['refresh: findings'] = findings;
  await measure('list names', () => host.listNames());
  await measure('write one fix', () => host.writeNamedValues(new Map([[cell, 3]])));
  await measure('select a finding', () => host.selectNamedCells([cell]));
  return out;
}

export async function benchWps(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  for (const [k, v] of Object.entries(await figures({}))) out[k] = v;
  // If WPS adds new conditional formats first, each is moved last: one more call per rule.
  const first = await figures({ newConditionFirst: true });
  out['insert template, WPS adding new rules first: ET calls'] = first['insert template: ET calls'];

  // The main page's relay, per user commit; the pane's poll when idle.
  const et = new EtDouble();
  const ribbon = createRibbon(et.application('main') as never, {
    paneUrl: 'x',
    report: () => undefined,
    relay: { channel: null },
  });
  et.resetCalls();
  et.userEdit('Sheet1', 'A1', 1);
  out['relay, per user commit (main page): ET calls'] = et.calls.total;
  ribbon.stop();
  out['pane poll when idle: ET calls per poll (every 500 ms)'] = 1;

  const dir = path.join(process.cwd(), 'dist', 'wps', 'addin');
  for (const f of ['main.js', 'taskpane.js'])
    if (existsSync(path.join(dir, f))) {
      const buf = readFileSync(path.join(dir, f));
      out[`bundle ${f} (KB raw / gzip)`] =
        `${Math.round(buf.length / 1024)} / ${Math.round(gzipSync(buf).length / 1024)}`;
    } else out[`bundle ${f}`] = 'not built (npm run build:wps)';
  return out;
}

if (/[\\/]wps\.(c?js|ts)$/.test(process.argv[1] ?? ''))
  benchWps().then(
    (f) => {
      for (const [k, v] of Object.entries(f)) console.log(`${k.padEnd(70)} ${v}`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );

// 汇总 of 500 children: reading 500 child workbooks (as `nianbao rollup` does, one after another), summing them,
// writing the parent with its 汇总明细 sheet (500 child columns), and validating the parent. Seconds per phase and
// children per second.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRollupWorkbook } from '../src/cli/commands/rollup';
import { readChild } from '../src/cli/commands/rollup-child';
import { validateWorkbookFile } from '../src/cli/validate-file';
import { buildFormat2021 } from '../src/report/format/formats';
import { sumChildren, type RollupChild } from '../src/report';
import { copySeeds, writeSeeds } from '../test/audit/good-files';

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const since = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

/** The format the bench reads and checks reports as. */
const FORMAT = buildFormat2021();

export async function benchRollup(count = 500): Promise<Record<string, number | string>> {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-bench-rollup-'));
  try {
    const seeds = await writeSeeds(join(root, 'seeds'), ['xlsx']);
    const paths = copySeeds(seeds, join(root, 'children'), count, ['xlsx']);
    let t0 = process.hrtime.bigint();
    const children: RollupChild[] = [];
    for (const [i, p] of paths.entries()) {
      const read = await readChild(p, FORMAT);
      if (read.ok) children.push({ label: `下级${i + 1}`, values: read.values });
    }
    const readSeconds = since(t0);
    t0 = process.hrtime.bigint();
    for (let i = 0; i < 10; i++) sumChildren(children, { agency: '汇总', year: 2024 }, FORMAT);
    const sumMs = (since(t0) / 10) * 1000;
    const parent = join(root, 'parent.xlsx');
    t0 = process.hrtime.bigint();
    await writeRollupWorkbook(children, { agency: '汇总', year: 2024 }, parent, FORMAT);
    const writeSeconds = since(t0);
    t0 = process.hrtime.bigint();
    const check = await validateWorkbookFile(parent, FORMAT);
    const validateSeconds = since(t0);
    return {
      'rollup: children read': children.length,
      'rollup: reading children (s)': round(readSeconds),
      'rollup: children read per second': round(children.length / readSeconds, 1),
      'rollup: summing all children (ms)': round(sumMs),
      'rollup: writing the parent with 汇总明细 (s)': round(writeSeconds),
      'rollup: validating the parent (s)': round(validateSeconds),
      'rollup: parent readable': check.readable ? 'yes' : `no: ${check.json.error}`,
      'rollup: peak RSS (MB)': round(process.memoryUsage().rss / 1024 / 1024, 1),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (/[\\/]rollup\.(c?js|ts)$/.test(process.argv[1] ?? ''))
  benchRollup(Number(process.argv[2] ?? 500)).then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(60)} ${v}`);
  });

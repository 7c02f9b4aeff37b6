// `npm run bench`: every figure the issues ask for, printed as a table. Counts and ratios are the robust ones on
// these noisy 2-core machines; times are medians.
import { benchCore } from './core';
import { benchExcel } from './excel';
import { benchAudit } from './audit';
import { benchRollup } from './rollup';
import { benchImport } from './import';
import { benchWeb } from './web';
import { benchWps } from './wps';
import { benchReadXlsx } from './read-xlsx';

type Bench = [string, () => Promise<Record<string, number | string>>];

const BENCHES: Bench[] = [
  ['报告核心与命令行 (report core, CLI)', () => benchCore()],
  ['Excel 加载项 (Excel add-in)', () => benchExcel()],
  ['批量检查 (audit)', () => benchAudit()],
  ['汇总 (rollup of 500 children)', () => benchRollup()],
  ['导入已发布的年报 (importer: reports/s per kind, ms/KB)', () => benchImport()],
  ['网页版 (in-browser sheet)', () => benchWeb()],
  ['WPS 加载项 (WPS add-in)', () => benchWps()],
  ['读取工作簿 (reading .xlsx)', () => benchReadXlsx()],
];

async function main() {
  const only = process.argv[2];
  for (const [title, run] of BENCHES) {
    if (only && !title.includes(only)) continue;
    console.log(`\n## ${title}`);
    const figures = await run();
    for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(60)} ${v}`);
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

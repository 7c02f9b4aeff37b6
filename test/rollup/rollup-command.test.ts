// `nianbao rollup` end to end on real published reports (淮安市 2024 as a workbook, twice under two agencies, and
// 宿迁市 2024 as text): refused children are named and nothing is written; the parent's every additive cell is the
// sum of the children's published figures (hand-transcribed in expected-samples.ts), and 汇总明细 traces each
// one to every child; the parent validates.
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_CELLS, additiveCells } from '../../src/report';

const ADDITIVE_CELLS = additiveCells(INPUT_CELLS);
import { importReport } from '../../src/report/import';
import { writeImportedWorkbook } from '../../src/cli/commands/import';
import { EXPECTED } from '../import/expected-samples';
import { expectedValues, readSample } from '../import/sample-support';
import { runCli } from '../support/run-cli';
import { suiteTempDir } from '../support/temp-dir';
import { cellByName, loadWorkbook } from '../support/workbook-by-names';

const dir = suiteTempDir('nianbao-rollup-');
const expectedOf = (file: string) => expectedValues(EXPECTED.find((e) => e.file === file)!);

async function children() {
  const huaian = join(dir, 'huaian.xlsx');
  await writeImportedWorkbook(importReport(readSample('real/001.txt')), huaian);
  const renamed = join(dir, 'qingjiangpu.xlsx');
  const wb = await loadWorkbook(huaian);
  cellByName(wb, 'nb_agency').value = '淮安市清江浦区人民政府';
  await wb.xlsx.writeFile(renamed);
  const suqian = join(dir, 'suqian.txt');
  writeFileSync(suqian, readSample('real/005.txt'));
  const duplicate = join(dir, 'huaian-copy.xlsx');
  copyFileSync(huaian, duplicate);
  const hongze = join(dir, 'hongze-2023.txt');
  writeFileSync(hongze, readSample('real/003.txt'));
  return { huaian, renamed, suqian, duplicate, hongze };
}

describe('nianbao rollup', () => {
  it('refuses by name, then sums the rest into a parent that traces every cell and validates', async () => {
    const c = await children();
    const parent = join(dir, 'parent.xlsx');
    const args = ['-o', parent, '--agency', '淮安市人民政府办公室（汇总）', '--year', '2024'];

    const refused = await runCli('rollup', c.huaian, c.renamed, c.suqian, c.duplicate, c.hongze, ...args);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      '未计入 淮安市人民政府：机关名称「淮安市人民政府」与 淮安市人民政府 重复，不能重复计入',
    );
    expect(refused.err).toContain('未计入 洪泽区人民政府：格式不同：含 2019 年版格式的表格');
    expect(existsSync(parent)).toBe(false);

    const done = await runCli('rollup', c.huaian, c.renamed, c.suqian, ...args);
    expect(done.err).toBe('');
    expect(done.out).toContain('已汇总 3 个下级报告');
    expect(done.out).toContain('汇总结果校验通过');
    expect(done.code).toBe(0);

    const huaian = expectedOf('real/001.txt');
    const suqian = expectedOf('real/005.txt');
    const wb = await loadWorkbook(parent);
    expect(cellByName(wb, 'nb_agency').value).toBe('淮安市人民政府办公室（汇总）');
    expect(cellByName(wb, 'nb_year').value).toBe(2024);
    const detail = wb.getWorksheet('汇总明细')!;
    const header = (detail.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '表',
      '行',
      '列',
      '单元格名称',
      '汇总',
      '淮安市人民政府',
      '淮安市清江浦区人民政府',
      '宿迁市',
    ]);
    const rowByName = new Map<string, unknown[]>();
    detail.eachRow((row, n) => {
      if (n > 1) rowByName.set(String(row.getCell(4).value), (row.values as unknown[]).slice(1));
    });
    expect(rowByName.size).toBe(ADDITIVE_CELLS.length);
    for (const cell of ADDITIVE_CELLS) {
      const a = Number(huaian.get(cell.name));
      const s = Number(suqian.get(cell.name));
      const want = Math.round((a + a + s) * 10_000) / 10_000;
      expect([cell.name, cellByName(wb, cell.name).value]).toEqual([cell.name, want]);
      const row = rowByName.get(cell.name)!;
      expect(row.slice(4, 8)).toEqual([want, a, a, s]);
    }
    expect((await runCli('validate', parent)).code).toBe(0);
  }, 120_000);

  it('says what is missing on the command line', async () => {
    const r = await runCli('rollup', 'a.xlsx', '-o', join(dir, 'x.xlsx'), '--year', '2024');
    expect(r.code).toBe(2);
    expect(r.err).toContain('请用 --agency 指定汇总单位的机关名称');
  });
});

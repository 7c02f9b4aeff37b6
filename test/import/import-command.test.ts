// `nianbao import`: prints what it found and every diagnostic, writes the template filled with the imported values
// (read back by the validator, cell by cell), and refuses what it cannot read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCommand } from '../../src/cli/commands/import';
import type { CliIO } from '../../src/cli/cli-command';
import { validateWorkbookFile } from '../../src/cli/validate-file';
import { INPUT_CELLS } from '../../src/report';
import { EXPECTED } from './expected-samples';
import { SAMPLES_DIR, differences, expectedValues } from './sample-support';
import { buildFormat2021 } from '../../src/report/format/formats';

/** The format these tests read and check reports as (what a composition root builds). */
const FORMAT = buildFormat2021();

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nianbao import', () => {
  it('writes the template filled with the printed figures; validate reads them back', async () => {
    const out = join(dir, '004.xlsx');
    const c = capture();
    const code = await importCommand.run([join(SAMPLES_DIR, 'real/004.txt'), '-o', out], c.io);
    expect(code).toBe(0);
    expect(c.out()).toContain('机关名称：宿迁市\u3000年度：2023\u3000格式：2021 年版');
    expect(c.out()).toContain('表格数字：读到 200 / 200 个单元格');
    expect(c.out()).toContain('说明  表三「（六）其他处理1.申请人无正当理由逾期不补正');
    // The narrative parts go into the 补充信息 sheet's text cells (一's overview, （一）…（五）, 五 and 六: 8), with
    // the one figure its prose states that the sheet has a name for (六: 信息处理费2950元), as in a workbook
    // `nianbao template` writes.
    expect(c.out()).toMatch(
      /已写入 .*004\.xlsx（200 个数字，补充信息数字 1 个，文字 8 段，均记入补充信息「导入记录」）/,
    );
    const v = await validateWorkbookFile(out, FORMAT);
    expect(v.readable).toBe(true);
    expect(
      differences(
        v.values!.slice(0, INPUT_CELLS.length),
        expectedValues(EXPECTED.find((e) => e.file === 'real/004.txt')!),
      ),
    ).toEqual([]);
    expect(v.json.summary.errors).toBe(0);
  }, 30_000);

  it('exits 1 and lists the errors of a report with wrong totals', async () => {
    const c = capture();
    expect(await importCommand.run([join(SAMPLES_DIR, 'real/003.txt')], c.io)).toBe(1);
    expect(c.out()).toContain('错误  表四「行政复议」：总计为 0，但结果维持、结果纠正、其他结果、尚未审结之和为 11');
  });

  it('--json prints the result as JSON', async () => {
    const c = capture();
    await importCommand.run([join(SAMPLES_DIR, 'published-2021-gaoxinqu.txt'), '--json'], c.io);
    const json = JSON.parse(c.out());
    expect(json.formatVersion).toBe('2021');
    expect(json.report.agency).toBe('高新区管委会办公室');
    expect(json.report.t3.new).toEqual({
      person: 2,
      business: 0,
      research: 0,
      charity: 0,
      legal: 0,
      other: 0,
      total: 2,
    });
    expect(json.diagnostics.some((d: { code: string }) => d.code === 'labelVariant')).toBe(true);
    expect(json.narrative.problems).toContain('网站功能设置不合理');
  });

  it('refuses binary files and does not overwrite an existing output', async () => {
    const junk = join(dir, 'junk.txt');
    writeFileSync(junk, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    const c = capture();
    expect(await importCommand.run([junk], c.io)).toBe(2);
    expect(c.err()).toContain('文件内容是二进制数据');
    const existing = join(dir, 'exists.xlsx');
    writeFileSync(existing, 'keep');
    const d = capture();
    expect(await importCommand.run([join(SAMPLES_DIR, 'real/001.txt'), '-o', existing], d.io)).toBe(2);
    expect(d.err()).toContain('已存在');
  });
});

// The gate before export (issue #11 item 4): `nianbao export` of a report with errors exits 1, lists the errors and
// writes nothing, unless --allow-errors; blanks and warnings are shown; a report without errors exports at once.
// Expected messages are written by hand from the national format's rule (表三 总计 = sum of the columns).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_CELLS } from '../../src/report';
import { runCli } from '../support/run-cli';
import { cellByName, loadWorkbook } from '../support/workbook-by-names';
import { suiteTempDir } from '../support/temp-dir';

const dir = suiteTempDir('nianbao-gate-');

async function report(name: string, broken: boolean, agency = '某县交通运输局'): Promise<string> {
  const file = join(dir, name);
  const args = ['template', '-o', file, '--year', '2025', ...(agency ? ['--agency', agency] : [])];
  expect((await runCli(...args)).code).toBe(0);
  const wb = await loadWorkbook(file);
  for (const c of INPUT_CELLS) if (c.kind === 'count' || c.kind === 'amount') cellByName(wb, c.name).value = 0;
  if (broken) {
    // 自然人 3 of a row whose 总计 says 5, every other cell of the row 0: a finished row that does not add up,
    // and the columns it feeds balanced so the one error is that row's.
    cellByName(wb, 'nb_t3_new_person').value = 3;
    cellByName(wb, 'nb_t3_new_total').value = 5;
  }
  await wb.xlsx.writeFile(file);
  return file;
}

describe('nianbao export: the gate', () => {
  it('refuses a report with errors: exit 1, the error listed with its cell, no file written', async () => {
    const file = await report('broken.xlsx', true);
    const html = join(dir, 'broken.html');
    const csv = join(dir, 'broken.csv');
    const r = await runCli('export', file, '--html', html, '--csv', csv);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('未导出');
    expect(r.err).toContain('表三「一、本年新收政府信息公开申请数量」行：总计为 5，但各列之和为 3');
    expect(r.err).toContain('年报!O24');
    expect(r.err).toContain('--allow-errors');
    expect(existsSync(html)).toBe(false);
    expect(existsSync(csv)).toBe(false);
  });

  it('exports the same report with --allow-errors, still saying what is wrong', async () => {
    const file = await report('allowed.xlsx', true);
    const html = join(dir, 'allowed.html');
    const r = await runCli('export', file, '--html', html, '--allow-errors');
    expect(r.code).toBe(0);
    expect(r.err).toContain('总计为 5，但各列之和为 3');
    expect(readFileSync(html, 'utf8')).toContain('某县交通运输局2025年政府信息公开工作年度报告');
  });

  it('exports a report without errors at once, showing its blanks', async () => {
    const file = await report('clean.xlsx', false, '');
    const csv = join(dir, 'clean.csv');
    const r = await runCli('export', file, '--csv', csv);
    expect(r.code).toBe(0);
    expect(existsSync(csv)).toBe(true);
    // 机关名称 was left blank: the title (and so a file name built from it) lacks it, and the user is told.
    expect(r.err).toContain('机关名称未填写');
    expect(r.err).not.toContain('错误');
  });

  it('shows how many inputs are blank', async () => {
    const file = join(dir, 'blank.xlsx');
    await runCli('template', '-o', file, '--agency', '某县交通运输局', '--year', '2025');
    const r = await runCli('export', file, '--csv', join(dir, 'blank.csv'));
    expect(r.code).toBe(0);
    // 202 inputs of which 机关名称 and 年度 are filled: 200 figures (the national format's 表二, 表三, 表四) blank.
    expect(r.err).toContain('200 个填报单元格为空白');
  });
});

// The hostile workbooks of #13, each just past the limit it meets (the bench builds them at the sizes and
// times them): `nianbao validate` answers exit 2 with a sentence naming the limit, never an English internal.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';
import { suiteTempDir } from '../support/temp-dir';
import {
  craftedName,
  manyRows,
  mergeBomb,
  nestedSharedStrings,
  slashCells,
  validationOverColumns,
} from './hostile-workbooks';

const dir = suiteTempDir('nianbao-hostile-');

describe('hostile workbooks: exit 2 and a clear message', () => {
  it.each<[string, () => Buffer, string]>([
    [
      'a merge bomb',
      () => mergeBomb(25_000),
      '工作表「年报」的合并单元格超过 20000 处（上限），不是年报工作簿，已拒绝读取',
    ],
    [
      '210,000 rows',
      () => manyRows(210_000),
      '工作表单元格过多：工作表「年报」的单元格超过 200000 个（上限），不是年报工作簿，已拒绝读取',
    ],
    [
      '210,000 "/" cells',
      () => slashCells(210_000),
      '工作表单元格过多：工作表「年报」的单元格超过 200000 个（上限），不是年报工作簿，已拒绝读取',
    ],
    [
      'a crafted defined name',
      () => craftedName(20_000),
      '名称 nb_year 的定义有 20001 个字符，超过 Excel 公式的长度上限 8192，不是正常的名称，已拒绝读取',
    ],
    [
      'shared strings nested 1,000 deep',
      () => nestedSharedStrings(1000),
      'xl/sharedStrings.xml 的 XML 嵌套超过 64 层（上限），不是正常的工作簿内容，已拒绝读取',
    ],
  ])('%s', async (name, build, message) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.xlsx`);
    writeFileSync(file, build());
    const r = await runCli('validate', file, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toBe(message);
  });

  it('data validations over every column are never parsed: the file is judged by its names alone', async () => {
    const file = join(dir, 'validations.xlsx');
    writeFileSync(file, validationOverColumns(16_384));
    const r = await runCli('validate', file, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toMatch(/^年报模板已损坏，缺少 \d+ 个名称：nb_year（/);
  });
});

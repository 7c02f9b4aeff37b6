// `nianbao narrative` on real .xlsx files, and the document export inside an esbuild bundle on this Node (docx 9
// pulls nanoid 6, which declares node ≥ 22: the bundle must still run here, with docx bundled or external).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { main } from '../../src/cli/nianbao';
import { parseTemplateFile } from '../../src/cli/commands/narrative';
import { filledWorkbook } from './workbook';
import { largeValues } from '../narrative/fixtures';
import { gaoxinqu2021 } from '../support/report-values';
import { suiteTempDir } from '../support/temp-dir';

const dir = suiteTempDir('nb-cli-');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), interactive: false });
  return { code, out, err };
}

async function workbook(
  name: string,
  supplement: Record<string, string | number>,
  withSupplement = true,
): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await filledWorkbook(gaoxinqu2021(), supplement, { withSupplement }));
  return path;
}

describe('nianbao narrative', () => {
  it('prints the generated sections and exits 0 when the words agree with the tables', async () => {
    const path = await workbook('ok.xlsx', {
      open_total: 422,
      inspections: 2,
      trainings: 4,
      text_problems: '共收到政府信息公开申请2件。',
    });
    const r = await run(['narrative', path]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('【一（二）依申请公开情况】\n  2021年，本机关共收到政府信息公开申请2件，均由自然人提出。');
    expect(r.out).toContain(
      '【一（五）监督保障情况（监督检查、教育培训次数）】\n  2021年，本机关开展政府信息公开监督检查2次',
    );
    expect(r.out).toContain('核对：文字中复述的数字与表格一致。');
  });

  it('reports a typed sentence that disagrees, at its cell, and exits 1', async () => {
    const path = await workbook('bad.xlsx', { text_problems: '全年共收到政府信息公开申请3件，行政复议1件。' });
    const r = await run(['narrative', path]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('核对：2 处文字与表格不一致');
    expect(r.out).toContain(
      '错误  nb_sup_text_problems  「五、存在的主要问题及改进情况」中「收到政府信息公开申请3件」写的申请数为 3，但表三「一、本年新收政府信息公开申请数量」行「总计」列为 2',
    );
    expect(r.out).toContain('写的行政复议件数为 1，但表四「行政复议」行「总计」列为 0');
  });

  it('uses a --template file for the sections it names, and shows a broken one without losing the others', async () => {
    const path = await workbook('tpl.xlsx', {});
    const file = join(dir, 'templates.txt');
    writeFileSync(
      file,
      '【一（二）】\n{{年度}}年共受理申请{{申请.本年新收}}件。\n\n【fee】\n{{constructor.constructor}}\n',
    );
    const r = await run(['narrative', path, '--template', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('【一（二）依申请公开情况】（自定义模板）\n  2021年共受理申请2件。');
    expect(r.out).toContain(
      '【六、信息处理费】（自定义模板）\n  模板错误  第 1 行第 3 列：「constructor.constructor」试图访问程序内部属性「constructor」',
    );
    expect(r.out).toContain('【四、行政复议、行政诉讼情况（表四前的说明）】\n  2021年，本机关未发生');
  });

  it('uses the templates stored in the workbook', async () => {
    const path = await workbook('stored.xlsx', { tpl_review: '{{年度}}年无复议诉讼。' });
    const r = await run(['narrative', path, '--json']);
    const json = JSON.parse(r.out) as { sections: { id: string; isDefault: boolean; paragraphs: string[] }[] };
    expect(json.sections.find((s) => s.id === 'review')).toMatchObject({
      isDefault: false,
      paragraphs: ['2021年无复议诉讼。'],
    });
  });

  it('reads a workbook made before the 补充信息 sheet existed, saying so', async () => {
    const path = await workbook('old.xlsx', {}, false);
    const r = await run(['narrative', path]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^注意：工作簿中没有「补充信息」工作表/);
  });

  it('exits 2 with the reason for an unreadable file or template file', async () => {
    const missing = await run(['narrative', join(dir, 'nope.xlsx')]);
    expect([missing.code, missing.err]).toEqual([
      2,
      `无法读取 ${join(dir, 'nope.xlsx')}：文件不存在：请检查路径和文件名是否正确\n`,
    ]);
    const path = await workbook('t2.xlsx', {});
    const file = join(dir, 'nomarks.txt');
    writeFileSync(file, '{{年度}}');
    const r = await run(['narrative', path, '--template', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('模板文件第 1 行：模板内容之前应先写段落标记');
  });

  it('parses JSON template files keyed by section id or label', () => {
    expect(parseTemplateFile('{"apply":"a","六、信息处理费":"b"}', true)).toEqual({ apply: 'a', fee: 'b' });
    expect(parseTemplateFile('{"x":"a"}', true)).toMatchObject({
      error: expect.stringContaining('「x」不是可生成的段落'),
    });
  });
});

describe('the export in an esbuild bundle on this Node', () => {
  const entry = join(dir, 'entry.ts');
  beforeAll(() => {
    const root = resolve(__dirname, '../..');
    writeFileSync(
      entry,
      `import { writeFileSync } from 'node:fs';
import { exportDocx, exportHtml } from ${JSON.stringify(join(root, 'src/export'))};
import { renderNarrative, emptySupplement, reportFromValues } from ${JSON.stringify(join(root, 'src/report'))};
import { buildFormat2021 } from ${JSON.stringify(join(root, 'src/report/format/formats'))};
const format = buildFormat2021();
const values = JSON.parse(process.argv[2]);
const report = reportFromValues(values.slice(0, format.inputCells.length), format).report;
const narrative = renderNarrative(report, emptySupplement());
exportDocx(report, narrative, format.sheetLayout).then((b) => { writeFileSync(process.argv[3], b); writeFileSync(process.argv[4], exportHtml(report, narrative, format.sheetLayout)); });
`,
    );
  });

  it.each([
    ['docx bundled', [] as string[]],
    ['docx external (as scripts/build-cli.mjs)', ['exceljs', 'handlebars', 'docx']],
  ])('writes a .docx and an .html with %s', async (_, external) => {
    const outfile = join(dir, `bundle-${external.length}.cjs`);
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile,
      external,
      logLevel: 'silent',
      nodePaths: [resolve(__dirname, '../../node_modules')],
    });
    const docx = join(dir, `b${external.length}.docx`);
    const html = join(dir, `b${external.length}.html`);
    execFileSync(process.execPath, [outfile, JSON.stringify(largeValues()), docx, html], {
      env: { ...process.env, NODE_PATH: resolve(__dirname, '../../node_modules') },
    });
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(html, 'utf8')).toContain('淮安市人民政府办公室2024年政府信息公开工作年度报告');
  });
});

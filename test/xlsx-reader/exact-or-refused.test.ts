// Every cell read is exact or refused (#17.3): each case is a real template, filled, then changed in its XML as
// another tool (or a careless hand) would leave it, and read by `nianbao validate`. The expected sentences are
// written here by hand, from the template's labels as printed on the sheet.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { INPUT_CELLS } from '../../src/report';
import { runCli } from '../support/run-cli';
import { cellByName, loadWorkbook } from '../support/workbook-by-names';
import { suiteTempDir } from '../support/temp-dir';

const dir = suiteTempDir('nianbao-exact-');
let n = 0;

interface Tamper {
  workbook?: (xml: string) => string;
  sheet?: (xml: string) => string;
  strings?: (xml: string) => string;
}

/** A filled, consistent template (every count 0), changed in its XML by `tamper`; validated with --json. */
async function validateTampered(tamper: Tamper) {
  const file = join(dir, `case-${++n}.xlsx`);
  await runCli('template', '-o', file, '--agency', '某市卫生健康委员会', '--year', '2025');
  const wb = await loadWorkbook(file);
  for (const c of INPUT_CELLS) if (c.kind === 'count' || c.kind === 'amount') cellByName(wb, c.name).value = 0;
  await wb.xlsx.writeFile(file);
  const zip = await JSZip.loadAsync(readFileSync(file));
  const edit = async (part: string, f?: (xml: string) => string) => {
    if (f) zip.file(part, f(await zip.file(part)!.async('string')));
  };
  await edit('xl/workbook.xml', tamper.workbook);
  await edit('xl/worksheets/sheet1.xml', tamper.sheet);
  await edit('xl/sharedStrings.xml', tamper.strings);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const r = await runCli('validate', file, '--json');
  return { code: r.code, json: JSON.parse(r.out), err: r.err };
}

/** Sets the stored definition of `name` in workbook.xml. */
const redefine = (name: string, text: string) => (xml: string) =>
  xml.replace(
    new RegExp(`(<definedName name="${name}">)[^<]*(</definedName>)`),
    (_, open, close) => open + text + close,
  );
/** Adds a definition after the others. */
const addName = (attrs: string, text: string) => (xml: string) =>
  xml.replace('</definedNames>', `<definedName ${attrs}>${text}</definedName></definedNames>`);
/** Replaces the cell at `address` (styled, empty or not) with `cell`. */
const putCell = (address: string, cell: string) => (xml: string) =>
  xml.replace(new RegExp(`<c r="${address}"[^>]*?(/>|>.*?</c>)`), cell);

const T2_RULE = 'nb_t2_rule_made（表二「规章」行「本年制发件数」列）';
const T4_UPHELD = '表四「行政复议」行「结果维持」列';
const HINT = '请在任务窗格中使用「修复」，或重新生成模板';

describe('names that cannot say which one cell: refused with exit 2, naming the name', () => {
  it.each<[string, Tamper, string]>([
    [
      'a name defined twice',
      { workbook: addName('name="nb_t2_rule_made"', "'年报'!$A$1") },
      `年报模板的名称 ${T2_RULE} 在工作簿中定义了 2 次（'年报'!$G$7；'年报'!$A$1），无法确定应读取哪一个单元格。请在「公式 → 名称管理器」中删除多余的定义，或重新生成模板`,
    ],
    [
      'a sheet-level name of the same spelling',
      { workbook: addName('name="nb_t2_rule_made" localSheetId="0"', "'年报'!$A$1") },
      `年报模板的名称 ${T2_RULE} 除工作簿级的定义（'年报'!$G$7）外，还有一个同名的工作表级名称（仅用于工作表「年报」，'年报'!$A$1），无法确定应读取哪一个单元格。请在「公式 → 名称管理器」中删除工作表级的那一个`,
    ],
    [
      'a name over a range',
      { workbook: redefine('nb_t2_rule_made', "'年报'!$G$7:$I$7") },
      `年报模板的名称 ${T2_RULE} 指向区域 年报!G7:I7，而不是单个单元格，无法确定应读取哪一个单元格。${HINT}`,
    ],
    [
      'a name over a whole column',
      { workbook: redefine('nb_t2_rule_made', "'年报'!$G:$G") },
      `年报模板的名称 ${T2_RULE} 指向整列（年报!G:G），而不是单个单元格。${HINT}`,
    ],
    [
      'a name pointing into another workbook',
      { workbook: redefine('nb_t2_rule_made', "'[1]年报'!$G$7") },
      `年报模板的名称 ${T2_RULE} 指向另一个工作簿中的单元格（'[1]年报'!$G$7），模板的名称只能指向本工作簿。${HINT}`,
    ],
    [
      'a marker of a newer template version',
      { strings: (xml) => xml.replace('模板版本 1。', '模板版本 99。') },
      '工作簿由更新版本的年报助手生成（模板版本 99，本程序只认识到模板版本 1），按旧版本读取可能读错单元格：请升级年报助手后再打开',
    ],
  ])('%s', async (_, tamper, message) => {
    const { code, json, err } = await validateTampered(tamper);
    expect(code).toBe(2);
    expect(json.error).toBe(message);
    expect(err).toContain(message);
  });
});

describe('values read exactly, flagged where they are not what the format asks', () => {
  it('a t="d" date cell is a date, not the number 2021', async () => {
    const { code, json } = await validateTampered({
      sheet: putCell('A54', '<c r="A54" t="d"><v>2021-05-01T00:00:00</v></c>'),
    });
    expect(code).toBe(1);
    const f = json.findings.filter((x: { rule: string }) => x.rule === 'type.count');
    expect(f.map((x: { message: string }) => x.message)).toEqual([
      `${T4_UPHELD}为日期 2021-05-01，应填写不小于 0 的整数`,
    ]);
    expect(f[0].cells[0]).toMatchObject({ ref: '年报!A54', value: '2021-05-01' });
  });

  it.each([['99999999999999999999'], ['9007199254740993']])(
    'the number %s keeps its digits as written and is flagged, never rounded',
    async (digits) => {
      const { code, json } = await validateTampered({ sheet: putCell('A54', `<c r="A54"><v>${digits}</v></c>`) });
      expect(code).toBe(1);
      const f = json.findings.filter((x: { rule: string }) => x.rule === 'type.count');
      expect(f.map((x: { message: string }) => x.message)).toEqual([
        `${T4_UPHELD}的数值 ${digits} 过大，应填写不小于 0 的整数`,
      ]);
      expect(f[0].cells[0].value).toBe(digits);
    },
  );
});

describe('sheet names that need quoting read correctly', () => {
  it.each([['=年报'], ["年报 '2025'"], ['年报!草稿']])('a sheet named %s', async (sheet) => {
    const quoted = `'${sheet.replace(/'/g, "''")}'`;
    const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
    const { code, json } = await validateTampered({
      workbook: (xml) =>
        xml
          .replace('name="年报"', `name="${xmlText(sheet)}"`)
          .replace(/&apos;年报&apos;!/g, () => xmlText(`${quoted}!`)),
    });
    expect(json.error).toBeUndefined();
    expect(code).toBe(0);
    expect(json.template.sheet).toBe(sheet);
  });
});

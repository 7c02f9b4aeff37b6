// Bad input as people type it into a real workbook: each kind becomes a finding that names the cell and says what
// is expected; nothing crashes and nothing is changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { INPUT_CELLS } from '../../src/report';
import { runCli } from '../support/run-cli';
import { cellByName, loadWorkbook } from '../support/workbook-by-names';
import { suiteTempDir } from '../support/temp-dir';

const dir = suiteTempDir('nianbao-bad-');
let n = 0;

/** A filled, consistent template with one cell changed by `edit`; returns the parsed --json result and the code. */
async function validateWith(edit: (wb: ExcelJS.Workbook) => void) {
  const file = join(dir, `case-${++n}.xlsx`);
  await runCli('template', '-o', file, '--agency', '某市卫生健康委员会', '--year', '2025');
  const wb = await loadWorkbook(file);
  for (const c of INPUT_CELLS) if (c.kind === 'count' || c.kind === 'amount') cellByName(wb, c.name).value = 0;
  edit(wb);
  await wb.xlsx.writeFile(file);
  const before = readFileSync(file);
  const r = await runCli('validate', file, '--json');
  expect(readFileSync(file).equals(before)).toBe(true); // validation never writes
  return { code: r.code, json: JSON.parse(r.out), err: r.err };
}

const CELL = 'nb_t4_review_upheld';
const WHERE = '表四「行政复议」行「结果维持」列';

describe('a bad value in a count cell', () => {
  it.each<[string, ExcelJS.CellValue, string]>([
    ['text "2"', '2', '填写的「2」是文本而不是数字（可改为 2）'],
    ['"2件"', '2件', '填写了带单位的「2件」（可改为 2）'],
    ['"二"', '二', '填写了文字「二」'],
    ['full-width "２"', '２', '填写了全角数字「２」（可改为 2）'],
    ['" 3 "', ' 3 ', '填写的「 3 」是文本而不是数字（可改为 3）'],
    ['"1,000"', '1,000', '填写的「1,000」是文本而不是数字（可改为 1000）'],
    ['a negative number', -3, '填写了负数 -3'],
    ['a decimal', 2.5, '填写了小数 2.5'],
    ['a formula', { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue, '填写的是公式「=1+1」（计算结果 2）'],
    ['#N/A', { error: '#N/A' } as ExcelJS.CellErrorValue, '为错误值 #N/A'],
    ['#REF!', { error: '#REF!' } as ExcelJS.CellErrorValue, '为错误值 #REF!'],
    ['a date', new Date(Date.UTC(2025, 0, 2)), '为日期 2025-01-02'],
    ['a boolean', true, '为逻辑值 TRUE'],
    ['1e20', 1e20, '的数值 100000000000000000000 过大'],
  ])('%s', async (_, value, phrase) => {
    const { code, json } = await validateWith((wb) => {
      const cell = cellByName(wb, CELL);
      cell.value = value;
      // As Excel formats a typed date. ExcelJS shares one style object among loaded cells: copy it first.
      if (value instanceof Date) cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
    });
    expect(code).toBe(1);
    const f = json.findings.filter((x: { rule: string }) => x.rule === 'type.count');
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe(`${WHERE}${phrase}，应填写不小于 0 的整数`);
    expect(f[0].cells[0].ref).toBe('年报!A54');
  });

  it('a blank cell is a warning, not an error', async () => {
    const { code, json } = await validateWith((wb) => (cellByName(wb, CELL).value = null));
    expect(code).toBe(0);
    expect(json.findings.map((f: { rule: string; message: string }) => [f.rule, f.message])).toEqual([
      ['blank', `${WHERE}为空，没有发生的事项也应填写 0`],
    ]);
  });

  it('an amount with five decimals', async () => {
    const { json } = await validateWith((wb) => (cellByName(wb, 'nb_t2_fee_amount').value = 0.12345));
    expect(json.findings[0].message).toBe(
      '表二「行政事业性收费」行「本年收费金额（单位：万元）」列的金额 0.12345 超过 4 位小数，应填写不小于 0 的金额（万元），最多 4 位小数',
    );
  });
});

describe('a damaged template', () => {
  it('an input cell merged away under its neighbour is a finding naming it', async () => {
    const { code, json } = await validateWith((wb) => wb.getWorksheet('年报')!.mergeCells('I24:J24'));
    expect(code).toBe(1);
    const f = json.findings.find((x: { rule: string }) => x.rule === 'template.merged');
    expect(f.message).toContain('表三「一、本年新收政府信息公开申请数量」行「商业企业」列被合并单元格盖住了');
  });

  it('a deleted name: exit 2, saying which', async () => {
    const { code, json } = await validateWith((wb) => {
      wb.definedNames.model = wb.definedNames.model.filter((d) => d.name !== 'nb_t3_carry_legal');
    });
    expect(code).toBe(2);
    expect(json.error).toContain(
      '缺少 1 个名称：nb_t3_carry_legal（表三「二、上年结转政府信息公开申请数量」行「法律服务机构」列）',
    );
  });

  it('a name re-pointed at another sheet: exit 2, saying where it points', async () => {
    const { code, json } = await validateWith((wb) => {
      wb.addWorksheet('草稿');
      wb.definedNames.model = wb.definedNames.model.map((d) =>
        d.name === 'nb_t2_rule_made' ? { ...d, ranges: ["'草稿'!$A$1"] } : d,
      );
    });
    expect(code).toBe(2);
    expect(json.error).toContain('nb_t2_rule_made（表二「规章」行「本年制发件数」列） → 草稿!A1');
  });

  it('the sheet renamed (names follow, as Excel does): still reads', async () => {
    const { code, json } = await validateWith((wb) => {
      wb.getWorksheet('年报')!.name = '2025年报';
      wb.definedNames.model = wb.definedNames.model.map((d) => ({
        ...d,
        ranges: d.ranges.map((r) => r.replace("'年报'!", "'2025年报'!").replace('年报!', "'2025年报'!")),
      }));
    });
    expect(code).toBe(0);
    expect(json.template.sheet).toBe('2025年报');
  });

  it('the sheet renamed by a tool that left the names behind: exit 2 naming the broken names', async () => {
    const { code, json } = await validateWith((wb) => (wb.getWorksheet('年报')!.name = '改名'));
    expect(code).toBe(2);
    expect(json.error).toContain('指向无效位置');
  });
});

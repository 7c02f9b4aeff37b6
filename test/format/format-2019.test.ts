// The format as a value (#14 item 3): the 2019 trial format is a second Format, and a 2019 report is audited by its
// rules. Expected counts and findings are worked out by hand from the spec (shared/spec/format-2021.md §T2–T4,
// §Variants) and from the numbers printed in test/fixtures/samples/synthetic-2019.txt, not from the code's tables.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditFile } from '../../src/cli/commands/audit';
import { buildFormat2019, buildFormat2021, buildFormatById } from '../../src/report/format/formats';
import { TEMPLATE_NOTE, templateFormatOf } from '../../src/report/layout/sheet-layout';
import type { CellReader } from '../../src/report/reading/cell-reader';
import { readTemplate } from '../../src/report/reading/read-template';
import { suiteTempDir } from '../support/temp-dir';

const SAMPLE = join(__dirname, '../fixtures/samples/synthetic-2019.txt');

describe('the two formats', () => {
  const f2021 = buildFormat2021();
  const f2019 = buildFormat2019();

  test('2021: 202 inputs (封面 2, 表二 6+1+2+1, 表三 25 rows × 7, 表四 3 × 5)', () => {
    expect(f2021.id).toBe('format-2021');
    expect(f2021.inputCells).toHaveLength(2 + 10 + 25 * 7 + 15);
    expect(f2021.sheetLayout).not.toBeNull();
  });

  test('2019: one （六）其他处理 row instead of three, and 表二 without 现行有效件数 (183 inputs)', () => {
    expect(f2019.id).toBe('format-2019');
    // 表二 as read from 2019 tables: 规章/规范性文件 本年新制作数量, 行政许可, 行政处罚, 行政强制 处理决定数量.
    expect(f2019.inputCells).toHaveLength(2 + 5 + 23 * 7 + 15);
    expect(f2019.sheetLayout).toBeNull();
    const names = new Set(f2019.inputCells.map((c) => c.name));
    expect(names.has('nb_t3_other_person')).toBe(true);
    expect(names.has('nb_t3_other_overdue_person')).toBe(false);
    expect(names.has('nb_t2_rule_inforce')).toBe(false);
  });

  test('2019 rules: T3.results adds the single （六） row; no 现行有效件数 rule', () => {
    const results = f2019.ruleById.get('T3.results')!.checks.find((c) => c.key === 'person')!;
    const right = results.relation.kind === 'compare' ? results.relation.right.map((t) => t.name) : [];
    // （一）（二）, 8 of （三）, 3 of （四）, 5 of （五）, and （六）: 2 + 8 + 3 + 5 + 1 = 19 parts.
    expect(right).toHaveLength(19);
    expect(right).toContain('nb_t3_other_person');
    expect(f2019.ruleById.get('T2.inforce')!.checks).toEqual([]);
    // 2021: both rows of 第二十条第（一）项 (规章, 行政规范性文件) have the three document columns.
    expect(f2021.ruleById.get('T2.inforce')!.checks.map((c) => c.key)).toEqual(['rule', 'norm']);
    expect(f2019.ruleById.get('X.inforce')!.checks).toEqual([]);
    const results2021 = f2021.ruleById.get('T3.results')!.checks.find((c) => c.key === 'person')!;
    expect(results2021.relation.kind === 'compare' && results2021.relation.right).toHaveLength(21);
  });

  test('formats are found by the id a marker carries; an old marker without one is 2021', () => {
    expect(buildFormatById('format-2019')?.id).toBe('format-2019');
    expect(buildFormatById('format-2031')).toBeNull();
    expect(templateFormatOf('本表由年报助手生成，格式依据国办公开办函〔2021〕30号，模板版本 1。')).toBe('format-2021');
    expect(templateFormatOf('格式依据…（格式标识 format-2019），模板版本 1。')).toBe('format-2019');
  });
});

describe('nianbao audit on a 2019 report applies the 2019 rules', () => {
  const dir = suiteTempDir('nb-2019-');

  test('synthetic-2019: （一）5+（二）1+（四）1. 2+（六）2 = （七）10 for 自然人 — nothing to report', async () => {
    const row = await auditFile(SAMPLE);
    expect(row.format).toBe('2019');
    // With the 2021 rules the three （六） rows would be blank (21 blank warnings) and T3.results never asserted.
    expect(row.rules).toEqual({});
    expect([row.errors, row.warnings]).toEqual([0, 0]);
  });

  test('a （七）总计 one short is found through the （六） row', async () => {
    const path = join(dir, 'short.txt');
    const text = readFileSync(SAMPLE, 'utf8').replace(
      '（七）总计\t10\t1\t0\t0\t0\t0\t11',
      '（七）总计\t9\t1\t0\t0\t0\t0\t10',
    );
    writeFileSync(path, text);
    const row = await auditFile(path);
    expect(row.format).toBe('2019');
    // 自然人 and 总计 columns: （七） 9 ≠ 5+1+2+2 = 10 and 10 ≠ 11 (T3.results); 一+二 = 10 ≠ 9 + 四 0 and 11 ≠ 10 (T3.balance).
    expect(row.rules).toEqual({ 'T3.results': 2, 'T3.balance': 2 });
    expect(row.first).toContain('表三「自然人」列：（七）总计为 9，但（一）至（六）各项办理结果之和为 10');
  });
});

describe('the template marker carries the format id', () => {
  const { inputCells } = buildFormat2021();
  /** A workbook of our template in memory: every input named on 年报, and the marker with the given text. */
  const workbook = (marker: string): CellReader => ({
    listNames: async () => [
      ...inputCells.map((c, i) => ({ name: c.name, ref: `年报!A${i + 1}` })),
      { name: 'nb_template', ref: '年报!Z1' },
    ],
    sheetNames: async () => ['年报'],
    readNamedCells: async (names) => ({
      values: names.map((n) => (n === 'nb_template' ? { kind: 'text', text: marker } : { kind: 'number', value: 0 })),
      missing: [],
      mergedAway: [],
    }),
  });

  test('a marker written before the id (模板版本 1 only) reads as a 2021 template', async () => {
    const read = await readTemplate(
      workbook('本表由年报助手生成，格式依据国办公开办函〔2021〕30号，模板版本 1。'),
      buildFormat2021(),
    );
    expect(read.ok && read.format).toBe('format-2021');
  });

  test('the marker the template writes names format-2021', async () => {
    const read = await readTemplate(workbook(TEMPLATE_NOTE), buildFormat2021());
    expect(read.ok && [read.format, read.version]).toEqual(['format-2021', 1]);
  });

  test('a format id this program has no template of is refused, not read as 2021', async () => {
    const read = await readTemplate(
      workbook('格式依据某文件（格式标识 format-2031），模板版本 1。'),
      buildFormat2021(),
    );
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toContain('format-2031');
  });
});

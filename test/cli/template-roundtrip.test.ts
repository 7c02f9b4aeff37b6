// A template written by `nianbao template`, filled by an independent reader through its names, then validated and
// exported: every value comes back, and the findings are the evaluator's on the same values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { INPUT_CELLS, evaluateRules, type CellContent } from '../../src/report';
import { runCli } from '../support/run-cli';
import { cellByName, loadWorkbook } from '../support/workbook-by-names';
import { suiteTempDir } from '../support/temp-dir';

const dir = suiteTempDir('nianbao-rt-');

describe('template → fill by names → validate/export', () => {
  it('writes a template that validates with only blank warnings', async () => {
    const file = join(dir, 'empty.xlsx');
    expect((await runCli('template', '-o', file, '--agency', '某市人民政府办公室', '--year', '2025')).code).toBe(0);
    const r = await runCli('validate', file, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.template).toEqual({ format: 'format-2021', version: 1, sheet: '年报' });
    expect(new Set(json.findings.map((f: { rule: string }) => f.rule))).toEqual(new Set(['blank']));
    expect(json.summary).toEqual({ errors: 0, warnings: 200 });
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const file = join(dir, 'keep.xlsx');
    await runCli('template', '-o', file);
    const r = await runCli('template', '-o', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('已存在');
  });

  it('round-trips every value of random reports and reports what the evaluator reports', async () => {
    const template = join(dir, 'base.xlsx');
    await runCli('template', '-o', template, '--agency', '某县司法局', '--year', '2024');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: INPUT_CELLS.length, maxLength: INPUT_CELLS.length }),
        async (ints) => {
          const wb = await loadWorkbook(template);
          const values: CellContent[] = INPUT_CELLS.map((c, i) => {
            if (c.kind === 'text') return { kind: 'text', text: '某县司法局' };
            if (c.kind === 'year') return { kind: 'number', value: 2024 };
            return { kind: 'number', value: ints[i] };
          });
          INPUT_CELLS.forEach((c, i) => {
            const v = values[i];
            if (c.kind !== 'text' && c.kind !== 'year' && v.kind === 'number') cellByName(wb, c.name).value = v.value;
          });
          const file = join(dir, 'filled.xlsx');
          await wb.xlsx.writeFile(file);
          const csvFile = join(dir, 'filled.csv');
          expect((await runCli('export', file, '--csv', csvFile, '--allow-errors', '--force')).code).toBe(0);
          const rows = readFileSync(csvFile, 'utf8')
            .replace(/^\ufeff/, '')
            .trim()
            .split('\r\n');
          expect(rows[0]).toBe('table,row,column,ref,value');
          const exported = rows.slice(1, 1 + INPUT_CELLS.length).map((line) => line.split(',').pop());
          expect(exported).toEqual(
            values.map((v) => (v.kind === 'number' ? String(v.value) : v.kind === 'text' ? v.text : '')),
          );
          const r = await runCli('validate', file, '--json');
          const json = JSON.parse(r.out);
          const expected = evaluateRules(values);
          expect(json.findings.map((f: { rule: string; message: string }) => `${f.rule} ${f.message}`)).toEqual(
            expected.map((f) => `${f.rule} ${f.message}`),
          );
          expect(r.code).toBe(expected.some((f) => f.severity === 'error') ? 1 : 0);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('prints findings in Chinese with the cell and exits 1 on errors', async () => {
    const file = join(dir, 'broken.xlsx');
    await runCli('template', '-o', file, '--agency', '某区教育局', '--year', '2025');
    const wb = await loadWorkbook(file);
    for (const c of INPUT_CELLS) if (c.kind === 'count' || c.kind === 'amount') cellByName(wb, c.name).value = 0;
    cellByName(wb, 'nb_t3_new_person').value = 5;
    cellByName(wb, 'nb_t3_new_total').value = 4;
    await wb.xlsx.writeFile(file);
    const r = await runCli('validate', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('机关名称：某区教育局　年度：2025');
    expect(r.out).toContain('错误  年报!O24  表三「一、本年新收政府信息公开申请数量」行：总计为 4，但各列之和为 5');
    const json = JSON.parse((await runCli('validate', file, '--json')).out);
    const row = json.findings.find((f: { rule: string }) => f.rule === 'T3.row');
    expect(row.cells[0]).toEqual({
      ref: '年报!O24',
      table: 'T3',
      row: '一、本年新收政府信息公开申请数量',
      column: '总计',
      value: 4,
    });
    expect(row.cells).toHaveLength(7);
  });
});

describe('re-applying the highlights (a repair)', () => {
  it('replaces each conditional format instead of adding a second copy', async () => {
    const { XlsxHost } = await import('../../src/hosts/xlsx/xlsx-host');
    const { planTemplate, planHighlights } = await import('../../src/report');
    const host = new XlsxHost();
    await host.applyEdits(planTemplate());
    type WithCf = { conditionalFormattings: unknown[] };
    const count = () => (host.workbook.getWorksheet('年报') as unknown as WithCf).conditionalFormattings.length;
    const before = count();
    await host.applyEdits(planHighlights('年报', ['report']));
    expect(count()).toBe(before);
  });
});

describe('reading goes through the names only', () => {
  it('loses nothing when a user inserts rows above the tables', async () => {
    const file = join(dir, 'moved.xlsx');
    await runCli('template', '-o', file, '--agency', '某镇人民政府', '--year', '2025');
    const wb = await loadWorkbook(file);
    INPUT_CELLS.forEach((c, i) => {
      if (c.kind === 'count') cellByName(wb, c.name).value = i % 3;
    });
    const ws = wb.getWorksheet('年报')!;
    ws.insertRows(1, [['单位自用的说明行'], [], []]);
    await wb.xlsx.writeFile(file);
    const moved = JSON.parse((await runCli('validate', file, '--json')).out);
    expect(moved.error).toBeUndefined();
    const t3 = moved.findings.find((f: { rule: string; cells: { ref: string }[] }) => f.rule === 'T3.row');
    expect(t3.cells[0].ref).toBe('年报!O27'); // was O24: three rows further down, found through its name
    const csv = join(dir, 'moved.csv');
    await runCli('export', file, '--csv', csv, '--allow-errors');
    const values = readFileSync(csv, 'utf8')
      .trim()
      .split('\r\n')
      .slice(1, 1 + INPUT_CELLS.length)
      .map((l) => l.split(',').pop());
    INPUT_CELLS.forEach((c, i) => {
      if (c.kind === 'count') expect(values[i]).toBe(String(i % 3));
    });
  });
});

describe('validate --previous', () => {
  it("checks this year's 上年结转 against last year's published 结转下年度 (X.carry)", async () => {
    const last = join(dir, 'last.xlsx');
    await runCli('template', '-o', last, '--agency', '某区民政局', '--year', '2024');
    const wbLast = await loadWorkbook(last);
    for (const c of INPUT_CELLS) if (c.kind === 'count' || c.kind === 'amount') cellByName(wbLast, c.name).value = 0;
    for (const [name, v] of [
      ['nb_t3_new_person', 3],
      ['nb_t3_new_total', 3],
      ['nb_t3_next_person', 3],
      ['nb_t3_next_total', 3],
    ] as const)
      cellByName(wbLast, name).value = v;
    await wbLast.xlsx.writeFile(last);
    const now = join(dir, 'now.xlsx');
    await runCli('template', '-o', now, '--agency', '某区民政局', '--year', '2025');
    const wbNow = await loadWorkbook(now);
    for (const c of INPUT_CELLS) if (c.kind === 'count' || c.kind === 'amount') cellByName(wbNow, c.name).value = 0;
    await wbNow.xlsx.writeFile(now);
    expect((await runCli('validate', now)).code).toBe(0);
    const r = await runCli('validate', now, '--previous', last, '--json');
    expect(r.code).toBe(1);
    const messages = JSON.parse(r.out).findings.map((f: { message: string }) => f.message);
    expect(messages).toContain('表三「自然人」列：二、上年结转为 0，但上年报告的四、结转下年度继续办理为 3');
    const bad = await runCli('validate', now, '--previous', join(dir, 'missing.txt'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('无法读取上年报告');
  });
});

// The prose an import brings in: checked against the imported tables (N.*) in `nianbao import`, `nianbao validate`
// (on the workbook `import -o` writes) and `nianbao audit`; and the 补充信息 figures and texts it states, carried
// into the workbook and named in its 导入记录. Expected figures are typed by hand from the samples'
// text (test/fixtures/samples), never taken from the code.
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { join } from 'node:path';
import { importCommand } from '../../src/cli/commands/import';
import { exportCommand } from '../../src/cli/commands/export';
import type { CliIO } from '../../src/cli/cli-command';
import { validateWorkbookFile } from '../../src/cli/validate-file';
import { auditFile } from '../../src/cli/audit/audit-row';
import { AUDIT_CSV_COLUMNS, auditCsvLine, parseCsv } from '../../src/cli/audit/audit-csv';
import { importRecord, importReport } from '../../src/report/import';
import { readSample, SAMPLES_DIR } from './sample-support';
import { suiteTempDir } from '../support/temp-dir';
import { buildFormat2021 } from '../../src/report/format/formats';

/** The format these tests read and check reports as (what a composition root builds). */
const FORMAT = buildFormat2021();

const dir = suiteTempDir('nianbao-prose-');
const quiet: CliIO = { out: () => undefined, err: () => undefined, interactive: false };
const sup = (id: string) => `nb_sup_${id}`;

describe('imported prose is checked against the imported tables', () => {
  it('002: 17 applications in the text, 95 in 表三', () => {
    const r = importReport(readSample('real/002.txt'));
    expect(r.narrativeFindings.map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/「受理政府信息公开申请 17 件」.*17.*总计」列为 95/)]),
    );
  });

  it('005: 134 filed 行政复议 cases in the text, 170 in 表四; 57 诉讼 against 25 + 52 (warnings: filed counts)', () => {
    const r = importReport(readSample('real/005.txt'));
    expect(r.narrativeFindings.map((f) => [f.rule, f.severity, f.left, f.right])).toEqual([
      ['N.review', 'warning', 134, 170],
      ['N.litigation', 'warning', 57, 77],
    ]);
    expect(r.narrativeFindings[0].message).toMatch(/^「导入的一、总体情况」中「行政复议案件134件」/);
  });

  it('a report whose text agrees with its tables has no narrative finding', () => {
    const r = importReport(readSample('published-2021-gaoxinqu.txt'));
    expect(r.narrativeFindings).toEqual([]);
  });
});

describe('the 补充信息 figures and texts the prose states', () => {
  it('gaoxinqu: 主动公开 422 = 361 + 18 + 43 by category, 监督检查 2, 培训 4, and the parts of 一', () => {
    const r = importReport(readSample('published-2021-gaoxinqu.txt'));
    expect(r.supplement).toMatchObject({
      [sup('open_total')]: 422,
      [sup('open_cat1_name')]: '概况类信息',
      [sup('open_cat1_count')]: 361,
      [sup('open_cat2_name')]: '政务动态信息',
      [sup('open_cat2_count')]: 18,
      [sup('open_cat3_name')]: '信息公开目录信息',
      [sup('open_cat3_count')]: 43,
      [sup('inspections')]: 2,
      [sup('trainings')]: 4,
    });
    expect(r.supplement[sup('fee_collected')]).toBeUndefined();
    expect(r.supplement[sup('text_supervision')]).toMatch(/^\(五\)监督保障教育培训情况\n一是建立健全/);
    expect(r.supplement[sup('tpl_apply')]).toMatch(/^\(二\)依申请公开情况\n2021年共收到政府信息公开申请2条/);
  });

  it.each([
    // 001: 「主动公开各类政府信息 5500 余条」 is approximate: no total; 六 says 3940 元.
    ['real/001.txt', { fee_collected: 3940 }, ['open_total', 'inspections', 'trainings']],
    ['real/002.txt', { open_total: 2428, fee_collected: 0 }, ['inspections']],
    // 004 and 005: the total collected, not what one agency of the list after 其中 collected.
    ['real/004.txt', { fee_collected: 2950 }, ['open_total']],
    ['real/005.txt', { fee_collected: 2230 }, ['open_total']],
  ])('%s states %j and not the others', (file, figures, absent) => {
    const r = importReport(readSample(file));
    for (const [id, v] of Object.entries(figures)) expect([id, r.supplement[sup(id)]]).toEqual([id, v]);
    for (const id of absent) expect([id, r.supplement[sup(id)]]).toEqual([id, undefined]);
    expect(r.diagnostics.filter((d) => d.code === 'supplementAmbiguous')).toEqual([]);
  });

  it('a figure stated twice with different values is left blank and named', () => {
    const text = readSample('published-2021-gaoxinqu.txt').replace('教育培训4次。', '教育培训4次。另开展业务培训6次。');
    const r = importReport(text);
    expect(r.supplement[sup('trainings')]).toBeUndefined();
    expect(r.diagnostics.find((d) => d.code === 'supplementAmbiguous')?.message).toMatch(
      /补充信息「政府信息公开教育培训次数」.*4、6.*未导入/,
    );
  });

  it('the 导入记录 names the file, the kind and what was filled', () => {
    const text = importRecord('005.pdf', 'pdf', ['nb_t2_rule_made', sup('open_total'), sup('text_other')], new Date(0));
    expect(text).toBe(
      '1970-01-01 从「005.pdf」（PDF）导入：表格数字 1 个；补充信息数字：主动公开信息总数；文字：六、其他需要报告的事项。这些内容取自已发布的年报，修改后本记录不会更新。',
    );
  });
});

describe('validate and audit check the imported prose too', () => {
  it('005: import -o, then validate finds 134 against 170 in the imported 一（二）, and the 补充信息 it carried', async () => {
    const out = join(dir, '005.xlsx');
    expect(await importCommand.run([join(SAMPLES_DIR, 'real/005.txt'), '-o', out], quiet)).toBe(0);
    const v = await validateWorkbookFile(out, FORMAT);
    const prose = v.json.findings.filter((f) => f.rule.startsWith('N.'));
    expect(prose.map((f) => [f.rule, f.severity, f.cells[0].row])).toEqual([
      ['N.review', 'warning', '一（二）依申请公开情况的模板'],
      ['N.litigation', 'warning', '一（二）依申请公开情况的模板'],
    ]);
    expect(prose[0].message).toMatch(/行政复议案件134件.*170/);
    expect(v.json.summary.errors).toBe(0);
    const csv = join(dir, '005.csv');
    // The figures and the record are in the workbook: read back through the CLI's own export.
    expect(await exportCommand.run([out, '--csv', csv, '--allow-errors'], quiet)).toBe(0);
    const rows = parseCsv(readFileSync(csv, 'utf8').replace(/^\ufeff/, '')).records;
    const value = (label: RegExp) => rows.find((r) => label.test(r[1]))?.[4];
    expect(value(/^实际收取金额/)).toBe('2230');
    expect(value(/^导入记录/)).toMatch(
      /从「005\.txt」（文本）导入：表格数字 200 个；补充信息数字：实际收取金额；文字：一、总体情况、/,
    );
  }, 60_000);

  it('a hand-typed 补充信息 text that disagrees with the tables is an error in validate', async () => {
    const out = join(dir, 'gx.xlsx');
    expect(await importCommand.run([join(SAMPLES_DIR, 'published-2021-gaoxinqu.txt'), '-o', out], quiet)).toBe(0);
    expect((await validateWorkbookFile(out, FORMAT)).json.findings.filter((f) => f.rule.startsWith('N.'))).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const host = new XlsxHost(workbook);
    await host.writeNamedValues(new Map([[sup('text_other'), '本年度共收到政府信息公开申请3件。']]));
    writeFileSync(out, await host.toBuffer());
    const v = await validateWorkbookFile(out, FORMAT);
    const f = v.json.findings.filter((x) => x.rule.startsWith('N.'));
    expect(f.map((x) => [x.rule, x.severity, x.cells[0].table, x.cells[0].row])).toEqual([
      ['N.apply', 'error', 'SUP', '六、其他需要报告的事项'],
    ]);
    expect(v.json.summary.errors).toBe(1);
  }, 60_000);

  it('audit counts them on its row and in a CSV column added at the end', async () => {
    const row = await auditFile(join(SAMPLES_DIR, 'real/005.txt'));
    expect([row.narrative, row.rules['N.review'], row.rules['N.litigation']]).toEqual([2, 1, 1]);
    expect(AUDIT_CSV_COLUMNS.slice(-1)).toEqual(['文字与表格不一致']);
    const cells = parseCsv(`${auditCsvLine(row)}\r\n`).records[0];
    expect(cells).toHaveLength(AUDIT_CSV_COLUMNS.length);
    expect(cells[AUDIT_CSV_COLUMNS.length - 1]).toBe('2');
    const r002 = await auditFile(join(SAMPLES_DIR, 'real/002.txt'));
    expect(r002.rules['N.apply']).toBe(1);
  }, 60_000);
});

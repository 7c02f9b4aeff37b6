// The template as another spreadsheet program sees it: LibreOffice Calc opens it, prints three A4 pages (one per
// table) with the official labels, and a copy saved by LibreOffice still validates through its names.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { T3_ROWS, T4_TITLE } from '../../src/report';
import { runCli } from '../support/run-cli';
import { openWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import { convertWithLibreOffice } from '../support/libreoffice';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));

describe('the template in LibreOffice Calc', () => {
  const file = join(dir, 'report.xlsx');

  beforeAll(async () => {
    await runCli('template', '-o', file, '--agency', '某市交通运输局', '--year', '2025');
    const opened = await openWorkbookFile(file);
    if (!opened.ok) throw new Error(opened.reason);
    await opened.host.writeNamedValues(
      new Map([
        ['nb_t3_new_person', 5],
        ['nb_t3_new_total', 4],
      ]),
    );
    writeFileSync(file, await opened.host.toBuffer());
  });

  it('converts to a PDF of three A4 pages that carry the official labels', () => {
    convertWithLibreOffice(file, 'pdf', dir);
    const pdf = join(dir, 'report.pdf');
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(/Pages:\s+3/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, '');
    for (const label of [
      '政府信息公开工作年度报告',
      '某市交通运输局',
      T4_TITLE,
      T3_ROWS[0].label,
      '结转下年度继续办理',
    ])
      expect(text).toContain(label.replace(/\s+/g, ''));
  });

  it('a copy saved by LibreOffice keeps the names, the values and the findings', async () => {
    const out = join(dir, 'lo');
    convertWithLibreOffice(file, 'xlsx:Calc MS Excel 2007 XML', out);
    const r = await runCli('validate', join(out, 'report.xlsx'), '--json');
    const json = JSON.parse(r.out);
    expect(json.error).toBeUndefined();
    expect(r.code).toBe(1);
    expect(json.findings.find((f: { rule: string }) => f.rule === 'T3.row').message).toBe(
      '表三「一、本年新收政府信息公开申请数量」行：总计为 4，但各列之和为 5',
    );
  });
});

// The template as another spreadsheet program sees it: LibreOffice Calc opens it, prints three A4 pages (one per
// table) with the official labels, and a copy saved by LibreOffice still validates through its names.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { T2_TITLE, T3_ROWS, T3_TITLE, T4_TITLE } from '../../src/report';
import { runCli } from '../support/run-cli';
import { openWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import { convertWithLibreOffice } from '../support/libreoffice';
import { TOOLS, requireTool } from '../support/system-tools';
import { suiteTempDir } from '../support/temp-dir';

// LibreOffice converts in its own process (convertWithLibreOffice allows it 120 s): it starts in seconds alone, but
// this CPU-bound work, not a wait, overran Jest's 30 s default on a loaded 2-core machine.
jest.setTimeout(180_000);
const dir = suiteTempDir('nianbao-lo-');

describe('the template in LibreOffice Calc', () => {
  const file = join(dir, 'report.xlsx');

  beforeAll(async () => {
    await runCli('template', '-o', file, '--agency', '某市交通运输局', '--year', '2025');
    const opened = await openWorkbookFile(file);
    if (!opened.ok) throw new Error(opened.reason);
    await opened.host.writeNamedValues(
      // A whole row, so its sum is asserted (a row with blanks is 未填完): the parts add up to 5, the total says 4.
      new Map([
        ['nb_t3_new_person', 5],
        ...['business', 'research', 'charity', 'legal', 'other'].map((c) => [`nb_t3_new_${c}`, 0] as const),
        ['nb_t3_new_total', 4],
      ]),
    );
    writeFileSync(file, await opened.host.toBuffer());
  });

  it('prints each table on its own A4 page, with the official labels', () => {
    convertWithLibreOffice(file, 'pdf', dir);
    const pdf = join(dir, 'report.pdf');
    const info = execFileSync(requireTool(TOOLS.pdfinfo), [pdf]).toString();
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const page = (n: number) =>
      execFileSync(requireTool(TOOLS.pdftotext), ['-layout', '-f', String(n), '-l', String(n), pdf, '-'])
        .toString()
        .replace(/\s+/g, '');
    const [p1, p2, p3] = [page(1), page(2), page(3)];
    expect(p1).toContain('政府信息公开工作年度报告');
    expect(p1).toContain('某市交通运输局');
    expect(p1).toContain(T2_TITLE);
    expect(p1).not.toContain(T3_TITLE);
    expect(p2).toContain(T3_TITLE);
    for (const row of T3_ROWS) expect(p2).toContain(row.label.replace(/\s+/g, ''));
    expect(p2).not.toContain(T4_TITLE);
    expect(p3).toContain(T4_TITLE);
    expect(p3).toContain('复议后起诉');
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

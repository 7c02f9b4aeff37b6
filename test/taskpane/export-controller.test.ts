// 导出 over the real .xlsx host: the .docx is built as a Blob (no Node Buffer, as in a browser) and its
// document.xml holds the title and the saved narrative; the .html too; the file goes through host.saveFile when the
// host has one; refusals are in Chinese.
import JSZip from 'jszip';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { splitSheetRef } from '../../src/report';
import { ExportController, exportFileName } from '../../src/taskpane/export/export-controller';
import { NarrativeController } from '../../src/taskpane/narrative/narrative-controller';
import { ReportController } from '../../src/taskpane/report-controller';

const TITLE = '某某县人民政府办公室2025年政府信息公开工作年度报告';

async function setNamed(host: XlsxHost, name: string, value: string | number) {
  const n = (await host.listNames()).find((x) => x.name === name)!;
  const at = splitSheetRef(n.ref!)!;
  host.workbook.getWorksheet(at.sheet)!.getCell(at.range).value = value;
}

async function documentXml(blob: Blob): Promise<string> {
  const zip = await JSZip.loadAsync(await blob.arrayBuffer());
  return zip.file('word/document.xml')!.async('string');
}

describe('ExportController', () => {
  let host: XlsxHost;
  let pane: ReportController;
  let narrative: NarrativeController;
  let delivered: { name: string; blob: Blob }[];
  let exporter: ExportController;

  beforeEach(async () => {
    host = new XlsxHost();
    pane = new ReportController(host);
    await pane.start();
    await pane.insertTemplate({ agency: '某某县人民政府办公室', year: '2025' });
    await setNamed(host, 'nb_t3_new_person', 4);
    await setNamed(host, 'nb_t3_new_total', 4);
    narrative = new NarrativeController(host, pane);
    delivered = [];
    exporter = new ExportController(host, pane, narrative, {
      deliver: async (name, blob) => void delivered.push({ name, blob }),
    });
  });
  afterEach(() => pane.dispose());

  it('names the file 机关名称+年度+政府信息公开工作年度报告, without characters a file name cannot hold', () => {
    const report = { agency: '某某局/办公室:', year: 2025 } as Parameters<typeof exportFileName>[0];
    expect(exportFileName(report, 'docx')).toBe('某某局办公室2025年政府信息公开工作年度报告.docx');
  });

  it('builds a .docx blob whose document.xml has the title and the narrative read just now', async () => {
    narrative.edit('apply', '本年度收到申请{{申请.本年新收}}件。');
    await narrative.save('apply');
    // Edited after the last read: the export reads again.
    await setNamed(host, 'nb_t3_new_person', 6);
    await setNamed(host, 'nb_t3_new_total', 6);

    // The fixture's 表三 is half filled (columns do not balance yet): the user confirmed 仍然导出.
    expect(await exporter.export('docx', { allowErrors: true })).toBe(true);
    expect(delivered).toHaveLength(1);
    const { name, blob } = delivered[0];
    expect(name).toBe(`${TITLE}.docx`);
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(blob.size).toBeGreaterThan(5000);
    const xml = await documentXml(blob);
    expect(xml).toContain(TITLE);
    expect(xml).toContain('本年度收到申请6件。');
    expect(exporter.getState().message?.lines[0]).toMatch(new RegExp(`^已生成「${TITLE}\\.docx」（\\d+\\.\\d KB）。$`));
  });

  it('builds the .html page and says what the user should check', async () => {
    narrative.edit('open', '主动公开{{主动公开.总数}}条。');
    expect(await exporter.export('html', { allowErrors: true })).toBe(true);
    const { name, blob } = delivered[0];
    expect(name).toBe(`${TITLE}.html`);
    const html = await blob.text();
    expect(html).toContain(`<title>${TITLE}</title>`);
    expect(exporter.getState().message).toMatchObject({ tone: 'warning' });
    expect(exporter.getState().message!.lines).toContain(
      '「叙述」页有未保存的模板修改：导出使用工作簿中已保存的模板。',
    );
  });

  it('hands the file to host.saveFile when the host has one', async () => {
    const saved: string[] = [];
    const withSave = Object.assign(host, {
      saveFile: async (n: string, b: Blob) => void saved.push(`${n}:${b.size > 0}`),
    });
    const viaHost = new ExportController(withSave, pane, narrative);
    expect(await viaHost.export('html', { allowErrors: true })).toBe(true);
    expect(saved).toEqual([`${TITLE}.html:true`]);
  });

  it('refuses in Chinese when the workbook has no template', async () => {
    const empty = new XlsxHost();
    const emptyPane = new ReportController(empty);
    await emptyPane.start();
    const ex = new ExportController(empty, emptyPane, new NarrativeController(empty, emptyPane), {
      deliver: async () => void delivered.push({ name: 'x', blob: new Blob() }),
    });
    expect(await ex.export('docx')).toBe(false);
    expect(delivered).toEqual([]);
    expect(ex.getState().message).toEqual({
      tone: 'error',
      lines: ['工作簿中没有年报模板，未导出：请先在「模板」页插入模板并填写。'],
    });
  });

  it('asks before exporting a report with errors, listing them; 仍然导出 exports, 取消 does not (#11.4)', async () => {
    // A finished row (the other parts 0) whose total is 9 against 4: an error (a row with blanks is 未填完).
    for (const c of ['business', 'research', 'charity', 'legal', 'other']) await setNamed(host, `nb_t3_new_${c}`, 0);
    await setNamed(host, 'nb_t3_new_total', 9);
    expect(await exporter.export('docx')).toBe(false);
    expect(delivered).toEqual([]);
    const q = exporter.getState().question;
    expect(q).toMatchObject({ kind: 'errors', export: 'docx' });
    const listed = q?.kind === 'errors' ? q.lines.filter((l) => l.startsWith('错误  ')) : [];
    expect(q?.kind === 'errors' && q.title).toBe(`报告还有 ${listed.length} 个错误，尚未导出`);
    // Written by hand from the format: 表三 row 一 says 总计 9 while its columns add up to 4.
    expect(q?.kind === 'errors' && q.lines).toContain(
      '错误  表三「一、本年新收政府信息公开申请数量」行：总计为 9，但各列之和为 4',
    );
    // Blanks are shown too: 202 inputs, 机关名称, 年度 and the seven cells of 表三 row 一 filled.
    expect(q?.kind === 'errors' && q.lines.join('\n')).toContain('193 个填报单元格为空白');
    exporter.cancel();
    expect(exporter.getState().question).toBeNull();
    expect(delivered).toEqual([]);

    expect(await exporter.export('docx', { allowErrors: true })).toBe(true);
    expect(delivered.map((d) => d.name)).toEqual([`${TITLE}.docx`]);
  });

  it('asks for 机关名称 and 年度 when the title lacks them, writes them to the sheet, and names the file after them', async () => {
    const bare = new XlsxHost();
    const barePane = new ReportController(bare);
    await barePane.start();
    await barePane.insertTemplate({ agency: '', year: '' });
    const got: string[] = [];
    const ex = new ExportController(bare, barePane, new NarrativeController(bare, barePane), {
      deliver: async (name) => void got.push(name),
    });
    expect(await ex.export('html')).toBe(false);
    expect(ex.getState().question).toEqual({ kind: 'title', export: 'html', missing: ['agency', 'year'] });
    expect(got).toEqual([]);

    expect(await ex.supplyTitle('某某镇人民政府', '二〇二五')).toBe(false);
    expect(ex.getState().message?.lines).toEqual(['年度应为 2021 年以后的四位年份，如 2025']);
    expect(got).toEqual([]);

    expect(await ex.supplyTitle('某某镇人民政府', '2025')).toBe(true);
    expect(got).toEqual(['某某镇人民政府2025年政府信息公开工作年度报告.html']);
    const read = await bare.readNamedCells(['nb_agency', 'nb_year']);
    expect(read.values).toEqual([
      { kind: 'text', text: '某某镇人民政府' },
      { kind: 'number', value: 2025 },
    ]);
    barePane.dispose();
  });
});

// 导入已发布的报告 over the real .xlsx host: the preview writes nothing, 填入模板 fills the named cells (inserting the
// template first when asked), and a cell that already holds something else is never overwritten without the user.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { TABLE_NAMES, input, planTemplate, splitSheetRef, type CellContent } from '../../src/report';
import { importReport } from '../../src/report/import';
import { importedValues } from '../../src/taskpane/import/fill-plan';
import { ReportController } from '../../src/taskpane/report-controller';

const SAMPLE = readFileSync(join(__dirname, '..', 'fixtures', 'samples', 'published-2021-gaoxinqu.txt'), 'utf8');
const IMPORTED = importReport(SAMPLE);
const EXPECTED = importedValues(IMPORTED);
/** With the 补充信息 figures and texts the sample's words give (checked by hand below). */
const EXPECTED_ALL = importedValues(IMPORTED, IMPORTED.supplement);
const AGENCY = input('META', 'agency').name;
const PERSON_NEW = input('T3', 'new', 'person').name;
const PERSON_CARRY = input('T3', 'carry', 'person').name;

async function cellsOf(host: XlsxHost, names: readonly string[]): Promise<Map<string, CellContent>> {
  const read = await host.readNamedCells(names);
  return new Map(names.map((n, i) => [n, read.values[i]]));
}

async function setCell(host: XlsxHost, name: string, value: string | number): Promise<void> {
  const n = (await host.listNames()).find((x) => x.name === name)!;
  const at = splitSheetRef(n.ref!)!;
  host.workbook.getWorksheet(at.sheet)!.getCell(at.range).value = value;
}

const plain = (c: CellContent | undefined) => (c?.kind === 'number' ? c.value : c?.kind === 'text' ? c.text : null);

describe('ImportController', () => {
  let host: XlsxHost;
  let controller: ReportController;

  beforeEach(async () => {
    host = new XlsxHost();
    controller = new ReportController(host);
    await controller.start();
  });
  afterEach(() => controller.dispose());

  it('previews the seed sample without writing anything', async () => {
    const preview = (await controller.imports.readText(SAMPLE, null))!;
    expect(preview.agency).toBe('高新区管委会办公室');
    expect(preview.year).toBe(2021);
    expect(preview.formatVersion).toBe('2021');
    expect(preview.tables.map((t) => [t.title, t.placed === t.total])).toEqual([
      [TABLE_NAMES.T2, true],
      [TABLE_NAMES.T3, true],
      [TABLE_NAMES.T4, true],
    ]);
    // Every diagnostic is shown, grouped by table, each naming the table in its text.
    const shown = preview.diagnostics.flatMap((g) => g.diagnostics);
    expect(shown).toHaveLength(preview.result.diagnostics.length);
    expect(shown.length).toBeGreaterThan(0);
    for (const g of preview.diagnostics)
      if (g.title) for (const d of g.diagnostics) expect(d.message).toContain(g.title);
    expect(preview.counts.error).toBe(0);
    expect(controller.imports.getState().step.kind).toBe('preview');
    expect(host.workbook.worksheets).toHaveLength(0);
    expect(controller.imports.narrative()?.overall).toContain('主动公开');
  });

  it('refuses text that holds no report tables, and an empty paste', async () => {
    expect(await controller.imports.readText('会议纪要\n今天开会。', null)).toBeNull();
    expect(controller.imports.getState().message?.text).toContain('没有找到年报的表格');
    controller.imports.setDraft('   ');
    expect(await controller.imports.readDraft()).toBeNull();
    expect(controller.imports.getState().message?.text).toBe('请先粘贴年报全文，或选择一个文件。');
  });

  it('offers to insert the template first, then fills every named cell with the imported values', async () => {
    await controller.imports.readText(SAMPLE, null);
    await controller.imports.fill();
    expect(controller.imports.getState().step.kind).toBe('needTemplate');
    expect(await host.sheetNames()).toEqual([]);

    await controller.imports.insertTemplateAndFill();

    const state = controller.imports.getState();
    expect(state.step).toMatchObject({ kind: 'done', written: EXPECTED_ALL.size - 2, same: 2, kept: 0 });
    const cells = await cellsOf(host, [...EXPECTED_ALL.keys()]);
    for (const [name, value] of EXPECTED_ALL) expect([name, plain(cells.get(name))]).toEqual([name, value]);
    // The sample says: 主动公开政府信息422条 … 监督检查2次 … 教育培训4次; and the 导入记录 says it was imported.
    const sup = await cellsOf(host, ['nb_sup_open_total', 'nb_sup_inspections', 'nb_sup_trainings', 'nb_sup_imported']);
    expect([1, 2, 3].map((i) => plain([...sup.values()][i - 1]))).toEqual([422, 2, 4]);
    expect(plain(sup.get('nb_sup_imported'))).toMatch(
      /从粘贴的文本（文本）导入：表格数字 200 个；补充信息数字：主动公开信息总数、.*监督检查次数.*；文字：/,
    );
    expect(controller.getState().template.kind).toBe('found');
    expect(controller.getState().counts.error).toBe(0);
  });

  describe('in a template the user has started', () => {
    beforeEach(async () => {
      await host.applyEdits(planTemplate({ sheet: '年报', year: 2021 }));
      await setCell(host, AGENCY, '某某区办公室');
      await setCell(host, PERSON_NEW, 99);
      await controller.refresh();
      await controller.imports.readText(SAMPLE, null);
      await controller.imports.fill();
    });

    it('lists the cells that hold other values and writes nothing until the user chooses', async () => {
      const step = controller.imports.getState().step;
      if (step.kind !== 'conflicts') throw new Error(`expected conflicts, got ${step.kind}`);
      expect(step.plan.conflicts.map((c) => [c.name, plain(c.current), c.imported])).toEqual([
        [AGENCY, '某某区办公室', '高新区管委会办公室'],
        [PERSON_NEW, 99, EXPECTED.get(PERSON_NEW)],
      ]);
      const cells = await cellsOf(host, [PERSON_CARRY]);
      expect(cells.get(PERSON_CARRY)).toEqual({ kind: 'blank' });
    });

    it('只填空白单元格 fills the blanks and keeps what the user typed', async () => {
      await controller.imports.resolve('blanksOnly');
      const cells = await cellsOf(host, [AGENCY, PERSON_NEW, PERSON_CARRY]);
      expect(plain(cells.get(AGENCY))).toBe('某某区办公室');
      expect(plain(cells.get(PERSON_NEW))).toBe(99);
      expect(plain(cells.get(PERSON_CARRY))).toBe(EXPECTED.get(PERSON_CARRY));
      expect(controller.imports.getState().step).toMatchObject({ kind: 'done', kept: 2 });
    });

    it('覆盖 writes the imported values over the listed cells', async () => {
      await controller.imports.resolve('overwrite');
      const cells = await cellsOf(host, [AGENCY, PERSON_NEW]);
      expect(plain(cells.get(AGENCY))).toBe('高新区管委会办公室');
      expect(plain(cells.get(PERSON_NEW))).toBe(EXPECTED.get(PERSON_NEW));
      expect(controller.getState().counts.error).toBe(0);
    });

    it('取消 writes nothing', async () => {
      await controller.imports.resolve('cancel');
      const cells = await cellsOf(host, [AGENCY, PERSON_CARRY]);
      expect(plain(cells.get(AGENCY))).toBe('某某区办公室');
      expect(cells.get(PERSON_CARRY)).toEqual({ kind: 'blank' });
      expect(controller.imports.getState()).toMatchObject({
        step: { kind: 'preview' },
        message: { text: '已取消，未写入任何值。' },
      });
    });

    it('覆盖 asks again when a cell changed after the list was shown', async () => {
      await setCell(host, PERSON_CARRY, 7);
      await controller.imports.resolve('overwrite');
      const step = controller.imports.getState().step;
      expect(step.kind).toBe('conflicts');
      if (step.kind === 'conflicts') expect(step.plan.conflicts.map((c) => c.name)).toContain(PERSON_CARRY);
      const cells = await cellsOf(host, [AGENCY, PERSON_CARRY]);
      expect(plain(cells.get(AGENCY))).toBe('某某区办公室');
      expect(plain(cells.get(PERSON_CARRY))).toBe(7);
    });
  });

  describe('reading a chosen file', () => {
    it('reads a GB18030 text file like the UTF-8 one', async () => {
      const file = new File([new Uint8Array(iconv.encode(SAMPLE, 'gb18030'))], '年报.txt');
      const preview = await controller.imports.readFile(file);
      expect(preview?.agency).toBe('高新区管委会办公室');
      expect(importedValues(preview!.result)).toEqual(EXPECTED);
      expect(preview?.sourceName).toBe('年报.txt');
    });

    it.each([
      ['年报.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), '不支持文件「年报.doc」'],
      ['年报.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), '不是有效的 Word 文档'],
      ['年报.pdf', new TextEncoder().encode('%PDF-1.4 broken'), '不是有效的 PDF 文件'],
      ['年报.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), '是一个压缩包'],
      ['年报.html', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), '是一个 PDF 文件'],
      ['年报.txt', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) % 32), '二进制数据'],
      ['年报.txt', new Uint8Array(0), '是空的'],
    ])('refuses %s (%#)', async (name, bytes, reason) => {
      const preview = await controller.imports.readFile(new File([bytes], name));
      expect(preview).toBeNull();
      expect(controller.imports.getState().message?.text).toContain(reason);
      expect(controller.imports.getState().step.kind).toBe('empty');
    });

    it('refuses an oversized file before reading it', async () => {
      const big = new File([new Uint8Array(8 * 1024 * 1024 + 1)], 'big.txt');
      expect(await controller.imports.readFile(big)).toBeNull();
      expect(controller.imports.getState().message?.text).toMatch(/过大（8\.0 MB），上限为 8\.0 MB/);
    });
  });
});

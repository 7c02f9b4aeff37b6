// 叙述 over the real .xlsx host: 插入模板 writes both sheets in one batch; a template is edited, previewed, saved into
// its 补充信息 cell and read back from the saved file; a refused template keeps its text; N.* findings point at the
// narrative cell.
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { openWorkbookBuffer } from '../../src/hosts/xlsx/read-workbook';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import {
  DEFAULT_TEMPLATES,
  SUPPLEMENT_NAMES,
  SUPPLEMENT_SHEET_NAME,
  TEMPLATE_FIELDS,
  TEXT_FIELDS,
  formatTemplateProblem,
  planSupplement,
  planTemplate,
  splitSheetRef,
  supplementFromValues,
} from '../../src/report';
import { NarrativeController } from '../../src/taskpane/narrative/narrative-controller';
import { ReportController } from '../../src/taskpane/report-controller';
import { FakeExcel } from '../doubles/office-js/fake-excel';
import { until } from '../support/until';

async function refOf(host: XlsxHost, name: string) {
  const n = (await host.listNames()).find((x) => x.name === name);
  if (!n?.ref) throw new Error(`${name} points nowhere`);
  return splitSheetRef(n.ref)!;
}

async function cellValue(host: XlsxHost, name: string) {
  const at = await refOf(host, name);
  return host.workbook.getWorksheet(at.sheet)!.getCell(at.range).value;
}

async function setNamed(host: XlsxHost, name: string, value: string | number) {
  const at = await refOf(host, name);
  await host.userEdit(at.sheet, at.range, value);
}

/** Reopens the workbook from its saved bytes, as the next person to open the file would. */
async function reopened(host: XlsxHost): Promise<XlsxHost> {
  const opened = await openWorkbookBuffer(await host.toBuffer());
  if (!opened.ok) throw new Error(opened.reason);
  return opened.host;
}

const APPLY = TEMPLATE_FIELDS.apply.name;

describe('插入模板 writes the 补充信息 sheet too', () => {
  it('in the same applyEdits call, every nb_sup_* name on it', async () => {
    const host = new XlsxHost();
    const apply = jest.spyOn(host, 'applyEdits');
    const pane = new ReportController(host);
    await pane.start();
    expect(await pane.insertTemplate({ agency: '某某县人民政府办公室', year: '2025' })).toEqual({
      ok: true,
      sheet: '年报',
    });
    expect(apply).toHaveBeenCalledTimes(1);
    expect(await host.sheetNames()).toEqual(['年报', SUPPLEMENT_SHEET_NAME]);
    for (const n of SUPPLEMENT_NAMES) expect((await refOf(host, n)).sheet).toBe(SUPPLEMENT_SHEET_NAME);
    pane.dispose();
  });

  it('picks a free name when the user has a sheet called 补充信息, and leaves that sheet alone', async () => {
    const host = new XlsxHost();
    const own = host.workbook.addWorksheet(SUPPLEMENT_SHEET_NAME);
    own.getCell('A1').value = '我的补充材料';
    const pane = new ReportController(host);
    await pane.start();
    await pane.insertTemplate({ agency: '', year: '' });
    expect(await host.sheetNames()).toEqual([SUPPLEMENT_SHEET_NAME, '年报', `${SUPPLEMENT_SHEET_NAME}(2)`]);
    expect((await refOf(host, APPLY)).sheet).toBe(`${SUPPLEMENT_SHEET_NAME}(2)`);
    expect(own.getCell('A1').value).toBe('我的补充材料');
    expect(own.actualRowCount).toBe(1);
    pane.dispose();
  });

  it('keeps a 补充信息 sheet of ours that survived an earlier template, with the user’s text', async () => {
    const host = new XlsxHost();
    await host.applyEdits(planSupplement());
    await host.writeNamedValues(new Map([[TEXT_FIELDS.problems.name, '人员不足。']]));
    const pane = new ReportController(host);
    await pane.start();
    expect((await pane.insertTemplate({ agency: '', year: '' })).ok).toBe(true);
    expect(await host.sheetNames()).toEqual([SUPPLEMENT_SHEET_NAME, '年报']);
    expect(await cellValue(host, TEXT_FIELDS.problems.name)).toBe('人员不足。');
    pane.dispose();
  });

  it('stays within the Excel host’s three syncs for the two sheets (Office.js fake)', async () => {
    const fake = new FakeExcel();
    const restore = fake.install();
    try {
      const host = await ExcelHost.create({ echoWindowMs: 30 });
      const batches: number[] = [];
      const apply = host.applyEdits.bind(host);
      host.applyEdits = async (edits) => {
        const before = fake.syncCalls;
        await apply(edits);
        batches.push(fake.syncCalls - before);
      };
      const pane = new ReportController(host);
      await pane.start();
      expect((await pane.insertTemplate({ agency: '某某县人民政府办公室', year: '2025' })).ok).toBe(true);
      expect(batches.length).toBe(1);
      expect(batches[0]).toBeLessThanOrEqual(3);
      const names = (await host.listNames()).map((n) => n.name);
      expect(names).toEqual(expect.arrayContaining([...SUPPLEMENT_NAMES, 'nb_agency']));
      pane.dispose();
      // The host unsubscribes through Excel.run: wait until the fake holds no change handler.
      await until(
        () =>
          fake.doc.workbookChangedHandlers.size + fake.doc.sheets.reduce((n, s) => n + s.changedHandlers.size, 0) === 0,
        'the change handlers to be removed',
      );
    } finally {
      restore();
    }
  });
});

describe('NarrativeController on an .xlsx workbook', () => {
  let host: XlsxHost;
  let pane: ReportController;
  let narrative: NarrativeController;

  beforeEach(async () => {
    host = new XlsxHost();
    pane = new ReportController(host, { debounceMs: 5 });
    await pane.start();
    await pane.insertTemplate({ agency: '某某县人民政府办公室', year: '2025' });
    await setNamed(host, 'nb_t3_new_person', 7);
    await setNamed(host, 'nb_t3_new_business', 3);
    await setNamed(host, 'nb_t3_new_total', 10);
    await pane.refresh();
    narrative = new NarrativeController(host, pane, { previewMs: 5 });
  });
  afterEach(() => pane.dispose());

  const section = (id: string) => narrative.getState().sections.find((s) => s.id === id)!;

  it('shows each generated section live from the workbook values', async () => {
    const apply = section('apply');
    expect(apply.isDefault).toBe(true);
    expect(apply.stored).toBe(DEFAULT_TEMPLATES.apply);
    expect(apply.paragraphs.join('')).toContain('共收到政府信息公开申请10件');
    expect(narrative.getState().sections.map((s) => s.id)).toEqual(['open', 'apply', 'supervision', 'review', 'fee']);

    await setNamed(host, 'nb_t3_new_person', 17);
    await setNamed(host, 'nb_t3_new_total', 20);
    await pane.refresh();
    expect(section('apply').paragraphs.join('')).toContain('共收到政府信息公开申请20件');
  });

  it('previews an edit after a quiet moment, saves it into the 补充信息 cell, and the saved file has it', async () => {
    const text = '{{年度}}年，本机关收到申请{{申请.本年新收}}件，其中自然人{{申请.申请人.自然人}}件。';
    narrative.edit('apply', text);
    expect(section('apply').draft).toBe(text);
    await until(() => section('apply').preview?.[0] === '2025年，本机关收到申请10件，其中自然人7件。', 'the preview');
    expect(section('apply').preview).toEqual(['2025年，本机关收到申请10件，其中自然人7件。']);

    expect(await narrative.save('apply')).toBe(true);
    expect(await cellValue(host, APPLY)).toBe(text);
    expect(section('apply')).toMatchObject({ draft: null, isDefault: false, stored: text });
    expect(section('apply').paragraphs).toEqual(['2025年，本机关收到申请10件，其中自然人7件。']);
    expect(section('apply').message?.tone).toBe('success');

    const again = await reopened(host);
    expect(supplementFromValues((await again.readNamedCells(SUPPLEMENT_NAMES)).values).templates.apply).toBe(text);
    const pane2 = new ReportController(again);
    await pane2.start();
    const narrative2 = new NarrativeController(again, pane2);
    expect(narrative2.getState().sections.find((s) => s.id === 'apply')!.paragraphs).toEqual([
      '2025年，本机关收到申请10件，其中自然人7件。',
    ]);
    expect(narrative2.editorText('apply')).toBe(text);
  });

  it('keeps a refused template’s text, says where the problem is in Chinese, keeps the last good preview', async () => {
    narrative.edit('apply', '收到申请{{申请.本年新收}}件。');
    narrative.previewNow('apply');
    const broken = '收到申请{{申请.本年新收}}件。\n其中{{申请.申请人.自然然}}件';
    narrative.edit('apply', broken);
    narrative.previewNow('apply');
    const s = section('apply');
    expect(s.draft).toBe(broken);
    expect(s.preview).toEqual(['收到申请10件。']);
    expect(s.problems.length).toBeGreaterThan(0);
    expect(formatTemplateProblem(s.problems[0])).toMatch(/^第 2 行第 5 列：.*「自然然」.*自然人/);

    expect(await narrative.save('apply')).toBe(false);
    expect(section('apply').message).toMatchObject({ tone: 'error' });
    expect(section('apply').message!.text).toMatch(/^模板有误，未保存：第 2 行第 5 列/);
    expect(await cellValue(host, APPLY)).toBeNull();
    expect(narrative.editorText('apply')).toBe(broken);
    // A new read (the user edited the table) keeps the draft too.
    await setNamed(host, 'nb_year', 2024);
    await pane.refresh();
    expect(section('apply').draft).toBe(broken);
  });

  it('writes a template starting with = as text, and reads it back the same', async () => {
    const text = '=本机关收到申请{{申请.本年新收}}件。';
    narrative.edit('apply', text);
    expect(await narrative.save('apply')).toBe(true);
    expect(await cellValue(host, APPLY)).toBe(text);
    expect(section('apply').paragraphs).toEqual(['=本机关收到申请10件。']);
  });

  it('恢复默认 blanks the cell and the default is used again; saving the default text stores a blank', async () => {
    narrative.edit('fee', '本年度未收取信息处理费。');
    await narrative.save('fee');
    expect(await cellValue(host, TEMPLATE_FIELDS.fee.name)).toBe('本年度未收取信息处理费。');
    expect(await narrative.restoreDefault('fee')).toBe(true);
    expect(section('fee')).toMatchObject({ isDefault: true, stored: DEFAULT_TEMPLATES.fee, draft: null });
    expect(await cellValue(host, TEMPLATE_FIELDS.fee.name)).toBe('');

    narrative.edit('fee', DEFAULT_TEMPLATES.fee);
    await narrative.save('fee');
    expect(await cellValue(host, TEMPLATE_FIELDS.fee.name)).toBe('');
    expect(section('fee').message?.text).toContain('使用默认模板');
  });

  it('lists an N.* finding of a typed part, pointing at its 补充信息 cell, and selects it', async () => {
    const cell = TEXT_FIELDS.management.name;
    await setNamed(host, cell, '本年度共收到政府信息公开申请12件，均已按时答复。');
    await pane.refresh();
    const findings = narrative.getState().findings;
    expect(findings.map((f) => [f.rule, f.cells[0]])).toEqual([['N.apply', cell]]);
    expect(findings[0].message).toContain('10');
    await narrative.selectFinding(findings[0]);
    expect(host.selection[0]).toBe(`${SUPPLEMENT_SHEET_NAME}!${(await refOf(host, cell)).range}`);

    await setNamed(host, cell, '本年度共收到政府信息公开申请10件，均已按时答复。');
    await pane.refresh();
    expect(narrative.getState().findings).toEqual([]);
  });
});

describe('a workbook whose template predates the 补充信息 sheet', () => {
  it('says so when saving, adds the sheet on request, then saves', async () => {
    const host = new XlsxHost();
    await host.applyEdits(planTemplate({ sheet: '年报' }));
    const pane = new ReportController(host);
    await pane.start();
    const narrative = new NarrativeController(host, pane);
    expect(narrative.getState()).toMatchObject({ template: 'found', hasSupplement: false });

    narrative.edit('apply', '共{{申请.本年新收}}件。');
    expect(await narrative.save('apply')).toBe(false);
    const s = narrative.getState().sections.find((x) => x.id === 'apply')!;
    expect(s.message).toMatchObject({ tone: 'warning', action: 'addSheet' });
    expect(s.draft).toBe('共{{申请.本年新收}}件。');
    expect(await host.sheetNames()).toEqual(['年报']);

    expect(await narrative.addSupplementSheet('apply')).toBe(true);
    expect(narrative.getState().hasSupplement).toBe(true);
    expect(await narrative.save('apply')).toBe(true);
    expect(await cellValue(host, APPLY)).toBe('共{{申请.本年新收}}件。');
    pane.dispose();
  });
});

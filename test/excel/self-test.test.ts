// 自检 on Excel through the Office.js fake: every capability the product relies on is tried on a scratch sheet and
// named in the report; the scratch sheets and names are gone afterwards, the user is back on their sheet, and a host
// without the change event says so instead of passing.
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { SELF_TEST_NAMES } from '../../src/hosts/self-test/run-self-test';
import { SELF_TEST_CHECKS, formatSelfTestReport, selfTestPassed } from '../../src/hosts/self-test/self-test-report';
import { planTemplate } from '../../src/report';
import { FakeExcel, type FakeExcelOptions } from '../doubles/office-js/fake-excel';

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

async function excelWithTemplate(options: FakeExcelOptions = {}) {
  const fake = new FakeExcel(options);
  restore = fake.install();
  const host = await ExcelHost.create({ echoWindowMs: 10 });
  await host.applyEdits(planTemplate({ sheet: '年报' }));
  return { fake, host };
}

describe('自检 in Excel (Office.js fake)', () => {
  it('passes every check, names each capability, and leaves the workbook as it was', async () => {
    const { fake, host } = await excelWithTemplate();
    const sheetsBefore = await host.sheetNames();
    const namesBefore = (await host.listNames()).length;
    const active = fake.activeSheetName();

    const report = await host.runSelfTest();

    expect(report.checks.map((c) => [c.id, c.outcome])).toEqual(Object.keys(SELF_TEST_CHECKS).map((id) => [id, 'ok']));
    expect(report.checks.find((c) => c.id === 'pasteEvent')?.detail).toMatch(/onChanged，区域 .*C4:D5/);
    expect(selfTestPassed(report)).toBe(true);
    expect(report.host).toBe('Excel（PC）');
    expect(report.version).toBe('16.0 (fake)');
    expect(report.apiSets).toEqual(['ExcelApi 1.1–1.17']);
    const text = formatSelfTestReport(report);
    for (const label of Object.values(SELF_TEST_CHECKS)) expect(text).toContain(`✓ ${label}`);
    expect(text).toContain('结果：全部通过');

    expect(await host.sheetNames()).toEqual(sheetsBefore);
    const names = (await host.listNames()).map((n) => n.name);
    expect(names).toHaveLength(namesBefore);
    for (const n of SELF_TEST_NAMES) expect(names).not.toContain(n);
    expect(fake.activeSheetName()).toBe(active);
  });

  it('reports the change event as not probed below ExcelApi 1.7, and the rest still runs', async () => {
    const { host } = await excelWithTemplate({ apiVersion: '1.6' });
    const report = await host.runSelfTest();
    const by = new Map(report.checks.map((c) => [c.id, c]));
    expect(by.get('typingEvent')).toMatchObject({ outcome: 'not-probed', detail: expect.stringContaining('1.7') });
    expect(by.get('pasteEvent')?.outcome).toBe('not-probed');
    expect(by.get('twoRules')?.outcome).toBe('ok');
    expect(report.apiSets).toEqual(['ExcelApi 1.1–1.6']);
    expect(formatSelfTestReport(report)).toContain(`— ${SELF_TEST_CHECKS.typingEvent}`);
  });

  it('says which check failed, with Excel’s error, when a capability is refused', async () => {
    const { fake, host } = await excelWithTemplate();
    // A workbook that refuses new sheets (an internal error here) stands in for a host rejecting the scratch sheet.
    const add = fake.doc.addSheet.bind(fake.doc);
    fake.doc.addSheet = () => {
      throw new Error('refused');
    };
    try {
      const report = await host.runSelfTest();
      expect(selfTestPassed(report)).toBe(false);
      expect(report.checks[0]).toMatchObject({ id: 'sheet', outcome: 'failed' });
      expect(report.checks[0].detail).toMatch(/^写入模板失败：.*（GeneralException）$/);
      expect(report.checks.filter((c) => c.outcome === 'not-probed').length).toBe(8);
      expect(formatSelfTestReport(report)).toMatch(/结果：\d 项未通过/);
    } finally {
      fake.doc.addSheet = add;
    }
  });
});

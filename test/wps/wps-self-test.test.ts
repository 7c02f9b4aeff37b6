// 自检 on WPS through the ET double: every capability the product relies on is tried on a scratch sheet and named in
// the report; scratch sheets and names are removed, the user is back on their sheet; a WPS that sends no SheetChange
// for code writes is reported as "not probed" with what to try by hand, never as a pass.
import { SELF_TEST_NAMES } from '../../src/hosts/self-test/run-self-test';
import { SELF_TEST_CHECKS, formatSelfTestReport, selfTestPassed } from '../../src/hosts/self-test/self-test-report';
import { WpsHost } from '../../src/hosts/wps/wps-host';
import { planTemplate } from '../../src/report';
import { EtDouble, type EtDoubleOptions } from '../doubles/wps-et';

async function wpsWithTemplate(options: EtDoubleOptions = {}) {
  const et = new EtDouble(options);
  const host = new WpsHost(et.application('taskpane:1') as never, { events: { channel: null } });
  await host.applyEdits(planTemplate({ sheet: '年报' }));
  return { et, host };
}

describe('自检 in WPS (ET double)', () => {
  it('passes every check, names each capability, and leaves the workbook as it was', async () => {
    const { et, host } = await wpsWithTemplate();
    const sheetsBefore = await host.sheetNames();
    const namesBefore = (await host.listNames()).length;
    const active = et.activeSheet;

    const report = await host.runSelfTest();

    expect(report.checks.map((c) => [c.id, c.outcome])).toEqual(Object.keys(SELF_TEST_CHECKS).map((id) => [id, 'ok']));
    expect(report.checks.find((c) => c.id === 'pasteEvent')?.detail).toMatch(/SheetChange，区域 \$C\$4:\$D\$5/);
    expect(selfTestPassed(report)).toBe(true);
    expect(report.host).toBe('WPS 表格 (double)');
    expect(report.version).toBe('double');
    expect(report.apiSets[0]).toContain('ApiEvent');
    const text = formatSelfTestReport(report);
    for (const label of Object.values(SELF_TEST_CHECKS)) expect(text).toContain(`✓ ${label}`);

    expect(await host.sheetNames()).toEqual(sheetsBefore);
    const names = (await host.listNames()).map((n) => n.name);
    expect(names).toHaveLength(namesBefore);
    for (const n of SELF_TEST_NAMES) expect(names).not.toContain(n);
    expect(et.activeSheet).toBe(active);
    expect(et.sheet(active).gridlines).toBe(false);
  });

  it('says the change event could not be probed when WPS sends none for code writes', async () => {
    const { host } = await wpsWithTemplate({ programmaticEvents: 'off' });
    const report = await host.runSelfTest();
    const typing = report.checks.find((c) => c.id === 'typingEvent')!;
    expect(typing.outcome).toBe('not-probed');
    expect(typing.detail).toMatch(/手动输入一个数字/);
    expect(selfTestPassed(report)).toBe(true);
    expect(formatSelfTestReport(report)).toContain(`— ${SELF_TEST_CHECKS.typingEvent}`);
  });

  it('reports a sheet it could not remove', async () => {
    const { et, host } = await wpsWithTemplate();
    // A WPS that refuses to delete the scratch sheets.
    const proto = Object.getPrototypeOf(et.application().ActiveWorkbook!.Worksheets.Item(1)) as { Delete(): void };
    const del = proto.Delete;
    proto.Delete = () => {
      throw new Error('ET double: 不允许删除');
    };
    try {
      const report = await host.runSelfTest();
      const cleanup = report.checks.find((c) => c.id === 'cleanup')!;
      expect(cleanup.outcome).toBe('failed');
      expect(cleanup.detail).toContain('不允许删除');
      expect(selfTestPassed(report)).toBe(false);
    } finally {
      proto.Delete = del;
    }
  });
});

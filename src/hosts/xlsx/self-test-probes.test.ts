// 自检 over a .xlsx workbook: the product's own writes checked, the events reported as not probed (a file has none),
// and the scratch sheets and names removed.
import { XlsxHost } from './xlsx-host';
import { planTemplate } from '../../report';

it('runs the self-test on an ExcelJS workbook and leaves it as it was', async () => {
  const host = new XlsxHost();
  await host.applyEdits(planTemplate({ sheet: '年报' }));
  const before = await host.sheetNames();
  const report = await host.runSelfTest();
  const outcome = Object.fromEntries(report.checks.map((c) => [c.id, c.outcome]));
  expect(outcome).toEqual({
    sheet: 'ok',
    names: 'ok',
    values: 'ok',
    ruleFormula: 'ok',
    twoRules: 'ok',
    typingEvent: 'not-probed',
    pasteEvent: 'not-probed',
    protection: 'ok',
    hiddenSheet: 'ok',
    cleanup: 'ok',
  });
  expect(await host.sheetNames()).toEqual(before);
  expect((await host.listNames()).filter((n) => n.name.startsWith('nianbao_selftest'))).toEqual([]);
});

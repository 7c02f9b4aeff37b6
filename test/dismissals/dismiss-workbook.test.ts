// A warning dismissed in the pane (the controller over the real .xlsx host) is stored in the workbook's 补充信息
// and read by the CLI: `validate --json` lists it with "dismissed": {"reason"}, the text output marks it, `audit`
// counts it apart; changing a value it read brings it back; errors cannot be dismissed; 恢复 takes it back.
import { join } from 'node:path';
import { INPUT_CELLS } from '../../src/report';
import { openWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import type { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { ReportController } from '../../src/taskpane/report-controller';
import { parseCsv } from '../../src/cli/audit/audit-csv';
import { runCli } from '../support/run-cli';
import { suiteTempDir } from '../support/temp-dir';
import { cellByName, loadWorkbook } from '../support/workbook-by-names';
import { readFileSync } from 'node:fs';

const dir = suiteTempDir('nianbao-dismiss-');
const REASON = '两件规章已被上位法取代而失效';

/** A template from the CLI, every input 0, and 规章 5 made / 3 in force (the T2.inforce warning). */
async function reportWithWarning(name: string, made = 5): Promise<string> {
  const path = join(dir, name);
  expect((await runCli('template', '-o', path, '--agency', '某某县人民政府办公室', '--year', '2025')).code).toBe(0);
  const wb = await loadWorkbook(path);
  for (const c of INPUT_CELLS) if (c.kind === 'count' || c.kind === 'amount') cellByName(wb, c.name).value = 0;
  cellByName(wb, 'nb_t2_rule_made').value = made;
  cellByName(wb, 'nb_t2_rule_inforce').value = 3;
  await wb.xlsx.writeFile(path);
  return path;
}

async function openController(path: string): Promise<{ host: XlsxHost; controller: ReportController }> {
  const opened = await openWorkbookFile(path);
  if (!opened.ok) throw new Error(opened.reason);
  const controller = new ReportController(opened.host);
  await controller.start();
  return { host: opened.host, controller };
}

async function setMade(path: string, value: number) {
  const wb = await loadWorkbook(path);
  cellByName(wb, 'nb_t2_rule_made').value = value;
  await wb.xlsx.writeFile(path);
}

describe('dismissing a warning', () => {
  it('stores it in 补充信息 and every reader honours it until a value it read changes', async () => {
    const path = await reportWithWarning('report.xlsx');
    const { host, controller } = await openController(path);
    const warning = controller.getState().findings.find((f) => f.rule === 'T2.inforce')!;
    expect(warning.severity).toBe('warning');
    expect(controller.getState().counts).toEqual({ error: 0, warning: 1 });

    expect(await controller.dismissFinding(warning, REASON)).toBe(true);
    expect(controller.getState().counts).toEqual({ error: 0, warning: 0 });
    expect(controller.getState().dismissed).toEqual([{ finding: warning, reason: REASON }]);
    await host.workbook.xlsx.writeFile(path);
    controller.dispose();

    // Stored as text in the named cell of 补充信息, read with plain ExcelJS.
    const stored = cellByName(await loadWorkbook(path), 'nb_sup_dismissals');
    expect(stored.worksheet.name).toBe('补充信息');
    expect(JSON.parse(String(stored.value)).dismissals[0]).toMatchObject({ rule: 'T2.inforce', reason: REASON });

    const json = await runCli('validate', path, '--json');
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.out);
    expect(doc.summary).toEqual({ errors: 0, warnings: 0, dismissed: 1 });
    const listed = doc.findings.filter((f: { rule: string }) => f.rule === 'T2.inforce');
    expect(listed).toEqual([expect.objectContaining({ severity: 'warning', dismissed: { reason: REASON } })]);
    expect(doc.findings.filter((f: { dismissed?: unknown }) => f.dismissed)).toHaveLength(1);

    const text = await runCli('validate', path);
    expect(text.out).toContain('结果：通过（0 个错误，0 个提示，另有 1 个提示已忽略）');
    expect(text.out).toContain(`提示（已忽略：${REASON}）`);

    const csv = join(dir, 'audit.csv');
    await runCli('audit', path, '--csv', csv, '--jobs', '1');
    const [header, row] = parseCsv(readFileSync(csv, 'utf8').replace(/^\ufeff/, '')).records;
    expect(row[header.indexOf('提示')]).toBe('0');
    expect(row[header.indexOf('已忽略的提示')]).toBe('1');

    // A value the warning reads changes: it stands again, with no one touching the dismissal.
    await setMade(path, 6);
    const after = JSON.parse((await runCli('validate', path, '--json')).out);
    expect(after.summary).toEqual({ errors: 0, warnings: 1 });
    expect(after.findings.find((f: { rule: string }) => f.rule === 'T2.inforce').dismissed).toBeUndefined();
    // Back to the value it was dismissed for: dismissed again.
    await setMade(path, 5);
    expect(JSON.parse((await runCli('validate', path, '--json')).out).summary.dismissed).toBe(1);
  }, 120_000);

  it('cannot dismiss an error, and 恢复 brings a dismissed warning back', async () => {
    const path = await reportWithWarning('restore.xlsx');
    const wb = await loadWorkbook(path);
    cellByName(wb, 'nb_t3_total_person').value = 9; // column-sum error
    await wb.xlsx.writeFile(path);
    const { controller } = await openController(path);
    const error = controller.getState().findings.find((f) => f.severity === 'error')!;
    expect(await controller.dismissFinding(error, REASON)).toBe(false);
    expect(controller.getState().notice?.text).toBe('错误不能忽略，请改正相应的数字');
    expect(controller.getState().dismissed).toEqual([]);

    const warning = controller.getState().findings.find((f) => f.rule === 'T2.inforce')!;
    await controller.dismissFinding(warning, REASON);
    expect(controller.getState().dismissed).toHaveLength(1);
    expect(await controller.undismissFinding(warning)).toBe(true);
    expect(controller.getState().dismissed).toEqual([]);
    expect(controller.getState().findings.some((f) => f.rule === 'T2.inforce')).toBe(true);
    controller.dispose();
  }, 180_000);
});

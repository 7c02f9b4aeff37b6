/** @jest-environment jsdom */
// 自检 in the pane: at the foot of 模板, it runs the host's self-test, lists each capability with ✓/✗/—, and 复制结果
// puts the report text on the clipboard (or says how to copy it by hand); a host without a self-test shows nothing.
import { deserialize, serialize } from 'node:v8';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { SpreadsheetHost } from '../../src/hosts/spreadsheet-host';
import { SELF_TEST_CHECKS } from '../../src/hosts/self-test/self-test-report';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { planTemplate } from '../../src/report';
import { TaskPane } from '../../src/taskpane/TaskPane';

globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

async function templateTab(host: SpreadsheetHost) {
  render(<TaskPane host={host} />);
  await waitFor(() => expect(screen.queryByText('正在读取…')).toBeNull());
  fireEvent.click(screen.getByRole('tab', { name: '模板' }));
  return screen.getByRole('tabpanel');
}

describe('自检 in the pane', () => {
  it('runs, lists every capability, and copies the report', async () => {
    const host = new XlsxHost();
    await host.applyEdits(planTemplate({ sheet: '年报' }));
    const panel = await templateTab(host);
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (t: string) => void copied.push(t) },
    });

    fireEvent.click(await within(panel).findByRole('button', { name: '运行自检' }));
    const list = await within(panel).findByRole('list', { name: '自检' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toHaveLength(Object.keys(SELF_TEST_CHECKS).length);
    expect(items).toContain(`✓ ${SELF_TEST_CHECKS.twoRules}：2 条`);
    expect(items.find((t) => t!.includes(SELF_TEST_CHECKS.typingEvent))).toMatch(/^— .*没有修改事件/);
    expect(within(panel).getByText('自检全部通过')).toBeTruthy();

    fireEvent.click(within(panel).getByRole('button', { name: '复制结果' }));
    await within(panel).findByText(/已复制/);
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(/^年报助手 自检报告\n/);
    expect(copied[0]).toContain(`✓ ${SELF_TEST_CHECKS.hiddenSheet}`);
    expect((within(panel).getByRole('textbox', { name: '自检报告（文本）' }) as HTMLTextAreaElement).value).toBe(
      copied[0],
    );
    expect(await host.sheetNames()).toEqual(['年报']);
  });

  it('shows a failed check in the list and says how many failed', async () => {
    const host = new XlsxHost();
    host.runSelfTest = async () => ({
      host: 'Excel（PC）',
      version: '16.0',
      apiSets: ['ExcelApi 1.1–1.8'],
      at: '2026-01-05T08:00:00.000Z',
      checks: [
        { id: 'sheet', label: SELF_TEST_CHECKS.sheet, outcome: 'ok' },
        {
          id: 'protection',
          label: SELF_TEST_CHECKS.protection,
          outcome: 'failed',
          detail: '写入模板失败（AccessDenied）',
        },
      ],
    });
    const panel = await templateTab(host);
    fireEvent.click(await within(panel).findByRole('button', { name: '运行自检' }));
    expect(await within(panel).findByText('自检有 1 项未通过')).toBeTruthy();
    expect(within(panel).getByText(`✗ ${SELF_TEST_CHECKS.protection}：写入模板失败（AccessDenied）`)).toBeTruthy();
  });

  it('offers no 自检 on a host without one', async () => {
    const host = new XlsxHost();
    (host as { runSelfTest?: unknown }).runSelfTest = undefined;
    const panel = await templateTab(host);
    expect(within(panel).queryByRole('button', { name: '运行自检' })).toBeNull();
  });
});

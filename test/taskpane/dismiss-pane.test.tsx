/** @jest-environment jsdom */
// 校验 in the pane over the real .xlsx host: a warning has 忽略…, which asks for the reason inline (keyboard:
// Enter confirms, Esc cancels and gives the focus back), refuses an empty reason, and moves the warning to
// 已忽略的提示 with its reason and 恢复; errors have no such control.
import { deserialize, serialize } from 'node:v8';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { INPUT_CELLS, planInsertion, splitSheetRef } from '../../src/report';
import { TaskPane } from '../../src/taskpane/TaskPane';

globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

async function setValue(host: XlsxHost, name: string, value: number) {
  const n = (await host.listNames()).find((x) => x.name === name)!;
  const at = splitSheetRef(n.ref!)!;
  host.workbook.getWorksheet(at.sheet)!.getCell(at.range).value = value;
}

/** Every count 0, 规章 5 made / 3 in force (a T2.inforce warning) and 表三 总计 9 (a column-sum error). */
async function workbook(): Promise<XlsxHost> {
  const host = new XlsxHost();
  const { edits } = planInsertion({ sheets: [], names: [] }, { agency: '某某县人民政府办公室', year: 2025 });
  await host.applyEdits(edits);
  for (const c of INPUT_CELLS) if (c.kind === 'count' || c.kind === 'amount') await setValue(host, c.name, 0);
  await setValue(host, 'nb_t2_rule_made', 5);
  await setValue(host, 'nb_t2_rule_inforce', 3);
  await setValue(host, 'nb_t3_total_person', 9);
  return host;
}

const REASON = '两件规章已被上位法取代而失效';

describe('dismissing a warning in the pane', () => {
  it('asks for a reason by keyboard, lists it under 已忽略的提示, and 恢复 brings it back', async () => {
    const host = await workbook();
    render(<TaskPane host={host} />);
    await waitFor(() => expect(screen.queryByText('正在读取…')).toBeNull());
    // The finding's own button (its 标色单元格 line names the same row).
    const inforce = await screen.findByRole('button', { name: /^表二「规章」/ });
    const errorCount = screen.getAllByRole('button', { name: /^忽略这条提示/ }).length;
    expect(errorCount).toBe(1); // the warning has it; the error does not

    const open = screen.getByRole('button', { name: `忽略这条提示：${inforce.textContent}` });
    fireEvent.click(open);
    const form = screen.getByRole('form', { name: '忽略这条提示' });
    const input = within(form).getByRole('textbox', { name: /忽略的理由/ });
    expect(document.activeElement).toBe(input);
    // Esc cancels, the focus goes back to 忽略….
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('form', { name: '忽略这条提示' })).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('忽略…'));

    fireEvent.click(screen.getByRole('button', { name: /^忽略这条提示/ }));
    const again = within(screen.getByRole('form', { name: '忽略这条提示' })).getByRole('textbox');
    fireEvent.keyDown(again, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(await screen.findByText('请写明理由')).toBeTruthy();
    fireEvent.change(again, { target: { value: REASON } });
    // The Enter that picks an IME candidate does not confirm.
    fireEvent.keyDown(again, { key: 'Enter', code: 'Enter', keyCode: 229 });
    await act(async () => undefined);
    expect(screen.queryByRole('heading', { name: /已忽略的提示/ })).toBeNull();
    fireEvent.keyDown(again, { key: 'Enter', code: 'Enter', keyCode: 13 });

    const heading = await screen.findByRole('heading', { name: '已忽略的提示（1）' });
    const section = heading.closest('section')!;
    expect(within(section).getByText(`理由：${REASON}`)).toBeTruthy();
    expect(await screen.findByText(/^已忽略这条提示；/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^忽略这条提示/ })).toBeNull();

    fireEvent.click(within(section).getByRole('button', { name: /^恢复这条提示/ }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: /已忽略的提示/ })).toBeNull());
    expect(screen.getByRole('button', { name: /^忽略这条提示/ })).toBeTruthy();
  }, 180_000);
});

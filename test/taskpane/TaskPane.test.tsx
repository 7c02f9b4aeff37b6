/** @jest-environment jsdom */
// The pane rendered in jsdom over the real .xlsx host: empty states, inserting by keyboard, findings, fix, select.
import { deserialize, serialize } from 'node:v8';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { INPUT_CELLS, planTemplate, splitSheetRef, TABLE_NAMES } from '../../src/report';
import { TaskPane } from '../../src/taskpane/TaskPane';

// jsdom's window lacks structuredClone, which every browser and Node have and the .xlsx host uses.
globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

async function refOf(host: XlsxHost, name: string) {
  const n = (await host.listNames()).find((x) => x.name === name);
  return splitSheetRef(n!.ref!)!;
}

async function setValue(host: XlsxHost, name: string, value: string | number) {
  const at = await refOf(host, name);
  host.workbook.getWorksheet(at.sheet)!.getCell(at.range).value = value;
  return at;
}

/** A complete report that breaks no rule: every count 0, the fee 0, agency and year filled. */
async function validReport(host: XlsxHost) {
  await host.applyEdits(planTemplate({ sheet: '年报', agency: '某某县人民政府办公室', year: 2025 }));
  for (const c of INPUT_CELLS) if (c.kind === 'count' || c.kind === 'amount') await setValue(host, c.name, 0);
}

async function renderPane(host: XlsxHost) {
  const view = render(<TaskPane host={host} />);
  await waitFor(() => expect(screen.queryByText('正在读取…')).toBeNull());
  return view;
}

const enter = (el: Element, init: Partial<KeyboardEventInit> = {}) =>
  fireEvent.keyDown(el, { key: 'Enter', code: 'Enter', keyCode: 13, ...init });

describe('TaskPane', () => {
  it('says 尚未插入模板 in an empty workbook and leads to the template tab', async () => {
    const host = new XlsxHost();
    await renderPane(host);
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getByRole('heading', { name: '尚未插入模板' })).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: '去插入模板' }));
    expect(screen.getByRole('tab', { name: '模板', selected: true })).toBeTruthy();
    // The 模板 tab loads on first use (not in the pane's first download).
    expect(await screen.findByRole('form', { name: '插入模板' })).toBeTruthy();
  });

  it('inserts the template from the keyboard, ignoring the Enter that confirms an IME candidate', async () => {
    const host = new XlsxHost();
    await renderPane(host);
    fireEvent.click(screen.getByRole('tab', { name: '模板' }));
    const agency = await screen.findByRole('textbox', { name: '机关名称' });
    fireEvent.change(agency, { target: { value: '某某市' } });
    enter(agency, { isComposing: true, keyCode: 229 });
    await act(async () => undefined);
    expect(await host.sheetNames()).toEqual([]);

    const year = screen.getByRole('textbox', { name: /年度/ });
    fireEvent.change(year, { target: { value: '2025' } });
    enter(year);
    await screen.findByText('模板完好（模板版本 1）');
    expect(await host.sheetNames()).toEqual(['年报', '补充信息']);
    const at = await refOf(host, 'nb_agency');
    expect(host.workbook.getWorksheet(at.sheet)!.getCell(at.range).value).toBe('某某市');
    expect(screen.getByText('已在新工作表「年报」中插入模板。')).toBeTruthy();
  });

  it('shows the year problem at the field and inserts nothing', async () => {
    const host = new XlsxHost();
    await renderPane(host);
    fireEvent.click(screen.getByRole('tab', { name: '模板' }));
    const year = await screen.findByRole('textbox', { name: /年度/ });
    fireEvent.change(year, { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: '插入模板' }));
    expect(await screen.findByText('年度应为 2021 至 2100 之间的四位数字，如 2025。')).toBeTruthy();
    expect(await host.sheetNames()).toEqual([]);
  });

  it('says 全部通过 for a complete report that breaks no rule', async () => {
    const host = new XlsxHost();
    await validReport(host);
    await renderPane(host);
    expect(within(screen.getByRole('tabpanel')).getByRole('heading', { name: '全部通过' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '校验' }));
    expect(await screen.findByText('校验通过：未发现问题')).toBeTruthy();
  });

  it('lists findings by table with errors first, selects a finding’s cells and fixes it on click', async () => {
    const host = new XlsxHost();
    await validReport(host);
    const person = await setValue(host, 'nb_t3_new_person', '２');
    await setValue(host, 'nb_t4_review_total', 5);
    await renderPane(host);

    const groups = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(groups[0]).toContain(TABLE_NAMES.T3);
    expect(groups[1]).toContain(TABLE_NAMES.T4);
    const finding = screen.getByRole('button', { name: /全角数字「２」/ });
    fireEvent.click(finding);
    await waitFor(() => expect(host.selection[0]).toBe(`${person.sheet}!${person.range}`));

    fireEvent.click(screen.getByRole('button', { name: /改为 2$/ }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /全角数字「２」/ })).toBeNull());
    expect(host.workbook.getWorksheet(person.sheet)!.getCell(person.range).value).toBe(2);
    expect(screen.getByRole('button', { name: /表四「行政复议」/ })).toBeTruthy();
  });

  it('shows a blank template as progress, not 202 warnings: 已填 n / N and 下一个空格 walks the blanks', async () => {
    const host = new XlsxHost();
    await host.applyEdits(planTemplate({ sheet: '年报', agency: '某某县', year: 2025 }));
    const select = jest.spyOn(host, 'selectNamedCells');
    await renderPane(host);
    // Agency and year are filled; every other input is a to-do, and none is listed as a problem.
    const total = INPUT_CELLS.length;
    expect(screen.getByText(`已填 2 / ${total}`)).toBeTruthy();
    expect(screen.queryByRole('region', { name: /^表三/ })).toBeNull();
    expect(screen.queryByText(/个提示/)).toBeNull();
    const next = screen.getByRole('button', { name: '下一个空格' });
    fireEvent.click(next);
    await waitFor(() => expect(select).toHaveBeenLastCalledWith(['nb_t2_rule_made']));
    fireEvent.click(next);
    await waitFor(() => expect(select).toHaveBeenLastCalledWith(['nb_t2_rule_repealed']));
  });

  it('offers 修复 for a damaged template and repairs it from the keyboard-reachable button', async () => {
    const host = new XlsxHost();
    await validReport(host);
    const ranges = host.workbook.definedNames.getRanges('nb_t2_fee_amount').ranges as string[];
    for (const r of ranges) host.workbook.definedNames.remove(r, 'nb_t2_fee_amount');
    await renderPane(host);
    fireEvent.click(screen.getByRole('tab', { name: '模板' }));
    expect(await screen.findByText('模板已损坏')).toBeTruthy();
    expect(screen.getByText(/行政事业性收费/)).toBeTruthy();
    const repair = screen.getByRole('button', { name: '修复' });
    expect(repair.tabIndex).toBe(0);
    fireEvent.click(repair);
    await screen.findByText('模板完好（模板版本 1）');
    expect((await host.listNames()).some((n) => n.name === 'nb_t2_fee_amount' && n.ref !== null)).toBe(true);
  });
});

/** @jest-environment jsdom */
// The 导入 and 上年数据 tabs rendered in jsdom over the real .xlsx host: paste → preview → 填入模板 → the named cells
// hold the values; a conflicting cell is asked about; a chosen file is read with FileReader; last year's report is
// kept in the workbook and 上年结转 is prefilled.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder as NodeTextDecoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { input, planTemplate, splitSheetRef, type CellContent } from '../../src/report';
import { importReport } from '../../src/report/import';
import { importedValues } from '../../src/taskpane/import/fill-plan';
import { TaskPane } from '../../src/taskpane/TaskPane';

// jsdom's window lacks structuredClone and TextDecoder, which every browser has.
globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;

const read = (f: string) => readFileSync(join(__dirname, '..', 'fixtures', 'samples', f), 'utf8');
const SAMPLE = read('published-2021-gaoxinqu.txt');
const EXPECTED = importedValues(importReport(SAMPLE));
const plain = (c: CellContent | undefined) => (c?.kind === 'number' ? c.value : c?.kind === 'text' ? c.text : null);

async function setCell(host: XlsxHost, name: string, value: string | number | null) {
  const n = (await host.listNames()).find((x) => x.name === name)!;
  const at = splitSheetRef(n.ref!)!;
  host.workbook.getWorksheet(at.sheet)!.getCell(at.range).value = value;
}

async function valuesOf(host: XlsxHost, names: readonly string[]) {
  const r = await host.readNamedCells(names);
  return new Map(names.map((n, i) => [n, plain(r.values[i])]));
}

async function openTab(host: XlsxHost, tab: string) {
  render(<TaskPane host={host} />);
  await waitFor(() => expect(screen.queryByText('正在读取…')).toBeNull());
  fireEvent.click(screen.getByRole('tab', { name: tab }));
  const panel = screen.getByRole('tabpanel');
  // The tab's section loads on first use (lazy-section.tsx).
  await waitFor(() => expect(within(panel).queryByText('正在加载…')).toBeNull());
  return panel;
}

function paste(panel: HTMLElement, text: string) {
  fireEvent.change(within(panel).getByRole('textbox', { name: '粘贴年报全文' }), { target: { value: text } });
  fireEvent.click(within(panel).getByRole('button', { name: '读取' }));
}

describe('导入 tab', () => {
  it('shows what the pasted report holds, inserts the template on request and fills it', async () => {
    const host = new XlsxHost();
    const panel = await openTab(host, '导入');
    paste(panel, SAMPLE);

    const found = await within(panel).findByRole('region', { name: '读到的内容' });
    expect(within(found).getByText('高新区管委会办公室')).toBeTruthy();
    expect(within(found).getByText('2021')).toBeTruthy();
    expect(within(found).getByText('2021 年版')).toBeTruthy();
    expect(within(found).getByText(/^表三：读到 \d+ \/ \d+ 个$/)).toBeTruthy();
    const diagnostics = within(panel).getByRole('region', { name: /^导入说明（\d+ 条）$/ });
    const count = importReport(SAMPLE).diagnostics.length;
    expect(within(diagnostics).getAllByRole('listitem')).toHaveLength(count);
    expect(within(diagnostics).getAllByText(/表三「（三）不予公开/).length).toBeGreaterThan(0);
    expect(within(found).getByText('表格数字之间没有发现错误或提示。')).toBeTruthy();
    expect(await host.sheetNames()).toEqual([]);

    fireEvent.click(within(panel).getByRole('button', { name: '填入模板' }));
    await within(panel).findByText('本工作簿还没有年报模板，需要先插入模板才能填入。');
    expect(await host.sheetNames()).toEqual([]);
    fireEvent.click(within(panel).getByRole('button', { name: '插入模板并填入' }));
    await within(panel).findByText(/^已填入 \d+ 个单元格/);

    const cells = await valuesOf(host, [...EXPECTED.keys()]);
    for (const [name, value] of EXPECTED) expect([name, cells.get(name)]).toEqual([name, value]);
    fireEvent.click(within(panel).getByRole('button', { name: '查看校验结果' }));
    expect(screen.getByRole('tab', { name: '校验', selected: true })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '校验' }));
    expect(await screen.findByText(/^校验(通过|完成)/)).toBeTruthy();
    expect(screen.queryByText(/个错误/)).toBeNull();
  });

  it('asks before overwriting a cell the user filled differently, with the keyboard on the question', async () => {
    const host = new XlsxHost();
    await host.applyEdits(planTemplate({ sheet: '年报', agency: '高新区管委会办公室', year: 2021 }));
    const person = input('T3', 'new', 'person').name;
    const carry = input('T3', 'carry', 'person').name;
    await setCell(host, person, 99);
    const panel = await openTab(host, '导入');
    paste(panel, SAMPLE);
    fireEvent.click(await within(panel).findByRole('button', { name: '填入模板' }));

    const question = await within(panel).findByRole('group', { name: '1 个单元格已有不同的内容' });
    expect(
      within(question).getByText(
        `表三「一、本年新收政府信息公开申请数量」行「自然人」列：现为 99，导入的报告为 ${EXPECTED.get(person)}`,
      ),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(question).getByRole('button', { name: '覆盖' })));
    expect((await valuesOf(host, [carry])).get(carry)).toBeNull();

    fireEvent.click(within(question).getByRole('button', { name: '只填空白单元格' }));
    await within(panel).findByText(/1 个已有不同内容的单元格保持原样/);
    const after = await valuesOf(host, [person, carry]);
    expect(after.get(person)).toBe(99);
    expect(after.get(carry)).toBe(EXPECTED.get(carry));
  });

  it('reads a chosen file with FileReader and refuses one that is not text', async () => {
    const host = new XlsxHost();
    const panel = await openTab(host, '导入');
    const chooser = within(panel).getByLabelText('选择年报文件');
    await act(async () => {
      fireEvent.change(chooser, { target: { files: [new File([new Uint8Array([0, 1, 2, 3, 0, 0, 9, 0])], 'a.txt')] } });
    });
    expect(await within(panel).findByText('文件「a.txt」的内容是二进制数据，不是文本或网页文件。')).toBeTruthy();
    await act(async () => {
      fireEvent.change(chooser, { target: { files: [new File([SAMPLE], '高新区.txt', { type: 'text/plain' })] } });
    });
    expect(await within(panel).findByText('来源：高新区.txt')).toBeTruthy();
    expect(within(panel).getByText('高新区管委会办公室')).toBeTruthy();
  });
});

describe('上年数据 tab', () => {
  it('keeps last year’s report in the workbook and prefills 上年结转 without overwriting', async () => {
    const host = new XlsxHost();
    await host.applyEdits(planTemplate({ sheet: '年报' }));
    await host.writeNamedValues(importedValues(importReport(read('real/005.txt'))));
    const carryPerson = input('T3', 'carry', 'person').name;
    const carryLegal = input('T3', 'carry', 'legal').name;
    await setCell(host, carryPerson, 1000);
    await setCell(host, carryLegal, null);

    const panel = await openTab(host, '上年数据');
    expect(await within(panel).findByText('本工作簿中还没有上年数据。')).toBeTruthy();
    paste(panel, read('real/004.txt'));
    const found = await within(panel).findByRole('region', { name: '读到的内容' });
    expect(within(found).getByText('2023')).toBeTruthy();
    expect(within(found).getByText('跨年度核对所需的上年数字：读到 9 / 9 个')).toBeTruthy();

    fireEvent.click(within(found).getByRole('button', { name: '保存为上年数据' }));
    expect(await within(panel).findByText('本工作簿已保存上年数据（9 个数字）。')).toBeTruthy();
    expect(host.workbook.getWorksheet('上年数据')?.state).toBe('hidden');
    const checks = within(panel).getByRole('region', { name: '跨年度核对' });
    expect(await within(checks).findByText(/表三「自然人」列：二、上年结转为 1000/)).toBeTruthy();

    fireEvent.click(within(panel).getByRole('button', { name: '用上年「结转下年度」预填本年「上年结转」' }));
    const conflicts = await within(panel).findByRole('region', { name: '1 个单元格与上年报告不同（未覆盖）' });
    expect(within(conflicts).getByRole('button', { name: /已填写 1000/ })).toBeTruthy();
    const after = await valuesOf(host, [carryPerson, carryLegal, 'nb_prev_t3_next_legal']);
    expect(after.get(carryPerson)).toBe(1000);
    expect(after.get(carryLegal)).toBe(after.get('nb_prev_t3_next_legal'));
    expect(within(panel).getByText(/^已预填 1 个单元格/)).toBeTruthy();
  });
});

/** @jest-environment jsdom */
// The pane's 汇总 tab in jsdom over the real .xlsx host: several children's workbooks chosen at once, each listed
// with its status (a duplicate agency, another year, a child with errors, a file that is not our template and a
// file of another kind refused by name); 汇总 writes the sums of the accepted children into the current report,
// 汇总明细 traces each cell to its children (sheet and pane), and replacing filled cells is asked first. Expected
// sums are hand-added from the figures written into the children below.
import { TextDecoder as NodeTextDecoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { input, planInsertion, type CellContent } from '../../src/report';
import { TaskPane } from '../../src/taskpane/TaskPane';

globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;

const PERSON = input('T3', 'new', 'person').name;
const BUSINESS = input('T3', 'new', 'business').name;
const NEW_TOTAL = input('T3', 'new', 'total').name;
const RESEARCH = input('T3', 'new', 'research').name;

async function workbook(meta: { agency: string; year: number }, values: [string, number][]): Promise<XlsxHost> {
  const host = new XlsxHost();
  await host.applyEdits(planInsertion({ sheets: [], names: [] }, meta).edits);
  await host.writeNamedValues(new Map(values));
  return host;
}

async function childFile(name: string, meta: { agency: string; year: number }, values: [string, number][]) {
  const host = await workbook(meta, values);
  return new File([new Uint8Array(await host.toBuffer())], name);
}

/** A finished 新收 row whose parts are 0 and total 9: one error (a row with blank parts is 未填完, not broken). */
const BROKEN: [string, number][] = [
  ...['person', 'business', 'research', 'charity', 'legal', 'other'].map(
    (c) => [input('T3', 'new', c).name, 0] as [string, number],
  ),
  [NEW_TOTAL, 9],
];

const plain = (c: CellContent | undefined) => (c?.kind === 'number' ? c.value : c?.kind === 'text' ? c.text : null);

async function valuesOf(host: XlsxHost, names: readonly string[]) {
  const r = await host.readNamedCells(names);
  return names.map((_, i) => plain(r.values[i]));
}

async function openRollup(host: XlsxHost) {
  render(<TaskPane host={host} />);
  await waitFor(() => expect(screen.queryByText('正在读取…')).toBeNull());
  fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
  const panel = screen.getByRole('tabpanel');
  await waitFor(() => expect(within(panel).queryByText('正在加载…')).toBeNull());
  return panel;
}

async function choose(panel: HTMLElement, files: File[]) {
  const chooser = within(panel).getByLabelText('选择下级机关的年报工作簿（.xlsx，可多选）') as HTMLInputElement;
  expect(chooser.multiple).toBe(true);
  await act(async () => void fireEvent.change(chooser, { target: { files } }));
  await waitFor(() => expect(within(panel).queryByText('正在读取…')).toBeNull());
}

function itemOf(panel: HTMLElement, label: string): HTMLElement {
  const list = within(panel).getByRole('region', { name: /^下级报告（\d+ 个）$/ });
  const item = within(list)
    .getAllByRole('listitem')
    .find((li) => li.textContent!.startsWith(label));
  if (!item) throw new Error(`no item ${label}`);
  return item;
}

describe('汇总 tab', () => {
  it('lists each child with its status, sums the accepted ones into the report and traces every cell', async () => {
    const parent = await workbook({ agency: '某某市人民政府办公室', year: 2025 }, []);
    const panel = await openRollup(parent);
    expect(within(panel).getByText('某某市人民政府办公室')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: '汇总' }).hasAttribute('disabled')).toBe(true);

    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = '工资表';
    await choose(panel, [
      await childFile('a.xlsx', { agency: '甲区人民政府', year: 2025 }, [
        [PERSON, 3],
        [NEW_TOTAL, 3],
      ]),
      await childFile('b.xlsx', { agency: '乙区人民政府', year: 2025 }, [
        [PERSON, 4],
        [BUSINESS, 2],
        [NEW_TOTAL, 6],
      ]),
      await childFile('a-copy.xlsx', { agency: '甲区 人民政府', year: 2025 }, [[PERSON, 1]]),
      await childFile('c-2024.xlsx', { agency: '丙区人民政府', year: 2024 }, [[PERSON, 1]]),
      await childFile('d.xlsx', { agency: '丁区人民政府', year: 2025 }, BROKEN),
      new File([(await other.xlsx.writeBuffer()) as ArrayBuffer], '工资.xlsx'),
      new File(['某某区 2025 年报'], '戊区.txt'),
    ]);

    expect(within(itemOf(panel, '甲区人民政府')).getByText('可计入')).toBeTruthy();
    expect(within(itemOf(panel, '乙区人民政府')).getByText('可计入')).toBeTruthy();
    expect(itemOf(panel, '甲区 人民政府').textContent).toContain('不计入');
    expect(itemOf(panel, '甲区 人民政府').textContent).toContain('与 甲区人民政府 重复，不能重复计入');
    expect(itemOf(panel, '丙区人民政府').textContent).toContain('年度为 2024，不是汇总的 2025 年度');
    expect(itemOf(panel, '丁区人民政府').textContent).toContain('有 1 个错误');
    expect(itemOf(panel, '工资.xlsx').textContent).toContain('下级工作簿「工资.xlsx」无法读取');
    expect(itemOf(panel, '戊区.txt').textContent).toContain('汇总只读取');
    expect(within(panel).getByText('可计入 2 个，不计入 5 个（原因见各项）。')).toBeTruthy();

    fireEvent.click(within(panel).getByRole('button', { name: '汇总' }));
    await within(panel).findByText(/^已汇总 2 个下级报告，写入 3 个单元格；各项来源见工作表「汇总明细」。另有 5 个/);
    // 3 + 4, 0 + 2 (a blank counts as nothing once another child has a number), 3 + 6; blank in both stays blank.
    expect(await valuesOf(parent, [PERSON, BUSINESS, NEW_TOTAL, RESEARCH])).toEqual([7, 2, 9, null]);
    // The parent's own name and year are kept.
    expect(await valuesOf(parent, ['nb_agency', 'nb_year'])).toEqual(['某某市人民政府办公室', 2025]);

    const detail = parent.workbook.getWorksheet('汇总明细')!;
    expect((detail.getRow(1).values as unknown[]).slice(5)).toEqual(['汇总', '甲区人民政府', '乙区人民政府']);
    const row = (name: string) => {
      let found: unknown[] = [];
      detail.eachRow((r) => {
        if (r.getCell(4).value === name) found = (r.values as unknown[]).slice(5);
      });
      return found;
    };
    expect(row(PERSON)).toEqual([7, 3, 4]);
    expect(row(BUSINESS)).toEqual([2, undefined, 2]);

    const trace = within(panel).getByRole('region', { name: '各项来源' });
    expect(within(trace).getByText('有数字的单元格 3 个')).toBeTruthy();
    expect(within(trace).getByText(/：7 = 甲区人民政府 3 \+ 乙区人民政府 4$/)).toBeTruthy();
    expect(within(trace).getByText(/：2 = 甲区人民政府 空 \+ 乙区人民政府 2$/)).toBeTruthy();
  }, 60_000);

  it('asks before replacing filled cells, and a removed child is no longer counted', async () => {
    const parent = await workbook({ agency: '某某市人民政府办公室', year: 2025 }, [[PERSON, 50]]);
    const panel = await openRollup(parent);
    await choose(panel, [
      await childFile('a.xlsx', { agency: '甲区人民政府', year: 2025 }, [[PERSON, 3]]),
      await childFile('b.xlsx', { agency: '乙区人民政府', year: 2025 }, [[PERSON, 4]]),
    ]);

    fireEvent.click(within(panel).getByRole('button', { name: '汇总' }));
    const ask = await within(panel).findByRole('alertdialog');
    expect(ask.textContent).toContain('当前年报中有 1 个单元格已填了不同的数字');
    fireEvent.click(within(ask).getByRole('button', { name: '取消' }));
    expect(within(panel).queryByRole('alertdialog')).toBeNull();
    expect(await valuesOf(parent, [PERSON])).toEqual([50]);
    expect(await parent.sheetNames()).not.toContain('汇总明细');

    fireEvent.click(within(panel).getByRole('button', { name: '移除 乙区人民政府' }));
    expect(within(panel).getByText('可计入 1 个。')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: '汇总' }));
    fireEvent.click(within(await within(panel).findByRole('alertdialog')).getByRole('button', { name: '替换并汇总' }));
    await within(panel).findByText(/^已汇总 1 个下级报告/);
    expect(await valuesOf(parent, [PERSON])).toEqual([3]);

    // A second 汇总 writes its own detail sheet beside the first, never over it.
    fireEvent.click(within(panel).getByRole('button', { name: '汇总' }));
    await within(panel).findByText(/各项来源见工作表「汇总明细\(2\)」/);
    expect(await parent.sheetNames()).toEqual(expect.arrayContaining(['汇总明细', '汇总明细(2)']));
  }, 60_000);

  it('without a template says so and leads to 模板', async () => {
    const panel = await openRollup(new XlsxHost());
    expect(within(panel).getByText(/本工作簿还没有年报模板/)).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: '去插入模板' }));
    expect(screen.getByRole('tab', { name: '模板', selected: true })).toBeTruthy();
  });
});

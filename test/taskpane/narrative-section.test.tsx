/** @jest-environment jsdom */
// 叙述 and 导出 rendered in jsdom over the real .xlsx host: the generated text, a field click inserting {{…}} at the
// caret, the debounced preview, a refused template keeping its text and the last good preview, saving into the
// workbook, the draft surviving a tab switch, and an export handed to the host.
import { deserialize, serialize } from 'node:v8';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { TEMPLATE_FIELDS, planSupplement, planTemplate, splitSheetRef } from '../../src/report';
import { TaskPane } from '../../src/taskpane/TaskPane';

globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

async function setNamed(host: XlsxHost, name: string, value: string | number) {
  const n = (await host.listNames()).find((x) => x.name === name)!;
  const at = splitSheetRef(n.ref!)!;
  host.workbook.getWorksheet(at.sheet)!.getCell(at.range).value = value;
}

async function cellValue(host: XlsxHost, name: string) {
  const n = (await host.listNames()).find((x) => x.name === name)!;
  const at = splitSheetRef(n.ref!)!;
  return host.workbook.getWorksheet(at.sheet)!.getCell(at.range).value;
}

async function filledHost(): Promise<XlsxHost> {
  const host = new XlsxHost();
  await host.applyEdits([
    ...planTemplate({ sheet: '年报', agency: '某某县人民政府办公室', year: 2025 }),
    ...planSupplement(),
  ]);
  await setNamed(host, 'nb_t3_new_person', 10);
  await setNamed(host, 'nb_t3_new_total', 10);
  return host;
}

async function openTab(name: string) {
  fireEvent.click(screen.getByRole('tab', { name }));
  return screen.getByRole('tabpanel');
}

const applySection = () => screen.getByRole('region', { name: /一（二）依申请公开情况/ });
const previewOf = (section: HTMLElement) => within(section).getByRole('heading', { name: '预览' }).parentElement!;

describe('叙述', () => {
  it('shows the generated text; a field click inserts at the caret; the preview follows; broken text is kept', async () => {
    const host = await filledHost();
    render(<TaskPane host={host} />);
    await openTab('叙述');
    const section = await waitFor(applySection);
    expect(within(section).getByText(/共收到政府信息公开申请10件/)).toBeTruthy();
    expect(within(section).getByText('默认模板')).toBeTruthy();

    fireEvent.click(within(section).getByRole('button', { name: '编辑模板' }));
    const editor = within(section).getByRole('textbox', {
      name: /一（二）依申请公开情况.*的模板/,
    }) as HTMLTextAreaElement;
    fireEvent.change(editor, { target: { value: '本年收到申请件。' } });
    editor.setSelectionRange(6, 6);
    fireEvent.click(within(section).getByText('插入字段（点击后插入到光标处）'));
    fireEvent.click(within(section).getByRole('button', { name: /^插入字段 申请\.本年新收：/ }));
    expect(editor.value).toBe('本年收到申请{{申请.本年新收}}件。');
    expect(editor.selectionStart).toBe('本年收到申请{{申请.本年新收}}'.length);
    expect(document.activeElement).toBe(editor);
    await waitFor(() => expect(within(previewOf(section)).getByText('本年收到申请10件。')).toBeTruthy());

    fireEvent.change(editor, { target: { value: '本年收到申请{{申请.本年新收}}件。\n{{申请.新收}}' } });
    await waitFor(() => expect(within(section).getByText(/^第 2 行第 3 列：/)).toBeTruthy());
    expect(within(section).getByText(/模板有 1 处问题/)).toBeTruthy();
    expect(editor.value).toBe('本年收到申请{{申请.本年新收}}件。\n{{申请.新收}}');
    expect(within(previewOf(section)).getByText('本年收到申请10件。')).toBeTruthy();
    expect(within(previewOf(section)).getByText('模板有误，预览保留上次无误时的结果。')).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: '保存模板' }));
    await waitFor(() => expect(within(section).getByText(/^模板有误，未保存：第 2 行第 3 列/)).toBeTruthy());
    expect(await cellValue(host, TEMPLATE_FIELDS.apply.name)).toBeNull();

    // The draft outlives a tab switch: the editor opens again with it.
    await openTab('校验');
    await openTab('叙述');
    const again = await waitFor(applySection);
    const editorAgain = within(again).getByRole('textbox') as HTMLTextAreaElement;
    expect(editorAgain.value).toBe('本年收到申请{{申请.本年新收}}件。\n{{申请.新收}}');
    expect(within(again).getByText('有未保存的修改')).toBeTruthy();

    fireEvent.change(editorAgain, { target: { value: '本年收到申请{{申请.本年新收}}件。' } });
    fireEvent.click(within(again).getByRole('button', { name: '保存模板' }));
    await waitFor(() => expect(within(again).getByText(/已将「一（二）依申请公开情况」的模板保存/)).toBeTruthy());
    expect(await cellValue(host, TEMPLATE_FIELDS.apply.name)).toBe('本年收到申请{{申请.本年新收}}件。');
    expect(within(again).getByText('自定义模板')).toBeTruthy();
  });

  it('lists a typed part that disagrees with the tables; a click selects the narrative cell', async () => {
    const host = await filledHost();
    await setNamed(host, 'nb_sup_text_management', '全年共收到政府信息公开申请12件。');
    render(<TaskPane host={host} />);
    const panel = await openTab('叙述');
    const finding = await within(panel).findByRole('button', { name: /一（三）政府信息管理情况.*12/ });
    fireEvent.click(finding);
    const n = (await host.listNames()).find((x) => x.name === 'nb_sup_text_management')!;
    await waitFor(() => expect(host.selection[0]).toBe(n.ref));
  });
});

describe('导出', () => {
  it('builds the web page and hands it to the host’s saveFile', async () => {
    const host = await filledHost();
    const saved: { name: string; blob: Blob }[] = [];
    Object.assign(host, { saveFile: async (name: string, blob: Blob) => void saved.push({ name, blob }) });
    render(<TaskPane host={host} />);
    const panel = await openTab('导出');
    fireEvent.click(await within(panel).findByRole('button', { name: '导出网页 (.html)' }));
    // 表三 is half filled: its checks are 未填完, not errors, so the gate lets the export through at once.
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(within(panel).queryByRole('button', { name: '仍然导出' })).toBeNull();
    expect(saved[0].name).toBe('某某县人民政府办公室2025年政府信息公开工作年度报告.html');
    expect(saved[0].blob.size).toBeGreaterThan(1000);
    expect(
      await within(panel).findByText(/^已生成「某某县人民政府办公室2025年政府信息公开工作年度报告\.html」/),
    ).toBeTruthy();
  });
});

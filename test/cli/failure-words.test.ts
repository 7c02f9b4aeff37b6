// Every failure speaks Chinese (issue #17 item 4): library internals in English become a sentence saying what is
// wrong and what to do, and no value from a file (agency name, text, file name) can forge a line of text output.
import { openWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { failureReason } from '../../src/hosts/failure-words';
import { shown } from '../../src/cli/shown-text';
import { INPUT_CELLS, input, type CellContent } from '../../src/report';
import { filledWorkbook } from '../export/workbook';
import { runCli } from '../support/run-cli';
import { suiteTempDir } from '../support/temp-dir';

const dir = suiteTempDir('nianbao-words-');
const at = (name: string) => join(dir, name);

function valuesWith(agency: string): CellContent[] {
  return INPUT_CELLS.map((c) =>
    c.name === input('META', 'agency').name
      ? { kind: 'text', text: agency }
      : c.kind === 'year'
        ? { kind: 'number', value: 2024 }
        : c.kind === 'text'
          ? { kind: 'text', text: '' }
          : { kind: 'number', value: 0 },
  );
}

/** Rewrites the declared uncompressed size of one zip entry (local header and central directory), as a damaged copy has it. */
function misdeclareSize(zip: Buffer, entry: string): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(entry);
  for (let i = out.indexOf(name); i >= 0; i = out.indexOf(name, i + 1)) {
    if (out.readUInt32LE(i - 30) === 0x04034b50) out.writeUInt32LE(out.readUInt32LE(i - 8) + 7, i - 8);
    if (out.readUInt32LE(i - 46) === 0x02014b50) out.writeUInt32LE(out.readUInt32LE(i - 22) + 7, i - 22);
  }
  return out;
}

describe('library internals are said in Chinese', () => {
  it('a zip entry whose size does not match its header ("Bug : uncompressed data size mismatch")', async () => {
    const good = await filledWorkbook(valuesWith('某局'));
    const path = at('mismatch.xlsx');
    writeFileSync(path, misdeclareSize(good, 'xl/styles.xml'));
    const r = await runCli('validate', path);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `无法读取 ${path}：压缩包中 xl/styles.xml 的大小与目录不符，文件已损坏：请从原始来源重新获取该文件，或在 Excel/WPS 中打开后另存一份\n`,
    );
  });

  it('overlapping merged cells ("Cannot merge already merged cells")', async () => {
    const zip = await JSZip.loadAsync(await filledWorkbook(valuesWith('某局')));
    const sheet = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(sheet)!.async('string');
    const merges = '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>';
    const patched = /<mergeCells[\s\S]*?<\/mergeCells>/.test(xml)
      ? xml.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, merges)
      : xml.replace('</sheetData>', `</sheetData>${merges}`);
    zip.file(sheet, patched);
    const path = at('merged.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    // validate reads only the named cells (the targeted reader), so merges elsewhere do not stop it; opening the
    // workbook to edit it (ExcelJS: rollup, the page's 保存) meets them and says so in Chinese.
    expect((await runCli('validate', path)).code).toBe(0);
    const opened = await openWorkbookFile(path);
    expect(opened).toEqual({
      ok: false,
      reason: '工作簿中有相互重叠的合并单元格：请在 Excel 或 WPS 中取消重叠的合并后另存，再试',
    });
  });

  it.each([
    ['Too many properties to enumerate', '文件内容过多或结构过深，超出了程序能处理的范围：这不是正常的年报文件'],
    ['Maximum call stack size exceeded', '文件内容过多或结构过深，超出了程序能处理的范围：这不是正常的年报文件'],
    ['Unexpected close tag\nLine: 1', '文件中的 XML 内容已损坏：请在 Excel 或 WPS 中打开后另存一份再试'],
    [
      'End of data reached (data length = 10, asked index = 12). Corrupted zip ?',
      '文件已损坏（压缩数据不完整或校验不符）：请从原始来源重新获取该文件，或在 Excel/WPS 中打开后另存一份',
    ],
  ])('%s', (message, expected) => {
    expect(failureReason(new Error(message), 'read')).toBe(expected);
  });

  it.each([
    ['ENOSPC', 'write', '磁盘空间不足：请清理磁盘空间后重试'],
    ['EMFILE', 'read', '同时打开的文件过多：请关闭其他程序或分批处理后重试'],
    ['EROFS', 'write', '所在的磁盘或分区是只读的：请换一个可以写入的位置'],
    ['EISDIR', 'read', '这是一个文件夹，不是文件：请指定文件'],
    ['EACCES', 'write', '没有写入权限：请检查该文件夹的写入权限，或换一个可以写入的位置'],
  ] as const)('system error %s on %s', (code, action, expected) => {
    const e = Object.assign(new Error(`${code}: something, open '/x'`), { code });
    expect(failureReason(e, action)).toBe(expected);
  });
});

describe('control characters never forge a line of text output', () => {
  it('shows each control character as a visible escape', () => {
    expect(shown('a\nb\r\tc\u001b[31md\u2028e\u202ef\u0085')).toBe('a\\nb\\r\\tc\\u001b[31md\\u2028e\\u202ef\\u0085');
    expect(shown('某县司法局（2024）')).toBe('某县司法局（2024）');
  });

  const forged = '某局\n✓ /伪造/通过.xlsx\u3000伪造机关\u30002024';

  it("audit: an agency name with a line break stays inside its file's row", async () => {
    const path = at('forged.xlsx');
    writeFileSync(path, await filledWorkbook(valuesWith(forged)));
    const r = await runCli('audit', path);
    const lines = r.out.split('\n');
    expect(lines.some((l) => l.startsWith('✓ /伪造'))).toBe(false);
    expect(lines[0]).toContain(`${path}\u3000某局\\n✓ /伪造/通过.xlsx`);
  });

  it('validate: the agency line is one line', async () => {
    const path = at('forged.xlsx');
    const r = await runCli('validate', path);
    expect(r.out).toContain('机关名称：某局\\n✓ /伪造/通过.xlsx');
    expect(r.out.split('\n').some((l) => l.startsWith('✓'))).toBe(false);
  });

  it('a file name with a line break and an escape sequence is shown escaped in messages', async () => {
    const name = at('a\n✓ b\u001b[2J.xlsx');
    writeFileSync(name, 'not a workbook');
    const r = await runCli('validate', name);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.err).toContain('a\\n✓ b\\u001b[2J.xlsx');
    const audit = await runCli('audit', name);
    expect(audit.out.split('\n')[0]).toContain('a\\n✓ b\\u001b[2J.xlsx');
    expect(audit.out).not.toContain('\u001b');
  });
});

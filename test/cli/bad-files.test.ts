// Files that are not what they claim: each fails with exit 2 and a clear Chinese reason, in bounded time and memory
// (sizes are checked from the zip directory before anything is inflated).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
// Test-only: writes ECMA-376 agile encryption, the format of a workbook saved with an open password.
import { encrypt, isEncrypted } from 'officecrypto-tool';
import { runCli } from '../support/run-cli';
import { suiteTempDir } from '../support/temp-dir';

const dir = suiteTempDir('nianbao-files-');
const put = (name: string, data: Buffer | string) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

async function expectUnreadable(file: string, reason: RegExp) {
  const r = await runCli('validate', file, '--json');
  expect(r.code).toBe(2);
  expect(JSON.parse(r.out).error).toMatch(reason);
  expect(r.err).toMatch(reason);
}

describe('validate refuses what it cannot read', () => {
  it('a PDF renamed .xlsx', async () => {
    await expectUnreadable(put('report.xlsx', '%PDF-1.7\n1 0 obj <<>> endobj\n'), /这是一个 PDF 文件/);
  });

  it('a password-protected workbook (really encrypted, as Excel saves one with an open password)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('年报').getCell('A1').value = '机关名称';
    const encrypted: Buffer = encrypt(Buffer.from(await wb.xlsx.writeBuffer()), { password: '2025nianbao' });
    expect(isEncrypted(encrypted)).toBe(true);
    await expectUnreadable(put('locked.xlsx', encrypted), /设置了打开密码/);
  });

  it('binary junk', async () => {
    const junk = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    await expectUnreadable(put('junk.xlsx', junk), /不是 \.xlsx 文件/);
  });

  it('an empty file', async () => {
    await expectUnreadable(put('empty.xlsx', Buffer.alloc(0)), /文件是空的/);
  });

  it('a truncated workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').getCell('A1').value = 1;
    const full = Buffer.from(await wb.xlsx.writeBuffer());
    await expectUnreadable(put('cut.xlsx', full.subarray(0, Math.floor(full.length / 2))), /压缩包结构不完整/);
  });

  it('a zip bomb named .xlsx, refused from its directory without inflating', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(60 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    await expectUnreadable(put('bomb.xlsx', bomb), /压缩炸弹|工作表过大/);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('a workbook that is not a template', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '表三';
    await expectUnreadable(put('plain.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), /没有年报模板的名称/);
  });

  it('a file that does not exist', async () => {
    await expectUnreadable(join(dir, 'nope.xlsx'), /文件不存在/);
  });
});

describe('the command line itself', () => {
  it('explains an unknown command and a missing argument in Chinese', async () => {
    expect((await runCli('check')).err).toContain('未知的命令「check」');
    const r = await runCli('validate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('请指定一个要校验的 .xlsx 文件');
    expect((await runCli('template', '-o', join(dir, 'y.xlsx'), '--year', '二〇二五')).err).toContain(
      '--year 应为 2021 至 2100 之间的四位年份',
    );
  });
});

// `nianbao audit` over a folder mixing workbooks, text and HTML reports and hostile files: one row per file, a bad
// file is a row with its reason, the CSV is safe to open in Excel, the summary counts by rule.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditCommand, auditFile } from '../../src/cli/commands/audit';
import { auditCsvLine, parseCsv } from '../../src/cli/audit/audit-csv';
import { failedRow } from '../../src/cli/audit/audit-row';
import type { CliIO } from '../../src/cli/cli-command';
import { importReport } from '../../src/report/import';
import { writeImportedWorkbook } from '../../src/cli/commands/import';
import { EXPECTED } from '../import/expected-samples';
import { renderHtml } from '../import/html-page';
import { readSample } from '../import/sample-support';
import { writeHostileFiles } from './hostile-files';

function capture(interactive = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), interactive };
  return { io, out, err, text: () => out.join('') };
}

let dir: string;
let hostile: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-audit-'));
  for (const e of EXPECTED) writeFileSync(join(dir, e.file.replace('/', '-')), readSample(e.file));
  writeFileSync(
    join(dir, 'suqian-2024.html'),
    renderHtml(
      EXPECTED.find((e) => e.file === 'real/005.txt')!,
      { hostile: true },
    ),
  );
  await writeImportedWorkbook(importReport(readSample('real/003.txt')), join(dir, 'hongze-2023.xlsx'));
  const injected = readSample('published-2021-gaoxinqu.txt').replace(
    '高新区管委会办公室2021年',
    '=HYPERLINK("x")办公室2021年',
  );
  writeFileSync(join(dir, 'injected.txt'), injected);
  writeFileSync(join(dir, 'notes.rtf'), '{\\rtf1 not a report}');
  mkdirSync(join(dir, 'hostile'));
  hostile = writeHostileFiles(join(dir, 'hostile'));
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nianbao audit', () => {
  it('prints one row per file, hostile files as rows with their reason, and exits 1', async () => {
    const c = capture();
    const code = await auditCommand.run([dir], c.io);
    expect(code).toBe(1);
    const text = c.text();
    const rows = text.split('\n').filter((l) => /^[✓✗] /.test(l));
    expect(rows).toHaveLength(EXPECTED.length + 3 + Object.keys(hostile).length);
    expect(text).not.toContain('notes.rtf');
    const rowOf = (name: string) => rows.find((r) => r.includes(name))!;
    expect(rowOf('bomb.xlsx')).toMatch(/无法读取：文件疑似“压缩炸弹”/);
    expect(rowOf('million.xlsx')).toMatch(/无法读取：工作表单元格过多/);
    expect(rowOf('password.xlsx')).toMatch(/无法读取：文件设置了打开密码/);
    expect(rowOf('renamed-pdf.xlsx')).toMatch(/无法读取：这是一个 PDF 文件/);
    expect(rowOf('junk.txt')).toMatch(/无法读取：文件内容是二进制数据/);
    expect(rowOf('scripts.html')).toMatch(/无法读取：没有找到年报的表格/);
    expect(rowOf('empty.txt')).toMatch(/无法读取：文件是空的/);
    expect(rowOf('real-001.txt')).toMatch(/^✓ .*淮安市人民政府\u30002024\u30002021 年版\u3000错误 0/);
    expect(rowOf('real-003.txt')).toMatch(/^✗ .*洪泽区人民政府\u30002023\u3000含 2019 年版\u3000错误 2/);
    expect(rowOf('hongze-2023.xlsx')).toMatch(/^✗ .*洪泽区人民政府\u30002023\u3000年报助手模板\u3000错误 2/);
    expect(rowOf('suqian-2024.html')).toMatch(/^✓ .*宿迁市\u30002024\u30002021 年版\u3000错误 0/);
    // 002's words say 17 applications, its 表三 95 (N.apply, issue #12); 005's 134 filed 复议 cases are a warning.
    expect(rowOf('real-002.txt')).toMatch(/^✗ .*含 2019 年版\u3000错误 1/);
    expect(rowOf('real-005.txt')).toMatch(/^✓ .*宿迁市\u30002024\u30002021 年版\u3000错误 0\u3000提示 2/);
    expect(text).toContain(`共 ${rows.length} 个文件：通过 6，有错误 3，无法读取 ${Object.keys(hostile).length}`);
    expect(text).toMatch(/错误 {2}T4\.sum +2 \/ 4/);
  }, 240_000);

  it('writes a UTF-8 CSV with BOM, one line per file, with formula injection neutralised', async () => {
    const csv = join(dir, '..', `audit-${process.pid}.csv`);
    try {
      await auditCommand.run([dir, '--csv', csv], capture().io);
      const body = readFileSync(csv, 'utf8');
      // The first release's columns stay where they were; later ones only ever come after them.
      expect(
        body.startsWith(
          '\ufeff文件,类型,机关名称,年度,格式,错误,提示,导入说明,主要问题,无法读取的原因,已忽略的提示,文件大小（字节）,修改时间,文字与表格不一致\r\n',
        ),
      ).toBe(true);
      const lines = body.trimEnd().split('\r\n');
      expect(lines).toHaveLength(1 + EXPECTED.length + 3 + Object.keys(hostile).length);
      const injected = lines.find((l) => l.includes('injected.txt'))!;
      expect(injected).toContain(`"'=HYPERLINK(""x"")办公室"`);
      expect(lines.find((l) => l.includes('junk.txt'))).toMatch(/文件内容是二进制数据/);
      // The 类型 column names the kind of file in words.
      const kindOf = (name: string) => parseCsv(`${lines.find((l) => l.includes(name))!}\r\n`).records[0][1];
      expect(['hongze-2023.xlsx', 'suqian-2024.html', 'real-001.txt'].map(kindOf)).toEqual(['工作簿', '网页', '文本']);
    } finally {
      rmSync(csv, { force: true });
    }
  }, 240_000);

  it('names every kind of file in the CSV in words: 工作簿, 文本, Markdown, 网页, Word, PDF', () => {
    const kinds = ['xlsx', 'text', 'markdown', 'html', 'docx', 'pdf'] as const;
    const column = kinds.map(
      (k) => parseCsv(`${auditCsvLine(failedRow(`/x/a.${k}`, k, '无法读取'))}\r\n`).records[0][1],
    );
    expect(column).toEqual(['工作簿', '文本', 'Markdown', '网页', 'Word', 'PDF']);
  });

  it('--json gives every row and the summary by rule', async () => {
    const c = capture();
    await auditCommand.run(
      [join(dir, 'real-003.txt'), join(dir, 'hongze-2023.xlsx'), hostile['bomb.xlsx'], '--json'],
      c.io,
    );
    const json = JSON.parse(c.text());
    expect(json.files.map((f: { format: string | null }) => f.format)).toEqual(['2019', 'template', null]);
    expect(json.files[0].rules).toEqual({ 'T4.sum': 2 });
    expect(json.summary).toMatchObject({ files: 3, unreadable: 1, withErrors: 2, passed: 0 });
    expect(json.summary.rules).toEqual([expect.objectContaining({ rule: 'T4.sum', files: 2, findings: 4 })]);
  }, 240_000);

  it('draws a progress bar on stderr only on a terminal', async () => {
    const quiet = capture(false);
    await auditCommand.run([join(dir, 'real-001.txt')], quiet.io);
    expect(quiet.err).toEqual([]);
    const tty = capture(true);
    await auditCommand.run([join(dir, 'real-001.txt'), join(dir, 'real-002.txt')], tty.io);
    expect(tty.err.filter((t) => t.includes('已检查')).length).toBe(2);
    expect(tty.err.at(-1)).toBe('\r\x1b[2K');
  }, 240_000);

  it('a missing path is a row; nothing to audit exits 2', async () => {
    expect((await auditFile(join(dir, 'nope.txt'))).error).toBe('文件不存在：请检查路径和文件名是否正确');
    const empty = mkdtempSync(join(tmpdir(), 'nianbao-empty-'));
    try {
      const c = capture();
      expect(await auditCommand.run([empty], c.io)).toBe(2);
      expect(c.err.join('')).toContain('没有找到可检查的文件');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 120_000);
});

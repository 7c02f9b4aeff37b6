// What the CLI does with paths that are not what a user means, and with outputs that would destroy an input
// (issue #17 items 2 and 4, issue #16 item 3). Each case builds its file here; the expected words are written by hand
// from what a user should read, not taken from the code's tables.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  ftruncateSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { INPUT_CELLS, type CellContent } from '../../src/report';
import { filledWorkbook } from '../export/workbook';
import { buildCli, runCliProcess } from '../support/cli-process';
import { runCli } from '../support/run-cli';
import { suiteTempDir } from '../support/temp-dir';

jest.setTimeout(120_000);

const dir = suiteTempDir('nianbao-io-');
chmodSync(dir, 0o755); // the unprivileged user of the permission cases must reach its files
const at = (name: string) => join(dir, name);

const values: CellContent[] = INPUT_CELLS.map((c) =>
  c.kind === 'text'
    ? { kind: 'text', text: '某县司法局' }
    : c.kind === 'year'
      ? { kind: 'number', value: 2024 }
      : { kind: 'number', value: 1 },
);
let report: string;
let reportBytes: Buffer;
let server: Server | null = null;

beforeAll(async () => {
  reportBytes = await filledWorkbook(values);
  report = at('report.xlsx');
  writeFileSync(report, reportBytes);
});
afterAll(() => server?.close());

/** A file of `bytes` bytes that takes no disk space (a hole), to test size caps. */
function sparse(name: string, bytes: number): string {
  const fd = openSync(at(name), 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return at(name);
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);

describe('only regular files within a size cap are read, and each refusal is said at once in Chinese', () => {
  const fifo = () => {
    const p = at('pipe.txt');
    try {
      execFileSync('mkfifo', [p]);
    } catch {
      /* made by an earlier case */
    }
    return p;
  };
  const loop = () => {
    try {
      symlinkSync(at('loop-b.xlsx'), at('loop-a.xlsx'));
      symlinkSync(at('loop-a.xlsx'), at('loop-b.xlsx'));
    } catch {
      /* made by an earlier case */
    }
    return at('loop-a.xlsx');
  };
  const zeroLink = () => {
    try {
      symlinkSync('/dev/zero', at('zero.txt'));
    } catch {
      /* made by an earlier case */
    }
    return at('zero.txt');
  };
  const folder = () => {
    mkdirSync(at('folder.xlsx'), { recursive: true });
    return at('folder.xlsx');
  };
  const socket = async () => {
    const p = at('socket.txt');
    if (!server) {
      server = createServer();
      await new Promise<void>((resolve) => server!.listen(p, resolve));
    }
    return p;
  };

  const FIFO = '这是命名管道（FIFO），不是普通文件：请指定一个保存在磁盘上的文件';
  const DEVICE = '这是设备文件（如 /dev/zero、/dev/urandom），不是普通文件：请指定一个保存在磁盘上的文件';
  const LOOP = '这是循环的符号链接（链接最终指回自己）：请指定真实的文件';
  const FOLDER = '这是一个文件夹，不是文件：请指定文件（检查整个文件夹请用 nianbao audit）';
  const SOCKET = '这是套接字或没有连接的设备，不是普通文件';
  const MISSING = '文件不存在：请检查路径和文件名是否正确';

  const cases: [string, () => Promise<string> | string, (p: string) => string[], (p: string) => string][] = [
    ['validate of a FIFO', fifo, (p) => ['validate', p], (p) => `无法读取 ${p}：${FIFO}`],
    ['import of a FIFO', fifo, (p) => ['import', p], (p) => `无法导入 ${p}：${FIFO}`],
    [
      'validate --previous of a FIFO',
      fifo,
      (p) => ['validate', report, '--previous', p],
      (p) => `无法读取上年报告 ${p}：${FIFO}`,
    ],
    [
      'narrative --template of a FIFO',
      fifo,
      (p) => ['narrative', report, '--template', p],
      (p) => `无法读取模板文件 ${p}：${FIFO}`,
    ],
    [
      'narrative --template /dev/urandom',
      () => '/dev/urandom',
      (p) => ['narrative', report, '--template', p],
      (p) => `无法读取模板文件 ${p}：${DEVICE}`,
    ],
    [
      'narrative --template /dev/zero',
      () => '/dev/zero',
      (p) => ['narrative', report, '--template', p],
      (p) => `无法读取模板文件 ${p}：${DEVICE}`,
    ],
    ['import of report.txt, a symlink to /dev/zero', zeroLink, (p) => ['import', p], (p) => `无法导入 ${p}：${DEVICE}`],
    [
      'export of /dev/urandom',
      () => '/dev/urandom',
      (p) => ['export', p, '--csv', at('u.csv')],
      (p) => `无法读取 ${p}：${DEVICE}`,
    ],
    ['import of a socket', socket, (p) => ['import', p], (p) => `无法导入 ${p}：${SOCKET}`],
    ['validate of a symlink loop', loop, (p) => ['validate', p], (p) => `无法读取 ${p}：${LOOP}`],
    ['export of a symlink loop', loop, (p) => ['export', p, '--csv', at('l.csv')], (p) => `无法读取 ${p}：${LOOP}`],
    ['validate of a folder named .xlsx', folder, (p) => ['validate', p], (p) => `无法读取 ${p}：${FOLDER}`],
    ['narrative of a missing file', () => at('nope.xlsx'), (p) => ['narrative', p], (p) => `无法读取 ${p}：${MISSING}`],
    [
      'validate of a 30 MB workbook (size from fstat, nothing read)',
      () => sparse('huge.xlsx', 30 * 1024 * 1024),
      (p) => ['validate', p],
      (p) => `无法读取 ${p}：文件过大（30.0 MB），年报工作簿通常小于 1 MB，上限为 20.0 MB`,
    ],
    [
      'import of a 9 MB text',
      () => sparse('huge.txt', 9 * 1024 * 1024),
      (p) => ['import', p],
      (p) => `无法导入 ${p}：文件过大，年报全文通常小于 1 MB，上限为 8.0 MB`,
    ],
    [
      'narrative --template of a 2 MB file',
      () => sparse('huge-template.txt', 2 * 1024 * 1024),
      (p) => ['narrative', report, '--template', p],
      (p) => `无法读取模板文件 ${p}：文件过大（2.0 MB），模板文件通常小于 1 MB，上限为 1.0 MB`,
    ],
  ];

  it.each(cases)('%s', async (_name, make, argv, expected) => {
    const path = await make();
    const r = await runCli(...argv(path));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${expected(path)}\n`);
    noStack(r.err);
  });

  it('audit of a FIFO, a device link and a loop: one row each, the batch goes on', async () => {
    const r = await runCli('audit', fifo(), zeroLink(), loop(), report);
    const rows = r.out.split('\n');
    expect(rows).toContain(`✗ ${fifo()}\u3000无法读取：${FIFO}`);
    expect(rows).toContain(`✗ ${at('zero.txt')}\u3000无法读取：${DEVICE}`);
    expect(rows).toContain(`✗ ${loop()}\u3000无法读取：${LOOP}`);
    expect(rows.some((l) => l.startsWith(`✗ ${report}\u3000某县司法局\u30002024`))).toBe(true);
  });
});

describe('UTF-16 text without a byte-order mark', () => {
  it('is read as the report it is, not refused as binary data', async () => {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'samples', 'published-2021-gaoxinqu.txt'), 'utf8');
    for (const [name, bytes] of [
      ['le.txt', Buffer.from(text, 'utf16le')],
      ['be.txt', Buffer.from(text, 'utf16le').swap16()],
    ] as const) {
      writeFileSync(at(name), bytes);
      const r = await runCli('import', at(name));
      expect(r.err).toBe('');
      expect(r.out).toContain('机关名称：高新区管委会办公室');
    }
  });

  it('16-bit binary data is still binary', async () => {
    const words = Buffer.alloc(4096);
    for (let i = 0; i < 2048; i++) words.writeUInt16LE(i % 31, i * 2); // small integers: zero high bytes, control low
    writeFileSync(at('words.txt'), words);
    const r = await runCli('import', at('words.txt'));
    expect(r.err).toBe(`无法导入 ${at('words.txt')}：文件内容是二进制数据，不是文本或网页文件\n`);
  });
});

/** The line a failure ends with (the export gate's list of errors comes before it). */
const lastLine = (t: string): string => t.slice(t.lastIndexOf('\n', t.length - 2) + 1);

describe('an output never destroys an input', () => {
  const unchanged = () => expect(readFileSync(report).equals(reportBytes)).toBe(true);

  it('export f.xlsx --csv f.xlsx: refused, the workbook byte-for-byte unchanged', async () => {
    const r = await runCli('export', report, '--allow-errors', '--csv', report);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `输出文件 ${report} 就是输入文件 ${report}（同一路径、符号链接或硬链接），写入会毁掉输入，没有写入：请换一个输出文件名\n`,
    );
    unchanged();
    // --force does not make it allowed.
    expect((await runCli('export', report, '--allow-errors', '--html', report, '--force')).code).toBe(2);
    unchanged();
  });

  it('a hard link or a symlink of the input, or the input spelled another way, is the input', async () => {
    linkSync(report, at('hard.csv'));
    symlinkSync(report, at('soft.csv'));
    for (const out of [at('hard.csv'), at('soft.csv'), join(dir, '.', 'sub', '..', 'report.xlsx')]) {
      mkdirSync(at('sub'), { recursive: true });
      const r = await runCli('export', report, '--allow-errors', '--csv', out, '--force');
      expect(r.code).toBe(2);
      expect(r.err).toContain('就是输入文件');
      unchanged();
    }
    // import -o over its own source, too.
    const src = at('src.txt');
    writeFileSync(src, '某报告');
    expect((await runCli('import', src, '-o', src, '--force')).err).toContain('就是输入文件');
    expect(readFileSync(src, 'utf8')).toBe('某报告');
  });

  it('an existing output needs --force; two outputs cannot be one file', async () => {
    writeFileSync(at('old.html'), '旧文件');
    const r = await runCli('export', report, '--allow-errors', '--html', at('old.html'));
    expect(r.err).toBe(`文件 ${at('old.html')} 已存在，为免覆盖没有写入；确需覆盖请加 --force\n`);
    expect(readFileSync(at('old.html'), 'utf8')).toBe('旧文件');
    expect((await runCli('export', report, '--allow-errors', '--html', at('old.html'), '--force')).code).toBe(0);
    expect(readFileSync(at('old.html'), 'utf8')).toContain('<html');
    const twice = await runCli('export', report, '--allow-errors', '--docx', at('both.out'), '--html', at('both.out'));
    expect(twice.err).toContain('就是输入文件');
    const audit = await runCli('audit', report, '--csv', at('old.html'));
    expect(audit.err).toContain('已存在');
  });

  it('a write whose folder is a regular file fails in Chinese, the input unchanged, no stack unless --debug', async () => {
    writeFileSync(at('plain-file'), 'x');
    const out = join(at('plain-file'), 'out.csv');
    const r = await runCli('export', report, '--allow-errors', '--csv', out);
    expect(r.code).toBe(2);
    expect(lastLine(r.err)).toBe(`无法写入 ${out}：路径中有一段不是文件夹（而是普通文件）：请检查路径\n`);
    unchanged();
    const debug = await runCli('export', report, '--allow-errors', '--csv', out, '--debug');
    expect(debug.err).toMatch(/\n\s+at /);
  });

  // A read-only folder stops no one as root, so the folder is made immutable (chattr +i), which refuses even root
  // (EPERM). The input lives in it; the output was to go next to it.
  it('a write into a read-only (immutable) folder: refused in Chinese, the input byte-for-byte unchanged', async () => {
    const folder = at('immutable');
    mkdirSync(folder);
    const input = join(folder, 'report.xlsx');
    writeFileSync(input, reportBytes);
    execFileSync('chattr', ['+i', folder]);
    try {
      const out = join(folder, 'report.csv');
      const r = await runCli('export', input, '--allow-errors', '--csv', out);
      expect(r.code).toBe(2);
      expect(lastLine(r.err)).toBe(
        `无法写入 ${out}：系统不允许写入（操作被拒绝，文件或文件夹可能被设为只读或被锁定）：请换一个位置或解除锁定后重试\n`,
      );
      expect(readFileSync(input).equals(reportBytes)).toBe(true);
      expect(readdirSync(folder)).toEqual(['report.xlsx']);
    } finally {
      execFileSync('chattr', ['-i', folder]);
    }
  });

  describe('as a process', () => {
    let bundle: string;
    beforeAll(() => {
      bundle = buildCli(dir);
    });

    // A disk filling up mid-write: RLIMIT_FSIZE makes the write fail with EFBIG (even for root) after some bytes.
    it('a write that fails halfway leaves the old output whole and no temporary file', () => {
      const out = at('limited.csv');
      writeFileSync(out, '旧的导出\r\n');
      const r = runCliProcess(bundle, ['export', report, '--csv', out, '--force', '--allow-errors'], { fileSizeKb: 4 });
      expect(r.code).toBe(2);
      expect(lastLine(r.err)).toBe(`无法写入 ${out}：文件超出了系统允许的大小：请检查磁盘或系统的文件大小限制\n`);
      expect(readFileSync(out, 'utf8')).toBe('旧的导出\r\n');
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(readFileSync(report).equals(reportBytes)).toBe(true);
    });

    // Permissions are real for an ordinary user (uid 65534, "nobody"); root would read anything.
    it('a file without read permission: every command says so in Chinese, without a stack trace', () => {
      const locked = at('locked.xlsx');
      writeFileSync(locked, reportBytes);
      chmodSync(locked, 0o000);
      const lockedText = at('locked.txt');
      writeFileSync(lockedText, '年报');
      chmodSync(lockedText, 0o000);
      const NO_READ = '没有读取权限：请检查文件的权限（或请管理员开放权限）后重试';
      const expectations: [string[], string][] = [
        [['validate', locked], `无法读取 ${locked}：${NO_READ}`],
        [['export', locked, '--csv', at('nobody.csv')], `无法读取 ${locked}：${NO_READ}`],
        [['narrative', locked], `无法读取 ${locked}：${NO_READ}`],
        [['import', lockedText], `无法导入 ${lockedText}：${NO_READ}`],
        [['validate', report, '--previous', locked], `无法读取上年报告 ${locked}：${NO_READ}`],
      ];
      const probe = spawnSync(process.execPath, ['-e', '0'], { uid: 65534, gid: 65534 });
      expect(probe.status).toBe(0);
      for (const [args, message] of expectations) {
        const r = runCliProcess(bundle, args, { uid: 65534 });
        expect([r.code, r.err]).toEqual([2, `${message}\n`]);
      }
    });
  });
});

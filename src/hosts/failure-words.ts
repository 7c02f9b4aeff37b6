// One mapping from what fails underneath (a system call's error code, a zip or spreadsheet library's English
// internals) to Chinese words saying what happened and what to do. The CLI, the xlsx host and the web page's
// 保存 all say failures through it; nothing here imports node, so the browser uses it too.

export type FailureAction = 'read' | 'write';

/** Node's system error codes (errno names) we have words for: the reason, without the file's name. */
const SYSTEM: Readonly<Record<string, (action: FailureAction) => string>> = {
  EACCES: (a) =>
    a === 'read'
      ? '没有读取权限：请检查文件的权限（或请管理员开放权限）后重试'
      : '没有写入权限：请检查该文件夹的写入权限，或换一个可以写入的位置',
  EPERM: (a) =>
    a === 'read'
      ? '系统不允许读取（操作被拒绝）：请检查文件权限，或是否被安全软件锁定'
      : '系统不允许写入（操作被拒绝，文件或文件夹可能被设为只读或被锁定）：请换一个位置或解除锁定后重试',
  ENOENT: (a) =>
    a === 'read' ? '文件不存在：请检查路径和文件名是否正确' : '所在的文件夹不存在：请先建好文件夹，或换一个位置',
  ENOSPC: () => '磁盘空间不足：请清理磁盘空间后重试',
  EDQUOT: () => '磁盘配额已用完：请清理空间后重试',
  EFBIG: () => '文件超出了系统允许的大小：请检查磁盘或系统的文件大小限制',
  EISDIR: () => '这是一个文件夹，不是文件：请指定文件',
  ENOTDIR: () => '路径中有一段不是文件夹（而是普通文件）：请检查路径',
  EMFILE: () => '同时打开的文件过多：请关闭其他程序或分批处理后重试',
  ENFILE: () => '系统打开的文件过多：请稍后重试',
  EROFS: () => '所在的磁盘或分区是只读的：请换一个可以写入的位置',
  ELOOP: () => '这是循环的符号链接（链接最终指回自己）：请指定真实的文件',
  ENAMETOOLONG: () => '路径过长：请缩短文件名或文件夹层级',
  ENXIO: () => '这是套接字或没有连接的设备，不是普通文件',
  EBUSY: () => '文件正被其他程序占用：请关闭占用它的程序（如 Excel、WPS）后重试',
  ETXTBSY: () => '文件正被其他程序占用：请关闭占用它的程序后重试',
  EIO: () => '磁盘读写出错（输入输出错误）：请检查磁盘，或换一个位置',
  EAGAIN: () => '文件暂时无法读取（资源忙）：请稍后重试',
};

/** English messages of the libraries we use (JSZip, ExcelJS, fflate, sax, V8 limits), as Chinese reasons. */
const LIBRARY: readonly { readonly test: RegExp; readonly reason: string }[] = [
  {
    test: /uncompressed data size mismatch|Corrupted zip|crc32 mismatch|invalid (distance|code|block type|stored block)|unexpected EOF|End of data reached|invalid zip data|unknown compression|Can't find end of central directory/i,
    reason: '文件已损坏（压缩数据不完整或校验不符）：请从原始来源重新获取该文件，或在 Excel/WPS 中打开后另存一份',
  },
  {
    test: /Cannot merge already merged cells/i,
    reason: '工作簿中有相互重叠的合并单元格：请在 Excel 或 WPS 中取消重叠的合并后另存，再试',
  },
  {
    test: /Too many properties to enumerate|Invalid array length|Maximum call stack size exceeded|Invalid string length|Array buffer allocation failed|out of memory/i,
    reason: '文件内容过多或结构过深，超出了程序能处理的范围：这不是正常的年报文件',
  },
  {
    test: /Unexpected close tag|Unclosed root tag|Invalid character in entity name|Non-whitespace before first tag|Text data outside of root node|Attribute without value/i,
    reason: '文件中的 XML 内容已损坏：请在 Excel 或 WPS 中打开后另存一份再试',
  },
];

/** The error code of a node system error ("EACCES"), or null. */
export function systemCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}

/** The first line of an error's message (never its stack). */
export function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split(/\r?\n/)[0];
}

/** The Chinese reason for a known library message (ExcelJS, JSZip, sax, V8 limits), or null. */
export function libraryReason(e: unknown): string | null {
  const message = firstLine(e);
  return LIBRARY.find((l) => l.test.test(message))?.reason ?? null;
}

/** Our own Chinese messages are shown as they are: they already say what to do. */
const HAS_CHINESE = /[\u4e00-\u9fff]/;

/**
 * Why reading or writing failed, in Chinese, without the file's name (the caller names it): a system error code or
 * a known library message gets its own words; our own Chinese errors pass through; anything else asks for --debug,
 * with the library's first line in brackets.
 */
export function failureReason(e: unknown, action: FailureAction): string {
  const code = systemCode(e);
  const system = code ? SYSTEM[code] : undefined;
  if (system) return system(action);
  const known = libraryReason(e);
  if (known) return known;
  const message = firstLine(e);
  if (HAS_CHINESE.test(message)) return message;
  return `出现意外错误${code ? `（${code}）` : ''}：请确认文件完好后重试；如仍出错，请加 --debug 运行并把输出发给维护人员（${message}）`;
}

/** The whole sentence: 无法读取 report.xlsx：没有读取权限：… */
export function describeFailure(e: unknown, file: string, action: FailureAction): string {
  return `无法${action === 'read' ? '读取' : '写入'} ${file}：${failureReason(e, action)}`;
}

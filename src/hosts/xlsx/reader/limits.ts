// The hard limits of reading a workbook, as data: what a report workbook can plausibly hold, with room to spare.
// A file past any of them is refused with a Chinese sentence naming the limit, before it can cost seconds or
// hundreds of MB. The template itself (one sheet of ~600 cells, ~30 KB zipped) sits far below every one.

export const READ_LIMITS = {
  /** A report template is about 30 KB; a workbook with pictures may be a few MB. */
  fileBytes: 20 * 1024 * 1024,
  /** Entries in the zip (a workbook has a few dozen parts). */
  entries: 5000,
  /** Declared uncompressed bytes of all entries together. */
  totalUncompressed: 120 * 1024 * 1024,
  /** Declared compressed bytes of one part the reader inflates. */
  partCompressed: 8 * 1024 * 1024,
  /** Uncompressed bytes of one part the reader inflates (counted as it inflates, not trusted from the directory). */
  partUncompressed: 32 * 1024 * 1024,
  /** Uncompressed bytes the reader inflates in all, over every part it reads. */
  totalInflated: 64 * 1024 * 1024,
  /** Deflate rarely beats 1:200 on real spreadsheet XML; bombs reach 1:1000. Checked for parts over 1 MB. */
  ratio: 400,
  /** Elements nested inside one another in a part (a sheet needs about 6). */
  xmlDepth: 64,
  /** Characters in one attribute value or one text run read from a part. */
  attributeChars: 32 * 1024,
  /** Characters of a defined name's definition: Excel's own limit on a formula's length. */
  nameChars: 8192,
  /** Defined names in the workbook (the template has about 300). */
  names: 20_000,
  /** Cells scanned in the sheets read (the template has about 600). */
  cells: 200_000,
  /** Merged ranges in one sheet (the template has a few hundred). */
  merges: 20_000,
  /** Shared strings scanned to reach the ones the named cells use. */
  sharedStrings: 200_000,
  /** Wall time of one read, in milliseconds: a backstop, every other limit is reached first. */
  wallMs: 10_000,
} as const;

export type ReadLimits = { readonly [K in keyof typeof READ_LIMITS]: number };

export const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A read stopped on purpose: the message is the user's (Chinese, names the limit or the damage). */
export class ReadRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ReadRefusal';
  }
}

export const refuse = (reason: string): never => {
  throw new ReadRefusal(reason);
};

/** The refusal of a file over `limit` bytes; `what` names the kind of file (年报工作簿, 年报全文). */
export function tooLargeReason(size: number, limit: number, what: string): string {
  return `文件过大（${megabytes(size)}），${what}通常小于 1 MB，上限为 ${megabytes(limit)}`;
}

/** The Chinese sentence for each limit, given the part it was hit in. */
export const LIMIT_REASONS = {
  entries: (n: number, limit: number) => `压缩包内文件过多（${n} 个，上限 ${limit} 个），不是正常的年报工作簿`,
  totalUncompressed: (n: number, limit: number) =>
    `解压后内容过大（${megabytes(n)}，上限 ${megabytes(limit)}），已拒绝读取`,
  partCompressed: (part: string, n: number, limit: number) =>
    `${part} 过大（压缩后 ${megabytes(n)}，上限 ${megabytes(limit)}），年报工作簿不会有这么多内容`,
  partUncompressed: (part: string, limit: number) =>
    `工作簿的部件 ${part} 解压后超过 ${megabytes(limit)}（上限），年报工作簿不会有这么多内容，已拒绝读取`,
  totalInflated: (limit: number) => `解压后内容超过 ${megabytes(limit)}（上限），已拒绝读取`,
  ratio: (part: string, limit: number) => `文件疑似“压缩炸弹”：${part} 压缩比超过 ${limit}:1，已拒绝读取`,
  xmlDepth: (part: string, limit: number) =>
    `${part} 的 XML 嵌套超过 ${limit} 层（上限），不是正常的工作簿内容，已拒绝读取`,
  attributeChars: (part: string, limit: number) =>
    `${part} 中有一个属性或文字超过 ${limit} 个字符（上限），不是正常的工作簿内容，已拒绝读取`,
  nameChars: (name: string, n: number, limit: number) =>
    `名称 ${name} 的定义有 ${n} 个字符，超过 Excel 公式的长度上限 ${limit}，不是正常的名称，已拒绝读取`,
  names: (limit: number) => `工作簿中的名称超过 ${limit} 个（上限），不是正常的年报工作簿，已拒绝读取`,
  cells: (sheet: string, limit: number) =>
    `工作表单元格过多：工作表「${sheet}」的单元格超过 ${limit} 个（上限），不是年报工作簿，已拒绝读取`,
  merges: (sheet: string, limit: number) =>
    `工作表「${sheet}」的合并单元格超过 ${limit} 处（上限），不是年报工作簿，已拒绝读取`,
  sharedStrings: (limit: number) => `共享字符串表超过 ${limit} 项（上限），不是年报工作簿，已拒绝读取`,
  wallMs: (limit: number) => `读取超过 ${limit / 1000} 秒（上限），已停止：文件过于复杂，不是正常的年报工作簿`,
} as const;

/** Wall-time guard of one read. */
export class Deadline {
  private readonly end: number;
  constructor(private readonly ms: number) {
    this.end = Date.now() + ms;
  }
  check(): void {
    if (Date.now() > this.end) refuse(LIMIT_REASONS.wallMs(this.ms));
  }
}

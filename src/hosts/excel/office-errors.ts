// Office.js errors (RichApi.Error with an English message and a code) as Chinese messages the pane can show.
const BY_CODE: Readonly<Record<string, string>> = {
  AccessDenied: '工作表受保护，年报助手不能修改被锁定的单元格。请先在「审阅 → 撤销工作表保护」中取消保护后重试',
  InvalidArgument: '年报助手给 Excel 的参数不被接受（可能是工作表设有保护密码，或单元格区域无效）',
  ItemNotFound: '找不到要操作的工作表或名称，可能已被删除或重命名',
  ItemAlreadyExists: '要创建的工作表或名称已经存在',
  ApiNotFound: '当前 Excel 版本不支持这项操作，请升级到 Microsoft 365、Excel 2021 或更高版本，或使用 Excel 网页版',
  InvalidOperation: '当前无法执行这项操作。如果正在编辑某个单元格，请先按 Enter 或 Esc 结束编辑后重试',
  RequestPayloadSizeLimitExceeded: '一次提交的数据过多，超过了 Excel 网页版的限制',
  GeneralException: 'Excel 内部出错',
};

/** An Error whose message says, in Chinese, what failed and what to do; our own Errors pass through. */
export function describeOfficeError(e: unknown, what: string): Error {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string') return e instanceof Error ? e : new Error(`${what}失败：${String(e)}`);
  const text = BY_CODE[code] ?? `Excel 返回错误 ${code}`;
  const error = new Error(`${what}失败：${text}。`);
  (error as Error & { code?: string }).code = code;
  return error;
}

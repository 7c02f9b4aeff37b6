// 自检 (self-test): what a host can do that the product relies on, checked on the user's own spreadsheet program and
// reported so a first user can copy it and send it to whoever deploys the add-in. Host-neutral: each host supplies
// its probes (run-self-test.ts), the pane only shows the report and copies its text.

/** ✓ it worked, ✗ it failed (with the error), or — it could not be probed from code (with why). */
export type CheckOutcome = 'ok' | 'failed' | 'not-probed';

export interface SelfTestCheck {
  /** Stable id, for tests and for whoever reads a pasted report. */
  readonly id: SelfTestCheckId;
  /** The capability, in Chinese. */
  readonly label: string;
  readonly outcome: CheckOutcome;
  /** The error (failed), why it could not be probed (not-probed), or what was seen (ok). */
  readonly detail?: string;
}

export interface SelfTestReport {
  /** The spreadsheet program, e.g. "Excel（Windows）" or "WPS 表格". */
  readonly host: string;
  readonly version: string;
  /** Requirement sets or API levels the host reports (Excel: ExcelApi 1.x). */
  readonly apiSets: readonly string[];
  /** ISO time the run started. */
  readonly at: string;
  readonly checks: readonly SelfTestCheck[];
}

export const SELF_TEST_CHECKS = {
  sheet: '新建临时工作表',
  names: '定义名称',
  values: '写入并读回数值',
  ruleFormula: '用名称写的高亮规则（条件格式）',
  twoRules: '同一单元格上的两条规则（错误 + 提示）',
  typingEvent: '单元格修改事件（键入）',
  pasteEvent: '区域修改事件（粘贴）',
  protection: '工作表保护',
  hiddenSheet: '隐藏工作表（上年数据）',
  cleanup: '删除临时工作表',
} as const;

export type SelfTestCheckId = keyof typeof SELF_TEST_CHECKS;

const MARK: Record<CheckOutcome, string> = { ok: '✓', failed: '✗', 'not-probed': '—' };

/** True when no check failed (a check that could not be probed is not a failure). */
export function selfTestPassed(report: SelfTestReport): boolean {
  return report.checks.every((c) => c.outcome !== 'failed');
}

/** The plain text the pane copies: one line per check, the error or note after it. */
export function formatSelfTestReport(report: SelfTestReport): string {
  const failed = report.checks.filter((c) => c.outcome === 'failed').length;
  const lines = [
    '年报助手 自检报告',
    `时间：${report.at}`,
    `程序：${report.host}`,
    `版本：${report.version}`,
    `接口：${report.apiSets.length ? report.apiSets.join('，') : '（未报告）'}`,
    `结果：${failed ? `${failed} 项未通过` : '全部通过'}`,
    '',
    ...report.checks.map((c) => `${MARK[c.outcome]} ${c.label}${c.detail ? `：${c.detail}` : ''}`),
  ];
  return lines.join('\n');
}

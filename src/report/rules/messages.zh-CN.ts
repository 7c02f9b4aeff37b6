// Every user-visible sentence a finding can say. Keyed by rule id and problem code, so a rule without a message
// is a compile error. Placeholders: {row} {column} {cell} from the check, {left} {right} the two sides' sums,
// {problem} the cell's problem, {expected} what the cell should hold.
import type { ProblemCode } from '../model/value-checks';
import type { RuleId, Severity } from './rule';

/** How a finding's severity is named wherever findings are listed (CLI, reference docs). */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: '错误', warning: '提示' };

export const RULE_MESSAGES: Readonly<Record<RuleId, string>> = {
  'T3.row': '表三「{row}」行：总计为 {left}，但各列之和为 {right}',
  'T3.results': '表三「{column}」列：（七）总计为 {left}，但（一）至（六）各项办理结果之和为 {right}',
  'T3.balance':
    '表三「{column}」列：一、本年新收与二、上年结转之和为 {left}，但（七）总计与四、结转下年度继续办理之和为 {right}',
  'T4.sum': '表四「{row}」：总计为 {left}，但结果维持、结果纠正、其他结果、尚未审结之和为 {right}',
  'T2.inforce': '表二「{row}」：现行有效件数为 {left}，少于本年制发件数减本年废止件数（{right}）',
  'X.carry': '表三「{column}」列：二、上年结转为 {left}，但上年报告的四、结转下年度继续办理为 {right}',
  'X.inforce': '表二「{row}」：现行有效件数为 {left}，但上年现行有效件数加本年制发件数、减本年废止件数为 {right}',
  'type.count': '{cell}{problem}，应填写不小于 0 的整数',
  'type.amount': '{cell}{problem}，应填写不小于 0 的金额（万元），最多 4 位小数',
  'type.year': '{cell}{problem}，应填写 2021 至 2100 之间的四位年份',
  blank: '{cell}为空，{expected}',
  'template.merged': '{cell}被合并单元格盖住了，填写的数字看不到：请取消这处合并，让该单元格单独显示',
  'S.type': '{cell}{problem}，应填写{expected}',
  'S.sum': '{cell}为 {left}，但各分类条数之和为 {right}',
  'N.apply': '{where}中「{quote}」写的申请数为 {left}，但{figure}为 {right}',
  'N.carry': '{where}中「{quote}」写的上年结转申请数为 {left}，但{figure}为 {right}',
  'N.done': '{where}中「{quote}」写的办结申请数为 {left}，但{figure}为 {right}',
  'N.next': '{where}中「{quote}」写的结转下年度申请数为 {left}，但{figure}为 {right}',
  'N.result': '{where}中「{quote}」写的{kind}件数为 {left}，但{figure}为 {right}',
  'N.review': '{where}中「{quote}」写的行政复议{kind}件数为 {left}，但{figure}为 {right}',
  'N.litigation': '{where}中「{quote}」写的行政诉讼{kind}件数为 {left}，但{figure}为 {right}',
  'N.open': '{where}中「{quote}」写的{kind}为 {left}，但{figure}为 {right}',
  'N.openparts': '{where}中「{quote}」：所写的总数为 {left}，但其后列举的各项之和为 {right}',
  'N.fee': '{where}中「{quote}」写的{kind}为 {left}，但{figure}为 {right}',
  'N.supervision': '{where}中「{quote}」写的{kind}为 {left}，但{figure}为 {right}',
};

export const PROBLEM_MESSAGES: Readonly<Record<ProblemCode, string>> = {
  formula: '填写的是公式「{formula}」（计算结果 {value}）',
  error: '为错误值 {value}',
  date: '为日期 {value}',
  bool: '为逻辑值 {value}',
  text: '填写了文字「{value}」',
  textNumber: '填写的「{value}」是文本而不是数字（可改为 {fix}）',
  fullWidth: '填写了全角数字「{value}」（可改为 {fix}）',
  withUnit: '填写了带单位的「{value}」（可改为 {fix}）',
  negative: '填写了负数 {value}',
  fraction: '填写了小数 {value}',
  tooLarge: '的数值 {value} 过大',
  tooManyDecimals: '的金额 {value} 超过 4 位小数',
  yearRange: '填写的 {value} 不是有效年度',
};

export const BLANK_EXPECTED = { number: '没有发生的事项也应填写 0', text: '请填写' } as const;

const compiled = new Map<string, readonly string[]>();

/**
 * Fills {placeholders}. Templates are split once and cached (odd entries are keys): message rendering is most of
 * the cost of a report with many findings.
 */
export function fillTemplate(template: string, args: Readonly<Record<string, string | undefined>>): string {
  let parts = compiled.get(template);
  // Stryker disable next-line ConditionalExpression: equivalent: a cache; splitting again gives the same parts
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += (args[parts[i]] ?? `{${parts[i]}}`) + parts[i + 1];
  return out;
}

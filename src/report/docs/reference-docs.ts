// The reference tables of docs/names.md and docs/rules.md, generated from the layout and the rule catalog so the
// documentation cannot drift from what the product does (a test compares the committed files with these).
import { sheetLayoutOf, type Format } from '../format/format';
import { TABLE_NAMES } from '../layout/format-2021';
import { TEMPLATE_MARKER_NAME } from '../layout/input-cells';
import { templateAddress } from '../sheet-edits/plan-template';
import { RULE_MESSAGES, SEVERITY_LABEL } from '../rules/messages.zh-CN';
import { checkFormula } from '../rules/to-formula';

const KIND_LABEL = {
  count: '件数（整数 ≥ 0）',
  amount: '金额（万元，≤ 4 位小数）',
  text: '文字',
  year: '年份',
} as const;

/** docs/names.md of `format` (one with a template): every input name, where the template puts it, last year's block. */
export function namesMarkdown(format: Format): string {
  const layout = sheetLayoutOf(format);
  const { inputCells, previousCells, previousSources } = format.cells;
  const lines = [
    '# 定义名称一览 (defined names)',
    '',
    '<!-- 由 scripts/gen-docs.ts 根据 src/report 生成，请勿手改。Generated from src/report; do not edit. -->',
    '',
    `每个填报单元格有一个工作簿级名称；读取只通过名称，不依赖单元格地址。模板标记：\`${TEMPLATE_MARKER_NAME}\`（指向表格下方的说明单元格，其文字含“模板版本 ${format.version}”）。`,
    '',
    `共 ${inputCells.length} 个填报名称；另有上年数据 ${previousCells.length} 个（\`nb_prev_*\`，跨年度校验用）。`,
    '',
    '| 名称 name | 表 | 行 | 列 | 类型 | 新模板中的位置 |',
    '|---|---|---|---|---|---|',
  ];
  for (const c of inputCells)
    lines.push(
      `| \`${c.name}\` | ${TABLE_NAMES[c.table]} | ${c.rowLabel} | ${c.columnLabel} | ${KIND_LABEL[c.kind]} | ${templateAddress(c, layout)} |`,
    );
  lines.push('', '## 上年数据 (previous year)', '', '| 名称 | 对应上年的 | 表 | 行 | 列 |', '|---|---|---|---|---|');
  previousCells.forEach((c, i) =>
    lines.push(
      `| \`${c.name}\` | \`${previousSources[i].name}\` | ${TABLE_NAMES[c.table]} | ${c.rowLabel} | ${c.columnLabel} |`,
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** docs/rules.md of `format`: its rules as the catalog builds them, and one compiled formula of each. */
export function rulesMarkdown(format: Format): string {
  const lines = [
    '# 校验规则 (rules)',
    '',
    '<!-- 由 scripts/gen-docs.ts 根据 src/report 生成，请勿手改。Generated from src/report; do not edit. -->',
    '',
    '规则即数据：同一份清单驱动校验器、条件格式公式、校验列表和本文档。规则编号发布后不再改变。',
    '',
    '| 编号 | 级别 | 规则 | 依据 | 检查数 | 提示语模板 |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of format.rules)
    lines.push(
      `| \`${r.id}\` | ${SEVERITY_LABEL[r.severity]} | ${r.title} | ${r.basis} | ${r.checks.length} | ${RULE_MESSAGES[r.id]} |`,
    );
  lines.push('', '## 条件格式公式示例 (one compiled formula per rule)', '');
  for (const r of format.rules.filter((x) => x.checks.length > 0))
    lines.push(`- \`${r.id}\`：\`=${checkFormula(r.checks[0])}\``);
  return `${lines.join('\n')}\n`;
}

// A published report as the HTML page a government site serves: the title, narrative paragraphs, and the three
// tables with merged cells (rowspan/colspan) as the official format draws them, plus the scripts, styles and
// entities such pages carry. Rendered from an expected sample, so the import can be compared cell by cell.
import {
  T2_BLOCKS,
  T2_CONTENT_HEADER,
  T2_TITLE,
  T3_COLUMNS,
  T3_CORNER_NOTE,
  T3_ORG_HEADER,
  T3_APPLICANT_HEADER,
  T3_RESULTS_LABEL,
  T3_ROWS,
  T3_TITLE,
  T4_COLUMNS,
  T4_GROUPS,
  T4_TITLE,
} from '../../src/report';
import type { ExpectedSample } from './expected-samples';

const td = (text: string | number, attrs = '') =>
  `<td${attrs}><p style="text-align:center"><span>${text}</span></p></td>`;

/** A sample's 表二 figures by row id, in column order. */
export function t2ValuesOf(e: ExpectedSample): Record<string, number[]> {
  return {
    rule: e.t2.rule,
    norm: e.t2.norm,
    license: [e.t2.license],
    penalty: [e.t2.penalty],
    coercion: [e.t2.coercion],
    fee: [e.t2.fee],
  };
}

export function renderHtml(e: ExpectedSample, options: { hostile?: boolean } = {}): string {
  const t2Values = t2ValuesOf(e);
  const t2 = T2_BLOCKS.map((b) => {
    const span = b.columns.length === 1 ? ' colspan="3"' : '';
    return [
      `<tr>${td(b.heading, ' colspan="4"')}</tr>`,
      `<tr>${td(T2_CONTENT_HEADER)}${b.columns.map((c) => td(c.label, span)).join('')}</tr>`,
      ...b.rows.map((r) => `<tr>${td(r.label)}${t2Values[r.id].map((v) => td(v, span)).join('')}</tr>`),
    ].join('\n');
  }).join('\n');

  const groups = new Map<string, number>();
  for (const r of T3_ROWS) if (r.group) groups.set(r.group, (groups.get(r.group) ?? 0) + 1);
  const resultRows = T3_ROWS.filter((r) => r.result).length;
  const seenGroup = new Set<string>();
  let resultsOpened = false;
  const t3Rows = T3_ROWS.map((r) => {
    const cells: string[] = [];
    if (r.result && !resultsOpened) {
      cells.push(td(T3_RESULTS_LABEL, ` rowspan="${resultRows}"`));
      resultsOpened = true;
    }
    if (!r.result) cells.push(td(r.label, ' colspan="3"'));
    else if (r.group) {
      if (!seenGroup.has(r.group)) {
        cells.push(td(r.group, ` rowspan="${groups.get(r.group)}"`));
        seenGroup.add(r.group);
      }
      cells.push(td(r.label));
    } else cells.push(td(r.label, ' colspan="2"'));
    return `<tr>${cells.join('')}${e.t3[r.id].map((v) => td(v)).join('')}</tr>`;
  }).join('\n');
  const t3Head = [
    `<tr>${td(T3_CORNER_NOTE, ' colspan="3" rowspan="3"')}${td(T3_APPLICANT_HEADER, ' colspan="7"')}</tr>`,
    `<tr>${td(T3_COLUMNS[0].label, ' rowspan="2"')}${td(T3_ORG_HEADER, ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>`,
    `<tr>${T3_COLUMNS.filter((c) => c.org)
      .map((c) => td(c.label))
      .join('')}</tr>`,
  ].join('\n');

  const t4Head = [
    `<tr>${td(T4_GROUPS[0].label, ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}</tr>`,
    `<tr>${T4_COLUMNS.map((c) => td(c.label, ' rowspan="2"')).join('')}${T4_GROUPS.slice(1)
      .map((g) => td(g.label, ' colspan="5"'))
      .join('')}</tr>`,
    `<tr>${[1, 2].map(() => T4_COLUMNS.map((c) => td(c.label)).join('')).join('')}</tr>`,
  ].join('\n');
  const t4 = `<tr>${e.t4.map((v) => td(v)).join('')}</tr>`;

  const hostile = options.hostile
    ? `<script>document.write('<table><tr><td>一、本年新收政府信息公开申请数量</td><td>999</td></tr></table>'); while(true){}</script>
<style>td { color: red } /* 规章 888 */</style><!-- 行政许可 777 --><iframe src="javascript:alert(1)">行政处罚 666</iframe>
<img src=x onerror="alert('行政强制 555')">`
    : '';
  const title = `${e.agency}${e.year}年政府信息公开工作年度报告`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${title}_${e.agency}</title>${hostile}</head>
<body><div class="nav">首页 &gt; 政府信息公开 &gt; 年度报告</div>
<h1>${title}</h1>
<p>&nbsp;&nbsp;本报告依据《中华人民共和国政府信息公开条例》编制。</p>
<p><strong>一、总体情况</strong></p>
<p>（一）主动公开情况。全年主动公开政府信息&ldquo;若干&rdquo;条。</p>
<p>（二）依申请公开情况。依法办理政府信息公开申请。</p>
<p>（三）政府信息管理情况。规范发布流程。</p>
<p>（四）政府信息公开平台建设情况。优化网站栏目。</p>
<p>（五）监督保障情况。开展培训。</p>
<p><strong>${T2_TITLE}</strong></p>
<table border="1">${t2}</table>
<p><strong>${T3_TITLE}</strong></p>
<table border="1">${t3Head}
${t3Rows}</table>
<p><strong>${T4_TITLE}</strong></p>
<table border="1">${t4Head}
${t4}</table>
<p><strong>五、存在的主要问题及改进情况</strong></p>
<p>一是政策解读质量仍需提升&amp;改进。</p>
<p><strong>六、其他需要报告的事项</strong></p>
<p>本年度未收取信息处理费。</p>
${options.hostile ? '<script src="https://example.invalid/x.js"></script><noscript>规章 444</noscript>' : ''}
</body></html>`;
}

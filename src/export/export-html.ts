// The report as one self-contained HTML file for a website: inline CSS, no script, no external resource, every
// text escaped (a <script> typed into a cell shows as text). Print CSS gives A4 pages like the .docx.
import type { Narrative, Report, SheetLayout } from '../report';
import { reportDocument, reportTitle, type Block, type DocTable } from './report-document';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const FONTS = {
  title: `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", serif`,
  heading1: `"黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif`,
  heading2: `"楷体", "KaiTi", "STKaiti", "Kaiti SC", "Noto Serif CJK SC", serif`,
  body: `"仿宋", "FangSong", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", serif`,
};

const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { margin: 0 auto; max-width: 156mm; padding: 24px 16px; font-family: ${FONTS.body}; font-size: 16pt;
  line-height: 28pt; color: #000; background: #fff; }
h1.title { font-family: ${FONTS.title}; font-size: 22pt; font-weight: normal; line-height: 36pt; text-align: center;
  margin: 0 0 28pt; }
h2 { font-family: ${FONTS.heading1}; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
h3 { font-family: ${FONTS.heading2}; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
p { text-indent: 2em; margin: 0; text-align: justify; }
p.placeholder { color: #9c0006; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 6pt 0 12pt; line-height: 1.3; }
td, th { border: 1px solid #000; padding: 2px 3px; text-align: center; vertical-align: middle; word-break: break-all; }
th { font-family: ${FONTS.heading1}; font-weight: normal; }
td.label { text-align: left; }
td.vertical { writing-mode: vertical-rl; text-align: center; }
@media print { body { padding: 0; max-width: none; } h2.new-page { page-break-before: always; } table { page-break-inside: auto; } tr { page-break-inside: avoid; } }
`;

export function tableHtml(t: DocTable): string {
  const units = t.widths.reduce((s, w) => s + w, 0);
  const cols = t.widths.map((w) => `<col style="width:${((100 * w) / units).toFixed(3)}%">`).join('');
  const rows = t.rows.map((row, r) => {
    const cells = row.map((c) => {
      const header = c.role === 'header' || c.role === 'block';
      const tag = header ? 'th' : 'td';
      const attrs = [
        c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '',
        c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '',
        header ? ' scope="col"' : '',
        !header && c.role === 'label' ? ` class="label${c.vertical ? ' vertical' : ''}"` : '',
      ].join('');
      return `<${tag}${attrs}>${escapeHtml(c.text)}</${tag}>`;
    });
    return `<tr${r < t.headerRows ? ' class="head"' : ''}>${cells.join('')}</tr>`;
  });
  return `<table class="${t.id}" style="font-size:${t.fontSize}pt"><colgroup>${cols}</colgroup>\n${rows.join('\n')}\n</table>`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1 class="title">${escapeHtml(b.text)}</h1>`;
    case 'heading':
      if (b.level === 2) return `<h3>${escapeHtml(b.text)}</h3>`;
      return `<h2${b.newPage ? ' class="new-page"' : ''}>${escapeHtml(b.text)}</h2>`;
    case 'paragraph':
      return `<p${b.placeholder ? ' class="placeholder"' : ''}>${escapeHtml(b.text)}</p>`;
    case 'table':
      return tableHtml(b.table);
  }
}

/** The whole report as one HTML document (UTF-8). */
export function exportHtml(report: Report, narrative: Narrative, layout: SheetLayout): string {
  const body = reportDocument(report, narrative, layout).map(blockHtml).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="年报助手">
<title>${escapeHtml(reportTitle(report))}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

// Every text of an exported HTML table is escaped, as the page's other texts are (export-html.ts: "a <script> typed
// into a cell shows as text"). The format's own labels hold no & < > " ' (its quotes are the full-width “ ”), so the
// cells are given here with them.
import { tableHtml } from '../../src/export/export-html';
import type { DocTable } from '../../src/export/report-document';

const table: DocTable = {
  id: 'T2',
  widths: [3, 1],
  headerRows: 1,
  fontSize: 10,
  rows: [
    [
      { text: '信息内容 <b>"甲"</b>', colSpan: 1, rowSpan: 1, role: 'header', vertical: false },
      { text: "R&D '乙'", colSpan: 1, rowSpan: 1, role: 'header', vertical: false },
    ],
    [
      { text: '<script>window.__pwned = 1</script>', colSpan: 1, rowSpan: 1, role: 'label', vertical: false },
      { text: '3 < 4 & 5 > 2', colSpan: 1, rowSpan: 1, role: 'value', vertical: false },
    ],
  ],
};

describe('an exported HTML table', () => {
  const html = tableHtml(table);

  it('escapes & < > " \' in header, label and value cells', () => {
    expect(html).toContain('<th scope="col">信息内容 &lt;b&gt;&quot;甲&quot;&lt;/b&gt;</th>');
    expect(html).toContain('<th scope="col">R&amp;D &#39;乙&#39;</th>');
    expect(html).toContain('<td class="label">&lt;script&gt;window.__pwned = 1&lt;/script&gt;</td>');
    expect(html).toContain('<td>3 &lt; 4 &amp; 5 &gt; 2</td>');
  });

  it('has no markup but its own', () => {
    expect(html).not.toMatch(/<(script|b)\b/);
  });
});

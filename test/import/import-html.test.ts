// HTML pages: merged cells expanded so columns keep their places, scripts and other active content dropped
// unread, entities decoded. Rendered from the expected samples, compared cell by cell.
import { importReport, linesFromHtml } from '../../src/report/import';
import { EXPECTED } from './expected-samples';
import { renderHtml } from './html-page';
import { differences, expectedValues } from './sample-support';

describe.each(EXPECTED.map((e) => [e.file, e] as const))('the HTML page of %s', (_f, e) => {
  it('imports every figure, agency and year', () => {
    const r = importReport(renderHtml(e));
    expect(r.source).toBe('html');
    expect(differences(r.values, expectedValues(e))).toEqual([]);
    expect(r.formatVersion).toBe('2021');
    expect(r.diagnostics.filter((d) => d.level === 'warning').map((d) => d.message)).toEqual([]);
  });
});

describe('a hostile page', () => {
  const e = EXPECTED.find((x) => x.file === 'real/005.txt')!;
  const html = renderHtml(e, { hostile: true });

  it('reads the same figures; nothing inside scripts, styles, comments or frames is read', () => {
    const r = importReport(html);
    expect(differences(r.values, expectedValues(e))).toEqual([]);
    const all = linesFromHtml(html)
      .map((l) => l.text)
      .join('\n');
    for (const planted of ['999', '888', '777', '666', '555', '444', 'alert', 'example.invalid'])
      expect(all).not.toContain(planted);
  });

  it('keeps the narrative, with entities decoded', () => {
    const r = importReport(html);
    expect(r.narrative.problems).toBe('一是政策解读质量仍需提升&改进。');
    expect(r.narrative.other).toBe('本年度未收取信息处理费。');
    expect(r.narrative.overall).toContain('“若干”');
    expect(r.narrative.overallParts.map((p) => p.heading)).toEqual([
      '（一）主动公开情况',
      '（二）依申请公开情况',
      '（三）政府信息管理情况',
      '（四）政府信息公开平台建设情况',
      '（五）监督保障情况',
    ]);
  });
});

describe('linesFromHtml', () => {
  const cellsOf = (html: string) =>
    linesFromHtml(html).map((l) =>
      l.cells.map((c) => (c.kind === 'text' ? c.text : c.kind === 'number' ? c.value : '_')),
    );

  it('rebuilds the grid from colspan and rowspan: a row lists the cells that start in it, in grid order', () => {
    expect(
      cellsOf('<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>1</td><td>2</td></tr></table>'),
    ).toEqual([
      ['A', 'B'],
      [1, 2],
    ]);
    // A rowspan in the middle column: the next row's cells go around it.
    expect(
      cellsOf(
        '<table><tr><td>x</td><td rowspan="3">M</td><td>y</td></tr><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr><tr><td>5</td><td>6</td><td>7</td></tr></table>',
      ),
    ).toEqual([
      ['x', 'M', 'y'],
      [1, 2],
      [3, 4],
      [5, 6, 7],
    ]);
  });

  it('keeps an explicit empty cell as a blank; implied end tags close cells and rows as a browser does', () => {
    expect(cellsOf('<table><tr><td>规章<td>1<td><td>3<tr><th>2</table>')).toEqual([['规章', 1, '_', 3], [2]]);
  });

  it('reads entities and drops raw-text elements by the tokenizer, not by patterns', () => {
    expect(cellsOf('<p>a&amp;b&nbsp;c&#x4e00;</p><script>document.write("<table><tr><td>9")</script><p>d')).toEqual([
      ['a&b c一'],
      ['d'],
    ]);
  });

  it('survives unclosed tags, stray "<" and absurd spans', () => {
    const lines = linesFromHtml('<table><tr><td colspan="99999">x < y<td>3</table><p>after');
    expect(lines[0].cells.length).toBeLessThanOrEqual(65);
    expect(lines.at(-1)?.text).toBe('after');
  });
});

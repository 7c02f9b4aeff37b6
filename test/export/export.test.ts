// The exported documents as a reader meets them: the .docx opened by LibreOffice (converted to PDF, and saved again
// as .docx), its text in the national order with the tables' merged headers; the .html opened in chromium, with
// what a user typed shown as text and nothing loaded from outside.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { exportDocuments, exportDocx, exportHtml, reportDocument, tableFromLayout } from '../../src/export';
import {
  NARRATIVE_HEADINGS,
  T2_TITLE,
  T3_CORNER_NOTE,
  T3_ROWS,
  T3_TITLE,
  T4_TITLE,
  renderNarrative,
  type Narrative,
  type Report,
} from '../../src/report';
import { withChromium } from '../support/chromium';
import { convertWithLibreOffice } from '../support/libreoffice';
import { TOOLS, requireTool } from '../support/system-tools';
import { setName, text } from '../support/report-values';
import { large, largeValues, reportOf, supplementOf } from '../narrative/fixtures';
import { suiteTempDir } from '../support/temp-dir';
import { buildFormat2021 } from '../../src/report/format/formats';

/** The format these tests read and check reports as (what a composition root builds). */
const FORMAT = buildFormat2021();

const SCRIPT = '<script>window.__pwned = 1</script>';
const dir = suiteTempDir('nb-export-');

function hostileReport(): { report: Report; narrative: Narrative } {
  const v = largeValues();
  setName(v, 'nb_agency', text(`淮安市${SCRIPT}办公室`));
  const report = reportOf(v);
  const supplement = supplementOf({
    open_total: 5500,
    open_cat1_name: `政策文件${SCRIPT}`,
    open_cat1_count: 5500,
    text_management: `一是健全制度。\n二是${SCRIPT}规范审查 & 发布。`,
    text_platform: '优化门户网站栏目。',
    text_supervision: '加强监督考核。',
    text_problems: '一是政策解读质量仍需提升。',
    text_other: '无其他需要报告的事项。',
    fee_notices: 8,
    fee_amount: 4200,
    fee_collected: 3940,
  });
  return { report, narrative: renderNarrative(report, supplement) };
}

describe('the document outline', () => {
  const { report, narrative } = hostileReport();
  const blocks = reportDocument(report, narrative, FORMAT.sheetLayout!);

  it('has the title and the six sections in the national order, with the tables where they belong', () => {
    const outline = blocks
      .filter((b) => b.kind !== 'paragraph')
      .map((b) => (b.kind === 'table' ? `[${b.table.id}]` : b.kind === 'heading' ? b.text : `#${b.text}`));
    expect(outline).toEqual([
      `#淮安市${SCRIPT}办公室2024年政府信息公开工作年度报告`,
      NARRATIVE_HEADINGS.overall,
      NARRATIVE_HEADINGS.open,
      NARRATIVE_HEADINGS.apply,
      NARRATIVE_HEADINGS.management,
      NARRATIVE_HEADINGS.platform,
      NARRATIVE_HEADINGS.supervision,
      T2_TITLE,
      '[T2]',
      T3_TITLE,
      '[T3]',
      T4_TITLE,
      '[T4]',
      NARRATIVE_HEADINGS.problems,
      NARRATIVE_HEADINGS.other,
    ]);
  });

  it('cuts 表三 from the template layout with the format’s merged headers', () => {
    const t3 = tableFromLayout('T3', report, FORMAT.sheetLayout!);
    expect(t3.widths).toHaveLength(10); // 3 label columns + 7 numbers
    expect(t3.rows).toHaveLength(3 + T3_ROWS.length);
    const [h1, h2, h3] = t3.rows;
    expect(h1.map((c) => [c.text, c.colSpan, c.rowSpan])).toEqual([
      [T3_CORNER_NOTE, 3, 3],
      ['申请人情况', 7, 1],
    ]);
    expect(h2.map((c) => [c.text, c.colSpan, c.rowSpan])).toEqual([
      ['自然人', 1, 2],
      ['法人或其他组织', 5, 1],
      ['总计', 1, 2],
    ]);
    expect(h3.map((c) => c.text)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    const results = t3.rows.flat().find((c) => c.text === '三、本年度办理结果')!;
    expect([results.rowSpan, results.vertical]).toEqual([22, true]);
    expect(t3.rows[3].map((c) => c.text)).toEqual([
      '一、本年新收政府信息公开申请数量',
      '3001',
      '53',
      '0',
      '0',
      '61',
      '4',
      '3119',
    ]);
  });

  it('cuts 表四 with 行政复议 over five columns and 行政诉讼 over ten', () => {
    const t4 = tableFromLayout('T4', report, FORMAT.sheetLayout!);
    expect(t4.rows[0].map((c) => [c.text, c.colSpan])).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    expect(t4.rows[1].map((c) => [c.text, c.rowSpan, c.colSpan])).toEqual([
      ['结果维持', 2, 1],
      ['结果纠正', 2, 1],
      ['其他结果', 2, 1],
      ['尚未审结', 2, 1],
      ['总计', 2, 1],
      ['未经复议直接起诉', 1, 5],
      ['复议后起诉', 1, 5],
    ]);
    expect(t4.rows[3].map((c) => c.text).join(' ')).toBe('72 64 178 37 351 13 4 8 1 26 12 1 1 6 20');
  });
});

describe('HTML export', () => {
  const { report, narrative } = hostileReport();
  const html = exportHtml(report, narrative, FORMAT.sheetLayout!);

  it('escapes everything typed: a <script> in a cell is text', () => {
    expect(html).not.toContain('<script');
    expect(html.match(/&lt;script&gt;window.__pwned = 1&lt;\/script&gt;/g)).toHaveLength(4); // title, h1, category, text
    expect(html).toContain('规范审查 &amp; 发布');
  });

  it('is self-contained: no external resource, no script', () => {
    expect(html).not.toMatch(/https?:|<link|@import|url\(|src=|<iframe|<object|\son\w+=/i);
  });

  it('shows the text and runs nothing in a real browser', async () => {
    const path = join(dir, 'report.html');
    writeFileSync(path, html);
    await withChromium(async (browser) => {
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${path}`);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.title()).toBe(`淮安市${SCRIPT}办公室2024年政府信息公开工作年度报告`);
      const bodyText = await page.evaluate(() => document.body.innerText);
      expect(bodyText).toContain(`政策文件${SCRIPT}5500条`);
      // The merged headers as a browser lays them out: 法人或其他组织 spans the five organisation columns.
      const spans = await page.evaluate(() =>
        [...document.querySelectorAll('table.T3 th')].map((c) => [c.textContent, (c as HTMLTableCellElement).colSpan]),
      );
      expect(spans).toContainEqual(['法人或其他组织', 5]);
      expect(requests).toEqual([`file://${path}`]);
    });
  });
});

describe('DOCX export', () => {
  const { report, narrative } = hostileReport();
  let docxPath = '';

  beforeAll(async () => {
    docxPath = join(dir, 'report.docx');
    writeFileSync(docxPath, await exportDocx(report, narrative, FORMAT.sheetLayout!));
  });

  it('is a Word document with A4 pages and the text escaped as XML', async () => {
    const zip = await JSZip.loadAsync(readFileSync(docxPath));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(xml).not.toContain('<script');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
  });

  // LibreOffice and poppler are required (test/support/system-tools.ts): missing, these fail with the install command.
  it('converts to PDF with LibreOffice, with every section and table in order', () => {
    const out = join(dir, 'pdf');
    convertWithLibreOffice(docxPath, 'pdf', out);
    const pdf = join(out, 'report.pdf');
    expect(existsSync(pdf)).toBe(true);
    const text = execFileSync(requireTool(TOOLS.pdftotext), ['-layout', pdf, '-']).toString();
    const order = [
      NARRATIVE_HEADINGS.overall,
      '（二）依申请公开情况',
      '共收到政府信息公开申请3119件',
      T2_TITLE,
      '第二十条第（一）项',
      T3_TITLE,
      '申请人情况',
      '（七）总计',
      '四、结转下年度继续办理',
      T4_TITLE,
      '未经复议直接起诉',
      NARRATIVE_HEADINGS.problems,
      NARRATIVE_HEADINGS.other,
      '实际收取信息处理费3940元',
    ].map((s) => text.replace(/\s+/g, '').indexOf(s.replace(/\s+/g, '')));
    expect(order.filter((i) => i < 0)).toEqual([]);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // 表三 starts a page of its own.
    const pages = text.split('\f');
    expect(pages.findIndex((p) => p.includes(T3_TITLE))).toBe(pages.findIndex((p) => p.includes('申请人情况')));
    expect(
      pages
        .find((p) => p.includes(T3_TITLE))!
        .trimStart()
        .startsWith(T3_TITLE),
    ).toBe(true);
    const png = join(dir, 'png');
    execFileSync(requireTool(TOOLS.pdftoppm), ['-r', '110', '-png', pdf, png]);
    const images = readdirSync(dir).filter((f) => f.startsWith('png') && f.endsWith('.png'));
    expect(images.length).toBe(pages.filter((p) => p.trim() !== '').length);
  });

  it('round-trips through LibreOffice (.docx → .docx) keeping the tables and their merges', async () => {
    const out = join(dir, 'roundtrip');
    convertWithLibreOffice(docxPath, 'docx:MS Word 2007 XML', out);
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'report.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    // LibreOffice re-grids the tables on saving, so compare cells per row rather than grid spans.
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables).toHaveLength(3);
    const firstRowTexts = (t: string) =>
      /<w:tr[ >][\s\S]*?<\/w:tr>/
        .exec(t)![0]
        .split('<w:tc>')
        .slice(1)
        .map((c) => [...c.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    expect(firstRowTexts(tables[1])).toEqual([T3_CORNER_NOTE, '申请人情况']);
    expect(firstRowTexts(tables[2])).toEqual(['行政复议', '行政诉讼']);
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toContain('&lt;script&gt;');
  });
});

it('exportDocuments writes the files it is asked for, and only those', async () => {
  const report = large();
  const narrative = renderNarrative(report, supplementOf({}));
  const html = join(dir, 'only.html');
  expect(await exportDocuments(report, narrative, { html }, FORMAT)).toEqual([html]);
  expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  expect(existsSync(join(dir, 'only.docx'))).toBe(false);
  const docx = join(dir, 'both.docx');
  expect(await exportDocuments(report, narrative, { docx, html }, FORMAT)).toEqual([docx, html]);
  expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
});

// Not a check: refreshes the pictures in docs/ (UPDATE_DOC_IMAGES=1 npx jest test/export/export.test.ts).
const updateImages = process.env.UPDATE_DOC_IMAGES ? it : it.skip;
updateImages('renders docs/export-*.png from the 淮安市 2024 figures', async () => {
  const report = large();
  const narrative = renderNarrative(
    report,
    supplementOf({
      open_total: 5500,
      open_cat1_name: '政策文件',
      open_cat1_count: 1200,
      open_cat2_name: '政务动态信息',
      open_cat2_count: 4300,
      inspections: 6,
      trainings: 12,
      fee_notices: 8,
      fee_amount: 4200,
      fee_collected: 3940,
      text_management: '坚持“先审查、后公开”和“一事一审”原则，规范公开属性认定和保密审查。',
      text_platform: '优化政府网站政府信息公开专栏，完善政策文件库。',
      text_supervision: '将政务公开纳入年度考核，开展业务培训。',
      text_problems: '政策解读质量仍需提升，公开队伍建设还需加强。下一步将着力提升解读的针对性和通俗化。',
      text_other: '无其他需要报告的事项。',
    }),
  );
  const docx = join(dir, 'sample.docx');
  writeFileSync(docx, await exportDocx(report, narrative, FORMAT.sheetLayout!));
  convertWithLibreOffice(docx, 'pdf', dir);
  execFileSync(requireTool(TOOLS.pdftoppm), ['-r', '80', '-png', join(dir, 'sample.pdf'), join(dir, 'sample')]);
  readdirSync(dir)
    .filter((f) => /^sample-\d+\.png$/.test(f))
    .sort()
    .forEach((f, i) => copyFileSync(join(dir, f), `docs/export-docx-page${i + 1}.png`));
  const html = join(dir, 'sample.html');
  writeFileSync(html, exportHtml(report, narrative, FORMAT.sheetLayout!));
  await withChromium(async (browser) => {
    const page = await browser.newPage({ viewport: { width: 820, height: 1000 } });
    await page.goto(`file://${html}`);
    await page.screenshot({ path: 'docs/export-html.png', fullPage: true });
  });
});

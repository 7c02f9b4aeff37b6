// The default templates, read as sentences: zero, small (高新区 2021) and large (淮安市 2024) reports, and the
// singular and all-one-kind variants an official would write differently.
import {
  DEFAULT_TEMPLATES,
  GENERATED_SECTIONS,
  listFields,
  narrativeData,
  renderNarrative,
  renderTemplate,
  type Report,
  type Supplement,
} from '../../src/report';
import { num, set, setName, zeroReport } from '../support/report-values';
import { GAOXINQU_SUPPLEMENT, emptySupplement, large, reportOf, small, supplementOf, zero } from './fixtures';

const text = (r: Report, s: Supplement, id: (typeof GENERATED_SECTIONS)[number]['id']) =>
  renderNarrative(r, s).generated[id].paragraphs.join('\n');

/** A zero report with T3 figures set: [row, column, n]… (totals filled in by the caller). */
function withT3(cells: [string, string, number][]): Report {
  const v = zeroReport();
  setName(v, 'nb_year', num(2023));
  for (const [row, col, n] of cells) set(v, 'T3', row, col, n);
  return reportOf(v);
}

describe('default templates on a zero report', () => {
  const r = zero();
  const s = emptySupplement();
  it('say no application was received, none carried over', () =>
    expect(text(r, s, 'apply')).toBe('2025年，本机关未收到政府信息公开申请，也没有上年结转的申请。'));
  it('say no review or litigation happened, and introduce the table', () =>
    expect(text(r, s, 'review')).toBe(
      '2025年，本机关未发生因政府信息公开引起的行政复议、行政诉讼案件。具体情况见下表。',
    ));
  it('say no fee was charged', () =>
    expect(text(r, s, 'fee')).toBe('2025年，本机关未发出收费通知，未收取政府信息公开信息处理费。'));
  it('leave out the 主动公开 total when the 补充信息 sheet is blank, and state the documents', () =>
    expect(text(r, s, 'open')).toBe('全年未制发规章和行政规范性文件；截至年底，无现行有效的规章和行政规范性文件。'));
  it('write nothing about supervision when neither count is filled', () => expect(text(r, s, 'supervision')).toBe(''));
});

describe('default templates on the small 高新区 2021 report', () => {
  const r = small();
  const s = GAOXINQU_SUPPLEMENT();
  it('lists the 主动公开 categories after the total', () =>
    expect(text(r, s, 'open')).toMatch(
      /^2021年，本机关共主动公开政府信息422条，其中概况类信息361条、政务动态信息18条、信息公开目录信息43条。/,
    ));
  it('says all applications came from natural persons and names the two results', () =>
    expect(text(r, s, 'apply')).toBe(
      '2021年，本机关共收到政府信息公开申请2件，均由自然人提出。上述申请已全部办结，其中无法提供1件、不予处理1件。',
    ));
  it('gives the supervision counts', () =>
    expect(text(r, s, 'supervision')).toBe('2021年，本机关开展政府信息公开监督检查2次，组织政府信息公开教育培训4次。'));
  it('reports fees of zero as none charged', () =>
    expect(text(r, s, 'fee')).toBe('2021年，本机关未发出收费通知，未收取政府信息公开信息处理费。'));
});

describe('default templates on the large 淮安市 2024 report', () => {
  const r = large();
  const s = supplementOf({ fee_notices: 8, fee_amount: 4200, fee_collected: 3940, inspections: 6, trainings: 12 });
  it('splits applicants with a percentage, adds the carried-over ones and every non-zero result', () =>
    expect(text(r, s, 'apply')).toBe(
      '2024年，本机关共收到政府信息公开申请3119件，其中自然人提出3001件（占96.2%），法人或其他组织提出118件；另有上年结转申请34件。' +
        '本年度办结申请3050件，其中予以公开1362件、部分公开454件、不予公开178件、无法提供781件、不予处理88件、其他处理187件；结转下年度继续办理103件。',
    ));
  it('sums 不予公开 (eight rows) and 其他处理 (three rows) as the table prints them', () => {
    const data = narrativeData(r, s) as { 申请: { 结果: Record<string, number> } };
    expect(data.申请.结果['不予公开']).toBe(2 + 31 + 5 + 6 + 8 + 12 + 9 + 105);
    expect(data.申请.结果['其他处理']).toBe(71 + 6 + 110);
  });
  it('states review and litigation with their breakdowns', () =>
    expect(text(r, s, 'review')).toBe(
      '2024年，本机关因政府信息公开被申请行政复议351件，其中结果维持72件、结果纠正64件、其他结果178件、尚未审结37件；' +
        '因政府信息公开被提起行政诉讼46件，其中结果维持25件、结果纠正5件、其他结果9件、尚未审结7件。具体情况见下表。',
    ));
  it('states fee notices, their amount and what was collected', () =>
    expect(text(r, s, 'fee')).toBe(
      '2024年，本机关依照《政府信息公开信息处理费管理办法》向申请人发出收费通知8件，金额合计4200元，实际收取信息处理费3940元。',
    ));
  it('states the documents and decisions of 表二, leaving out zero items', () =>
    expect(text(r, s, 'open')).toBe(
      '全年制发规章1件、行政规范性文件11件，废止行政规范性文件3件；截至年底，现行有效规章38件、行政规范性文件152件。' +
        '全年作出行政许可决定1520件、行政处罚决定86件，收取行政事业性收费96171.6万元。',
    ));
});

describe('singular and all-one-kind wording', () => {
  it('one application from an organisation, answered: 申请人为…, 该申请…, 办理结果为…', () => {
    const r = withT3([
      ['new', 'business', 1],
      ['new', 'total', 1],
      ['open', 'business', 1],
      ['open', 'total', 1],
      ['total', 'business', 1],
      ['total', 'total', 1],
    ]);
    expect(text(r, emptySupplement(), 'apply')).toBe(
      '2023年，本机关共收到政府信息公开申请1件，申请人为法人或其他组织。该申请已办结，办理结果为予以公开。',
    );
  });

  it('three applications all 予以公开, one carried forward: 均为…, and the carry-forward', () => {
    const r = withT3([
      ['new', 'person', 4],
      ['new', 'total', 4],
      ['open', 'person', 3],
      ['open', 'total', 3],
      ['total', 'person', 3],
      ['total', 'total', 3],
      ['next', 'person', 1],
      ['next', 'total', 1],
    ]);
    expect(text(r, emptySupplement(), 'apply')).toBe(
      '2023年，本机关共收到政府信息公开申请4件，均由自然人提出。本年度办结申请3件，办理结果均为予以公开；结转下年度继续办理1件。',
    );
  });

  it('only carried-over applications, none finished: 未收到新的…, 上述…均结转下年度', () => {
    const r = withT3([
      ['carry', 'person', 2],
      ['carry', 'total', 2],
      ['next', 'person', 2],
      ['next', 'total', 2],
    ]);
    expect(text(r, emptySupplement(), 'apply')).toBe(
      '2023年，本机关未收到新的政府信息公开申请，上年结转申请2件。上述2件申请均结转下年度继续办理。',
    );
  });

  it('one review, upheld, and no litigation', () => {
    const v = zeroReport();
    setName(v, 'nb_year', num(2023));
    set(v, 'T4', 'review', 'upheld', 1);
    set(v, 'T4', 'review', 'total', 1);
    expect(text(reportOf(v), emptySupplement(), 'review')).toBe(
      '2023年，本机关因政府信息公开被申请行政复议1件，结果维持；未发生因政府信息公开引起的行政诉讼案件。具体情况见下表。',
    );
  });

  it('a notice whose fee the applicant did not pay', () => {
    const s = supplementOf({ fee_notices: 1, fee_amount: 120, fee_collected: 0 });
    expect(text(zero(), s, 'fee')).toBe(
      '2025年，本机关依照《政府信息公开信息处理费管理办法》向申请人发出收费通知1件，金额120元，申请人未缴纳，实际未收取信息处理费。',
    );
  });

  it('the 主动公开 total of 0', () =>
    expect(text(zero(), supplementOf({ open_total: 0 }), 'open')).toMatch(/^2025年，本机关未主动公开政府信息。/));
});

describe('edited templates', () => {
  it('use the workbook template over the default, and the given one over both', () => {
    const s = { ...emptySupplement(), templates: { fee: '本年度收费通知{{收费.通知件数}}件。' } };
    const fromWorkbook = renderNarrative(zero(), s).generated.fee;
    expect(fromWorkbook.isDefault).toBe(false);
    expect(fromWorkbook.paragraphs).toEqual(['本年度收费通知件。']);
    const given = renderNarrative(zero(), s, { fee: '{{年度}}年无收费。' }).generated.fee;
    expect(given.paragraphs).toEqual(['2025年无收费。']);
  });

  it('treat a blank template as the default', () => {
    const g = renderNarrative(zero(), emptySupplement(), { apply: '  \n ' }).generated.apply;
    expect(g.isDefault).toBe(true);
    expect(g.template).toBe(DEFAULT_TEMPLATES.apply);
  });

  it('keep paragraphs apart at an empty line and join the lines of one paragraph', () => {
    const r = renderTemplate('第一段\n接着写。\n\n第二段{{sum 1 2 3}}。', narrativeData(zero(), emptySupplement()));
    expect(r).toEqual({ ok: true, paragraphs: ['第一段接着写。', '第二段6。'] });
  });

  it('compute percentages with the chosen decimals and 0% of nothing', () => {
    const data = narrativeData(large(), emptySupplement());
    const r = renderTemplate(
      '{{percent 申请.申请人.自然人 申请.本年新收 2}} {{percent 1 3}} {{percent 5 0}} {{num (sum 0.1 0.2)}}',
      data,
    );
    expect(r).toEqual({ ok: true, paragraphs: ['96.22% 33.3% 0% 0.3'] });
  });
});

describe('listFields', () => {
  it('lists every field a default template uses, with a label', () => {
    const fields = listFields();
    const paths = new Set(fields.map((f) => f.path));
    for (const t of Object.values(DEFAULT_TEMPLATES))
      for (const m of t.matchAll(
        /(?<![\w.])((?:[\u4e00-\u9fff]+\.)+[\u4e00-\u9fff]+|年度|机关名称)(?![\w\u4e00-\u9fff])/g,
      ))
        expect(paths).toContain(m[1]);
    for (const f of fields) expect(f.label.length).toBeGreaterThan(1);
    expect(fields.find((f) => f.path === '申请.本年新收')?.label).toBe('表三「一、本年新收政府信息公开申请数量」总计');
  });
});

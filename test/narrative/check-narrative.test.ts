// N.*: numbers restated in the narrative must equal the tables. The generated text and a real report's own text
// (淮安市 2024, whose figures agree) pass; planted mismatches are found, in Arabic, Chinese and full-width digits,
// and each finding points at the narrative cell.
import {
  checkNarrative,
  checkNarrativeDocument,
  renderNarrative,
  type NarrativeFinding,
  type Report,
  type Supplement,
} from '../../src/report';
import { GAOXINQU_SUPPLEMENT, HUAIAN_APPLY_TEXT, emptySupplement, large, small, supplementOf, zero } from './fixtures';

const CELL = 'nb_sup_text_overview';
const check = (text: string, report: Report, supplement: Supplement = emptySupplement()): NarrativeFinding[] =>
  checkNarrative(text, report, { cell: CELL, where: '一、总体情况', supplement });
const rules = (f: readonly NarrativeFinding[]) => f.map((x) => x.rule);

describe('generated text', () => {
  // The last column: how many figures the text restates at least (so that passing means something).
  it.each([
    ['zero', zero(), emptySupplement(), 0],
    ['small', small(), GAOXINQU_SUPPLEMENT(), 6],
    [
      'large',
      large(),
      supplementOf({
        open_total: 5500,
        fee_notices: 8,
        fee_amount: 4200,
        fee_collected: 3940,
        inspections: 6,
        trainings: 12,
      }),
      25,
    ],
  ])('passes its own check on the %s report', (_, report, supplement, figures) => {
    const n = renderNarrative(report, supplement);
    const said = Object.values(n.generated)
      .flatMap((s) => s.paragraphs)
      .join('');
    expect(said.match(/\d+(件|条|次|元)/g)?.length ?? 0).toBeGreaterThanOrEqual(figures);
    expect(checkNarrativeDocument(n, report, supplement)).toEqual([]);
  });

  it('is checked: a literal number typed into an edited template is found, pointing at the template cell', () => {
    const n = renderNarrative(small(), GAOXINQU_SUPPLEMENT(), { apply: '{{年度}}年共收到政府信息公开申请3件。' });
    const f = checkNarrativeDocument(n, small(), GAOXINQU_SUPPLEMENT());
    expect(rules(f)).toEqual(['N.apply']);
    expect(f[0].cells[0]).toBe('nb_sup_tpl_apply');
    expect(f[0].message).toBe(
      '「一（二）依申请公开情况」中「收到政府信息公开申请3件」写的申请数为 3，但表三「一、本年新收政府信息公开申请数量」行「总计」列为 2',
    );
  });
});

describe('a real report’s own words (淮安市 2024)', () => {
  it('agree with its tables: no finding', () => expect(check(HUAIAN_APPLY_TEXT, large())).toEqual([]));

  it.each([
    ['受理政府信息公开申请 3119 件', '受理政府信息公开申请 3120 件', 'N.apply'],
    ['答复 3050 件', '答复 3051 件', 'N.done'],
    ['含上年度结转申请 34 件', '含上年度结转申请 43 件', 'N.carry'],
    ['另有 103 件顺延到下年度答复', '另有 130 件顺延到下年度答复', 'N.next'],
    ['行政复议 351 件', '行政复议 350 件', 'N.review'],
    ['结果纠正 64 件', '结果纠正 46 件', 'N.review'],
    ['行政诉讼 46 件', '行政诉讼 47 件', 'N.litigation'],
    ['尚未审结 7 件。', '尚未审结八件。', 'N.litigation'],
    ['尚未审结 7 件。', '尚未审结十二件。', 'N.litigation'],
    ['其他结果 9 件', '其他结果 ９ 件', null],
    ['其他结果 9 件', '其他结果 １０ 件', 'N.litigation'],
  ])('find the planted mismatch %j → %j', (from, to, rule) => {
    const text = HUAIAN_APPLY_TEXT.replace(from, to);
    expect(text).not.toBe(HUAIAN_APPLY_TEXT);
    const f = check(text, large());
    expect(rules(f)).toEqual(rule ? [rule] : []);
    if (rule) {
      expect(f[0].cells[0]).toBe(CELL);
      expect(text.slice(f[0].start, f[0].end)).toBe(/[\d０-９一二三四五六七八九十]+\s*件/.exec(to)![0]);
    }
  });

  it('names the figure and both numbers, in Chinese', () => {
    const [f] = check(HUAIAN_APPLY_TEXT.replace('尚未审结 7 件。', '尚未审结十二件。'), large());
    expect(f.message).toBe(
      '「一、总体情况」中「尚未审结十二件」写的行政诉讼尚未审结件数为 12，但表四「未经复议直接起诉」与「复议后起诉」的「尚未审结」列之和为 7',
    );
    expect([f.left, f.right]).toEqual([12, 7]);
    expect(f.cells).toEqual([CELL, 'nb_t4_direct_pending', 'nb_t4_after_pending']);
  });
});

describe('phrasings', () => {
  it('reads 「收到N件申请」 order and results after 其中', () => {
    expect(rules(check('本年度共收到3件政府信息公开申请。', small()))).toEqual(['N.apply']);
    expect(rules(check('本年度共收到2件政府信息公开申请，其中无法提供1件、不予处理2件。', small()))).toEqual([
      'N.result',
    ]);
  });

  it('accepts new plus carried over for 受理/收办 (as cities write it), not for 新收', () => {
    const r = large();
    expect(check('全市共收办政府信息公开申请案件3153件。', r)).toEqual([]);
    expect(rules(check('全市本年新收政府信息公开申请3153件。', r))).toEqual(['N.apply']);
  });

  it('sums the 主动公开 breakdown and compares it with the total and with the 补充信息 sheet', () => {
    const s = GAOXINQU_SUPPLEMENT();
    expect(
      check('全年共主动公开政府信息422条，其中概况类信息361条，政务动态信息18条，信息公开目录信息43条。', small(), s),
    ).toEqual([]);
    const wrongSum = check(
      '全年共主动公开政府信息422条，其中概况类信息361条，政务动态信息18条，信息公开目录信息34条。',
      small(),
      s,
    );
    expect(rules(wrongSum)).toEqual(['N.open', 'N.openparts']);
    expect(wrongSum[1].message).toBe(
      '「一、总体情况」中「主动公开政府信息422条，其中概况类信息361条，政务动态信息18条，信息公开目录信息34条」：所写的总数为 422，但其后列举的各项之和为 413',
    );
    expect(
      rules(
        check('全年共主动公开政府信息420条，其中概况类信息361条，政务动态信息18条，信息公开目录信息41条。', small(), s),
      ),
    ).toEqual(['N.open', 'N.open']);
  });

  it('checks fees and supervision counts against the 补充信息 sheet, and skips them when it is blank', () => {
    const s = supplementOf({ fee_notices: 2, fee_collected: 300, inspections: 2, trainings: 4 });
    expect(
      rules(check('发出收费通知3件，实际收取信息处理费200元。开展监督检查2次，教育培训五次。', zero(), s)),
    ).toEqual(['N.fee', 'N.fee', 'N.supervision']);
    expect(check('发出收费通知3件，实际收取信息处理费200元。', zero(), emptySupplement())).toEqual([]);
  });

  it.each([
    ['全年备案主动公开政府信息5500条。'],
    ['共收到申请3119件，同比增长70.3%，较上年增加300件。'],
    ['主动公开各类政府信息5500余条。'],
    ['办结一件申请、解决一个问题。'],
    ['在15个工作日内答复，第3件申请已办结。'],
    ['行政复议、行政诉讼分别为2件、3件。'],
    ['其中，沭阳县自然资源和规划局1件，收取420元。'],
    ['2024年，全年制发行政规范性文件11件。'],
  ])('leaves alone %j (not a restatement of a table figure)', (text) => {
    expect(check(text, large(), supplementOf({ open_total: 5500, fee_collected: 3940 }))).toEqual([]);
  });

  it('compares cases filed for the record (sample 005) with 表四, as a warning that names the filing', () => {
    // large(): 表四 行政复议 总计 351 (fixtures.ts); 005 writes 134 filed 行政复议 cases.
    const f = check('全市全年备案政府信息依申请公开领域行政复议案件134件。', large());
    expect(f.map((x) => [x.rule, x.severity, x.left, x.right])).toEqual([['N.review', 'warning', 134, 351]]);
    expect(f[0].message).toMatch(/「行政复议案件134件」.*134.*351.*备案数/);
    expect(check('全市全年备案政府信息依申请公开领域行政复议案件351件。', large())).toEqual([]);
    // Not filed: the same words are an error.
    expect(check('全年办理行政复议案件134件。', large()).map((x) => x.severity)).toEqual(['error']);
  });

  it('reads the parts listed after 其中 across 「；」, and 信息处理费 is not 主动公开 (sample 004)', () => {
    // test/fixtures/samples/real/004.txt, 六: 2950 元 in all, then what five agencies collected.
    const text =
      '二是我市各级政府及其部门严格执行政府信息公开信息处理费有关要求，2023年对25件政府信息公开申请案件收取了信息处理费2950元。其中，沭阳县自然资源和规划局1件，收取420元；泗洪县人民政府2件，收取290元；泗洪县公安局15件，收取1500元。';
    expect(check(text, large(), supplementOf({ open_total: 5500, fee_collected: 2950 }))).toEqual([]);
    const wrong = check(text, large(), supplementOf({ open_total: 5500, fee_collected: 2590 }));
    expect(wrong.map((f) => [f.rule, f.left, f.right])).toEqual([['N.fee', 2950, 2590]]);
  });

  it('gives the line and column of the number in multi-line text', () => {
    const [f] = check('第一段。\n第二段，共收到政府信息公开申请２件。', large());
    expect([f.line, f.column, f.quote]).toEqual([2, 16, '收到政府信息公开申请２件']);
  });
});

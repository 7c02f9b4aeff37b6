// Independent oracles for the N.* rules (spec §Rules: numbers the narrative restates must equal the tables): real
// sentences from the published reports, checked against the same reports' tables as copied in published-reports.ts,
// and one number changed in each, with the literal finding: the rule, the narrative cell it marks (补充信息
// 「一、总体情况」, nb_sup_text_overview in docs/narrative.md), the severity and the two numbers.
import { INPUT_CELLS, LAYOUT_2021, checkNarrative, reportFromValues, type Report } from '../../src/report';
import { supplementOf } from '../narrative/fixtures';
import { GAOXINQU_2021_OPEN, HONGZE_2023, HUAIAN_2024, type PublishedReport } from './published-reports';
import { namedFigures, valuesOf } from './report-cells';

const CELL = 'nb_sup_text_overview';
const reportOf = (r: PublishedReport): Report =>
  reportFromValues(valuesOf(namedFigures(r)).slice(0, INPUT_CELLS.length), {
    inputCells: INPUT_CELLS,
    layout: LAYOUT_2021,
  }).report;

/** real/001.txt 一（二）, as printed (spaces around the numbers are pdftotext's). */
const HUAIAN_APPLY =
  '2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），' +
  '均在法定期限内予以答复。政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；' +
  '政府信息公开行政诉讼 46 件，其中结果维持 25 件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。';
/** real/001.txt 六. */
const HUAIAN_FEE =
  '2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 3940 元。';
/** real/001.txt 一（五）. */
const HUAIAN_SUPERVISION = '全年开展监督检查 4 次，组织教育培训 6 次。';
/** real/003.txt 一（二）. */
const HONGZE_APPLY = '2023 年全区受理政府信息公开申请 21 件，均在法定期限答复。';
/** published-2021-gaoxinqu.txt 一（一）. */
const GAOXINQU_OPEN = '全年共主动公开政府信息422条，其中概况类信息361条，政务动态信息18条，信息公开目录信息43条。';

const HUAIAN_SUPPLEMENT = { fee_collected: 3940, inspections: 4, trainings: 6 };
const GAOXINQU_SUPPLEMENT = {
  open_total: GAOXINQU_2021_OPEN.total,
  open_cat1_name: '概况类信息',
  open_cat1_count: GAOXINQU_2021_OPEN.categories[0],
  open_cat2_name: '政务动态信息',
  open_cat2_count: GAOXINQU_2021_OPEN.categories[1],
  open_cat3_name: '信息公开目录信息',
  open_cat3_count: GAOXINQU_2021_OPEN.categories[2],
};

interface Case {
  readonly name: string;
  readonly report: PublishedReport;
  readonly text: string;
  readonly supplement?: Readonly<Record<string, string | number>>;
  readonly expected: readonly { rule: string; left: number; right: number }[];
}

const CASES: readonly Case[] = [
  // As published: the words agree with the tables.
  { name: '淮安 2024 一（二）', report: HUAIAN_2024, text: HUAIAN_APPLY, expected: [] },
  { name: '洪泽 2023 一（二）', report: HONGZE_2023, text: HONGZE_APPLY, expected: [] },
  { name: '淮安 2024 六', report: HUAIAN_2024, text: HUAIAN_FEE, supplement: HUAIAN_SUPPLEMENT, expected: [] },
  {
    name: '淮安 2024 一（五）',
    report: HUAIAN_2024,
    text: HUAIAN_SUPERVISION,
    supplement: HUAIAN_SUPPLEMENT,
    expected: [],
  },
  {
    name: '高新区 2021 一（一）',
    report: HONGZE_2023,
    text: GAOXINQU_OPEN,
    supplement: GAOXINQU_SUPPLEMENT,
    expected: [],
  },
  // One number changed: 表三 一 总计 3119, 二 34, （七）总计 3050, 四 103.
  {
    name: 'N.apply',
    report: HUAIAN_2024,
    text: HUAIAN_APPLY.replace('3119', '3191'),
    expected: [{ rule: 'N.apply', left: 3191, right: 3119 }],
  },
  {
    name: 'N.done',
    report: HUAIAN_2024,
    text: HUAIAN_APPLY.replace('3050', '3005'),
    expected: [{ rule: 'N.done', left: 3005, right: 3050 }],
  },
  {
    name: 'N.carry',
    report: HUAIAN_2024,
    text: HUAIAN_APPLY.replace('34 件', '43 件'),
    expected: [{ rule: 'N.carry', left: 43, right: 34 }],
  },
  {
    name: 'N.next',
    report: HUAIAN_2024,
    text: HUAIAN_APPLY.replace('103', '130'),
    expected: [{ rule: 'N.next', left: 130, right: 103 }],
  },
  // 表四 行政复议 总计 351, 结果纠正 64; 行政诉讼 总计 26 + 20 = 46, 尚未审结 1 + 6 = 7.
  {
    name: 'N.review',
    report: HUAIAN_2024,
    text: HUAIAN_APPLY.replace('结果纠正 64', '结果纠正 46'),
    expected: [{ rule: 'N.review', left: 46, right: 64 }],
  },
  {
    name: 'N.litigation',
    report: HUAIAN_2024,
    text: HUAIAN_APPLY.replace('行政诉讼 46', '行政诉讼 47'),
    expected: [{ rule: 'N.litigation', left: 47, right: 46 }],
  },
  // 洪泽 2023: 部分公开 4, 无法提供 10 + 3 = 13.
  {
    name: 'N.result',
    report: HONGZE_2023,
    text: '2023 年全区受理政府信息公开申请 21 件，其中部分公开 4 件，无法提供 31 件。',
    expected: [{ rule: 'N.result', left: 31, right: 13 }],
  },
  {
    name: 'N.fee',
    report: HUAIAN_2024,
    text: HUAIAN_FEE.replace('3940', '3490'),
    supplement: HUAIAN_SUPPLEMENT,
    expected: [{ rule: 'N.fee', left: 3490, right: 3940 }],
  },
  {
    name: 'N.supervision',
    report: HUAIAN_2024,
    text: HUAIAN_SUPERVISION.replace('培训 6', '培训 5'),
    supplement: HUAIAN_SUPPLEMENT,
    expected: [{ rule: 'N.supervision', left: 5, right: 6 }],
  },
  // 主动公开 422 against 补充信息's 422, and against its own parts 361 + 18 + 34 = 413.
  {
    name: 'N.open and N.openparts',
    report: HONGZE_2023,
    text: GAOXINQU_OPEN.replace('43条', '34条'),
    supplement: GAOXINQU_SUPPLEMENT,
    expected: [
      { rule: 'N.open', left: 34, right: 43 },
      { rule: 'N.openparts', left: 422, right: 413 },
    ],
  },
];

describe.each(CASES)('$name', ({ report, text, supplement, expected }) => {
  it('gives exactly the findings the spec gives, on the narrative cell', () => {
    const found = checkNarrative(text, reportOf(report), {
      cell: CELL,
      where: '一、总体情况',
      supplement: supplementOf(supplement ?? {}),
    });
    expect(
      found.map((f) => ({ rule: f.rule, cell: f.cells[0], severity: f.severity, left: f.left, right: f.right })),
    ).toEqual(expected.map((e) => ({ ...e, cell: CELL, severity: 'error' })));
  });
});

// Reports for the narrative and export tests: zero, small (the 高新区 2021 seed) and large (淮安市 2024, from
// shared/samples/real/001.txt: its tables and its own narrative, whose figures agree with them).
import { buildFormat2021 } from '../../src/report/format/formats';
import {
  SUPPLEMENT_FIELDS,
  emptySupplement,
  reportFromValues,
  supplementFromValues,
  type CellContent,
  type Report,
  type Supplement,
} from '../../src/report';
import { gaoxinqu2021, num, set, setName, text, zeroReport } from '../support/report-values';

const FORMAT = buildFormat2021();
export const reportOf = (values: CellContent[]): Report =>
  reportFromValues(values.slice(0, FORMAT.inputCells.length), FORMAT).report;

export function zero(): Report {
  return reportOf(zeroReport());
}

export function small(): Report {
  return reportOf(gaoxinqu2021());
}

/** 表三 by row: [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]. */
const HUAIAN_T3: Readonly<Record<string, readonly number[]>> = {
  new: [3001, 53, 0, 0, 61, 4, 3119],
  carry: [34, 0, 0, 0, 0, 0, 34],
  open: [1288, 21, 0, 0, 50, 3, 1362],
  partial: [447, 7, 0, 0, 0, 0, 454],
  deny_secret: [2, 0, 0, 0, 0, 0, 2],
  deny_law: [30, 1, 0, 0, 0, 0, 31],
  deny_security: [5, 0, 0, 0, 0, 0, 5],
  deny_third: [6, 0, 0, 0, 0, 0, 6],
  deny_internal: [7, 1, 0, 0, 0, 0, 8],
  deny_process: [12, 0, 0, 0, 0, 0, 12],
  deny_case: [9, 0, 0, 0, 0, 0, 9],
  deny_query: [105, 0, 0, 0, 0, 0, 105],
  unable_none: [746, 12, 0, 0, 10, 1, 769],
  unable_make: [11, 0, 0, 0, 0, 0, 11],
  unable_unclear: [1, 0, 0, 0, 0, 0, 1],
  reject_petition: [56, 6, 0, 0, 0, 0, 62],
  reject_repeat: [25, 0, 0, 0, 0, 0, 25],
  reject_confirm: [1, 0, 0, 0, 0, 0, 1],
  other_overdue: [67, 3, 0, 0, 1, 0, 71],
  other_unpaid: [6, 0, 0, 0, 0, 0, 6],
  other_other: [108, 2, 0, 0, 0, 0, 110],
  total: [2932, 53, 0, 0, 61, 4, 3050],
  next: [103, 0, 0, 0, 0, 0, 103],
};
const T3_COLS = ['person', 'business', 'research', 'charity', 'legal', 'other', 'total'];
const T4_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const HUAIAN_T4: Readonly<Record<string, readonly number[]>> = {
  review: [72, 64, 178, 37, 351],
  direct: [13, 4, 8, 1, 26],
  after: [12, 1, 1, 6, 20],
};

export function largeValues(): CellContent[] {
  const v = zeroReport();
  setName(v, 'nb_agency', text('淮安市人民政府办公室'));
  setName(v, 'nb_year', 2024);
  for (const [row, values] of Object.entries(HUAIAN_T3)) values.forEach((n, i) => set(v, 'T3', row, T3_COLS[i], n));
  for (const [g, values] of Object.entries(HUAIAN_T4)) values.forEach((n, i) => set(v, 'T4', g, T4_COLS[i], n));
  set(v, 'T2', 'rule', 'made', 1);
  set(v, 'T2', 'rule', 'inforce', 38);
  set(v, 'T2', 'norm', 'made', 11);
  set(v, 'T2', 'norm', 'repealed', 3);
  set(v, 'T2', 'norm', 'inforce', 152);
  set(v, 'T2', 'license', 'decisions', 1520);
  set(v, 'T2', 'penalty', 'decisions', 86);
  set(v, 'T2', 'fee', 'amount', 96171.6);
  return v;
}

export function large(): Report {
  return reportOf(largeValues());
}

/** 淮安市 2024's own sentences (001.txt, line breaks of the PDF removed). */
export const HUAIAN_APPLY_TEXT =
  '2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。' +
  '政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；' +
  '政府信息公开行政诉讼 46 件，其中结果维持 25 件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。';

/** A 补充信息 sheet by field id (values as a user types them). */
export function supplementOf(byId: Readonly<Record<string, string | number>>): Supplement {
  return supplementFromValues(
    SUPPLEMENT_FIELDS.map((f): CellContent => {
      const v = byId[f.id];
      if (v === undefined) return { kind: 'blank' };
      return typeof v === 'number' ? num(v) : text(v);
    }),
  );
}

export const GAOXINQU_SUPPLEMENT = (): Supplement =>
  supplementOf({
    open_total: 422,
    open_cat1_name: '概况类信息',
    open_cat1_count: 361,
    open_cat2_name: '政务动态信息',
    open_cat2_count: 18,
    open_cat3_name: '信息公开目录信息',
    open_cat3_count: 43,
    inspections: 2,
    trainings: 4,
    fee_notices: 0,
    fee_amount: 0,
    fee_collected: 0,
  });

export { emptySupplement };

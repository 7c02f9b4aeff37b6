// The national format of 国办公开办函〔2021〕30号, written once. Every label, row and column that any
// host, rule, export or import shows comes from here (spec: shared/spec/format-2021.md).
// Ids are stable ASCII; they become defined names (see input-cells.ts) and never change once released.

export interface ColumnSpec {
  readonly id: string;
  readonly label: string;
}

export interface T2Block {
  readonly id: string;
  /** 第二十条第（一）项 … */
  readonly heading: string;
  /** The header over the value columns; a single entry spans the three value columns. */
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly ColumnSpec[];
  readonly kind: 'count' | 'amount';
}

export const FORMAT_ID = 'format-2021';
export const FORMAT_TITLE = '政府信息公开工作年度报告';
export const FORMAT_BASIS = '国办公开办函〔2021〕30号';

export const T2_TITLE = '二、主动公开政府信息情况';
export const T2_CONTENT_HEADER = '信息内容';
export const T2_BLOCKS: readonly T2Block[] = [
  {
    id: 'item1',
    heading: '第二十条第（一）项',
    columns: [
      { id: 'made', label: '本年制发件数' },
      { id: 'repealed', label: '本年废止件数' },
      { id: 'inforce', label: '现行有效件数' },
    ],
    rows: [
      { id: 'rule', label: '规章' },
      { id: 'norm', label: '行政规范性文件' },
    ],
    kind: 'count',
  },
  {
    id: 'item5',
    heading: '第二十条第（五）项',
    columns: [{ id: 'decisions', label: '本年处理决定数量' }],
    rows: [{ id: 'license', label: '行政许可' }],
    kind: 'count',
  },
  {
    id: 'item6',
    heading: '第二十条第（六）项',
    columns: [{ id: 'decisions', label: '本年处理决定数量' }],
    rows: [
      { id: 'penalty', label: '行政处罚' },
      { id: 'coercion', label: '行政强制' },
    ],
    kind: 'count',
  },
  {
    id: 'item8',
    heading: '第二十条第（八）项',
    columns: [{ id: 'amount', label: '本年收费金额（单位：万元）' }],
    rows: [{ id: 'fee', label: '行政事业性收费' }],
    kind: 'amount',
  },
];

export const T3_TITLE = '三、收到和处理政府信息公开申请情况';
export const T3_CORNER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const T3_APPLICANT_HEADER = '申请人情况';
export const T3_ORG_HEADER = '法人或其他组织';
export const T3_RESULTS_LABEL = '三、本年度办理结果';

/** The seven number columns in printed order; `org` marks the five under 法人或其他组织. */
export const T3_COLUMNS: readonly (ColumnSpec & { readonly org: boolean })[] = [
  { id: 'person', label: '自然人', org: false },
  { id: 'business', label: '商业企业', org: true },
  { id: 'research', label: '科研机构', org: true },
  { id: 'charity', label: '社会公益组织', org: true },
  { id: 'legal', label: '法律服务机构', org: true },
  { id: 'other', label: '其他', org: true },
  { id: 'total', label: '总计', org: false },
];

export interface T3Row extends ColumnSpec {
  /** Under 三、本年度办理结果. */
  readonly result: boolean;
  /** The （三）…（六） heading a numbered row sits under, if any. */
  readonly group?: string;
}

const DENY = '（三）不予公开';
const UNABLE = '（四）无法提供';
const REJECT = '（五）不予处理';
const OTHER = '（六）其他处理';

export const T3_ROWS: readonly T3Row[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量', result: false },
  { id: 'carry', label: '二、上年结转政府信息公开申请数量', result: false },
  { id: 'open', label: '（一）予以公开', result: true },
  { id: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', result: true },
  { id: 'deny_secret', label: '1.属于国家秘密', result: true, group: DENY },
  { id: 'deny_law', label: '2.其他法律行政法规禁止公开', result: true, group: DENY },
  { id: 'deny_security', label: '3.危及“三安全一稳定”', result: true, group: DENY },
  { id: 'deny_third', label: '4.保护第三方合法权益', result: true, group: DENY },
  { id: 'deny_internal', label: '5.属于三类内部事务信息', result: true, group: DENY },
  { id: 'deny_process', label: '6.属于四类过程性信息', result: true, group: DENY },
  { id: 'deny_case', label: '7.属于行政执法案卷', result: true, group: DENY },
  { id: 'deny_query', label: '8.属于行政查询事项', result: true, group: DENY },
  { id: 'unable_none', label: '1.本机关不掌握相关政府信息', result: true, group: UNABLE },
  { id: 'unable_make', label: '2.没有现成信息需要另行制作', result: true, group: UNABLE },
  { id: 'unable_unclear', label: '3.补正后申请内容仍不明确', result: true, group: UNABLE },
  { id: 'reject_petition', label: '1.信访举报投诉类申请', result: true, group: REJECT },
  { id: 'reject_repeat', label: '2.重复申请', result: true, group: REJECT },
  { id: 'reject_publication', label: '3.要求提供公开出版物', result: true, group: REJECT },
  { id: 'reject_mass', label: '4.无正当理由大量反复申请', result: true, group: REJECT },
  { id: 'reject_confirm', label: '5.要求行政机关确认或重新出具已获取信息', result: true, group: REJECT },
  {
    id: 'other_overdue',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    result: true,
    group: OTHER,
  },
  {
    id: 'other_unpaid',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    result: true,
    group: OTHER,
  },
  { id: 'other_other', label: '3.其他', result: true, group: OTHER },
  { id: 'total', label: '（七）总计', result: true },
  { id: 'next', label: '四、结转下年度继续办理', result: false },
];

export const T4_TITLE = '四、政府信息公开行政复议、行政诉讼情况';
export const T4_LITIGATION_HEADER = '行政诉讼';

export interface T4Group extends ColumnSpec {
  /** 行政诉讼 for the two litigation groups. */
  readonly parent?: string;
}

export const T4_GROUPS: readonly T4Group[] = [
  { id: 'review', label: '行政复议' },
  { id: 'direct', label: '未经复议直接起诉', parent: T4_LITIGATION_HEADER },
  { id: 'after', label: '复议后起诉', parent: T4_LITIGATION_HEADER },
];

export const T4_COLUMNS: readonly ColumnSpec[] = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
];

export const META_FIELDS = {
  agency: { id: 'agency', label: '机关名称' },
  year: { id: 'year', label: '年度' },
} as const;

export const TABLE_NAMES = {
  META: '封面',
  T2: '表二',
  T3: '表三',
  T4: '表四',
  /** The 补充信息 sheet (layout/supplement.ts): figures and text the narrative sections need. */
  SUP: '补充信息',
} as const;
export type TableId = keyof typeof TABLE_NAMES;

/** Where each part of a format sits: what every builder (cells, rules, schema, narrative) derives from. */
export interface FormatLayout {
  /** Stable ASCII id, carried by the template marker: format-2021, format-2019. */
  readonly id: string;
  readonly title: string;
  /** The document that issued the format (cited in rule bases). */
  readonly basis: string;
  readonly t2Blocks: readonly T2Block[];
  readonly t3Columns: readonly (ColumnSpec & { readonly org: boolean })[];
  readonly t3Rows: readonly T3Row[];
  readonly t4Groups: readonly T4Group[];
  readonly t4Columns: readonly ColumnSpec[];
  /** The parts of 三、本年度办理结果 that add up to （七）总计, as T3.results's basis spells them. */
  readonly resultParts: string;
}

/** The 2021 national format as one value (buildFormat2021 in src/report/format builds everything from it). */
export const LAYOUT_2021: FormatLayout = {
  id: FORMAT_ID,
  title: FORMAT_TITLE,
  basis: FORMAT_BASIS,
  t2Blocks: T2_BLOCKS,
  t3Columns: T3_COLUMNS,
  t3Rows: T3_ROWS,
  t4Groups: T4_GROUPS,
  t4Columns: T4_COLUMNS,
  resultParts: '（一）+（二）+（三）1–8 +（四）1–3 +（五）1–5 +（六）1–3',
};

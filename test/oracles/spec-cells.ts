// The cells of the 2021 format as the spec names them (shared/spec/format-2021.md, copied into this file by hand):
// each table's Chinese row and column labels in printed order, and the defined name each input cell has
// (docs/names.md: nb_<table>_<row>_<column>). Written here, not read from src/report/layout, so that a label, a
// row or a column lost or reordered in the code's tables shows up as a difference, not as the expectation.

/** 表二 rows by label: the defined names of their value cells, left to right. */
export const T2_CELLS: Readonly<Record<string, readonly string[]>> = {
  // 第二十条第（一）项: 本年制发件数 · 本年废止件数 · 现行有效件数
  规章: ['nb_t2_rule_made', 'nb_t2_rule_repealed', 'nb_t2_rule_inforce'],
  行政规范性文件: ['nb_t2_norm_made', 'nb_t2_norm_repealed', 'nb_t2_norm_inforce'],
  // 第二十条第（五）项、第（六）项: 本年处理决定数量
  行政许可: ['nb_t2_license_decisions'],
  行政处罚: ['nb_t2_penalty_decisions'],
  行政强制: ['nb_t2_coercion_decisions'],
  // 第二十条第（八）项: 本年收费金额（单位：万元）
  行政事业性收费: ['nb_t2_fee_amount'],
};
export const T2_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  规章: ['本年制发件数', '本年废止件数', '现行有效件数'],
  行政规范性文件: ['本年制发件数', '本年废止件数', '现行有效件数'],
  行政许可: ['本年处理决定数量'],
  行政处罚: ['本年处理决定数量'],
  行政强制: ['本年处理决定数量'],
  行政事业性收费: ['本年收费金额（单位：万元）'],
};

/** 表三's number columns, in printed order. */
export const T3_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
const T3_COLUMN_IDS = ['person', 'business', 'research', 'charity', 'legal', 'other', 'total'];

/** 表三's 25 rows, in printed order, as the spec writes them (the （三）–（六） heading before a numbered row). */
export const T3_ROWS: readonly (readonly [label: string, id: string])[] = [
  ['一、本年新收政府信息公开申请数量', 'new'],
  ['二、上年结转政府信息公开申请数量', 'carry'],
  ['（一）予以公开', 'open'],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'partial'],
  ['（三）不予公开1.属于国家秘密', 'deny_secret'],
  ['（三）不予公开2.其他法律行政法规禁止公开', 'deny_law'],
  ['（三）不予公开3.危及“三安全一稳定”', 'deny_security'],
  ['（三）不予公开4.保护第三方合法权益', 'deny_third'],
  ['（三）不予公开5.属于三类内部事务信息', 'deny_internal'],
  ['（三）不予公开6.属于四类过程性信息', 'deny_process'],
  ['（三）不予公开7.属于行政执法案卷', 'deny_case'],
  ['（三）不予公开8.属于行政查询事项', 'deny_query'],
  ['（四）无法提供1.本机关不掌握相关政府信息', 'unable_none'],
  ['（四）无法提供2.没有现成信息需要另行制作', 'unable_make'],
  ['（四）无法提供3.补正后申请内容仍不明确', 'unable_unclear'],
  ['（五）不予处理1.信访举报投诉类申请', 'reject_petition'],
  ['（五）不予处理2.重复申请', 'reject_repeat'],
  ['（五）不予处理3.要求提供公开出版物', 'reject_publication'],
  ['（五）不予处理4.无正当理由大量反复申请', 'reject_mass'],
  ['（五）不予处理5.要求行政机关确认或重新出具已获取信息', 'reject_confirm'],
  ['（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other_overdue'],
  ['（六）其他处理2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'other_unpaid'],
  ['（六）其他处理3.其他', 'other_other'],
  ['（七）总计', 'total'],
  ['四、结转下年度继续办理', 'next'],
];

/** 表四: the three groups (行政复议; 行政诉讼 未经复议直接起诉, 复议后起诉), five columns each. */
export const T4_GROUPS: readonly (readonly [label: string, id: string])[] = [
  ['行政复议', 'review'],
  ['未经复议直接起诉', 'direct'],
  ['复议后起诉', 'after'],
];
export const T4_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
const T4_COLUMN_IDS = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** 补充信息 figures by label (docs/narrative.md lists their names). */
export const SUPPLEMENT_CELLS: Readonly<Record<string, string>> = {
  主动公开信息总数: 'nb_sup_open_total',
  分类1条数: 'nb_sup_open_cat1_count',
  分类2条数: 'nb_sup_open_cat2_count',
  分类3条数: 'nb_sup_open_cat3_count',
  分类4条数: 'nb_sup_open_cat4_count',
  分类5条数: 'nb_sup_open_cat5_count',
  分类6条数: 'nb_sup_open_cat6_count',
  监督检查次数: 'nb_sup_inspections',
  教育培训次数: 'nb_sup_trainings',
  收费通知件数: 'nb_sup_fee_notices',
  收费通知总金额: 'nb_sup_fee_amount',
  实际收取金额: 'nb_sup_fee_collected',
};

const T3_ROW_ID = new Map(T3_ROWS);
const T4_GROUP_ID = new Map(T4_GROUPS);

/** The defined name of a cell given by its table and Chinese labels, e.g. cellName('表三', '（七）总计', '总计'). */
export function cellName(table: '封面' | '表二' | '表三' | '表四' | '补充信息', row: string, column = ''): string {
  const fail = () => {
    throw new Error(`no cell ${table}「${row}」「${column}」 in the spec`);
  };
  switch (table) {
    case '封面':
      return ({ 机关名称: 'nb_agency', 年度: 'nb_year' } as Record<string, string>)[row] ?? fail();
    case '表二': {
      const at = T2_COLUMNS[row]?.indexOf(column) ?? -1;
      return at >= 0 ? T2_CELLS[row][at] : fail();
    }
    case '表三': {
      const r = T3_ROW_ID.get(row);
      const c = T3_COLUMNS.indexOf(column as (typeof T3_COLUMNS)[number]);
      return r !== undefined && c >= 0 ? `nb_t3_${r}_${T3_COLUMN_IDS[c]}` : fail();
    }
    case '表四': {
      const g = T4_GROUP_ID.get(row);
      const c = T4_COLUMNS.indexOf(column as (typeof T4_COLUMNS)[number]);
      return g !== undefined && c >= 0 ? `nb_t4_${g}_${T4_COLUMN_IDS[c]}` : fail();
    }
    case '补充信息':
      return SUPPLEMENT_CELLS[row] ?? fail();
  }
}

/** Every cell the spec defines, as「table｜row｜column」by defined name (the inverse of cellName). */
export const SPEC_LABELS: ReadonlyMap<string, string> = new Map([
  ['nb_agency', '封面｜机关名称'],
  ['nb_year', '封面｜年度'],
  ...Object.entries(T2_CELLS).flatMap(([row, names]) =>
    names.map((n, i): [string, string] => [n, `表二｜${row}｜${T2_COLUMNS[row][i]}`]),
  ),
  ...T3_ROWS.flatMap(([row]) =>
    T3_COLUMNS.map((c): [string, string] => [cellName('表三', row, c), `表三｜${row}｜${c}`]),
  ),
  ...T4_GROUPS.flatMap(([g]) => T4_COLUMNS.map((c): [string, string] => [cellName('表四', g, c), `表四｜${g}｜${c}`])),
  ...Object.entries(SUPPLEMENT_CELLS).map(([label, n]): [string, string] => [n, `补充信息｜${label}`]),
]);

/** Last year's figures the cross-year rules read (docs/names.md, 上年数据). */
export function previousName(name: string): string {
  return name.replace(/^nb_/, 'nb_prev_');
}

// The N.* family (spec §Rules): numbers written in the narrative that restate a table figure must equal it. They
// are found by reading text (check-narrative.ts), not by a relation over cells, so their records carry no checks;
// they are listed in the catalog for the 校验 list and the documentation.
import { NARRATIVE_RULE_IDS, type Rule } from '../rules/rule';

export { NARRATIVE_RULE_IDS };

export type NarrativeRuleId = (typeof NARRATIVE_RULE_IDS)[number];

const BASIS = '年报文字部分复述的数字应与表格及补充信息中的数字一致（国办公开办函〔2021〕30号格式的规则 N.*）';

const narrativeRule = (id: NarrativeRuleId, title: string): Rule => ({
  id,
  severity: 'error',
  scope: 'report',
  title,
  basis: BASIS,
  checks: [],
});

export const NARRATIVE_RULES: readonly Rule[] = [
  narrativeRule('N.apply', '文字中的收到（新收、受理）申请数等于表三「一、本年新收政府信息公开申请数量」总计'),
  narrativeRule('N.carry', '文字中的上年结转申请数等于表三「二、上年结转政府信息公开申请数量」总计'),
  narrativeRule('N.done', '文字中的办结（答复）申请数等于表三「（七）总计」总计'),
  narrativeRule('N.next', '文字中的结转下年度申请数等于表三「四、结转下年度继续办理」总计'),
  narrativeRule('N.result', '文字中的予以公开、部分公开、不予公开等办理结果数等于表三相应各项之和'),
  narrativeRule('N.review', '文字中的行政复议案件数等于表四「行政复议」相应各列'),
  narrativeRule('N.litigation', '文字中的行政诉讼案件数等于表四两类行政诉讼相应各列之和'),
  narrativeRule('N.open', '文字中的主动公开信息总数、各分类条数等于补充信息中填写的数字'),
  narrativeRule('N.openparts', '文字中「共 N 条，其中 a 条、b 条……」的各分项之和等于所写的总数'),
  narrativeRule('N.fee', '文字中的收费通知件数、金额和实际收取金额等于补充信息中填写的数字'),
  narrativeRule('N.supervision', '文字中的监督检查、教育培训次数等于补充信息中填写的数字'),
];

// The rules of spec §Rules, as data generated from a format's layout and cells (buildRules). Ids are the spec's own and never change.
import { LAYOUT_2021, TABLE_NAMES, type FormatLayout } from '../layout/format-2021';
import { CELLS_2021, previousName, type FormatCells, type InputCell } from '../layout/input-cells';
import type { Check, Rule, RuleId, Term } from './rule';
import { SUPPLEMENT_RULES } from '../layout/supplement';
import { NARRATIVE_RULES } from '../narrative/narrative-rules';

const plus = (c: InputCell | string): Term => ({ name: typeof c === 'string' ? c : c.name, sign: 1 });
const minus = (c: InputCell | string): Term => ({ name: typeof c === 'string' ? c : c.name, sign: -1 });

/** The words a message uses for a single cell: 表三「一、本年新收…」行「自然人」列. */
export function cellLabel(c: InputCell): string {
  if (c.table === 'META') return `「${c.rowLabel}」`;
  if (!c.columnLabel) return `${TABLE_NAMES[c.table]}「${c.rowLabel}」`;
  return `${TABLE_NAMES[c.table]}「${c.rowLabel}」行「${c.columnLabel}」列`;
}

function check(
  rule: RuleId,
  key: string,
  relation: Check['relation'],
  highlight: string[],
  subject: Record<string, string>,
): Check {
  return { rule, key, relation, highlight, subject };
}

/** The rules of one format: relations over its cells, with its labels and basis. */
export function buildRules(layout: FormatLayout, cells: FormatCells): Rule[] {
  const T3_PARTS = layout.t3Columns.filter((c) => c.id !== 'total');
  const T3_RESULT_PARTS = layout.t3Rows.filter((r) => r.result && r.id !== 'total');
  const T4_PARTS = layout.t4Columns.filter((c) => c.id !== 'total');
  // 现行有效件数 rules need the three document columns (the 2019 format has other columns there).
  const documents = layout.t2Blocks.find((b) => b.id === 'item1');
  const documentColumns = new Set(documents?.columns.map((c) => c.id));
  const T2_DOCUMENT_ROWS = ['made', 'repealed', 'inforce'].every((c) => documentColumns.has(c)) ? documents!.rows : [];

  const t3Row: Rule = {
    id: 'T3.row',
    severity: 'error',
    scope: 'report',
    title: '表三每一行：总计等于自然人与法人或其他组织各列之和',
    basis: `${layout.basis} 表三「申请人情况」：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他`,
    checks: layout.t3Rows.map((r) => {
      const total = cells.input('T3', r.id, 'total');
      return check(
        'T3.row',
        r.id,
        {
          kind: 'compare',
          left: [plus(total)],
          op: 'eq',
          right: T3_PARTS.map((c) => plus(cells.input('T3', r.id, c.id))),
        },
        [total.name],
        { row: total.rowLabel },
      );
    }),
  };

  const t3Results: Rule = {
    id: 'T3.results',
    severity: 'error',
    scope: 'report',
    title: '表三每一列：（七）总计等于（一）至（六）各项办理结果之和',
    basis: `${layout.basis} 表三「三、本年度办理结果」：（七）总计 = ${layout.resultParts}`,
    checks: layout.t3Columns.map((c) => {
      const total = cells.input('T3', 'total', c.id);
      return check(
        'T3.results',
        c.id,
        {
          kind: 'compare',
          left: [plus(total)],
          op: 'eq',
          right: T3_RESULT_PARTS.map((r) => plus(cells.input('T3', r.id, c.id))),
        },
        [total.name],
        { column: c.label },
      );
    }),
  };

  const t3Balance: Rule = {
    id: 'T3.balance',
    severity: 'error',
    scope: 'report',
    title: '表三每一列：一 + 二 = （七）总计 + 四',
    basis: `${layout.basis} 表三表头注：本列数据的勾稽关系为第一项加第二项之和，等于第三项加第四项之和`,
    checks: layout.t3Columns.map((c) => {
      const next = cells.input('T3', 'next', c.id);
      return check(
        'T3.balance',
        c.id,
        {
          kind: 'compare',
          left: [plus(cells.input('T3', 'new', c.id)), plus(cells.input('T3', 'carry', c.id))],
          op: 'eq',
          right: [plus(cells.input('T3', 'total', c.id)), plus(next)],
        },
        [next.name],
        { column: c.label },
      );
    }),
  };

  const t4Sum: Rule = {
    id: 'T4.sum',
    severity: 'error',
    scope: 'report',
    title: '表四行政复议、未经复议直接起诉、复议后起诉：总计等于四种结果之和',
    basis: `${layout.basis} 表四：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
    checks: layout.t4Groups.map((g) => {
      const total = cells.input('T4', g.id, 'total');
      return check(
        'T4.sum',
        g.id,
        {
          kind: 'compare',
          left: [plus(total)],
          op: 'eq',
          right: T4_PARTS.map((c) => plus(cells.input('T4', g.id, c.id))),
        },
        [total.name],
        { row: total.rowLabel },
      );
    }),
  };

  const t2Inforce: Rule = {
    id: 'T2.inforce',
    severity: 'warning',
    scope: 'report',
    title: '表二规章、行政规范性文件：现行有效件数不少于本年制发件数减本年废止件数',
    basis: '本年制发的文件年底仍然有效，除非被废止，而本年至多废止了「本年废止件数」件',
    checks: T2_DOCUMENT_ROWS.map((r) => {
      const inforce = cells.input('T2', r.id, 'inforce');
      return check(
        'T2.inforce',
        r.id,
        {
          kind: 'compare',
          left: [plus(inforce)],
          op: 'ge',
          right: [plus(cells.input('T2', r.id, 'made')), minus(cells.input('T2', r.id, 'repealed'))],
        },
        [inforce.name],
        { row: r.label },
      );
    }),
  };

  const byKind = (kind: InputCell['kind']) => cells.inputCells.filter((c) => c.kind === kind);
  const typeRule = (id: RuleId, kind: InputCell['kind'], title: string, basis: string): Rule => ({
    id,
    severity: 'error',
    scope: 'report',
    title,
    basis,
    checks: byKind(kind).map((c) =>
      check(id, c.name, { kind: 'cellType', name: c.name, expect: kind }, [c.name], { cell: cellLabel(c) }),
    ),
  });

  const typeCount = typeRule('type.count', 'count', '件数为不小于 0 的整数', `${layout.basis} 各表数字为件数（整数）`);
  const typeAmount = typeRule(
    'type.amount',
    'amount',
    '收费金额为不小于 0 的数，最多 4 位小数',
    `${layout.basis} 表二「本年收费金额（单位：万元）」`,
  );
  const typeYear = typeRule(
    'type.year',
    'year',
    '年度为 2021 年以后的四位年份',
    `${layout.basis} 适用于 2021 年度及以后的年度报告`,
  );

  const blank: Rule = {
    id: 'blank',
    severity: 'warning',
    scope: 'report',
    title: '输入单元格不留空：没有发生的事项填 0',
    basis: `${layout.basis} 各表须逐项填写，数量为零的填 0`,
    checks: cells.inputCells.map((c) =>
      check('blank', c.name, { kind: 'filled', name: c.name }, [c.name], { cell: cellLabel(c) }),
    ),
  };

  const xCarry: Rule = {
    id: 'X.carry',
    severity: 'error',
    scope: 'previous',
    title: '本年「二、上年结转」等于上年报告「四、结转下年度继续办理」',
    basis: '上年结转下年度继续办理的申请，即为本年的上年结转申请',
    checks: layout.t3Columns.map((c) => {
      const carry = cells.input('T3', 'carry', c.id);
      const prev = previousName(cells.input('T3', 'next', c.id).name);
      return check(
        'X.carry',
        c.id,
        { kind: 'compare', left: [plus(carry)], op: 'eq', right: [plus(prev)], required: [prev] },
        [carry.name],
        {
          column: c.label,
        },
      );
    }),
  };

  const xInforce: Rule = {
    id: 'X.inforce',
    severity: 'warning',
    scope: 'previous',
    title: '现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数',
    basis: '上年末有效的文件，加上本年制发、减去本年废止，即为本年末现行有效的文件',
    checks: T2_DOCUMENT_ROWS.map((r) => {
      const inforce = cells.input('T2', r.id, 'inforce');
      const prev = previousName(inforce.name);
      return check(
        'X.inforce',
        r.id,
        {
          kind: 'compare',
          left: [plus(inforce)],
          op: 'eq',
          right: [plus(prev), plus(cells.input('T2', r.id, 'made')), minus(cells.input('T2', r.id, 'repealed'))],
          required: [prev],
        },
        [inforce.name],
        { row: r.label },
      );
    }),
  };

  /** Found while reading a workbook, not by a relation: an input cell covered by a merge it does not start. */
  const templateMerged: Rule = {
    id: 'template.merged',
    severity: 'error',
    scope: 'report',
    title: '输入单元格不能被合并单元格盖住',
    basis: '被合并盖住的单元格，其数值在表格中看不到，打印和发布的报告会缺数',
    checks: [],
  };

  /** Every rule, errors before warnings within each family; the order findings are listed in. */
  return [
    typeCount,
    typeAmount,
    typeYear,
    t3Row,
    t3Results,
    t3Balance,
    t4Sum,
    xCarry,
    t2Inforce,
    xInforce,
    blank,
    templateMerged,
    ...SUPPLEMENT_RULES,
    ...NARRATIVE_RULES,
  ];
}
/** The 2021 format's rules, for the callers not yet handed a Format. */
export const RULES: readonly Rule[] = buildRules(LAYOUT_2021, CELLS_2021);
export const RULE_BY_ID: ReadonlyMap<RuleId, Rule> = new Map(RULES.map((r) => [r.id, r]));
export const CHECKS: readonly Check[] = RULES.flatMap((r) => r.checks);

// What a narrative template can refer to: one tree of fields with Chinese names (the words an official uses), each
// with its source and a label. The same tree gives the data a template renders, the field list the pane shows, and
// the allowlist check-template.ts holds every path in a template against.
import { T2_BLOCKS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, TABLE_NAMES } from '../layout/format-2021';
import { FEE_FIELDS, OPEN_TOTAL, SUPERVISION_FIELDS, supplementLabel } from '../layout/supplement';
import type { Report } from '../model/report-schema';
import type { Supplement } from './supplement-model';

export type Scalar = number | string | null;
export type ListItem = Readonly<Record<string, Scalar>>;

interface Source {
  readonly report: Report;
  readonly supplement: Supplement;
}

export type FieldNode =
  | { readonly kind: 'number' | 'text'; readonly label: string; readonly get: (s: Source) => Scalar }
  | { readonly kind: 'group'; readonly label: string; readonly fields: Readonly<Record<string, FieldNode>> }
  | {
      readonly kind: 'list';
      readonly label: string;
      /** The fields of one item (always numbers or text). */
      readonly item: Readonly<Record<string, { readonly kind: 'number' | 'text'; readonly label: string }>>;
      readonly get: (s: Source) => ListItem[];
    };

export interface FieldInfo {
  /** As written in a template: 申请.本年新收; items of a list as 申请.结果列表[].名称. */
  readonly path: string;
  readonly label: string;
  readonly kind: 'number' | 'text' | 'list';
}

/** A table figure; blank counts as 0 in the narrative (the format prints 0, and the blank rule warns). */
const t3 = (s: Source, row: string, col = 'total') => s.report.t3[row]?.[col] ?? 0;
const t4 = (s: Source, group: string, col: string) => s.report.t4[group]?.[col] ?? 0;
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** 「（二）部分公开（区分处理的…）」 → 部分公开: the words a sentence uses for a row or group. */
export function shortLabel(label: string): string {
  return label.replace(/^（[一二三四五六七八九十]+）/, '').replace(/（.*）$/, '');
}

/** The kinds of 办理结果 in printed order, each with the T3 rows it sums. */
export const RESULT_KINDS: readonly { readonly name: string; readonly rows: readonly string[] }[] = (() => {
  const kinds: { name: string; rows: string[] }[] = [];
  for (const r of T3_ROWS.filter((x) => x.result && x.id !== 'total')) {
    const name = shortLabel(r.group ?? r.label);
    const kind = kinds.find((k) => k.name === name);
    if (kind) kind.rows.push(r.id);
    else kinds.push({ name, rows: [r.id] });
  }
  return kinds;
})();

const ORG_COLUMNS = T3_COLUMNS.filter((c) => c.org);
const T4_PARTS = T4_COLUMNS.filter((c) => c.id !== 'total');
const T4_TOTAL = T4_COLUMNS.find((c) => c.id === 'total')!;
const [REVIEW, ...LITIGATION] = T4_GROUPS;

const rowLabel = (id: string) => T3_ROWS.find((r) => r.id === id)!.label;
const t3Label = (id: string, column = '总计') => `${TABLE_NAMES.T3}「${rowLabel(id)}」${column}`;

const num = (label: string, get: (s: Source) => number | null): FieldNode => ({ kind: 'number', label, get });
const group = (label: string, fields: Record<string, FieldNode>): FieldNode => ({ kind: 'group', label, fields });
const namedList = (label: string, get: (s: Source) => ListItem[]): FieldNode => ({
  kind: 'list',
  label,
  item: { 名称: { kind: 'text', label: '名称' }, 数量: { kind: 'number', label: '数量' } },
  get,
});

/** Non-zero items in order, as {名称, 数量}. */
const nonZero = (items: readonly [string, number][]): ListItem[] =>
  items.filter(([, n]) => n !== 0).map(([名称, 数量]) => ({ 名称, 数量 }));

const resultItems = (s: Source) =>
  nonZero(RESULT_KINDS.map((k) => [k.name, round(k.rows.reduce((sum, r) => sum + t3(s, r), 0))]));
const t4Sum = (s: Source, col: string, groups: readonly { id: string }[]) =>
  groups.reduce((sum, g) => sum + t4(s, g.id, col), 0);
const t4Items = (s: Source, groups: readonly { id: string }[]) =>
  nonZero(T4_PARTS.map((c) => [c.label, t4Sum(s, c.id, groups)]));

function t4Group(label: string, groups: readonly { id: string }[]): Record<string, FieldNode> {
  return {
    ...Object.fromEntries(
      T4_COLUMNS.map((c) => [c.label, num(`${label}「${c.label}」`, (s) => t4Sum(s, c.id, groups))]),
    ),
    结果列表: namedList(`${label}各种结果中不为 0 的（名称、数量）`, (s) => t4Items(s, groups)),
    结果种类: num(`${label}不为 0 的结果有几种`, (s) => t4Items(s, groups).length),
  };
}

const t2Fields: Record<string, FieldNode> = Object.fromEntries(
  T2_BLOCKS.flatMap((b) =>
    b.rows.map((r): [string, FieldNode] => {
      const get = (col: string) => (s: Source) => s.report.t2[r.id]?.[col] ?? 0;
      if (b.columns.length === 1)
        return [r.label, num(`${TABLE_NAMES.T2}「${r.label}」${b.columns[0].label}`, get(b.columns[0].id))];
      return [
        r.label,
        group(
          `${TABLE_NAMES.T2}「${r.label}」`,
          Object.fromEntries(
            b.columns.map((c) => [c.label, num(`${TABLE_NAMES.T2}「${r.label}」${c.label}`, get(c.id))]),
          ),
        ),
      ];
    }),
  ),
);

const applicantFields: Record<string, FieldNode> = {
  ...Object.fromEntries(
    T3_COLUMNS.filter((c) => c.id !== 'total').map((c) => [
      c.label,
      num(t3Label('new', c.label), (s) => t3(s, 'new', c.id)),
    ]),
  ),
  法人或其他组织: num(`${TABLE_NAMES.T3}「${rowLabel('new')}」法人或其他组织各列之和`, (s) =>
    ORG_COLUMNS.reduce((sum, c) => sum + t3(s, 'new', c.id), 0),
  ),
};

/** The root of every template's data. */
export const FIELD_TREE: Readonly<Record<string, FieldNode>> = {
  年度: num('年度', (s) => s.report.year),
  机关名称: { kind: 'text', label: '机关名称', get: (s) => s.report.agency ?? '' },
  主动公开: group('主动公开（补充信息）', {
    总数: num(supplementLabel(OPEN_TOTAL), (s) => s.supplement.openTotal),
    分类: namedList('补充信息中填写的主动公开信息分类（名称、数量）', (s) =>
      s.supplement.categories.map((c) => ({ 名称: c.name, 数量: c.count })),
    ),
    分类数: num('填写了几个分类', (s) => s.supplement.categories.length),
  }),
  表二: group(TABLE_NAMES.T2, t2Fields),
  申请: group(`依申请公开（${TABLE_NAMES.T3}）`, {
    本年新收: num(t3Label('new'), (s) => t3(s, 'new')),
    上年结转: num(t3Label('carry'), (s) => t3(s, 'carry')),
    合计: num('本年新收与上年结转之和', (s) => t3(s, 'new') + t3(s, 'carry')),
    办结: num(t3Label('total'), (s) => t3(s, 'total')),
    结转下年度: num(t3Label('next'), (s) => t3(s, 'next')),
    申请人: group(`本年新收申请的申请人（${TABLE_NAMES.T3}）`, applicantFields),
    结果: group(
      '办理结果（各项之和）',
      Object.fromEntries(
        RESULT_KINDS.map((k) => [
          k.name,
          num(`${TABLE_NAMES.T3}「${k.name}」总计`, (s) => round(k.rows.reduce((sum, r) => sum + t3(s, r), 0))),
        ]),
      ),
    ),
    结果列表: namedList('办理结果中不为 0 的各项（名称、数量）', resultItems),
    结果种类: num('不为 0 的办理结果有几种', (s) => resultItems(s).length),
  }),
  复议: group(`${TABLE_NAMES.T4}「${REVIEW.label}」`, t4Group(REVIEW.label, [REVIEW])),
  诉讼: group(`${TABLE_NAMES.T4}两类行政诉讼之和`, {
    ...t4Group('行政诉讼', LITIGATION),
    ...Object.fromEntries(
      LITIGATION.map((g) => [
        g.label,
        num(`${TABLE_NAMES.T4}「${g.label}」${T4_TOTAL.label}`, (s) => t4(s, g.id, 'total')),
      ]),
    ),
  }),
  监督: group('监督保障（补充信息）', {
    监督检查次数: num(supplementLabel(SUPERVISION_FIELDS.inspections), (s) => s.supplement.inspections),
    教育培训次数: num(supplementLabel(SUPERVISION_FIELDS.trainings), (s) => s.supplement.trainings),
  }),
  收费: group('信息处理费（补充信息）', {
    通知件数: num(supplementLabel(FEE_FIELDS.notices), (s) => s.supplement.feeNotices),
    通知金额: num(supplementLabel(FEE_FIELDS.amount), (s) => s.supplement.feeAmount),
    实收金额: num(supplementLabel(FEE_FIELDS.collected), (s) => s.supplement.feeCollected),
  }),
};

function evaluate(fields: Readonly<Record<string, FieldNode>>, s: Source): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(fields))
    out[key] = node.kind === 'group' ? evaluate(node.fields, s) : node.get(s);
  return out;
}

/** The data a template renders: plain objects and arrays, nothing else reachable. */
export function narrativeData(report: Report, supplement: Supplement): Record<string, unknown> {
  return evaluate(FIELD_TREE, { report, supplement });
}

/** Every field a template may use, for the pane's list. */
export function listFields(): FieldInfo[] {
  const out: FieldInfo[] = [];
  const walk = (fields: Readonly<Record<string, FieldNode>>, prefix: string) => {
    for (const [key, node] of Object.entries(fields)) {
      const path = prefix + key;
      if (node.kind === 'group') walk(node.fields, `${path}.`);
      else if (node.kind === 'list') {
        out.push({ path, label: node.label, kind: 'list' });
        for (const [k, item] of Object.entries(node.item))
          out.push({ path: `${path}[].${k}`, label: `${node.label}：${item.label}`, kind: item.kind });
      } else out.push({ path, label: node.label, kind: node.kind });
    }
  };
  walk(FIELD_TREE, '');
  return out;
}

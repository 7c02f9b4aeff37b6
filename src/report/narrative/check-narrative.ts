// The N.* rules: numbers in narrative text (generated or typed) that restate a table figure must equal it. The text
// is read sentence by sentence; each quantity (「2件」「十二条」「3940元」) is tied to a figure by the nearest keyword
// before it (or, in 「收到2件申请」 order, right after it) and by the sentence's topic (行政复议 … 其中结果维持N件).
// Conservative on purpose: approximate (「5500余条」), comparative (同比、增长) and 「分别」 figures, and breakdowns
// after 「其中」 that no figure matches, are left alone: a finding here is an error the user must fix. Cases filed
// for the record (「备案…行政复议案件134件」, sample 005) are compared with 表四 too, but as a warning: a count of
// filed cases may be kept on another basis than the table's.
import { T3_ROWS, T4_COLUMNS, T4_GROUPS, TABLE_NAMES } from '../layout/format-2021';
import { input } from '../layout/input-cells';
import {
  FEE_FIELDS,
  OPEN_CATEGORIES,
  OPEN_TOTAL,
  SUPERVISION_FIELDS,
  type SupplementField,
} from '../layout/supplement';
import { formatNumber } from '../model/cell-content';
import type { Report } from '../model/report-schema';
import type { Finding } from '../rules/finding';
import { RULE_MESSAGES, fillTemplate } from '../rules/messages.zh-CN';
import { cellLabel } from '../rules/rule-catalog';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from './chinese-numerals';
import { RESULT_KINDS } from './narrative-fields';
import type { NarrativeRuleId } from './narrative-rules';
import type { Narrative } from './render-narrative';
import { emptySupplement, type Supplement } from './supplement-model';

export interface NarrativeFinding extends Finding {
  readonly rule: NarrativeRuleId;
  /** Offsets of the quantity in the checked text. */
  readonly start: number;
  readonly end: number;
  /** 1-based line and column of the quantity. */
  readonly line: number;
  readonly column: number;
  /** The words the finding quotes. */
  readonly quote: string;
}

export interface CheckNarrativeOptions {
  readonly supplement?: Supplement;
  /** The defined name of the cell the text lives in (the finding's first cell). */
  readonly cell?: string;
  /** How the message names the place: 「一（二）依申请公开情况」. */
  readonly where?: string;
}

/** A figure a quantity may restate: accepted values (the first is the one a message names), cells, words. */
interface Figure {
  readonly rule: NarrativeRuleId;
  readonly accepted: readonly number[];
  readonly label: string;
  readonly cells: readonly string[];
  readonly kind?: string;
  readonly units: RegExp;
}

interface Quantity {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly unit: string;
}

const NUMERAL = `[${CHINESE_NUMERAL_CHARS}]+`;
const QUANTITY = new RegExp(
  `(?<![\\d.第每${CHINESE_NUMERAL_CHARS}])(\\d[\\d,]*(?:\\.\\d+)?|${NUMERAL})[ \\t\\u00a0]*(万元|件|条|次|元|起|宗)(?!以上|以下|左右|多|余|性)`,
  'g',
);
const SENTENCE_END = /[。；;！？!?\n]/;
const CLAUSE_END = /[，,。；;、：:（）()\s！？!?]/;
const CJK = /[\u4e00-\u9fff]/;
const SKIP = /同比|增长|下降|减少|增加|较上年|上年同期|累计|平均|约|近|超过/;
/** Filed for the record: only a case count (行政复议、行政诉讼) is compared, as a warning. */
const FILED = /备案/;
const FILED_NOTE = '（文字所写为备案数；若与表四的统计口径不同，请在文字中说明）';
/** The longest quote a message carries (a 主动公开 breakdown runs to about 50 characters). */
const QUOTE_CHARS = 60;
const COUNT_UNITS = /^(件|条)$/;
const CASE_UNITS = /^(件|起|宗)$/;

/** Keywords that say which figure a quantity restates, most specific first (ties go to the earlier entry). */
const KEYWORDS: readonly { readonly key: string; readonly re: RegExp }[] = [
  { key: 'carry', re: /上一?年度?结转|上年度?转结|结转上一?年/g },
  { key: 'next', re: /结转(?:至|到)?下一?年度?|转(?:入|至|到)?下一?年度?|顺延(?:至|到)?下一?年度?|下一?年度继续办理/g },
  ...RESULT_KINDS.map((k) => ({
    key: `result:${k.name}`,
    re: new RegExp(k.name === '予以公开' ? '(?<!不)予以公开' : k.name === '不予公开' ? '不予以?公开' : k.name, 'g'),
  })),
  ...T4_COLUMNS.filter((c) => c.id !== 'total').map((c) => ({ key: `t4:${c.id}`, re: new RegExp(c.label, 'g') })),
  { key: 'direct', re: /未经(?:行政)?复议直接起诉|直接(?:提起|向法院)?起诉/g },
  { key: 'after', re: /复议后(?:提起)?起诉|经复议后/g },
  { key: 'review', re: /行政复议/g },
  { key: 'litigation', re: /行政诉讼|诉讼/g },
  { key: 'done', re: /办结|答复|办理完毕|处理完毕/g },
  { key: 'apply', re: /新收|收到|受理|收办|接收|接到/g },
  // Not the fee's own name, 政府信息公开信息处理费 (淮安市 2024: 「全年收取政府信息公开信息处理费 3940 元」).
  { key: 'open', re: /主动公开|(?:公开|发布)(?:各类|各项)?(?:政府)?信息(?!处理费)/g },
  { key: 'feeNotices', re: /收费通知/g },
  { key: 'feeCollected', re: /实际收取|收取|实收|缴纳/g },
  { key: 'feeAmount', re: /金额|合计/g },
  { key: 'inspections', re: /监督检查/g },
  { key: 'trainings', re: /教育培训|培训/g },
];
const TOPICS: Readonly<Record<string, string>> = {
  review: 'review',
  direct: 'direct',
  after: 'after',
  litigation: 'litigation',
  apply: 'apply',
  open: 'open',
  feeNotices: 'fee',
  feeCollected: 'fee',
};
const FEE_TOPIC = /收费|信息处理费/g;

interface KeywordHit {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

function hits(text: string): KeywordHit[] {
  const out: KeywordHit[] = [];
  KEYWORDS.forEach(({ key, re }) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ key, start: m.index, end: m.index + m[0].length });
  });
  FEE_TOPIC.lastIndex = 0;
  for (let m = FEE_TOPIC.exec(text); m; m = FEE_TOPIC.exec(text))
    out.push({ key: 'feeTopic', start: m.index, end: m.index + m[0].length });
  return out;
}

const order = new Map(KEYWORDS.map((k, i) => [k.key, i]));
const rank = (h: KeywordHit) => order.get(h.key) ?? KEYWORDS.length;

/** Full-width digits and comma to ASCII, one character for one, so offsets stay those of the user's text. */
function fold(text: string): string {
  return text.replace(/[０-９，．]/g, (c) =>
    c === '，' ? '，' : c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

function quantities(sentence: string): Quantity[] {
  const out: Quantity[] = [];
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(sentence); m; m = QUANTITY.exec(sentence)) {
    const raw = m[1];
    const chinese = !/^\d/.test(raw);
    const value = chinese ? parseChineseNumeral(raw) : Number(raw.replace(/,/g, ''));
    if (value === null || !Number.isFinite(value)) continue;
    const end = m.index + m[0].length;
    // 「一件申请」「一次会议」: a lone Chinese 一 before a noun is an idiom, not a restated figure.
    if (chinese && value === 1 && CJK.test(sentence[end] ?? '')) continue;
    out.push({ start: m.index, end, value, unit: m[2] });
  }
  return out;
}

/** Figures, from the report and the supplement. */
class Figures {
  constructor(
    private readonly report: Report,
    private readonly sup: Supplement,
  ) {}

  private t3(row: string): number | null {
    return this.report.t3[row]?.total ?? null;
  }

  private t3Figure(rule: NarrativeRuleId, row: string, extra: number[] = []): Figure | null {
    const v = this.t3(row);
    if (v === null) return null;
    const cell = input('T3', row, 'total');
    return { rule, accepted: [v, ...extra], label: cellLabel(cell), cells: [cell.name], units: COUNT_UNITS };
  }

  apply(strict: boolean): Figure | null {
    const carry = this.t3('carry');
    const lenient = !strict && carry !== null && this.t3('new') !== null ? [this.t3('new')! + carry] : [];
    return this.t3Figure('N.apply', 'new', lenient);
  }
  carry = () => this.t3Figure('N.carry', 'carry');
  done = () => this.t3Figure('N.done', 'total');
  next = () => this.t3Figure('N.next', 'next');

  result(name: string): Figure | null {
    const kind = RESULT_KINDS.find((k) => k.name === name)!;
    const values = kind.rows.map((r) => this.t3(r));
    if (values.every((v) => v === null)) return null;
    const sum = Math.round(values.reduce<number>((s, v) => s + (v ?? 0), 0) * 1e6) / 1e6;
    const label =
      kind.rows.length === 1
        ? cellLabel(input('T3', kind.rows[0], 'total'))
        : `${TABLE_NAMES.T3}「${T3_ROWS.find((r) => r.id === kind.rows[0])!.group}」各项「总计」列之和`;
    return {
      rule: 'N.result',
      accepted: [sum],
      label,
      cells: kind.rows.map((r) => input('T3', r, 'total').name),
      kind: name,
      units: COUNT_UNITS,
    };
  }

  /** 表四: one group, or the two litigation groups summed. */
  t4(topic: 'review' | 'litigation' | 'direct' | 'after', column: string): Figure | null {
    const groups =
      topic === 'review'
        ? ['review']
        : topic === 'direct'
          ? ['direct']
          : topic === 'after'
            ? ['after']
            : ['direct', 'after'];
    const values = groups.map((g) => this.report.t4[g]?.[column] ?? null);
    if (values.every((v) => v === null)) return null;
    const cells = groups.map((g) => input('T4', g, column));
    const col = T4_COLUMNS.find((c) => c.id === column)!;
    const label =
      cells.length === 1
        ? cellLabel(cells[0])
        : `${TABLE_NAMES.T4}「${T4_GROUPS.filter((g) => groups.includes(g.id))
            .map((g) => g.label)
            .join('」与「')}」的「${col.label}」列之和`;
    const kind = column === 'total' ? '' : col.label;
    const prefix = topic === 'direct' || topic === 'after' ? T4_GROUPS.find((g) => g.id === topic)!.label : '';
    return {
      rule: topic === 'review' ? 'N.review' : 'N.litigation',
      accepted: [values.reduce<number>((s, v) => s + (v ?? 0), 0)],
      label,
      cells: cells.map((c) => c.name),
      kind: prefix && kind ? `${prefix}${kind}` : prefix || kind,
      units: CASE_UNITS,
    };
  }

  supplement(
    rule: NarrativeRuleId,
    f: SupplementField,
    value: number | null,
    kind: string,
    units: RegExp,
  ): Figure | null {
    if (value === null) return null;
    return { rule, accepted: [value], label: `补充信息「${f.label}」`, cells: [f.name], kind, units };
  }
  openTotal = () => this.supplement('N.open', OPEN_TOTAL, this.sup.openTotal, '主动公开信息总数', COUNT_UNITS);
  category(local: string): Figure | null {
    const i = this.sup.categories.findIndex((c) => c.name !== '' && local.includes(c.name));
    if (i < 0) return null;
    const c = this.sup.categories[i];
    const row = OPEN_CATEGORIES.find((_, j) => j === i) ?? OPEN_CATEGORIES[0];
    return this.supplement('N.open', row.count, c.count, `「${c.name}」条数`, COUNT_UNITS);
  }
  feeNotices = () => this.supplement('N.fee', FEE_FIELDS.notices, this.sup.feeNotices, '收费通知件数', /^件$/);
  feeAmount = () => this.supplement('N.fee', FEE_FIELDS.amount, this.sup.feeAmount, '收费通知金额（元）', /^元$/);
  feeCollected = () =>
    this.supplement('N.fee', FEE_FIELDS.collected, this.sup.feeCollected, '实际收取金额（元）', /^元$/);
  inspections = () =>
    this.supplement('N.supervision', SUPERVISION_FIELDS.inspections, this.sup.inspections, '监督检查次数', /^次$/);
  trainings = () =>
    this.supplement('N.supervision', SUPERVISION_FIELDS.trainings, this.sup.trainings, '教育培训次数', /^次$/);
}

interface Claim {
  readonly q: Quantity;
  readonly figure: Figure;
  readonly quoteStart: number;
  /** A count of cases filed for the record: a warning, not an error. */
  readonly filed?: boolean;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++)
    if (text[i] === '\n') {
      line += 1;
      lineStart = i + 1;
    }
  return { line, column: offset - lineStart + 1 };
}

/** Findings for one text: each restated figure that differs from the table or the 补充信息 sheet. */
export function checkNarrative(text: string, report: Report, options: CheckNarrativeOptions = {}): NarrativeFinding[] {
  const figures = new Figures(report, options.supplement ?? emptySupplement());
  const folded = fold(text);
  const findings: NarrativeFinding[] = [];
  let sentenceStart = 0;
  let inParts = false;
  for (let i = 0; i <= folded.length; i++) {
    if (i < folded.length && !SENTENCE_END.test(folded[i])) continue;
    const sentence = folded.slice(sentenceStart, i);
    for (const claim of readSentence(sentence, figures, inParts)) {
      const stated = claim.q.value;
      if (claim.figure.accepted.some((v) => Math.abs(v - stated) < 1e-9)) continue;
      const start = sentenceStart + claim.q.start;
      const end = sentenceStart + claim.q.end;
      let quote = text.slice(sentenceStart + claim.quoteStart, end);
      if (quote.length > QUOTE_CHARS) quote = `…${quote.slice(1 - QUOTE_CHARS)}`;
      const { line, column } = lineColumn(text, start);
      const cell = options.cell ?? '';
      findings.push({
        rule: claim.figure.rule,
        severity: claim.filed ? 'warning' : 'error',
        key: `${cell}@${start}`,
        cells: cell ? [cell, ...claim.figure.cells] : [...claim.figure.cells],
        left: stated,
        right: claim.figure.accepted[0],
        message:
          fillTemplate(RULE_MESSAGES[claim.figure.rule], {
            where: options.where ? `「${options.where}」` : '文字',
            quote,
            left: formatNumber(stated),
            right: formatNumber(claim.figure.accepted[0]),
            figure: claim.figure.label,
            kind: claim.figure.kind ?? '',
          }) + (claim.filed ? FILED_NOTE : ''),
        start,
        end,
        line,
        column,
        quote,
      });
    }
    // 「其中，甲局1件，收取880元；乙局1件，收取1080元」: the clauses after a 「；」 go on listing the parts.
    inParts = /[；;]/.test(folded[i] ?? '') && (inParts || sentence.includes('其中'));
    sentenceStart = i + 1;
  }
  return findings;
}

/** Words that make the rest of a sentence something other than a restatement (「分别」 lists). */
const SKIP_SENTENCE = /分别/;
const CASE_RULES = new Set<NarrativeRuleId>(['N.review', 'N.litigation']);

function readSentence(sentence: string, figures: Figures, inParts: boolean): Claim[] {
  const qs = quantities(sentence);
  if (qs.length === 0) return [];
  const all = hits(sentence);
  const partsFrom = inParts ? 0 : sentence.indexOf('其中');
  const skipFrom = sentence.search(SKIP_SENTENCE);
  const filedFrom = sentence.search(FILED);
  const claims: Claim[] = [];
  const openParts: Quantity[] = [];
  let openTotal: Claim | null = null;
  let prevEnd = 0;
  qs.forEach((q, qi) => {
    const localStart = prevEnd;
    const local = sentence.slice(localStart, q.start);
    prevEnd = q.end;
    if ((skipFrom >= 0 && skipFrom < q.start) || SKIP.test(local)) return;
    const parts = partsFrom >= 0 && partsFrom < q.start;
    const filed = filedFrom >= 0 && filedFrom < q.start;
    const stop = sentence.slice(q.end).search(CLAUSE_END);
    const afterEnd = Math.min(stop < 0 ? sentence.length : q.end + stop, qs[qi + 1]?.start ?? sentence.length);
    const around = sentence.slice(localStart, afterEnd);
    const before = all.filter((h) => h.end <= q.start);
    const topicHit = before.filter((h) => TOPICS[h.key] || h.key === 'feeTopic').sort((a, b) => b.end - a.end)[0];
    const topic = topicHit ? (TOPICS[topicHit.key] ?? 'fee') : null;
    // The keyword nearest before the quantity, else the first right after it (「收到2件申请」).
    let hit = before
      .filter((h) => h.start >= localStart && h.key !== 'feeTopic')
      .sort((a, b) => b.end - a.end || rank(a) - rank(b))[0];
    let quoteStart = hit?.start ?? q.start;
    if (!hit && CJK.test(sentence[q.end] ?? '')) {
      hit = all
        .filter((h) => h.start >= q.end && h.end <= afterEnd && h.key !== 'feeTopic')
        .sort((a, b) => a.start - b.start || rank(a) - rank(b))[0];
      quoteStart = q.start;
    }
    const key = hit?.key ?? null;
    // 「共主动公开政府信息422条，其中概况类信息361条、……」: a part of the total, and maybe a category of its own.
    if (topic === 'open' && parts && (key === null || key === 'open') && COUNT_UNITS.test(q.unit)) {
      if (filed) return;
      openParts.push(q);
      const category = figures.category(local);
      if (category)
        claims.push({ q, figure: category, quoteStart: localStart + Math.max(0, local.search(/[^，、；：\s]/)) });
      return;
    }
    const figure = key === null ? null : figureFor(key, topic, parts, around, figures);
    if (!figure || !figure.units.test(q.unit)) return;
    if (filed && !CASE_RULES.has(figure.rule)) return;
    const claim: Claim = filed ? { q, figure, quoteStart, filed } : { q, figure, quoteStart };
    if (figure.rule === 'N.open' && figure.kind === '主动公开信息总数') openTotal = claim;
    claims.push(claim);
  });
  const total = openTotal as Claim | null;
  if (total && openParts.length > 0) {
    const sum = openParts.reduce((s, p) => s + p.value, 0);
    const last = openParts[openParts.length - 1];
    if (Math.abs(sum - total.q.value) > 1e-9)
      claims.push({
        q: { ...total.q, end: last.end },
        quoteStart: total.quoteStart,
        figure: { rule: 'N.openparts', accepted: [sum], label: '各分项之和', cells: [], units: COUNT_UNITS },
      });
  }
  return claims;
}

function figureFor(key: string, topic: string | null, parts: boolean, around: string, f: Figures): Figure | null {
  if (key.startsWith('result:')) return f.result(key.slice('result:'.length));
  if (key.startsWith('t4:')) {
    const column = key.slice('t4:'.length);
    if (topic === 'review' || topic === 'litigation' || topic === 'direct' || topic === 'after')
      return f.t4(topic, column);
    return null;
  }
  switch (key) {
    case 'carry':
      return f.carry();
    case 'next':
      return f.next();
    case 'done':
      return f.done();
    case 'apply':
      // A verb of receiving counts only where the words are about applications, and not inside a breakdown.
      if (parts || !/申请/.test(around)) return null;
      return f.apply(/新收/.test(around));
    case 'review':
      return f.t4('review', 'total');
    case 'litigation':
      return f.t4('litigation', 'total');
    case 'direct':
      return f.t4('direct', 'total');
    case 'after':
      return f.t4('after', 'total');
    case 'open':
      return parts ? null : f.openTotal();
    case 'feeNotices':
      return parts ? null : f.feeNotices();
    case 'feeCollected':
      return parts ? null : f.feeCollected();
    case 'feeAmount':
      return parts || topic !== 'fee' ? null : f.feeAmount();
    case 'inspections':
      return f.inspections();
    case 'trainings':
      return f.trainings();
    default:
      return null;
  }
}

/** Every part of a rendered narrative, each finding pointing at the cell the words come from. */
export function checkNarrativeDocument(
  narrative: Narrative,
  report: Report,
  supplement: Supplement,
): NarrativeFinding[] {
  const out: NarrativeFinding[] = [];
  for (const s of [...Object.values(narrative.generated), ...Object.values(narrative.typed)])
    out.push(...checkNarrative(s.paragraphs.join('\n'), report, { supplement, cell: s.cell, where: s.label }));
  return out;
}

// Label normalisation for matching printed labels against the format's: full-width forms folded (NFKC), spaces and
// punctuation dropped, parenthesised notes removed, and the leading ordinal (一、 （一） 1. 1、) split off, since
// the ordinal tells rows apart where the words are abbreviated or broken across lines.

export type OrdinalKind = 'top' | 'paren' | 'arabic';
export interface Ordinal {
  readonly kind: OrdinalKind;
  readonly n: number;
}
export interface LabelParts {
  readonly ordinal: Ordinal | null;
  /** The words, folded, without notes or punctuation. */
  readonly core: string;
}

const CN_DIGITS = '一二三四五六七八九';
export function chineseNumber(s: string): number {
  if (s === '十') return 10;
  if (s.length === 1) return CN_DIGITS.indexOf(s) + 1;
  if (s.startsWith('十')) return 10 + CN_DIGITS.indexOf(s[1]) + 1;
  const tens = CN_DIGITS.indexOf(s[0]) + 1;
  return s.length === 2 ? tens * 10 : tens * 10 + CN_DIGITS.indexOf(s[2]) + 1;
}

/** NFKC (full-width to half-width) and no whitespace of any kind. */
export function fold(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

const TOP = /^([一二三四五六七八九十]{1,3})[、.,]/;
const PAREN = /^\(([一二三四五六七八九十]{1,3})\)/;
const ARABIC = /^(\d{1,2})[.、,](?!\d)/;
const PUNCTUATION = /["'“”‘’「」『』《》〈〉、,。.:;·•|/\\\-—–―_[\]【】!?！？…~]/g;

/** Drops notes in parentheses, including one opened and not closed (a label broken across lines). */
function withoutNotes(s: string): string {
  let out = s;
  for (let guard = 0; guard < 10 && /\([^()]*\)/.test(out); guard++) out = out.replace(/\([^()]*\)/g, '');
  const open = out.indexOf('(');
  if (open >= 0) out = out.slice(0, open);
  const close = out.lastIndexOf(')');
  if (close >= 0) out = out.slice(close + 1);
  return out;
}

export function labelParts(text: string): LabelParts {
  let s = fold(text).replace(/^[[【]+|[\]】]+$/g, '');
  let ordinal: Ordinal | null = null;
  const top = TOP.exec(s);
  const paren = top ? null : PAREN.exec(s);
  const arabic = top || paren ? null : ARABIC.exec(s);
  if (top) ordinal = { kind: 'top', n: chineseNumber(top[1]) };
  else if (paren) ordinal = { kind: 'paren', n: chineseNumber(paren[1]) };
  else if (arabic) ordinal = { kind: 'arabic', n: Number(arabic[1]) };
  const m = top ?? paren ?? arabic;
  if (m) s = s.slice(m[0].length);
  return { ordinal, core: withoutNotes(s).replace(PUNCTUATION, '') };
}

/**
 * One printed cell may hold a group heading and a row label ("（三）不予公开 1.属于国家秘密"): splits the folded text
 * before each inner ordinal. "第二十条第（一）项" stays whole (the ordinal follows 第).
 */
export function splitAtOrdinals(text: string): string[] {
  const s = fold(text);
  const cuts: number[] = [0];
  const re = /\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、](?=[^\d])/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const before = s[m.index - 1];
    if (m.index === 0 || before === '第' || /[\d.]/.test(before ?? '')) continue;
    cuts.push(m.index);
  }
  return cuts.map((c, i) => s.slice(c, cuts[i + 1])).filter((p) => p.length > 0);
}

function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

export type MatchHow = 'exact' | 'start' | 'longer' | 'typo';

/** How well `core` (a printed piece) stands for `key` (a format label's core), or null when it does not. */
export function coreScore(core: string, key: string): { score: number; how: MatchHow } | null {
  if (core.length === 0 || key.length === 0) return null;
  if (core === key) return { score: 1, how: 'exact' };
  // A label broken across lines: the printed piece is the start of the label.
  if (core.length >= 2 && key.startsWith(core)) return { score: 0.75 + 0.2 * (core.length / key.length), how: 'start' };
  // A label with extra words after it (a note without parentheses).
  if (key.length >= 2 && core.startsWith(key)) return { score: 0.6 + 0.3 * (key.length / core.length), how: 'longer' };
  // A typo or an abbreviation that keeps the label's words in order: 其他法律行政止公开.
  if (core.length >= 3 && core[0] === key[0] && core.length * 2 >= key.length && isSubsequence(core, key))
    return { score: 0.6 + 0.3 * (core.length / key.length), how: 'typo' };
  return null;
}

export interface LabelTarget<T> {
  readonly value: T;
  /** Folded cores: the official one first, then variants. */
  readonly keys: readonly string[];
  readonly ordinal: Ordinal | null;
}

export interface LabelMatch<T> {
  readonly target: LabelTarget<T>;
  readonly score: number;
  /** Which key matched (0 = the official wording). */
  readonly keyIndex: number;
  readonly how: MatchHow;
}

export const MATCH_THRESHOLD = 0.6;

export function scoreTarget<T>(piece: LabelParts, target: LabelTarget<T>): LabelMatch<T> | null {
  let bonus = 0;
  if (piece.ordinal && target.ordinal) {
    // A group heading "（六）其他" is not the row "3.其他": an ordinal of another kind names another level.
    if (piece.ordinal.kind !== target.ordinal.kind || piece.ordinal.n !== target.ordinal.n) return null;
    bonus = 0.1;
  }
  if (piece.core.length === 0) return bonus > 0 ? { target, score: MATCH_THRESHOLD, keyIndex: 0, how: 'start' } : null;
  let best: LabelMatch<T> | null = null;
  // With the ordinal agreeing, even one character of the label is enough ("（一）予" / "以公开" across two lines).
  if (bonus > 0 && piece.core.length === 1 && target.keys[0].startsWith(piece.core))
    best = { target, score: MATCH_THRESHOLD + bonus, keyIndex: 0, how: 'start' };
  target.keys.forEach((key, keyIndex) => {
    const s = coreScore(piece.core, key);
    if (s && (!best || s.score + bonus > best.score)) best = { target, score: s.score + bonus, keyIndex, how: s.how };
  });
  return best;
}

export function bestMatch<T>(piece: LabelParts, targets: readonly LabelTarget<T>[]): LabelMatch<T> | null {
  let best: LabelMatch<T> | null = null;
  for (const t of targets) {
    const m = scoreTarget(piece, t);
    if (m && m.score >= MATCH_THRESHOLD && (!best || m.score > best.score)) best = m;
  }
  return best;
}

/** Whether a match is worth telling the user about: a variant wording, a typo or an abbreviation. */
export function isVariant(m: LabelMatch<unknown>): boolean {
  return m.keyIndex > 0 || m.how === 'typo';
}

/** A target for a format label, with variant wordings. */
export function targetOf<T>(value: T, label: string, variants: readonly string[] = []): LabelTarget<T> {
  const parts = labelParts(label);
  return { value, ordinal: parts.ordinal, keys: [parts.core, ...variants.map((v) => labelParts(v).core)] };
}

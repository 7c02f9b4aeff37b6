// 表三 from printed lines. Rows come in the format's order, so a label is looked for among the next few rows only
// (a header word such as 其他 never jumps to 3.其他); the ordinal (1. 2. …) must agree; numbers are fitted with the
// row identity 总计 = 自然人 + … + 其他. The 2019 format's single （六）其他处理 row is recognised and reported.
import {
  T3_APPLICANT_HEADER,
  T3_COLUMNS,
  T3_ORG_HEADER,
  T3_RESULTS_LABEL,
  T3_ROWS,
  type T3Row,
} from '../layout/format-2021';
import { input, inputName } from '../layout/input-cells';
import { formatNumber } from '../model/cell-content';
import { T3_OTHER_2019 } from './format-2019';
import { ImportSink, runNote, tokensText } from './import-sink';
import {
  MATCH_THRESHOLD,
  bestMatch,
  isVariant,
  labelParts,
  scoreTarget,
  splitAtOrdinals,
  targetOf,
  type LabelMatch,
  type LabelParts,
  type LabelTarget,
} from './label-text';
import { placeTokens, type Identity, type PlacedCell } from './place-values';
import { RowAssembler, type ReaderRow } from './row-assembler';
import { hasValues, textCells, valueCells, type SourceLine } from './source-lines';

const ROW_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  new: ['本年新收申请数量'],
  carry: ['上年结转申请数量'],
  deny_law: ['其他法律法规禁止公开'],
  other_overdue: ['逾期不补正', '申请人逾期不补正'],
  other_unpaid: ['逾期不缴费', '逾期未缴费', '逾期不缴纳费用', '逾期未缴纳费用'],
  next: ['结转下年度办理'],
};
const COLUMN_VARIANTS: Readonly<Record<string, readonly string[]>> = { charity: ['社会组织'] };

/** Rows after the last one found that a label may name (rows may be missing, never reordered). */
const WINDOW = 5;
const MAX_LABEL = 60;

type Structural =
  | { readonly kind: 'group'; readonly label: string }
  | { readonly kind: 'results' }
  | { readonly kind: 'header'; readonly label: string };

const ROW_TARGETS: readonly LabelTarget<T3Row>[] = T3_ROWS.map((r) => targetOf(r, r.label, ROW_VARIANTS[r.id] ?? []));
const GROUPS = [...new Set(T3_ROWS.flatMap((r) => (r.group ? [r.group] : [])))];
const BODY_TARGETS: readonly LabelTarget<Structural>[] = [
  targetOf<Structural>({ kind: 'results' }, T3_RESULTS_LABEL),
  ...GROUPS.map((g) => targetOf<Structural>({ kind: 'group', label: g }, g)),
];
const HEADER_TARGETS: readonly LabelTarget<Structural>[] = [
  ...BODY_TARGETS,
  ...[T3_APPLICANT_HEADER, T3_ORG_HEADER].map((h) => targetOf<Structural>({ kind: 'header', label: h }, h)),
  ...T3_COLUMNS.map((c) =>
    targetOf<Structural>({ kind: 'header', label: c.label }, c.label, COLUMN_VARIANTS[c.id] ?? []),
  ),
];

const N = T3_COLUMNS.length;
const HEADER_WORDS = new Set(
  [...T3_COLUMNS.map((c) => c.label), T3_APPLICANT_HEADER, T3_ORG_HEADER].map((l) => labelParts(l).core),
);
const rowIdentity: Identity = (v) => v[N - 1] === v.slice(0, N - 1).reduce((a, b) => a + b, 0);
const readerRows = new Map<string, ReaderRow>(T3_ROWS.map((r) => [r.id, { id: r.id, n: N, identity: rowIdentity }]));
const rowIndex = new Map(T3_ROWS.map((r, i) => [r.id, i]));

export function t3RowLabel(r: T3Row): string {
  return r.group ? `${r.group}${r.label}` : r.label;
}
const namesOf = (rowId: string) => T3_COLUMNS.map((c) => input('T3', rowId, c.id).name);
const OTHER_ROWS = T3_ROWS.filter((r) => r.group === T3_OTHER_2019);
/** The 2019 format's single （六）其他处理 row, collected like a row and reported on its own. */
const LEGACY: ReaderRow = { id: 'legacy_other', n: N, identity: rowIdentity };

export interface T3Read {
  /** The table uses the 2019 format's single （六）其他处理 row. */
  readonly legacyOther: boolean;
  readonly rowsFound: number;
}

export function readT3(lines: readonly SourceLine[], sink: ImportSink): T3Read {
  const asm = new RowAssembler();
  let next = 0;
  let started = false;

  const bestRow = (piece: LabelParts): LabelMatch<T3Row> | null => {
    let best: LabelMatch<T3Row> | null = null;
    ROW_TARGETS.forEach((t, i) => {
      if (i < next || asm.seen(t.value.id)) return;
      const m = scoreTarget(piece, t);
      if (!m || m.score < MATCH_THRESHOLD) return;
      // Beyond the window only an exact, long label counts (a report that leaves rows out).
      if (i >= next + WINDOW && !(m.how === 'exact' && piece.core.length >= 4)) return;
      if (!best || m.score > best.score) best = m;
    });
    return best;
  };

  for (const line of lines) {
    const pieces = textCells(line)
      .flatMap(splitAtOrdinals)
      .map(labelParts)
      .filter((p) => p.core.length <= MAX_LABEL);
    let hit: LabelMatch<T3Row> | null = null;
    let otherGroup = false;
    const tokensHere = valueCells(line);
    const lineHasValues = hasValues(tokensHere);
    for (const piece of pieces) {
      // A column header repeated over a piece of the table (总计, 其他) names no row: only a label with an ordinal
      // or with numbers beside it does.
      const row = !lineHasValues && !piece.ordinal && HEADER_WORDS.has(piece.core) ? null : bestRow(piece);
      const st = bestMatch(piece, started ? BODY_TARGETS : HEADER_TARGETS);
      if (row && (!st || row.score > st.score || (row.score === st.score && started))) hit = row;
      else if (st) {
        const v = st.target.value;
        if (v.kind === 'group' && v.label === T3_OTHER_2019) otherGroup = true;
        if (v.kind === 'header' && isVariant(st))
          sink.note('labelVariant', `表三列名写作「${piece.core}」，按「${v.label}」读取`, {
            table: 'T3',
            line: line.no,
          });
      }
    }
    const tokens = valueCells(line);
    if (!hit && otherGroup && hasValues(tokens) && !asm.waiting && !asm.seen(LEGACY.id)) {
      // The 2019 format: one （六）其他处理 row where 2021 has three.
      asm.feed(LEGACY, tokens, line);
      started = true;
      next = Math.max(next, rowIndex.get(OTHER_ROWS[OTHER_ROWS.length - 1].id)! + 1);
      continue;
    }
    asm.feed(hit ? readerRows.get(hit.target.value.id)! : null, tokens, line);
    if (hit) {
      const r = hit.target.value;
      next = rowIndex.get(r.id)! + 1;
      started = true;
      if (isVariant(hit))
        sink.note('labelVariant', `表三「${t3RowLabel(r)}」行：原文写作「${piece(line, hit)}」，按该行读取`, {
          table: 'T3',
          row: t3RowLabel(r),
          line: line.no,
        });
    }
  }
  asm.finish();
  const legacyPlaced = asm.placed.get(LEGACY.id);
  const legacy = legacyPlaced ? { cells: legacyPlaced.cells, line: legacyPlaced.line } : null;
  const legacyUnresolved = asm.unresolved.find((u) => u.row.id === LEGACY.id);
  const legacyFailed = legacyUnresolved
    ? { text: tokensText(legacyUnresolved.tokens), line: legacyUnresolved.line }
    : null;
  asm.placed.delete(LEGACY.id);
  const unresolved = asm.unresolved.filter((u) => u.row !== LEGACY);

  for (const [id, placed] of asm.placed) {
    const r = T3_ROWS[rowIndex.get(id)!];
    const zeroed = zeroBlanks(placed.cells);
    sink.putRow('T3', t3RowLabel(r), namesOf(id), zeroed ?? placed.cells, placed.line);
    if (placed.split)
      runNote(
        sink,
        { table: 'T3', row: t3RowLabel(r), cells: namesOf(id), line: placed.line },
        { digits: placed.split, split: true },
      );
    if (zeroed)
      sink.note(
        'inferredZero',
        `表三「${t3RowLabel(r)}」行：空白的列按 0 填入（总计等于已印出各列之和，各列均不小于 0）`,
        { table: 'T3', row: t3RowLabel(r), cells: namesOf(id), line: placed.line },
      );
    if (placed.dropped.length)
      sink.note(
        'extraValues',
        `表三「${t3RowLabel(r)}」行：读到 ${placed.cells.length + placed.dropped.length} 个数，比 ${N} 列多 ${placed.dropped.length} 个（合并单元格丢失所致）；只有一种读法满足「总计等于各列之和」，已按该读法导入`,
        { table: 'T3', row: t3RowLabel(r), cells: namesOf(id), line: placed.line },
      );
  }
  for (const u of unresolved) {
    const r = T3_ROWS[rowIndex.get(u.row.id)!];
    const label = t3RowLabel(r);
    const where = { table: 'T3' as const, row: label, cells: namesOf(r.id), line: u.line };
    if (u.reason === 'run' && u.tokens[0]?.kind === 'number') {
      runNote(sink, where, { digits: u.tokens[0].raw, readings: u.readings ?? 0, candidates: u.candidates ?? [] });
      continue;
    }
    if (u.reason === 'short' && u.tokens.length === 1 && u.tokens[0].kind !== 'blank') {
      // "Only the 总计 column filled": the lone number is the total; the parts are known only when it is 0.
      const total = u.tokens[0].kind === 'number' ? u.tokens[0].value : 0;
      const names = namesOf(r.id);
      sink.putRow(
        'T3',
        label,
        [names[N - 1]],
        [{ value: total, from: u.tokens[0].kind === 'slash' ? 'slash' : 'number', raw: tokensText(u.tokens) }],
        u.line,
      );
      if (total === 0) {
        for (const n of names.slice(0, N - 1)) sink.values.set(n, { kind: 'number', value: 0 });
        sink.note(
          'inferredZero',
          `表三「${label}」行只印有一个数 0，按总计读取；各列均不小于 0 且合计为 0，故各列按 0 填入`,
          where,
        );
      } else
        sink.note(
          'onlyTotal',
          `表三「${label}」行只印有一个数 ${formatNumber(total)}，按总计读取；自然人至其他各列无法确定，留空`,
          where,
        );
      continue;
    }
    if (u.reason === 'none') sink.note('noValues', `表三「${label}」行没有找到数字，该行留空`, where);
    else
      sink.note(
        'notPlaced',
        `表三「${label}」行：读到 ${u.tokens.length} 个数（${tokensText(u.tokens)}），应为 ${N} 个，无法确定各列对应关系，该行留空`,
        where,
      );
  }
  for (const d of asm.duplicates)
    sink.note(
      'duplicateRow',
      `表三「${t3RowLabel(T3_ROWS[rowIndex.get(d.row.id)!])}」行出现了两次，保留第一次读到的数字`,
      {
        table: 'T3',
        row: t3RowLabel(T3_ROWS[rowIndex.get(d.row.id)!]),
        line: d.line,
      },
    );
  const byPosition = placeByPosition(asm);
  for (const [id, placed] of byPosition) {
    const label = t3RowLabel(T3_ROWS[rowIndex.get(id)!]);
    sink.putRow('T3', label, namesOf(id), placed.cells, placed.line);
    sink.note(
      'placedByPosition',
      `表三第 ${placed.line} 行的数字没有可识别的行名，位于「${label}」的上下两行之间，按位置读作「${label}」行`,
      { table: 'T3', row: label, cells: namesOf(id), line: placed.line },
    );
  }
  for (const s of asm.stray)
    if (![...byPosition.values()].some((p) => p.line === s.line))
      sink.note('strayValues', `表三第 ${s.line} 行的数字（${tokensText(s.tokens)}）找不到所属的行，未导入`, {
        table: 'T3',
        line: s.line,
      });

  const otherNames = OTHER_ROWS.flatMap((r) => namesOf(r.id));
  const otherFound = OTHER_ROWS.some((r) => asm.seen(r.id));
  if (legacy && !otherFound) {
    // As read, under the 2019 format's names (layout/format-2019.ts), for the audit by the 2019 rules.
    legacy.cells.forEach((c, i) => {
      if (c.value !== null)
        sink.values.set(inputName('T3', 'other', T3_COLUMNS[i].id), { kind: 'number', value: c.value });
    });
    const values = legacy.cells.map((c) => c.value ?? 0);
    const where = { table: 'T3' as const, row: T3_OTHER_2019, cells: otherNames, line: legacy.line };
    if (values.every((v) => v === 0)) {
      for (const n of otherNames) sink.values.set(n, { kind: 'number', value: 0 });
      sink.note(
        'format2019',
        `表三使用 2019 年版格式的「${T3_OTHER_2019}」单行（全为 0）；2021 年版将其分为三项，各项均不小于 0 且合计为 0，故三项按 0 填入`,
        where,
      );
    } else
      sink.note(
        'format2019',
        `表三使用 2019 年版格式的「${T3_OTHER_2019}」单行（${values.map(formatNumber).join(' ')}）；2021 年版将其分为三项，无法确定如何拆分，三项留空`,
        where,
      );
  } else if (legacyFailed)
    sink.note(
      'format2019',
      `表三 2019 年版格式的「${T3_OTHER_2019}」行的数字（${legacyFailed.text}）无法对应各列，未导入`,
      {
        table: 'T3',
        row: T3_OTHER_2019,
        line: legacyFailed.line,
      },
    );

  let found = 0;
  for (const r of T3_ROWS) {
    if (asm.seen(r.id) || byPosition.has(r.id)) {
      found++;
      continue;
    }
    if (legacy && r.group === T3_OTHER_2019) continue;
    sink.note('rowMissing', `表三没有找到「${t3RowLabel(r)}」行，该行留空`, {
      table: 'T3',
      row: t3RowLabel(r),
      cells: namesOf(r.id),
    });
  }
  return { legacyOther: legacy !== null || legacyFailed !== null, rowsFound: found };
}

/**
 * A row with blank parts whose printed total already equals the printed parts: the blanks are non-negative and
 * add up to 0, so each is 0. Any other blank stays empty (a blank is not a 0).
 */
function zeroBlanks(cells: readonly PlacedCell[]): PlacedCell[] | null {
  const total = cells[N - 1]?.value;
  const parts = cells.slice(0, N - 1);
  if (total === null || total === undefined || !parts.some((c) => c.value === null)) return null;
  const known = parts.reduce((s, c) => s + (c.value ?? 0), 0);
  if (known !== total) return null;
  return cells.map((c) => (c.value === null ? { ...c, value: 0 } : c));
}

/**
 * Numbers without a readable row label (a label cut off or left blank) between two recognised rows with exactly one
 * row of the format missing between them: that row, if its numbers satisfy the row identity. Rows never reorder.
 */
function placeByPosition(asm: RowAssembler): Map<string, { cells: readonly PlacedCell[]; line: number }> {
  const out = new Map<string, { cells: readonly PlacedCell[]; line: number }>();
  const known = [
    ...[...asm.placed.values()].map((p) => ({ id: p.row.id, line: p.line })),
    ...asm.unresolved.map((u) => ({ id: u.row.id, line: u.line })),
  ]
    .filter((k) => rowIndex.has(k.id))
    .sort((a, b) => a.line - b.line);
  for (const s of asm.stray) {
    const before = known.filter((k) => k.line < s.line).at(-1);
    const after = known.find((k) => k.line > s.line);
    const from = before ? rowIndex.get(before.id)! : -1;
    const to = after ? rowIndex.get(after.id)! : T3_ROWS.length;
    if (to - from !== 2) continue;
    const id = T3_ROWS[from + 1].id;
    if (asm.seen(id) || out.has(id)) continue;
    const placed = placeTokens(N, s.tokens, false, rowIdentity);
    if (placed.kind === 'placed' && placed.dropped.length === 0) out.set(id, { cells: placed.cells, line: s.line });
  }
  return out;
}

/** The printed words that matched, for a variant message. */
function piece(line: SourceLine, hit: LabelMatch<T3Row>): string {
  for (const text of textCells(line))
    for (const p of splitAtOrdinals(text)) {
      const m = scoreTarget(labelParts(p), hit.target);
      if (m && m.score === hit.score) return p;
    }
  return textCells(line).join(' ');
}

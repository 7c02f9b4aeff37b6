// 表二 from printed lines: four blocks under 第二十条第（一）（五）（六）（八）项 headings. A block's header row says
// whether it is the 2021 format or the 2019 trial format (本年新制作数量…, 上一年项目数量…, a （九）项 block); 2019
// figures are read into the 2021 cells where the meaning is the same and reported where it is not.
import { T2_BLOCKS, T2_CONTENT_HEADER, type T2Block } from '../layout/format-2021';
import { input } from '../layout/input-cells';
import { formatNumber } from '../model/cell-content';
import { T2_2019_BLOCKS, type Block2019 } from './format-2019';
import { ImportSink, runNote } from './import-sink';
import {
  bestMatch,
  chineseNumber,
  fold,
  isVariant,
  labelParts,
  splitAtOrdinals,
  targetOf,
  type LabelTarget,
} from './label-text';
import type { PlacedCell } from './place-values';
import { RowAssembler, type ReaderRow } from './row-assembler';
import { textCells, valueCells, type SourceLine } from './source-lines';

type Version = '2021' | '2019';

interface T2RowRef {
  readonly block: string;
  /** The printed row's label in its format. */
  readonly label: string;
  /** The 2021 row id, or null for a 2019 row the 2021 format does not have. */
  readonly rowId: string | null;
}

const ROW_VARIANTS: Readonly<Record<string, readonly string[]>> = { norm: ['规范性文件'] };
const COLUMN_VARIANTS: Readonly<Record<string, readonly string[]>> = { inforce: ['现行有效件'] };

const BLOCK_BY_ITEM = new Map<number, string>();
for (const b of [
  ...T2_BLOCKS.map((b) => ({ id: b.id, heading: b.heading })),
  ...Object.entries(T2_2019_BLOCKS).map(([id, b]) => ({ id, heading: b.heading })),
]) {
  const m = /\(([一二三四五六七八九十]+)\)/.exec(fold(b.heading));
  if (m) BLOCK_BY_ITEM.set(chineseNumber(m[1]), b.id);
}
const BLOCK_2021 = new Map<string, T2Block>(T2_BLOCKS.map((b) => [b.id, b]));

const ROW_TARGETS: readonly LabelTarget<T2RowRef>[] = [
  ...T2_BLOCKS.flatMap((b) =>
    b.rows.map((r) =>
      targetOf<T2RowRef>({ block: b.id, label: r.label, rowId: r.id }, r.label, ROW_VARIANTS[r.id] ?? []),
    ),
  ),
  ...Object.entries(T2_2019_BLOCKS).flatMap(([id, b]) =>
    b.rows
      .filter((r) => r.maps === null)
      .map((r) => targetOf<T2RowRef>({ block: id, label: r.label, rowId: null }, r.label)),
  ),
];
const HEADER_2021: readonly LabelTarget<string>[] = [
  targetOf('content', T2_CONTENT_HEADER),
  ...T2_BLOCKS.flatMap((b) => b.columns.map((c) => targetOf(c.id, c.label, COLUMN_VARIANTS[c.id] ?? []))),
];
const HEADER_2019: readonly LabelTarget<string>[] = Object.values(T2_2019_BLOCKS).flatMap((b) =>
  b.columns.map((c) => targetOf(c.label, c.label)),
);

const blockHeadingItem = (text: string): number | null => {
  const m = /第二十条第?\(([一二三四五六七八九十]{1,3})\)项/.exec(fold(text));
  return m ? chineseNumber(m[1]) : null;
};

export interface T2Read {
  /** Blocks read in the 2019 format. */
  readonly blocks2019: readonly string[];
  readonly rowsFound: number;
}

export function readT2(lines: readonly SourceLine[], sink: ImportSink): T2Read {
  const asm = new RowAssembler();
  const versions = new Map<string, Version>();
  const refs = new Map<string, T2RowRef>();
  let block: string | null = null;

  for (const line of lines) {
    const joined = textCells(line).join('');
    const item = blockHeadingItem(joined);
    if (item !== null) {
      block = BLOCK_BY_ITEM.get(item) ?? null;
      if (block === 'item9') versions.set(block, '2019');
      if (block === null)
        sink.note('strayValues', `表二「第二十条第（${item}）项」不是年报格式中的栏目，未导入`, {
          table: 'T2',
          line: line.no,
        });
      continue;
    }
    const pieces = textCells(line).flatMap(splitAtOrdinals).map(labelParts);
    const row = pieces.map((p) => ({ p, m: bestMatch(p, ROW_TARGETS) })).find((x) => x.m !== null);
    if (!row) {
      // A header row: the 2019 columns mark the block as 2019.
      const is2019 = pieces.some((p) => {
        const m19 = bestMatch(p, HEADER_2019);
        const m21 = bestMatch(p, HEADER_2021);
        return m19 !== null && (!m21 || m19.score > m21.score);
      });
      if (is2019 && block) versions.set(block, '2019');
      for (const p of pieces) {
        const m = bestMatch(p, HEADER_2021);
        if (m && isVariant(m))
          sink.note(
            'labelVariant',
            `表二列名写作「${p.core}」，按「${m.target.value === 'inforce' ? '现行有效件数' : p.core}」读取`,
            {
              table: 'T2',
              line: line.no,
            },
          );
      }
      asm.feed(null, valueCells(line), line);
      continue;
    }
    const ref = row.m!.target.value;
    const version: Version = ref.rowId === null ? '2019' : (versions.get(ref.block) ?? '2021');
    if (ref.rowId === null) versions.set(ref.block, '2019');
    const n = version === '2019' ? T2_2019_BLOCKS[ref.block].columns.length : BLOCK_2021.get(ref.block)!.columns.length;
    const key = `${ref.block}:${ref.label}`;
    refs.set(key, ref);
    const reader: ReaderRow = { id: key, n };
    if (version === '2021' && isVariant(row.m!))
      sink.note('labelVariant', `表二「${ref.label}」行：原文写作「${row.p.core}」，按该行读取`, {
        table: 'T2',
        row: ref.label,
        line: line.no,
      });
    asm.feed(reader, valueCells(line), line);
  }
  asm.finish();

  const covered = new Set<string>();
  for (const [key, placed] of asm.placed) {
    const ref = refs.get(key)!;
    const version = versions.get(ref.block) ?? '2021';
    if (version === '2021' && ref.rowId) {
      const b = BLOCK_2021.get(ref.block)!;
      const names = b.columns.map((c) => input('T2', ref.rowId!, c.id).name);
      sink.putRow('T2', ref.label, names, placed.cells, placed.line);
      if (placed.split)
        runNote(
          sink,
          { table: 'T2', row: ref.label, cells: names, line: placed.line },
          { digits: placed.split, split: true },
        );
      covered.add(ref.rowId);
      continue;
    }
    covered.add(ref.rowId ?? key);
    read2019Row(ref, T2_2019_BLOCKS[ref.block], placed.cells, placed.line, sink);
  }
  for (const u of asm.unresolved) {
    const ref = refs.get(u.row.id)!;
    if (ref.rowId) covered.add(ref.rowId);
    const where = { table: 'T2' as const, row: ref.label, line: u.line };
    if (u.reason === 'run' && u.tokens[0]?.kind === 'number')
      runNote(
        sink,
        {
          ...where,
          cells: BLOCK_2021.get(ref.block)?.columns.map((c) => input('T2', ref.rowId ?? '', c.id).name) ?? [],
        },
        { digits: u.tokens[0].raw, readings: u.readings ?? 0, candidates: u.candidates ?? [] },
      );
    else if (u.reason === 'none') sink.note('noValues', `表二「${ref.label}」行没有找到数字，该行留空`, where);
    else
      sink.note(
        'notPlaced',
        `表二「${ref.label}」行：读到 ${u.tokens.length} 个数，应为 ${u.row.n} 个，无法确定各列对应关系，该行留空`,
        where,
      );
  }
  for (const s of asm.stray)
    sink.note('strayValues', `表二第 ${s.line} 行的数字找不到所属的行，未导入`, { table: 'T2', line: s.line });
  for (const d of asm.duplicates)
    sink.note('duplicateRow', `表二「${refs.get(d.row.id)!.label}」行出现了两次，保留第一次读到的数字`, {
      table: 'T2',
      line: d.line,
    });

  let found = 0;
  for (const b of T2_BLOCKS)
    for (const r of b.rows) {
      if (covered.has(r.id)) {
        found++;
        continue;
      }
      const names = b.columns.map((c) => input('T2', r.id, c.id).name);
      const in2019 = versions.get(b.id) === '2019';
      sink.note(
        in2019 ? 'format2019' : 'rowMissing',
        in2019
          ? `表二「${b.heading}」为 2019 年版格式，没有「${r.label}」行的「${b.columns.map((c) => c.label).join('、')}」，留空`
          : `表二没有找到「${r.label}」行，该行留空`,
        { table: 'T2', row: r.label, cells: names },
      );
    }
  return { blocks2019: [...versions].filter(([, v]) => v === '2019').map(([b]) => b), rowsFound: found };
}

function read2019Row(ref: T2RowRef, block: Block2019, cells: readonly PlacedCell[], line: number, sink: ImportSink) {
  const values = cells.map((c) => c.value);
  const shown = (v: number | null) => (v === null ? '（空白）' : formatNumber(v));
  const mapped: string[] = [];
  const dropped: string[] = [];
  const names: (string | null)[] = block.columns.map((c, i) => {
    if (ref.rowId && c.maps) {
      mapped.push(
        `「${c.label}」${shown(values[i])} 读作「${BLOCK_2021.get(ref.block)!.columns.find((x) => x.id === c.maps)!.label}」`,
      );
      return input('T2', ref.rowId, c.maps).name;
    }
    dropped.push(`「${c.label}」${shown(values[i])}`);
    return null;
  });
  sink.putRow('T2', ref.label, names, cells, line);
  const row2021 = ref.rowId ? BLOCK_2021.get(ref.block) : undefined;
  const absent = (row2021?.columns ?? []).filter((c) => !block.columns.some((x) => x.maps === c.id));
  const parts: string[] = [];
  if (mapped.length) parts.push(mapped.join('，'));
  if (absent.length) parts.push(`2021 年版的${absent.map((c) => `「${c.label}」`).join('、')}在 2019 年版中没有，留空`);
  if (dropped.length) parts.push(`${dropped.join('、')}在 2021 年版格式中没有对应栏目，未导入`);
  sink.note('format2019', `表二「${ref.label}」行为 2019 年版格式：${parts.join('；')}`, {
    table: 'T2',
    row: ref.label,
    cells: names.filter((n): n is string => n !== null),
    line,
  });
}

// 表四 from printed lines: one row of 15 numbers under three header rows. The numbers may be spread over several
// lines; extras are dropped only when a single reading satisfies the three 总计 identities.
import { T4_COLUMNS, T4_GROUPS } from '../layout/format-2021';
import { input } from '../layout/input-cells';
import { ImportSink, tokensText } from './import-sink';
import { placeTokens, type Identity, type PlacedCell } from './place-values';
import { hasValues, valueCells, type CellToken, type SourceLine } from './source-lines';

const W = T4_COLUMNS.length;
const N = T4_GROUPS.length * W;
const NAMES = T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => input('T4', g.id, c.id).name));
const identity: Identity = (v) =>
  T4_GROUPS.every((_, g) => v[g * W + W - 1] === v.slice(g * W, g * W + W - 1).reduce((a, b) => a + b, 0));

function put(sink: ImportSink, cells: readonly PlacedCell[], line: number): void {
  T4_GROUPS.forEach((g, i) =>
    sink.putRow(
      'T4',
      input('T4', g.id, 'total').rowLabel,
      NAMES.slice(i * W, i * W + W),
      cells.slice(i * W, i * W + W),
      line,
    ),
  );
}

/**
 * A sentence, not a table line: words and 「，。；」 together. 四's prose before the table may break a line right after
 * a number (「…被申请行政复议 14608」 / 「件，均为其他结果；…」, as a PDF prints it); that number is not a cell.
 */
const PROSE = /[\u4e00-\u9fff][，。；！？]|[，。；！？][\u4e00-\u9fff]/;

export function readT4(lines: readonly SourceLine[], sink: ImportSink): { found: boolean } {
  const acc: CellToken[] = [];
  let first: number | null = null;
  for (const line of lines) {
    if (PROSE.test(line.text)) continue;
    const tokens = valueCells(line);
    if (!hasValues(tokens)) continue;
    if (first === null) {
      first = line.no;
      const whole = placeTokens(N, tokens, line.explicit, identity);
      if (whole.kind === 'placed' && line.explicit) {
        put(sink, whole.cells, line.no);
        return { found: true };
      }
    }
    acc.push(...tokens.filter((t) => t.kind !== 'blank'));
    if (acc.length >= N) break;
  }
  if (first === null) {
    sink.note('rowMissing', '表四没有找到数字，留空', { table: 'T4', cells: NAMES });
    return { found: false };
  }
  const r = placeTokens(N, acc, false, identity);
  if (r.kind === 'placed') {
    put(sink, r.cells, first);
    if (r.dropped.length)
      sink.note(
        'extraValues',
        `表四：读到 ${acc.length} 个数，比 ${N} 列多 ${r.dropped.length} 个；只有一种读法满足三个「总计」等式，已按该读法导入`,
        { table: 'T4', cells: NAMES, line: first },
      );
    return { found: true };
  }
  sink.note(
    'notPlaced',
    `表四：读到 ${acc.length} 个数（${tokensText(acc)}），应为 ${N} 个，无法确定各列对应关系，表四留空`,
    {
      table: 'T4',
      cells: NAMES,
      line: first,
    },
  );
  return { found: true };
}

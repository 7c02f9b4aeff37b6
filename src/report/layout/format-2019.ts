// The trial format of 国办公开办函〔2019〕60号 as a FormatLayout, for reading and auditing the reports that still use
// it after 2021 (spec shared/spec/format-2021.md §Variants; samples real/002 and real/003). What differs from 2021:
// 表三 has a single （六）其他处理 row where 2021 has three, and 表二 has other columns, of which this layout holds
// the figures an importer reads (本年新制作数量, 处理决定数量; the rest — 本年新公开数量, 对外公开总数量, 上一年项目数量,
// 本年增/减 and the （八）（九） blocks — have no counterpart and are reported by the importer, not checked).
// Row and column ids are the 2021 ones where the figure means the same, so the defined names agree.
import { LAYOUT_2021, T3_ROWS, type FormatLayout, type T2Block, type T3Row } from './format-2021';

export const FORMAT_2019_ID = 'format-2019';
export const FORMAT_2019_BASIS = '国办公开办函〔2019〕60号';
/** The 2019 表三 row that the 2021 format split into three. */
export const T3_OTHER_2019_LABEL = '（六）其他处理';

const DECISIONS = [{ id: 'decisions', label: '处理决定数量' }];

const T2_BLOCKS_2019: readonly T2Block[] = [
  {
    id: 'item1',
    heading: '第二十条第（一）项',
    columns: [{ id: 'made', label: '本年新制作数量' }],
    rows: [
      { id: 'rule', label: '规章' },
      { id: 'norm', label: '规范性文件' },
    ],
    kind: 'count',
  },
  {
    id: 'item5',
    heading: '第二十条第（五）项',
    columns: DECISIONS,
    rows: [{ id: 'license', label: '行政许可' }],
    kind: 'count',
  },
  {
    id: 'item6',
    heading: '第二十条第（六）项',
    columns: DECISIONS,
    rows: [
      { id: 'penalty', label: '行政处罚' },
      { id: 'coercion', label: '行政强制' },
    ],
    kind: 'count',
  },
];

/** 表三's rows with the three （六） rows of 2021 as the one row of 2019, in its place. */
const T3_ROWS_2019: readonly T3Row[] = T3_ROWS.flatMap((r): T3Row[] => {
  if (r.group !== T3_OTHER_2019_LABEL) return [r];
  return r.id === 'other_overdue' ? [{ id: 'other', label: T3_OTHER_2019_LABEL, result: true }] : [];
});

export const LAYOUT_2019: FormatLayout = {
  ...LAYOUT_2021,
  id: FORMAT_2019_ID,
  basis: FORMAT_2019_BASIS,
  t2Blocks: T2_BLOCKS_2019,
  t3Rows: T3_ROWS_2019,
  resultParts: '（一）+（二）+（三）1–8 +（四）1–3 +（五）1–5 +（六）',
};

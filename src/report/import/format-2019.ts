// The trial format of 国办公开办函〔2019〕60号, as far as an importer meets it in reports published after 2021:
// 表二 with other columns and blocks, 表三 with a single （六）其他处理 row. Each column says where it goes in the
// 2021 format, or null where the 2021 format has no such figure.

export interface Column2019 {
  readonly label: string;
  /** The 2021 column id it is read into, or null. */
  readonly maps: string | null;
}

export interface Block2019 {
  readonly heading: string;
  readonly columns: readonly Column2019[];
  /** 2019 row label → 2021 row id (null: no such row in 2021). */
  readonly rows: readonly { readonly label: string; readonly maps: string | null }[];
}

const DECISION_COLUMNS: readonly Column2019[] = [
  { label: '上一年项目数量', maps: null },
  { label: '本年增/减', maps: null },
  { label: '处理决定数量', maps: 'decisions' },
];

export const T2_2019_BLOCKS: Readonly<Record<string, Block2019>> = {
  item1: {
    heading: '第二十条第（一）项',
    columns: [
      { label: '本年新制作数量', maps: 'made' },
      { label: '本年新公开数量', maps: null },
      { label: '对外公开总数量', maps: null },
    ],
    rows: [
      { label: '规章', maps: 'rule' },
      { label: '规范性文件', maps: 'norm' },
    ],
  },
  item5: {
    heading: '第二十条第（五）项',
    columns: DECISION_COLUMNS,
    rows: [
      { label: '行政许可', maps: 'license' },
      { label: '其他对外管理服务事项', maps: null },
    ],
  },
  item6: {
    heading: '第二十条第（六）项',
    columns: DECISION_COLUMNS,
    rows: [
      { label: '行政处罚', maps: 'penalty' },
      { label: '行政强制', maps: 'coercion' },
    ],
  },
  item8: {
    heading: '第二十条第（八）项',
    columns: [
      { label: '上一年项目数量', maps: null },
      { label: '本年增/减', maps: null },
    ],
    rows: [{ label: '行政事业性收费', maps: null }],
  },
  item9: {
    heading: '第二十条第（九）项',
    columns: [
      { label: '采购项目数量', maps: null },
      { label: '采购总金额', maps: null },
    ],
    rows: [{ label: '政府集中采购', maps: null }],
  },
};

/** The 2019 表三 row that the 2021 format split into three. */
export const T3_OTHER_2019 = '（六）其他处理';

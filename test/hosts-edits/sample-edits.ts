// The small plans the interpreters' tests share: one highlight rule, a format naming every property, a validation
// and a page setup. Each host's expected values stay in its own test file (they differ by host).
import type { CellFormat, SheetEdit } from '../../src/report';

type RuleEdit = Extract<SheetEdit, { op: 'conditionalFormat' }>;

/** An error rule on Sheet1 (priority 1), with whatever the test changes. */
export const rule = (formula: string, ranges: string[], extra: Partial<RuleEdit> = {}): SheetEdit => ({
  op: 'conditionalFormat',
  sheet: 'Sheet1',
  ranges,
  formula,
  style: 'error',
  priority: 1,
  id: `error:${formula}`,
  ...extra,
});

/** Every property a format can name; colours in lower case, as a plan could spell them. */
export const EVERY_FORMAT: CellFormat = {
  font: { name: '仿宋_GB2312', size: 14, bold: true, color: '9c0006' },
  fill: 'ffc7ce',
  horizontal: 'center',
  vertical: 'middle',
  wrap: true,
  border: true,
  numberFormat: '0.00',
  locked: false,
};

export const validation = (type: 'whole' | 'decimal', ranges: string[]): SheetEdit => ({
  op: 'validation',
  sheet: 'Sheet1',
  ranges,
  rule: { type, min: 0, max: 99, promptTitle: '填写', prompt: '整数', errorTitle: '有误', error: '应为整数' },
});

/** A4 page on Sheet1, A1:O60, breaks after rows 20 and 40, margins ½, ¼, ¾ and 1 inch. */
export const pageSetup = (orientation: 'portrait' | 'landscape', rowBreaks = [20, 40]): SheetEdit => ({
  op: 'pageSetup',
  sheet: 'Sheet1',
  printArea: 'A1:O60',
  rowBreaks,
  orientation,
  fitToWidth: 1,
  margins: { left: 0.5, right: 0.25, top: 0.75, bottom: 1 },
});

/** A block on Sheet1 B2:D3 as a user would type it: 12, '0012' and '=1+1' stay as typed, null leaves D3 as it is. */
export const TYPED_BLOCK: SheetEdit = {
  op: 'values',
  sheet: 'Sheet1',
  range: 'B2:D3',
  values: [
    [12, '0012', '=1+1'],
    ['单位', 7, null],
  ],
};

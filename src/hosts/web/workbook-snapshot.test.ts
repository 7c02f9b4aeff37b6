// A plan as one Univer workbook snapshot. The expected shapes are written by hand from what Univer 0.25.1 itself
// saves for a workbook built by its commands (FWorkbook.save() of the page built edit by edit: cellData with v/t/s,
// mergeData corners, columnData w, rowData h with ia 0, the SHEET_DEFINED_NAME_PLUGIN / SHEET_CONDITIONAL_FORMATTING_
// PLUGIN / SHEET_DATA_VALIDATION_PLUGIN resources, later-added highlight rules first), and the units in
// docs/web.md: a column of 10 characters is 75 px, a row of 18 pt is 24 px.
import type { SheetEdit, ValidationRule } from '../../report';
import { planSnapshot, workbookData } from './workbook-snapshot';

const RULE: ValidationRule = {
  type: 'whole',
  min: 0,
  max: 99,
  promptTitle: '填写件数',
  prompt: '请填写整数',
  errorTitle: '件数应为整数',
  error: '这里应填写整数',
};

const PLAN: SheetEdit[] = [
  { op: 'addSheet', sheet: '表' },
  { op: 'addSheet', sheet: '隐藏', hidden: true },
  { op: 'columnWidths', sheet: '表', first: 2, widths: [10, 10] },
  { op: 'rowHeights', sheet: '表', first: 1, heights: [18] },
  { op: 'values', sheet: '表', range: 'B2:C2', values: [['合计', 5]] },
  { op: 'values', sheet: '表', range: 'B3', values: [[null]] },
  { op: 'values', sheet: '表', range: 'E2', values: [['2021']] },
  { op: 'format', sheet: '表', ranges: ['B2'], format: { font: { bold: true }, fill: 'F2F2F2' } },
  { op: 'format', sheet: '表', ranges: ['B2:C2'], format: { horizontal: 'center' } },
  { op: 'merge', sheet: '表', ranges: ['B4:C4', 'C4:D4'] },
  { op: 'defineName', name: 'nb_x', sheet: '表', range: 'C2' },
  { op: 'conditionalFormat', sheet: '表', ranges: ['C2'], formula: 'nb_x<0', style: 'error', priority: 1, id: 'e' },
  {
    op: 'conditionalFormat',
    sheet: '表',
    ranges: ['C2'],
    formula: 'LEN(nb_x)=0',
    style: 'blank',
    priority: 2,
    id: 'b',
  },
  { op: 'validation', sheet: '表', ranges: ['C2', 'C3'], rule: RULE },
  { op: 'values', sheet: '旧表', range: 'A1', values: [[1]] },
  { op: 'protect', sheet: '表' },
];

const ids = () => {
  let n = 0;
  return () => `id${++n}`;
};

const corners = (startRow: number, startColumn: number, endRow: number, endColumn: number) => ({
  startRow,
  startColumn,
  endRow,
  endColumn,
  rangeType: 0,
});

test('the new sheets carry cells, styles, merges and sizes; edits on an existing sheet are left for the commands', () => {
  const snap = planSnapshot(PLAN, (s) => s === '旧表', ids());
  expect(snap.sheets.map((s) => [s.name, s.hidden])).toEqual([
    ['表', 0],
    ['隐藏', 1],
  ]);
  const [sheet] = snap.sheets;
  expect(sheet.showGridlines).toBe(0);
  expect(sheet.columnData).toEqual({ 1: { w: 75 }, 2: { w: 75 } });
  expect(sheet.rowData).toEqual({ 0: { h: 24, ia: 0 } });
  // null leaves a cell alone: B3 is not created. A Chinese label goes untyped (nothing can read it as a number, and
  // Univer asks its date parser about every text-typed cell on every redraw); "2021" as text keeps the text type.
  expect(sheet.cellData).toEqual({
    1: {
      1: { v: '合计', s: { bl: 1, bg: { rgb: '#F2F2F2' }, ht: 2 } },
      2: { v: 5, t: 2, s: { ht: 2 } },
      4: { v: '2021', t: 1 },
    },
  });
  // C4:D4 overlaps B4:C4 and is not merged (as the merge command refuses it).
  expect(sheet.mergeData).toEqual([corners(3, 1, 3, 2)]);
  expect(snap.pluginEdits.map((e) => e.op)).toEqual([
    'defineName',
    'conditionalFormat',
    'conditionalFormat',
    'validation',
  ]);
  expect(snap.rest).toEqual([{ op: 'values', sheet: '旧表', range: 'A1', values: [[1]] }]);
});

test('names, rules and checks become the plugins’ resources, later rule first', () => {
  const next = ids();
  const snap = planSnapshot(PLAN, () => false, next);
  const data = workbookData(snap, { id: 'wb', name: '年报' }, next);
  const sheetId = snap.sheets[0].id;
  expect(data.sheetOrder).toEqual(snap.sheets.map((s) => s.id));
  const resource = (name: string) => JSON.parse(data.resources!.find((r) => r.name === name)!.data);
  expect(Object.values(resource('SHEET_DEFINED_NAME_PLUGIN'))).toEqual([
    { id: expect.any(String), name: 'nb_x', formulaOrRefString: "'表'!$C$2", localSheetId: 'AllDefaultWorkbook' },
  ]);
  const rules = resource('SHEET_CONDITIONAL_FORMATTING_PLUGIN')[sheetId];
  expect(rules).toEqual([
    {
      cfId: expect.any(String),
      ranges: [corners(1, 2, 1, 2)],
      stopIfTrue: false,
      rule: {
        type: 'highlightCell',
        subType: 'formula',
        value: '=LEN(nb_x)=0',
        style: { bg: { rgb: '#EEF3FA' }, cl: { rgb: '#404040' } },
      },
    },
    expect.objectContaining({ rule: expect.objectContaining({ value: '=nb_x<0', style: expect.anything() }) }),
  ]);
  expect(rules[1].rule.style).toEqual({ bg: { rgb: '#FFC7CE' }, cl: { rgb: '#9C0006' } });
  const checks = resource('SHEET_DATA_VALIDATION_PLUGIN')[sheetId];
  // One check over both cells (C2 and C3), not one per cell.
  expect(checks).toHaveLength(1);
  expect(checks[0]).toEqual({
    uid: expect.any(String),
    type: 'whole',
    operator: 'between',
    formula1: '0',
    formula2: '99',
    ranges: [corners(1, 2, 1, 2), corners(2, 2, 2, 2)],
    errorStyle: 2,
    showErrorMessage: true,
    error: '这里应填写整数',
    errorTitle: '件数应为整数',
    showInputMessage: true,
    prompt: '请填写整数',
    promptTitle: '填写件数',
  });
  // Every id is unique.
  const all = [...snap.sheets.map((s) => s.id), ...rules.map((r: { cfId: string }) => r.cfId)];
  all.push(...checks.map((c: { uid: string }) => c.uid), ...Object.keys(resource('SHEET_DEFINED_NAME_PLUGIN')));
  expect(new Set(all).size).toBe(all.length);
});

test('a rule that replaces an earlier formula drops it, and a repeated rule is kept once', () => {
  const plan: SheetEdit[] = [
    { op: 'addSheet', sheet: '表' },
    { op: 'conditionalFormat', sheet: '表', ranges: ['A1'], formula: 'x<0', style: 'error', priority: 1, id: 'a' },
    { op: 'conditionalFormat', sheet: '表', ranges: ['A1'], formula: 'x<0', style: 'error', priority: 1, id: 'a' },
    {
      op: 'conditionalFormat',
      sheet: '表',
      ranges: ['A1'],
      formula: 'OR(x<0,y<0)',
      style: 'error',
      priority: 1,
      id: 'a',
      replaces: ['x<0'],
    },
  ];
  const next = ids();
  const snap = planSnapshot(plan, () => false, next);
  const data = workbookData(snap, { id: 'wb', name: 'w' }, next);
  const rules = JSON.parse(data.resources!.find((r) => r.name === 'SHEET_CONDITIONAL_FORMATTING_PLUGIN')!.data);
  expect(rules[snap.sheets[0].id].map((r: { rule: { value: string } }) => r.rule.value)).toEqual(['=OR(x<0,y<0)']);
});

// One contract, four hosts (issue #14 item 2): each case is written once against SpreadsheetHost and runs over the
// .xlsx host (ExcelJS), Excel through the Office.js fake, WPS through the ET double and Univer in real chromium.
// Expected values are written by hand from the form as printed (国办公开办函〔2021〕30号: 表三's row 一、本年新收
// with 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 in columns I–O of row 24, the agency in D2
// and the year in M2), and from the colours a spreadsheet user sees (light red FFC7CE for an error).
import type { SpreadsheetHost } from '../../src/hosts/spreadsheet-host';
import { BLANK, planHighlights, planInsertion, planRepair, type CellContent } from '../../src/report';
import { planPrevious } from '../../src/report/sheet-edits/plan-previous';
// The repair as the pane plans it: each name's sheet and top-left cell, from the host's listNames.
import { placesOf } from '../../src/taskpane/report-controller';
import type { HostKind, HostUnderTest } from './host-under-test';
import { excelKind, wpsKind, xlsxKind } from './model-hosts';
import { univerKind } from './univer-host';

const CASE_MS = 300_000;
const SETUP_MS = 900_000;
const AGENCY = '某某县人民政府办公室';
const RED = 'FFC7CE';
const BLANK_FILL = 'EEF3FA';
const num = (value: number): CellContent => ({ kind: 'number', value });
const text = (t: string): CellContent => ({ kind: 'text', text: t });

/** 表三 row 一 (本年新收), person … total, as a person fills it in. */
const NEW_ROW = ['person', 'business', 'research', 'charity', 'legal', 'other', 'total'].map((c) => `nb_t3_new_${c}`);
/** 10 + 2 + 0 + 0 + 1 + 0 = 13, but 12 in 总计: the row does not add up. */
const WRONG_TOTAL = [10, 2, 0, 0, 1, 0, 12];

async function insertTemplate(host: SpreadsheetHost): Promise<string> {
  const plan = planInsertion(
    { sheets: await host.sheetNames(), names: await host.listNames() },
    { agency: AGENCY, year: 2025 },
  );
  await host.applyEdits(plan.edits);
  return plan.sheet;
}

async function refsOf(host: SpreadsheetHost): Promise<Map<string, string | null>> {
  return new Map((await host.listNames()).map((n) => [n.name, n.ref]));
}

function write(host: SpreadsheetHost, names: readonly string[], values: readonly (string | number | null)[]) {
  return host.writeNamedValues(new Map(names.map((n, i) => [n, values[i]])));
}

/** The fill once the host has drawn it (a condition, polled for the host's redraw time; at once for data hosts). */
async function fillOf(
  hut: HostUnderTest,
  waitMs: number,
  sheet: string,
  a1: string,
  want: string | null,
): Promise<string | null> {
  const deadline = Date.now() + waitMs;
  let got = await hut.shownFill(sheet, a1);
  while (got !== want && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100)); // poll: the fill is looked at again
    got = await hut.shownFill(sheet, a1);
  }
  return got;
}

const KINDS: readonly HostKind[] = [xlsxKind, excelKind, wpsKind, univerKind];

describe.each(KINDS)('SpreadsheetHost contract: $name', (kind) => {
  let hut: HostUnderTest;
  const test = (title: string, body: (host: SpreadsheetHost) => Promise<void>) =>
    it(title, () => body(hut.host), CASE_MS);
  const fill = (sheet: string, a1: string, want: string | null) => fillOf(hut, kind.redrawMs ?? 0, sheet, a1, want);

  beforeAll(() => kind.setUp?.(), SETUP_MS);
  afterAll(() => kind.tearDown?.(), SETUP_MS);
  beforeEach(async () => {
    hut = await kind.open();
  }, CASE_MS);
  afterEach(() => hut?.close());

  test('inserts the template: its sheets, its names where the form puts them, agency and year read back', async (host) => {
    expect(await insertTemplate(host)).toBe('年报');
    expect(await host.sheetNames()).toEqual(expect.arrayContaining(['年报', '补充信息']));
    const refs = await refsOf(host);
    expect(refs.get('nb_agency')).toBe('年报!D2');
    expect(refs.get('nb_year')).toBe('年报!M2');
    expect(refs.get('nb_t2_rule_made')).toBe('年报!G7');
    expect(refs.get('nb_t3_new_person')).toBe('年报!I24');
    expect(refs.get('nb_t3_new_total')).toBe('年报!O24');
    const read = await host.readNamedCells(['nb_agency', 'nb_year', 'nb_t3_new_total', 'nb_no_such_name']);
    expect(read.values).toEqual([text(AGENCY), num(2025), BLANK, BLANK]);
    expect(read.missing).toEqual(['nb_no_such_name']);
    expect(read.mergedAway).toEqual([]);
  });

  test('reads and writes by name after the user inserts rows above the template', async (host) => {
    const sheet = await insertTemplate(host);
    await write(host, ['nb_t3_new_person', 'nb_t3_new_total'], [7, 7]);
    await hut.insertRows(sheet, 1, 3);
    const refs = await refsOf(host);
    expect(refs.get('nb_agency')).toBe('年报!D5');
    expect(refs.get('nb_t3_new_person')).toBe('年报!I27');
    const read = await host.readNamedCells(['nb_agency', 'nb_t3_new_person', 'nb_t3_new_total']);
    expect(read.values).toEqual([text(AGENCY), num(7), num(7)]);
    await write(host, ['nb_t3_new_other'], [4]);
    expect((await host.readNamedCells(['nb_t3_new_other', 'nb_t3_new_person'])).values).toEqual([num(4), num(7)]);
  });

  test('writes numbers and text as they are, and null clears only the cell it names', async (host) => {
    await insertTemplate(host);
    const names = ['nb_t3_new_person', 'nb_t3_new_business', 'nb_t3_new_research', 'nb_agency'];
    await write(host, names, [12, '0012', '=1+1', '某某市公安局']);
    expect((await host.readNamedCells(names)).values).toEqual([
      num(12),
      text('0012'),
      text('=1+1'),
      text('某某市公安局'),
    ]);
    await write(host, ['nb_t3_new_person'], [null]);
    expect((await host.readNamedCells(names)).values).toEqual([
      BLANK,
      text('0012'),
      text('=1+1'),
      text('某某市公安局'),
    ]);
  });

  test('reports an input swallowed by a merge (across or down), and not once the merge is undone', async (host) => {
    const sheet = await insertTemplate(host);
    const names = ['nb_t3_new_other', 'nb_t3_new_total', 'nb_t3_carry_total'];
    await hut.merge(sheet, 'N24:O24');
    expect((await host.readNamedCells(names)).mergedAway).toEqual(['nb_t3_new_total']);
    await hut.unmerge(sheet, 'N24:O24');
    expect((await host.readNamedCells(names)).mergedAway).toEqual([]);
    await hut.merge(sheet, 'O24:O25');
    expect((await host.readNamedCells(names)).mergedAway).toEqual(['nb_t3_carry_total']);
    await hut.unmerge(sheet, 'O24:O25');
    expect((await host.readNamedCells(names)).mergedAway).toEqual([]);
  });

  test('paints a total that does not add up red, and stops when it is fixed', async () => {
    const { host } = hut;
    const sheet = await insertTemplate(host);
    expect(await fill(sheet, 'I25', BLANK_FILL)).toBe(BLANK_FILL); // a blank input: to fill in
    await write(host, NEW_ROW, WRONG_TOTAL);
    expect(await fill(sheet, 'O24', RED)).toBe(RED);
    expect(await fill(sheet, 'I24', null)).toBeNull();
    await write(host, ['nb_t3_new_total'], [13]);
    expect(await fill(sheet, 'O24', null)).toBeNull();
  });

  test("keeps last year's figures on a hidden 上年数据 sheet, and checks 上年结转 against them", async (host) => {
    const sheet = await insertTemplate(host);
    // Last year's 表二 现行有效件数 (规章, 规范性文件), then 表三 结转下年度继续办理 person … total.
    const last = [120, 80, 3, 0, 0, 0, 0, 0, 3].map(num);
    await host.applyEdits(
      planPrevious(last, { templateSheet: sheet, priorityBase: planHighlights(sheet, ['report']).length }),
    );
    expect(await host.sheetNames()).toEqual(expect.arrayContaining(['年报', '上年数据']));
    expect(await hut.isHidden('上年数据')).toBe(true);
    expect(await hut.isHidden('年报')).toBe(false);
    expect((await refsOf(host)).get('nb_prev_t3_next_person')).toBe('上年数据!D5');
    expect((await host.readNamedCells(['nb_prev_t3_next_person', 'nb_prev_t2_rule_inforce'])).values).toEqual([
      num(3),
      num(120),
    ]);
    // This year's 上年结转 自然人 (I25) must be last year's 3.
    await write(host, ['nb_t3_carry_person'], [5]);
    expect(await fill(sheet, 'I25', RED)).toBe(RED);
    await write(host, ['nb_t3_carry_person'], [3]);
    expect(await fill(sheet, 'I25', null)).toBeNull();
  });

  test('repairs a deleted name and its deleted rules where the rows moved them', async (host) => {
    const sheet = await insertTemplate(host);
    await write(host, NEW_ROW, WRONG_TOTAL);
    await hut.insertRows(sheet, 1, 2);
    expect(await fill(sheet, 'O26', RED)).toBe(RED);
    await hut.deleteName('nb_t3_new_total');
    await hut.deleteRulesAt(sheet, 'O26');
    expect((await refsOf(host)).has('nb_t3_new_total')).toBe(false);
    expect(await fill(sheet, 'O26', null)).toBeNull();

    const plan = planRepair(placesOf(await host.listNames()));
    expect(plan.recreated).toEqual([{ name: 'nb_t3_new_total', sheet: '年报', range: 'O26' }]);
    await host.applyEdits(plan.edits);
    expect((await refsOf(host)).get('nb_t3_new_total')).toBe('年报!O26');
    expect((await host.readNamedCells(['nb_t3_new_total'])).values).toEqual([num(12)]);
    expect(await fill(sheet, 'O26', RED)).toBe(RED);
  });
});

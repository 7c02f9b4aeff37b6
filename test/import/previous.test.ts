// Last year's report in this year's workbook: the nb_prev_* values from an imported report, the hidden 上年数据
// sheet with its names and the cross-year highlights (written by the real xlsx host and read back), and the
// prefill of 二、上年结转 that never overwrites what the user typed.
import ExcelJS from 'exceljs';
import {
  BLANK,
  INPUT_CELLS,
  PREVIOUS_CELLS,
  evaluateRules,
  input,
  planHighlights,
  planTemplate,
  type CellContent,
} from '../../src/report';
import { importReport, prefillCarry, previousValuesFrom } from '../../src/report/import';
import { PREVIOUS_SHEET_NAME, planPrevious } from '../../src/report/sheet-edits/plan-previous';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { openWorkbookBuffer } from '../../src/hosts/xlsx/read-workbook';
import { readTemplate } from '../../src/report/reading/read-template';
import { readSample } from './sample-support';
import { buildFormat2021 } from '../../src/report/format/formats';

/** The format these tests read and check reports as (what a composition root builds). */
const FORMAT = buildFormat2021();

const last = importReport(readSample('real/004.txt'));
const current = importReport(readSample('real/005.txt'));
const num = (value: number): CellContent => ({ kind: 'number', value });

describe('previousValuesFrom', () => {
  it('takes 四、结转下年度继续办理 and 现行有效件数 from last year, in PREVIOUS_CELLS order', () => {
    const prev = previousValuesFrom(last, FORMAT);
    expect(prev).toHaveLength(PREVIOUS_CELLS.length);
    const byName = new Map(PREVIOUS_CELLS.map((c, i) => [c.name, prev[i]]));
    expect(byName.get('nb_prev_t3_next_person')).toEqual(num(118));
    expect(byName.get('nb_prev_t3_next_total')).toEqual(num(121));
    expect(byName.get('nb_prev_t2_norm_inforce')).toEqual(num(597));
    expect(byName.get('nb_prev_t2_rule_inforce')).toEqual(num(11));
  });

  it('accepts the typed Report and plain values alike', () => {
    expect(previousValuesFrom(last.report, FORMAT)).toEqual(previousValuesFrom(last, FORMAT));
    expect(previousValuesFrom(last.values, FORMAT)).toEqual(previousValuesFrom(last, FORMAT));
  });
});

describe('prefillCarry', () => {
  const carry = (col: string) => input('T3', 'carry', col);

  it('offers every column of last year’s carry-forward for blank cells', () => {
    const now = [...current.values];
    for (const c of INPUT_CELLS.filter((x) => x.table === 'T3' && x.rowId === 'carry')) now[c.index] = BLANK;
    const p = prefillCarry(last, now, FORMAT);
    expect([...p.toWrite]).toEqual([...p.values]);
    expect(p.toWrite.get(carry('person').name)).toBe(118);
    expect(p.conflicts).toEqual([]);
  });

  it('never overwrites a different value: it reports it', () => {
    const now = [...current.values];
    now[carry('person').index] = num(100);
    now[carry('legal').index] = { kind: 'text', text: '两件' };
    const p = prefillCarry(last, now, FORMAT);
    expect(p.toWrite.has(carry('person').name)).toBe(false);
    expect(p.toWrite.has(carry('legal').name)).toBe(false);
    expect(p.toWrite.get(carry('business').name)).toBe(3);
    expect(p.conflicts.map((c) => c.message)).toEqual([
      '表三「二、上年结转政府信息公开申请数量」行「自然人」列已填写 100，与上年报告「四、结转下年度继续办理」的 118 不同，未覆盖；请核对后自行修改',
      '表三「二、上年结转政府信息公开申请数量」行「法律服务机构」列已填写 两件，与上年报告「四、结转下年度继续办理」的 0 不同，未覆盖；请核对后自行修改',
    ]);
  });
});

describe('planPrevious in a real workbook', () => {
  async function workbookWithPrevious(): Promise<Buffer> {
    const host = new XlsxHost();
    await host.applyEdits(planTemplate({ agency: '宿迁市', year: 2024 }));
    await host.applyEdits(
      planPrevious(previousValuesFrom(last, FORMAT), {
        year: 2023,
        priorityBase: planHighlights('年报', ['report']).length,
      }),
    );
    const values = new Map<string, number>();
    INPUT_CELLS.forEach((c, i) => {
      const v = current.values[i];
      if (c.table !== 'META' && v.kind === 'number') values.set(c.name, v.value);
    });
    await host.writeNamedValues(values);
    return host.toBuffer();
  }

  it('writes a hidden 上年数据 sheet whose names the template reads back', async () => {
    const buf = await workbookWithPrevious();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.getWorksheet(PREVIOUS_SHEET_NAME)?.state).toBe('hidden');
    const opened = await openWorkbookBuffer(buf);
    if (!opened.ok) throw new Error(opened.reason);
    const read = await readTemplate(opened.host, FORMAT);
    if (!read.ok) throw new Error(read.reason);
    for (const c of PREVIOUS_CELLS) expect(read.refs.get(c.name)).toMatch(new RegExp(`^${PREVIOUS_SHEET_NAME}!D\\d+$`));
    expect(read.values.slice(INPUT_CELLS.length, INPUT_CELLS.length + PREVIOUS_CELLS.length)).toEqual(
      previousValuesFrom(last, FORMAT),
    );
    expect(evaluateRules(read.values, { scopes: ['previous'] })).toEqual([]);
  });

  it('adds the cross-year highlights on the report sheet, after the report ones, reading nb_prev_* names', async () => {
    const edits = planPrevious(previousValuesFrom(last, FORMAT), { priorityBase: 500 });
    const cf = edits.flatMap((e) => (e.op === 'conditionalFormat' ? [e] : []));
    // The cells the cross-year rules paint get their rules again, one per style, the X.* checks OR-ed into the
    // error rule (上年结转, X.carry) or the warning rule (现行有效件数, X.inforce), each replacing the report-only one.
    const reading = cf.filter((e) => e.formula.includes('nb_prev_'));
    expect(reading.map((e) => e.style)).toEqual([...new Array(7).fill('error'), 'warning', 'warning']);
    for (const e of reading) expect(e.replaces?.length).toBe(1);
    for (const e of cf) {
      expect(e.sheet).toBe('年报');
      expect(e.priority).toBeGreaterThan(500);
    }
  });

  it('on a second load, rewrites only the values', () => {
    const edits = planPrevious(previousValuesFrom(last, FORMAT), { sheetExists: true });
    expect(edits.map((e) => e.op)).toEqual(['values']);
  });
});

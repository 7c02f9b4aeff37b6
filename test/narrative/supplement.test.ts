// The 补充信息 sheet: planned once, written by the xlsx host into a real workbook beside the template, read back by
// name, and checked like the tables (S.type, S.sum), in the evaluator and in the sheet's own conditional formats.
import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import {
  ALL_VALUE_CELLS,
  SUPPLEMENT_CELLS,
  SUPPLEMENT_FIELDS,
  SUPPLEMENT_NAMES,
  SUPPLEMENT_RULES,
  SUPPLEMENT_SHEET_NAME,
  checkFormula,
  evaluateRules,
  planSupplement,
  planTemplate,
  supplementFromValues,
  type CellContent,
} from '../../src/report';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { openWorkbookBuffer } from '../../src/hosts/xlsx/read-workbook';
import { validateWorkbookFile } from '../../src/cli/validate-file';
import { loadReport } from '../../src/export/load-report';
import { gaoxinqu2021, num, setName, text } from '../support/report-values';
import { filledWorkbook } from '../export/workbook';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suiteTempDir } from '../support/temp-dir';
import { buildFormat2021 } from '../../src/report/format/formats';

/** The format these tests read and check reports as (what a composition root builds). */
const FORMAT = buildFormat2021();

const dir = suiteTempDir('nb-sup-');

describe('planSupplement', () => {
  const edits = planSupplement();

  it('defines one name per field, on its own sheet, each at a distinct cell', () => {
    const names = edits.filter((e) => e.op === 'defineName');
    expect(names.map((e) => e.name).sort()).toEqual([...SUPPLEMENT_NAMES].sort());
    expect(new Set(names.map((e) => e.op === 'defineName' && e.range)).size).toBe(SUPPLEMENT_NAMES.length);
    expect(names.every((e) => e.op === 'defineName' && e.sheet === SUPPLEMENT_SHEET_NAME)).toBe(true);
  });

  it('validates every number, and highlights each number cell with one error rule (S.sum OR-ed into the total)', () => {
    const validated = edits.flatMap((e) => (e.op === 'validation' ? e.ranges : []));
    expect(validated).toHaveLength(SUPPLEMENT_CELLS.length);
    const cfs = edits.flatMap((e) => (e.op === 'conditionalFormat' ? [e] : []));
    const numberCells = SUPPLEMENT_RULES.find((r) => r.id === 'S.type')!.checks.map((c) => c.highlight[0]);
    expect(cfs.map((e) => e.id)).toEqual(numberCells.map((n) => `error:${n}`));
    const total = cfs.find((e) => e.id === 'error:nb_sup_open_total')!;
    expect(total.formula).toMatch(/^OR\(OR\(IFERROR\(ISFORMULA\(nb_sup_open_total\),0\).*,IF\(AND\(COUNTA\(/);
  });

  it('writes the labels once, unlocked only where the user types', () => {
    const values = edits.find((e) => e.op === 'values');
    const labels = values && values.op === 'values' ? values.values.flat().filter((v) => v !== null) : [];
    for (const f of SUPPLEMENT_FIELDS.filter((x) => x.kind === 'count' || x.kind === 'yuan').filter(
      (x) => !/分类 \d/.test(x.label),
    ))
      expect(labels).toContain(f.label);
    const unlocked = edits
      .filter((e) => e.op === 'format' && e.format.locked === false)
      .flatMap((e) => (e.op === 'format' ? e.ranges : []));
    expect(unlocked.length).toBeGreaterThanOrEqual(SUPPLEMENT_NAMES.length);
  });
});

describe('the 补充信息 sheet in a real workbook', () => {
  it('is written by the xlsx host and read back by name after a save', async () => {
    const buf = await filledWorkbook(gaoxinqu2021(), {
      open_total: 422,
      open_cat1_name: '概况类信息',
      open_cat1_count: 361,
      text_problems: '一是网站功能设置不合理。\n二是基础信息公开不规范。',
      tpl_fee: '{{年度}}年未收费。',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['年报', SUPPLEMENT_SHEET_NAME]);
    const opened = await openWorkbookBuffer(buf);
    if (!opened.ok) throw new Error(opened.reason);
    const loaded = await loadReport(opened.host, FORMAT);
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.hasSupplement).toBe(true);
    expect(loaded.supplement.openTotal).toBe(422);
    expect(loaded.supplement.categories).toEqual([{ name: '概况类信息', count: 361 }]);
    expect(loaded.supplement.texts.problems).toBe('一是网站功能设置不合理。\n二是基础信息公开不规范。');
    expect(loaded.supplement.templates).toEqual({ fee: '{{年度}}年未收费。' });
  });

  it('is optional: a workbook without it still loads, with a blank supplement', async () => {
    const buf = await filledWorkbook(gaoxinqu2021(), {}, { withSupplement: false });
    const opened = await openWorkbookBuffer(buf);
    if (!opened.ok) throw new Error(opened.reason);
    const loaded = await loadReport(opened.host, FORMAT);
    expect(loaded.ok && loaded.hasSupplement).toBe(false);
    expect(loaded.ok && loaded.supplement.openTotal).toBeNull();
  });

  it('reports a wrong category sum (S.sum) and a typed unit (S.type) through nianbao validate, and passes when fixed', async () => {
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(
      bad,
      await filledWorkbook(gaoxinqu2021(), {
        open_total: 422,
        open_cat1_count: 361,
        open_cat2_count: 18,
        fee_notices: '2件',
      }),
    );
    const outcome = await validateWorkbookFile(bad, FORMAT);
    const found = outcome.findings.filter((f) => f.rule.startsWith('S.'));
    expect(found.map((f) => f.message)).toEqual([
      '补充信息「收费通知件数」填写了带单位的「2件」（可改为 2），应填写不小于 0 的整数',
      '补充信息「主动公开信息总数（条）」为 422，但各分类条数之和为 379',
    ]);
    const good = join(dir, 'good.xlsx');
    writeFileSync(
      good,
      await filledWorkbook(gaoxinqu2021(), {
        open_total: 422,
        open_cat1_count: 361,
        open_cat2_count: 18,
        open_cat3_count: 43,
        fee_notices: 2,
      }),
    );
    expect((await validateWorkbookFile(good, FORMAT)).findings).toEqual([]);
  });
});

describe('S.* rules', () => {
  /** The seed report with the 补充信息 numbers blank, as a user leaves them. */
  const base = () =>
    gaoxinqu2021().map((v, i) => (ALL_VALUE_CELLS[i].table === 'SUP' ? ({ kind: 'blank' } as const) : v));
  it('S.sum waits for the first category: a total alone is complete', () => {
    const v = setName(base(), 'nb_sup_open_total', 422);
    expect(evaluateRules(v).filter((f) => f.rule === 'S.sum')).toEqual([]);
    setName(v, 'nb_sup_open_cat1_count', 400);
    expect(
      evaluateRules(v)
        .filter((f) => f.rule === 'S.sum')
        .map((f) => [f.left, f.right]),
    ).toEqual([[422, 400]]);
  });

  it('S.type accepts 元 amounts with decimals and refuses negative counts', () => {
    const v = setName(setName(base(), 'nb_sup_fee_collected', 120.5), 'nb_sup_trainings', -1);
    expect(
      evaluateRules(v)
        .filter((f) => f.rule === 'S.type')
        .map((f) => f.key),
    ).toEqual(['trainings']);
  });

  it('the conditional-format formulas flag exactly what the evaluator reports (HyperFormula)', () => {
    const checks = SUPPLEMENT_RULES.flatMap((r) => r.checks);
    const refOf = new Map(ALL_VALUE_CELLS.map((c, i) => [c.name, `In!$A$${i + 1}`]));
    const inline = (f: string) => '=' + f.replace(/\bnb_[a-z0-9_]+\b/g, (n) => refOf.get(n) ?? n);
    const hf = HyperFormula.buildFromSheets(
      { In: ALL_VALUE_CELLS.map(() => [null]), Out: checks.map((c) => [inline(checkFormula(c))]) },
      { licenseKey: 'gpl-v3' },
    );
    const cases: [string, CellContent][][] = [
      [
        ['nb_sup_open_total', num(10)],
        ['nb_sup_open_cat1_count', num(4)],
        ['nb_sup_open_cat2_count', num(6)],
      ],
      [
        ['nb_sup_open_total', num(10)],
        ['nb_sup_open_cat1_count', num(4)],
      ],
      [
        ['nb_sup_open_total', num(10)],
        ['nb_sup_open_cat2_count', num(4)],
      ],
      [
        ['nb_sup_open_total', num(10)],
        ['nb_sup_open_cat1_count', text('4条')],
      ],
      [
        ['nb_sup_fee_amount', num(12.34567)],
        ['nb_sup_inspections', num(1.5)],
        ['nb_sup_trainings', text('３')],
      ],
    ];
    for (const c of cases) {
      const values: CellContent[] = ALL_VALUE_CELLS.map(() => ({ kind: 'blank' }));
      for (const [name, v] of c) values[ALL_VALUE_CELLS.findIndex((x) => x.name === name)] = v;
      hf.setSheetContent(
        hf.getSheetId('In')!,
        values.map((v) => [v.kind === 'number' ? v.value : v.kind === 'text' ? `'${v.text}` : null]),
      );
      const out = hf.getSheetValues(hf.getSheetId('Out')!);
      const byFormula = checks.filter((_, j) => out[j][0] === true).map((x) => `${x.rule}:${x.key}`);
      const byEvaluator = evaluateRules(values)
        .filter((f) => f.rule.startsWith('S.'))
        .map((f) => `${f.rule}:${f.key}`);
      expect(byFormula.sort()).toEqual(byEvaluator.sort());
    }
    hf.destroy();
  });

  it('supplementFromValues leaves invalid numbers out (null) rather than guessing', () => {
    const values = SUPPLEMENT_FIELDS.map((f): CellContent =>
      f.id === 'fee_notices' ? text('2件') : f.id === 'trainings' ? num(3) : { kind: 'blank' },
    );
    const s = supplementFromValues(values);
    expect([s.feeNotices, s.trainings]).toEqual([null, 3]);
  });
});

it('the template plan and the supplement plan apply together to one workbook', async () => {
  const host = new XlsxHost();
  await host.applyEdits([...planTemplate(), ...planSupplement()]);
  const names = (await host.listNames()).map((n) => n.name);
  for (const n of SUPPLEMENT_NAMES) expect(names).toContain(n);
});

// The fake refuses, property by property, what Excel refuses (each rule cites its page in objects.ts and
// formula-check.ts), and the product's own calls get through: the whole template goes in without one refusal.
import { ExcelHost } from '../../../src/hosts/excel/excel-host';
import { planInsertion, TEMPLATE_SHEET_NAME } from '../../../src/report';
import { FakeExcel } from './fake-excel';

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

type Batch = (ctx: Excel.RequestContext) => void;

/** Runs one write on a fresh workbook with a name `nb_a` on Sheet1!A1; resolves to the error code or 'ok'. */
async function attempt(write: Batch): Promise<string> {
  const fake = new FakeExcel();
  await fake.excel(async (ctx) => {
    ctx.workbook.names.add('nb_a', ctx.workbook.worksheets.getItem('Sheet1').getRange('A1'));
  });
  try {
    await fake.excel(async (ctx) => {
      write(ctx);
      await ctx.sync();
    });
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

const range = (ctx: Excel.RequestContext, a = 'B2') => ctx.workbook.worksheets.getItem('Sheet1').getRange(a);
const rule = (ctx: Excel.RequestContext, formula: string) => {
  const cf = range(ctx).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
  cf.custom.rule.formula = formula;
};

// [what, a write Excel refuses, the write the product makes (queue-edits.ts) or a documented good value]
const CASES: [string, Batch, Batch][] = [
  [
    'horizontalAlignment outside Excel.HorizontalAlignment',
    (c) => void (range(c).format.horizontalAlignment = 'Middle' as Excel.HorizontalAlignment),
    (c) => void (range(c).format.horizontalAlignment = 'Center'),
  ],
  [
    'verticalAlignment outside Excel.VerticalAlignment',
    (c) => void (range(c).format.verticalAlignment = 'Middle' as Excel.VerticalAlignment),
    (c) => void (range(c).format.verticalAlignment = 'Center'),
  ],
  [
    'border style outside Excel.BorderLineStyle',
    (c) => void (range(c).format.borders.getItem('EdgeTop').style = 'Solid' as Excel.BorderLineStyle),
    (c) => void (range(c).format.borders.getItem('EdgeTop').style = 'Continuous'),
  ],
  [
    'border weight outside Excel.BorderWeight',
    (c) => void (range(c).format.borders.getItem('EdgeTop').weight = 'Bold' as Excel.BorderWeight),
    (c) => void (range(c).format.borders.getItem('EdgeTop').weight = 'Thin'),
  ],
  [
    'underline outside Excel.RangeUnderlineStyle',
    (c) => void (range(c).format.font.underline = 'Wavy' as Excel.RangeUnderlineStyle),
    (c) => void (range(c).format.font.underline = 'Single'),
  ],
  [
    'a conditional format type outside Excel.ConditionalFormatType',
    (c) => void range(c).conditionalFormats.add('Formula' as Excel.ConditionalFormatType),
    (c) => void range(c).conditionalFormats.add('Custom' as Excel.ConditionalFormatType),
  ],
  ['font size 0', (c) => void (range(c).format.font.size = 0), (c) => void (range(c).format.font.size = 11)],
  ['font size 410', (c) => void (range(c).format.font.size = 410), (c) => void (range(c).format.font.size = 409)],
  [
    'a column wider than 255 characters',
    (c) => void (range(c).format.columnWidth = 2000),
    (c) => void (range(c).format.columnWidth = 120),
  ],
  [
    'a negative column width',
    (c) => void (range(c).format.columnWidth = -1),
    (c) => void (range(c).format.columnWidth = 0),
  ],
  [
    'a row taller than 409 points',
    (c) => void (range(c).format.rowHeight = 410),
    (c) => void (range(c).format.rowHeight = 409),
  ],
  [
    'a print scale outside 10..400',
    (c) => void (c.workbook.worksheets.getItem('Sheet1').pageLayout.zoom = { scale: 5 }),
    (c) =>
      void (c.workbook.worksheets.getItem('Sheet1').pageLayout.zoom = {
        horizontalFitToPages: 1,
        verticalFitToPages: 0,
      }),
  ],
  ['a rule formula over a name the workbook lacks', (c) => rule(c, '=nb_zz>0'), (c) => rule(c, '=nb_a>0')],
  ['a rule formula with ; separators', (c) => rule(c, '=OR(nb_a<0;nb_a>9)'), (c) => rule(c, '=OR(nb_a<0,nb_a>9)')],
  ['a rule formula with a localized function', (c) => rule(c, '=求和(nb_a)>0'), (c) => rule(c, '=SUM(nb_a)>0')],
  ['a rule formula with unbalanced parentheses', (c) => rule(c, '=OR(nb_a<0'), (c) => rule(c, '=OR(nb_a<0)')],
  ['a rule formula without =', (c) => rule(c, 'nb_a>0'), (c) => rule(c, '=nb_a>0')],
  [
    'a name whose formula uses a name the workbook lacks',
    (c) => void c.workbook.names.add('nb_b', '=nb_zz+1'),
    (c) => void c.workbook.names.add('nb_b', '=nb_a+1'),
  ],
  [
    'a name whose formula uses ; separators',
    (c) => void c.workbook.names.add('nb_b', '=SUM(nb_a;1)'),
    (c) => void c.workbook.names.add('nb_b', '=SUM(nb_a,1)'),
  ],
];

describe('the fake Excel refuses per property, as Excel does', () => {
  it.each(CASES)('%s', async (_what, bad, good) => {
    expect(await attempt(bad)).toBe('InvalidArgument');
    expect(await attempt(good)).toBe('ok');
  });

  it('a string inside a rule formula may hold ; and unknown words', async () => {
    expect(await attempt((c) => rule(c, '=nb_a="a;b 未知"'))).toBe('ok');
  });

  it("takes the product's whole template insert without refusing one call", async () => {
    const fake = new FakeExcel();
    restore = fake.install();
    const host = await ExcelHost.create({ echoWindowMs: 0 });
    const { edits } = planInsertion({ sheets: await host.sheetNames(), names: await host.listNames() }, {});
    const syncs = fake.syncCalls;
    await expect(host.applyEdits(edits)).resolves.toEqual({ skippedRules: [] });
    // One read and one write: no rollback, no retry in smaller batches.
    expect(fake.syncCalls - syncs).toBeLessThanOrEqual(3);
    const rules = fake.doc.sheets.flatMap((s) => s.conditionalFormats);
    expect(rules.length).toBe(edits.filter((e) => e.op === 'conditionalFormat').length);
    expect(fake.sheet(TEMPLATE_SHEET_NAME).conditionalFormats.length).toBeGreaterThan(300);
    expect(rules.every((r) => r.formula?.startsWith('='))).toBe(true);
  });
});

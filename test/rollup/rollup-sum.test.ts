// 汇总 in the domain: on random children the parent's additive cells are the sums (fast-check), blank stays blank,
// 机关名称 and 年度 are the parent's, every contribution is the child's own value and the total their sum; the
// screening refuses by name a child with errors, another year, another format, no agency or a duplicate agency.
import fc from 'fast-check';
import {
  INPUT_CELLS,
  TEMPLATE_VERSION,
  childFacts,
  input,
  otherTemplateVersion,
  rollupRole,
  screenChildren,
  sumChildren,
  type CellContent,
  type ChildFacts,
  additiveCells,
} from '../../src/report';
import { buildFormat2021 } from '../../src/report/format/formats';

/** The format the roll-up is of (what a composition root builds and hands down). */
const FORMAT = buildFormat2021();
const ADDITIVE_CELLS = additiveCells(FORMAT.inputCells);

/** A cell's value as whole ten-thousandths (amounts have at most 4 decimals) or blank. */
const cellArb = (kind: string) =>
  fc.option(kind === 'amount' ? fc.integer({ min: 0, max: 99_999_999 }) : fc.integer({ min: 0, max: 100_000 }), {
    freq: 5,
  });

const childArb = fc.record({
  agency: fc.string({ minLength: 1, maxLength: 6 }),
  cells: fc.tuple(...ADDITIVE_CELLS.map((c) => cellArb(c.kind))),
});

function valuesOf(child: { agency: string; cells: (number | null)[] }): CellContent[] {
  const values: CellContent[] = INPUT_CELLS.map(() => ({ kind: 'blank' }));
  values[input('META', 'agency').index] = { kind: 'text', text: child.agency };
  values[input('META', 'year').index] = { kind: 'number', value: 2025 };
  ADDITIVE_CELLS.forEach((c, i) => {
    const raw = child.cells[i];
    if (raw !== null) values[c.index] = { kind: 'number', value: c.kind === 'amount' ? raw / 10_000 : raw };
  });
  return values;
}

describe('sumChildren', () => {
  it('classifies every table count and amount as additive, 机关名称 and 年度 as the parent’s', () => {
    expect(rollupRole(input('META', 'agency'))).toBe('parent');
    expect(rollupRole(input('META', 'year'))).toBe('parent');
    expect(rollupRole(input('T3', 'total', 'total'))).toBe('sum');
    expect(rollupRole(input('T2', 'rule', 'inforce'))).toBe('sum');
    expect(ADDITIVE_CELLS.length).toBe(INPUT_CELLS.length - 2);
  });

  it('puts in each additive cell the sum of the children, and traces it to each child (property)', () => {
    fc.assert(
      fc.property(fc.array(childArb, { minLength: 1, maxLength: 6 }), (raw) => {
        const children = raw.map((c, i) => ({ label: `下级${i}`, values: valuesOf(c) }));
        const r = sumChildren(children, { agency: '某某市人民政府办公室', year: 2025 }, FORMAT);
        expect(r.values[input('META', 'agency').index]).toEqual({ kind: 'text', text: '某某市人民政府办公室' });
        expect(r.values[input('META', 'year').index]).toEqual({ kind: 'number', value: 2025 });
        ADDITIVE_CELLS.forEach((cell, i) => {
          const given = raw.map((c) => c.cells[i]);
          const filled = given.filter((g): g is number => g !== null);
          // Independent sum: integers (ten-thousandths for amounts), divided once.
          const expected = filled.reduce((a, b) => a + b, 0) / (cell.kind === 'amount' ? 10_000 : 1);
          const parent = r.values[cell.index];
          if (filled.length === 0) expect(parent).toEqual({ kind: 'blank' });
          else expect(parent).toEqual({ kind: 'number', value: expected });
          const k = r.contributions[i];
          expect(k.name).toBe(cell.name);
          expect(k.parts).toEqual(given.map((g) => (g === null ? null : cell.kind === 'amount' ? g / 10_000 : g)));
          expect(k.total).toBe(expected);
        });
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('screenChildren', () => {
  const ok = (label: string, agency = label): ChildFacts => ({
    label,
    agency,
    year: 2025,
    otherFormat: null,
    errors: 0,
  });
  it('refuses by name: errors, another year, another format, no agency, a duplicate agency', () => {
    const s = screenChildren(
      [
        ok('甲区'),
        { ...ok('乙区'), errors: 2 },
        { ...ok('丙区'), year: 2024 },
        { ...ok('丁区'), otherFormat: '含 2019 年版格式的表格' },
        { ...ok('b.xlsx'), agency: null },
        ok('甲 区(2)', '甲 区'),
        ok('戊区'),
      ],
      2025,
    );
    expect(s.accepted).toEqual([0, 6]);
    expect(s.refused).toEqual([
      { label: '乙区', reason: '有 2 个错误，请先改正（nianbao validate 可列出）' },
      { label: '丙区', reason: '年度为 2024，不是汇总的 2025 年度' },
      { label: '丁区', reason: '格式不同：含 2019 年版格式的表格' },
      { label: 'b.xlsx', reason: '没有填写机关名称' },
      { label: '甲 区(2)', reason: '机关名称「甲 区」与 甲区 重复，不能重复计入' },
    ]);
  });
});

describe('childFacts', () => {
  const META = { agency: input('META', 'agency'), year: input('META', 'year') };
  const blank = (): CellContent[] => INPUT_CELLS.map(() => ({ kind: 'blank' }));

  it('names a child by its agency (trimmed), else by its file, and reads its year', () => {
    const values = blank();
    values[META.agency.index] = { kind: 'text', text: '  甲区人民政府 ' };
    values[META.year.index] = { kind: 'number', value: 2025 };
    expect(childFacts('a.xlsx', values, null, FORMAT)).toEqual({
      label: '甲区人民政府',
      agency: '甲区人民政府',
      year: 2025,
      otherFormat: null,
      errors: 0,
    });
    const unnamed = blank();
    unnamed[META.year.index] = { kind: 'text', text: '2025年' };
    expect(childFacts('b.xlsx', unnamed, null, FORMAT)).toMatchObject({ label: 'b.xlsx', agency: null, year: null });
  });

  it('counts the report’s errors: a finished 新收 row whose parts (all 0) do not make its total (9)', () => {
    const values = blank();
    for (const c of ['person', 'business', 'research', 'charity', 'legal', 'other'])
      values[input('T3', 'new', c).index] = { kind: 'number', value: 0 };
    values[input('T3', 'new', 'total').index] = { kind: 'number', value: 9 };
    expect(childFacts('c.xlsx', values, null, FORMAT).errors).toBe(1);
    values[input('T3', 'new', 'total').index] = { kind: 'number', value: 0 };
    expect(childFacts('c.xlsx', values, null, FORMAT).errors).toBe(0);
  });

  it('words another template version, and none for ours', () => {
    expect(otherTemplateVersion(TEMPLATE_VERSION, FORMAT)).toBeNull();
    expect(otherTemplateVersion(TEMPLATE_VERSION + 1, FORMAT)).toBe(
      `模板版本 ${TEMPLATE_VERSION + 1}（本助手的模板版本为 ${TEMPLATE_VERSION}）`,
    );
    expect(otherTemplateVersion(null, FORMAT)).toContain('模板版本 未知');
  });
});

// Layouts met in the wild (test/fixtures/layouts, one report printed each way): what is printed is read into its
// cell, what cannot be read is left empty and named in Chinese by table and row, and no number is invented.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDocument, type ImportResult } from '../../src/report/import';
import { LAYOUT_AGENCY, layoutExpected } from './layout-expected';
import { differences } from './sample-support';

const DIR = join(__dirname, '..', 'fixtures', 'layouts');
async function read(file: string): Promise<ImportResult> {
  const r = await importDocument(new Uint8Array(readFileSync(join(DIR, file))), file);
  if (!r.ok) throw new Error(r.problem);
  return r.result;
}
const without = (names: readonly string[]) => {
  const m = layoutExpected();
  for (const n of names) m.delete(n);
  return m;
};
const messages = (r: ImportResult) => r.diagnostics.map((d) => d.message);
const warnings = (r: ImportResult) => r.diagnostics.filter((d) => d.level === 'warning' && d.table !== null);

describe('layouts in the wild', () => {
  it('表四 printed as three separate tables (复议 / 未经复议直接起诉 / 复议后起诉)', async () => {
    const r = await read('t4-three-tables.html');
    expect(differences(r.values, layoutExpected())).toEqual([]);
    expect(warnings(r)).toEqual([]);
  });

  it('表三 printed per group of rows, each piece repeating the header', async () => {
    const r = await read('t3-per-group.html');
    expect(differences(r.values, layoutExpected())).toEqual([]);
    expect(warnings(r)).toEqual([]);
  });

  it('a data row in header cells is data; an explicit blank stays empty; a 表二 row missing a cell is left empty, never shifted or 0', async () => {
    const r = await read('cells-in-the-wild.html');
    expect(
      differences(
        r.values,
        without(['nb_t2_rule_repealed', 'nb_t2_norm_made', 'nb_t2_norm_repealed', 'nb_t2_norm_inforce']),
      ),
    ).toEqual([]);
    expect(messages(r)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^表二「规章」行：本年废止件数列印为空白，留空/),
        expect.stringMatching(/^表二「行政规范性文件」行：读到 2 个数，应为 3 个.*该行留空/),
      ]),
    );
    // The comment and the source line above the title are not the agency.
    expect(r.report.agency).toBe(LAYOUT_AGENCY);
  });

  it('text: labels above their numbers, a column-number row, a row whose label was cut away, digits run together', async () => {
    const r = await read('labels-above-and-torn.txt');
    expect(differences(r.values, without(['nb_t2_norm_made', 'nb_t2_norm_repealed', 'nb_t2_norm_inforce']))).toEqual(
      [],
    );
    const m = messages(r);
    // 113152 splits several ways into three cells: left empty, the readings listed.
    expect(m).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^表二「行政规范性文件」行：数字连在一起（113152），可拆为 .*11\/3\/152.*该行留空/),
        expect.stringMatching(/^表三「（三）不予公开4\.保护第三方合法权益」行：数字连在一起（1000001），只有一种拆法/),
        expect.stringMatching(/按位置读作「（三）不予公开3\.危及“三安全一稳定”」行/),
      ]),
    );
    expect(r.report.agency).toBe(LAYOUT_AGENCY);
  });

  it('Markdown pipe tables: separator rows are not data', async () => {
    const r = await read('pipe-tables.md');
    expect(r.source).toBe('markdown');
    expect(differences(r.values, layoutExpected())).toEqual([]);
    expect(warnings(r)).toEqual([]);
  });
});

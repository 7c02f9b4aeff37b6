// `nianbao export --csv` and `audit --csv` open in Excel/WPS, which run a field starting with = + - @ (or a tab or CR
// before one) as a formula: OWASP "CSV Injection" lists exactly these four leading characters
// (https://owasp.org/www-community/attacks/CSV_Injection). Every one of them must come out quoted as text.
import { ALL_VALUE_CELLS, BLANK, CELLS_2021, type CellContent } from '../../src/report';
import { csvField, inputsCsv, safeCsvText } from '../../src/cli/report-json';

function agencyRow(agency: string): string {
  const values: CellContent[] = ALL_VALUE_CELLS.map(() => BLANK);
  values[ALL_VALUE_CELLS.findIndex((c) => c.name === 'nb_agency')] = { kind: 'text', text: agency };
  const line = inputsCsv(values, new Map([['nb_agency', '年报!D2']]), CELLS_2021)
    .split('\r\n')
    .find((l) => l.includes('机关名称'));
  if (!line) throw new Error('no 机关名称 row in the CSV');
  return line;
}

describe('the CSV formula guard', () => {
  it.each([
    ['=HYPERLINK("http://x","点此")', `"'=HYPERLINK(""http://x"",""点此"")"`],
    ['+86-517-83605210', "'+86-517-83605210"],
    ['-2+3', "'-2+3"],
    ['@SUM(1,2)', `"'@SUM(1,2)"`],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('quotes %j as text in the exported 机关名称', (typed, field) => {
    expect(agencyRow(typed)).toBe(`META,机关名称,,年报!D2,${field}`);
  });

  it('leaves text that does not start a formula as it is', () => {
    expect(agencyRow('淮安市人民政府')).toBe('META,机关名称,,年报!D2,淮安市人民政府');
    expect(safeCsvText('3-2')).toBe('3-2');
    expect(safeCsvText('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers: a negative count is a value, not text', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});

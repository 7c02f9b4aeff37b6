// Every sample: the imported figures equal the printed ones cell by cell, the known errors are found, and a
// consistent report raises no error. Cross-year: last year's report read the same way checks this year's.
import { evaluateRules, input, type CellContent, type Finding } from '../../src/report';
import { importReport, previousValuesFrom } from '../../src/report/import';
import { EXPECTED } from './expected-samples';
import { differences, expectedValues, readSample } from './sample-support';
import { buildFormat2021 } from '../../src/report/format/formats';

/** The format these tests read and check reports as (what a composition root builds). */
const FORMAT = buildFormat2021();

const errorsOf = (findings: readonly Finding[]) =>
  findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}:${f.key}`);

describe.each(EXPECTED.map((e) => [e.file, e] as const))('%s', (_file, expected) => {
  const result = importReport(readSample(expected.file));

  it('imports every printed figure into its cell', () => {
    expect(differences(result.values, expectedValues(expected))).toEqual([]);
  });

  it('reads 机关名称, 年度 and the format version', () => {
    expect(result.report.agency).toBe(expected.agency);
    expect(result.report.year).toBe(expected.year);
    expect(result.formatVersion).toBe(expected.formatVersion);
  });

  it('finds exactly the known errors, and no blank cell is left', () => {
    const findings = evaluateRules(result.values, { scopes: ['report'] });
    expect(errorsOf(findings).sort()).toEqual([...expected.errors].sort());
    expect(findings.filter((f) => f.rule === 'blank')).toEqual([]);
  });

  it('keeps the narrative sections as text', () => {
    expect(result.narrative.overall?.length).toBeGreaterThan(100);
    expect(result.narrative.problems?.length).toBeGreaterThan(20);
    expect(result.narrative.other?.length).toBeGreaterThan(10);
    expect(result.narrative.overallParts.length).toBeGreaterThanOrEqual(5);
    // No table figure leaks into the narrative: the 表三 header and rows stay out of 五.
    expect(result.narrative.problems).not.toContain('本年新收政府信息公开申请数量');
  });

  it('never reports a row as missing or unplaced', () => {
    const gaps = result.diagnostics.filter((d) =>
      ['rowMissing', 'notPlaced', 'noValues', 'strayValues', 'sectionMissing'].includes(d.code),
    );
    expect(gaps.map((d) => d.message)).toEqual([]);
  });
});

describe('what the importer tells the user about the samples', () => {
  const messages = (file: string) => importReport(readSample(file)).diagnostics.map((d) => `${d.code} ${d.message}`);

  it('reads 社会组织 as 社会公益组织 and says so', () => {
    expect(messages('published-2021-gaoxinqu.txt')).toContainEqual(
      expect.stringMatching(/labelVariant .*社会组织.*社会公益组织/),
    );
  });

  it('reports the lone 0 of （一）予以公开 and the extra zeros of merged cells lost', () => {
    const m = messages('published-2021-gaoxinqu.txt');
    expect(m).toContainEqual(expect.stringMatching(/inferredZero 表三「（一）予以公开」行只印有一个数 0/));
    expect(m.filter((x) => x.startsWith('extraValues')).length).toBeGreaterThan(10);
  });

  it('reads the typo 其他法律行政止公开 and the abbreviations 逾期不补正 / 逾期不缴费, naming each', () => {
    expect(messages('real/002.txt')).toContainEqual(expect.stringMatching(/labelVariant .*其他法律行政止公开/));
    const m = messages('real/004.txt');
    expect(m).toContainEqual(expect.stringMatching(/labelVariant .*逾期不补正/));
    expect(m).toContainEqual(expect.stringMatching(/labelVariant .*逾期不缴费/));
  });

  it('reports the 2019-style single （六）其他处理 row', () => {
    expect(messages('real/003.txt')).toContainEqual(expect.stringMatching(/format2019 .*（六）其他处理.*全为 0/));
  });

  it('reads nothing of the garbled table copy pasted into 005’s narrative', () => {
    const r = importReport(readSample('real/005.txt'));
    expect(r.narrative.overall).not.toContain('第二十条');
    expect(r.narrative.overall).toContain('政府信息公开标准化建设方面');
  });
});

describe('cross-year checks on imported reports', () => {
  const values = (file: string) => importReport(readSample(file)).values;
  const crossYear = (current: readonly CellContent[], previous: readonly CellContent[]) =>
    evaluateRules([...current, ...previousValuesFrom(previous, FORMAT)], { scopes: ['previous'] });

  it.each([
    ['real/004.txt', 'real/005.txt'],
    ['real/003.txt', 'real/002.txt'],
  ])('last year %s agrees with this year %s (X.carry, X.inforce)', (last, current) => {
    expect(crossYear(values(current), values(last))).toEqual([]);
  });

  it('a changed carry-over is an X.carry error naming the column', () => {
    const current = [...values('real/005.txt')];
    current[input('T3', 'carry', 'person').index] = { kind: 'number', value: 117 };
    const findings = crossYear(current, values('real/004.txt'));
    expect(findings.map((f) => `${f.rule}:${f.key}`)).toEqual(['X.carry:person']);
    expect(findings[0].message).toContain('自然人');
  });

  it('the wrong year as last year breaks X.inforce (2024 宿迁 is not last year of 2023 宿迁)', () => {
    const findings = crossYear(values('real/004.txt'), values('real/005.txt'));
    expect(findings.some((f) => f.rule === 'X.inforce')).toBe(true);
  });
});

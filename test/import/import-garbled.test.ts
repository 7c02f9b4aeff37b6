// The samples, damaged the ways copying and converting damage published reports: the figures imported stay the
// printed ones, and every normalisation is reported.
import { BLANK, INPUT_CELLS } from '../../src/report';
import { importReport } from '../../src/report/import';
import { EXPECTED } from './expected-samples';
import {
  fullWidthDigits,
  pageNumbers,
  removeTabStops,
  shiftColumns,
  slashForZero,
  splitLabels,
  wrapRows,
} from './garble';
import { differences, expectedValues, readSample } from './sample-support';

const sample = (file: string) => EXPECTED.find((e) => e.file === file)!;

describe.each([
  ['published-2021-gaoxinqu.txt', 'tab stops removed', removeTabStops],
  ['published-2021-gaoxinqu.txt', 'an extra empty column', shiftColumns],
  ['real/004.txt', 'an extra empty column', shiftColumns],
  ['real/004.txt', 'labels split across lines', splitLabels],
  ['real/004.txt', 'page numbers in 表三', pageNumbers],
  ['real/001.txt', 'rows wrapped onto the next line', wrapRows],
  ['real/002.txt', 'rows wrapped onto the next line', (t: string) => wrapRows(t, 2)],
  ['real/001.txt', 'page numbers in 表三', pageNumbers],
])('%s with %s', (file, _how, garble) => {
  const original = readSample(file);
  const garbled = garble(original);

  it('is really damaged', () => {
    expect(garbled).not.toBe(original);
  });

  it('imports the printed figures unchanged', () => {
    const r = importReport(garbled);
    expect(differences(r.values, expectedValues(sample(file)))).toEqual([]);
  });
});

describe('normalised values are reported', () => {
  it('full-width digits are read as numbers, row by row', () => {
    const r = importReport(fullWidthDigits(readSample('real/004.txt')));
    expect(differences(r.values, expectedValues(sample('real/004.txt')))).toEqual([]);
    const notes = r.diagnostics.filter((d) => d.code === 'numberText');
    expect(notes.length).toBeGreaterThanOrEqual(20);
    expect(notes[0].message).toMatch(/^表三「.+」行：.*「[０-９]+」按数字读取$/);
  });

  it('"/" for 0 is read as 0 and named', () => {
    const r = importReport(slashForZero(readSample('published-2021-gaoxinqu.txt')));
    expect(differences(r.values, expectedValues(sample('published-2021-gaoxinqu.txt')))).toEqual([]);
    const slash = r.diagnostics.filter((d) => d.code === 'slashAsZero');
    expect(slash.map((d) => d.row)).toEqual(expect.arrayContaining(['规章', '行政规范性文件', '行政许可']));
    expect(slash[0].message).toContain('按 0 读取');
  });

  it('a row whose numbers cannot be fitted is left blank and reported, never guessed', () => {
    const text = readSample('real/004.txt').replace(
      '2.重复申请 | 39 | 0 | 0 | 0 | 0 | 0 | 39',
      '2.重复申请 | 39 | 0 | 0 | 0 | 39',
    );
    const r = importReport(text);
    const d = r.diagnostics.find((x) => x.code === 'notPlaced');
    expect(d?.message).toBe(
      '表三「（五）不予处理2.重复申请」行：读到 5 个数（39 0 0 0 39），应为 7 个，无法确定各列对应关系，该行留空',
    );
    expect(d?.cells).toHaveLength(7);
    for (const name of d!.cells) expect(r.values[INPUT_CELLS.findIndex((c) => c.name === name)]).toEqual(BLANK);
    expect(differences(r.values, expectedValues(sample('real/004.txt')))).toHaveLength(7);
  });
});

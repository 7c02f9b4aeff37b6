// Row heights and column widths go to every host one call per run of equal sizes (in Univer each command re-lays
// the sheet out; in Excel and WPS each is a call): equalRuns in write-runs.ts.
import fc from 'fast-check';
import { equalRuns } from './write-runs';

test('runs of a template-like column of heights', () => {
  expect(equalRuns([20, 20, 30, 20, 20, 20])).toEqual([
    [0, 1, 20],
    [2, 2, 30],
    [3, 5, 20],
  ]);
  expect(equalRuns([])).toEqual([]);
});

test('the runs give back every size at its place, and neighbouring runs differ', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 60 }), (sizes) => {
      const runs = equalRuns(sizes);
      const back = runs.flatMap(([first, last, value]) => Array.from({ length: last - first + 1 }, () => value));
      expect(back).toEqual(sizes);
      runs.forEach(([first, last, value], i) => {
        expect(last - first + 1).toBeGreaterThan(0);
        if (i > 0) expect(runs[i - 1][2]).not.toBe(value);
        if (i > 0) expect(first).toBe(runs[i - 1][1] + 1);
      });
    }),
  );
});

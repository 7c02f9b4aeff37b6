// Row heights and column widths go to Univer one command per run of equal sizes (each command re-lays the sheet out).
import fc from 'fast-check';
import { runsOf } from './univer-cells';

test('runs of a template-like column of heights', () => {
  expect(runsOf([20, 20, 30, 20, 20, 20])).toEqual([
    { start: 0, count: 2, value: 20 },
    { start: 2, count: 1, value: 30 },
    { start: 3, count: 3, value: 20 },
  ]);
  expect(runsOf([])).toEqual([]);
});

test('the runs give back every size at its place, and neighbouring runs differ', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 60 }), (sizes) => {
      const runs = runsOf(sizes);
      const back = runs.flatMap((r) => Array.from({ length: r.count }, () => r.value));
      expect(back).toEqual(sizes);
      runs.forEach((r, i) => {
        expect(r.count).toBeGreaterThan(0);
        if (i > 0) expect(runs[i - 1].value).not.toBe(r.value);
        if (i > 0) expect(r.start).toBe(runs[i - 1].start + runs[i - 1].count);
      });
    }),
  );
});

import { equalRuns, unionChunks, writeRuns } from '../write-runs';
import { asCellValue } from './apply-edits-et';
import { bgr } from './et-api';
import { siblingUrl } from './page-url';

describe('writeRuns', () => {
  it('covers every non-null cell exactly once and no null cell', () => {
    const grid = [
      ['a', 'b', null, 'c'],
      ['d', 'e', null, null],
      [null, null, null, 'f'],
      ['g', null, 'h', 'i'],
    ];
    const runs = writeRuns(grid);
    const seen = grid.map((row) => row.map(() => 0));
    for (const r of runs)
      r.values.forEach((row, i) =>
        row.forEach((v, j) => {
          expect(grid[r.top + i][r.left + j]).toBe(v);
          seen[r.top + i][r.left + j]++;
        }),
      );
    grid.forEach((row, i) => row.forEach((v, j) => expect(seen[i][j]).toBe(v === null ? 0 : 1)));
    // a,b / d,e stack into one 2×2 rectangle.
    expect(runs[0]).toEqual({
      top: 0,
      left: 0,
      values: [
        ['a', 'b'],
        ['d', 'e'],
      ],
    });
    expect(runs).toHaveLength(5);
  });

  it('writes nothing for an all-null block', () => {
    expect(
      writeRuns([
        [null, null],
        [null, null],
      ]),
    ).toEqual([]);
  });
});

describe('unionChunks', () => {
  it('joins ranges into addresses within the length limit, keeping order', () => {
    const ranges = Array.from({ length: 100 }, (_, i) => `A${i + 1}:C${i + 1}`);
    const chunks = unionChunks(ranges, 60);
    expect(chunks.every((c) => c.length <= 60)).toBe(true);
    expect(chunks.join(',').split(',')).toEqual(ranges);
  });
});

describe('equalRuns', () => {
  it('groups consecutive equal values', () => {
    expect(equalRuns([5, 5, 7, 5])).toEqual([
      [0, 1, 5],
      [2, 2, 7],
      [3, 3, 5],
    ]);
  });
});

describe('values ET would reinterpret', () => {
  it('prefixes text that would become a number, date, formula or boolean', () => {
    expect(asCellValue('12')).toBe("'12");
    expect(asCellValue('1月2日')).toBe("'1月2日");
    expect(asCellValue('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(asCellValue('TRUE')).toBe("'TRUE");
    expect(asCellValue('本年新收政府信息公开申请数量')).toBe("'本年新收政府信息公开申请数量");
    expect(asCellValue('')).toBe('');
    expect(asCellValue(12)).toBe(12);
  });
});

describe('colours and page addresses', () => {
  it('turns RGB hex into the BGR long ET uses', () => {
    expect(bgr('FF0000')).toBe(255);
    expect(bgr('0000FF')).toBe(255 * 65536);
    expect(bgr('FFC7CE')).toBe(0xff + 0xc7 * 256 + 0xce * 65536);
    expect(() => bgr('red')).toThrow();
  });

  it('finds the task pane next to the main page, online and offline', () => {
    expect(siblingUrl('http://intra/nianbao/index.html?x=1#a', 'taskpane.html')).toBe(
      'http://intra/nianbao/taskpane.html',
    );
    expect(siblingUrl('http://intra/nianbao/', 'taskpane.html')).toBe('http://intra/nianbao/taskpane.html');
    expect(
      siblingUrl('file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/nianbao_0.1.0/index.html', 'taskpane.html'),
    ).toBe('file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/nianbao_0.1.0/taskpane.html');
  });
});

// The two small rules the importer rests on: how a printed label is matched, and when a row's numbers are placed.
import { bestMatch, labelParts, splitAtOrdinals, targetOf } from '../../src/report/import/label-text';
import { placeTokens } from '../../src/report/import/place-values';
import { classifyCell, type CellToken } from '../../src/report/import/source-lines';

const n = (...v: (number | '/' | '')[]): CellToken[] => v.map((x) => classifyCell(String(x)));
const sumIdentity = (v: readonly number[]) => v[v.length - 1] === v.slice(0, -1).reduce((a, b) => a + b, 0);

describe('labelParts', () => {
  it.each([
    ['1、申请人无正当理由逾期不补', { kind: 'arabic', n: 1 }, '申请人无正当理由逾期不补'],
    ['（二）部分公开（区分处理的，只计这一情', { kind: 'paren', n: 2 }, '部分公开'],
    ['形，不计其他情形）', null, ''],
    ['[六、其他需要报告的事项]', { kind: 'top', n: 6 }, '其他需要报告的事项'],
    ['现行有效件数（历史累计）', null, '现行有效件数'],
    ['3.危及“三安全一稳定”', { kind: 'arabic', n: 3 }, '危及三安全一稳定'],
    ['２．重复申请', { kind: 'arabic', n: 2 }, '重复申请'],
  ])('%s', (text, ordinal, core) => {
    expect(labelParts(text)).toEqual({ ordinal, core });
  });

  it('splits a group heading from the row label in one cell, not 第二十条第（一）项', () => {
    expect(splitAtOrdinals('（三）不予公开 1.属于国家秘密')).toEqual(['(三)不予公开', '1.属于国家秘密']);
    expect(splitAtOrdinals('第二十条第（一）项')).toEqual(['第二十条第(一)项']);
  });
});

describe('bestMatch', () => {
  const targets = [
    targetOf('law', '2.其他法律行政法规禁止公开', ['其他法律法规禁止公开']),
    targetOf('other', '3.其他'),
  ];
  it('reads a typo, a variant and a broken label; refuses a wrong ordinal', () => {
    expect(bestMatch(labelParts('2.其他法律行政止公开'), targets)?.target.value).toBe('law');
    expect(bestMatch(labelParts('2.其他法律行政止公开'), targets)?.how).toBe('typo');
    expect(bestMatch(labelParts('2、其他法律法规禁止公开'), targets)?.keyIndex).toBe(1);
    expect(bestMatch(labelParts('2.其他法律'), targets)?.how).toBe('start');
    expect(bestMatch(labelParts('3.其他法律行政法规禁止公开'), targets)?.target.value).toBe('other');
    expect(bestMatch(labelParts('5.其他'), targets)).toBeNull();
  });
});

describe('placeTokens', () => {
  it('places a full row in order, reads "/" as 0 and leaves an explicit blank empty (a blank is not a 0)', () => {
    const r = placeTokens(3, n(1, '/', ''), true);
    expect(r).toMatchObject({
      kind: 'placed',
      cells: [{ value: 1 }, { value: 0, from: 'slash' }, { value: null, from: 'blank' }],
    });
  });

  it('drops an extra number only when one reading satisfies the identity', () => {
    expect(placeTokens(7, n(1, 0, 0, 0, 0, 0, 0, 1), false, sumIdentity)).toMatchObject({
      kind: 'placed',
      cells: [1, 0, 0, 0, 0, 0, 1].map((value) => ({ value })),
      dropped: [1],
    });
    // 3 4 1 0 0 0 0 8: dropping a 0 leaves 3+4+1 = 8; dropping the 1 leaves 3+4 ≠ 8 … one reading only.
    expect(placeTokens(7, n(3, 4, 1, 0, 0, 0, 0, 8), false, sumIdentity).kind).toBe('placed');
    // 1 0 1 0 0 0 0 1: dropping the first 1 or the second gives two different rows → not placed.
    expect(placeTokens(7, n(1, 0, 1, 0, 0, 0, 0, 1), false, sumIdentity)).toMatchObject({ kind: 'over', readings: 2 });
    expect(placeTokens(3, n(1, 2, 3, 4), false)).toMatchObject({ kind: 'over' });
  });

  it('says short when numbers are missing (they may wrap onto the next line)', () => {
    expect(placeTokens(7, n(1, 2), false, sumIdentity)).toMatchObject({ kind: 'short' });
  });
});

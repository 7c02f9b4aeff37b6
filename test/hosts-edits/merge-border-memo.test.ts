// The merged-border scan of Univer's style cache, done once per merge edge per cache (issue #15). A stand-in class
// with the method's shape (engine-render 0.25.1: `_setMergeBorderProps(type, cache, mergeRange)`, called for every
// bordered cell of a merge, writing into `cache.border`); the real class's source is checked to have that shape, and the
// page's pixels with and without the memo were compared once by hand (docs/web.md).
import { readFileSync } from 'node:fs';
import { memoiseMergeBorders } from '../../src/hosts/web/merge-border-memo';

interface Range {
  startRow: number;
  startColumn: number;
  endRow: number;
  endColumn: number;
}

function standIn() {
  const calls: string[] = [];
  class Skeleton {
    _setMergeBorderProps(type: string, cache: { border?: object }, range: Range): void {
      calls.push(`${type}${range.startRow}${range.startColumn}${range.endRow}${range.endColumn}`);
      void cache;
    }
  }
  return { Skeleton, calls };
}

const merge = (r: number, c: number, r2: number, c2: number): Range => ({
  startRow: r,
  startColumn: c,
  endRow: r2,
  endColumn: c2,
});

describe('merged borders scanned once per merge edge per style cache', () => {
  it('Univer 0.25.1 has the method it wraps, in the shape it expects, and builds the cache from a new matrix', () => {
    // The ES build the page bundles (jest cannot load Univer's modules).
    const source = readFileSync(require.resolve('@univerjs/engine-render/lib/es/index.js'), 'utf8');
    expect(source).toMatch(/\n\t_setMergeBorderProps\(type, cache, mergeRange\) \{/);
    expect(source).toMatch(/_setMergeBorderProps\("t", this\._stylesCache, mergeRange\)/);
    // Every reset of the style cache makes a new border matrix (what the memo keys on) with the per-cell marks.
    const resets = source.match(/this\._stylesCache = \{[\s\S]{0,200}/g) ?? [];
    expect(resets.length).toBeGreaterThan(0);
    for (const r of resets) expect(r).toContain('border: new ObjectMatrix()');
  });

  it('scans each edge of a merge once while the cache lives, and again for a new cache', () => {
    const { Skeleton, calls } = standIn();
    expect(memoiseMergeBorders(Skeleton.prototype)).toBe(true);
    const s = new Skeleton();
    const cache = { border: {} };
    // The three cells of a 1×3 merge each ask for all four edges, as Univer's _setBorderStylesCache does.
    for (let cell = 0; cell < 3; cell++)
      for (const edge of ['t', 'b', 'l', 'r']) s._setMergeBorderProps(edge, cache, merge(4, 0, 4, 2));
    expect(calls).toEqual(['t4042', 'b4042', 'l4042', 'r4042']);
    // Another merge in the same cache is its own.
    s._setMergeBorderProps('t', cache, merge(5, 0, 6, 2));
    expect(calls).toHaveLength(5);
    // The sheet model changed: Univer builds the cache again from a new border matrix, and every edge is read anew.
    const rebuilt = { border: {} };
    s._setMergeBorderProps('t', rebuilt, merge(4, 0, 4, 2));
    expect(calls).toHaveLength(6);
  });

  it('passes through a call without a border cache, and leaves a method of another shape alone', () => {
    const { Skeleton, calls } = standIn();
    memoiseMergeBorders(Skeleton.prototype);
    const s = new Skeleton();
    s._setMergeBorderProps('t', {}, merge(1, 1, 1, 2));
    s._setMergeBorderProps('t', {}, merge(1, 1, 1, 2));
    expect(calls).toHaveLength(2);

    class Other {
      _setMergeBorderProps(type: string): string {
        return type;
      }
    }
    expect(memoiseMergeBorders(Other.prototype)).toBe(false);
    expect(new Other()._setMergeBorderProps('t')).toBe('t');
    expect(memoiseMergeBorders({})).toBe(false);
  });

  it('wraps a class once however often it is asked', () => {
    const { Skeleton, calls } = standIn();
    memoiseMergeBorders(Skeleton.prototype);
    memoiseMergeBorders(Skeleton.prototype);
    const cache = { border: {} };
    new Skeleton()._setMergeBorderProps('l', cache, merge(0, 0, 1, 0));
    new Skeleton()._setMergeBorderProps('l', cache, merge(0, 0, 1, 0));
    expect(calls).toEqual(['l0010']);
  });
});

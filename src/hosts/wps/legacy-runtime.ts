// What the bundle needs from the browser that WPS's embedded Chromium may predate (12.1.0.26200 lacked
// crypto.randomUUID; Linux builds ship older engines). Syntax is lowered by the build (config/webpack.wps.cjs);
// these fill in library functions, only where missing. Imported first by both entry points.
/* eslint-disable @typescript-eslint/no-explicit-any */

function define(target: any, name: string, value: unknown): void {
  if (target && !(name in target))
    Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

const g: any = typeof self !== 'undefined' ? self : typeof window !== 'undefined' ? window : Function('return this')();
if (typeof g.globalThis === 'undefined') g.globalThis = g;

define(Array.prototype, 'flat', function flat(this: unknown[], depth = 1): unknown[] {
  const out: unknown[] = [];
  const walk = (xs: unknown[], d: number) => {
    for (const x of xs)
      if (Array.isArray(x) && d > 0) walk(x, d - 1);
      else out.push(x);
  };
  walk(this, Number(depth));
  return out;
});
define(
  Array.prototype,
  'flatMap',
  function flatMap(this: unknown[], fn: (x: unknown, i: number, a: unknown[]) => unknown, thisArg?: unknown) {
    return (this.map(fn, thisArg) as any).flat(1);
  },
);
define(Array.prototype, 'at', function at(this: unknown[], i: number) {
  const n = Math.trunc(i) || 0;
  return this[n < 0 ? this.length + n : n];
});
define(
  Array.prototype,
  'findLast',
  function findLast(this: unknown[], fn: (x: unknown, i: number, a: unknown[]) => boolean) {
    for (let i = this.length - 1; i >= 0; i--) if (fn(this[i], i, this)) return this[i];
    return undefined;
  },
);
define(
  Array.prototype,
  'findLastIndex',
  function findLastIndex(this: unknown[], fn: (x: unknown, i: number, a: unknown[]) => boolean) {
    for (let i = this.length - 1; i >= 0; i--) if (fn(this[i], i, this)) return i;
    return -1;
  },
);
define(String.prototype, 'at', function at(this: string, i: number) {
  const n = Math.trunc(i) || 0;
  return this[n < 0 ? this.length + n : n];
});
define(String.prototype, 'replaceAll', function replaceAll(this: string, search: string | RegExp, replacement: any) {
  if (search instanceof RegExp) return this.replace(search, replacement);
  return this.split(search).join(replacement);
});
define(String.prototype, 'trimStart', function trimStart(this: string) {
  return this.replace(/^\s+/, '');
});
define(String.prototype, 'trimEnd', function trimEnd(this: string) {
  return this.replace(/\s+$/, '');
});
define(Object, 'fromEntries', function fromEntries(entries: Iterable<[PropertyKey, unknown]>) {
  const o: Record<PropertyKey, unknown> = {};
  for (const [k, v] of entries) o[k] = v;
  return o;
});
define(Object, 'hasOwn', function hasOwn(o: object, k: PropertyKey) {
  return Object.prototype.hasOwnProperty.call(o, k);
});
define(Promise.prototype, 'finally', function fin(this: Promise<unknown>, fn: () => void) {
  return this.then(
    (v) => Promise.resolve(fn()).then(() => v),
    (e) => Promise.resolve(fn()).then(() => Promise.reject(e)),
  );
});
define(Promise, 'allSettled', function allSettled(ps: Iterable<unknown>) {
  return Promise.all(
    Array.from(ps, (p) =>
      Promise.resolve(p).then(
        (value) => ({ status: 'fulfilled', value }),
        (reason) => ({ status: 'rejected', reason }),
      ),
    ),
  );
});
define(g, 'queueMicrotask', function queueMicrotask(fn: () => void) {
  Promise.resolve()
    .then(fn)
    .catch((e) =>
      setTimeout(() => {
        throw e;
      }),
    );
});
if (g.crypto && typeof g.crypto.getRandomValues === 'function')
  define(g.crypto, 'randomUUID', function randomUUID() {
    const b: Uint8Array = g.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => (x + 0x100).toString(16).slice(1));
    return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
  });
export {};

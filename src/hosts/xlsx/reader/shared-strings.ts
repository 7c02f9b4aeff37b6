// The shared-string table read lazily: only the indexes the named cells use, and only up to the last of them.
// An item's text is its <t> runs, plain or rich (<r><t>), joined; phonetic runs (<rPh>) are not part of it.
import { LIMIT_REASONS, refuse } from './limits';
import { streamXml, type XmlSource } from './xml-stream';
import type { ZipEntry } from './zip-entries';

/** Excel's escape for characters XML cannot carry: _x000D_ is a carriage return. */
export function decodeEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  let out = '';
  let i = 0;
  for (let at = s.indexOf('_x'); at >= 0; at = s.indexOf('_x', i)) {
    const hex = s.slice(at + 2, at + 6);
    if (s[at + 6] === '_' && hex.length === 4 && /^[0-9A-F]{4}$/.test(hex)) {
      out += s.slice(i, at) + String.fromCharCode(parseInt(hex, 16));
      i = at + 7;
    } else {
      out += s.slice(i, at + 2);
      i = at + 2;
    }
  }
  return out + s.slice(i);
}

/** The texts of `wanted` indexes; an index past the table's end is absent from the result. */
export function readSharedStrings(
  source: XmlSource,
  entry: ZipEntry | undefined,
  wanted: ReadonlySet<number>,
): Map<number, string> {
  const found = new Map<number, string>();
  if (!entry || wanted.size === 0) return found;
  const last = Math.max(...wanted);
  const limit = source.budget.limits.sharedStrings;
  let index = -1;
  let collecting = false;
  let inT = false;
  let inPhonetic = 0;
  let parts: string[] = [];
  streamXml(source, entry, {
    open(name, _attrs, depth) {
      if (name === 'si' && depth === 2) {
        index++;
        if (index >= limit) refuse(LIMIT_REASONS.sharedStrings(limit));
        collecting = wanted.has(index);
        parts = [];
      } else if (name === 'rPh') inPhonetic++;
      else if (name === 't' && collecting && inPhonetic === 0) inT = true;
    },
    text(t) {
      if (inT) parts.push(t);
    },
    close(name, depth) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic--;
      else if (name === 'si' && depth === 2 && collecting) {
        found.set(index, decodeEscapes(parts.join('')));
        collecting = false;
      }
    },
    done: () => index > last || (index === last && !collecting),
  });
  return found;
}

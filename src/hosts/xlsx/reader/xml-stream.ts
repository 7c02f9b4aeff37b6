// One part's XML streamed through saxes as it inflates, with the depth and attribute limits enforced and
// element names without their namespace prefix (x:c and c are the same cell). The handlers say when they have
// what they need; the rest of the part is then neither inflated nor parsed.
import { SaxesParser } from 'saxes';
import { LIMIT_REASONS, refuse, type Deadline, type ReadLimits } from './limits';
import { inflateEntry, type InflateBudget, type ZipEntry } from './zip-entries';

export interface XmlHandlers {
  open(name: string, attrs: Readonly<Record<string, string>>, depth: number): void;
  close(name: string, depth: number): void;
  text?(text: string): void;
  /** True once the handlers need nothing more from this part. */
  done(): boolean;
}

/** Characters handed to the parser at a time. */
const PARSE_SLICE = 4096;

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

export interface XmlSource {
  readonly zip: Uint8Array;
  readonly budget: InflateBudget;
  readonly deadline: Deadline;
}

/** Streams `entry` through `handlers` until the part ends or `handlers.done()`. */
export function streamXml(source: XmlSource, entry: ZipEntry, handlers: XmlHandlers): void {
  const { limits } = source.budget;
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let stopped = false;
  parser.on('error', (e) => refuse(`${entry.name} 不是格式正确的 XML（${e.message.split('\n')[0]}），文件已损坏`));
  parser.on('opentag', (tag) => {
    if (stopped) return;
    depth++;
    if (depth > limits.xmlDepth) refuse(LIMIT_REASONS.xmlDepth(entry.name, limits.xmlDepth));
    const attrs = tag.attributes as Record<string, string>;
    for (const k in attrs)
      if (attrs[k].length > limits.attributeChars)
        refuse(LIMIT_REASONS.attributeChars(entry.name, limits.attributeChars));
    handlers.open(localName(tag.name), attrs, depth);
    stopped = handlers.done();
  });
  parser.on('closetag', (tag) => {
    if (stopped) return;
    handlers.close(localName(tag.name), depth);
    depth--;
    stopped = handlers.done();
  });
  const onText = (t: string) => {
    if (stopped || !handlers.text) return;
    if (t.length > limits.attributeChars) refuse(LIMIT_REASONS.attributeChars(entry.name, limits.attributeChars));
    handlers.text(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  const decoder = new TextDecoder('utf-8');
  inflateEntry(source.zip, entry, source.budget, (chunk) => {
    source.deadline.check();
    const text = decoder.decode(chunk, { stream: true });
    // In slices, so that parsing ends soon after the handlers have what they need.
    for (let i = 0; i < text.length && !stopped; i += PARSE_SLICE) parser.write(text.slice(i, i + PARSE_SLICE));
    return !stopped;
  });
  if (!stopped) {
    parser.write(decoder.decode());
    parser.close();
  }
}

/**
 * The text of the first `<local …>…</local>` element in `xml` (any prefix), found by plain string search; null
 * when absent. Lets a reader parse two small regions of a large part (the styles' formats) instead of all of it.
 */
export function elementText(xml: string, local: string): string | null {
  for (let at = xml.indexOf(local); at >= 0; at = xml.indexOf(local, at + local.length)) {
    let open = at - 1;
    if (xml[open] === ':') while (open > 0 && xml[open] !== '<' && xml[open] !== '>' && xml[open] !== ' ') open--;
    const after = xml[at + local.length];
    if (xml[open] !== '<' || !(after === ' ' || after === '>' || after === '/' || after === '\n' || after === '\t'))
      continue;
    const prefix = xml.slice(open + 1, at);
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) return null;
    if (xml[tagEnd - 1] === '/') return xml.slice(open, tagEnd + 1);
    const close = xml.indexOf(`</${prefix}${local}>`, tagEnd);
    return close < 0 ? null : xml.slice(open, close + prefix.length + local.length + 3);
  }
  return null;
}

/** Parses a fragment of XML (already inflated, bounded by the part's limits) through the same handlers. */
export function parseFragment(
  xml: string,
  part: string,
  limits: ReadLimits,
  handlers: Omit<XmlHandlers, 'done'>,
): void {
  const parser = new SaxesParser({ xmlns: false, position: false, fragment: true });
  let depth = 0;
  parser.on('error', (e) => refuse(`${part} 不是格式正确的 XML（${e.message.split('\n')[0]}），文件已损坏`));
  parser.on('opentag', (tag) => {
    if (++depth > limits.xmlDepth) refuse(LIMIT_REASONS.xmlDepth(part, limits.xmlDepth));
    handlers.open(localName(tag.name), tag.attributes as Record<string, string>, depth);
  });
  parser.on('closetag', (tag) => {
    handlers.close(localName(tag.name), depth);
    depth--;
  });
  parser.write(xml).close();
}

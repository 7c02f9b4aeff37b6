// One part's XML streamed through saxes as it inflates, with the depth and attribute limits enforced and
// element names without their namespace prefix (x:c and c are the same cell). The handlers say when they have
// what they need; the rest of the part is then neither inflated nor parsed.
import { SaxesParser } from 'saxes';
import { LIMIT_REASONS, refuse, type Deadline } from './limits';
import { inflateEntry, type InflateBudget, type ZipEntry } from './zip-entries';

export interface XmlHandlers {
  open(name: string, attrs: Readonly<Record<string, string>>, depth: number): void;
  close(name: string, depth: number): void;
  text?(text: string): void;
  /** True once the handlers need nothing more from this part. */
  done(): boolean;
}

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
    parser.write(decoder.decode(chunk, { stream: true }));
    return !stopped;
  });
  if (!stopped) {
    parser.write(decoder.decode());
    parser.close();
  }
}

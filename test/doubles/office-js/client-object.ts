// The load/sync contract of Office.js proxies: a scalar property reads as a PropertyNotLoaded error until it was
// load()ed AND a sync() has run; a write is queued as an action that reaches the document only at sync.
import type { DocumentState } from './document';

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    where?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation: where };
  }
}

export function fail(code: string, message: string, where?: string): never {
  throw new FakeOfficeError(code, message, where);
}

/** What one queued action may report back to the sync that runs it. */
export interface BatchLog {
  /** Value writes, for the ThisLocalAddin change events fired after the sync. */
  readonly valueWrites: {
    sheetId: string;
    top: number;
    left: number;
    bottom: number;
    right: number;
    details?: Record<string, unknown>;
  }[];
  /** Things worth counting, e.g. 'screenSuspended'. */
  readonly notes: Set<string>;
}

export interface QueuedAction {
  readonly where: string;
  /** Its size in the request (actionBytes); the envelope alone when not given. */
  readonly bytes?: number;
  /** Runs against the document at sync; may return a commit run only once the whole batch succeeded. */
  run(doc: DocumentState, log: BatchLog): void | (() => void);
}

export interface ContextLike {
  enqueue(action: QueuedAction): void;
  requireSet(version: string, where: string): void;
  /** A proxy was created: Office.js sends an object path (and an Instantiate action) for it with the next sync. */
  notePath?(typeName: string): void;
}

/**
 * Bytes one action adds to a request as Office.js serializes it: a JSON object such as
 * {"Id":13,"ActionType":4,"Name":"Color","ObjectPathId":11,"ArgumentInfo":{"Arguments":["#FF0000"]},"L":[1,3,5]}
 * (the RichApi request body of office.js's OfficeExtension serializer). The constant is the envelope; the
 * argument is counted as JSON.
 */
export const ACTION_ENVELOPE_BYTES = 70;
/**
 * An object path: its ObjectPaths entry ({"Id":7,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":5,
 * "ArgumentInfo":{"Arguments":["A1"]}}), its Instantiate action ({"Id":8,"ActionType":1,"Name":"","ObjectPathId":7})
 * and its ids in the "L" lists of the actions that use it. Derived from Office.js's own serializer
 * (serializer-agreement.test.ts runs @microsoft/office-js 1.1.110's excel-web-16.00.debug.js): the template insert
 * gives 8,136 object paths, 15,153 actions and 2,297,430 bytes there, and 180 bytes a path makes the fake's total
 * agree within 1%; a second, different batch checks it.
 */
export const PATH_BYTES = 180;

export function actionBytes(name: string, args: readonly unknown[] = []): number {
  return ACTION_ENVELOPE_BYTES + name.length + (args.length ? Buffer.byteLength(JSON.stringify(args)) : 0);
}

export interface ScalarSpec<P> {
  get(self: P, doc: DocumentState): unknown;
  set?(self: P, doc: DocumentState, value: unknown, log: BatchLog): void;
  /** ExcelApi set that introduced the property. */
  since?: string;
}

const NOT_LOADED =
  "The property '%s' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

export abstract class ClientObject {
  /** Values that arrived with a sync (or that this proxy itself assigned, as office.js keeps them). */
  readonly loaded = new Map<string, unknown>();
  /** Set for *OrNullObject proxies; resolved at the next sync. */
  nullState: 'no' | 'pending' | 'null' | 'present' = 'no';

  constructor(readonly context: ContextLike) {
    context.notePath?.(this.constructor.name);
  }

  abstract readonly typeName: string;
  /** Scalars, declared once per class by defineScalars. */
  declare readonly scalarSpecs: Readonly<Record<string, ScalarSpec<ClientObject>>>;

  private readonly children = new Map<string, object>();
  /** Navigation properties hand back the same child proxy every time, as office.js does. */
  protected child<C extends object>(key: string, make: () => C): C {
    let c = this.children.get(key);
    if (!c) this.children.set(key, (c = make()));
    return c as C;
  }

  /** Child proxies reachable in a load path ("format/fill/color"). */
  navigation(_name: string): ClientObject | undefined {
    return undefined;
  }

  /** Throws ItemNotFound when the object this proxy stands for does not exist (at sync time). */
  abstract exists(doc: DocumentState): void;

  get isNullObject(): boolean {
    if (this.nullState === 'no') return false;
    if (this.nullState === 'pending')
      fail('PropertyNotLoaded', NOT_LOADED.replace('%s', 'isNullObject'), `${this.typeName}.isNullObject`);
    return this.nullState === 'null';
  }

  protected makeNullable(): this {
    this.nullState = 'pending';
    this.context.enqueue({
      where: `${this.typeName}.isNullObject`,
      run: (doc) => {
        let present = true;
        try {
          this.exists(doc);
        } catch {
          present = false;
        }
        return () => {
          this.nullState = present ? 'present' : 'null';
        };
      },
    });
    return this;
  }

  readScalar(name: string): unknown {
    if (!this.loaded.has(name)) fail('PropertyNotLoaded', NOT_LOADED.replace('%s', name), `${this.typeName}.${name}`);
    return this.loaded.get(name);
  }

  writeScalar(name: string, value: unknown): void {
    const spec = this.scalarSpecs[name];
    if (!spec?.set) throw new TypeError(`Cannot assign to read only property '${name}' of ${this.typeName}`);
    if (spec.since) this.context.requireSet(spec.since, `${this.typeName}.${name}`);
    this.loaded.set(name, value);
    const where = `${this.typeName}.${name}`;
    this.context.enqueue({
      where,
      bytes: actionBytes(name, [value]),
      run: (doc, log) => spec.set!(this, doc, value, log),
    });
  }

  /** Same argument forms as office.js: "a, b/c", ["a", "b/c"], { select: "a,b" }, or nothing for all scalars. */
  load(what?: string | string[] | { select?: string | string[] }): this {
    const paths = loadPaths(what);
    this.context.enqueue({ where: `${this.typeName}.load`, run: (doc) => collect(this, paths, doc) });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

function loadPaths(what?: string | string[] | { select?: string | string[] }): string[] {
  const raw = what === undefined ? [] : typeof what === 'string' || Array.isArray(what) ? what : (what.select ?? []);
  const list = typeof raw === 'string' ? raw.split(',') : raw.flatMap((s) => s.split(','));
  return list.map((s) => s.trim()).filter(Boolean);
}

/** Reads what `paths` asks for from the document now; returns a commit that makes it visible on the proxies. */
function collect(obj: ClientObject, paths: readonly string[], doc: DocumentState): () => void {
  const wanted = paths.length ? paths : Object.keys(obj.scalarSpecs);
  if (obj.nullState !== 'no') {
    // A null object loads as nulls instead of failing the batch.
    try {
      obj.exists(doc);
    } catch {
      return () => wanted.forEach((p) => obj.loaded.set(p.split('/')[0], null));
    }
  } else obj.exists(doc);
  const groups = new Map<string, string[]>();
  for (const p of wanted) {
    const [head, ...rest] = p.split('/');
    groups.set(head, [...(groups.get(head) ?? []), ...(rest.length ? [rest.join('/')] : [])]);
  }
  const commits: (() => void)[] = [];
  for (const [head, rest] of groups) {
    const spec = obj.scalarSpecs[head];
    if (spec) {
      if (rest.length) fail('InvalidArgument', `'${head}' is a property, not an object`, `${obj.typeName}.load`);
      const value = spec.get(obj, doc);
      commits.push(() => obj.loaded.set(head, value));
      continue;
    }
    if (head === 'items' && obj instanceof ClientCollection) {
      const items = obj.currentItems(doc);
      for (const item of items) commits.push(collect(item, rest, doc));
      commits.push(() => obj.loaded.set('items', items));
      continue;
    }
    const child = obj.navigation(head);
    if (!child) fail('PropertyNotFound', `'${head}' is not a property of ${obj.typeName}`, `${obj.typeName}.load`);
    commits.push(collect(child, rest, doc));
  }
  return () => commits.forEach((c) => c());
}

export abstract class ClientCollection<T extends ClientObject> extends ClientObject {
  abstract currentItems(doc: DocumentState): T[];
  get items(): T[] {
    return this.readScalar('items') as T[];
  }
}

Object.defineProperty(ClientObject.prototype, 'scalarSpecs', { value: {} });

/** Declares scalar properties on a proxy class: getters read loaded values, setters queue an action. */
export function defineScalars<P extends ClientObject>(
  cls: abstract new (...args: never[]) => P,
  specs: Record<string, ScalarSpec<P>>,
): void {
  Object.defineProperty(cls.prototype, 'scalarSpecs', { value: specs });
  for (const name of Object.keys(specs))
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: P) {
        return this.readScalar(name);
      },
      set(this: P, value: unknown) {
        this.writeScalar(name, value);
      },
    });
}

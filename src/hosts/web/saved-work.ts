// Work in progress kept in the browser (IndexedDB), so a reload or a closed tab loses nothing: the values by
// defined name (agency and year included) and, when the user opened a file, that file's bytes and name so 保存
// continues the same workbook.
import { plainValue, type CellContent } from '../../report';

/** A formula the user typed into a cell, kept as one (with its leading '='); every string is text. */
export interface SavedFormula {
  readonly formula: string;
}

export type SavedValue = string | number | boolean | null | SavedFormula;

export const isSavedFormula = (v: SavedValue | undefined): v is SavedFormula => typeof v === 'object' && v !== null;

export interface SavedWork {
  /** Defined name → value; a formula as { formula: '=…' }, so that text starting with '=' stays text. */
  readonly values: Readonly<Record<string, SavedValue>>;
  readonly fileName?: string;
  readonly fileBytes?: ArrayBuffer;
  readonly savedAt: string;
}

/** A cell's content as the page stores and writes it: a formula typed as one, everything else as its value. */
export function savedValue(c: CellContent): SavedValue {
  if (c.formula) return { formula: c.formula.startsWith('=') ? c.formula : `=${c.formula}` };
  return plainValue(c);
}

const DB = 'nianbao-web';
const STORE = 'work';
const KEY = 'current';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function loadWork(): Promise<SavedWork | null> {
  try {
    const work = await run('readonly', (s) => s.get(KEY) as IDBRequest<SavedWork | undefined>);
    return work && typeof work.values === 'object' ? work : null;
  } catch {
    // Private windows may refuse IndexedDB: start empty rather than fail.
    return null;
  }
}

export async function storeWork(work: SavedWork): Promise<void> {
  await run('readwrite', (s) => s.put(work, KEY));
}

export async function clearWork(): Promise<void> {
  await run('readwrite', (s) => s.delete(KEY));
}

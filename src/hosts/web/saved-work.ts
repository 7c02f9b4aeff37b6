// Work in progress kept in the browser (IndexedDB), so a reload or a closed tab loses nothing: every field of the
// workbook model by defined name (workbookFields: numbers, agency and year, 补充信息 texts and templates) and, when
// the user opened a file, that file's bytes and name so 保存 continues the same workbook.
import type { SavedValue } from '../workbook-values';

export { isSavedFormula, savedValue, type SavedFormula, type SavedValue } from '../workbook-values';

export interface SavedWork {
  /** Defined name → value; a formula as { formula: '=…' }, so that text starting with '=' stays text. */
  readonly values: Readonly<Record<string, SavedValue>>;
  readonly fileName?: string;
  readonly fileBytes?: ArrayBuffer;
  /** The values as last opened from or saved to a file (or as first built): work differing from them is unsaved. */
  readonly baseline?: Readonly<Record<string, SavedValue>>;
  readonly savedAt: string;
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

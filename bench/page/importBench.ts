// Baselines of "import from CSV", in a page of the app's origin after the app imported the file:
// a plain Dexie bulkPut of the very records the import wrote (read back from the store, match keys
// and all), in chunks of the import's size, into a fresh database of the same schema and into a
// key-only one (the storage limit). Never the product's store.
import Dexie from 'dexie';
import { getDb, SCHEMA_V1 } from '../../shared/db/database.ts';
import { IMPORT_CHUNK } from '../../shared/db/commands/import.ts';
import type { Entity } from '../../shared/model/types.ts';
import { longestTaskDuring } from './longtasks.ts';

const SAME_SCHEMA_DB = 'radar-bench-bulkput';
const KEY_ONLY_DB = 'radar-bench-keyonly';
const RAW_SAME_DB = 'radar-bench-raw';
const RAW_KEY_ONLY_DB = 'radar-bench-raw-keyonly';

let prepared: Entity[] = [];

/** Loads the entities an import of these files wrote (their source is one of the files). */
export async function loadImported(fileNames: string[]): Promise<number> {
  const urls = new Set(fileNames.map((f) => `file:${f}`));
  prepared = await getDb().entities.filter((e) => e.sources.some((s) => urls.has(s.url))).toArray();
  return prepared.length;
}

export interface BulkPutSample {
  ms: number;
  records: number;
  longestTask: number;
}

/**
 * The floor: the same records put with raw IndexedDB (no Dexie), one transaction per chunk, each
 * chunk's puts all in flight at once, into a fresh database whose `entities` store has the same
 * indexes (`*domains`, `*keys`) or the key only. What IndexedDB itself costs per record here.
 */
export async function importRawPut(schema: 'same' | 'key-only'): Promise<BulkPutSample> {
  if (prepared.length === 0) throw new Error('nothing loaded: call loadImported first');
  const name = schema === 'same' ? RAW_SAME_DB : RAW_KEY_ONLY_DB;
  await Dexie.delete(name);
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('entities', { keyPath: 'id' });
      if (schema === 'same') {
        store.createIndex('domains', 'domains', { multiEntry: true });
        store.createIndex('keys', 'keys', { multiEntry: true });
      }
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const t = performance.now();
    const { longestTask } = await longestTaskDuring(async () => {
      for (let i = 0; i < prepared.length; i += IMPORT_CHUNK) {
        await new Promise<void>((resolve, reject) => {
          const tx = idb.transaction('entities', 'readwrite');
          const store = tx.objectStore('entities');
          for (const e of prepared.slice(i, i + IMPORT_CHUNK)) store.put(e);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
      }
    });
    const ms = performance.now() - t;
    const stored = await new Promise<number>((resolve, reject) => {
      const req = idb.transaction('entities').objectStore('entities').count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    if (stored !== prepared.length) throw new Error(`raw put stored ${stored} of ${prepared.length}`);
    return { ms, records: stored, longestTask };
  } finally {
    idb.close();
    await Dexie.delete(name);
  }
}

export async function importBulkPut(schema: 'same' | 'key-only'): Promise<BulkPutSample> {
  if (prepared.length === 0) throw new Error('nothing loaded: call loadImported first');
  const name = schema === 'same' ? SAME_SCHEMA_DB : KEY_ONLY_DB;
  await Dexie.delete(name);
  const db = new Dexie(name);
  db.version(1).stores(schema === 'same' ? SCHEMA_V1 : { entities: 'id' });
  await db.open();
  const table = db.table<Entity, string>('entities');
  try {
    const t = performance.now();
    const { longestTask } = await longestTaskDuring(async () => {
      for (let i = 0; i < prepared.length; i += IMPORT_CHUNK) await table.bulkPut(prepared.slice(i, i + IMPORT_CHUNK));
    });
    const ms = performance.now() - t;
    const stored = await table.count();
    if (stored !== prepared.length) throw new Error(`bulkPut stored ${stored} of ${prepared.length}`);
    return { ms, records: stored, longestTask };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

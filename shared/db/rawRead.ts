// Reads of the directory without Dexie, for the background: it wakes for every navigation, and
// Dexie (~98 KB minified) is most of what it would otherwise load to answer one indexed read. Only
// reads: every write goes through Dexie and the commands (shared/db/commands), which also create
// and upgrade the database — so this never creates it, and it steps aside at once when another
// context upgrades the schema.
import type { Entity } from '../model/types.ts';
import { DB_NAME } from './names.ts';

/** The lookups a badge decision needs (shared/db/queries.ts has the same over Dexie). */
export interface DirectoryReader {
  /** The first entity with this site key in `domains`. */
  entityBySiteKey(key: string): Promise<Entity | undefined>;
  /** The first entity with any of these match keys (`krs:…`, `nip:…`), in key order. */
  entityByMatchKey(keys: readonly string[]): Promise<Entity | undefined>;
  /** A setting's value (e.g. the directory revision). */
  setting(key: string): Promise<unknown>;
  /** How many entries of `store` have `value` in `index`. */
  count(store: string, index: string, value: IDBValidKey): Promise<number>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * The existing database, or undefined when it was never created (the first install, before the
 * default directory is loaded): opening it without a version would create an empty version 1,
 * which Dexie would then refuse to upgrade — so the creation is aborted.
 */
function openExisting(name: string, factory: IDBFactory): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const open = factory.open(name);
    let created = false;
    open.onupgradeneeded = () => {
      created = true;
      open.transaction?.abort();
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => (created ? resolve(undefined) : reject(open.error));
    open.onblocked = () => resolve(undefined);
  });
}

export function rawReader(name: string = DB_NAME, factory: IDBFactory = indexedDB): DirectoryReader {
  let connection: Promise<IDBDatabase | undefined> | undefined;
  const db = async (): Promise<IDBDatabase | undefined> => {
    connection ??= openExisting(name, factory).then((idb) => {
      if (!idb) connection = undefined; // not there yet: look again next time
      else {
        // Another context upgrades the schema (or deletes the store): let it, and reopen next time.
        idb.onversionchange = () => {
          idb.close();
          connection = undefined;
        };
        idb.onclose = () => (connection = undefined);
      }
      return idb;
    });
    return connection;
  };
  const read = async <T>(store: string, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> => {
    const idb = await db();
    if (!idb || !idb.objectStoreNames.contains(store)) return undefined;
    return request(fn(idb.transaction(store, 'readonly').objectStore(store)));
  };
  return {
    entityBySiteKey: (key) => read('entities', (s) => s.index('domains').get(key) as IDBRequest<Entity | undefined>),
    async entityByMatchKey(keys) {
      for (const key of keys) {
        const hit = await read('entities', (s) => s.index('keys').get(key) as IDBRequest<Entity | undefined>);
        if (hit) return hit;
      }
      return undefined;
    },
    setting: async (key) => ((await read('settings', (s) => s.get(key))) as { value?: unknown } | undefined)?.value,
    count: async (store, index, value) => (await read(store, (s) => s.index(index).count(value))) ?? 0,
  };
}

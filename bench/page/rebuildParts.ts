// "Index current again after a bulk change", taken apart in a page of the app's origin (its store
// seeded with the directory): what each step of a full rebuild of the search index costs — reading
// every entity (Dexie's toArray, next to raw IndexedDB getAll, whole and in key ranges), indexing,
// serialising and caching — so the sum can be read against the product's own rebuild time.
import { getDb } from '../../shared/db/database.ts';
import { DB_NAME } from '../../shared/db/names.ts';
import { toSearchDoc } from '../../shared/db/commands/searchIndex.ts';
import { SearchIndex } from '../../shared/search/search-index.ts';
import type { Entity } from '../../shared/model/types.ts';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openRaw(): Promise<IDBDatabase> {
  return request(indexedDB.open(DB_NAME) as IDBRequest<IDBDatabase>);
}

export interface RebuildParts {
  entities: number;
  dexieToArray: number;
  rawGetAll: number;
  rawGetAllRanges: number;
  toDocs: number;
  build: number;
  serialize: number;
  bytes: number;
}

/** Each step once (the caller repeats), in this page's main thread. */
export async function rebuildParts(): Promise<RebuildParts> {
  const db = getDb();
  let t = performance.now();
  const all = await db.entities.toArray();
  const dexieToArray = performance.now() - t;

  const idb = await openRaw();
  try {
    t = performance.now();
    await request(idb.transaction('entities', 'readonly').objectStore('entities').getAll());
    const rawGetAll = performance.now() - t;
    // Ten key ranges, all requested at once in one transaction: the store's work overlaps this thread's.
    const keys = all.map((e) => e.id);
    const bounds = Array.from({ length: 10 }, (_, i) => keys[Math.floor((i * keys.length) / 10)]);
    t = performance.now();
    const store = idb.transaction('entities', 'readonly').objectStore('entities');
    await Promise.all(bounds.map((lo, i) => request(store.getAll(i + 1 < bounds.length ? IDBKeyRange.bound(lo, bounds[i + 1], false, true) : IDBKeyRange.lowerBound(lo)))));
    const rawGetAllRanges = performance.now() - t;

    t = performance.now();
    const docs = all.filter((e: Entity) => !e.delisted).map(toSearchDoc);
    const toDocs = performance.now() - t;
    t = performance.now();
    const index = SearchIndex.build(docs);
    const build = performance.now() - t;
    t = performance.now();
    const buffer = index.serialize();
    const serialize = performance.now() - t;
    return { entities: all.length, dexieToArray, rawGetAll, rawGetAllRanges, toDocs, build, serialize, bytes: buffer.byteLength };
  } finally {
    idb.close();
  }
}

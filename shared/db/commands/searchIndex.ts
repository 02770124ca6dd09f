// The serialised search index, cached in `blobs` with the directory revision it was built from:
// starting the app then loads one record instead of re-reading and re-indexing every entity.
import type { RadarDB } from '../database.ts';
import type { Entity } from '../../model/types.ts';
import { SearchIndex } from '../../search/search-index.ts';
import type { SearchDoc } from '../../search/types.ts';
import { changedIdsBetween, MAX_STORED_IDS, readDirectoryChanges, readDirectoryRevision } from '../directoryLog.ts';

export const SEARCH_INDEX_KEY = 'searchIndex';

/** A serialised index and the directory revision it was built from. */
export interface CachedIndex {
  revision: number;
  buffer: ArrayBuffer;
}

/** The current directory revision, and the cached index with the revision it was built from. */
export async function readCachedSearchIndex(db: RadarDB): Promise<{ revision: number; cached: CachedIndex | undefined }> {
  return db.transaction('r', db.settings, db.blobs, async () => {
    const revision = await readDirectoryRevision(db);
    const blob = await db.blobs.get(SEARCH_INDEX_KEY);
    const cached = blob && blob.value instanceof ArrayBuffer ? { revision: blob.revision, buffer: blob.value } : undefined;
    return { revision, cached };
  });
}

/**
 * Stores an index built from `revision`, unless the directory moved on meanwhile (then it is
 * already stale, and whoever changed the directory will have it rebuilt).
 */
export async function storeSearchIndex(db: RadarDB, revision: number, buffer: ArrayBuffer): Promise<boolean> {
  return db.transaction('rw', db.settings, db.blobs, async () => {
    if ((await readDirectoryRevision(db)) !== revision) return false;
    await db.blobs.put({ key: SEARCH_INDEX_KEY, revision, value: buffer });
    return true;
  });
}

/** The fields of an entity the search index holds (the rest never leaves the store for it). */
export function toSearchDoc(e: Entity): SearchDoc {
  return {
    id: e.id, name: e.name, legalForm: e.legalForm, krs: e.krs, nip: e.nip, regon: e.regon, address: e.address,
    offer: e.offer, categories: e.categories, socialEnterpriseStatus: e.socialEnterpriseStatus, certificates: e.certificates,
    awards: e.awards,
  };
}

/** Changed entities beyond this are never patched in (the log keeps no more ids of one change anyway). */
const MAX_PATCHED = MAX_STORED_IDS;
/** A patch of up to this many is always worth it, whatever the index's size. */
const MIN_PATCHED = 1000;
/** Up to this many, entities are re-indexed one by one; more go in as one batch (SearchIndex.applyChanges). */
const FEW_CHANGED = 200;

/**
 * The cached index brought up to the directory's revision by re-indexing only the entities written
 * or deleted since it was built (an entity saved from the popup, an edit in another tab): at 100k
 * entities that is a fraction of a second instead of seconds of reading and indexing everything.
 * Undefined when it cannot be patched (no cache, already current, a bulk change in between, a
 * cache written by another version of the app); the caller then rebuilds.
 */
export async function patchCachedSearchIndex(db: RadarDB, given?: CachedIndex, opts: { maxChanged?: number } = {}): Promise<CachedIndex | undefined> {
  // A cache the caller has read already is not read again (at 100k entities it is some 20 MB).
  const cached = given ?? (await readCachedSearchIndex(db)).cached;
  if (!cached) return undefined;
  let index: SearchIndex;
  try {
    index = SearchIndex.deserialize(cached.buffer);
  } catch {
    return undefined;
  }
  // Reading a changed entity by id costs about what reading and indexing one costs in a full
  // rebuild (~70 µs each at 100k in Chromium): past half the index, a rebuild is as quick.
  const max = Math.min(opts.maxChanged ?? MAX_PATCHED, Math.max(MIN_PATCHED, Math.floor(index.size / 2)));
  // The changed entities are read together with the revision they make up.
  const snapshot = await db.transaction('r', db.entities, db.settings, async () => {
    const revision = await readDirectoryRevision(db);
    if (cached.revision === revision) return undefined;
    const ids = await changedIdsBetween(db, await readDirectoryChanges(db), cached.revision, revision, max);
    if (!ids) return undefined;
    return { revision, ids, entities: await db.entities.bulkGet(ids) };
  });
  if (!snapshot) return undefined;
  const written: SearchDoc[] = [];
  const removed: string[] = [];
  snapshot.ids.forEach((id, i) => {
    const entity = snapshot.entities[i];
    if (entity && !entity.delisted) written.push(toSearchDoc(entity));
    else removed.push(id);
  });
  if (snapshot.ids.length <= FEW_CHANGED) {
    for (const doc of written) index.update(doc);
    for (const id of removed) index.remove(id);
  } else {
    index.applyChanges(written, removed);
  }
  const buffer = index.serialize();
  await storeSearchIndex(db, snapshot.revision, buffer);
  return { revision: snapshot.revision, buffer };
}

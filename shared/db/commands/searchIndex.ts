// The serialised search index, cached in `blobs` with the directory revision it was built from:
// starting the app then loads one record instead of re-reading and re-indexing every entity.
import type { RadarDB } from '../database.ts';
import type { Entity } from '../../model/types.ts';
import { SearchIndex } from '../../search/search-index.ts';
import type { SearchDoc } from '../../search/types.ts';
import { changedBetween, readDirectoryChanges, readDirectoryRevision } from '../directoryLog.ts';

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

/**
 * The cached index brought up to the directory's revision by re-indexing only the entities written
 * or deleted since it was built (an entity saved from the popup, an edit in another tab): at 100k
 * entities that is a fraction of a second instead of seconds of reading and indexing everything.
 * Undefined when it cannot be patched (no cache, already current, a bulk change in between, a
 * cache written by another version of the app); the caller then rebuilds.
 */
export async function patchCachedSearchIndex(db: RadarDB, given?: CachedIndex): Promise<CachedIndex | undefined> {
  // The changed entities are read together with the revision they make up. A cache the caller
  // has read already is not read again (at 100k entities it is some 20 MB).
  const snapshot = await db.transaction('r', db.entities, db.settings, db.blobs, async () => {
    const cached = given ?? (await readCachedSearchIndex(db)).cached;
    const revision = await readDirectoryRevision(db);
    if (!cached || cached.revision === revision) return undefined;
    const ids = changedBetween(await readDirectoryChanges(db), cached.revision, revision);
    if (!ids) return undefined;
    return { revision, buffer: cached.buffer, ids, entities: await db.entities.bulkGet(ids) };
  });
  if (!snapshot) return undefined;
  let index: SearchIndex;
  try {
    index = SearchIndex.deserialize(snapshot.buffer);
  } catch {
    return undefined;
  }
  snapshot.ids.forEach((id, i) => {
    const entity = snapshot.entities[i];
    if (entity && !entity.delisted) index.update(toSearchDoc(entity));
    else index.remove(id);
  });
  const buffer = index.serialize();
  await storeSearchIndex(db, snapshot.revision, buffer);
  return { revision: snapshot.revision, buffer };
}

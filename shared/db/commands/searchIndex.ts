// The serialised search index, cached in `blobs` with the directory revision it was built from:
// starting the app then loads one record instead of re-reading and re-indexing every entity.
import type { RadarDB } from '../database.ts';
import { getSetting } from './settings.ts';

export const SEARCH_INDEX_KEY = 'searchIndex';

/** The cached index if it was built from the current directory revision, with that revision. */
export async function readFreshSearchIndex(db: RadarDB): Promise<{ revision: number; buffer: ArrayBuffer | undefined }> {
  return db.transaction('r', db.settings, db.blobs, async () => {
    const revision = await getSetting(db, 'directoryRevision');
    const blob = await db.blobs.get(SEARCH_INDEX_KEY);
    const fresh = blob && blob.revision === revision && blob.value instanceof ArrayBuffer;
    return { revision, buffer: fresh ? (blob.value as ArrayBuffer) : undefined };
  });
}

/**
 * Stores an index built from `revision`, unless the directory moved on meanwhile (then it is
 * already stale, and whoever changed the directory will have it rebuilt).
 */
export async function storeSearchIndex(db: RadarDB, revision: number, buffer: ArrayBuffer): Promise<boolean> {
  return db.transaction('rw', db.settings, db.blobs, async () => {
    if ((await getSetting(db, 'directoryRevision')) !== revision) return false;
    await db.blobs.put({ key: SEARCH_INDEX_KEY, revision, value: buffer });
    return true;
  });
}

// The serialised search index, cached in `blobs` with the directory revision it was built from:
// starting the app then loads one record instead of re-reading and re-indexing every entity.
import type { RadarDB } from '../database.ts';
import { getSetting } from './settings.ts';

export const SEARCH_INDEX_KEY = 'searchIndex';

/** The current directory revision, and the cached index with the revision it was built from. */
export async function readCachedSearchIndex(
  db: RadarDB,
): Promise<{ revision: number; cached: { revision: number; buffer: ArrayBuffer } | undefined }> {
  return db.transaction('r', db.settings, db.blobs, async () => {
    const revision = await getSetting(db, 'directoryRevision');
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
    if ((await getSetting(db, 'directoryRevision')) !== revision) return false;
    await db.blobs.put({ key: SEARCH_INDEX_KEY, revision, value: buffer });
    return true;
  });
}

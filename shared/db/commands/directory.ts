import type { RadarDB } from '../database.ts';
import type { Entity } from '../../model/types.ts';
import { matchKeys } from '../../model/merge.ts';
import { bumpDirectoryRevision, readDirectoryRevision } from '../directoryLog.ts';
import { getSetting } from './settings.ts';
import { deleteAttached, entitiesWithUserWork, entityTables } from '../entityTables.ts';

/** Entities as stored: with their match keys, so identifier lookups and merges use one index. */
export function withKeys(entity: Entity): Entity {
  return { ...entity, keys: matchKeys(entity) };
}

/**
 * Writes prepared (already merged) entities in one transaction. Imports call it once per chunk:
 * one transaction per 5–10k records is the fastest shape measured on these machines (NOTES.md).
 */
export async function putEntities(db: RadarDB, entities: Entity[]): Promise<void> {
  if (entities.length === 0) return;
  const rows = entities.map(withKeys);
  await db.transaction('rw', db.entities, db.settings, async () => {
    await db.entities.bulkPut(rows);
    await bumpDirectoryRevision(db, rows.map((e) => e.id));
  });
}

/**
 * Loads the default directory on first start. Safe to call from every context at every start:
 * the flag is re-checked inside the writing transaction, so two contexts starting at once load it
 * only once, and a user who deleted the directory does not get it back unasked.
 */
export async function loadDefaultDirectoryOnce(
  db: RadarDB,
  fetchPack: () => Promise<Entity[]>,
): Promise<'loaded' | 'already'> {
  if (await getSetting(db, 'defaultDirectoryLoaded')) return 'already';
  const entities = (await fetchPack()).map(withKeys);
  return db.transaction('rw', db.entities, db.settings, async () => {
    if (await getSetting(db, 'defaultDirectoryLoaded')) return 'already' as const;
    await db.entities.bulkPut(entities);
    await db.settings.put({ key: 'defaultDirectoryLoaded', value: true });
    await bumpDirectoryRevision(db, entities.map((e) => e.id));
    return 'loaded' as const;
  });
}

/**
 * Deletes the directory: entities that came from imports. The user's own entities, and entities
 * the user has attached anything to (USER_WORK_TABLES: saved, on a list, persons, notes,
 * interactions, flags), stay,
 * so deleting the directory never orphans the user's work.
 */
export async function deleteDirectory(db: RadarDB): Promise<number> {
  return db.transaction('rw', [db.entities, db.settings, db.blobs, ...entityTables(db)], async () => {
    const keep = await entitiesWithUserWork(db);
    const gone = await db.entities.filter((e) => e.origin !== 'user' && !keep.has(e.id)).primaryKeys();
    await db.entities.bulkDelete(gone);
    // What still hangs off them without being the user's work (a queued register check) goes too.
    await deleteAttached(db, gone);
    const n = gone.length;
    await bumpDirectoryRevision(db);
    await db.blobs.clear();
    return n;
  });
}

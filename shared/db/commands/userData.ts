import type { RadarDB } from '../database.ts';
import { bumpDirectoryRevision } from '../directoryLog.ts';
import { entityTables } from '../entityTables.ts';

/**
 * Deletes everything the user made: lists, everything attached to entities (ENTITY_TABLES: saved,
 * list places, persons, notes, flags, interactions, queued register checks), own entities and
 * candidates. The directory and the settings stay.
 */
export async function deleteMyData(db: RadarDB): Promise<void> {
  const attached = entityTables(db);
  await db.transaction('rw', [db.lists, db.entities, db.settings, db.blobs, ...attached], async () => {
    await Promise.all([db.lists.clear(), ...attached.map((t) => t.clear())]);
    const own = await db.entities.filter((e) => e.origin === 'user').delete();
    if (own > 0) {
      await bumpDirectoryRevision(db);
      await db.blobs.clear();
    }
  });
}

import type { RadarDB } from '../database.ts';
import { bumpDirectoryRevision } from '../directoryLog.ts';

/**
 * Deletes everything the user made: saved, lists, persons, notes, flags, interactions, own
 * entities and candidates. The directory and the settings stay.
 */
export async function deleteMyData(db: RadarDB): Promise<void> {
  const tables = [db.saved, db.lists, db.listMembers, db.persons, db.notes, db.flags, db.interactions, db.entities, db.settings, db.blobs];
  await db.transaction('rw', tables, async () => {
    await Promise.all([db.saved.clear(), db.lists.clear(), db.listMembers.clear(), db.persons.clear(), db.notes.clear(), db.flags.clear(), db.interactions.clear()]);
    const own = await db.entities.filter((e) => e.origin === 'user').delete();
    if (own > 0) {
      await bumpDirectoryRevision(db);
      await db.blobs.clear();
    }
  });
}

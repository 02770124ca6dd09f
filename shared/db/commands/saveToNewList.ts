import type { RadarDB } from '../database.ts';
import type { ContactList } from '../../model/types.ts';
import { createList } from './lists.ts';
import { saveEntity } from './saved.ts';

/**
 * Creates a list and saves the entity onto it, in one transaction: an open page never sees the new
 * list without the entity on it (Dexie runs the two commands inside as parts of this transaction).
 */
export async function saveToNewList(db: RadarDB, entityId: string, listName: string): Promise<ContactList> {
  return db.transaction('rw', [db.lists, db.saved, db.listMembers, db.entities], async () => {
    const list = await createList(db, listName);
    await saveEntity(db, entityId, { listIds: [list.id] });
    return list;
  });
}

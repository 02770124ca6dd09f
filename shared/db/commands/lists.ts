import type { RadarDB } from '../database.ts';
import type { ContactList, ListMember } from '../../model/types.ts';
import { newId, nowIso } from '../ids.ts';

export async function createList(db: RadarDB, name: string, description?: string): Promise<ContactList> {
  const clean = name.trim();
  if (!clean) throw new Error('A list needs a name');
  const now = nowIso();
  const list: ContactList = { id: newId('list'), name: clean, description, createdAt: now, updatedAt: now };
  await db.transaction('rw', db.lists, async () => {
    await db.lists.add(list);
  });
  return list;
}

export async function updateList(db: RadarDB, id: string, changes: { name?: string; description?: string }): Promise<void> {
  await db.transaction('rw', db.lists, async () => {
    const name = changes.name?.trim();
    if (changes.name !== undefined && !name) throw new Error('A list needs a name');
    await db.lists.update(id, { ...changes, ...(name ? { name } : {}), updatedAt: nowIso() });
  });
}

/** Deletes a list and its memberships; returns what was removed so the UI can undo. */
export async function deleteList(db: RadarDB, id: string): Promise<{ list: ContactList; members: ListMember[] } | undefined> {
  return db.transaction('rw', db.lists, db.listMembers, async () => {
    const list = await db.lists.get(id);
    if (!list) return undefined;
    const members = await db.listMembers.where('listId').equals(id).toArray();
    await db.listMembers.where('listId').equals(id).delete();
    await db.lists.delete(id);
    return { list, members };
  });
}

/** Puts back a list removed by deleteList (undo). */
export async function restoreList(db: RadarDB, removed: { list: ContactList; members: ListMember[] }): Promise<void> {
  await db.transaction('rw', db.lists, db.listMembers, async () => {
    await db.lists.put(removed.list);
    await db.listMembers.bulkPut(removed.members);
  });
}

export async function addToList(db: RadarDB, listId: string, entityId: string): Promise<void> {
  await db.transaction('rw', db.listMembers, db.lists, async () => {
    if (!(await db.lists.get(listId))) throw new Error(`Unknown list ${listId}`);
    if (!(await db.listMembers.get([listId, entityId]))) {
      await db.listMembers.put({ listId, entityId, addedAt: nowIso() });
    }
  });
}

export async function removeFromList(db: RadarDB, listId: string, entityId: string): Promise<void> {
  await db.transaction('rw', db.listMembers, async () => {
    await db.listMembers.delete([listId, entityId]);
  });
}

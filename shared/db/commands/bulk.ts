// Changes to many entities at once (a selection in the directory or among saved suppliers). Each is
// one transaction and returns what its undo needs, so "Undo" puts back exactly the state before:
// memberships that were added are removed again, saved records are restored as they were (or
// deleted when the entity was not saved before). Lists and saved records are the user's own data,
// not the directory, so they move no directory revision.
import type { RadarDB } from '../database.ts';
import type { ContactList, PipelineStatus, Saved } from '../../model/types.ts';
import { newId, nowIso } from '../ids.ts';

/** How a saved record looked before a bulk change; `saved` undefined: the entity was not saved. */
export interface SavedBefore {
  entityId: string;
  saved?: Saved;
}

async function knownIds(db: RadarDB, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await db.entities.bulkGet(unique);
  const missing = unique.filter((_, i) => !found[i]);
  if (missing.length) throw new Error(`Unknown entities: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? '…' : ''}`);
  return unique;
}

/** Puts entities on a list; returns the ids that were not on it before (what undo removes). */
export async function addManyToList(db: RadarDB, listId: string, ids: readonly string[]): Promise<{ added: string[] }> {
  return db.transaction('rw', db.lists, db.listMembers, db.entities, async () => {
    if (!(await db.lists.get(listId))) throw new Error(`Unknown list ${listId}`);
    const unique = await knownIds(db, ids);
    const existing = await db.listMembers.bulkGet(unique.map((id) => [listId, id] as [string, string]));
    const added = unique.filter((_, i) => !existing[i]);
    const now = nowIso();
    await db.listMembers.bulkPut(added.map((entityId) => ({ listId, entityId, addedAt: now })));
    if (added.length) await db.lists.update(listId, { updatedAt: now });
    return { added };
  });
}

/** A new list holding the entities, in one transaction (undo: deleteList). */
export async function createListWith(db: RadarDB, name: string, ids: readonly string[]): Promise<ContactList> {
  const clean = name.trim();
  if (!clean) throw new Error('A list needs a name');
  return db.transaction('rw', db.lists, db.listMembers, db.entities, async () => {
    const unique = await knownIds(db, ids);
    const now = nowIso();
    const list: ContactList = { id: newId('list'), name: clean, createdAt: now, updatedAt: now };
    await db.lists.add(list);
    await db.listMembers.bulkPut(unique.map((entityId) => ({ listId: list.id, entityId, addedAt: now })));
    return list;
  });
}

/** Takes entities off a list (the undo of addManyToList). */
export async function removeManyFromList(db: RadarDB, listId: string, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.listMembers, async () => {
    await db.listMembers.bulkDelete(ids.map((id) => [listId, id] as [string, string]));
  });
}

async function changeSaved(db: RadarDB, ids: readonly string[], change: (current: Saved | undefined, entityId: string, now: string) => Saved): Promise<SavedBefore[]> {
  return db.transaction('rw', db.saved, db.entities, async () => {
    const unique = await knownIds(db, ids);
    const current = await db.saved.bulkGet(unique);
    const now = nowIso();
    const before = unique.map((entityId, i) => ({ entityId, saved: current[i] }));
    await db.saved.bulkPut(unique.map((entityId, i) => change(current[i], entityId, now)));
    return before;
  });
}

function fresh(entityId: string, now: string): Saved {
  return { entityId, status: 'to_contact', tags: [], createdAt: now, updatedAt: now };
}

/** Sets the pipeline stage of each entity, saving the ones not saved yet. */
export async function setStageMany(db: RadarDB, ids: readonly string[], status: PipelineStatus): Promise<SavedBefore[]> {
  return changeSaved(db, ids, (s, id, now) => ({ ...(s ?? fresh(id, now)), status, updatedAt: now }));
}

/** Adds a tag to each entity (saving the ones not saved yet); a tag already there is kept once. */
export async function addTagMany(db: RadarDB, ids: readonly string[], tag: string): Promise<SavedBefore[]> {
  const clean = tag.trim();
  if (!clean) throw new Error('A tag cannot be blank');
  return changeSaved(db, ids, (s, id, now) => {
    const base = s ?? fresh(id, now);
    return base.tags.includes(clean) ? base : { ...base, tags: [...base.tags, clean], updatedAt: now };
  });
}

/** Puts saved records back as they were before a bulk change (undo). */
export async function restoreSaved(db: RadarDB, before: readonly SavedBefore[]): Promise<void> {
  await db.transaction('rw', db.saved, async () => {
    await db.saved.bulkDelete(before.filter((b) => !b.saved).map((b) => b.entityId));
    await db.saved.bulkPut(before.flatMap((b) => (b.saved ? [b.saved] : [])));
  });
}

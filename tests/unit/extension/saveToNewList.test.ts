import { describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import { saveToNewList } from '../../../shared/db/commands/saveToNewList.ts';
import { dbWithDirectory } from './directory.ts';

describe('saveToNewList', () => {
  it('creates the list and saves the entity on it in one step that a live query never sees half done', async () => {
    const db = await dbWithDirectory();
    const [entity] = await db.entities.limit(1).toArray();
    const seen: { lists: number; members: number }[] = [];
    const sub = liveQuery(async () => ({ lists: await db.lists.count(), members: await db.listMembers.count() })).subscribe((v) => seen.push(v));
    const list = await saveToNewList(db, entity.id, '  Catering — Kraków ');
    await new Promise((r) => setTimeout(r, 50));
    sub.unsubscribe();
    expect(list.name).toBe('Catering — Kraków');
    expect(await db.listMembers.get([list.id, entity.id])).toBeDefined();
    expect((await db.saved.get(entity.id))?.status).toBe('to_contact');
    expect(seen.some((s) => s.lists === 1 && s.members === 0)).toBe(false);
    expect(seen.at(-1)).toEqual({ lists: 1, members: 1 });
  });

  it('writes nothing when the name is blank or the entity unknown', async () => {
    const db = await dbWithDirectory();
    await expect(saveToNewList(db, 'krs:0000700353', '   ')).rejects.toThrow(/name/);
    await expect(saveToNewList(db, 'nip:0000000000', 'Lista')).rejects.toThrow(/Unknown entity/);
    expect(await db.lists.count()).toBe(0);
    expect(await db.saved.count()).toBe(0);
  });
});

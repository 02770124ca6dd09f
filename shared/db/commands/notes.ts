// The user's notes on an entity. Notes that arrived in someone else's list package (sharedBy) are
// theirs: shown, never edited here.
import type { RadarDB } from '../database.ts';
import type { Note } from '../../model/types.ts';
import { newId, nowIso } from '../ids.ts';

export async function addNote(db: RadarDB, entityId: string, text: string): Promise<Note> {
  const clean = text.trim();
  if (!clean) throw new Error('A note needs text');
  const now = nowIso();
  const note: Note = { id: newId('note'), entityId, text: clean, createdAt: now, updatedAt: now };
  await db.transaction('rw', db.notes, async () => {
    await db.notes.add(note);
  });
  return note;
}

export async function updateNote(db: RadarDB, id: string, text: string): Promise<void> {
  const clean = text.trim();
  if (!clean) throw new Error('A note needs text');
  await db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) throw new Error(`Unknown note ${id}`);
    if (note.sharedBy) throw new Error('A shared note is not edited');
    await db.notes.put({ ...note, text: clean, updatedAt: nowIso() });
  });
}

export async function deleteNote(db: RadarDB, id: string): Promise<void> {
  await db.transaction('rw', db.notes, async () => {
    await db.notes.delete(id);
  });
}

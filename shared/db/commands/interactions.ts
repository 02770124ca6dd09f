import type { RadarDB } from '../database.ts';
import type { Interaction } from '../../model/types.ts';
import { newId, nowIso } from '../ids.ts';

/** Logs a contact (e-mail written, call made, meeting…) and marks a saved supplier as contacted. */
export async function logContact(db: RadarDB, input: Omit<Interaction, 'id' | 'at'> & { at?: string }): Promise<Interaction> {
  const record: Interaction = { id: newId('int'), at: input.at ?? nowIso(), ...input };
  await db.transaction('rw', db.interactions, db.saved, async () => {
    await db.interactions.add(record);
    const saved = await db.saved.get(input.entityId);
    if (saved && saved.status === 'to_contact') {
      await db.saved.put({ ...saved, status: 'contacted', updatedAt: nowIso() });
    }
  });
  return record;
}

/** Removes a logged contact entered by mistake. */
export async function deleteInteraction(db: RadarDB, id: string): Promise<void> {
  await db.transaction('rw', db.interactions, async () => {
    await db.interactions.delete(id);
  });
}

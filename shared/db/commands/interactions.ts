import type { RadarDB } from '../database.ts';
import type { Interaction } from '../../model/types.ts';
import { newId, nowIso } from '../ids.ts';

/**
 * Logs a contact (e-mail written, call made, meeting…). The pipeline stage is left as it is: the
 * screen that logged it offers the move to "contacted" (StageOffer), so the user decides.
 */
export async function logContact(db: RadarDB, input: Omit<Interaction, 'id' | 'at'> & { at?: string }): Promise<Interaction> {
  const record: Interaction = { id: newId('int'), at: input.at ?? nowIso(), ...input };
  await db.transaction('rw', db.interactions, async () => {
    await db.interactions.add(record);
  });
  return record;
}

/** Removes a logged contact entered by mistake. */
export async function deleteInteraction(db: RadarDB, id: string): Promise<void> {
  await db.transaction('rw', db.interactions, async () => {
    await db.interactions.delete(id);
  });
}

// "Another tab" of the search case: adds an own entity through the product's write command, as
// the Add page or the popup does, and notes when (in epoch ms, comparable across pages). With
// `unlogged`, the revision is moved once more without naming the entity — what a bulk change does —
// so the open directory has to rebuild its index from every entity: the baseline of patching it.
import { getDb } from '../../shared/db/database.ts';
import { addOwnEntity } from '../../shared/db/commands/entities.ts';
import { bumpDirectoryRevision } from '../../shared/db/directoryLog.ts';
import { putEntities } from '../../shared/db/commands/directory.ts';

export async function addOwnElsewhere(name: string, unlogged: boolean): Promise<{ at: number; id: string }> {
  const db = getDb();
  const at = performance.timeOrigin + performance.now();
  const result = await addOwnEntity(db, { name, city: 'Kraków', offer: 'catering' });
  if (!result.ok) throw new Error(`addOwnEntity: ${result.reason}`);
  if (unlogged) await db.transaction('rw', db.settings, () => bumpDirectoryRevision(db));
  return { at, id: result.entity.id };
}

/**
 * "A feed update elsewhere": `count` stored entities get `word` added to their names in one write
 * through the product's command (putEntities: one transaction, its ids in the change log), as a
 * feed update or an import chunk writes them. With `unlogged`, the revision is then moved once more
 * without ids, so the open directory rebuilds its index from every entity: the baseline. `at`
 * (epoch ms) is when the write had committed.
 */
export async function bulkChangeElsewhere(count: number, word: string, unlogged: boolean): Promise<{ at: number; changed: number }> {
  const db = getDb();
  const picked = await db.entities.limit(count).toArray();
  await putEntities(db, picked.map((e) => ({ ...e, name: `${e.name} ${word}` })));
  if (unlogged) await db.transaction('rw', db.settings, () => bumpDirectoryRevision(db));
  return { at: performance.timeOrigin + performance.now(), changed: picked.length };
}

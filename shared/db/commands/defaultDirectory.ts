// Reloading the default directory on the user's request (after deleting it, or to get back entries
// changed since). It goes through the import planner: entities already stored are merged by their
// identifiers, never duplicated, and the user's data attached to them stays where it is.
import type { RadarDB } from '../database.ts';
import { planBuilt, type ImportCounts } from '../../io/import/plan.ts';
import type { Entity } from '../../model/types.ts';
import { nowIso } from '../ids.ts';
import { findByKeys } from '../queries.ts';
import { putEntities } from './directory.ts';
import { setSettings } from './settings.ts';

/** Chunk size of the writes: one transaction per 5–10k records is the fastest shape (NOTES.md). */
const CHUNK = 5000;

export async function reloadDefaultDirectory(db: RadarDB, fetchPack: () => Promise<Entity[]>): Promise<ImportCounts> {
  const entities = await fetchPack();
  const counts: ImportCounts = { added: 0, merged: 0, unchanged: 0, rejected: 0 };
  for (let i = 0; i < entities.length; i += CHUNK) {
    const chunk = entities.slice(i, i + CHUNK).map((entity) => ({ ok: true as const, entity }));
    const plan = await planBuilt(chunk, { now: nowIso(), findExistingMany: (keys) => findByKeys(db, keys) });
    await putEntities(db, plan.toWrite);
    for (const k of Object.keys(counts) as (keyof ImportCounts)[]) counts[k] += plan.counts[k];
  }
  await setSettings(db, { defaultDirectoryLoaded: true });
  return counts;
}

import type { RadarDB } from '../database.ts';
import type { Entity } from '../../model/types.ts';
import { matchKeys } from '../../model/merge.ts';
import { bumpDirectoryRevision, getSetting } from './settings.ts';
import { DEFAULT_FEED_ID, putBundledFeed } from './bundledFeed.ts';
import type { BundledSnapshot } from '../../io/fetchPack.ts';
import { keyFingerprint } from '../../io/feeds/signature.ts';

/** Entities as stored: with their match keys, so identifier lookups and merges use one index. */
export function withKeys(entity: Entity): Entity {
  return { ...entity, keys: matchKeys(entity) };
}

/**
 * Writes prepared (already merged) entities in one transaction. Imports call it once per chunk:
 * one transaction per 5–10k records is the fastest shape measured on these machines (NOTES.md).
 */
export async function putEntities(db: RadarDB, entities: Entity[]): Promise<void> {
  if (entities.length === 0) return;
  const rows = entities.map(withKeys);
  await db.transaction('rw', db.entities, db.settings, async () => {
    await db.entities.bulkPut(rows);
    await bumpDirectoryRevision(db, rows.map((e) => e.id));
  });
}

/** Finds the stored entity for each list of match keys (first key that hits wins, in key order). */
export async function findByKeys(db: RadarDB, keyLists: string[][]): Promise<(Entity | undefined)[]> {
  const all = [...new Set(keyLists.flat())];
  const hits = await db.entities.where('keys').anyOf(all).toArray();
  const byKey = new Map<string, Entity>();
  for (const e of hits) for (const k of e.keys ?? []) if (!byKey.has(k)) byKey.set(k, e);
  return keyLists.map((keys) => {
    for (const k of keys) {
      const hit = byKey.get(k);
      if (hit) return hit;
    }
    return undefined;
  });
}

/**
 * Loads the default directory on first start. Safe to call from every context at every start:
 * the flag is re-checked inside the writing transaction, so two contexts starting at once load it
 * only once, and a user who deleted the directory does not get it back unasked.
 */
export async function loadDefaultDirectoryOnce(
  db: RadarDB,
  fetchPack: () => Promise<BundledSnapshot | Entity[]>,
  /** Where the bundled feed is served (the build's own copy): the default feed's subscription URL. */
  feedUrl?: string,
): Promise<'loaded' | 'already'> {
  if (await getSetting(db, 'defaultDirectoryLoaded')) return 'already';
  const snapshot = await fetchPack();
  const { entities: raw, feed } = Array.isArray(snapshot) ? { entities: snapshot, feed: undefined } : snapshot;
  const entities = raw.map(withKeys);
  // Worked out before the transaction: an IndexedDB transaction does not survive awaiting WebCrypto.
  const fingerprint = feed && feedUrl ? await keyFingerprint(feed.key.publicKey) : undefined;
  return db.transaction('rw', [db.entities, db.settings, db.feeds, db.feedEntries], async () => {
    if (await getSetting(db, 'defaultDirectoryLoaded')) return 'already' as const;
    await db.entities.bulkPut(entities);
    await db.settings.put({ key: 'defaultDirectoryLoaded', value: true });
    if (feed && feedUrl && fingerprint && !(await db.feeds.get(DEFAULT_FEED_ID))) {
      await putBundledFeed(db, { index: feed, url: feedUrl, fingerprint, listed: entities.map((e) => [e.id, e.address.voivodeship ?? '']) });
    }
    await bumpDirectoryRevision(db, entities.map((e) => e.id));
    return 'loaded' as const;
  });
}

/**
 * Deletes the directory: entities that came from imports. The user's own entities, and entities
 * the user has attached anything to (saved, on a list, persons, notes, interactions, flags), stay,
 * so deleting the directory never orphans the user's work.
 */
export async function deleteDirectory(db: RadarDB): Promise<number> {
  const tables = [db.entities, db.settings, db.blobs, db.saved, db.listMembers, db.persons, db.notes, db.interactions, db.flags];
  return db.transaction('rw', tables, async () => {
    const keep = new Set<string>();
    for (const id of await db.saved.toCollection().primaryKeys()) keep.add(id);
    for (const t of [db.listMembers, db.persons, db.notes, db.interactions, db.flags] as const) {
      for (const id of await t.orderBy('entityId').uniqueKeys()) keep.add(String(id));
    }
    const n = await db.entities.filter((e) => e.origin !== 'user' && !keep.has(e.id)).delete();
    await bumpDirectoryRevision(db);
    await db.blobs.clear();
    return n;
  });
}

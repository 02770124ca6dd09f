// Read-only lookups shared by the background, the popup and the app page.
import type { RadarDB } from './database.ts';
import type { Entity, PageHints } from '../model/types.ts';
import { lookupKeysForUrl } from '../model/domain.ts';

/**
 * The entity whose site the URL is on: the most specific host wins (a ZAZ on `zaz.town.pl` before
 * the town on `town.pl`). One indexed read per candidate host; no in-memory state, so it is
 * correct on a cold service worker and right after the directory changes.
 */
export async function findEntityForUrl(db: RadarDB, url: string): Promise<{ entity: Entity; domain: string } | undefined> {
  for (const key of lookupKeysForUrl(url)) {
    const entity = await db.entities.where('domains').equals(key).first();
    if (entity) return { entity, domain: key };
  }
  return undefined;
}

/** The first known entity named by an identifier found on a page (KRS, then NIP, then REGON). */
export async function findEntityByHints(
  db: RadarDB,
  hints: Pick<PageHints, 'krs' | 'nips' | 'regons'>,
): Promise<{ entity: Entity; matchedBy: 'krs' | 'nip' | 'regon' } | undefined> {
  const tries: ['krs' | 'nip' | 'regon', string[]][] = [
    ['krs', hints.krs],
    ['nip', hints.nips],
    ['regon', hints.regons],
  ];
  for (const [kind, values] of tries) {
    if (values.length === 0) continue;
    const entity = await db.entities.where('keys').anyOf(values.map((v) => `${kind}:${v}`)).first();
    if (entity) return { entity, matchedBy: kind };
  }
  return undefined;
}

/**
 * Reading every entity costs about as much per entity as one indexed query costs per key divided by
 * this (measured in Chromium: ~30 µs an entity with getAll, ~100 µs a key with one query each).
 */
const QUERY_PER_KEY_COST = 3;

/**
 * The stored entity of each match key asked about that any entity has (a key stored on several
 * entities answers the lowest id). Asked about a good share of the directory, it reads the whole
 * table once; asked about fewer keys, it asks the `keys` index about each, all queries in flight at
 * once (a cursor stepping from key to key waits for each step, several times slower).
 */
export async function entitiesByKey(db: RadarDB, keys: readonly string[]): Promise<Map<string, Entity>> {
  const byKey = new Map<string, Entity>();
  await db.transaction('r', db.entities, async () => {
    const wanted = new Set(keys);
    if (wanted.size === 0) return;
    if (keys.length * QUERY_PER_KEY_COST >= (await db.entities.count())) {
      for (const e of await db.entities.toArray()) for (const k of e.keys ?? []) if (wanted.has(k) && !byKey.has(k)) byKey.set(k, e);
      return;
    }
    const unique = [...wanted];
    const ids = await Promise.all(unique.map((k) => db.entities.where('keys').equals(k).limit(1).primaryKeys()));
    const hits = await db.entities.bulkGet([...new Set(ids.flat())]);
    const byId = new Map(hits.filter((e) => e !== undefined).map((e) => [e.id, e]));
    unique.forEach((k, i) => {
      const e = ids[i].length ? byId.get(ids[i][0]) : undefined;
      if (e) byKey.set(k, e);
    });
  });
  return byKey;
}

/** The entity of the first key that hits, in key order. */
export function firstHit(byKey: ReadonlyMap<string, Entity>, keys: readonly string[]): Entity | undefined {
  for (const k of keys) {
    const e = byKey.get(k);
    if (e) return e;
  }
  return undefined;
}

/**
 * The stored entity for each list of match keys: the first key that hits, in key order. The one
 * lookup behind import planning, reloading the default directory, shared lists and the context
 * menu.
 */
export async function findByKeys(db: RadarDB, keyLists: readonly (readonly string[])[]): Promise<(Entity | undefined)[]> {
  const byKey = await entitiesByKey(db, keyLists.flat());
  return keyLists.map((keys) => firstHit(byKey, keys));
}

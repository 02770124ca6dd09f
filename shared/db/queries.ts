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

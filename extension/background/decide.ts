import type { RadarDB } from '../../shared/db/database.ts';
import { findEntityByHints, findEntityForUrl } from '../../shared/db/queries.ts';
import type { TabState } from '../../shared/messages/protocol.ts';
import type { PageHints } from '../../shared/model/types.ts';

export type Decision = Omit<TabState, 'tabId' | 'scannable'>;

export { hasTellingHints } from '../tellingHints.ts';

/**
 * What a tab shows: the entity whose site the URL is on, else the entity an identifier on the page
 * names. `recall` gives the hints of an earlier scan of the same address, read only when the domain
 * says nothing (one indexed read per host first; no memory of our own, so a cold worker decides alike).
 */
export async function decideTab(
  db: RadarDB,
  url: string | undefined,
  hints: PageHints | undefined,
  recall: () => Promise<PageHints | undefined> = async () => undefined,
): Promise<Decision> {
  const byDomain = url ? await findEntityForUrl(db, url) : undefined;
  if (byDomain) return { url, domain: byDomain.domain, entity: byDomain.entity, matchedBy: 'domain', hints };
  const found = hints ?? (url ? await recall() : undefined);
  const byId = found ? await findEntityByHints(db, found) : undefined;
  if (byId) return { url, entity: byId.entity, matchedBy: byId.matchedBy, hints: found };
  return { url, hints: found };
}

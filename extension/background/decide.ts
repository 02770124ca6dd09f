import type { DirectoryReader } from '../../shared/db/rawRead.ts';
import type { TabState } from '../../shared/messages/protocol.ts';
import { lookupKeysForUrl } from '../../shared/model/domain.ts';
import type { PageHints } from '../../shared/model/types.ts';

export type Decision = Omit<TabState, 'tabId' | 'scannable'>;

export { hasTellingHints } from '../tellingHints.ts';

/**
 * What a tab shows: the entity whose site the URL is on (the most specific host first: a ZAZ on
 * `zaz.town.pl` before the town on `town.pl`), else the entity an identifier on the page names
 * (KRS, then NIP, then REGON). `recall` gives the hints of an earlier scan of the same address,
 * read only when the domain says nothing. One indexed read per key, no memory of our own, so a
 * cold worker decides alike; the reads go through `read` (raw IndexedDB in the background, so a
 * wake-up loads no Dexie).
 */
export async function decideTab(
  read: DirectoryReader,
  url: string | undefined,
  hints: PageHints | undefined,
  recall: () => Promise<PageHints | undefined> = async () => undefined,
): Promise<Decision> {
  for (const key of url ? lookupKeysForUrl(url) : []) {
    const entity = await read.entityBySiteKey(key);
    if (entity) return { url, domain: key, entity, matchedBy: 'domain', hints };
  }
  const found = hints ?? (url ? await recall() : undefined);
  if (found) {
    const kinds: ['krs' | 'nip' | 'regon', string[]][] = [
      ['krs', found.krs],
      ['nip', found.nips],
      ['regon', found.regons],
    ];
    for (const [kind, values] of kinds) {
      if (!values.length) continue;
      const entity = await read.entityByMatchKey(values.map((v) => `${kind}:${v}`));
      if (entity) return { url, entity, matchedBy: kind, hints: found };
    }
  }
  return { url, hints: found };
}

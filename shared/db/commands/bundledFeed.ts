// The default directory's feed subscription, recorded at first start. A module of its own with
// no importer in it: the background service worker loads the default directory on every install,
// and must not load the phone and domain libraries the importer needs.
import type { RadarDB } from '../database.ts';
import type { FeedIndex } from '../../io/feeds/format.ts';
import { nowIso } from '../ids.ts';

export const DEFAULT_FEED_ID = 'default';

/**
 * The subscription to the feed the default directory is a snapshot of, as the first start records
 * it (inside the caller's transaction, which includes feeds and feedEntries): every pack held, so
 * the first update downloads only what changed since the build.
 */
export async function putBundledFeed(
  db: RadarDB,
  input: { index: FeedIndex; url: string; fingerprint: string; listed: [entityId: string, region: string][] },
): Promise<void> {
  const { index } = input;
  const at = nowIso();
  await db.feeds.put({
    id: DEFAULT_FEED_ID,
    url: input.url,
    publisher: index.publisher,
    contact: index.contact,
    licence: index.licence,
    publicKey: index.key.publicKey,
    fingerprint: input.fingerprint,
    feedDate: index.createdAt,
    packs: Object.fromEntries(index.packs.map((p) => [p.region, p.sha256])),
    count: input.listed.length,
    subscribedAt: at,
  });
  await db.feedEntries.bulkPut(input.listed.map(([entityId, region]) => ({ feedId: DEFAULT_FEED_ID, entityId, region })));
}

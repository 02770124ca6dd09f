// What the feeds page and settings share: the one update running (with its progress), and the
// schedule of the app page and the standalone app — every due feed at start, then daily. The
// extension's background checks them too, on an alarm (extension/background/feedAlarm.ts).
import type { RadarDB } from '../../../shared/db/database.ts';
import { dueFeeds, updateFeed, type SyncResult } from '../../../shared/db/feedSync.ts';
import type { FeedProgress } from '../../../shared/db/commands/feeds.ts';
import type { FetchDeps } from '../../../shared/io/feeds/fetchFeed.ts';
import type { Platform } from '../../platform.ts';

export const feedState = $state<{ busy?: string; progress?: FeedProgress }>({});

export function fetchDepsFor(platform: Platform): FetchDeps {
  // The standalone app reads other origins: when that fails, tell a host without CORS apart; and
  // let the browser's cache revalidate the index (If-None-Match of its own would cost a preflight).
  const standalone = platform.kind === 'standalone';
  return { probeCors: standalone, browserRevalidates: standalone };
}

export async function runUpdate(db: RadarDB, platform: Platform, feedId: string): Promise<SyncResult> {
  feedState.busy = feedId;
  feedState.progress = undefined;
  try {
    return await updateFeed(db, feedId, { deps: fetchDepsFor(platform), onProgress: (p) => (feedState.progress = p) });
  } finally {
    feedState.busy = undefined;
    feedState.progress = undefined;
  }
}

/** How often feeds are checked: daily (an index check is one small request, a 304 costs nothing). */
export const FEED_CHECK_EVERY_MS = 24 * 60 * 60 * 1000;
let scheduled = false;

/** Checks due feeds now and then every hour (a feed becomes due a day after its last check). */
export function scheduleFeedUpdates(db: RadarDB, platform: Platform): void {
  if (scheduled || typeof window === 'undefined') return;
  scheduled = true;
  const tick = async () => {
    if (feedState.busy) return;
    for (const feed of await dueFeeds(db, Date.now(), FEED_CHECK_EVERY_MS)) {
      await runUpdate(db, platform, feed.id).catch(() => {}); // recorded on the subscription
    }
  };
  setTimeout(() => void tick(), 5_000);
  setInterval(() => void tick(), 60 * 60 * 1000);
}

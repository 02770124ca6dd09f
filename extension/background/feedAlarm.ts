// Scheduled feed updates in the background: an hourly alarm checks the feeds due (a feed is due a
// day after its last check). A run that the browser stops midway is resumed by the next alarm: a
// feed's check is recorded only when it ends, and writing the same packs again changes nothing.
import browser from 'webextension-polyfill';
import { getDb } from '../../shared/db/database.ts';
import { recordFeedError } from '../../shared/db/commands/feeds.ts';
import { dueFeeds, updateFeed } from '../../shared/db/feedSync.ts';

const ALARM = 'feed-updates';
/** Checked hourly; each feed daily. An hourly wake-up that finds nothing due reads one table. */
const EVERY_MINUTES = 60;
const db = getDb();
let running: Promise<void> | undefined;

/** Whether the extension may read the feed's origin (asked for at subscription). */
async function mayRead(url: string): Promise<boolean> {
  const u = new URL(url);
  if (u.protocol === 'chrome-extension:') return true;
  return browser.permissions.contains({ origins: [`${u.protocol}//${u.hostname}/*`] });
}

export function checkFeeds(): Promise<void> {
  running ??= (async () => {
    for (const feed of await dueFeeds(db)) {
      if (!(await mayRead(feed.url))) {
        await recordFeedError(db, feed.id, { code: 'permission' });
        continue;
      }
      // A failure is recorded on the subscription (shown in the app); the others go on.
      await updateFeed(db, feed.id).catch(() => {});
    }
  })()
    .catch((err) => console.error('Radar ES: feed updates stopped', err))
    .finally(() => {
      running = undefined;
    });
  return running;
}

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM) void checkFeeds();
});

void browser.alarms.get(ALARM).then((a) => {
  if (!a) void browser.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: EVERY_MINUTES });
});

// The background service worker: page matching (badge), on-demand scans, the context menu and the
// first load of the default directory. MV3 stops idle workers at any time, so nothing here relies
// on memory surviving: every decision reads the store (one indexed lookup).
import browser from 'webextension-polyfill';
import { getDb } from '../../shared/db/database.ts';
import { rawReader } from '../../shared/db/rawRead.ts';
import { loadDefaultDirectoryOnce } from '../../shared/db/commands/directory.ts';
import { setSettings } from '../../shared/db/commands/settings.ts';
import { followDirectory, readDirectoryRevision } from '../../shared/db/directoryLog.ts';
import { DEFAULT_PACK_FILE, fetchPack } from '../../shared/io/fetchPack.ts';
import { BUNDLED_FEED_PATH } from '../../shared/io/feeds/sampleFeed.ts';
import type { TabState } from '../../shared/messages/protocol.ts';
import { handle } from './dispatch.ts';
import type { PageHints } from '../../shared/model/types.ts';
import { clearBadge, showHints, showKnown } from './badge.ts';
import { deliverHints, scanTab } from './scanTab.ts';
import { handleContextMenuClick, installContextMenu } from './contextMenu.ts';
import { syncAutoScan } from './autoScan.ts';
import './verifyQueue.ts';
import './feedAlarm.ts';
import { decideTab, hasTellingHints, type Decision } from './decide.ts';
import { forgetTab, recallHints, rememberHints } from './tabMemory.ts';
import { afterWakeUp, BADGE_MEASURE, DECISION_MEASURE, decisionMade, measureSince, READY_MARK } from './wakeUp.ts';

const db = getDb();
// Badge decisions read with raw IndexedDB: on a cold worker the first decision need not wait for
// Dexie to open and check the schema (writes, the queue and the log still go through Dexie).
const read = rawReader(db.name);

async function ensureDefaultDirectory(): Promise<void> {
  try {
    const result = await loadDefaultDirectoryOnce(db, () => fetchPack(browser.runtime.getURL(DEFAULT_PACK_FILE)), browser.runtime.getURL(BUNDLED_FEED_PATH));
    if (result === 'loaded') await directoryMoved();
  } catch (err) {
    console.error('Radar ES: the default directory could not be loaded', err);
  }
}

/**
 * Decisions for one tab run one after another: a slow decision from the page's "loading" event must
 * never land after (and undo) the one made from the scan that followed it.
 */
const queues = new Map<number, Promise<unknown>>();
function inTurn<T>(tabId: number, job: () => Promise<T>): Promise<T> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(job, job);
  const tail = run.catch(() => undefined);
  queues.set(tabId, tail);
  void tail.then(() => queues.get(tabId) === tail && queues.delete(tabId));
  return run;
}

/** Decides the badge of one tab from its URL, then from identifiers found on the page (now or earlier). */
function decide(tabId: number, url: string | undefined, hints?: PageHints): Promise<Decision> {
  return inTurn(tabId, async () => {
    // Kept for later decisions of this tab; this one has the hints at hand, so it need not wait.
    const remembered = hints && url ? rememberHints(tabId, url, hints) : undefined;
    const startedAt = performance.now();
    const decision = await decideTab(read, url, hints, () => recallHints(tabId, url!));
    const badgeAt = performance.now();
    measureSince(DECISION_MEASURE, startedAt, decision.matchedBy ?? 'none');
    if (decision.entity) await showKnown(tabId, decision.entity.name);
    else if (hasTellingHints(decision.hints)) await showHints(tabId);
    else await clearBadge(tabId);
    measureSince(BADGE_MEASURE, badgeAt);
    decisionMade();
    await remembered;
    return decision;
  });
}

async function refreshAllTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((t) => (t.id !== undefined && t.url ? decide(t.id, t.url) : undefined)));
}

/**
 * The directory changed: every open tab's badge is decided again, once per revision however many
 * tell of it (this worker's own follower, and each open extension page that follows the log).
 */
let decidedAt: number | undefined;
async function directoryMoved(): Promise<void> {
  const revision = await readDirectoryRevision(db);
  if (revision === decidedAt) return;
  decidedAt = revision;
  await refreshAllTabs();
}

// While this worker runs it follows the directory itself (a register check it accepted, a write in
// a page); extension pages tell it of changes made while it was stopped. Started after the wake-up's
// first decision (wakeUp.ts): following opens Dexie. A write committed between that decision and
// the follower's first read would be taken as its starting point and never told, so the revision
// read at wake-up (before any decision; one raw read) is compared once the follower runs.
const wokeAt = read.setting('directoryRevision').catch(() => undefined);
afterWakeUp(() => {
  followDirectory(db, () => void directoryMoved());
  void wokeAt.then(async (before) => {
    if ((await readDirectoryRevision(db)) !== (typeof before === 'number' ? before : 0)) await directoryMoved();
  });
});

handle('page-hints', async ({ hints }, sender) => {
  // The dispatcher let it through only from our content script in a tab's top frame.
  const tabId = sender.tab!.id!;
  deliverHints(tabId, hints);
  await decide(tabId, sender.tab!.url ?? sender.url, hints);
  return { ok: true };
});

handle('ping', async () => ({ type: 'pong', version: browser.runtime.getManifest().version }));

handle('directory-changed', async () => {
  await directoryMoved();
  return { ok: true };
});

async function tabState(tabId: number, scan: boolean): Promise<TabState> {
  const tab = await browser.tabs.get(tabId);
  const hints = scan ? await scanTab(tabId) : undefined;
  return { tabId, scannable: hints !== undefined, ...(await decide(tabId, tab.url, hints)) };
}
handle('tab-state', ({ tabId }) => tabState(tabId, false));
handle('scan-tab', ({ tabId }) => tabState(tabId, true));

handle('set-auto-scan', async ({ enabled }) => {
  const ok = await syncAutoScan(enabled);
  // The setting follows what is registered, so the settings page shows the truth.
  if (ok) await setSettings(db, { autoScan: enabled });
  return { ok };
});

/**
 * The URL each tab's latest decision from a tab event is waiting on or was made for: a navigation
 * fires `tabs.onUpdated` with its URL and again with status "loading" for the same URL, and the
 * second would only repeat the first decision (behind it in the tab's queue).
 */
const eventDecisions = new Map<number, { url: string; done: Promise<unknown> }>();

browser.tabs.onUpdated.addListener((tabId, change, tab) => {
  // A new URL (including history.pushState navigations) re-decides the badge.
  const url = change.url ?? (change.status === 'loading' ? tab.url : undefined);
  if (!url) return;
  const queued = eventDecisions.get(tabId);
  if (queued?.url === url && !change.url) return;
  const done = decide(tabId, url).catch(() => undefined);
  eventDecisions.set(tabId, { url, done });
  void done.then(() => {
    // Kept only while it is the tab's latest: a later event of the same URL (a reload) decides again.
    if (eventDecisions.get(tabId)?.done === done) eventDecisions.delete(tabId);
  });
});

browser.tabs.onRemoved.addListener((tabId) => {
  eventDecisions.delete(tabId);
  void forgetTab(tabId);
});

// Access to all sites withdrawn in the browser's own settings: automatic scanning is off.
browser.permissions.onRemoved.addListener((removed) => {
  if (!removed.origins?.length) return;
  void syncAutoScan(false).then(() => setSettings(db, { autoScan: false }));
});

browser.runtime.onInstalled.addListener(() => {
  installContextMenu();
  void ensureDefaultDirectory();
});
browser.runtime.onStartup.addListener(() => void ensureDefaultDirectory());
browser.contextMenus.onClicked.addListener((info) => void handleContextMenuClick(db, info));

performance.mark?.(READY_MARK);

// The background service worker: page matching (badge), on-demand scans, the context menu and the
// first load of the default directory. MV3 stops idle workers at any time, so nothing here relies
// on memory surviving: every decision reads the store (one indexed lookup).
import browser, { type Runtime } from 'webextension-polyfill';
import { getDb } from '../../shared/db/database.ts';
import { loadDefaultDirectoryOnce } from '../../shared/db/commands/directory.ts';
import { setSettings } from '../../shared/db/commands/settings.ts';
import { DEFAULT_PACK_FILE, fetchPack } from '../../shared/io/fetchPack.ts';
import { BUNDLED_FEED_PATH } from '../../shared/io/feeds/sampleFeed.ts';
import { parseBackgroundMessage } from '../../shared/messages/validate.ts';
import type { PageRequest, TabState } from '../../shared/messages/protocol.ts';
import type { PageHints } from '../../shared/model/types.ts';
import { clearBadge, showHints, showKnown } from './badge.ts';
import { deliverHints, scanTab } from './scanTab.ts';
import { handleContextMenuClick, installContextMenu } from './contextMenu.ts';
import { syncAutoScan } from './autoScan.ts';
import './verifyQueue.ts';
import './feedAlarm.ts';
import { decideTab, hasTellingHints, type Decision } from './decide.ts';
import { forgetTab, recallHints, rememberHints } from './tabMemory.ts';

const db = getDb();

async function ensureDefaultDirectory(): Promise<void> {
  try {
    const result = await loadDefaultDirectoryOnce(db, () => fetchPack(browser.runtime.getURL(DEFAULT_PACK_FILE)), browser.runtime.getURL(BUNDLED_FEED_PATH));
    if (result === 'loaded') await refreshAllTabs();
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
    const decision = await decideTab(db, url, hints, () => recallHints(tabId, url!));
    if (decision.entity) await showKnown(tabId, decision.entity.name);
    else if (hasTellingHints(decision.hints)) await showHints(tabId);
    else await clearBadge(tabId);
    await remembered;
    return decision;
  });
}

async function refreshAllTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((t) => (t.id !== undefined && t.url ? decide(t.id, t.url) : undefined)));
}

function isOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL(''));
}

function isOwnContentScript(sender: Runtime.MessageSender): boolean {
  return (
    sender.id === browser.runtime.id &&
    sender.tab?.id !== undefined &&
    sender.frameId === 0 &&
    /^https?:/.test(sender.url ?? '')
  );
}

async function handleRequest(msg: PageRequest): Promise<unknown> {
  switch (msg.type) {
    case 'ping':
      return { type: 'pong', version: browser.runtime.getManifest().version };
    case 'directory-changed':
      await refreshAllTabs();
      return { ok: true };
    case 'tab-state':
    case 'scan-tab': {
      const tab = await browser.tabs.get(msg.tabId);
      const hints = msg.type === 'scan-tab' ? await scanTab(msg.tabId) : undefined;
      const state: TabState = { tabId: msg.tabId, scannable: hints !== undefined, ...(await decide(msg.tabId, tab.url, hints)) };
      return state;
    }
    case 'set-auto-scan': {
      const ok = await syncAutoScan(msg.enabled);
      // The setting follows what is registered, so the settings page shows the truth.
      if (ok) await setSettings(db, { autoScan: msg.enabled });
      return { ok };
    }
  }
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const msg = parseBackgroundMessage(raw);
  if (!msg) return undefined; // not ours: ignored, never answered
  if (msg.type === 'page-hints') {
    if (!isOwnContentScript(sender)) return undefined;
    const tabId = sender.tab!.id!;
    deliverHints(tabId, msg.hints);
    return decide(tabId, sender.tab!.url ?? sender.url, msg.hints).then(() => ({ ok: true }));
  }
  if (!isOwnPage(sender)) return undefined;
  return handleRequest(msg);
});

browser.tabs.onUpdated.addListener((tabId, change, tab) => {
  // A new URL (including history.pushState navigations) re-decides the badge.
  if (change.url || (change.status === 'loading' && tab.url)) void decide(tabId, change.url ?? tab.url);
});

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

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

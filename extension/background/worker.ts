// The background service worker: page matching (badge), on-demand scans, the context menu and the
// first load of the default directory. MV3 stops idle workers at any time, so nothing here relies
// on memory surviving: every decision reads the store (one indexed lookup).
import browser, { type Runtime } from 'webextension-polyfill';
import { getDb } from '../../shared/db/database.ts';
import { findEntityByHints, findEntityForUrl } from '../../shared/db/queries.ts';
import { loadDefaultDirectoryOnce } from '../../shared/db/commands/directory.ts';
import { DEFAULT_PACK_FILE, fetchPack } from '../../shared/io/fetchPack.ts';
import { parseBackgroundMessage } from '../../shared/messages/validate.ts';
import type { PageRequest, TabState } from '../../shared/messages/protocol.ts';
import type { PageHints } from '../../shared/model/types.ts';
import { clearBadge, showHints, showKnown } from './badge.ts';
import { deliverHints, scanTab } from './scanTab.ts';
import { handleContextMenuClick, installContextMenu } from './contextMenu.ts';
import { syncAutoScan } from './autoScan.ts';

const db = getDb();

async function ensureDefaultDirectory(): Promise<void> {
  try {
    const result = await loadDefaultDirectoryOnce(db, () => fetchPack(browser.runtime.getURL(DEFAULT_PACK_FILE)));
    if (result === 'loaded') await refreshAllTabs();
  } catch (err) {
    console.error('Radar ES: the default directory could not be loaded', err);
  }
}

/** Decides the badge of one tab from its URL, then (if given) from identifiers found on the page. */
async function decide(tabId: number, url: string | undefined, hints?: PageHints): Promise<Omit<TabState, 'tabId' | 'scannable'>> {
  const byDomain = url ? await findEntityForUrl(db, url) : undefined;
  if (byDomain) {
    await showKnown(tabId, byDomain.entity.name);
    return { url, domain: byDomain.domain, entity: byDomain.entity, matchedBy: 'domain', hints };
  }
  const byId = hints ? await findEntityByHints(db, hints) : undefined;
  if (byId) {
    await showKnown(tabId, byId.entity.name);
    return { url, entity: byId.entity, matchedBy: byId.matchedBy, hints };
  }
  const hasHints = !!hints && (hints.phrases.length > 0 || hints.nips.length > 0 || hints.krs.length > 0 || hints.regons.length > 0);
  if (hasHints) await showHints(tabId);
  else await clearBadge(tabId);
  return { url, hints };
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
    case 'set-auto-scan':
      return { ok: await syncAutoScan(msg.enabled) };
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

browser.runtime.onInstalled.addListener(() => {
  installContextMenu();
  void ensureDefaultDirectory();
});
browser.runtime.onStartup.addListener(() => void ensureDefaultDirectory());
browser.contextMenus.onClicked.addListener((info) => void handleContextMenuClick(db, info));

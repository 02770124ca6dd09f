import browser from 'webextension-polyfill';
import type { TabState } from '../../shared/messages/protocol.ts';
import { send } from '../../shared/messages/client.ts';

/**
 * The tab the popup is about. Opened from the toolbar it is the active tab of the current window;
 * opened as a page (`popup.html?tab=ID`, e.g. from the keyboard-accessible full view) it is the
 * tab given in the address.
 */
export async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** What the background knows without touching the page: the site's entity, or an earlier scan. */
export async function fetchTabState(tabId: number): Promise<TabState> {
  return send({ type: 'tab-state', tabId });
}

/** Scans the page now (the popup's activeTab grant allows it) and decides again with what it found. */
export async function scanTabState(tabId: number): Promise<TabState> {
  return send({ type: 'scan-tab', tabId });
}

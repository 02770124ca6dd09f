import browser from 'webextension-polyfill';
import type { TabState } from '../../shared/messages/protocol.ts';

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

export async function fetchTabState(tabId: number): Promise<TabState> {
  return (await browser.runtime.sendMessage({ type: 'scan-tab', tabId })) as TabState;
}

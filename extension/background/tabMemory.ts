import browser from 'webextension-polyfill';
import type { PageHints } from '../../shared/model/types.ts';

// What the last scan of each tab found, in the browser's session storage: memory only, gone when
// the browser closes, and it outlives the service worker. A badge lit by a NIP on the page can so be
// re-decided when the directory changes (an import, a delete) without scanning the page again.
interface Remembered {
  url: string;
  hints: PageHints;
}

const keyOf = (tabId: number) => `tab:${tabId}`;

export async function rememberHints(tabId: number, url: string, hints: PageHints): Promise<void> {
  const value: Remembered = { url, hints };
  await browser.storage.session.set({ [keyOf(tabId)]: value });
}

/** The hints found on this tab, if they were found at this very address. */
export async function recallHints(tabId: number, url: string): Promise<PageHints | undefined> {
  const key = keyOf(tabId);
  const stored = (await browser.storage.session.get(key))[key] as Remembered | undefined;
  return stored?.url === url ? stored.hints : undefined;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

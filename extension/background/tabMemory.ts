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

// While the worker runs, the same in memory: a warm decision on a page of no known site asks it for
// every navigation, and a storage.session read is an extension API round trip (a few ms; the whole
// decision is meant to take under 2). `null`: known to have nothing. A woken worker starts empty
// and reads the session storage.
const memory = new Map<number, Remembered | null>();

export async function rememberHints(tabId: number, url: string, hints: PageHints): Promise<void> {
  const value: Remembered = { url, hints };
  memory.set(tabId, value);
  await browser.storage.session.set({ [keyOf(tabId)]: value });
}

/** The hints found on this tab, if they were found at this very address. */
export async function recallHints(tabId: number, url: string): Promise<PageHints | undefined> {
  let stored = memory.get(tabId);
  if (stored === undefined) {
    const key = keyOf(tabId);
    stored = ((await browser.storage.session.get(key))[key] as Remembered | undefined) ?? null;
    if (!memory.has(tabId)) memory.set(tabId, stored);
  }
  return stored?.url === url ? stored.hints : undefined;
}

export async function forgetTab(tabId: number): Promise<void> {
  memory.delete(tabId);
  await browser.storage.session.remove(keyOf(tabId));
}

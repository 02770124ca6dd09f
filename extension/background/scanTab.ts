import browser from 'webextension-polyfill';
import contentScript from '../content/pageScanner.ts?script&iife';
import type { PageHints } from '../../shared/model/types.ts';

// A scan of one tab on demand (popup open): inject the content script with the activeTab grant
// and wait for the hints it sends back. Waiters live only while the popup keeps the worker awake.
const waiters = new Map<number, (hints: PageHints) => void>();

export const CONTENT_SCRIPT_FILE = contentScript;

export function deliverHints(tabId: number, hints: PageHints): void {
  waiters.get(tabId)?.(hints);
  waiters.delete(tabId);
}

export async function scanTab(tabId: number, timeoutMs = 3000): Promise<PageHints | undefined> {
  const result = new Promise<PageHints | undefined>((resolve) => {
    waiters.set(tabId, resolve);
    setTimeout(() => {
      if (waiters.get(tabId) === resolve) waiters.delete(tabId);
      resolve(undefined);
    }, timeoutMs);
  });
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [contentScript] });
  } catch {
    // Browser pages, the web store and pages without the activeTab grant cannot be scanned.
    waiters.delete(tabId);
    return undefined;
  }
  return result;
}

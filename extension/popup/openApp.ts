import browser from 'webextension-polyfill';

/** The app page's address for a route (`#/entity/…`, `#/directory?q=…`, `#/settings`). */
export function appUrl(hash: string): string {
  return browser.runtime.getURL(`app.html${hash}`);
}

/** Opens the app page in a new tab and closes the popup (a popup stays open only while focused). */
export async function openApp(hash: string): Promise<void> {
  await browser.tabs.create({ url: appUrl(hash) });
  window.close();
}

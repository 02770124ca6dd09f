// Opens the benchmark page (bench/page) of an origin and waits for window.__bench. The standalone
// app's service worker answers every navigation of its origin with the app's index.html (workbox's
// navigation fallback), so the page is fetched past the service worker.
import type { BrowserContext, Page } from 'playwright-core';
import type { Bench } from '../page/main.ts';

export type BenchWindow = { __bench: Bench };

export async function openBenchPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as BenchWindow).__bench === 'object');
  return page;
}

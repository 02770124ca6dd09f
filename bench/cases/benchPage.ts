// Opens the benchmark page (bench/page) of an origin and waits for window.__bench. The standalone
// app's service worker answers every navigation of its origin with the app's index.html (workbox's
// navigation fallback), so the page is fetched past the service worker.
import type { BrowserContext, Page } from 'playwright-core';
import type { Bench } from '../page/main.ts';

export type BenchWindow = { __bench: Bench; crossOriginIsolated: boolean };

/**
 * `isolated`: serve the page cross-origin isolated (COOP + COEP headers added on the way), which
 * makes performance.now() precise to 5 µs instead of 100 µs — needed to time sub-millisecond queries.
 */
export async function openBenchPage(context: BrowserContext, url: string, opts: { isolated?: boolean } = {}): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  if (opts.isolated) {
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
      });
    });
  }
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as BenchWindow).__bench === 'object');
  if (opts.isolated && !(await page.evaluate(() => (window as unknown as BenchWindow).crossOriginIsolated))) {
    throw new Error('the benchmark page is not cross-origin isolated: its timer would be too coarse');
  }
  return page;
}

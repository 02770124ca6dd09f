// The foundation: one store shared live by popup and app page, a background that answers,
// and a standalone SPA that starts with the default directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, launchExtension, serveStatic, SPA_DIR, until, type ExtensionSession, type StaticServer } from './harness.ts';

describe('extension', () => {
  let ext: ExtensionSession;
  let sites: StaticServer;
  // Everything the service worker and the extension's pages log as an error or a warning.
  const problems: string[] = [];

  beforeAll(async () => {
    sites = await serveStatic({ byHost: true });
    ext = await launchExtension({ sitesPort: sites.port });
    ext.worker.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`worker ${m.type()}: ${m.text()}`);
    });
    ext.context.on('page', (page) => {
      page.on('pageerror', (e) => problems.push(`${page.url()}: ${String(e)}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && page.url().startsWith('chrome-extension:')) problems.push(`${page.url()}: ${m.text()}`);
      });
    });
  });
  afterAll(async () => {
    await ext?.close();
    await sites?.close();
  });

  it('the background answers a message from an extension page', async () => {
    const app = await ext.open('app.html');
    const answer = await app.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'ping' }));
    expect(answer).toEqual({ type: 'pong', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    // A message of a shape the protocol does not know gets no answer at all.
    const ignored = await app.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'drop-database' }));
    expect(ignored).toBeUndefined();
    await app.close();
  });

  it('loads the default directory once, and a save in the popup shows up live in an open app page', async () => {
    const app = await ext.open('app.html#/saved');
    const directory = await ext.open('app.html#/directory');
    await until(async () => /405/.test((await directory.getByTestId('directory-count').textContent()) ?? ''), 'the default directory (405 entities)');
    expect(await app.getByTestId('saved-list').locator('li').count()).toBe(0);

    const site = await ext.context.newPage();
    await site.goto('http://www.pcogito.pl/');
    const popup = await ext.popupFor(site);
    await popup.getByRole('heading', { name: /U Pana Cogito/ }).waitFor();
    await popup.getByRole('button', { name: 'Zapisz' }).first().click();

    // The app page was not reloaded: Dexie's cross-context broadcast refreshed its live query.
    await app.getByTestId('saved-list').getByText(/U Pana Cogito/).waitFor({ timeout: 5000 });
    expect(await app.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);

    // Restarting the app page does not load the default directory a second time.
    await directory.reload();
    await until(async () => /405/.test((await directory.getByTestId('directory-count').textContent()) ?? ''), 'the directory count after reload');
  });

  it('logged no error or warning in its service worker or pages', () => {
    expect(problems).toEqual([]);
  });
});

describe('standalone SPA', () => {
  let spa: StaticServer;
  beforeAll(async () => {
    spa = await serveStatic({ dir: SPA_DIR });
  });
  afterAll(async () => spa?.close());

  it('starts with the default directory and no extension APIs', async () => {
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${spa.url}/#/directory`);
      await until(async () => /405/.test((await page.getByTestId('directory-count').textContent()) ?? ''), 'the default directory in the standalone SPA');
      expect(await page.evaluate(() => typeof (globalThis as any).chrome?.runtime?.id)).toBe('undefined');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

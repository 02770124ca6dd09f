// Hostile files, end to end in the extension (issue #19): a received list package with a
// `javascript:` web site is refused and changes nothing; one that claims domains imports, but only
// the sites it lists as web sites light the badge, and no link the app or the popup shows is
// anything but http(s), a plain mailto: or a tel:. Data that an earlier version stored unchecked is
// shown as text, never as a link.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity, Person } from '../../shared/model/types.ts';
import { launchExtension, serveStatic, until, type ExtensionSession, type StaticServer } from './harness.ts';

async function idb<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('radar-es');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const all = await new Promise<unknown[]>((ok, ko) => {
      const r = db.transaction(name).objectStore(name).getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    db.close();
    return all;
  }, store) as Promise<T[]>;
}

async function idbPut(page: Page, store: string, items: unknown[]): Promise<void> {
  await page.evaluate(
    async ({ store, items }) => {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const r = indexedDB.open('radar-es');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      const tx = db.transaction(store, 'readwrite');
      for (const item of items) tx.objectStore(store).put(item);
      await new Promise((ok, ko) => {
        tx.oncomplete = ok;
        tx.onerror = () => ko(tx.error);
      });
      db.close();
    },
    { store, items },
  );
}

/** Every href on the page that is not a route of the app itself. */
async function dataLinks(page: Page): Promise<string[]> {
  return page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? '').filter((h) => !h.startsWith('#')));
}

// A mailto: is one plain address, with at most the subject and body the contact form fills in.
const SAFE_LINK = /^(?:https?:\/\/[^\s]+|mailto:[^?,;&\s]+@[^?,;&\s]+(?:\?subject=[^&=]*&body=[^&=]*)?|tel:\+?\d+)$/;

const AT = '2026-11-20T12:00:00.000Z';
const base = {
  format: 'radar-es/list-package',
  version: 1,
  exportedAt: AT,
  exporter: { name: 'Nieznajomy' },
  list: { name: 'Polecane' },
  persons: [] as Person[],
};
function entity(over: Partial<Entity> & Record<string, unknown>) {
  return {
    id: 'name:wrogi',
    name: 'Fundacja Zaufana',
    legalForm: 'fundacja',
    address: { city: 'Lublin' },
    domains: [],
    websites: [],
    emails: [],
    phones: [],
    categories: [],
    sources: [{ url: 'file:polecane.json', seenAt: '2026-11-20' }],
    origin: 'directory',
    createdAt: AT,
    updatedAt: AT,
    ...over,
  };
}

describe('hostile list packages', () => {
  let ext: ExtensionSession;
  let sites: StaticServer;
  let app: Page;

  beforeAll(async () => {
    sites = await serveStatic({ byHost: true });
    ext = await launchExtension({ sitesPort: sites.port });
    app = await ext.open('app.html#/lists');
    await until(async () => (await idb(app, 'entities')).length >= 160, 'the default directory');
  });
  afterAll(async () => {
    await ext?.close();
    await sites?.close();
  });

  async function pick(pkg: unknown) {
    await app.getByTestId('import-file').setInputFiles({ name: 'polecane.radar-es.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pkg)) });
  }

  it('a javascript: web site refuses the package, says which field and why, and changes nothing', async () => {
    const before = (await idb(app, 'entities')).length;
    await pick({ ...base, entities: [entity({ websites: ['javascript:alert(document.domain)'] })] });
    const error = app.getByTestId('import-error');
    await until(async () => /pole entities\[0\]\.websites\[0\] — to nie jest adres strony www/.test((await error.textContent().catch(() => '')) ?? ''), 'the refusal');
    expect(await error.textContent()).toContain('Nic nie zostało zmienione.');
    await pick({ ...base, entities: [entity({ emails: ['biuro@zaufana.pl?bcc=wszyscy@example.com'] })] });
    await until(async () => /emails\[0\] — to nie jest zwykły adres e-mail/.test((await error.textContent().catch(() => '')) ?? ''), 'the e-mail refusal');
    expect((await idb(app, 'entities')).length).toBe(before);
  });

  it('domains the file claims light no badge; only its checked web site does, and every link is http(s)', async () => {
    await pick({
      ...base,
      entities: [entity({ domains: ['zwykla-strona.pl', 'google.com'], websites: ['https://nowa-spoldzielnia.pl/'], emails: ['biuro@zaufana.pl'] })],
    });
    await app.getByTestId('import-preview').waitFor();
    await app.getByRole('button', { name: 'Importuj', exact: true }).click();
    await app.getByTestId('import-done').waitFor();
    const stored = (await idb<Entity>(app, 'entities')).find((e) => e.name === 'Fundacja Zaufana');
    expect(stored?.domains).toEqual(['nowa-spoldzielnia.pl']);

    // The positive control first (the import reached the badge), then the claimed site.
    const own = await ext.context.newPage();
    await own.goto(`http://nowa-spoldzielnia.pl:${sites.port}/`);
    const ownTab = await ext.tabId(own);
    await until(async () => (await ext.badge(ownTab)) === 'ES', 'the badge on the web site the package lists');
    const claimed = await ext.context.newPage();
    await claimed.goto(`http://zwykla-strona.pl:${sites.port}/`);
    const claimedTab = await ext.tabId(claimed);
    await until(async () => (await ext.title(claimedTab)) !== '', 'the claimed site decided');
    expect(await ext.badge(claimedTab)).toBe('');

    const popup = await ext.popupFor(own);
    await popup.getByText('Fundacja Zaufana').first().waitFor();
    for (const h of await dataLinks(popup)) expect(h).toMatch(SAFE_LINK);
    await popup.close();

    const page = await ext.open(`app.html#/entity/${encodeURIComponent(stored!.id)}`);
    await page.getByTestId('open-website').waitFor();
    expect(await page.getByTestId('open-website').getAttribute('href')).toBe('https://nowa-spoldzielnia.pl/');
    for (const h of await dataLinks(page)) expect(h).toMatch(SAFE_LINK);
    await Promise.all([own.close(), claimed.close(), page.close()]);
  });

  it('data an earlier version stored unchecked is shown as text, never as a link', async () => {
    const raw = entity({
      id: 'name:stary',
      name: 'Stary Wpis',
      websites: ['javascript:alert(1)', 'data:text/html,<b>x</b>'],
      emails: ['jan@x.pl?bcc=all@y.pl'],
      phones: ['javascript:1'],
      sources: [{ url: 'javascript:alert(2)', seenAt: '2026-11-20' }],
    });
    await idbPut(app, 'entities', [raw]);
    await idbPut(app, 'persons', [
      { id: 'person_zly', entityId: 'name:stary', name: 'Jan Zły', email: 'jan@x.pl?bcc=all@y.pl', phone: 'javascript:2', createdAt: AT, updatedAt: AT },
    ]);
    const page = await ext.open('app.html#/entity/name%3Astary');
    await page.getByRole('heading', { name: 'Stary Wpis' }).waitFor();
    await page.getByTestId('persons').getByText('Jan Zły').waitFor();
    expect(await page.getByTestId('open-website').count()).toBe(0);
    expect(await page.getByText('javascript:alert(1)').count()).toBeGreaterThan(0); // shown, as text
    const links = await dataLinks(page);
    for (const h of links) expect(h).toMatch(SAFE_LINK);
    expect(links.some((h) => /javascript|data:|bcc/i.test(h))).toBe(false);
    // Names are isolated from the text around them (a right-to-left name can't reorder it).
    expect(await page.locator('h1[dir=auto]').textContent()).toBe('Stary Wpis');
    expect(await page.getByTestId('persons').locator('bdi').first().textContent()).toBe('Jan Zły');
    await page.close();
  });
});

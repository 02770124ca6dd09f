// The directory's change log, end to end: whatever page writes to the directory (the app's add
// entity and entity pages, the flags page, the popup), an open tab's badge and an open directory's
// search follow without a reload, and without the page that wrote telling anyone by hand. Some
// writes are made while the service worker is stopped, as MV3 does to an idle worker: the app page
// that follows the log wakes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, serveStatic, until, type ExtensionSession, type StaticServer } from './harness.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a change to the directory reaches open tabs and the search', () => {
  let ext: ExtensionSession;
  let sites: StaticServer;

  beforeAll(async () => {
    sites = await serveStatic({ byHost: true });
    ext = await launchExtension({ granted: true, sitesPort: sites.port });
    const app = await ext.open('app.html#/lists');
    await until(
      () => app.evaluate(() => new Promise<number>((resolve) => {
        const open = indexedDB.open('radar-es');
        open.onsuccess = () => {
          const req = open.result.transaction('entities').objectStore('entities').count();
          req.onsuccess = () => (open.result.close(), resolve(req.result));
        };
      })).then((n) => n >= 160),
      'the default directory',
      20_000,
    );
    await app.close();
  });
  afterAll(async () => {
    await ext?.close();
    await sites?.close();
  });

  async function visit(url: string): Promise<{ page: Page; tab: number }> {
    const page = await ext.context.newPage();
    await page.goto(url);
    return { page, tab: await ext.tabId(page) };
  }

  async function stopWorker(page: Page): Promise<void> {
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  }

  async function searchFor(directory: Page, q: string): Promise<string[]> {
    await directory.locator('#directory-q').fill(q);
    await sleep(200);
    return directory.getByTestId('results').locator('a').allTextContents();
  }

  it('an entity added, edited and deleted on the app pages: the open tab of its site and an open directory follow', async () => {
    const site = await visit('http://zwykla-strona.pl/');
    await sleep(300);
    expect(await ext.badge(site.tab)).toBe(''); // nobody known there yet
    const directory = await ext.open('app.html#/directory');
    await directory.getByTestId('directory-count').waitFor({ timeout: 15_000 });
    expect(await searchFor(directory, 'pracownia zwykla')).toEqual([]);
    const count = async () => Number((await directory.getByTestId('directory-count').textContent())?.replace(/\D/g, ''));
    const before = await count();

    const app = await ext.open('app.html#/add');
    await stopWorker(app); // the background is asleep when the user saves
    await app.getByLabel('Nazwa *').fill('Pracownia Zwykła');
    await app.getByLabel('Miejscowość').fill('Gniezno');
    await app.getByLabel('Strona internetowa').fill('http://zwykla-strona.pl/');
    await app.getByRole('button', { name: 'Dodaj podmiot' }).click();
    await app.getByRole('heading', { level: 1, name: 'Pracownia Zwykła' }).waitFor();
    await until(async () => (await ext.badge(site.tab)) === 'ES', 'the badge of the site after the entity was added');
    expect(await ext.title(site.tab)).toMatch(/Pracownia Zwykła/);
    await until(async () => (await searchFor(directory, 'pracownia zwykla')).includes('Pracownia Zwykła'), 'the new entity in the open directory');
    expect(await count()).toBe(before + 1);

    await app.getByRole('button', { name: 'Edytuj dane' }).click();
    const edit = app.getByRole('region', { name: 'Edycja danych podmiotu' });
    await edit.getByLabel('Nazwa *').fill('Pracownia Zwykła i Niezwykła');
    await edit.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await app.getByRole('heading', { level: 1, name: 'Pracownia Zwykła i Niezwykła' }).waitFor();
    await until(async () => /Niezwykła/.test(await ext.title(site.tab)), 'the badge title after the edit');
    await until(async () => (await searchFor(directory, 'niezwykla')).includes('Pracownia Zwykła i Niezwykła'), 'the edited name in the open directory');

    await app.getByRole('button', { name: 'Usuń podmiot' }).click();
    await app.getByRole('alertdialog').getByRole('button', { name: 'Tak, usuń' }).click();
    await app.getByRole('heading', { level: 1, name: 'Katalog' }).waitFor();
    await until(async () => (await ext.badge(site.tab)) === '', 'the badge cleared after the delete');
    await until(async () => (await searchFor(directory, 'niezwykla')).length === 0, 'the deleted entity gone from the open directory');
    await Promise.all([site.page.close(), directory.close(), app.close()]);
  });

  it('a candidate promoted and a candidate dismissed on the flags page: the open tab follows', async () => {
    const site = await visit('http://nowa-spoldzielnia.pl/');
    const addCandidate = async (name: string) => {
      const popup = await ext.popupFor(site.page);
      await popup.getByTestId('hints').waitFor();
      await until(async () => (await popup.getByLabel('Nazwa').inputValue()) !== '', 'the name from the page');
      await popup.getByLabel('Nazwa').fill(name);
      await popup.getByRole('button', { name: 'Dodaj jako kandydata' }).click();
      await popup.getByRole('heading', { level: 1, name }).waitFor();
      await popup.close();
      await until(async () => (await ext.badge(site.tab)) === 'ES', 'the badge after adding the candidate');
    };
    await addCandidate('Zielony Zakątek');

    const flags = await ext.open('app.html#/flags');
    await stopWorker(flags);
    const candidate = flags.getByTestId('flags').locator('li[data-kind="candidate"][data-status="open"]');
    await candidate.getByRole('button', { name: 'Przejrzyj i dodaj do katalogu' }).click();
    await candidate.getByLabel('Nazwa *').fill('Spółdzielnia Socjalna Zielony Zakątek');
    await candidate.getByRole('button', { name: 'Dodaj do katalogu' }).click();
    await until(async () => /Spółdzielnia Socjalna Zielony Zakątek/.test(await ext.title(site.tab)), 'the badge title after the promotion');

    // Deleted on its page (the page's NIP stays a telling hint), added again, then dismissed.
    const entity = await ext.open(`app.html#/entity/${encodeURIComponent('nip:1234563218')}`);
    await entity.getByRole('button', { name: 'Usuń podmiot' }).click();
    await entity.getByRole('alertdialog').getByRole('button', { name: 'Tak, usuń' }).click();
    await until(async () => (await ext.badge(site.tab)) === '?', 'the badge after the delete');
    await entity.close();

    await addCandidate('Zielony Zakątek raz jeszcze');
    await flags.reload();
    await stopWorker(flags);
    const again = flags.getByTestId('flags').locator('li[data-kind="candidate"][data-status="open"]');
    await again.getByRole('button', { name: 'Odrzuć' }).click();
    await until(async () => (await ext.badge(site.tab)) === '?', 'the badge after the candidate was dismissed');
    await Promise.all([site.page.close(), flags.close()]);
  });
});

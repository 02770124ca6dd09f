// Issue 18 end to end, in Chromium with the built extension: the directory gets better as you
// browse. On a known entity's site the popup lists what the page states that the entity lacks; the
// values added keep the page as their source, show on the app's entity page and survive a
// re-import that states other values (both shown, the user picks). An unknown site is linked to an
// entity from the popup, after which the badge lights there. A hostile page runs nothing and offers
// nothing invalid. A correction from "Data looks wrong" shows at once with the original value.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, serveStatic, until, type ExtensionSession, type StaticServer } from './harness.ts';
import { idbPut, startApp } from './spaApp.ts';

const JANOW = 'Powiatowy Zakład Aktywności Zawodowej w Janowie Lubelskim';
const RAZEM = 'Fundacja Razem dla Życia';

interface StoredEntity {
  id: string;
  name: string;
  nip?: string;
  address: Record<string, string>;
  domains: string[];
  websites: string[];
  emails: string[];
  phones: string[];
  userValues?: { field: string; kind: string; value?: string; original?: string; source: { url: string }; later?: { value: string } }[];
}

function entities(page: Page): Promise<StoredEntity[]> {
  return page.evaluate(
    () =>
      new Promise<StoredEntity[]>((resolve, reject) => {
        const open = indexedDB.open('radar-es');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('entities', 'readonly').objectStore('entities').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as StoredEntity[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

const byName = async (page: Page, name: string) => (await entities(page)).find((e) => e.name === name)!;

describe('facts from the page, linked sites and corrections', () => {
  let ext: ExtensionSession;
  let sites: StaticServer;
  let app: Page;

  beforeAll(async () => {
    sites = await serveStatic({ byHost: true });
    ext = await launchExtension({ granted: true, sitesPort: sites.port });
    app = await ext.open('app.html#/directory');
    await until(async () => (await entities(app)).length >= 160, 'the default directory', 20_000);
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

  it('lists what a known entity’s page states that the entity lacks, and adds it all with the page as source', async () => {
    // The directory's record without its postal code (the refreshed sample has it), as most regional
    // lists give an entity: the page states it.
    const listed = await byName(app, JANOW);
    const { postalCode: _, ...address } = listed.address;
    const fieldSources = { ...(listed as { fieldSources?: Record<string, string> }).fieldSources };
    delete fieldSources['address.postalCode'];
    await idbPut(app, [{ store: 'entities', value: { ...listed, address, fieldSources } }]);
    const { page, tab } = await visit('http://www.zazjanowlubelski.pl/');
    await until(async () => (await ext.badge(tab)) === 'ES', 'the badge on the ZAZ’s site');
    const popup = await ext.popupFor(page);
    await popup.getByRole('heading', { level: 1, name: JANOW }).waitFor();
    const found = popup.getByTestId('found-on-page');
    await found.getByRole('heading', { name: 'Znalezione na tej stronie' }).waitFor();
    const text = (await found.textContent()) ?? '';
    expect(text).toContain('biuro@zazjanowlubelski.pl');
    expect(text).toContain('sekretariat@zazjanowlubelski.pl');
    expect(text).toContain('9223001840');
    expect(text).toContain('23-300');
    expect(text).toContain('https://sklep-zaz-janow.pl/');
    expect(text).not.toMatch(/facebook|javascript/i);
    await popup.screenshot({ path: '/tmp/shots-facts/popup-found-pl.png', fullPage: true }).catch(() => undefined);

    await found.getByRole('button', { name: /^Dodaj wszystkie brakujące \(\d+\)$/ }).click();
    await found.getByText(/^Dodano \d+ wartoś/).waitFor();
    // Everything added is gone from the list: the entity has it now.
    await found.getByText('Strona nie podaje nic, czego brakowałoby w katalogu.').waitFor();

    const e = await byName(app, JANOW);
    expect(e.emails).toEqual(['biuro@zazjanowlubelski.pl', 'sekretariat@zazjanowlubelski.pl']);
    expect(e.phones).toEqual(expect.arrayContaining(['+48158710035', '+48158710036']));
    expect(e.nip).toBe('9223001840');
    expect(e.address.postalCode).toBe('23-300');
    expect(e.domains).toContain('sklep-zaz-janow.pl');
    expect(e.userValues!.every((v) => v.source.url === 'http://www.zazjanowlubelski.pl/')).toBe(true);
    await popup.close();
    await page.close();

    // The app page shows each added value with its source.
    await app.goto(`chrome-extension://${ext.id}/app.html#/entity/${encodeURIComponent(e.id)}`);
    const mine = app.getByTestId('user-values');
    await mine.waitFor();
    expect(await mine.getByTestId('user-value').count()).toBe(e.userValues!.length);
    expect(await mine.textContent()).toContain('biuro@zazjanowlubelski.pl');
    expect(await mine.getByRole('link', { name: 'http://www.zazjanowlubelski.pl/' }).count()).toBe(e.userValues!.length);
  });

  it('a re-import keeps what the user added, and a differing value of the new list is shown beside it to pick', async () => {
    const before = await byName(app, JANOW);
    const csv =
      'name,legal_form,city,street,postal_code,website,email\n' +
      `${JANOW},zaz,Janów Lubelski,ul. Jana Zamoyskiego 149,23-301,http://www.zazjanowlubelski.pl,\n`;
    await app.goto(`chrome-extension://${ext.id}/app.html#/import`);
    await app.getByTestId('import-file').setInputFiles({ name: 'lista-2027.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await app.getByTestId('import-start').click();
    await expect.poll(() => app.getByTestId('import-result').textContent(), { timeout: 20_000 }).toMatch(/Import zakończony/);

    const after = await byName(app, JANOW);
    expect(after.id).toBe(before.id);
    expect(after.emails).toEqual(before.emails);
    expect(after.nip).toBe('9223001840');
    expect(after.address.postalCode).toBe('23-300');
    expect(after.userValues!.find((v) => v.field === 'address.postalCode')!.later).toEqual(expect.objectContaining({ value: '23-301' }));

    await app.goto(`chrome-extension://${ext.id}/app.html#/entity/${encodeURIComponent(after.id)}`);
    const later = app.getByTestId('user-value-later');
    await later.waitFor();
    expect(await later.textContent()).toContain('Nowsze źródło podaje: 23-301');
    await app.setViewportSize({ width: 1280, height: 800 });
    await app.screenshot({ path: '/tmp/shots-facts/entity-later-pl.png', fullPage: true }).catch(() => undefined);
    await later.getByRole('button', { name: 'Użyj nowszego' }).click();
    await until(async () => (await byName(app, JANOW)).address.postalCode === '23-301', 'the newer postal code taken');
    expect(await app.getByTestId('entity-card').textContent()).toContain('23-301');
  });

  it('links an unknown site to an entity from the popup; the badge lights there and the app lists the site with its source', async () => {
    const { page, tab } = await visit('http://razemdlazycia.pl/');
    await page.waitForLoadState('load');
    expect(await ext.badge(tab)).toBe('');
    const popup = await ext.popupFor(page);
    const link = popup.getByTestId('link-site');
    await link.getByRole('button', { name: 'To jest strona podmiotu…' }).click();
    const search = link.getByLabel('Szukaj podmiotu');
    await expect.poll(() => search.inputValue()).toBe('Fundacja Razem dla Życia Proszowice');
    await popup.screenshot({ path: '/tmp/shots-facts/popup-link-pl.png', fullPage: true }).catch(() => undefined);
    await link.getByRole('button', { name: `To strona: ${RAZEM}` }).click();
    // The popup now shows the entity, with what the page states that it lacks.
    await popup.getByRole('heading', { level: 1, name: RAZEM }).waitFor();
    const found = popup.getByTestId('found-on-page');
    await found.getByText('kontakt@razemdlazycia.pl').waitFor();
    await until(async () => (await ext.badge(tab)) === 'ES', 'the badge on the linked site');

    const e = await byName(app, RAZEM);
    expect(e.domains).toEqual(['razemdlazycia.pl']);
    expect(e.websites).toEqual(['http://razemdlazycia.pl/']);
    await popup.close();
    await page.close();

    // A later visit is recognised by the site's address.
    const again = await visit('http://razemdlazycia.pl/');
    await until(async () => (await ext.badge(again.tab)) === 'ES', 'the badge on a new visit');
    await again.page.close();

    await app.goto(`chrome-extension://${ext.id}/app.html#/entity/${encodeURIComponent(e.id)}`);
    const mine = app.getByTestId('user-values');
    await mine.waitFor();
    expect(await mine.textContent()).toContain('http://razemdlazycia.pl/');
    expect(await mine.getByTestId('user-value-source').first().getByRole('link').getAttribute('href')).toBe('http://razemdlazycia.pl/');
  });

  it('a hostile page runs nothing, breaks nothing and offers only valid values; another entity’s NIP is not attached', async () => {
    const target = await byName(app, 'Ogród Żyrafy');
    const { page } = await visit('http://wrogi-jsonld.pl/');
    const popup = await ext.popupFor(page);
    await popup.getByTestId('hints').waitFor();
    const link = popup.getByTestId('link-site');
    await link.getByRole('button', { name: 'To jest strona podmiotu…' }).click();
    const search = link.getByLabel('Szukaj podmiotu');
    await search.fill('Ogród Żyrafy');
    await link.getByRole('button', { name: 'To strona: Ogród Żyrafy' }).click();
    await popup.getByRole('heading', { level: 1, name: 'Ogród Żyrafy' }).waitFor();
    const found = popup.getByTestId('found-on-page');
    await found.getByRole('heading', { name: 'Znalezione na tej stronie' }).waitFor();
    const text = (await found.textContent()) ?? '';
    expect(text).not.toMatch(/bcc|javascript|data:|facebook|1234563219|ogromna|gleboka|zkodu/i);
    // The page states Alternatywy's NIP: shown as another entity's, with no button to add it.
    expect(text).toMatch(/ten numer ma w katalogu inny podmiot: Spółdzielnia Socjalna „ALTERNATYWY”/);
    expect(await found.getByRole('button', { name: /NIP/ }).count()).toBe(0);
    expect(await found.locator('li').count()).toBeLessThanOrEqual(12);
    // The legal name it states differs from the entity's: offered alone, never in "add all".
    expect(text).toContain('Spółdzielnia Socjalna Wroga');
    expect(text).not.toMatch(/<|onmouseover|onerror/);
    await found.getByRole('button', { name: /^Dodaj wszystkie brakujące/ }).click();
    await found.getByText(/^Dodano/).waitFor();
    const e = (await entities(app)).find((x) => x.id === target.id)!;
    expect(e.name).toBe('Ogród Żyrafy');
    expect(e.nip).toBeUndefined();
    expect(e.emails.length).toBeGreaterThan(0);
    expect(e.emails.every((m) => /^osoba\d+@wrogi-jsonld\.pl$/.test(m))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await popup.close();
    await page.close();
  });

  it('"Data looks wrong" proposes a correction shown at once, with the original value and its source', async () => {
    const e = await byName(app, 'Spółdzielnia Socjalna „ALTERNATYWY” (Dom Dziennego Pobytu dla Seniora)');
    await app.goto(`chrome-extension://${ext.id}/app.html#/entity/${encodeURIComponent(e.id)}`);
    await app.getByRole('button', { name: 'Zgłoś' }).click();
    await app.getByRole('radio', { name: 'Dane wyglądają na błędne' }).check();
    const form = app.getByTestId('correction-form');
    await form.getByLabel('Pole').selectOption('address.street');
    await form.getByLabel('Prawidłowa wartość').fill('ul. Fabryczna 23B');
    await form.getByLabel('Uwaga (opcjonalnie)').fill('Przenieśli się w listopadzie');
    await form.getByRole('button', { name: 'Zapisz poprawkę' }).click();
    await form.getByText('Poprawka zapisana').waitFor();
    await expect.poll(() => app.getByTestId('entity-card').textContent()).toContain('ul. Fabryczna 23B');
    const mine = app.getByTestId('user-values');
    expect(await mine.getByTestId('user-value-original').textContent()).toMatch(/wcześniej: ul\. Gen\. W\. Sikorskiego 15\/4 · źródło: \S/);
    expect(await mine.textContent()).toContain('Przenieśli się w listopadzie');
    await app.screenshot({ path: '/tmp/shots-facts/entity-correction-pl.png', fullPage: true }).catch(() => undefined);
  });

  it('a contact person’s e-mail and phone are used to contact an entity that has none of its own', async () => {
    const e = await byName(app, 'Ogród Żyrafy');
    // Ogród Żyrafy got e-mails from the hostile page above: take an entity with no contact data at all.
    const bare = (await entities(app)).find((x) => !x.emails.length && !x.phones.length && x.id !== e.id)!;
    await app.goto(`chrome-extension://${ext.id}/app.html#/entity/${encodeURIComponent(bare.id)}`);
    const contact = app.getByTestId('contact-actions');
    await contact.getByText('Brak danych kontaktowych').waitFor();
    await app.getByRole('button', { name: 'Dodaj osobę' }).click();
    const form = app.getByRole('form', { name: 'Osoba kontaktowa' });
    await form.getByLabel('Imię i nazwisko').fill('Anna Nowak');
    await form.getByLabel('E-mail').fill('anna.nowak@example.pl');
    await form.getByLabel('Telefon').fill('600 700 800');
    await form.getByRole('button', { name: 'Zapisz' }).click();
    const mail = contact.getByTestId('mailto');
    await mail.waitFor();
    expect(await mail.getAttribute('href')).toMatch(/^mailto:anna\.nowak@example\.pl\?/);
    expect(await contact.getByRole('link', { name: /^Zadzwoń: .*600 700 800 \(Anna Nowak\)$/ }).getAttribute('href')).toBe('tel:+48600700800');
    expect(await contact.getByText('Brak danych kontaktowych').count()).toBe(0);
  });

  it('the correction and the linked site travel in a shared list package and show in another profile as the sender’s', async () => {
    const alternatywy = await byName(app, 'Spółdzielnia Socjalna „ALTERNATYWY” (Dom Dziennego Pobytu dla Seniora)');
    const razem = await byName(app, RAZEM);
    const T0 = '2026-12-01T10:00:00.000Z';
    // The list itself is the user's ordinary work (tested elsewhere): written directly.
    await idbPut(app, [
      { store: 'lists', value: { id: 'list_facts', name: 'Do sprawdzenia', createdAt: T0, updatedAt: T0 } },
      { store: 'listMembers', value: { listId: 'list_facts', entityId: alternatywy.id, addedAt: T0 } },
      { store: 'listMembers', value: { listId: 'list_facts', entityId: razem.id, addedAt: '2026-12-01T10:01:00.000Z' } },
    ]);
    await app.goto(`chrome-extension://${ext.id}/app.html#/list/list_facts`);
    await app.getByRole('heading', { name: 'Do sprawdzenia', level: 1 }).waitFor();
    await app.getByRole('button', { name: 'Udostępnij lub eksportuj…' }).click();
    const dialog = app.getByRole('dialog');
    const [file] = await Promise.all([app.waitForEvent('download'), dialog.getByRole('button', { name: 'Pobierz plik' }).click()]);
    const pkg = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    const sent = pkg.entities.find((x: StoredEntity) => x.id === alternatywy.id);
    expect(sent.address.street).toBe('ul. Fabryczna 23B');
    expect(sent.userValues).toEqual([expect.objectContaining({ field: 'address.street', kind: 'corrected', value: 'ul. Fabryczna 23B', original: 'ul. Gen. W. Sikorskiego 15/4' })]);

    // Profile B: the standalone app with the default directory, nothing of A's.
    const b = await startApp('standalone');
    try {
      const pageB = await b.open('#/lists');
      await pageB.getByTestId('import-file').setInputFiles({ name: 'do-sprawdzenia.radar-es.json', mimeType: 'application/json', buffer: readFileSync((await file.path())!) });
      await pageB.getByTestId('import-preview').waitFor();
      await pageB.getByRole('button', { name: 'Importuj', exact: true }).click();
      await pageB.getByTestId('import-done').waitFor();
      await pageB.goto(b.url(`#/entity/${encodeURIComponent(alternatywy.id)}`));
      await expect.poll(() => pageB.getByTestId('entity-card').textContent()).toContain('ul. Fabryczna 23B');
      const mine = pageB.getByTestId('user-values');
      expect(await mine.getByTestId('user-value-original').textContent()).toMatch(/wcześniej: ul\. Gen\. W\. Sikorskiego 15\/4/);
      expect(await mine.textContent()).toContain('Przenieśli się w listopadzie');
      await pageB.goto(b.url(`#/entity/${encodeURIComponent(razem.id)}`));
      await pageB.getByTestId('user-values').getByText('http://razemdlazycia.pl/').first().waitFor();
    } finally {
      await b.close();
    }
  });
});

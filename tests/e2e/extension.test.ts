// Issue 4 end to end: the built extension in Chromium recognises social economy entities on fixture
// sites (by domain, by a NIP on the page), its popup shows the card and saves, contacts, flags and
// adds candidates into the store an open app page shows live, and hostile pages change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentWorker, launchExtension, serveStatic, until, type ExtensionSession, type StaticServer } from './harness.ts';
import { CATEGORIES } from '../../shared/model/vocab.ts';

const ALTERNATYWY = 'krs:0000700353'; // NIP 9291928963 in the default directory
const ZAZ_LECZNA = /Powiatowy Zakład Aktywności Zawodowej w Łęcznej/;

/** Reads a whole table of the extension's IndexedDB store from one of its pages (raw IndexedDB). */
function readTable<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('radar-es');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

/** Writes (put) or deletes records in the store from an extension page, as an import or a delete would. */
function writeTable(page: Page, table: string, op: { put?: unknown[]; del?: string[] }): Promise<void> {
  return page.evaluate(
    ({ name, put, del }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('radar-es');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          for (const r of put ?? []) tx.objectStore(name).put(r);
          for (const k of del ?? []) tx.objectStore(name).delete(k);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: table, put: op.put, del: op.del },
  );
}

function send(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('extension with access to pages (popup scan, automatic scanning)', () => {
  let ext: ExtensionSession;
  let sites: StaticServer;
  /** An app page kept open through the tests: what the popup does must show up here without reload. */
  let app: Page;

  beforeAll(async () => {
    sites = await serveStatic({ byHost: true });
    ext = await launchExtension({ granted: true, sitesPort: sites.port });
    app = await ext.open('app.html#/lists');
    await until(async () => (await readTable(app, 'entities')).length >= 405, 'the default directory');
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

  it('a site of a default-directory entity lights the badge, and its popup shows the card', async () => {
    const { page, tab } = await visit('http://www.pcogito.pl/');
    await until(async () => (await ext.badge(tab)) === 'ES', 'the badge on www.pcogito.pl');
    expect(await ext.title(tab)).toMatch(/U Pana Cogito/);

    const popup = await ext.popupFor(page);
    const card = popup.getByTestId('entity-card');
    await popup.getByRole('heading', { level: 1, name: /U Pana Cogito/ }).waitFor();
    await expect(card.textContent()).resolves.toMatch(/Zakład Aktywności Zawodowej/);
    expect(await card.getByTestId('entity-place').textContent()).toBe('Kraków, małopolskie');
    expect(await card.textContent()).toMatch(/trzygwiazdkowy pensjonat \(hotel\) i restauracja/);
    expect(await card.textContent()).toMatch(/Gastronomia i catering/);
    expect(await card.getByRole('link', { name: /http:\/\/www\.pcogito\.pl/ }).count()).toBe(1);
    expect(await card.getByTestId('entity-sources').locator('li').count()).toBe(5);
    expect(await popup.getByText('Rozpoznano po adresie strony: pcogito.pl').count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('Save puts it on a new list with a stage, shown at once in the open app page', async () => {
    const { page } = await visit('http://www.pcogito.pl/');
    const popup = await ext.popupFor(page);
    await popup.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await popup.getByTestId('saved-mark').waitFor();
    await popup.getByLabel('Etap').selectOption('in_talks');
    await popup.locator('summary', { hasText: 'Listy' }).click();
    await popup.getByLabel('Nowa lista').fill('Noclegi — Kraków');
    await popup.getByRole('button', { name: 'Utwórz i dodaj' }).click();
    await popup.getByRole('checkbox', { name: 'Noclegi — Kraków' }).waitFor();
    expect(await popup.getByRole('checkbox', { name: 'Noclegi — Kraków' }).isChecked()).toBe(true);

    // The app page was open all along and was never reloaded.
    await app.getByTestId('lists').getByText('Noclegi — Kraków').waitFor({ timeout: 5000 });
    expect(await app.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    const [list] = await readTable<{ id: string; name: string }>(app, 'lists');
    const members = await readTable<{ listId: string; entityId: string }>(app, 'listMembers');
    const saved = await readTable<{ entityId: string; status: string }>(app, 'saved');
    const entityId = saved[0]?.entityId;
    expect(saved).toEqual([expect.objectContaining({ status: 'in_talks' })]);
    expect(members).toEqual([expect.objectContaining({ listId: list.id, entityId })]);
    await app.goto(`chrome-extension://${ext.id}/app.html#/saved`);
    await app.getByText(/U Pana Cogito/).first().waitFor();
    await popup.close();
    await page.close();
  });

  it('hostile page content runs nothing and changes nothing', async () => {
    const before = { entities: (await readTable(app, 'entities')).length, flags: (await readTable(app, 'flags')).length };
    const { page, tab } = await visit('http://wrogi-tytul.pl/');
    await until(() => page.evaluate(() => (window as any).__flooded === true), 'the page’s message flood');
    await sleep(500);
    // The flood named the NIP of a known entity (Alternatywy): the background never heard it.
    expect(await ext.badge(tab)).toBe('');
    // A page-hints message from an extension page (not the content script in a web page) is refused.
    const forged = { type: 'page-hints', hints: { nips: ['9291928963'], regons: [], krs: [], emails: [], phones: [], phrases: [] } };
    expect(await send(app, forged)).toBeUndefined();

    const popup = await ext.popupFor(page);
    const name = popup.getByLabel('Nazwa');
    await name.waitFor();
    await until(async () => (await name.inputValue()).includes('<img'), 'the hostile title in the name field');
    // Shown as the text it is: no element was made from it, no script ran.
    expect(await name.inputValue()).toContain('<script>window.__pwned=2</script>');
    expect(await popup.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await popup.locator('img[src="x"], script:not([src])').count()).toBe(0);
    // The popup's scan read the page's text, not its scripts (whose source names Alternatywy's NIP).
    expect(await ext.badge(tab)).toBe('?');
    expect(await popup.getByTestId('hints').textContent()).toMatch(/NIP\s*1234563218\s*Wyrażenia/);
    expect((await readTable(app, 'entities')).length).toBe(before.entities);
    expect((await readTable(app, 'flags')).length).toBe(before.flags);

    // Added as a candidate and reviewed in the app, the title stays text there too.
    await popup.getByRole('button', { name: 'Dodaj jako kandydata' }).click();
    await popup.getByTestId('entity-card').waitFor();
    await app.goto(`chrome-extension://${ext.id}/app.html#/flags`);
    await app.getByTestId('flags').locator('li[data-kind="candidate"]').first().waitFor();
    expect(await app.getByTestId('flags').textContent()).toContain('<img src=x onerror=');
    expect(await app.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await app.locator('img[src="x"]').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    // Clean up: the candidate shares its NIP with the next test's page.
    const hostile = (await readTable<{ id: string; candidate?: boolean }>(app, 'entities')).filter((e) => e.candidate);
    const flags = (await readTable<{ id: string; kind: string }>(app, 'flags')).filter((f) => f.kind === 'candidate');
    await writeTable(app, 'entities', { del: hostile.map((e) => e.id) });
    await writeTable(app, 'flags', { del: flags.map((f) => f.id) });
    await popup.close();
    await page.close();
  });

  it('a page with "spółdzielnia socjalna" and an unknown NIP offers Add as candidate; the candidate reaches the flag review', async () => {
    // An app page is open on the directory meanwhile, its search index loaded.
    const directory = await ext.open('app.html#/directory?q=spoldzielnia');
    await directory.getByTestId('results').locator('a').first().waitFor({ timeout: 15_000 });
    const { page, tab } = await visit('http://nowa-spoldzielnia.pl/');
    const popup = await ext.popupFor(page);
    const hints = popup.getByTestId('hints');
    await hints.waitFor();
    expect(await hints.textContent()).toMatch(/1234563218/);
    expect(await hints.textContent()).toMatch(/spółdzielnia socjalna/);
    expect(await ext.badge(tab)).toBe('?');
    const name = popup.getByLabel('Nazwa');
    await until(async () => (await name.inputValue()) === 'Spółdzielnia Socjalna „Zielony Zakątek”', 'the name from og:title');
    await name.fill('Spółdzielnia Socjalna „Zielony Zakątek” (Lublin)');
    await popup.getByRole('button', { name: 'Dodaj jako kandydata' }).click();

    // The popup now shows the candidate's card, and the site is recognised.
    await popup.getByRole('heading', { level: 1, name: 'Spółdzielnia Socjalna „Zielony Zakątek” (Lublin)' }).waitFor();
    expect(await popup.getByText(/Kandydat dodany przez Ciebie/).count()).toBe(1);
    await until(async () => (await ext.badge(tab)) === 'ES', 'the badge after adding the candidate');

    const entity = (await readTable<any>(app, 'entities')).find((e) => e.id === 'nip:1234563218');
    expect(entity).toMatchObject({
      origin: 'user',
      candidate: true,
      nip: '1234563218',
      legalForm: 'spoldzielnia_socjalna',
      domains: ['nowa-spoldzielnia.pl'],
      emails: ['kontakt@zielony-zakatek.pl'],
      phones: ['+48815551234'],
      sources: [expect.objectContaining({ url: 'http://nowa-spoldzielnia.pl/' })],
    });
    const flag = (await readTable<any>(app, 'flags')).find((f) => f.kind === 'candidate');
    expect(flag).toMatchObject({ entityId: 'nip:1234563218', status: 'open', url: 'http://nowa-spoldzielnia.pl/' });
    await app.goto(`chrome-extension://${ext.id}/app.html#/flags`);
    await app.getByTestId('flags').locator('li[data-kind="candidate"]').getByText('Spółdzielnia Socjalna „Zielony Zakątek” (Lublin)').waitFor();
    // The open directory finds the candidate without a reload (its cached index patched with the
    // one new entity), and the cache is current for the next start.
    await directory.locator('#directory-q').fill('zielony zakatek lublin');
    await directory.getByTestId('results').getByText('Spółdzielnia Socjalna „Zielony Zakątek” (Lublin)').waitFor({ timeout: 15_000 });
    const revision = (await readTable<any>(app, 'settings')).find((r) => r.key === 'directoryRevision').value;
    await until(async () => (await readTable<any>(app, 'blobs')).find((b) => b.key === 'searchIndex')?.revision === revision, 'the search index cache at the new revision');
    await directory.close();
    await popup.close();
    await page.close();
  });

  it('a valid NIP of a known entity in the footer lights the badge once the popup scans the page', async () => {
    const { page, tab } = await visit('http://sklep-alternatywy.pl/');
    await sleep(300);
    expect(await ext.badge(tab)).toBe(''); // automatic scanning is off: the domain says nothing
    const popup = await ext.popupFor(page);
    await popup.getByRole('heading', { level: 1, name: /ALTERNATYWY/ }).waitFor();
    expect(await popup.getByText('Rozpoznano po numerze NIP na stronie').count()).toBe(1);
    expect(await ext.badge(tab)).toBe('ES');
    expect(await ext.title(tab)).toMatch(/ALTERNATYWY/);
    await popup.close();
    await page.close();
  });

  it('Contact: a template e-mail, a copy and a call are each logged as an interaction', async () => {
    await writeTable(app, 'settings', { put: [{ key: 'userName', value: 'Anna Kowalska' }, { key: 'userCompany', value: 'Hotel Wisła' }] });
    const { page } = await visit('http://sklep-alternatywy.pl/');
    const popup = await ext.popupFor(page);
    await popup.getByRole('heading', { level: 1, name: /ALTERNATYWY/ }).waitFor();
    await popup.getByRole('button', { name: 'Kontakt' }).click();
    await popup.getByLabel('Szablon').selectOption('rfq');
    const href = (await popup.getByTestId('mailto').getAttribute('href'))!;
    const mail = new URL(href);
    expect(decodeURIComponent(mail.pathname)).toBe('alternatywy.dlaseniora@gmail.com');
    const q = new URLSearchParams(mail.search);
    expect(q.get('subject')).toBe('Zapytanie ofertowe – Hotel Wisła');
    expect(q.get('body')).toMatch(/^Dzień dobry,\r\n\r\nnazywam się Anna Kowalska i reprezentuję firmę Hotel Wisła\./);

    // The link opens the mail client; the test keeps the popup where it is and checks the log.
    await popup.getByTestId('mailto').evaluate((a) => a.addEventListener('click', (e) => e.preventDefault()));
    await popup.getByTestId('mailto').click();
    await popup.getByText('Zapisano w historii kontaktów').waitFor();
    // The clipboard of a headless browser is not the test's to read: what is written is captured.
    await popup.evaluate(() => {
      navigator.clipboard.writeText = async (text: string) => void ((window as any).__copied = text);
    });
    await popup.getByRole('button', { name: 'Kopiuj treść' }).click();
    await popup.getByText(/Skopiowano do schowka/).waitFor();
    expect(await popup.evaluate(() => (window as any).__copied)).toMatch(/^Temat: Zapytanie ofertowe – Hotel Wisła\n\nDzień dobry,\nnazywam się|^Temat: Zapytanie ofertowe – Hotel Wisła\n\nDzień dobry,\n\nnazywam się/);
    const call = popup.getByRole('link', { name: 'Zadzwoń: +48 603 254 662' });
    expect(await call.getAttribute('href')).toBe('tel:+48603254662');
    await call.evaluate((a) => a.addEventListener('click', (e) => e.preventDefault()));
    await call.click();

    const logged = (await until(async () => {
      const rows = (await readTable<any>(app, 'interactions')).filter((i) => i.entityId === ALTERNATYWY);
      return rows.length === 3 ? rows : undefined;
    }, 'three interactions'))!;
    expect(logged.map((i) => [i.channel, i.template ?? null]).sort()).toEqual([
      ['email', 'rfq'],
      ['email', 'rfq'],
      ['phone', null],
    ]);
    await popup.close();
    await page.close();
  });

  it('Flag: a kind and a note on a known entity; "data looks wrong" is a proposed correction', async () => {
    const { page } = await visit('http://www.pcogito.pl/');
    const popup = await ext.popupFor(page);
    await popup.getByRole('button', { name: 'Oznacz' }).click();
    await popup.getByLabel('Wrócić do tego później').check();
    await popup.getByLabel('Notatka (opcjonalnie)').fill('Zadzwonić w marcu');
    await popup.getByTestId('flag-form').getByRole('button', { name: 'Oznacz' }).click();
    await popup.getByText(/Oznaczono/).waitFor();
    const flag = (await readTable<any>(app, 'flags')).find((f) => f.kind === 'follow_up');
    expect(flag).toMatchObject({ note: 'Zadzwonić w marcu', status: 'open', url: 'http://www.pcogito.pl/', domain: 'pcogito.pl' });
    expect(flag.entityId).toMatch(/^name:/);
    // A submitted flag closes its form; a second flag opens it again.
    await expect.poll(() => popup.getByTestId('flag-form').count()).toBe(0);

    await popup.getByRole('button', { name: 'Oznacz' }).click();
    await popup.getByLabel('Dane wyglądają na błędne').check();
    const form = popup.getByTestId('correction-form');
    await form.getByLabel('Pole').selectOption('phones');
    await form.getByLabel('Prawidłowa wartość').fill('12 430 21 47');
    await form.getByLabel('Uwaga (opcjonalnie)').fill('Brak telefonu');
    await form.getByRole('button', { name: 'Zapisz poprawkę' }).click();
    await form.getByText(/Poprawka zapisana/).waitFor();
    const entity = (await readTable<any>(app, 'entities')).find((e) => e.id === flag.entityId);
    expect(entity.phones).toContain('+48124302147');
    expect(entity.userValues).toEqual([expect.objectContaining({ field: 'phones', kind: 'added', value: '+48124302147', note: 'Brak telefonu' })]);
    await popup.close();
    await page.close();
  });

  it('an invalid NIP lights nothing, nor does the town site under whose subdomain a ZAZ lives', async () => {
    const zaz = await visit('http://zaz.leczna.pl/');
    await until(async () => (await ext.badge(zaz.tab)) === 'ES', 'the badge on zaz.leczna.pl');
    expect(await ext.title(zaz.tab)).toMatch(ZAZ_LECZNA);
    for (const url of ['http://nip-bledny.pl/', 'http://www.leczna.pl/']) {
      const { page, tab } = await visit(url);
      const popup = await ext.popupFor(page);
      await popup.getByTestId('quick-search').waitFor();
      expect(await ext.badge(tab), url).toBe('');
      await popup.close();
      await page.close();
    }
    await zaz.page.close();
  });

  it('a plain site shows the search: as you type, with Polish folding, and a result opens its card', async () => {
    const { page, tab } = await visit('http://zwykla-strona.pl/');
    const popup = await ext.popupFor(page);
    await popup.getByText('Na tej stronie nie rozpoznano podmiotu ekonomii społecznej.').waitFor();
    expect(await ext.badge(tab)).toBe('');
    await popup.getByLabel('Nazwa, miejscowość, NIP lub oferta').pressSequentially('leczn');
    const hit = popup.getByRole('button', { name: ZAZ_LECZNA });
    await hit.waitFor();
    // A hit reads as a supplier: its form, town and what it offers.
    const stored = (await readTable<any>(app, 'entities')).find((e) => ZAZ_LECZNA.test(e.name));
    expect(stored.categories.length).toBeGreaterThan(0);
    expect(await hit.textContent()).toContain(CATEGORIES[stored.categories[0] as keyof typeof CATEGORIES].pl);
    expect(await hit.textContent()).toContain('Zakład Aktywności Zawodowej');
    await hit.click();
    await popup.getByRole('heading', { level: 1, name: ZAZ_LECZNA }).waitFor();
    expect(await popup.getByTestId('entity-certificates').textContent()).toMatch(/Zakup Prospołeczny.*ważność nieznana/);
    await popup.getByRole('button', { name: /Wróć do wyszukiwania/ }).click();
    await popup.getByTestId('quick-search').waitFor();
    await popup.close();
    await page.close();
  });

  it('automatic scanning, switched on in the settings page, lights a NIP page without the popup; off stops it', async () => {
    const settings = await ext.open('app.html#/settings');
    await settings.getByTestId('auto-scan').click();
    await until(async () => (await readTable<any>(app, 'settings')).some((s) => s.key === 'autoScan' && s.value === true), 'the autoScan setting');
    const on = await visit('http://sklep-alternatywy.pl/');
    await until(async () => (await ext.badge(on.tab)) === 'ES', 'the badge from the automatic scan');
    const hints = await visit('http://nip-bledny.pl/?2');
    await sleep(500);
    expect(await ext.badge(hints.tab)).toBe('');

    expect(await send(app, { type: 'set-auto-scan', enabled: false })).toEqual({ ok: true });
    expect((await readTable<any>(app, 'settings')).find((s) => s.key === 'autoScan')?.value).toBe(false);
    const off = await visit('http://sklep-alternatywy.pl/?off');
    await sleep(1000);
    expect(await ext.badge(off.tab)).toBe('');
    for (const p of [settings, on.page, hints.page, off.page]) await p.close();
  });

  it('a stopped (cold) service worker still lights the badge on the next navigation', async () => {
    await currentWorker(ext.context).evaluate(() => ((self as any).__warm = true));
    const cdp = await ext.context.newCDPSession(app);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    const { page, tab } = await visit('http://zaz.leczna.pl/');
    await until(async () => (await ext.badge(tab)) === 'ES', 'the badge from a restarted worker');
    // A new worker instance answered: the mark set on the old one is gone.
    expect(await currentWorker(ext.context).evaluate(() => (self as any).__warm)).toBeUndefined();
    await page.close();
  });

  it('the directory changes while tabs are open: badges follow (delete, then import again)', async () => {
    const byDomain = await visit('http://zaz.leczna.pl/');
    const byNip = await visit('http://sklep-alternatywy.pl/?dir');
    await until(async () => (await ext.badge(byDomain.tab)) === 'ES', 'zaz.leczna.pl lit');
    const popup = await ext.popupFor(byNip.page); // scans the page once
    await popup.getByRole('heading', { level: 1, name: /ALTERNATYWY/ }).waitFor();
    await popup.close();
    expect(await ext.badge(byNip.tab)).toBe('ES');

    const all = await readTable<any>(app, 'entities');
    const gone = all.filter((e) => e.id === ALTERNATYWY || ZAZ_LECZNA.test(e.name));
    expect(gone).toHaveLength(2);
    // Written as a write command would: the entities, then the directory revision moved.
    const bump = async () => {
      const revision = (await readTable<any>(app, 'settings')).find((r) => r.key === 'directoryRevision').value;
      await writeTable(app, 'settings', { put: [{ key: 'directoryRevision', value: revision + 1 }] });
    };
    await writeTable(app, 'entities', { del: gone.map((e) => e.id) });
    await bump();
    expect(await send(app, { type: 'directory-changed' })).toEqual({ ok: true });
    expect(await ext.badge(byDomain.tab)).toBe('');
    expect(await ext.badge(byNip.tab)).toBe('?'); // a valid NIP the directory no longer knows

    // Imported again: the NIP tab lights from what its earlier scan found, without scanning again.
    await writeTable(app, 'entities', { put: gone });
    await bump();
    await send(app, { type: 'directory-changed' });
    expect(await ext.badge(byDomain.tab)).toBe('ES');
    expect(await ext.badge(byNip.tab)).toBe('ES');
    await byDomain.page.close();
    await byNip.page.close();
  });

  it('a keyboard shortcut opens the popup', async () => {
    const commands = await currentWorker(ext.context).evaluate(() => (globalThis as any).chrome.commands.getAll());
    expect(commands.map((c: { name: string }) => c.name)).toContain('_execute_action');
    const manifest = await currentWorker(ext.context).evaluate(() => (globalThis as any).chrome.runtime.getManifest());
    expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+R');
  });
});

describe('extension as installed (no access to pages)', () => {
  let ext: ExtensionSession;
  let sites: StaticServer;

  beforeAll(async () => {
    sites = await serveStatic({ byHost: true });
    ext = await launchExtension({ sitesPort: sites.port });
  });
  afterAll(async () => {
    await ext?.close();
    await sites?.close();
  });

  it('asks for no site access at install, yet lights known domains; the popup says when it cannot scan', async () => {
    const granted = await currentWorker(ext.context).evaluate(() => (globalThis as any).chrome.permissions.getAll());
    expect(granted.origins).toEqual([]);
    expect(granted.permissions).toEqual(expect.arrayContaining(['activeTab', 'contextMenus', 'scripting', 'storage', 'tabs']));

    const known = await ext.context.newPage();
    await known.goto('http://www.pcogito.pl/');
    const knownTab = await ext.tabId(known);
    await until(async () => (await ext.badge(knownTab)) === 'ES', 'the badge by domain without host access');

    // Headless Chromium cannot click the toolbar button, so there is no activeTab grant here.
    const page = await ext.context.newPage();
    await page.goto('http://sklep-alternatywy.pl/');
    const popup = await ext.popupFor(page);
    await popup.getByText('Tej strony nie można przeszukać (strona przeglądarki lub brak dostępu).').waitFor();
    expect(await ext.badge(await ext.tabId(page))).toBe('');
  });
});

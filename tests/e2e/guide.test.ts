// A product that explains itself and fits a buyer's work: the first-run welcome, "About the data",
// the help pages, bulk actions on a selection, the saved suppliers' board and table, a list's
// contact columns and its printed shortlist. Run as a user would, at a desktop's and a phone's
// width, in Polish and English, each state checked with axe-core. Screenshots of every state go to
// $RADAR_SHOTS when it is set (never into the repository).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { seriousViolations } from './axe.ts';
import { currentWorker, launchExtension, serveStatic, SPA_DIR, until, type ExtensionSession, type StaticServer } from './harness.ts';
import { entityHash, idbCounts, idbPut, idbSetting, SAMPLE, startApp, waitForCount, type AppUnderTest } from './spaApp.ts';

const SHOTS = process.env.RADAR_SHOTS;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const ALTERNATYWY = 'krs:0000700353'; // has an e-mail and a phone in the sample
const byName = new Intl.Collator('pl', { ignorePunctuation: true }).compare;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}
async function axeClean(page: Page, what: string): Promise<void> {
  expect(await seriousViolations(page), what).toEqual([]);
}
/** Switches the language as the settings page does, then reloads (the raw write is another connection). */
async function setLang(page: Page, lang: 'pl' | 'en'): Promise<void> {
  await idbPut(page, [{ store: 'settings', value: { key: 'lang', value: lang } }]);
  await page.reload();
}
async function h1(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 10_000 });
}
/** A saved record as stored. */
async function savedRecords(page: Page): Promise<{ entityId: string; status: string; tags: string[] }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('radar-es');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = await new Promise<{ entityId: string; status: string; tags: string[] }[]>((res) => {
      const r = db.transaction('saved').objectStore('saved').getAll();
      r.onsuccess = () => res(r.result);
    });
    db.close();
    return all;
  });
}

const hasContact = (r: Record<string, string>) => Boolean(r.email || r.phone);
const hasIds = (r: Record<string, string>) => Boolean(r.nip || r.krs || r.regon);

describe('standalone app', () => {
  let app: AppUnderTest;
  let page: Page;

  beforeAll(async () => {
    app = await startApp('standalone');
    page = await app.context.newPage();
    await page.setViewportSize(DESKTOP);
  });
  afterAll(async () => app?.close());

  it('first run at the plain address shows the welcome (Polish, then English); skipping is remembered; Help links back', async () => {
    await page.goto(app.url(''));
    await h1(page, 'Witaj w Radar ES');
    await expect.poll(() => page.getByTestId('welcome-count').textContent(), { timeout: 15_000 }).toContain(`${SAMPLE.length} podmiot`);
    // The standalone app reads no pages and has nothing to pin.
    expect(await page.getByText('nie czyta żadnych stron').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Przypnij rozszerzenie' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Importuj plik' }).getAttribute('href')).toBe('#/import');
    await axeClean(page, 'welcome pl desktop');
    await shot(page, 'standalone-welcome-pl-desktop');

    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'Welcome to Radar ES');
    expect(await idbSetting(page, 'lang')).toBe('en');
    await page.setViewportSize(PHONE);
    await axeClean(page, 'welcome en phone');
    await shot(page, 'standalone-welcome-en-phone');

    await page.getByRole('button', { name: 'Skip' }).click();
    await h1(page, 'Directory');
    expect(await idbSetting(page, 'welcomeDone')).toBe(true);
    // Never shown on its own again…
    await page.goto(app.url(''));
    await page.reload();
    await h1(page, 'Directory');
    // …but reachable from Help.
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Help' }).click();
    await h1(page, 'Help');
    await page.getByRole('link', { name: /^Welcome:/ }).click();
    await h1(page, 'Welcome to Radar ES');
    await page.getByRole('button', { name: 'Polski' }).click();
    await h1(page, 'Witaj w Radar ES');
    await page.setViewportSize(DESKTOP);
  });

  it('help pages are bundled (no request leaves the app), in both languages, and linked from where each task happens', async () => {
    const outside: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (!r.url().startsWith(app.server!.url) && !r.url().startsWith('data:')) outside.push(r.url());
    };
    page.on('request', onRequest);
    // The directory links to the tender guide; the guide links on to where the work is done.
    await page.goto(app.url('#/directory'));
    await waitForCount(page, SAMPLE.length, 'the directory');
    await page.getByRole('link', { name: 'Pomoc: Znajdź dostawców do przetargu' }).click();
    await h1(page, 'Znajdź dostawców do przetargu');
    expect(await page.getByTestId('help-topic').locator('ol li').count()).toBeGreaterThan(2);
    await axeClean(page, 'help topic pl');
    await shot(page, 'standalone-help-tender-pl-desktop');
    await page.getByRole('navigation', { name: 'Przejdź do' }).getByRole('link', { name: 'Listy' }).click();
    await h1(page, 'Listy');

    // Each task's page links to its guide.
    const linkedFrom: [string, string, string][] = [
      ['#/import', 'Pomoc: Zaimportuj listę swojego regionu', 'Zaimportuj listę swojego regionu'],
      [entityHash(ALTERNATYWY), 'Pomoc: Sprawdź dostawcę', 'Sprawdź dostawcę'],
      ['#/about', 'Pomoc: Opublikuj kanał katalogu', 'Opublikuj kanał katalogu'],
    ];
    for (const [hash, linkName, title] of linkedFrom) {
      await page.goto(app.url(hash));
      await page.getByRole('link', { name: linkName }).first().click();
      await h1(page, title);
    }

    // The index in English at a phone's width.
    await setLang(page, 'en');
    await page.setViewportSize(PHONE);
    await page.goto(app.url('#/help'));
    await h1(page, 'Help');
    const topics = page.getByTestId('help-topics').getByRole('link');
    expect(await topics.allTextContents()).toEqual(['Find suppliers for a tender', 'Check a supplier', 'Share a list', 'Import your region’s list', 'Publish a directory feed']);
    await axeClean(page, 'help index en phone');
    await shot(page, 'standalone-help-en-phone');
    await topics.nth(2).click();
    await h1(page, 'Share a list');
    await axeClean(page, 'help topic en phone');
    await shot(page, 'standalone-help-share-en-phone');
    page.off('request', onRequest);
    expect(outside).toEqual([]);
    await setLang(page, 'pl');
    await page.setViewportSize(DESKTOP);
  });

  it('About the data: coverage and sources counted from the store agree with the CSV, and follow a change live', async () => {
    await page.goto(app.url('#/about'));
    await h1(page, 'O danych');
    await expect.poll(() => page.getByTestId('about-total').textContent(), { timeout: 15_000 }).toBe(SAMPLE.length.toLocaleString('pl'));
    const summary = (await page.getByTestId('about-summary').textContent()) ?? '';
    expect(summary).toContain(`${SAMPLE.filter(hasContact).length} z e-mailem lub telefonem`);
    expect(summary).toContain(`${SAMPLE.filter(hasIds).length} z NIP, KRS lub REGON`);
    // By voivodeship, as the CSV has it.
    const rowOf = (table: string, key: string) => page.getByTestId(table).locator(`tr[data-key="${key}"]`);
    const opolskie = SAMPLE.filter((r) => r.voivodeship === 'opolskie');
    const cells = async (table: string, key: string) => (await rowOf(table, key).locator('td').allTextContents()).map((c) => c.trim().split(/\s/)[0]);
    expect(await cells('about-voivodeships', 'opolskie')).toEqual([String(opolskie.length), String(opolskie.filter(hasContact).length), String(opolskie.filter(hasIds).length), '0']);
    const coops = SAMPLE.filter((r) => r.legal_form === 'spoldzielnia_socjalna');
    expect((await cells('about-forms', 'spoldzielnia_socjalna'))[0]).toBe(String(coops.length));
    // Every entity of the default directory cites it.
    const sources = page.getByTestId('about-sources');
    expect(await sources.locator('tr', { hasText: 'Radar ES — katalog domyślny' }).locator('td').nth(1).textContent()).toBe(String(SAMPLE.length));
    await axeClean(page, 'about pl desktop');
    await shot(page, 'standalone-about-pl-desktop');

    // Another tab adds an entity in opolskie with an e-mail: the open page follows without a reload.
    const other = await app.open('#/add');
    await other.getByLabel('Nazwa *').fill('Spółdzielnia Socjalna Testowa Łąka');
    await other.getByLabel('Województwo').selectOption('opolskie');
    await other.getByLabel('E-mail').fill('biuro@testowa-laka.pl');
    await other.getByRole('button', { name: 'Dodaj podmiot' }).click();
    await other.getByRole('heading', { level: 1, name: /Testowa Łąka/ }).waitFor();
    await other.close();
    await expect.poll(() => page.getByTestId('about-total').textContent(), { timeout: 15_000 }).toBe((SAMPLE.length + 1).toLocaleString('pl'));
    expect((await cells('about-voivodeships', 'opolskie')).slice(0, 2)).toEqual([String(opolskie.length + 1), String(opolskie.filter(hasContact).length + 1)]);
    expect(await sources.locator('tr', { hasText: 'Twoje wpisy' }).locator('td').nth(1).textContent()).toBe('1');

    await setLang(page, 'en');
    await page.setViewportSize(PHONE);
    await page.getByTestId('about-total').waitFor();
    await page.getByRole('heading', { name: 'Coverage by voivodeship' }).waitFor();
    await axeClean(page, 'about en phone');
    await shot(page, 'standalone-about-en-phone');
    await setLang(page, 'pl');
    await page.setViewportSize(DESKTOP);
  });

  const LIST = 'Przetarg: catering 2027';
  let picked: string[] = [];

  it('directory bulk actions: tick results, put them on a new list, set a stage, add a tag, export — with counts and undo', async () => {
    await page.goto(app.url('#/directory?q=catering'));
    const results = page.getByTestId('results');
    await results.getByRole('checkbox').nth(2).waitFor();
    const boxes = results.getByRole('checkbox');
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    picked = await Promise.all([0, 1, 2].map(async (i) => ((await boxes.nth(i).getAttribute('aria-label')) ?? '').replace(/^Zaznacz: /, '')));
    const bar = page.getByTestId('bulk-bar');
    await expect.poll(() => bar.getByTestId('bulk-count').textContent()).toBe('Zaznaczono 3 podmioty');
    await axeClean(page, 'directory with a selection');
    await shot(page, 'standalone-directory-bulk-pl-desktop');

    // A new list with the three, then undo, then again.
    const [lists0, members0] = await idbCounts(page, ['lists', 'listMembers']);
    await bar.getByTestId('bulk-list-name').fill(LIST);
    await bar.getByRole('button', { name: 'Dodaj do listy' }).click();
    const toast = page.locator('.toast');
    await expect.poll(() => toast.textContent()).toContain(`Utworzono listę „${LIST}”: 3 podmioty`);
    expect(await idbCounts(page, ['lists', 'listMembers'])).toEqual([lists0 + 1, members0 + 3]);
    await toast.getByRole('button', { name: 'Cofnij' }).click();
    await until(async () => (await idbCounts(page, ['lists', 'listMembers'])).join() === [lists0, members0].join(), 'the list undone');
    await expect.poll(() => bar.getByTestId('bulk-list').inputValue()).toBe('__new__');
    await bar.getByTestId('bulk-list-name').fill(LIST);
    await bar.getByRole('button', { name: 'Dodaj do listy' }).click();
    await expect.poll(() => idbCounts(page, ['lists', 'listMembers'])).toEqual([lists0 + 1, members0 + 3]);

    // A stage for all three saves them; undo un-saves them again (they were not saved before).
    expect(await savedRecords(page)).toEqual([]);
    await bar.getByTestId('bulk-stage').selectOption({ label: 'Skontaktowano' });
    await bar.getByRole('button', { name: 'Ustaw etap' }).click();
    await expect.poll(() => toast.textContent()).toContain('Etap „Skontaktowano” ustawiono dla 3 podmiotów');
    await expect.poll(async () => (await savedRecords(page)).map((s) => s.status)).toEqual(['contacted', 'contacted', 'contacted']);
    await toast.getByRole('button', { name: 'Cofnij' }).click();
    await expect.poll(() => savedRecords(page)).toEqual([]);
    await bar.getByRole('button', { name: 'Ustaw etap' }).click();
    await expect.poll(async () => (await savedRecords(page)).length).toBe(3);

    // A tag, with undo to the tag-less records.
    await bar.getByTestId('bulk-tag').fill('wigilia 2027');
    await bar.getByRole('button', { name: 'Dodaj tag' }).click();
    await expect.poll(() => toast.textContent()).toContain('Do 3 podmiotów dodano tag „wigilia 2027”');
    await expect.poll(async () => (await savedRecords(page)).map((s) => s.tags.join())).toEqual(['wigilia 2027', 'wigilia 2027', 'wigilia 2027']);
    await toast.getByRole('button', { name: 'Cofnij' }).click();
    await expect.poll(async () => (await savedRecords(page)).map((s) => s.tags.length)).toEqual([0, 0, 0]);

    // Export the selection as CSV: read back by PapaParse, the three names.
    await bar.getByRole('button', { name: 'Udostępnij lub eksportuj…' }).click();
    const dialog = page.getByTestId('share-dialog');
    await dialog.getByText('CSV').first().click();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Pobierz' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(csv, { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows.slice(1).map((r) => r[0]).sort(byName)).toEqual([...picked].sort(byName));
    await dialog.getByRole('button', { name: 'Zamknij' }).click();

    // Select all of a filtered search: the count is the search's.
    await page.goto(app.url('#/directory?woj=opolskie'));
    await page.getByTestId('results').getByRole('checkbox').first().waitFor();
    await bar.getByRole('button', { name: 'Odznacz wszystkie' }).click();
    await bar.getByRole('button', { name: /^Zaznacz wszystkie/ }).click();
    const opolskie = SAMPLE.filter((r) => r.voivodeship === 'opolskie').length + 1; // + the one added above
    await expect.poll(() => bar.getByTestId('bulk-count').textContent()).toMatch(new RegExp(`^Zaznaczono ${opolskie} podmiot`));
    await bar.getByRole('button', { name: 'Odznacz wszystkie' }).click();

    // A phone, in English.
    await setLang(page, 'en');
    await page.setViewportSize(PHONE);
    await page.goto(app.url('#/directory?q=catering'));
    await page.getByTestId('results').getByRole('checkbox').first().check();
    await expect.poll(() => bar.getByTestId('bulk-count').textContent()).toBe('1 entity selected');
    await axeClean(page, 'directory selection en phone');
    await shot(page, 'standalone-directory-bulk-en-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('saved suppliers: a board by stage (drag and drop, keyboard, announced) next to a sortable table with bulk actions', async () => {
    // English, desktop.
    await page.goto(app.url('#/saved'));
    const column = (s: string) => page.locator(`section[data-status="${s}"]`);
    await until(async () => (await column('contacted').locator('[data-entity]').count()) === 3, 'three cards contacted');
    const first = column('contacted').locator('[data-entity]').first();
    const firstName = (await first.getByRole('link').textContent())!;
    const firstId = (await first.getAttribute('data-entity'))!;
    // Keyboard: the card's stage select, one arrow = the next stage; the move is announced.
    await first.getByRole('combobox').focus();
    await page.keyboard.press('ArrowDown');
    await column('in_talks').locator(`[data-entity="${firstId}"]`).waitFor();
    await expect.poll(() => page.getByTestId('move-announcement').textContent()).toBe(`${firstName}: moved to the stage “In talks”.`);
    // Mouse: drag a card onto "Supplier".
    const second = column('contacted').locator('[data-entity]').first();
    const secondName = (await second.getByRole('link').textContent())!;
    await second.dragTo(column('supplier'));
    await column('supplier').locator('[data-entity]').first().waitFor();
    await expect.poll(() => page.getByTestId('move-announcement').textContent()).toBe(`${secondName}: moved to the stage “Supplier”.`);
    await axeClean(page, 'board en desktop');
    await shot(page, 'standalone-saved-board-en-desktop');

    // The table: sorted by name, then the other way; tick all, set one stage, undo to each one's own.
    await page.getByTestId('view-table').click();
    const table = page.getByTestId('saved-table');
    await until(async () => (await table.locator('tbody tr').count()) === 3, 'three rows');
    const names = () => table.locator('tbody th a').allTextContents();
    expect(await names()).toEqual([...picked].sort(byName));
    await table.getByRole('button', { name: /^Name/ }).click();
    await expect.poll(names).toEqual([...picked].sort(byName).reverse());
    expect(await table.locator('th[aria-sort="descending"]').textContent()).toContain('Name');
    await table.getByRole('checkbox', { name: 'Select all shown' }).check();
    const bar = page.getByTestId('bulk-bar');
    await expect.poll(() => bar.getByTestId('bulk-count').textContent()).toBe('3 entities selected');
    await bar.getByTestId('bulk-stage').selectOption({ label: 'Declined' });
    await bar.getByRole('button', { name: 'Set stage' }).click();
    await expect.poll(async () => (await savedRecords(page)).map((s) => s.status)).toEqual(['declined', 'declined', 'declined']);
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await savedRecords(page)).map((s) => s.status).sort()).toEqual(['contacted', 'in_talks', 'supplier']);
    await axeClean(page, 'table en desktop');
    await shot(page, 'standalone-saved-table-en-desktop');

    // Polish, phone: both views.
    await setLang(page, 'pl');
    await page.setViewportSize(PHONE);
    await table.locator('tbody tr').first().waitFor();
    await axeClean(page, 'table pl phone');
    await shot(page, 'standalone-saved-table-pl-phone');
    await page.getByTestId('view-board').click();
    await page.getByTestId('board').waitFor();
    await axeClean(page, 'board pl phone');
    await shot(page, 'standalone-saved-board-pl-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('a list page shows e-mail, phone and contact person, sorts by any column, and prints as a tender shortlist', async () => {
    await page.goto(app.url('#/lists'));
    await page.getByRole('link', { name: LIST }).click();
    await h1(page, LIST);
    // A member with contact data of its own (ALTERNATYWY) and one with a contact person.
    const members = page.getByTestId('members');
    if (!picked.some((n) => /ALTERNATYWY/.test(n))) {
      await page.getByRole('searchbox', { name: 'Szukaj podmiotu do dodania' }).fill('alternatywy');
      await page.getByRole('button', { name: /^Dodaj do listy: .*ALTERNATYWY/ }).click();
      await until(async () => (await members.locator('tbody tr').count()) === 4, 'four members');
    }
    const someone = picked.find((n) => !/ALTERNATYWY/.test(n))!;
    const someoneId = (await members.locator('tbody tr', { hasText: someone }).getAttribute('data-member'))!;
    const now = new Date().toISOString();
    await idbPut(page, [{ store: 'persons', value: { id: 'person_guide_1', entityId: someoneId, name: 'Ewa Kowalska', role: 'prezeska', email: 'ewa@example.pl', phone: '+48600100200', createdAt: now, updatedAt: now } }]);
    await page.reload();
    const alt = SAMPLE.find((r) => r.krs === '0000700353')!;
    const row = (name: string | RegExp) => members.locator('tbody tr', { hasText: name });
    await expect.poll(() => row(/ALTERNATYWY/).locator('[data-col="email"]').textContent()).toBe(alt.email);
    // A Polish number is shown in its national form (603 254 662).
    expect((await row(/ALTERNATYWY/).locator('[data-col="phone"]').textContent())?.replace(/\D/g, '')).toBe(alt.phone.replace(/\D/g, '').slice(-9));
    expect(await row(someone).locator('[data-col="person"]').textContent()).toContain('Ewa Kowalska, prezeska');

    // Sort by phone: the two reachable by phone first (empty cells last, either way).
    const order = () => members.locator('tbody tr a').allTextContents();
    await members.getByRole('button', { name: /^Telefon/ }).click();
    expect((await order()).slice(0, 2).sort(byName)).toEqual([someone, (await row(/ALTERNATYWY/).locator('a').first().textContent())!].sort(byName));
    await members.getByRole('button', { name: /^Nazwa/ }).click();
    const byNameOrder = await order();
    expect(byNameOrder).toEqual([...byNameOrder].sort(byName));
    await axeClean(page, 'list page pl desktop');
    await shot(page, 'standalone-list-pl-desktop');

    // Print: what is marked for paper while the print dialog is open is the shortlist alone.
    await page.evaluate(() => {
      window.print = () => {
        const sheet = document.querySelector('[data-print-sheet]');
        (window as unknown as { __printed: string }).__printed = sheet?.textContent ?? '';
      };
    });
    await page.getByTestId('print-shortlist').click();
    const printed = await page.evaluate(() => (window as unknown as { __printed: string }).__printed);
    expect(printed).toContain('Krótka lista dostawców do postępowania');
    expect(printed).toContain(LIST);
    for (const n of byNameOrder) expect(printed).toContain(n);
    expect(printed).not.toContain('Dodaj podmioty');
    // On paper: numbered rows, the title, no buttons.
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => {
      document.querySelector('[data-testid=members]')!.closest('section')!.setAttribute('data-print-sheet', '');
      document.body.classList.add('radar-print');
    });
    const visible = (sel: string) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility === 'visible');
    expect(await visible('.print-title')).toBe(true);
    expect(await visible('[data-testid=members] td.lp')).toBe(true);
    expect(await visible('[data-testid=print-shortlist]')).toBe(false);
    await shot(page, 'standalone-list-print-pl');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('radar-print'));

    await setLang(page, 'en');
    await page.setViewportSize(PHONE);
    await members.locator('tbody tr').first().waitFor();
    await axeClean(page, 'list page en phone');
    await shot(page, 'standalone-list-en-phone');
    await setLang(page, 'pl');
    await page.setViewportSize(DESKTOP);
  });
  it('a short list as QR codes, read back from pictures by another browser’s import', async () => {
    await page.goto(app.url('#/lists'));
    await page.getByRole('link', { name: LIST }).click();
    await h1(page, LIST);
    const memberCount = await page.getByTestId('members').locator('tbody tr').count();
    await page.getByTestId('list-qr-toggle').click();
    const codes = page.getByTestId('list-qr').locator('svg');
    await codes.first().waitFor();
    const n = await codes.count();
    expect(n).toBeGreaterThanOrEqual(1);
    await axeClean(page, 'list QR codes');
    await shot(page, 'standalone-list-qr-pl-desktop');
    // Each code as a phone would take it: on a grey page, turned a little, as a JPEG.
    const pictures: { name: string; mimeType: string; buffer: Buffer }[] = [];
    for (let i = 0; i < n; i++) {
      const b64 = await codes.nth(i).evaluate(async (svg) => {
        const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
        const image = new Image();
        image.src = url;
        await image.decode();
        const side = (Number(svg.getAttribute('data-modules')) + 8) * 5;
        const canvas = Object.assign(document.createElement('canvas'), { width: side + 300, height: side + 400 });
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#b9b4aa';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.translate(canvas.width / 2, canvas.height / 2);
        ctx.rotate((4 * Math.PI) / 180);
        ctx.drawImage(image, -side / 2, -side / 2, side, side);
        URL.revokeObjectURL(url);
        const blob: Blob = await new Promise((res) => canvas.toBlob((b) => res(b!), 'image/jpeg', 0.8));
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (let k = 0; k < bytes.length; k += 0x8000) binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
        return btoa(binary);
      });
      pictures.push({ name: `kod-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(b64, 'base64') });
    }

    // Another browser profile (another origin, its own store) imports the pictures.
    const other = await serveStatic({ dir: SPA_DIR });
    try {
      const b = await app.context.newPage();
      await b.goto(`${other.url}/#/lists`);
      await h1(b, 'Listy');
      const picker = b.getByTestId('import-qr');
      const status = b.getByTestId('import-qr-status');
      // A picture without a code says so and changes nothing.
      await picker.setInputFiles([{ name: 'pusty.png', mimeType: 'image/png', buffer: await b.screenshot() }]);
      await expect.poll(() => status.textContent()).toContain('Na obrazie „pusty.png” nie znaleziono kodu QR');
      // The codes in reverse order, the first picture alone when there are several.
      const reversed = [...pictures].reverse();
      if (reversed.length > 1) {
        await picker.setInputFiles(reversed.slice(0, 1));
        await expect.poll(() => status.textContent()).toContain(`Odczytano 1 z ${n} kodów`);
        await picker.setInputFiles(reversed.slice(1));
      } else {
        await picker.setInputFiles(reversed);
      }
      const preview = b.getByTestId('import-preview');
      await preview.waitFor({ timeout: 20_000 });
      await axeClean(b, 'import preview from QR');
      await shot(b, 'standalone-import-qr-preview-pl-desktop');
      await b.getByRole('button', { name: 'Importuj', exact: true }).click();
      await b.getByTestId('import-done').waitFor();
      await b.getByTestId('import-done').getByRole('link').click();
      await h1(b, LIST);
      await until(async () => (await b.getByTestId('members').locator('tbody tr').count()) === memberCount, 'every member imported');
      expect(await b.getByTestId('members').locator('tbody tr', { hasText: /ALTERNATYWY/ }).locator('[data-col="email"]').textContent()).toBe(
        SAMPLE.find((r) => r.krs === '0000700353')!.email,
      );
      await b.close();
    } finally {
      await other.close();
    }
  }, 180_000); // jsQR reads each photo on the page's main thread: seconds each on a busy 2-core machine
});

describe('extension', () => {
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

  it('the popup points a first-time user to the welcome, which says what is read and when, and how to pin it with its shortcut', async () => {
    const site = await ext.context.newPage();
    await site.goto('http://zwykla-strona.pl/');
    const popup = await ext.popupFor(site);
    const note = popup.getByTestId('first-run-note');
    await note.waitFor();
    await axeClean(popup, 'popup with the first-run note');
    await shot(popup, 'extension-popup-first-run-pl');
    const [welcome] = await Promise.all([ext.context.waitForEvent('page'), note.getByRole('button', { name: 'Jak to działa' })
      .click()]);
    await welcome.waitForURL(/app\.html#\/welcome$/);
    await welcome.setViewportSize(DESKTOP);
    await h1(welcome, 'Witaj w Radar ES');
    await welcome.getByText('tylko gdy otworzysz okienko Radar ES').waitFor();
    await welcome.getByRole('heading', { name: 'Przypnij rozszerzenie' }).waitFor();
    // The shortcut as the browser has it set, read independently from the commands API.
    const commands: { name: string; shortcut?: string }[] = await currentWorker(ext.context).evaluate(() => (globalThis as any).chrome.commands.getAll());
    const shortcut = commands.find((c) => c.name === '_execute_action')?.shortcut;
    await expect.poll(() => welcome.getByTestId('welcome-shortcut').textContent()).toBe(shortcut ? `Okienko otworzysz też skrótem ${shortcut}.` : 'Skrót klawiszowy do okienka możesz ustawić na stronie skrótów rozszerzeń przeglądarki.');
    await axeClean(welcome, 'extension welcome pl');
    await shot(welcome, 'extension-welcome-pl-desktop');
    await welcome.getByRole('button', { name: 'English' }).click();
    await h1(welcome, 'Welcome to Radar ES');
    await welcome.setViewportSize(PHONE);
    await axeClean(welcome, 'extension welcome en phone');
    await shot(welcome, 'extension-welcome-en-phone');
    await welcome.getByRole('button', { name: 'Get started' }).click();
    await h1(welcome, 'Directory');

    // Done there: the popup says no more, and the app page opens where it was asked to.
    const again = await ext.popupFor(site);
    await again.getByRole('searchbox').first().waitFor();
    expect(await again.getByTestId('first-run-note').count()).toBe(0);
    const app = await ext.open('app.html');
    await h1(app, 'Directory');
  });

  it('the popup’s “don’t show again” ends the welcome too', async () => {
    const fresh = await launchExtension();
    try {
      const app = await fresh.open('app.html');
      await h1(app, 'Witaj w Radar ES');
      const popup = await fresh.popupFor(app);
      await popup.getByTestId('first-run-note').getByRole('button', { name: 'Nie pokazuj więcej' }).click();
      await until(async () => (await popup.getByTestId('first-run-note').count()) === 0, 'the note gone');
      expect(await idbSetting(app, 'welcomeDone')).toBe(true);
      await app.goto(app.url().replace(/#.*$/, ''));
      await app.reload();
      await h1(app, 'Katalog');
    } finally {
      await fresh.close();
    }
  });
});

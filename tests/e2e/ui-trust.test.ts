// Issue 17, end to end in Chromium: the defects a new user found (each reproduced here as the user
// met it), keyboard paths and focus, on the built extension's app page and popup, and the text
// size of the extension pages next to the standalone app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, launchExtension, serveStatic, SPA_DIR, until, type ExtensionSession, type StaticServer } from './harness.ts';
import { entityHash, idbPut, SAMPLE, waitForCount } from './spaApp.ts';
import { readXlsx } from '../../shared/io/import/xlsx.ts';

const ALTERNATYWY = 'krs:0000700353';

describe('a buyer\'s first session (extension)', () => {
  let ext: ExtensionSession;
  let sites: StaticServer;
  let page: Page;
  let files: string;
  const url = (hash: string) => `chrome-extension://${ext.id}/app.html${hash}`;

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'radar-es-ui-'));
    sites = await serveStatic({ byHost: true });
    ext = await launchExtension({ granted: true, sitesPort: sites.port });
    page = await ext.open('app.html#/directory');
    await waitForCount(page, SAMPLE.length, 'the default directory');
  });
  afterAll(async () => {
    await ext?.close();
    await sites?.close();
    rmSync(files, { recursive: true, force: true });
  });

  /** Switches the language in the settings, as a user does; back to the page that was open. */
  async function setLang(lang: 'pl' | 'en') {
    const back = page.url();
    await page.goto(url('#/settings'));
    await page.locator('#lang-select').selectOption(lang);
    await until(async () => (await page.locator('html').getAttribute('lang')) === lang, `the ${lang} UI`);
    await page.goto(back);
  }

  it('text on the app page and in the popup is 15 px as in the standalone app, and the name leads the card (defect 1)', async () => {
    await page.goto(url(entityHash(ALTERNATYWY)));
    const card = page.getByTestId('entity-card');
    await card.waitFor();
    const sizes = async (p: Page) =>
      p.evaluate(() => {
        const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : NaN);
        const card = document.querySelector('[data-testid="entity-card"]');
        return { body: px(document.body), name: px(card?.querySelector('.name') ?? null), meta: px(card?.querySelector('.meta') ?? null), dd: px(card?.querySelector('dd') ?? null) };
      });
    const app = await sizes(page);
    expect(app.body).toBe(15);
    expect(app.dd).toBe(15);
    expect(app.name).toBeGreaterThan(app.meta * 1.4);

    const site = await ext.context.newPage();
    await site.goto('http://sklep-alternatywy.pl/');
    const popup = await ext.popupFor(site);
    await popup.getByTestId('entity-card').waitFor();
    const inPopup = await sizes(popup);
    expect(inPopup.body).toBe(15);
    expect(inPopup.name).toBeGreaterThan(inPopup.meta);
    await popup.close();
    await site.close();

    const server = await serveStatic({ dir: SPA_DIR });
    const browser = await launch();
    try {
      const standalone = await browser.context.newPage();
      await standalone.goto(`${server.url}/${entityHash(ALTERNATYWY)}`);
      await standalone.getByTestId('entity-card').waitFor({ timeout: 20_000 });
      expect(await sizes(standalone)).toEqual(app);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('the list exported as CSV and as XLSX imports back with its identifiers unchanged (defect 2)', async () => {
    await page.goto(url(entityHash(ALTERNATYWY)));
    await page.getByTestId('save-control').getByLabel('Nowa lista').fill('Eksport');
    await page.getByRole('button', { name: 'Utwórz i dodaj' }).click();
    await page.getByRole('checkbox', { name: 'Eksport' }).waitFor();
    await page.goto(url('#/lists'));
    await page.getByRole('link', { name: 'Eksport' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eksport' }).waitFor();

    async function download(format: RegExp, name: string): Promise<string> {
      await page.getByRole('button', { name: 'Udostępnij lub eksportuj…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(format).check();
      const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Pobierz plik' }).click()]);
      const path = join(files, name);
      await (file as Download).saveAs(path);
      await dialog.getByRole('button', { name: 'Zamknij' }).click();
      return path;
    }
    const csv = await download(/CSV \(\.csv\)/, 'eksport.csv');
    const xlsx = await download(/Excel \(\.xlsx\)/, 'eksport.xlsx');

    const text = readFileSync(csv, 'utf8');
    expect(text).toContain(';0000700353;9291928963;368553461;');
    expect(text).not.toContain("'0000700353");
    // The spreadsheet holds the identifiers as text cells, read back exactly.
    const sheet = await readXlsx(readFileSync(xlsx));
    const row = Object.fromEntries(sheet.headers.map((h, i) => [h, sheet.rows[0][i]]));
    expect(row).toMatchObject({ KRS: '0000700353', NIP: '9291928963', REGON: '368553461' });

    // Both files import back into the app: the same entity, found by its KRS, nothing refused or added.
    for (const file of [csv, xlsx]) {
      await page.goto(url('#/import'));
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-counts').waitFor({ timeout: 20_000 });
      const count = async (k: string) => Number((await page.getByTestId(`count-${k}`).locator('strong').textContent())?.replace(/\s/g, ''));
      expect([await count('added'), await count('rejected')], file).toEqual([0, 0]);
      expect((await count('unchanged')) + (await count('merged')), file).toBe(1);
    }
  });

  it('the e-mail is previewed, the contact history reads in the current language, and logging offers "contacted" (defect 3)', async () => {
    await page.goto(url(entityHash(ALTERNATYWY)));
    const contact = page.getByTestId('contact-actions');
    await expect.poll(() => contact.getByTestId('mail-preview').textContent()).toMatch(/Podgląd wiadomości do alternatywy\.dlaseniora@gmail\.com[\s\S]*Dzień dobry/);
    const mailto = contact.getByTestId('mailto');
    await mailto.evaluate((a) => a.addEventListener('click', (e) => e.preventDefault()));
    await mailto.click();
    const history = page.getByTestId('interactions');
    await history.locator('li').first().waitFor();
    expect(await history.locator('li strong').first().textContent()).toMatch(/ · E-mail · Zapytanie o współpracę$/);
    // Saved at "to contact" (by the list above): the move to "contacted" is offered, not made.
    await contact.getByRole('button', { name: 'Przenieś na „Skontaktowano”' }).waitFor();
    expect(await page.getByTestId('save-control').getByLabel('Etap').inputValue()).toBe('to_contact');

    await setLang('en');
    await expect.poll(() => history.locator('li').first().textContent()).toMatch(/E-mail · Business inquiry[\s\S]*E-mail from the template: Business inquiry/);
    expect(await history.textContent()).not.toMatch(/szablonu|Zapytanie/);
    await setLang('pl');
  });

  it('a list package without a sender says when it was shared, never "?" (defect 4)', async () => {
    const now = new Date().toISOString();
    await idbPut(page, [{ store: 'lists', value: { id: 'list_anon', name: 'Od kogoś', sharedBy: { exportedAt: '2026-11-30T10:00:00.000Z', importedAt: now }, createdAt: now, updatedAt: now } }]);
    await page.goto(url('#/lists'));
    await page.reload();
    const item = page.getByTestId('lists').locator('li', { hasText: 'Od kogoś' });
    await expect.poll(() => item.textContent()).toMatch(/Udostępniona w pliku z 30 lis 2026 \(bez podpisu nadawcy\)/);
    expect(await item.textContent()).not.toContain('?');
  });

  it('a failed register check says what happened and what to do, not the browser\'s error (defect 6)', async () => {
    const now = new Date().toISOString();
    await idbPut(page, [{
      store: 'verifyQueue',
      value: { entityId: ALTERNATYWY, status: 'failed', steps: {}, reason: 'unreachable', detail: 'TypeError: Failed to fetch', name: 'ALTERNATYWY', createdAt: now, updatedAt: now, order: 1 },
    }]);
    await page.goto(url(entityHash(ALTERNATYWY)));
    const panel = page.getByTestId('verify-panel');
    await panel.getByTestId('verify-advice').waitFor();
    expect(await panel.textContent()).toMatch(/rejestr nie odpowiada/);
    expect(await panel.getByTestId('verify-advice').textContent()).toMatch(/Sprawdź połączenie z internetem/);
    expect(await panel.getByText('TypeError: Failed to fetch').isVisible()).toBe(false);
  });

  it('the batch check counts only entities with a KRS or NIP; the print view keeps numbers whole (defects 7, 9)', async () => {
    await page.goto(url('#/directory?q=ojca%20pio%20krakowie'));
    const noIds = page.getByTestId('results').getByRole('link', { name: /Ojca Pio/ }).first();
    await noIds.click();
    const lists = page.getByTestId('save-control').locator('details');
    if (!(await lists.evaluate((d) => (d as HTMLDetailsElement).open))) await lists.locator('summary').click();
    await page.getByRole('checkbox', { name: 'Eksport' }).check();
    await page.goto(url('#/lists'));
    await page.getByRole('link', { name: 'Eksport' }).click();
    await expect.poll(() => page.getByTestId('verify-batch').textContent()).toBe('Sprawdź 1 podmiot w rejestrach');
    expect(await page.getByTestId('verify-batch-skipped').textContent()).toMatch(/1 bez numeru KRS i NIP/);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Widok do druku' }).click();
    for (const id of ['print-nip', 'print-krs']) {
      const box = page.getByTestId(id).first();
      await box.waitFor();
      const lines = await box.evaluate((el) => el.getClientRects().length === 1 && el.getBoundingClientRect().height < 1.8 * parseFloat(getComputedStyle(el).lineHeight || '20'));
      expect(lines, id).toBe(true);
    }
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it('the flags tab reads "Otwarte (1)"; the popup\'s flag form closes once sent (defect 10)', async () => {
    const site = await ext.context.newPage();
    await site.goto('http://www.pcogito.pl/');
    const popup = await ext.popupFor(site);
    await popup.getByRole('button', { name: 'Oznacz' }).click();
    const form = popup.getByTestId('flag-form');
    await form.getByRole('button', { name: 'Oznacz' }).click();
    await popup.getByText(/Oznaczono/).waitFor();
    await until(async () => !(await form.isVisible()), 'the flag form closed');
    expect(await popup.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Oznacz');
    await popup.close();
    await site.close();

    await page.goto(url('#/flags'));
    await page.getByRole('button', { name: 'Otwarte (1)' }).waitFor();
  });

  it('the undo of a deleted list does not follow the user onto another list (defect 10)', async () => {
    await page.goto(url('#/lists'));
    await page.getByLabel('Nazwa').fill('Do usunięcia');
    await page.getByRole('button', { name: 'Utwórz listę' }).click();
    await page.getByRole('link', { name: 'Do usunięcia' }).click();
    await page.getByRole('heading', { level: 1, name: 'Do usunięcia' }).waitFor();
    await page.getByRole('button', { name: 'Usuń listę', exact: true }).click();
    await page.locator('.toast').waitFor();
    await page.getByRole('link', { name: 'Eksport' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eksport' }).waitFor();
    expect(await page.locator('.toast').count()).toBe(0);
  });

  it('the badge tooltip speaks the app\'s language (defect 10)', async () => {
    await setLang('en');
    const site = await ext.context.newPage();
    await site.goto('http://www.pcogito.pl/?en');
    const tab = await ext.tabId(site);
    await until(async () => /a social economy entity/.test(await ext.title(tab)), 'the English tooltip');
    await site.close();
    await setLang('pl');
  });

  it('↓ from the search box walks the results, ↑ from the first goes back (keyboard)', async () => {
    await page.goto(url('#/directory'));
    const box = page.getByRole('searchbox', { name: 'Szukaj w katalogu' });
    await page.getByTestId('results').locator('a').first().waitFor();
    await box.focus();
    await page.keyboard.press('ArrowDown');
    const first = await page.getByTestId('results').locator('a').first().textContent();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(first);
    await page.keyboard.press('ArrowDown');
    const second = await page.getByTestId('results').locator('a').nth(1).textContent();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(second);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('directory-q');
  });

  it('the entity header holds the primary actions: save, then go to the contact, with focus moved there', async () => {
    const other = SAMPLE.find((e) => e.krs && `krs:${e.krs}` !== ALTERNATYWY && e.email)!;
    await page.goto(url(entityHash(`krs:${other.krs}`)));
    const header = page.getByTestId('header-actions');
    await header.getByRole('button', { name: 'Dodaj do moich dostawców' }).click();
    await header.getByText('Mój dostawca: Do kontaktu').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('saved-h');
    expect(await page.getByTestId('save-control').getByLabel('Etap').inputValue()).toBe('to_contact');
    await header.getByRole('button', { name: 'Przejdź do kontaktu' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contact-h');
    expect(await page.getByTestId('contact-actions').isVisible()).toBe(true);
  });

  it('the empty directory\'s main button loads the default directory right there (defect 10)', async () => {
    await page.goto(url('#/settings'));
    // My data first (saved suppliers keep their entities), then the directory: it is empty.
    for (const what of ['Usuń moje dane', 'Usuń katalog']) {
      await page.getByRole('button', { name: what, exact: true }).click();
      await page.getByRole('button', { name: 'Tak, usuń' }).click();
      await page.getByRole('button', { name: 'Tak, usuń' }).waitFor({ state: 'detached' });
    }
    await page.goto(url('#/directory'));
    const empty = page.getByTestId('empty-state');
    await empty.getByRole('button', { name: 'Wczytaj katalog domyślny' }).click();
    await waitForCount(page, SAMPLE.length, 'the default directory loaded from the empty state');
  });
});

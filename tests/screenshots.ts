// `npm run screenshots`: PNGs of every main page of the app and every state of the popup, at a
// desktop (1280×800) and a phone (390×844) width, in Polish and English, so anyone can look at the
// whole product in a minute. Uses the built extension (`npm run build` first) in headless Chromium,
// with the e2e harness's fixture sites, and the standalone app for its directory and entity page.
// Output: SCREENSHOTS_DIR or /tmp/radar-es-screenshots (outside the repository), one file per
// page × width × language, e.g. `pl-1280-directory.png`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, launchExtension, serveStatic, SPA_DIR, until } from './e2e/harness.ts';
import { idbPut } from './e2e/spaApp.ts';

const OUT = process.env.SCREENSHOTS_DIR ?? '/tmp/radar-es-screenshots';
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const LANGS = ['pl', 'en'] as const;
const ALTERNATYWY = 'krs:0000700353';
const entity = (id: string) => `#/entity/${encodeURIComponent(id)}`;

/** App pages: name, hash, what says the page is ready. */
const PAGES: [string, string, (p: Page) => Promise<unknown>][] = [
  ['directory', '#/directory', (p) => p.getByTestId('results').locator('a').first().waitFor()],
  ['directory-query', '#/directory?q=catering', (p) => p.getByTestId('results').locator('a').first().waitFor()],
  ['directory-empty-result', '#/directory?q=qqxxzz', (p) => p.getByTestId('empty-state').waitFor()],
  ['entity-saved', entity(ALTERNATYWY), (p) => p.getByTestId('entity-card').waitFor()],
  ['entity-bare', entity('krs:0000057364'), (p) => p.getByTestId('entity-card').waitFor()],
  ['add', '#/add', (p) => p.locator('form').first().waitFor()],
  ['saved', '#/saved', (p) => p.getByTestId('board').waitFor()],
  ['lists', '#/lists', (p) => p.getByTestId('lists').locator('li').first().waitFor()],
  ['flags', '#/flags', (p) => p.locator('h1').waitFor()],
  ['import', '#/import', (p) => p.locator('h1').waitFor()],
  ['settings', '#/settings', (p) => p.getByTestId('storage-used').waitFor()],
  ['feeds', '#/feeds', (p) => p.getByTestId('feed-url').waitFor()],
  ['welcome', '#/welcome', (p) => p.getByTestId('welcome-count').waitFor()],
  ['about', '#/about', (p) => p.getByTestId('about-total').waitFor()],
  ['help', '#/help', (p) => p.getByTestId('help-topics').waitFor()],
  ['help-tender', '#/help/tender', (p) => p.getByTestId('help-topic').waitFor()],
];

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(250);
}

async function setLang(page: Page, lang: string): Promise<void> {
  await idbPut(page, [{ store: 'settings', value: { key: 'lang', value: lang } }]);
  await until(async () => (await page.locator('html').getAttribute('lang')) === lang || lang === 'pl', `the ${lang} UI`, 5000).catch(() => undefined);
}

/** A saved supplier with a person, a note, a contact and a list, and an open flag. */
async function seed(page: Page): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, entity(ALTERNATYWY)));
  await page.getByTestId('entity-card').waitFor({ timeout: 20_000 });
  await page.getByTestId('save-control').getByRole('button', { name: 'Zapisz', exact: true }).click();
  await page.getByLabel('Nowa notatka').fill('Dobra kuchnia, obsłużyli konferencję na 120 osób.');
  await page.getByRole('button', { name: 'Dodaj notatkę' }).click();
  await page.getByTestId('save-control').getByLabel('Nowa lista').fill('Wigilia firmowa');
  await page.getByRole('button', { name: 'Utwórz i dodaj' }).click();
  await page.getByRole('checkbox', { name: 'Wigilia firmowa' }).waitFor();
  await page.getByRole('button', { name: 'Dodaj osobę' }).click();
  const person = page.getByRole('form', { name: 'Osoba kontaktowa' });
  await person.getByLabel('Imię i nazwisko').fill('Anna Nowak');
  await person.getByLabel('Rola').fill('prezeska zarządu').catch(() => undefined);
  await person.getByRole('button', { name: 'Zapisz' }).click();
  await page.getByTestId('persons').getByText('Anna Nowak').waitFor();
}

async function shootApp(page: Page, prefix: string, baseUrl: (hash: string) => string, pages = PAGES): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    for (const [name, hash, ready] of pages) {
      await page.goto(baseUrl(hash));
      await page.reload();
      await ready(page).catch((err) => console.warn(`${prefix}-${size.width}-${name}: ${String(err).split('\n')[0]}`));
      await settle(page);
      await page.screenshot({ path: join(OUT, `${prefix}-${size.width}-${name}.png`), fullPage: true });
    }
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const sites = await serveStatic({ byHost: true });
  const ext = await launchExtension({ granted: true, sitesPort: sites.port });
  try {
    const appUrl = (hash: string) => `chrome-extension://${ext.id}/app.html${hash}`;
    const page = await ext.open('app.html#/directory');
    await page.getByTestId('results').locator('a').first().waitFor({ timeout: 30_000 });
    await seed(page);
    // The seeded list's own page (its id is the store's).
    await page.goto(appUrl('#/lists'));
    await page.getByTestId('lists').getByRole('link', { name: /Wigilia firmowa/ }).first().click();
    await page.waitForURL(/#\/list\//);
    const listHash = new URL(page.url()).hash;
    const pages = [...PAGES, ['list', listHash, (p: Page) => p.locator('table').first().waitFor()] as (typeof PAGES)[number]];

    for (const lang of LANGS) {
      await setLang(page, lang);
      await shootApp(page, lang, appUrl, pages);

      // Popup states, at the popup's own width (it is a fixed 380 px panel under the toolbar button).
      const popupShots: [string, string, (p: Page) => Promise<unknown>][] = [
        ['popup-entity', 'http://www.pcogito.pl/', (p) => p.getByTestId('entity-card').waitFor()],
        ['popup-saved-entity', 'http://sklep-alternatywy.pl/', (p) => p.getByTestId('entity-card').waitFor()],
        ['popup-hints', 'http://nowa-spoldzielnia.pl/', (p) => p.locator('form, h1, h2').first().waitFor()],
        ['popup-search', 'http://zwykla-strona.pl/', (p) => p.getByRole('searchbox').waitFor()],
      ];
      for (const [name, url, ready] of popupShots) {
        const site = await ext.context.newPage();
        await site.goto(url);
        const popup = await ext.popupFor(site);
        await popup.setViewportSize({ width: 400, height: 600 });
        await ready(popup).catch((err) => console.warn(`${lang}-${name}: ${String(err).split('\n')[0]}`));
        await settle(popup);
        await popup.screenshot({ path: join(OUT, `${lang}-popup-${name.replace(/^popup-/, '')}.png`), fullPage: true });
        if (name === 'popup-search') {
          await popup.getByRole('searchbox').fill('catering');
          await popup.waitForTimeout(600);
          await popup.screenshot({ path: join(OUT, `${lang}-popup-search-results.png`), fullPage: true });
        }
        if (name === 'popup-entity') {
          for (const panel of [/^(Kontakt|Contact)$/, /^(Oznacz|Flag)$/]) {
            const button = popup.getByTestId('entity-card').getByRole('button', { name: panel }).first();
            if (await button.count()) {
              await button.click();
              await settle(popup);
              await popup.screenshot({ path: join(OUT, `${lang}-popup-entity-${String(panel).includes('Kontakt') ? 'contact' : 'flag'}.png`), fullPage: true });
              await button.click();
            }
          }
        }
        await popup.close();
        await site.close();
      }
    }
    await setLang(page, 'pl');
  } finally {
    await ext.close();
    await sites.close();
  }

  // The standalone app: the same pages must look the same as on the extension's app page.
  const server = await serveStatic({ dir: SPA_DIR });
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/#/directory`);
    await page.getByTestId('results').locator('a').first().waitFor({ timeout: 30_000 });
    await shootApp(page, 'standalone-pl', (hash) => `${server.url}/${hash}`, PAGES.filter(([n]) => n === 'directory' || n === 'entity-bare'));
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`Screenshots in ${OUT}`);
}

await main();

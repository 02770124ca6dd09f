// Quality of the SPA's main pages in both homes: no serious or critical axe-core violation, no
// horizontal scrolling at a phone's width; and the standalone app starting with the network off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.ts';
import { until } from './harness.ts';
import { entityHash, SAMPLE, startApp, waitForCount, type AppKind, type AppUnderTest } from './spaApp.ts';

const ALTERNATYWY = 'krs:0000700353';

/** Every main page, with the element that says it is ready, after a little user data exists. */
const PAGES: [string, (page: Page) => Promise<unknown>][] = [
  ['#/directory', (p) => p.getByTestId('results').locator('a').first().waitFor()],
  ['#/directory?q=qqxxzz&woj=ma%C5%82opolskie', (p) => p.getByTestId('empty-state').waitFor()],
  [entityHash(ALTERNATYWY), (p) => p.getByRole('combobox', { name: 'Etap' }).waitFor()],
  ['#/add', (p) => p.getByLabel('Nazwa *').waitFor()],
  ['#/saved', (p) => p.getByTestId('board').waitFor()],
  ['#/lists', (p) => p.getByTestId('lists').locator('li').first().waitFor()],
  ['#/flags', (p) => p.getByRole('button', { name: /^Otwarte/ }).waitFor()],
  ['#/settings', (p) => p.getByTestId('storage-used').waitFor()],
  ['#/import', (p) => p.locator('input[type=file]').first().waitFor({ state: 'attached' })],
  ['#/feeds', (p) => p.getByTestId('feed-url').waitFor()],
];

async function seed(app: AppUnderTest): Promise<Page> {
  const page = await app.open('#/directory');
  await waitForCount(page, SAMPLE.length, 'the default directory');
  // A saved supplier with tags and a follow-up, a person, a note and a list: pages show real content.
  await page.goto(app.url(entityHash(ALTERNATYWY)));
  await page.getByTestId('save-control').getByRole('button', { name: 'Zapisz', exact: true }).click();
  await page.getByRole('textbox', { name: 'Dodaj tag' }).fill('catering');
  await page.getByRole('button', { name: 'Dodaj tag' }).click();
  await page.getByLabel('Termin kontaktu').fill(await page.evaluate(() => new Date().toLocaleDateString('sv')));
  await page.getByLabel('Nowa notatka').fill('Dobra kuchnia');
  await page.getByRole('button', { name: 'Dodaj notatkę' }).click();
  await page.getByTestId('save-control').getByLabel('Nowa lista').fill('Wigilia');
  await page.getByRole('button', { name: 'Utwórz i dodaj' }).click();
  await page.getByRole('checkbox', { name: 'Wigilia' }).waitFor();
  await page.getByRole('button', { name: 'Dodaj osobę' }).click();
  await page.getByRole('form', { name: 'Osoba kontaktowa' }).getByLabel('Imię i nazwisko').fill('Anna Nowak');
  await page.getByRole('form', { name: 'Osoba kontaktowa' }).getByRole('button', { name: 'Zapisz' }).click();
  await page.getByTestId('persons').getByText('Anna Nowak').waitFor();
  return page;
}

function quality(kind: AppKind) {
  let app: AppUnderTest;
  let page: Page;
  beforeAll(async () => {
    app = await startApp(kind);
    page = await seed(app);
  });
  afterAll(async () => app?.close());

  it('no serious or critical axe-core violation on any main page, in Polish and English, on a desktop and a phone', async () => {
    const found: Record<string, unknown> = {};
    for (const lang of ['pl', 'en'] as const) {
      await page.goto(app.url('#/settings'));
      await page.locator('#lang-select').selectOption(lang);
      await until(async () => (await page.locator('html').getAttribute('lang')) === lang, `the ${lang} UI`);
      for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
        await page.setViewportSize(size);
        for (const [hash, ready] of PAGES) {
          await page.goto(app.url(hash));
          // The Polish labels say when a page is ready; in English its heading and a moment do.
          if (lang === 'pl') await ready(page);
          else await page.locator('h1').first().waitFor().then(() => page.waitForTimeout(400));
          const v = await seriousViolations(page);
          if (v.length) found[`${lang} ${size.width} ${hash}`] = v;
        }
      }
    }
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(app.url('#/settings'));
    await page.locator('#lang-select').selectOption('pl');
    await until(async () => (await page.locator('html').getAttribute('lang')) === 'pl', 'the Polish UI again');
    expect(found).toEqual({});
  });

  it('fits a phone\'s width: no page scrolls sideways, filters fold away above the results', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const wide: string[] = [];
    for (const [hash, ready] of PAGES) {
      await page.goto(app.url(hash));
      await page.reload(); // the filters' initial state follows the width at start
      await ready(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide.push(`${hash}: ${overflow}px`);
    }
    expect(wide).toEqual([]);
    await page.goto(app.url('#/directory'));
    await page.reload();
    // On a phone the filters wait behind a button, in a drawer that ends with "show N results".
    await page.getByTestId('open-filters').click();
    const drawer = page.getByRole('dialog', { name: 'Filtry' });
    await drawer.getByRole('checkbox', { name: /^małopolskie/ }).check();
    const show = drawer.getByTestId('show-results');
    await expect.poll(() => show.textContent()).toMatch(/^Pokaż \d+ wynik/);
    const shown = Number((await show.textContent())!.replace(/\D/g, ''));
    expect(shown).toBeLessThan(SAMPLE.length);
    await show.click();
    await until(async () => !(await drawer.isVisible()), 'the drawer closed');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-filters');
    await waitForCount(page, shown, 'the filtered results');
    await page.setViewportSize({ width: 1200, height: 900 });
  });
}

describe('extension app page', () => quality('extension'));
describe('standalone SPA', () => {
  quality('standalone');

  it('after the first visit, starts and searches with the network off', async () => {
    const app = await startApp('standalone');
    try {
      const page = await app.open('#/directory');
      await waitForCount(page, SAMPLE.length, 'the first visit');
      // An active service worker has finished installing, i.e. precaching the app and the default
      // directory; it takes over the page at the next load.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      // Offline for the page and its service worker alike (the static server itself stays up, but
      // nothing can reach it).
      await app.context.setOffline(true);
      await page.reload();
      await waitForCount(page, SAMPLE.length, 'the offline start');
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
      await page.getByRole('searchbox', { name: 'Szukaj w katalogu' }).fill('kobierzyn');
      await until(async () => /Kobierzyn/.test((await page.getByTestId('results').locator('a').first().textContent()) ?? ''), 'an offline search');
    } finally {
      await app.context.setOffline(false);
      await app.close().catch(() => undefined);
    }
  });
});

// Directory feeds end to end, in the extension's app page and the standalone app, against a local
// static host that honours ETag and counts requests (feedServer.ts): a subscription link opens the
// preview, the first download, a 304 that downloads no pack, an update of one region that
// downloads one pack, an entity the publisher dropped, every failure leaving the data as it was,
// a changed key, two feeds listing one entity, unsubscribing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { until } from './harness.ts';
import { entityHash, idbCounts, startApp, type AppKind, type AppUnderTest } from './spaApp.ts';
import { FeedHost } from './feedServer.ts';
import { generateFeedKey, keyFingerprint, type FeedKeyFile } from '../../shared/io/feeds/signature.ts';

const HEADER = 'nazwa,krs,nip,województwo,miejscowość,telefon,www\n';
const ALFA = 'Spółdzielnia Socjalna Feedowa Alfa,,5261040828,małopolskie,Kraków,12 345 67 89,alfa-feed.pl';
const BETA = 'Fundacja Feedowa Beta,0000912345,,małopolskie,Tarnów,,';
const GAMMA = 'Spółdzielnia Socjalna Feedowa Gamma,,,śląskie,Katowice,32 111 22 33,';
const DELTA = 'Stowarzyszenie Feedowe Delta,,,,Gdzieś,,';
const csv = (...rows: string[]) => HEADER + rows.join('\n') + '\n';
const ALFA_ID = 'nip:5261040828';
const BETA_ID = 'krs:0000912345';

async function feedItem(page: Page, publisher: string) {
  return page.getByTestId('feed-item').filter({ has: page.getByRole('heading', { name: publisher }) });
}

async function updateNow(page: Page, publisher: string): Promise<string> {
  const item = await feedItem(page, publisher);
  const status = item.getByTestId('feed-status');
  await until(async () => await item.getByTestId('feed-update').isEnabled(), 'update button enabled');
  await item.getByTestId('feed-update').click();
  await until(async () => ((await status.textContent()) ?? '').trim() !== '', 'the update result', 20_000);
  return (await status.textContent()) ?? '';
}

describe.each<AppKind>(['standalone', 'extension'])('directory feeds in the %s app', (kind) => {
  let app: AppUnderTest;
  let host: FeedHost;
  let key: FeedKeyFile;
  let page: Page;
  let urlA = '';

  beforeAll(async () => {
    key = await generateFeedKey();
    host = new FeedHost();
    await host.start();
    urlA = await host.publish('a', csv(ALFA, BETA, GAMMA, DELTA), key, { publisher: 'ROPS Testowo', createdAt: '2026-12-01T00:00:00.000Z' });
    app = await startApp(kind);
  });
  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  it('a subscription link opens the preview, and nothing is downloaded or written before the user agrees', async () => {
    page = await app.open(`#/feeds?add=${encodeURIComponent(urlA)}`);
    // The default directory is there (405), and its feed is listed as a subscription.
    await until(async () => (await idbCounts(page, ['entities']))[0] >= 405, 'the default directory');
    const preview = page.getByTestId('feed-preview');
    await expect.poll(() => preview.getByTestId('feed-publisher').textContent(), { timeout: 15_000 }).toBe('ROPS Testowo');
    expect(await preview.getByTestId('feed-fingerprint').textContent()).toBe(await keyFingerprint(key.publicKey));
    const regions = await preview.getByTestId('feed-region').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).dataset.region));
    expect(regions).toEqual(['małopolskie', 'śląskie', '']);
    await expect.poll(() => preview.textContent()).toMatch(/małopolskie \(2\)/);
    expect(host.packGets()).toEqual([]);
    expect(await page.evaluate(() => location.hash)).toContain('add=');
    const [entities] = await idbCounts(page, ['entities']);
    expect(entities).toBe(405);
  });

  it('subscribing downloads every pack once, verifies them and merges the entities with the feed as their source', async () => {
    await page.getByTestId('feed-subscribe').click();
    await expect.poll(() => page.getByTestId('feed-result').textContent(), { timeout: 20_000 }).toMatch(/ROPS Testowo.*nowe 4/);
    expect(host.packGets()).toHaveLength(3);
    expect(await idbCounts(page, ['entities'])).toEqual([409]);
    const item = await feedItem(page, 'ROPS Testowo');
    await expect.poll(() => item.getByTestId('feed-count').textContent()).toBe('4');

    const search = await app.open('#/directory?q=Feedowa');
    await expect.poll(() => search.getByTestId('results').textContent(), { timeout: 15_000 }).toMatch(/Feedowa Beta/);
    await search.close();

    const entityPage = await app.open(entityHash(ALFA_ID));
    await expect.poll(() => entityPage.getByTestId('entity-feeds').textContent(), { timeout: 15_000 }).toMatch(/ROPS Testowo/);
    await entityPage.close();
  });

  it('"update now" asks with If-None-Match: the 304 downloads no pack (in the standalone app, with no CORS preflight)', async () => {
    host.log = [];
    host.preflights = 0;
    expect(await updateNow(page, 'ROPS Testowo')).toMatch(/Bez zmian/);
    expect(host.log).toEqual([{ path: '/a/index.json', status: 304 }]);
    // The standalone app leaves the conditional request to the browser's cache: no header of its
    // own, so no OPTIONS round trip before the check.
    if (kind === 'standalone') expect(host.preflights).toBe(0);
  });

  it('an update where one region changed downloads that one pack; the entity the publisher dropped is marked and left out of search', async () => {
    await host.publish('a', csv(ALFA.replace('12 345 67 89', '12 345 67 89; 600 100 200'), GAMMA, DELTA), key, { publisher: 'ROPS Testowo', createdAt: '2026-12-15T00:00:00.000Z' });
    host.log = [];
    expect(await updateNow(page, 'ROPS Testowo')).toMatch(/uzupełnione 1, już niepublikowane 1/);
    expect(host.packGets()).toHaveLength(1);
    expect(host.packGets()[0]).toMatch(/\/a\/packs\/malopolskie-/);

    const beta = await app.open(entityHash(BETA_ID));
    await expect.poll(() => beta.getByTestId('entity-delisted').textContent(), { timeout: 15_000 }).toMatch(/Już niepublikowany przez ROPS Testowo od 15 gru 2026/);
    await beta.close();
    // Found before the update (the feed listed it); left out of search results now.
    const search = await app.open('#/directory?q=Feedowa');
    await expect.poll(() => search.getByTestId('results').textContent(), { timeout: 15_000 }).toMatch(/Feedowa Alfa/);
    expect(await search.getByTestId('results').textContent()).not.toMatch(/Feedowa Beta/);
    await search.close();
  });

  it('each failure keeps the data held and says why', async () => {
    const [before] = await idbCounts(page, ['entities']);
    const expectError = async (pattern: RegExp) => {
      const text = await updateNow(page, 'ROPS Testowo');
      expect(text).toMatch(pattern);
      const item = await feedItem(page, 'ROPS Testowo');
      await expect.poll(() => item.getByTestId('feed-last-error').textContent()).toMatch(pattern);
      expect(await idbCounts(page, ['entities'])).toEqual([before]);
      await expect.poll(() => item.getByTestId('feed-count').textContent()).toBe('3');
    };
    host.fault = '404';
    await expectError(/nie ma pliku źródła \(404\)/);
    host.fault = '500';
    await expectError(/błędem 500/);
    if (kind === 'standalone') {
      host.fault = 'no-cors';
      await expectError(/nie zezwala na odczyt z innej strony \(brak nagłówka CORS\)/);
    }
    host.fault = 'none';

    await app.context.setOffline(true);
    await expectError(/Brak połączenia z internetem/);
    await app.context.setOffline(false);

    // The next edition changes Gamma (śląskie); each tampering of it is refused.
    await host.publish('a', csv(ALFA.replace('12 345 67 89', '12 345 67 89; 600 100 200'), GAMMA.replace('Katowice', 'Katowice-Bogucice'), DELTA), key, { publisher: 'ROPS Testowo', createdAt: '2026-12-20T00:00:00.000Z' });
    const good = new Map(host.files);
    const slaskie = () => `/a/${host.indexOf('a').packs.find((p) => p.region === 'śląskie')!.file}`;
    const setIndex = (edit: (i: Record<string, unknown>) => Record<string, unknown>) =>
      host.files.set('/a/index.json', new TextEncoder().encode(JSON.stringify(edit(host.indexOf('a')))));
    const restore = () => (host.files = new Map(good));

    setIndex((i) => ({ ...i, publisher: 'Ktoś inny' }));
    await expectError(/Podpis się nie zgadza/);
    restore();
    setIndex((i) => ({ ...i, version: 2 }));
    await expectError(/nowszym formacie\. Zaktualizuj Radar ES/);
    restore();
    const pack = host.files.get(slaskie())!;
    host.files.set(slaskie(), pack.map((b, i) => (i === 120 ? (b === 65 ? 66 : 65) : b)));
    await expectError(/„śląskie” różni się od zapowiedzianego/);
    host.files.set(slaskie(), pack.slice(0, pack.length - 40));
    await expectError(/„śląskie” jest niepełny/);
    host.files.set(slaskie(), new Uint8Array([...pack, ...new Uint8Array(100_000).fill(32)]));
    await expectError(/„śląskie” jest większy niż zapowiedziano/);
    restore();

    // A new key: refused until the user accepts the fingerprint shown.
    const other = await generateFeedKey();
    await host.publish('a', csv(ALFA.replace('12 345 67 89', '12 345 67 89; 600 100 200'), GAMMA.replace('Katowice', 'Katowice-Bogucice'), DELTA), other, { publisher: 'ROPS Testowo', createdAt: '2026-12-21T00:00:00.000Z' });
    await expectError(/innym kluczem niż dotąd/);
    const item = await feedItem(page, 'ROPS Testowo');
    await expect.poll(() => item.getByRole('alert').textContent()).toContain(await keyFingerprint(other.publicKey));
    await item.getByTestId('feed-accept-key').click();
    await expect.poll(() => item.getByTestId('feed-status').textContent(), { timeout: 15_000 }).toMatch(/Zaktualizowano/);
    await expect.poll(() => item.getByTestId('feed-last-error').count()).toBe(0);
  });

  it('an address that resolves to nothing is refused at the preview, saying so', async () => {
    await page.getByTestId('feed-url').fill('https://nie-ma-takiego-serwera.example/index.json');
    await page.getByTestId('feed-preview-button').click();
    await expect.poll(() => page.getByTestId('feed-problem').textContent(), { timeout: 20_000 }).toMatch(/Nie można połączyć się z nie-ma-takiego-serwera\.example/);
  });

  it('opening a feed file previews the feed it names; a file that does not say where it is published is refused, saying so', async () => {
    await host.publish('c', csv(DELTA), key, { publisher: 'OWES z pliku', createdAt: '2026-12-02T00:00:00.000Z', withUrl: true });
    const file = (dir: string) => ({ name: 'index.json', mimeType: 'application/json', buffer: Buffer.from(host.files.get(`/${dir}/index.json`)!) });
    await page.getByTestId('feed-file').setInputFiles(file('c'));
    await expect.poll(() => page.getByTestId('feed-publisher').textContent(), { timeout: 15_000 }).toBe('OWES z pliku');
    await page.getByTestId('feed-preview').getByRole('button', { name: 'Anuluj' }).click();
    await page.getByTestId('feed-file').setInputFiles(file('a')); // built without --url
    await expect.poll(() => page.getByTestId('feed-problem').textContent()).toMatch(/nie podaje, gdzie źródło jest opublikowane/);
  });

  it('two feeds listing one entity merge it by its identifiers; unsubscribing keeps what the other feed lists', async () => {
    const urlB = await host.publish('b', csv(ALFA.replace('12 345 67 89', '600 700 800'), 'Fundacja Feedowa Epsilon,,,lubuskie,Zielona Góra,,'), key, { publisher: 'OWES Testowo', createdAt: '2026-12-02T00:00:00.000Z' });
    await page.getByTestId('feed-url').fill(urlB);
    await page.getByTestId('feed-preview-button').click();
    await expect.poll(() => page.getByTestId('feed-publisher').textContent(), { timeout: 15_000 }).toBe('OWES Testowo');
    await page.getByTestId('feed-subscribe').click();
    await expect.poll(() => page.getByTestId('feed-result').textContent(), { timeout: 20_000 }).toMatch(/OWES Testowo.*nowe 1, uzupełnione 1/);

    const alfa = await app.open(entityHash(ALFA_ID));
    await expect.poll(() => alfa.getByTestId('entity-feeds').textContent(), { timeout: 15_000 }).toMatch(/ROPS Testowo.*OWES Testowo|OWES Testowo.*ROPS Testowo/);
    await expect.poll(() => alfa.locator('main').textContent()).toMatch(/600 700 800/);
    await alfa.close();

    const [before] = await idbCounts(page, ['entities']);
    const item = await feedItem(page, 'ROPS Testowo');
    await item.getByTestId('feed-unsubscribe').click();
    await item.getByTestId('feed-unsubscribe-yes').click();
    // Beta, Delta and both Gammas go (no data on them, no other feed) — Gamma's move to another town
    // made it a new entity, as it has no identifier; Alfa stays: OWES lists it.
    await expect.poll(() => page.getByTestId('feed-item').filter({ hasText: 'ROPS Testowo' }).count(), { timeout: 15_000 }).toBe(0);
    expect(await idbCounts(page, ['entities'])).toEqual([before - 4]);
    const after = await app.open(entityHash(ALFA_ID));
    await expect.poll(() => after.getByTestId('entity-feeds').textContent(), { timeout: 15_000 }).toMatch(/^[^R]*OWES Testowo[^R]*$/);
    await after.close();
  });
});

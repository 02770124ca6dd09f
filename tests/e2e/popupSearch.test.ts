// The popup's quick search uses the directory's cached search index (built and kept by the app's
// search worker), patches it after a few changes, and writes it back for the next popup and the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, readTable as readRows, serveStatic, until, type ExtensionSession, type StaticServer } from './harness.ts';

const readTable = (page: Page, table: string) => readRows<any>(page, table);

const revisionOf = async (page: Page) => (await readTable(page, 'settings')).find((r) => r.key === 'directoryRevision')?.value as number;
const cacheOf = async (page: Page) => (await readTable(page, 'blobs')).find((b) => b.key === 'searchIndex') as { revision: number; value: ArrayBuffer } | undefined;

describe('popup quick search on the cached index', () => {
  let ext: ExtensionSession;
  let sites: StaticServer;
  let app: Page;

  beforeAll(async () => {
    sites = await serveStatic({ byHost: true });
    ext = await launchExtension({ granted: true, sitesPort: sites.port });
    app = await ext.open('app.html#/lists');
    await until(async () => (await readTable(app, 'entities')).length >= 160, 'the default directory');
  });
  afterAll(async () => {
    await ext?.close();
    await sites?.close();
  });

  async function search(query: string, expected: RegExp): Promise<void> {
    const site = await ext.context.newPage();
    await site.goto('http://zwykla-strona.pl/');
    const popup = await ext.popupFor(site);
    await popup.getByTestId('quick-search').waitFor();
    await popup.locator('#quick-search').pressSequentially(query);
    await popup.getByRole('button', { name: expected }).waitFor({ timeout: 15_000 });
    await popup.close();
    await site.close();
  }

  it('a first search leaves the index cached at the directory revision; the next popup answers from it', async () => {
    expect(await cacheOf(app)).toBeUndefined();
    await search('leczn', /Zakład Aktywności Zawodowej w Łęcznej/);
    const revision = await revisionOf(app);
    await until(async () => (await cacheOf(app))?.revision === revision, 'the cached index at the current revision');
    const written = (await cacheOf(app))!.value.byteLength;
    await search('pcogito', /U Pana Cogito/);
    // Unchanged directory: the cache was read, not written again.
    expect((await cacheOf(app))!.revision).toBe(revision);
    expect((await cacheOf(app))!.value.byteLength).toBe(written);
  });

  it('an entity added from the popup is found by the next popup, the cache patched to the new revision', async () => {
    const before = await revisionOf(app);
    const site = await ext.context.newPage();
    await site.goto('http://nowa-spoldzielnia.pl/');
    const popup = await ext.popupFor(site);
    const name = popup.getByLabel('Nazwa');
    await until(async () => (await name.inputValue()) !== '', 'the candidate name from the page');
    await name.fill('Spółdzielnia Socjalna „Zielony Zakątek” (Lublin)');
    await popup.getByRole('button', { name: 'Dodaj jako kandydata' }).click();
    await popup.getByRole('heading', { level: 1, name: /Zielony Zakątek/ }).waitFor();
    await popup.close();
    await site.close();
    const after = await revisionOf(app);
    expect(after).toBeGreaterThan(before);

    await search('zielony zakatek', /Zielony Zakątek/);
    await until(async () => (await cacheOf(app))?.revision === after, 'the cached index patched to the new revision');
  });
});

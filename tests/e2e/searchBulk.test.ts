// The search index after an import-sized change, in the standalone SPA: a directory page open in one
// tab while another tab imports files there. A first import (2,600 rows, into the 405-entity
// default directory) is more than half the index, so the worker rebuilds it; a second (1,200 new
// entities in one chunk: more than the change log row keeps, so their ids are in a row of their
// own) is under half of the 3,005 then indexed, so the worker patches the cached index with just
// those. Either way the open page answers with the new entities without being reloaded, and the
// entities the page already showed stay found.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serveStatic, SPA_DIR, until, type Browser, type StaticServer } from './harness.ts';
import { resultCount } from './spaApp.ts';
import type { FixtureFile } from '../fixtures/import/files.ts';

function csv(name: string, rows: number, prefix: string, krsFrom: number): FixtureFile {
  const lines = ['Nazwa,KRS,Miejscowość,Oferta'];
  for (let i = 1; i <= rows; i++) lines.push(`${prefix} ${i},${String(krsFrom + i).padStart(10, '0')},Kraków,catering i sprzątanie`);
  return { name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') };
}

/** The directory revision and the revision the cached index was built from (raw IndexedDB). */
async function revisions(page: Page): Promise<{ directory: number; index: number | undefined; stored: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('radar-es');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction(['settings', 'blobs'], 'readonly');
    const ask = <T>(r: IDBRequest<T>) => new Promise<T>((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
    const [rev, blob, log] = await Promise.all([
      ask(tx.objectStore('settings').get('directoryRevision')),
      ask(tx.objectStore('blobs').get('searchIndex')),
      ask(tx.objectStore('settings').get('directoryChanges')),
    ]);
    db.close();
    const changes = ((log as { value?: { stored?: number }[] } | undefined)?.value ?? []);
    return {
      directory: (rev as { value?: number } | undefined)?.value ?? 0,
      index: (blob as { revision?: number } | undefined)?.revision,
      stored: changes.filter((c) => c.stored !== undefined).length,
    };
  });
}

async function importFile(page: Page, file: FixtureFile, added: number): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-counts').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('count-added').locator('strong').textContent()).toBe(String(added));
  await page.getByTestId('import-start').click();
  await expect.poll(() => page.getByTestId('import-result').getAttribute('class'), { timeout: 60_000 }).toContain('ok');
}

describe('the search index after import-sized changes (standalone SPA)', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveStatic({ dir: SPA_DIR });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an open directory finds what two imports in another tab added: rebuilt after the first, patched after the second', async () => {
    const importer = await browser.context.newPage();
    await importer.goto(`${server.url}/#/import`);
    const directory = await browser.context.newPage();
    await directory.goto(`${server.url}/#/directory?q=${encodeURIComponent('Próbna Bulkowa')}`);
    await until(async () => {
      const r = await revisions(directory);
      return r.directory > 0 && r.index === r.directory;
    }, 'the default directory indexed', 30_000);
    expect(await resultCount(directory)).toBe(0);

    await importFile(importer, csv('pierwsza.csv', 2600, 'Spółdzielnia Próbna Bulkowa', 810000), 2600);
    await until(async () => (await resultCount(directory)) === 2600, 'the first import found in the open directory', 60_000);

    await directory.locator('#directory-q').fill('Zbiorcza Bulkowa');
    await until(async () => (await resultCount(directory)) === 0, 'nothing of the second file yet', 15_000);
    const before = await revisions(directory);
    await importer.getByRole('button', { name: 'Wybierz inny plik' }).click();
    await importFile(importer, csv('druga.csv', 1200, 'Spółdzielnia Zbiorcza Bulkowa', 820000), 1200);
    // The 1,200 ids were kept in a row of their own (more than the log row holds).
    expect((await revisions(directory)).stored).toBeGreaterThan(before.stored);
    await until(async () => (await resultCount(directory)) === 1200, 'the second import found in the open directory', 60_000);
    expect(await directory.locator('[data-testid="results"] a').first().textContent()).toMatch(/^Spółdzielnia Zbiorcza Bulkowa \d+$/);
    // Nothing of the first import was lost on the way, and the cache is at the directory's revision.
    await directory.locator('#directory-q').fill('Próbna Bulkowa 2600');
    await until(async () => (await resultCount(directory)) >= 1, 'the first import still found', 15_000);
    await until(async () => {
      const r = await revisions(directory);
      return r.index === r.directory;
    }, 'the cached index current', 30_000);
  });
});

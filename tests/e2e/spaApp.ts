// The SPA under test in either of its two homes: the extension's app page (shared store with the
// popup and background) or the standalone build served over HTTP (its own store, offline-capable).
// Flows are written once against this interface and run in both.
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { launch, launchExtension, serveStatic, SPA_DIR, until, ROOT, type StaticServer } from './harness.ts';

export type AppKind = 'extension' | 'standalone';

export interface AppUnderTest {
  kind: AppKind;
  context: BrowserContext;
  /** Opens the app at a hash route (e.g. `#/saved`) in a new tab. */
  open(hash?: string): Promise<Page>;
  /** The URL of a hash route, for page.goto. */
  url(hash?: string): string;
  server?: StaticServer;
  close(): Promise<void>;
}

export async function startApp(kind: AppKind): Promise<AppUnderTest> {
  if (kind === 'extension') {
    // Granted: the automatic-scanning switch asks for host access; a granted copy answers at once.
    const ext = await launchExtension({ granted: true });
    const url = (hash = '#/directory') => `chrome-extension://${ext.id}/app.html${hash}`;
    return {
      kind,
      context: ext.context,
      url,
      async open(hash) {
        const page = await ext.context.newPage();
        await page.goto(url(hash));
        return page;
      },
      close: () => ext.close(),
    };
  }
  const server = await serveStatic({ dir: SPA_DIR });
  const browser = await launch();
  const url = (hash = '#/directory') => `${server.url}/${hash}`;
  return {
    kind,
    context: browser.context,
    server,
    url,
    async open(hash) {
      const page = await browser.context.newPage();
      await page.goto(url(hash));
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The number the directory reports ("405 wyników"), once the search index has answered. */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('result-count').textContent({ timeout: 15_000 })) ?? '';
  return Number(text.replace(/\s/g, '').match(/^\d+/)?.[0] ?? NaN);
}

export async function waitForCount(page: Page, expected: number, what: string): Promise<void> {
  await until(async () => (await resultCount(page)) === expected, `${what}: ${expected} results`, 15_000);
}

export function entityHash(id: string): string {
  return `#/entity/${encodeURIComponent(id)}`;
}

/** The real sample directory as the CSV has it, read with PapaParse (independent of our importer). */
export const SAMPLE: Record<string, string>[] = Papa.parse<Record<string, string>>(
  readFileSync(`${ROOT}/shared/data/pes-directory-sample.csv`, 'utf8'),
  { header: true, skipEmptyLines: true },
).data;

/** Writes records straight into the app's IndexedDB, as another program or an older release would. */
export async function idbPut(page: Page, puts: { store: string; value: unknown }[]): Promise<void> {
  await page.evaluate(async (puts) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('radar-es');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction([...new Set(puts.map((p) => p.store))], 'readwrite');
    for (const p of puts) tx.objectStore(p.store).put(p.value);
    await new Promise((res, rej) => {
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, puts);
}

/** Record counts of some stores, read in one transaction. */
export async function idbCounts(page: Page, stores: string[]): Promise<number[]> {
  return page.evaluate(async (stores) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('radar-es');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction(stores, 'readonly');
    const counts = await Promise.all(
      stores.map((s) => new Promise<number>((res, rej) => {
        const r = tx.objectStore(s).count();
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      })),
    );
    db.close();
    return counts;
  }, stores);
}

/** Reads one setting as stored ({ key, value } in `settings`). */
export async function idbSetting(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('radar-es');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const value = await new Promise<unknown>((res, rej) => {
      const r = db.transaction('settings').objectStore('settings').get(key);
      r.onsuccess = () => res((r.result as { value?: unknown } | undefined)?.value);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return value;
  }, key);
}

// The browser killed (SIGKILL) while a 50,000-row import is being written, then started again on
// the same profile (issue #19, finding 8): the store keeps whole chunks only, the Import page shows
// the import as interrupted with how far it got, and finishing it (the same file again) ends with
// every row in and changes nothing that was already in.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serveStatic, SPA_DIR, until, type Browser, type StaticServer } from './harness.ts';

const ROWS = 50_000;
const CHUNK = 5000; // IMPORT_CHUNK in shared/db/commands/import.ts

async function store(page: Page): Promise<{ entities: number; imports: Record<string, any>[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('radar-es');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const tx = db.transaction(['entities', 'imports']);
    const get = <T,>(req: IDBRequest<T>) => new Promise<T>((ok, ko) => ((req.onsuccess = () => ok(req.result)), (req.onerror = () => ko(req.error))));
    const [entities, imports] = await Promise.all([get(tx.objectStore('entities').count()), get(tx.objectStore('imports').getAll())]);
    db.close();
    return { entities, imports: imports as Record<string, any>[] };
  });
}

/** The browser's own process (not its renderers and helpers): the one started with this profile and no --type. */
function browserPid(profileDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd: string[];
    try {
      cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (cmd.includes(`--user-data-dir=${profileDir}`) && !cmd.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error('browser process not found');
}

describe('an import survives the browser being killed', () => {
  let server: StaticServer;
  let profileDir: string;
  let dir: string;
  let file: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await serveStatic({ dir: SPA_DIR });
    profileDir = mkdtempSync(join(tmpdir(), 'radar-es-killed-'));
    dir = mkdtempSync(join(tmpdir(), 'radar-es-file-'));
    file = join(dir, 'duza-lista.csv');
    const lines = ['Nazwa;Miejscowość;Oferta'];
    for (let i = 0; i < ROWS; i++) lines.push(`Spółdzielnia Socjalna Numer ${i};Miasto ${i % 97};Usługi porządkowe i catering`);
    writeFileSync(file, lines.join('\n') + '\n');
  });
  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.close();
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('whole chunks, shown as interrupted, and finishing puts every row in', async () => {
    browser = await launch({ profileDir });
    let page = await browser.context.newPage();
    await page.goto(`${server.url}/#/import`);
    await until(async () => (await store(page)).entities >= 160, 'the default directory', 30_000);
    const before = (await store(page)).entities;
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-start').waitFor({ timeout: 60_000 });
    await until(async () => !(await page.getByTestId('import-start').isDisabled()), 'the preview', 60_000);
    await page.getByTestId('import-start').click();

    // Kill the browser once the first chunk is in and the import is still writing.
    await until(
      async () => {
        const r = (await store(page)).imports.find((x) => x.fileName === 'duza-lista.csv');
        return r?.progress && r.progress.written >= CHUNK && r.progress.written < r.progress.total;
      },
      'a committed chunk',
      60_000,
    );
    process.kill(browserPid(profileDir), 'SIGKILL');
    await browser.context.close().catch(() => {});

    browser = await launch({ profileDir });
    page = await browser.context.newPage();
    await page.goto(`${server.url}/#/import`);
    const notice = page.getByTestId('import-interrupted');
    await notice.waitFor({ timeout: 20_000 });
    const { entities, imports } = await store(page);
    const record = imports.find((x) => x.fileName === 'duza-lista.csv')!;
    const written = record.progress.written as number;
    expect(written % CHUNK).toBe(0); // whole chunks only
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(ROWS);
    expect(entities - before).toBe(written);
    expect(await notice.textContent()).toContain(`zapisano ${written} z ${ROWS} podmiotów`);
    expect(await page.getByTestId('import-record-interrupted').textContent()).toContain(`zapisano ${written} z ${ROWS}`);

    await notice.getByRole('button', { name: 'Dokończ import' }).click();
    await page.getByTestId('import-pick-again').waitFor();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-start').waitFor({ timeout: 60_000 });
    await until(async () => !(await page.getByTestId('import-start').isDisabled()), 'the preview', 60_000);
    // The preview counts what is in already as unchanged.
    expect(Number(((await page.getByTestId('count-unchanged').locator('strong').textContent()) ?? '').replace(/\s/g, ''))).toBe(written);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
    await until(async () => (await store(page)).entities - before === ROWS, 'every row in', 60_000);
    await until(async () => (await page.getByTestId('import-interrupted').count()) === 0, 'the notice gone');
    const finished = (await store(page)).imports.find((x) => x.id === record.id)!;
    expect(finished.resolved).toBe('finished');
    expect(finished.progress).toBeUndefined();
  }, 300_000);
});

// The Import page end to end, in the built extension's app page (the main flow also in the
// standalone SPA): a Windows-1250 office CSV with semicolons is previewed, imported off the page's
// thread, found in the directory, lights the badge of an open tab of the entity's site, its rejected
// rows download with their reasons, and a re-import changes nothing. Bad input is refused with a
// specific message and writes nothing; a cancel keeps what was committed.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, launchExtension, serveStatic, SPA_DIR, until, type Browser, type ExtensionSession, type StaticServer } from './harness.ts';
import { badFiles, bigXlsx, manyCsv, officeCsv, OFFICE_ROWS, type FixtureFile } from '../fixtures/import/files.ts';

/** Counts of the stores an import may write, and the directory revision, read with raw IndexedDB. */
async function dbState(page: Page): Promise<{ entities: number; imports: number; revision: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('radar-es');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction(['entities', 'imports', 'settings'], 'readonly');
    const ask = <T>(r: IDBRequest<T>) => new Promise<T>((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
    const [entities, imports, rev] = await Promise.all([
      ask(tx.objectStore('entities').count()),
      ask(tx.objectStore('imports').count()),
      ask(tx.objectStore('settings').get('directoryRevision')),
    ]);
    db.close();
    return { entities, imports, revision: (rev as { value?: number } | undefined)?.value ?? 0 };
  });
}

async function storedEntity(page: Page, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('radar-es');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const value = await new Promise<Record<string, unknown> | undefined>((res, rej) => {
      const r = db.transaction('entities').objectStore('entities').get(id);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return value;
  }, id);
}

async function latestRecord(page: Page): Promise<Record<string, any>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('radar-es');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = await new Promise<Record<string, any>[]>((res, rej) => {
      const r = db.transaction('imports').objectStore('imports').index('at').getAll();
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return all[all.length - 1];
  });
}

async function waitForDefaultDirectory(page: Page): Promise<void> {
  await until(async () => (await dbState(page)).entities >= 405, 'the default directory', 20_000);
}

async function pick(page: Page, f: FixtureFile): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(f);
}

async function counts(page: Page): Promise<Record<string, number>> {
  await page.getByTestId('import-counts').waitFor({ timeout: 20_000 });
  const out: Record<string, number> = {};
  for (const k of ['added', 'merged', 'unchanged', 'rejected']) {
    out[k] = Number(((await page.getByTestId(`count-${k}`).locator('strong').textContent()) ?? '').replace(/\s/g, ''));
  }
  return out;
}

/** The main flow, run in both homes of the SPA. `badge` checks the extension's tab badge. */
async function mainFlow(page: Page, opts: { badge?: () => Promise<string> } = {}): Promise<void> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const before = await dbState(page);

  await pick(page, officeCsv());
  await expect.poll(() => page.getByTestId('import-file-info').textContent()).toMatch(/lista-rops\.csv · CSV · 6 wierszy/);
  // Detected as Windows-1250: the Polish header and letters read right, and were mapped.
  expect(await page.getByTestId('import-encoding').locator('option[value=auto]').textContent()).toMatch(/Windows-1250/);
  await expect.poll(() => page.getByRole('combobox', { name: 'Pole dla kolumny „Miejscowość”' }).inputValue()).toBe('city');
  expect(await page.getByRole('combobox', { name: 'Pole dla kolumny „Strona www”' }).inputValue()).toBe('website');
  expect(await page.getByTestId('import-mapping').textContent()).toContain('Łęczna');

  expect(await counts(page)).toEqual({ added: 3, merged: 1, unchanged: 0, rejected: 2 });
  const rejectedTable = page.getByTestId('import-rejected');
  expect(await rejectedTable.locator('tbody tr').count()).toBe(2);
  expect(await rejectedTable.locator('tbody tr').first().textContent()).toMatch(/^5\s*nieprawidłowy NIP \(błędna cyfra kontrolna/);

  // The rejected rows, downloaded: every original column, the row number and the reason.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-rejected').click()]);
  expect(download.suggestedFilename()).toBe('lista-rops-odrzucone.csv');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const table = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
  expect(table[0]).toEqual(['wiersz', ...OFFICE_ROWS[0], 'powód']);
  expect(table[1]).toEqual(['5', ...OFFICE_ROWS[4], 'nieprawidłowy NIP (błędna cyfra kontrolna: 5261040827)']);
  // A cell that would run as a formula in Excel comes back guarded with an apostrophe.
  expect(table[2]).toEqual(['6', ...OFFICE_ROWS[5].map((c) => (c.startsWith('=') ? `'${c}` : c)), 'brak nazwy']);

  await page.getByTestId('import-start').click();
  await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 20_000 }).toMatch(
    /Import zakończony: 3 nowych, 1 uzupełnionych, 0 bez zmian, 2 odrzuconych/,
  );
  const after = await dbState(page);
  expect(after.entities).toBe(before.entities + 3);
  expect(after.imports).toBe(before.imports + 1);
  const zakatek = await storedEntity(page, 'krs:0000999001');
  expect(zakatek).toMatchObject({ name: 'Spółdzielnia Socjalna „Zielony Zakątek”', domains: ['nowa-spoldzielnia.pl'], origin: 'directory' });
  expect(await storedEntity(page, 'krs:0000999003')).toMatchObject({
    name: '<script>alert("xss")</script>',
    offer: '=HYPERLINK("http://zly.example";"kliknij")',
  });
  const record = await latestRecord(page);
  expect(record).toMatchObject({ fileName: 'lista-rops.csv', format: 'csv', counts: { added: 3, merged: 1, unchanged: 0, rejected: 2 } });
  expect(record.cancelled).toBeUndefined();
  expect(await page.getByTestId('import-record').first().textContent()).toMatch(/lista-rops\.csv.*3 nowych · 1 uzupełnionych · 0 bez zmian · 2 odrzuconych/);

  if (opts.badge) await until(async () => (await opts.badge!()) === 'ES', 'the badge of the open tab of the imported entity’s site');

  // The history keeps the rejected rows for later: the same file downloads from there.
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Pobierz odrzucone wiersze z „lista-rops.csv”' }).click()]);
  expect(readFileSync((await again.path())!, 'utf8')).toContain('nieprawidłowy NIP (błędna cyfra kontrolna: 5261040827)');

  // The directory finds the new entities; hostile text is shown as text.
  await page.getByRole('link', { name: 'Przejdź do katalogu' }).click();
  const search = page.locator('#directory-q');
  await search.fill('Żurawie Łęczyńskie');
  await page.getByTestId('results').getByText('Stowarzyszenie Żurawie Łęczyńskie').waitFor({ timeout: 15_000 });
  await search.fill('xss');
  await page.getByTestId('results').getByText('<script>alert("xss")</script>').waitFor({ timeout: 15_000 });
  expect(await page.locator('#main script').count()).toBe(0);
  expect(dialogs).toEqual([]);

  // Re-importing the same file: zero changes, and nothing is written.
  await page.goto(page.url().replace(/#.*$/, '#/import'));
  const settled = await dbState(page);
  await pick(page, officeCsv());
  expect(await counts(page)).toEqual({ added: 0, merged: 0, unchanged: 4, rejected: 2 });
  await page.getByTestId('nothing-to-write').waitFor();
  await page.getByTestId('import-start').click();
  await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 20_000 }).toMatch(/0 nowych, 0 uzupełnionych, 4 bez zmian/);
  const final = await dbState(page);
  expect(final).toEqual({ ...settled, imports: settled.imports + 1 });
}

describe('import in the extension app page', () => {
  let ext: ExtensionSession;
  let sites: StaticServer;
  let page: Page;

  beforeAll(async () => {
    sites = await serveStatic({ byHost: true });
    ext = await launchExtension({ sitesPort: sites.port });
    page = await ext.open('app.html#/import');
    await waitForDefaultDirectory(page);
  });
  afterAll(async () => {
    await ext?.close();
    await sites?.close();
  });

  it('imports a Windows-1250 office CSV: preview, rejected rows with reasons, directory, badge, and a re-import changes nothing', async () => {
    // A tab on the site of an entity the file brings: nothing known yet.
    const site = await ext.context.newPage();
    await site.goto('http://nowa-spoldzielnia.pl/');
    const tab = await ext.tabId(site);
    expect(await ext.badge(tab)).toBe('');
    await page.bringToFront();
    await mainFlow(page, { badge: () => ext.badge(tab) });
    await site.close();
  });

  it('the mapping the user sets decides the preview', async () => {
    await page.goto(`chrome-extension://${ext.id}/app.html#/import`);
    await pick(page, officeCsv());
    expect(await counts(page)).toEqual({ added: 0, merged: 0, unchanged: 4, rejected: 2 });
    // Without the NIP column, the row whose NIP has a wrong check digit is a new entity.
    await page.getByRole('combobox', { name: 'Pole dla kolumny „NIP”' }).selectOption({ label: '— nie importuj —' });
    await expect.poll(() => counts(page)).toEqual({ added: 1, merged: 0, unchanged: 4, rejected: 1 });
    // Without a name column nothing could be imported: said so, and Import is off.
    await page.getByRole('combobox', { name: 'Pole dla kolumny „Nazwa”' }).selectOption('');
    await expect.poll(() => page.getByTestId('import-error').getAttribute('data-code')).toBe('no_name_column');
    expect(await page.getByTestId('import-start').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Wybierz inny plik' }).click();
  });

  it('refuses bad input with a specific message and writes nothing', async () => {
    await page.goto(`chrome-extension://${ext.id}/app.html#/import`);
    const before = await dbState(page);
    for (const bad of badFiles()) {
      await pick(page, bad.file);
      const alert = page.getByTestId('import-error');
      await expect.poll(() => alert.getAttribute('data-code'), { message: bad.file.name }).toBe(bad.code);
      expect(await alert.textContent()).toMatch(bad.message);
      expect(await alert.textContent()).toContain(bad.file.name);
      expect(await page.getByTestId('import-counts').count()).toBe(0);
    }
    expect(await dbState(page)).toEqual(before);
  });

  it('refuses a file over the limit by its size, stating the limit in MB, without reading it', async () => {
    await page.goto(`chrome-extension://${ext.id}/app.html#/import`);
    const before = await dbState(page);
    // A 60 MB File made in the page (nothing that size on disk), given to the input as a drop would.
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid=import-file]')!;
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(60 * 1024 * 1024)], 'caly-rejestr.csv', { type: 'text/csv' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const alert = page.getByTestId('import-error');
    await expect.poll(() => alert.getAttribute('data-code')).toBe('too_large');
    expect(await alert.textContent()).toMatch(/Plik ma 60 MB, a limit to 50 MB/);
    expect(await dbState(page)).toEqual(before);
  });

  it('reads an XLSX whose sheet unpacks to more than 512 KB, and a chosen sheet', async () => {
    await page.goto(`chrome-extension://${ext.id}/app.html#/import`);
    const { file, sheetXmlBytes } = bigXlsx();
    expect(sheetXmlBytes).toBeGreaterThan(512 * 1024);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await pick(page, file);
    await expect.poll(() => page.getByTestId('import-file-info').textContent(), { timeout: 20_000 }).toMatch(/lista\.xlsx · Excel \(XLSX\) · 4000 wierszy/);
    expect(await counts(page)).toMatchObject({ added: 4000, rejected: 0 });
    expect(await page.getByTestId('import-sheet').inputValue()).toBe('Lista PES');

    await page.getByTestId('import-sheet').selectOption('Drugi');
    await expect.poll(() => page.getByTestId('import-file-info').textContent(), { timeout: 20_000 }).toMatch(/· 1 wiersz\s*$/);
    expect(await counts(page)).toEqual({ added: 1, merged: 0, unchanged: 0, rejected: 0 });
    expect(errors).toEqual([]);
    await page.getByRole('button', { name: 'Wybierz inny plik' }).click();
  });

  it('an entity written elsewhere after the preview is merged, not overwritten', async () => {
    await page.goto(`chrome-extension://${ext.id}/app.html#/import`);
    await pick(page, { name: 'opole.csv', mimeType: 'text/csv', buffer: Buffer.from('Nazwa,KRS,Miejscowość,Telefon\nFundacja Opolska,0000777001,Opole,77 441 22 33\nFundacja Druga,0000777002,Opole,\n') });
    expect(await counts(page)).toEqual({ added: 2, merged: 0, unchanged: 0, rejected: 0 });
    // Meanwhile (the popup, another tab) the user adds the first one as their own entity.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('radar-es');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction(['entities', 'settings'], 'readwrite');
      const t = '2026-01-01T00:00:00.000Z';
      tx.objectStore('entities').put({
        id: 'krs:0000777001', name: 'Fundacja Opolska', legalForm: 'fundacja', krs: '0000777001', address: { city: 'Opole' },
        domains: [], websites: [], emails: ['biuro@opolska.example'], phones: [], categories: [], sources: [{ url: 'user:', seenAt: '2026-01-01' }],
        origin: 'user', createdAt: t, updatedAt: t, keys: ['krs:0000777001', 'name:opolska|opole'],
      });
      const settings = tx.objectStore('settings');
      const get = settings.get('directoryRevision');
      get.onsuccess = () => settings.put({ key: 'directoryRevision', value: ((get.result as { value?: number })?.value ?? 0) + 1 });
      await new Promise((res, rej) => ((tx.oncomplete = res), (tx.onerror = () => rej(tx.error))));
      db.close();
    });
    await page.getByTestId('import-start').click();
    await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 20_000 }).toMatch(/1 nowych, 1 uzupełnionych/);
    expect(await storedEntity(page, 'krs:0000777001')).toMatchObject({
      origin: 'user',
      emails: ['biuro@opolska.example'],
      phones: ['+48774412233'],
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('a file of KRS extracts dropped on the page: read as extracts, imported with the register status shown', async () => {
    await page.goto(`chrome-extension://${ext.id}/app.html#/import`);
    // The fixture's fictional numbers moved off those the office CSV above brought (0000999001/2).
    const json = readFileSync(new URL('../fixtures/krs/liquidation-array.json', import.meta.url), 'utf8').replace(/00009990(0[12])/g, '00009991$1');
    // Dragged in from the file manager: a real DragEvent carrying the file, on the drop zone.
    await page.getByRole('group', { name: 'Wybierz plik' }).evaluate((zone, text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'odpisy-krs.json', { type: 'application/json' }));
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, json);
    await expect.poll(() => page.getByTestId('import-file-info').textContent()).toMatch(/odpisy-krs\.json · odpisy z KRS · 2 /);
    expect(await counts(page)).toEqual({ added: 2, merged: 0, unchanged: 0, rejected: 0 });
    await page.getByTestId('import-start').click();
    await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 20_000 }).toMatch(/2 nowych/);
    expect(await storedEntity(page, 'krs:0000999101')).toMatchObject({ legalForm: 'spoldzielnia_socjalna', registerStatus: 'liquidation', opp: false });
    expect(await storedEntity(page, 'krs:0000999102')).toMatchObject({ legalForm: 'fundacja', registerStatus: 'active', opp: true });
    // The entity page warns that the cooperative is being wound up.
    await page.goto(`chrome-extension://${ext.id}/app.html#/entity/${encodeURIComponent('krs:0000999101')}`);
    await expect.poll(() => page.locator('.warning').first().textContent()).toBe('W likwidacji');
  });

  it('a cancelled import keeps what was committed, and its record says so', async () => {
    await page.goto(`chrome-extension://${ext.id}/app.html#/import`);
    const before = await dbState(page);
    // Three chunks of 5000: the cancel lands after the first commit, well before the last.
    await pick(page, manyCsv(15_000));
    expect(await counts(page)).toMatchObject({ added: 15_000 });
    await page.getByTestId('import-start').click();
    const bar = page.getByRole('progressbar', { name: 'Postęp importu' });
    expect(await bar.getAttribute('aria-valuemax')).toBe('15000');
    await until(async () => Number(await bar.getAttribute('aria-valuenow')) >= 5000, 'the first chunk committed', 30_000);
    await page.getByTestId('import-cancel').click();
    await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 30_000 }).toMatch(/Import przerwany\. Zapisano (5|10)\s000 z 15\s000/);

    const record = await latestRecord(page);
    expect(record).toMatchObject({ fileName: 'duza-lista.csv', cancelled: true, counts: { merged: 0, unchanged: 0, rejected: 0 } });
    expect([5000, 10_000]).toContain(record.counts.added);
    const after = await dbState(page);
    expect(after.entities).toBe(before.entities + record.counts.added);
    expect(await page.getByTestId('import-record').first().textContent()).toMatch(/duza-lista\.csv.*przerwany/);
  });
});

describe('import in the standalone SPA', () => {
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

  it('imports the default pack (no changes) and the office CSV through its own worker and store', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/#/import`);
    await waitForDefaultDirectory(page);
    // The default directory is a data pack: imported again through the page, it changes nothing.
    await pick(page, { name: 'default-directory.json', mimeType: 'application/json', buffer: readFileSync(`${SPA_DIR}/default-directory.json`) });
    await expect.poll(() => page.getByTestId('import-file-info').textContent()).toMatch(/pakiet danych Radar ES · 405 pozycji/);
    expect(await counts(page)).toEqual({ added: 0, merged: 0, unchanged: 405, rejected: 0 });
    await page.getByRole('button', { name: 'Wybierz inny plik' }).click();

    await mainFlow(page);
    expect(errors).toEqual([]);
  });
});

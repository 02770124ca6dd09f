// Checking entities in the public registers (issue 8), end to end: the built extension in
// Chromium, the registers played by a local TLS server under their real hostnames (see
// registerServer.ts), the optional host permissions granted up front as a user who accepted the
// prompt would have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, launchExtension, serveStatic, SPA_DIR, until, type ExtensionSession, type StaticServer } from './harness.ts';
import { KRS_HOST, startRegisterServer, WL_HOST, type RegisterServer } from './registerServer.ts';

const ALTERNATYWY = 'krs:0000700353';

/** Reads one record of the extension's database, raw (no app code involved). */
function readRecord(page: Page, store: string, key: string): Promise<any> {
  return page.evaluate(
    ([store, key]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('radar-es');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(store).objectStore(store).get(key);
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    [store, key] as const,
  );
}

describe('verify in the registers', () => {
  let ext: ExtensionSession;
  let sites: StaticServer;
  let registers: RegisterServer;

  beforeAll(async () => {
    sites = await serveStatic({ byHost: true });
    registers = await startRegisterServer();
    ext = await launchExtension({ granted: true, sitesPort: sites.port, ...registers.launchExtras });
  });
  afterAll(async () => {
    await ext?.close();
    await sites?.close();
    await registers?.close();
  });

  /** The site tab the last popupOnAlternatywy() scanned. */
  let site: Page;
  async function popupOnAlternatywy(): Promise<Page> {
    site = await ext.context.newPage();
    await site.goto('http://sklep-alternatywy.pl/');
    // The page names the cooperative's NIP; the default directory (loaded at install) knows it.
    for (let i = 0; ; i++) {
      const popup = await ext.popupFor(site);
      try {
        await popup.getByRole('heading', { level: 1, name: /ALTERNATYWY/ }).waitFor({ timeout: 5000 });
        return popup;
      } catch (err) {
        await popup.close();
        if (i === 3) throw err;
      }
    }
  }

  it('from the popup: the differences side by side, accept some, and the register is the source on the entity page', async () => {
    const popup = await popupOnAlternatywy();
    const panel = popup.getByTestId('verify-panel');
    await expect(panel.getByTestId('verify-notice').getAttribute('data-freshness')).resolves.toBe('never');

    await panel.getByTestId('verify-check').click();
    await until(async () => (await panel.getByTestId('verify-status').getAttribute('data-status')) === 'review', 'the registers\' answers to review', 15_000);

    // Both registers were asked, under their real hostnames, over TLS: KRS by number, the list by NIP and today's date.
    const asked = registers.log.map((r) => r.url);
    expect(asked).toContain(`${KRS_HOST}/api/krs/OdpisAktualny/0000700353?rejestr=P&format=json`);
    expect(asked.some((u) => new RegExp(`^${WL_HOST}/api/search/nip/9291928963\\?date=\\d{4}-\\d{2}-\\d{2}$`).test(u))).toBe(true);

    const diff = panel.getByTestId('verify-diff');
    const row = (field: string) => diff.locator(`tr[data-field="${field}"]`);
    await expect(row('name').getAttribute('data-kind')).resolves.toBe('changed');
    await expect(row('address.street').textContent()).resolves.toMatch(/ul\. Gen\. W\. Sikorskiego 15\/4[\s\S]*ul\. Gen\. Władysława Sikorskiego 15\/4/);
    await expect(row('vatStatus').textContent()).resolves.toMatch(/czynny podatnik VAT[\s\S]*Biała lista VAT/);
    await expect(row('address.voivodeship').getAttribute('data-kind')).resolves.toBe('new');
    // Identifiers agree (the REGON the register pads to 14 digits included): not listed as differences.
    expect(await row('regon').count()).toBe(0);
    expect(await row('nip').count()).toBe(0);

    // Keep the stored name (the directory's fuller one), take the rest.
    await row('name').getByRole('checkbox').uncheck();
    const total = await diff.locator('tbody tr').count();
    await panel.getByTestId('verify-accept-selected').click();
    await panel.getByTestId('verify-message').waitFor();
    expect(total).toBeGreaterThan(3);

    const stored = await readRecord(popup, 'entities', ALTERNATYWY);
    expect(stored.name).toMatch(/^Spółdzielnia Socjalna „ALTERNATYWY” \(Dom Dziennego/);
    expect(stored.address.street).toBe('ul. Gen. Władysława Sikorskiego 15/4');
    expect(stored.vatStatus).toBe('active');
    expect(stored.fieldSources['address.street']).toBe('https://api-krs.ms.gov.pl/api/krs/OdpisAktualny/0000700353?rejestr=P&format=json');
    expect(stored.fieldSources.vatStatus).toBe('https://wl-api.mf.gov.pl/api/search/nip/9291928963');
    expect(stored.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await expect(panel.getByTestId('verify-notice').getAttribute('data-freshness')).resolves.toBe('fresh');

    // The app's entity page shows the registers among the sources, with the fields they gave.
    const page = await ext.open(`app.html#/entity/${encodeURIComponent(ALTERNATYWY)}`);
    const sources = page.getByTestId('register-sources');
    await sources.waitFor();
    await expect(sources.locator('[data-register="krs"]').textContent()).resolves.toMatch(/KRS, sprawdzono[\s\S]*Ulica i numer/);
    await expect(sources.locator('[data-register="wl"]').textContent()).resolves.toMatch(/Biała lista VAT[\s\S]*Status VAT/);
    await page.close();
    await popup.close();
  });

  it('the maintenance page and 429 are retried with backoff, then given up with the reason; a later check succeeds', async () => {
    // The association: only a KRS number is stored, so only KRS is asked. Its maintenance page
    // comes five times (503, HTML, "come back in a second"): five attempts, then the reason.
    const id = 'krs:0000057364';
    const maintenance = { status: 503, body: '<!DOCTYPE html><html><body><h1>Przerwa techniczna</h1></body></html>', headers: { 'content-type': 'text/html', 'retry-after': '1' } };
    registers.script('0000057364?rejestr=P', maintenance, maintenance, maintenance, maintenance, maintenance);
    const page = await ext.open(`app.html#/entity/${encodeURIComponent(id)}`);
    const panel = page.getByTestId('verify-panel');
    const before = registers.log.length;
    await panel.getByTestId('verify-check').click();
    await until(async () => (await panel.getByTestId('verify-status').getAttribute('data-status')) === 'waiting', 'a retry to be scheduled');
    await expect(panel.getByTestId('verify-status').textContent()).resolves.toMatch(/Ponowna próba o .*przerwę techniczną/);
    await until(async () => (await panel.getByTestId('verify-status').getAttribute('data-status')) === 'failed', 'giving up', 20_000);
    await expect(panel.getByTestId('verify-status').textContent()).resolves.toMatch(/Nie udało się sprawdzić: rejestr ma przerwę techniczną/);
    const tries = registers.log.slice(before);
    expect(tries.map((r) => r.url)).toEqual(Array(5).fill(`${KRS_HOST}/api/krs/OdpisAktualny/0000057364?rejestr=P&format=json`));
    // Backoff as the server asked (Retry-After: 1 s) — never hammering.
    for (let i = 1; i < tries.length; i++) expect(tries[i].at - tries[i - 1].at).toBeGreaterThanOrEqual(900);
    expect((await readRecord(page, 'entities', id)).verifiedAt).toBeUndefined();

    // Checked again once the register is back: one more maintenance answer, then P says 404 and S has it.
    registers.script('0000057364?rejestr=P', maintenance);
    await panel.getByTestId('verify-check').click();
    await until(async () => (await panel.getByTestId('verify-status').getAttribute('data-status')) === 'review', 'the answer after the retry', 20_000);
    expect(registers.log.slice(-2).map((r) => r.url)).toEqual([
      `${KRS_HOST}/api/krs/OdpisAktualny/0000057364?rejestr=P&format=json`,
      `${KRS_HOST}/api/krs/OdpisAktualny/0000057364?rejestr=S&format=json`,
    ]);
    await expect(panel.locator('tr[data-field="opp"]').textContent()).resolves.toMatch(/tak/);

    // 429 from the white list, five times: that register is given up with its reason, KRS's answer stays.
    const tooMany = { status: 429, body: '{"message":"Too Many Requests"}', headers: { 'retry-after': '1' } };
    registers.script('search/nip/9291928963', tooMany, tooMany, tooMany, tooMany, tooMany);
    const alt = await ext.open(`app.html#/entity/${encodeURIComponent(ALTERNATYWY)}`);
    const altPanel = alt.getByTestId('verify-panel');
    await altPanel.getByTestId('verify-check').click();
    await until(async () => ['review', 'done'].includes((await altPanel.getByTestId('verify-status').getAttribute('data-status')) ?? ''), 'the check to end', 20_000);
    await expect(altPanel.getByTestId('verify-step-failed').textContent()).resolves.toMatch(/Biała lista VAT: rejestr prosi o wolniejsze zapytania \(429\) \(po 5 próbach\)/);
    expect(registers.log.filter((r) => r.url.includes('search/nip/9291928963')).length).toBe(1 + 5); // test 1's, then five
    await alt.close();
    await page.close();
  });

  it('a list checked in the background: the queue shows progress and resumes after the worker is stopped', async () => {
    const app = await ext.open('app.html#/lists');
    const numbers = ['0000999101', '0000999102', '0000999103', '0000999104'];
    // Four cooperatives on one list, written straight into the store; the third is stored in another town.
    await app.evaluate((numbers) => {
      const now = new Date().toISOString();
      const entities = numbers.map((krs, i) => ({
        id: `krs:${krs}`, name: `SPÓŁDZIELNIA SOCJALNA "PRÓBNA ${krs}"`, legalForm: 'spoldzielnia_socjalna', krs,
        address: { street: 'ul. Próbna 1', postalCode: '00-001', city: i === 2 ? 'Kraków' : 'Warszawa', commune: 'Warszawa', county: 'Warszawa', voivodeship: 'mazowieckie' },
        domains: [], websites: [], emails: [], phones: [], categories: [], opp: false, registerStatus: 'active',
        sources: [{ url: 'user:', seenAt: now }], origin: 'user', createdAt: now, updatedAt: now, keys: [`krs:${krs}`],
      }));
      return new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('radar-es');
        open.onsuccess = () => {
          const tx = open.result.transaction(['entities', 'lists', 'listMembers'], 'readwrite');
          for (const e of entities) tx.objectStore('entities').put(e);
          tx.objectStore('lists').put({ id: 'list_verify', name: 'Do sprawdzenia', createdAt: now, updatedAt: now });
          for (const e of entities) tx.objectStore('listMembers').put({ listId: 'list_verify', entityId: e.id, addedAt: now });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      });
    }, numbers);
    await app.goto(app.url().replace(/#.*$/, '#/list/list_verify'));
    registers.delayMs = 1500;
    const asked = (krs: string) => registers.log.filter((r) => r.url.includes(`OdpisAktualny/${krs}`)).length;
    try {
      await app.getByTestId('verify-batch').click();
      const queue = app.getByTestId('verify-queue');
      await queue.waitFor();
      const status = (krs: string) => queue.locator(`li[data-entity="krs:${krs}"]`).getAttribute('data-status');
      await until(async () => (await status(numbers[0])) === 'done', 'the first check', 15_000);

      // MV3 may stop the worker at any moment: stop it mid-queue, as the browser would.
      const cdp = await ext.context.newCDPSession(app);
      const lifecycle: string[] = [];
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => lifecycle.push(...e.versions.map((v) => v.runningStatus)));
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      const stoppedAt = Date.now();
      const finishedBefore = [];
      for (const krs of numbers) if (['done', 'review'].includes((await status(krs)) ?? '')) finishedBefore.push(krs);
      expect(finishedBefore.length).toBeLessThan(numbers.length);

      // Nobody touches the page: the alarm starts a new worker, which takes the queue up from the store.
      const finished = async () => {
        for (const krs of numbers) if (!['done', 'review'].includes((await status(krs)) ?? '')) return false;
        return true;
      };
      await until(finished, 'the queue to finish after the stop', 45_000);
      // (Checks of the earlier tests are in the queue too: everything in it is finished.)
      await expect(queue.getByTestId('verify-queue-progress').textContent()).resolves.toMatch(/^Sprawdzono (\d+) z \1$/);
      expect(registers.log.at(-1)!.at).toBeGreaterThan(stoppedAt);
      // It really was a new worker: the old one stopped, and one started again (by the alarm).
      expect(lifecycle.indexOf('stopped')).toBeGreaterThanOrEqual(0);
      expect(lifecycle.lastIndexOf('running')).toBeGreaterThan(lifecycle.indexOf('stopped'));
      expect(await status(numbers[2])).toBe('review'); // stored in Kraków, the register says Warszawa
      for (const krs of [numbers[0], numbers[1], numbers[3]]) expect(await status(krs)).toBe('done');
      // What was answered before the stop was not asked again; the rest was asked once (or once more if cut off mid-request).
      for (const krs of finishedBefore) expect(asked(krs)).toBe(1);
      for (const krs of numbers) expect(asked(krs)).toBeLessThanOrEqual(2);
      // Verified entities say so, with KRS as a source.
      const first = await readRecord(app, 'entities', `krs:${numbers[0]}`);
      expect(first.verifiedAt).toBeDefined();
      expect(first.sources.map((s: { url: string }) => s.url)).toContain(`https://api-krs.ms.gov.pl/api/krs/OdpisAktualny/${numbers[0]}?rejestr=P&format=json`);
      // The polite rate held: requests to KRS at least 1/rate apart (default 2 per second).
      const krsTimes = registers.log.filter((r) => r.url.startsWith(KRS_HOST)).map((r) => r.at);
      for (let i = 1; i < krsTimes.length; i++) expect(krsTimes[i] - krsTimes[i - 1]).toBeGreaterThanOrEqual(450);
    } finally {
      registers.delayMs = 0;
    }
  }, 90_000);

  it('a register value accepted on the entity page: the badge of an open tab of the entity follows without a reload', async () => {
    const popup = await popupOnAlternatywy(); // scans the page: the tab is lit by the NIP on it
    const tab = await ext.tabId(site);
    await popup.close();
    expect(await ext.badge(tab)).toBe('ES');
    expect(await ext.title(tab)).toMatch(/Dom Dziennego Pobytu/); // the directory's fuller name

    const page = await ext.open(`app.html#/entity/${encodeURIComponent(ALTERNATYWY)}`);
    const panel = page.getByTestId('verify-panel');
    const asked = registers.log.length;
    await panel.getByTestId('verify-check').click();
    // The job may still show the review of the test before: wait for both registers' new answers.
    await until(
      async () => registers.log.length >= asked + 2 && (await panel.getByTestId('verify-status').getAttribute('data-status')) === 'review',
      'the registers\' answers to review',
      15_000,
    );
    const rows = panel.getByTestId('verify-diff').locator('tbody tr');
    for (const row of await rows.all()) {
      if ((await row.getAttribute('data-field')) !== 'name') await row.getByRole('checkbox').uncheck();
    }
    // The background is asleep when the user accepts: the app page following the log wakes it.
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await panel.getByTestId('verify-accept-selected').click();
    await panel.getByTestId('verify-message').waitFor();
    expect((await readRecord(page, 'entities', ALTERNATYWY)).name).not.toMatch(/Dom Dziennego/);
    await until(async () => !/Dom Dziennego/.test(await ext.title(tab)), 'the badge title with the register\'s name');
    expect(await ext.title(tab)).toMatch(/ALTERNATYWY/);
    expect(await ext.badge(tab)).toBe('ES');
    await page.close();
    await site.close();
  });
});

describe('verify in the standalone SPA', () => {
  it('says that checks need the extension, and asks no register', async () => {
    const spa = await serveStatic({ dir: SPA_DIR });
    const registers = await startRegisterServer();
    const browser = await launch(registers.launchExtras);
    try {
      const page = await browser.context.newPage();
      await page.goto(`${spa.url}/#/entity/${encodeURIComponent(ALTERNATYWY)}`);
      const panel = page.getByTestId('verify-panel');
      await panel.getByTestId('verify-needs-extension').waitFor({ timeout: 15_000 });
      await expect(panel.getByTestId('verify-notice').getAttribute('data-freshness')).resolves.toBe('never');
      expect(await panel.getByTestId('verify-check').count()).toBe(0);
      expect(registers.log).toEqual([]);
    } finally {
      await browser.close();
      await registers.close();
      await spa.close();
    }
  });
});

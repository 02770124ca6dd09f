// The extension in real Firefox (Debian's firefox-esr, headless, over WebDriver BiDi): the same
// fixture sites and recorded registers as the Chromium suite, the Firefox build
// (dist/extension-firefox) installed as a temporary add-on, in Polish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic, until, type StaticServer } from './harness.ts';
import { KRS_HOST, startRegisterServer, WL_HOST, type RegisterServer } from './registerServer.ts';
import {
  closeExtensionPages,
  findByLabel,
  findByText,
  FIREFOX_EXTENSION_DIR,
  launchFirefox,
  readTable,
  startProxy,
  textOf,
  type FirefoxSession,
  type Proxy,
} from './firefoxHarness.ts';
import { DEFAULT_PACK_FILE } from '../../shared/io/fetchPack.ts';

const ALTERNATYWY = 'krs:0000700353';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The event page is suspended after this much idle time (Firefox's default is 30 s). */
const IDLE_MS = 2_000;

async function popupWithCard(ff: FirefoxSession, tab: number, name: RegExp): Promise<Page> {
  // The popup scans the page and asks the background; on a first visit the scan may still be on its way.
  for (let i = 0; ; i++) {
    const popup = await ff.popupFor(tab);
    try {
      await findByText(popup, 'h1', name, 8_000);
      return popup;
    } catch (err) {
      await popup.close();
      if (i === 2) throw err;
    }
  }
}

describe('Firefox: the extension with access to pages', () => {
  let ff: FirefoxSession;
  let sites: StaticServer;
  let registers: RegisterServer;
  let proxy: Proxy;
  /** An app page kept open: what the popup does must show up here without a reload. */
  let app: Page;

  beforeAll(async () => {
    sites = await serveStatic({ byHost: true });
    registers = await startRegisterServer();
    proxy = await startProxy({ sitesPort: sites.port, tlsPort: registers.port, tlsHosts: [KRS_HOST, WL_HOST] });
    ff = await launchFirefox({ proxyPort: proxy.port, granted: true, idleTimeoutMs: IDLE_MS });
    app = await ff.open('app.html#/lists');
  });
  afterAll(async () => {
    await ff?.close();
    await proxy?.close();
    await registers?.close();
    await sites?.close();
  });

  it('the Firefox build passes web-ext lint with no error', () => {
    const out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--output', 'json', '--no-config-discovery'], {
      encoding: 'utf8',
    });
    const report = JSON.parse(out) as { errors: unknown[]; warnings: { code: string }[] };
    expect(report.errors).toEqual([]);
    // The one warning left is svelte's runtime cloning its compiled templates (docs/firefox.md).
    expect(report.warnings.map((w) => w.code)).toEqual(['UNSAFE_VAR_ASSIGNMENT']);
    // The linter reads every file of the build: ~20 s on a quiet 2-core machine, over a minute on a busy one.
  }, 180_000);

  it('speaks Polish from its _locales in a Polish Firefox', async () => {
    const pl = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, '_locales/pl/messages.json'), 'utf8')) as Record<string, { message: string }>;
    const seen = await app.evaluate(() => {
      const i18n = (globalThis as any).browser.i18n;
      return { lang: i18n.getUILanguage() as string, name: i18n.getMessage('extName') as string, open: i18n.getMessage('openPopup') as string };
    });
    expect(seen.lang).toMatch(/^pl/);
    expect(seen).toMatchObject({ name: pl.extName.message, open: pl.openPopup.message });
  });

  it('loads the whole default directory on install', async () => {
    const pack = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, DEFAULT_PACK_FILE), 'utf8')) as { entities: unknown[] };
    expect(pack.entities.length).toBeGreaterThan(100);
    await until(async () => (await readTable(app, 'entities')).length === pack.entities.length, 'the default directory in the store', 20_000);
  });

  it('lights the badge on a known domain, not on a plain site; the popup shows the card', async () => {
    const known = await ff.visit('http://www.pcogito.pl/');
    await until(async () => (await ff.badge(known.tab)) === 'ES', 'the badge on www.pcogito.pl');
    expect(await ff.title(known.tab)).toMatch(/U Pana Cogito/);
    const plain = await ff.visit('http://zwykla-strona.pl/');
    await sleep(500);
    expect(await ff.badge(plain.tab)).toBe('');

    const popup = await popupWithCard(ff, known.tab, /U Pana Cogito/);
    expect(await textOf(popup, '[data-testid="entity-card"]')).toMatch(/Zakład Aktywności Zawodowej/);
    expect(await textOf(popup, '[data-testid="entity-place"]')).toBe('Kraków, małopolskie');
    for (const p of [popup, known.page, plain.page]) await p.close();
  });

  it('lights the badge by a NIP in the footer once the popup has scanned the page', async () => {
    const { page, tab } = await ff.visit('http://sklep-alternatywy.pl/');
    expect(await ff.badge(tab)).toBe('');
    const popup = await popupWithCard(ff, tab, /ALTERNATYWY/);
    await until(async () => (await ff.badge(tab)) === 'ES', 'the badge after the scan');
    expect(await ff.title(tab)).toMatch(/ALTERNATYWY/);
    await popup.close();
    await page.close();
  });

  it('Save from the popup puts the entity on a new list with a stage, shown live in the open app page', async () => {
    const { page, tab } = await ff.visit('http://www.pcogito.pl/');
    const popup = await popupWithCard(ff, tab, /U Pana Cogito/);
    await popup.click(await findByText(popup, 'button', 'Zapisz'));
    await popup.waitForSelector('[data-testid="saved-mark"]');
    await popup.select(await findByLabel(popup, 'Etap'), 'in_talks');
    await popup.click(await findByText(popup, 'summary', /^Listy/));
    await popup.type(await findByLabel(popup, 'Nowa lista'), 'Noclegi — Kraków');
    await popup.click(await findByText(popup, 'button', 'Utwórz i dodaj'));
    await findByLabel(popup, 'Noclegi — Kraków');

    // The app page, open all along and never reloaded, lists the new list.
    await findByText(app, '[data-testid="lists"] *', 'Noclegi — Kraków');
    expect(await app.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    const saved = await readTable<{ entityId: string; status: string }>(app, 'saved');
    const members = await readTable<{ listId: string; entityId: string }>(app, 'listMembers');
    expect(saved).toEqual([expect.objectContaining({ status: 'in_talks' })]);
    expect(members).toEqual([expect.objectContaining({ entityId: saved[0].entityId })]);
    await popup.close();
    await page.close();
  });

  it('Flag and Contact from the popup are stored: a flag with its note, a template e-mail and a call logged', async () => {
    const { page, tab } = await ff.visit('http://sklep-alternatywy.pl/?contact');
    const popup = await popupWithCard(ff, tab, /ALTERNATYWY/);
    await popup.click(await findByText(popup, 'button', 'Oznacz'));
    // ("Data looks wrong" is a correction form now: tests/e2e/pageFacts.test.ts.)
    await popup.click(await findByLabel(popup, 'Wrócić do tego później'));
    await popup.type(await findByLabel(popup, 'Notatka (opcjonalnie)'), 'Brak godzin otwarcia');
    await popup.click(await findByText(popup, '[data-testid="flag-form"] button', 'Oznacz'));
    await findByText(popup, '*', /^Oznaczono/);
    const flag = (await readTable<any>(app, 'flags')).find((f) => f.kind === 'follow_up');
    expect(flag).toMatchObject({ entityId: ALTERNATYWY, note: 'Brak godzin otwarcia', status: 'open' });

    await popup.click(await findByText(popup, 'button', 'Kontakt'));
    await popup.select(await findByLabel(popup, 'Szablon'), 'rfq');
    const href = await popup.$eval('[data-testid="mailto"]', (a) => (a as HTMLAnchorElement).href);
    expect(decodeURIComponent(new URL(href).pathname)).toBe('alternatywy.dlaseniora@gmail.com');
    // The links would open the mail client and the dialler: kept in the popup, only their logging is checked.
    await popup.evaluate(() => document.addEventListener('click', (e) => e.preventDefault()));
    await popup.click('[data-testid="mailto"]');
    await popup.click(await findByText(popup, 'a', /^Zadzwoń: \+48 603 254 662/));
    const logged = await until(async () => {
      const rows = (await readTable<any>(app, 'interactions')).filter((i) => i.entityId === ALTERNATYWY);
      return rows.length === 2 ? rows : undefined;
    }, 'two interactions');
    expect(logged!.map((i: any) => [i.channel, i.template ?? null]).sort()).toEqual([
      ['email', 'rfq'],
      ['phone', null],
    ]);
    await popup.close();
    await page.close();
  });

  it('the directory search of the app page finds an entity by a folded, partial name', async () => {
    const page = await ff.open('app.html#/');
    await page.type(await findByLabel(page, 'Szukaj w katalogu'), 'leczn');
    const hit = await findByText(page, 'a', /Zakład Aktywności Zawodowej w Łęcznej/);
    await page.click(hit);
    await findByText(page, 'h1', /Zakład Aktywności Zawodowej w Łęcznej/);
    await page.close();
  });

  it('a register check from the popup reaches the recorded registers over TLS and stores what is accepted', async () => {
    const { page, tab } = await ff.visit('http://sklep-alternatywy.pl/?verify');
    const popup = await popupWithCard(ff, tab, /ALTERNATYWY/);
    // The register check is loaded after the card.
    await popup.waitForSelector('[data-testid="verify-check"]', { timeout: 10_000 });
    await popup.click('[data-testid="verify-check"]');
    await until(
      () => popup.$eval('[data-testid="verify-status"]', (el) => el.getAttribute('data-status') === 'review').catch(() => false),
      "the registers' answers to review",
      20_000,
    );
    expect(proxy.tunnels).toEqual(expect.arrayContaining([KRS_HOST, WL_HOST]));
    expect(registers.log.map((r) => r.url)).toContain(`${KRS_HOST}/api/krs/OdpisAktualny/0000700353?rejestr=P&format=json`);
    await popup.waitForSelector('[data-testid="verify-accept-selected"]');
    await popup.click('[data-testid="verify-accept-selected"]');
    await popup.waitForSelector('[data-testid="verify-message"]');
    const stored = (await readTable<any>(app, 'entities')).find((e) => e.id === ALTERNATYWY);
    expect(stored.vatStatus).toBe('active');
    expect(stored.fieldSources.vatStatus).toBe('https://wl-api.mf.gov.pl/api/search/nip/9291928963');
    await popup.close();
    await page.close();
  });

  it('the background survives being suspended: a new event page decides the next badge', async () => {
    // Mark the running event page, let it go idle with no extension page open, then navigate.
    const probe = await ff.open('app.html#/lists');
    await probe.evaluate(async () => ((await (globalThis as any).browser.runtime.getBackgroundPage()).__warm = true));
    await closeExtensionPages(ff.browser);
    app = undefined as unknown as Page;
    await sleep(IDLE_MS * 4);
    const { page, tab } = await ff.visit('http://zaz.leczna.pl/');
    await until(async () => (await ff.badge(tab)) === 'ES', 'the badge from a restarted background');
    const check = await ff.open('app.html#/lists');
    // A new background page answered: the mark set on the suspended one is gone.
    expect(await check.evaluate(async () => (await (globalThis as any).browser.runtime.getBackgroundPage()).__warm)).toBeUndefined();
    app = check;
    await page.close();
  });
});

describe('Firefox: the extension as installed (no access to pages)', () => {
  let ff: FirefoxSession;
  let sites: StaticServer;
  let proxy: Proxy;

  beforeAll(async () => {
    sites = await serveStatic({ byHost: true });
    proxy = await startProxy({ sitesPort: sites.port });
    ff = await launchFirefox({ proxyPort: proxy.port });
  });
  afterAll(async () => {
    await ff?.close();
    await proxy?.close();
    await sites?.close();
  });

  it('automatic scanning asks for site access from the click, scans pages, and gives the access back when switched off', async () => {
    const settings = await ff.open('app.html#/settings');
    const hasAccess = () =>
      settings.evaluate(() => (globalThis as any).browser.permissions.contains({ origins: ['http://*/*', 'https://*/*'] }) as Promise<boolean>);
    expect(await hasAccess()).toBe(false);
    // A real click: Firefox shows the permission prompt only from a user gesture.
    await settings.click('[data-testid="auto-scan"]');
    await until(hasAccess, 'the site access granted');
    await until(async () => (await readTable<any>(settings, 'settings')).some((s) => s.key === 'autoScan' && s.value === true), 'the autoScan setting');

    const on = await ff.visit('http://sklep-alternatywy.pl/?auto');
    await until(async () => (await ff.badge(on.tab)) === 'ES', 'the badge from the automatic scan', 15_000);

    await settings.click('[data-testid="auto-scan"]');
    await until(async () => !(await hasAccess()), 'the site access removed');
    const off = await ff.visit('http://sklep-alternatywy.pl/?off');
    await sleep(1_000);
    expect(await ff.badge(off.tab)).toBe('');
    for (const p of [settings, on.page, off.page]) await p.close();
  });
});

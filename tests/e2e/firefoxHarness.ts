// End-to-end harness for Firefox: the built Firefox extension (dist/extension-firefox) in Debian's
// firefox-esr, headless, driven by puppeteer-core over WebDriver BiDi (playwright-core cannot drive
// this Firefox nor install an extension in it). The fixture sites and the recorded registers are
// the Chromium suite's own (harness.ts, registerServer.ts), reached through a local proxy that
// answers plain HTTP by Host header and tunnels HTTPS only to the register server: Firefox has no
// host-resolver rules, and a proxy keeps URLs as real sites have them (no port). Every other host
// is refused, so the browser never leaves the machine.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createServer, request, type Server } from 'node:http';
import { connect } from 'node:net';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, requireBuild, until } from './harness.ts';
import { GECKO_ID } from '../../extension/manifest.config.ts';

export const FIREFOX_EXTENSION_DIR = join(DIST, 'extension-firefox');
/** Fixed moz-extension host (Firefox gives each profile a random one unless a preference names it). */
export const FIREFOX_UUID = '5c1d2a7e-3f6b-4c8e-9d0a-7b2e4f6a8c10';
export const EXT_ORIGIN = `moz-extension://${FIREFOX_UUID}`;

const CANDIDATES = [process.env.FIREFOX_PATH, '/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox'];

export function firefoxPath(): string {
  for (const p of CANDIDATES) if (p && existsSync(p)) return p;
  throw new Error(
    'Firefox was not found (looked at $FIREFOX_PATH, /usr/lib/firefox-esr/firefox-esr). Install Debian\'s Firefox ESR with ' +
      '`sudo apt-get install -y firefox-esr firefox-esr-l10n-pl`, or set FIREFOX_PATH.',
  );
}

export interface Proxy {
  port: number;
  /** Hosts of the CONNECT tunnels opened (HTTPS), in order. */
  tunnels: string[];
  close(): Promise<void>;
}

/** Plain HTTP goes to the fixture server (by Host); HTTPS to `tlsHosts` is tunnelled to `tlsPort`. */
export async function startProxy(opts: { sitesPort: number; tlsPort?: number; tlsHosts?: string[] }): Promise<Proxy> {
  const tunnels: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'unknown'}`);
    const upstream = request(
      { host: '127.0.0.1', port: opts.sitesPort, method: req.method, path: url.pathname + url.search, headers: { ...req.headers, host: url.host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket) => {
    const [host, port] = (req.url ?? '').split(':');
    if (!opts.tlsPort || port !== '443' || !opts.tlsHosts?.includes(host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    tunnels.push(host);
    const upstream = connect(opts.tlsPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    tunnels,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface FirefoxSession {
  browser: Browser;
  /** Opens an extension page (`app.html#/…`, `popup.html?tab=N`) and waits until it has loaded. */
  open(path: string): Promise<Page>;
  /** Opens a web page in a new tab and returns it with its tab id. */
  visit(url: string): Promise<{ page: Page; tab: number }>;
  badge(tab: number): Promise<string>;
  title(tab: number): Promise<string>;
  /** Opens the popup for a tab, as the toolbar button would. */
  popupFor(tab: number): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A copy of the Firefox build whose manifest grants the optional host permissions at install, as a
 * user who switched on automatic scanning has (the toolbar click that gives activeTab cannot be
 * made headless). Everything else is the shipped build.
 */
function grantedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'radar-es-ff-ext-'));
  cpSync(FIREFOX_EXTENSION_DIR, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.host_permissions = manifest.optional_host_permissions;
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

export async function launchFirefox(opts: { proxyPort: number; granted?: boolean; idleTimeoutMs?: number }): Promise<FirefoxSession> {
  requireBuild(FIREFOX_EXTENSION_DIR);
  const profileDir = mkdtempSync(join(tmpdir(), 'radar-es-ff-profile-'));
  const extensionDir = opts.granted ? grantedCopy() : FIREFOX_EXTENSION_DIR;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profileDir,
    // Navigating to moz-extension:// pages from the remote protocol needs system access.
    args: ['--remote-allow-system-access'],
    // The recorded registers are served with a certificate made at test time.
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // permissions.request still needs a user gesture; the prompt itself is answered "allow".
      'extensions.webextOptionalPermissionPrompts': false,
      'extensions.background.idle.timeout': opts.idleTimeoutMs ?? 30_000,
      'intl.locale.requested': 'pl',
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': opts.proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': opts.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': false,
    },
  });
  const installed = await browser.installExtension(extensionDir);
  if (installed !== GECKO_ID) throw new Error(`Installed add-on is ${installed}, expected ${GECKO_ID}`);

  // One extension page kept open to ask the extension APIs (tabs, action) as the tests need.
  let control: Page | undefined;
  const api = async () => {
    if (control && (await control.evaluate(() => true).catch(() => false))) return control;
    return (control = await session.open('app.html#/lists'));
  };

  const session: FirefoxSession = {
    browser,
    async open(path) {
      const page = await browser.newPage();
      const url = `${EXT_ORIGIN}/${path}`;
      // puppeteer's goto never resolves for moz-extension:// pages: start it and watch the page.
      void page.goto(url).catch(() => undefined);
      await until(
        () => page.evaluate(() => document.readyState === 'complete' && location.protocol === 'moz-extension:').catch(() => false),
        `${path} to load`,
        20_000,
      );
      return page;
    },
    async visit(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const c = await api();
      const tab = await until(
        () => c.evaluate(async (u: string) => (await (globalThis as any).browser.tabs.query({})).find((t: any) => t.url === u)?.id, url),
        `the tab of ${url}`,
      );
      return { page, tab: tab as number };
    },
    badge: async (tab) => (await api()).evaluate((t: number) => (globalThis as any).browser.action.getBadgeText({ tabId: t }), tab),
    title: async (tab) => (await api()).evaluate((t: number) => (globalThis as any).browser.action.getTitle({ tabId: t }), tab),
    popupFor: (tab) => session.open(`popup.html?tab=${tab}`),
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profileDir, { recursive: true, force: true });
      if (opts.granted) rmSync(extensionDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** Closes the harness's own extension page, so nothing keeps the event page awake. */
export async function closeExtensionPages(browser: Browser): Promise<void> {
  for (const p of await browser.pages()) {
    const href = await p.evaluate(() => location.href).catch(() => '');
    if (href.startsWith(EXT_ORIGIN)) await p.close().catch(() => undefined);
  }
}

// ---- Finding things the way a user sees them (puppeteer over BiDi has no role or label queries).

let marks = 0;

/** Marks the first element matching `css` whose text matches `text` (and is visible); returns its selector. */
export async function findByText(page: Page, css: string, text: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const mark = `ff-${++marks}`;
  const pattern = typeof text === 'string' ? { source: `^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, flags: '' } : { source: text.source, flags: text.flags };
  await until(
    () =>
      page.evaluate(
        (sel: string, src: string, flags: string, m: string) => {
          const re = new RegExp(src, flags);
          for (const el of document.querySelectorAll<HTMLElement>(sel)) {
            const label = (el.innerText || el.textContent || el.getAttribute('aria-label') || '').trim();
            if (re.test(label) && el.getClientRects().length) {
              el.setAttribute('data-ff-mark', m);
              return true;
            }
          }
          return false;
        },
        css,
        pattern.source,
        pattern.flags,
        mark,
      ),
    `${css} with text ${String(text)}`,
    timeoutMs,
  );
  return `[data-ff-mark="${mark}"]`;
}

/** The form control of the label whose text matches `text`. */
export async function findByLabel(page: Page, text: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const mark = `ff-${++marks}`;
  const re = typeof text === 'string' ? { source: `^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, flags: '' } : { source: text.source, flags: text.flags };
  await until(
    () =>
      page.evaluate(
        (src: string, flags: string, m: string) => {
          const pattern = new RegExp(src, flags);
          for (const label of document.querySelectorAll('label')) {
            // The label's own words: a select or input inside it brings its options' text along.
            const own = label.cloneNode(true) as HTMLElement;
            for (const c of own.querySelectorAll('select, input, textarea')) c.remove();
            if (!pattern.test((own.textContent ?? '').trim())) continue;
            const control = label.control;
            if (control && control.getClientRects().length) {
              control.setAttribute('data-ff-mark', m);
              return true;
            }
          }
          for (const el of document.querySelectorAll('[aria-label]')) {
            if (pattern.test(el.getAttribute('aria-label') ?? '')) {
              el.setAttribute('data-ff-mark', m);
              return true;
            }
          }
          return false;
        },
        re.source,
        re.flags,
        mark,
      ),
    `a control labelled ${String(text)}`,
    timeoutMs,
  );
  return `[data-ff-mark="${mark}"]`;
}

/** Reads a whole table of the extension's store from one of its pages (raw IndexedDB). */
export function readTable<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name: string) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('radar-es');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

export async function textOf(page: Page, css: string): Promise<string> {
  await page.waitForSelector(css, { timeout: 10_000 });
  return page.$eval(css, (el) => (el as HTMLElement).innerText ?? el.textContent ?? '');
}

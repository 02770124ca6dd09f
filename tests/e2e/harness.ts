// End-to-end harness: the built extension (or the standalone SPA) in Debian's Chromium, headless,
// driven by playwright-core. Fixture sites are served on 127.0.0.1 and reached under real-looking
// hostnames through --host-resolver-rules; every other host resolves to nothing, so the browser
// never leaves the machine.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The builds under test: `dist/` unless RADAR_DIST names another folder (as vite.config.ts reads it). */
export const DIST = resolve(ROOT, process.env.RADAR_DIST ?? 'dist');
export const EXTENSION_DIR = join(DIST, 'extension');
export const SPA_DIR = join(DIST, 'spa');
export const SITES_DIR = join(ROOT, 'tests/fixtures/sites');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/lib/chromium-browser/chromium-browser'];

/** The Chromium binary, or a clear instruction when it is missing. */
export function chromiumPath(): string {
  for (const p of CANDIDATES) if (p && existsSync(p)) return p;
  throw new Error(
    'Chromium was not found (looked at $CHROMIUM_PATH, /usr/lib/chromium/chromium). ' +
      'Install Debian\'s Chromium with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary ' +
      '(the real binary, not the /usr/bin/chromium wrapper script, which adds its own --load-extension).',
  );
}

function requireBuild(dir: string): void {
  if (!existsSync(join(dir, 'index.html')) && !existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${dir} is missing: run \`npm run build\` before the end-to-end tests.`);
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv',
};

export interface StaticServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * Serves files. With `byHost`, the Host header picks a folder under tests/fixtures/sites/ (so one
 * server answers for every fixture hostname); otherwise `dir` is served as it is.
 */
export async function serveStatic(opts: { dir?: string; byHost?: boolean }): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const base = opts.byHost ? join(SITES_DIR, host) : opts.dir!;
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Fixture hostnames (folder names under tests/fixtures/sites) mapped to the fixture server. */
export function hostRules(port: number | undefined, extra: string[] = []): string {
  const rules: string[] = [];
  if (port !== undefined && existsSync(SITES_DIR)) {
    for (const host of readdirSafe(SITES_DIR)) rules.push(`MAP ${host} 127.0.0.1:${port}`);
  }
  rules.push(...extra, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1');
  return rules.join(', ');
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
];

export interface Browser {
  context: BrowserContext;
  profileDir: string;
  close(): Promise<void>;
}

/** Extra Chromium flags and host rules (put before the catch-all rules), e.g. for a fake register served over TLS. */
export interface LaunchExtras {
  extraArgs?: string[];
  extraHostRules?: string[];
}

export async function launch(opts: { extensionDir?: string; sitesPort?: number; profileDir?: string; offline?: boolean } & LaunchExtras = {}): Promise<Browser> {
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'radar-es-profile-'));
  const args = [...BASE_ARGS, `--host-resolver-rules=${hostRules(opts.sitesPort, opts.extraHostRules)}`, ...(opts.extraArgs ?? [])];
  if (opts.extensionDir) args.push(`--disable-extensions-except=${opts.extensionDir}`, `--load-extension=${opts.extensionDir}`);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args,
    viewport: { width: 1200, height: 900 },
    locale: 'pl-PL',
  });
  return {
    context,
    profileDir,
    async close() {
      await context.close();
      if (!opts.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export interface ExtensionSession extends Browser {
  id: string;
  worker: Worker;
  /** Opens an extension page, e.g. `app.html#/saved` or `popup.html?tab=3`. */
  open(path: string): Promise<Page>;
  /** The id of the tab showing `page` (read in the service worker, which has the tabs permission). */
  tabId(page: Page): Promise<number>;
  badge(tabId: number): Promise<string>;
  title(tabId: number): Promise<string>;
  /** Opens the popup for the tab showing `page`, as the toolbar button would. */
  popupFor(page: Page): Promise<Page>;
}

/**
 * A copy of the built extension whose manifest grants the optional host permissions up front, as a
 * user who switched on automatic scanning would have. Headless Chromium cannot click the toolbar
 * button, so the activeTab grant a real click gives cannot be had in tests; this stands in for it.
 * Everything else is the shipped build, byte for byte.
 */
export function grantedCopy(): string {
  requireBuild(EXTENSION_DIR);
  const dir = mkdtempSync(join(tmpdir(), 'radar-es-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = manifest.optional_host_permissions;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

export async function launchExtension(opts: { granted?: boolean; sitesPort?: number; profileDir?: string } & LaunchExtras = {}): Promise<ExtensionSession> {
  requireBuild(EXTENSION_DIR);
  const extensionDir = opts.granted ? grantedCopy() : EXTENSION_DIR;
  const browser = await launch({ extensionDir, sitesPort: opts.sitesPort, profileDir: opts.profileDir, extraArgs: opts.extraArgs, extraHostRules: opts.extraHostRules });
  const { context } = browser;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const id = new URL(worker.url()).host;
  const session: ExtensionSession = {
    ...browser,
    id,
    worker,
    async open(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
    async tabId(page) {
      const url = page.url();
      const id = await currentWorker(context).evaluate(async (u: string) => {
        const tabs: { id?: number; url?: string }[] = await chrome.tabs.query({});
        return tabs.find((t) => t.url === u)?.id;
      }, url);
      if (id === undefined) throw new Error(`No tab shows ${url}`);
      return id;
    },
    badge: (tabId) => currentWorker(context).evaluate((t: number) => chrome.action.getBadgeText({ tabId: t }), tabId),
    title: (tabId) => currentWorker(context).evaluate((t: number) => chrome.action.getTitle({ tabId: t }), tabId),
    async popupFor(page) {
      const tab = await session.tabId(page);
      return session.open(`popup.html?tab=${tab}`);
    },
    async close() {
      await browser.close();
      if (opts.granted) rmSync(extensionDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** The live service worker (MV3 may have restarted it since launch). */
export function currentWorker(context: BrowserContext): Worker {
  const workers = context.serviceWorkers();
  if (!workers.length) throw new Error('The extension has no running service worker');
  return workers[workers.length - 1];
}

/** Waits until `fn` returns a truthy value (polling), or fails with `what`. */
export async function until<T>(fn: () => Promise<T> | T, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Reads a whole table of the extension's or app's store from one of its pages (raw IndexedDB). */
export function readTable<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
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

export { requireBuild };

// Callbacks given to evaluate() run in the browser, where `chrome` exists; typed loosely here.
const chrome = (globalThis as any).chrome;

// The extension's hot paths in Firefox ESR (the Firefox build, driven over WebDriver BiDi), each next
// to the same case measured in Chromium earlier in the same run: navigation → badge (warm, and after
// the event page was suspended), popup open → card, and the page scan on ~3 MB of text. Firefox
// suspends an idle event page instead of killing a service worker, so "cold" here is a suspended
// background, reached by a short idle timeout.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { StaticServer } from '../../tests/e2e/harness.ts';
import type { CaseResult, Row, Value } from '../report.ts';
import { ratio, summarize, type Summary } from '../stats.ts';
import type { Bench } from '../page/main.ts';
import { bigPageHtml } from '../bigPage.ts';
import { TIME_SCRIPT } from './pageScan.ts';

const KNOWN_URL = 'http://www.pcogito.pl/';
const UNKNOWN_URL = 'http://zwykla-strona.pl/';
/** The background is suspended after this much idle time (Firefox's default is 30 s). */
const IDLE_MS = 1_500;

type BenchWindow = { __bench: Bench; __headingAt?: number };

export interface FirefoxCaseOptions {
  sites: StaticServer;
  www: StaticServer;
  /** Where the page-scan case writes its big page (served by `www` as /pages/big.html). */
  pagesDir: string;
  /** The Chromium cases of this run, whose figures stand next to Firefox's. */
  chromium: CaseResult[];
  entities: number;
  seed: number;
  warmRepeats: number;
  coldRepeats: number;
  popupRepeats: number;
  scanRepeats: number;
  log: (msg: string) => void;
}

// The same in-page timing as the Chromium case (the built script, its one message caught by a stub).


/** Resolves with performance.now() when the card's heading is there (at once if it already is). */
const HEADING_SCRIPT = `new Promise((resolve) => {
  const seen = () => !!document.querySelector('[data-testid="entity-card"] .name')?.textContent;
  if (seen()) return resolve(performance.now());
  new MutationObserver(() => seen() && resolve(performance.now())).observe(document, { subtree: true, childList: true, characterData: true });
})`;

function chromiumValue(cases: CaseResult[], caseId: string, metric: string): Value | undefined {
  return cases.find((c) => c.id === caseId)?.rows.find((r) => r.metric === metric)?.measured;
}

function sideBySide(metric: string, measured: Summary, chromium: Value | undefined): Row {
  const base = chromium && typeof chromium === 'object' ? chromium : undefined;
  return {
    metric,
    unit: 'ms',
    measured,
    ...(base ? { baseline: { label: 'the same in Chromium, this run', value: base }, ratio: ratio(measured.p50, base.p50) } : {}),
  };
}

export async function firefoxCases(o: FirefoxCaseOptions): Promise<CaseResult[]> {
  const t0 = performance.now();
  const fh = await import('../../tests/e2e/firefoxHarness.ts');
  const { until } = await import('../../tests/e2e/harness.ts');
  const proxy = await fh.startProxy({ sitesPort: o.sites.port });
  const ff = await fh.launchFirefox({ proxyPort: proxy.port, granted: true, idleTimeoutMs: IDLE_MS });
  try {
    const bench = await ff.open('bench/index.html');
    await until(() => bench.evaluate(() => typeof (window as unknown as BenchWindow).__bench === 'object'), 'the bench page');
    const seeded = await bench.evaluate((n: number, seed: number) => (window as unknown as BenchWindow).__bench.seedEntities(n, seed).then((r) => ({ ms: r.ms, stored: r.stored })), o.entities, o.seed);
    o.log(`seeded ${seeded.stored} entities into Firefox's store in ${(seeded.ms / 1000).toFixed(1)} s`);

    const { tab } = await ff.visit(UNKNOWN_URL);
    const nav = (url: string, expected: string) =>
      bench.evaluate((tabId: number, u: string, e: string) => (window as unknown as BenchWindow).__bench.navigateAndWaitForBadge(tabId, u, e), tab, url, expected);
    for (let i = 0; i < 3; i++) {
      await nav(KNOWN_URL, 'ES');
      await nav(UNKNOWN_URL, '');
    }
    const warmEvent: number[] = [];
    const warmNav: number[] = [];
    for (let i = 0; i < o.warmRepeats; i++) {
      const s = await nav(KNOWN_URL, 'ES');
      warmEvent.push(s.eventToBadge);
      warmNav.push(s.navToBadge);
      await nav(UNKNOWN_URL, '');
    }

    // After a suspend: mark the background page, wait past the idle timeout, navigate, and count
    // only the runs where a new background page answered (the mark is gone).
    const coldEvent: number[] = [];
    let notSuspended = 0;
    const background = (fn: string) => bench.evaluate(`(async () => { const bg = await chrome.runtime.getBackgroundPage(); return (${fn})(bg); })()`);
    for (let i = 0; i < o.coldRepeats; i++) {
      await background('(bg) => { bg.__mark = true; }');
      await new Promise((r) => setTimeout(r, IDLE_MS * 3));
      const s = await nav(KNOWN_URL, 'ES');
      if ((await background('(bg) => bg.__mark === true')) === true) notSuspended++;
      else coldEvent.push(s.eventToBadge);
      await nav(UNKNOWN_URL, '');
    }
    const badgeSeconds = (performance.now() - t0) / 1000;

    // Popup open → card heading, timed in the page from its navigation start.
    const t1 = performance.now();
    await nav(KNOWN_URL, 'ES');
    const timeHeading = async (path: string): Promise<number> => {
      const page: Page = await ff.browser.newPage();
      try {
        // Preload scripts do not reach moz-extension pages over BiDi: as soon as the page answers,
        // an observer notes when the heading appears (or that it was already there: counted late).
        void page.goto(`${fh.EXT_ORIGIN}/${path}`).catch(() => undefined);
        await until(() => page.evaluate(() => location.protocol === 'moz-extension:').catch(() => false), `${path} to start`);
        return (await until(
          () =>
            page
              // A string: tsx would wrap the nested function in a helper the page does not have.
              .evaluate(HEADING_SCRIPT)
              .catch(() => undefined),
          `the heading of ${path}`,
        ).catch(async (err) => {
          const body = await page.evaluate(() => location.href + ' ' + document.body?.innerText.slice(0, 300)).catch((e) => String(e));
          throw new Error(`${String(err)}; the page showed: ${body}`);
        })) as number;
      } finally {
        await page.close();
      }
    };
    await timeHeading(`popup.html?tab=${tab}`);
    const popupMs: number[] = [];
    const blankMs: number[] = [];
    for (let i = 0; i < o.popupRepeats; i++) {
      popupMs.push(await timeHeading(`popup.html?tab=${tab}`));
      blankMs.push(await timeHeading('bench/blank.html'));
    }
    const popupSeconds = (performance.now() - t1) / 1000;

    // Page scan: the built content script on the big page, on the page's main thread.
    const t2 = performance.now();
    const script = readFileSync(join(fh.FIREFOX_EXTENSION_DIR, 'content/pageScanner.js'), 'utf8');
    if (!existsSync(join(o.pagesDir, 'big.html'))) {
      mkdirSync(o.pagesDir, { recursive: true });
      writeFileSync(join(o.pagesDir, 'big.html'), bigPageHtml().html);
    }
    const page = await ff.browser.newPage();
    await page.goto(`${o.www.url}/pages/big.html`, { waitUntil: 'load' });
    const scan: number[] = [];
    const read: number[] = [];
    for (let i = 0; i < o.scanRepeats; i++) {
      read.push(await page.evaluate(() => {
        const t = performance.now();
        const text = document.body.textContent;
        if (!text) throw new Error('empty page');
        return performance.now() - t;
      }));
      const r = (await page.evaluate(`(${TIME_SCRIPT})(${JSON.stringify(script)})`)) as { ms: number; hints: { nips: string[] } };
      if (!r.hints.nips.length) throw new Error('the content script found no NIP on the big page in Firefox');
      scan.push(r.ms);
    }
    await page.close();
    const scanSeconds = (performance.now() - t2) / 1000;

    const c = o.chromium;
    const we = summarize(warmEvent);
    const ce = summarize(coldEvent);
    const pop = summarize(popupMs);
    const s = summarize(scan);
    const rd = summarize(read);
    const stored = seeded.stored.toLocaleString('en-US');
    return [
      {
        id: 'firefox-badge',
        title: `Firefox: navigation → badge, ${stored} entities in the store`,
        method:
          'As the Chromium case, in Firefox ESR with the Firefox build: an extension page navigates a tab and polls getBadgeText. ' +
          `"After a suspend": the background page was left idle for ${(IDLE_MS * 3) / 1000} s with the idle timeout at ${IDLE_MS / 1000} s; ` +
          'a run counts only when a new background page answered. Baseline: the same figure in Chromium in this run (cold = a stopped service worker).',
        rows: [
          sideBySide('warm: event → badge', we, chromiumValue(c, 'badge', 'warm: event → badge')),
          sideBySide('warm: navigation → badge', summarize(warmNav), chromiumValue(c, 'badge', 'warm: navigation → badge')),
          sideBySide('after a suspend: event → badge', ce, chromiumValue(c, 'badge', 'cold worker: event → badge')),
        ],
        notes: [
          `Seeding the store took ${(seeded.ms / 1000).toFixed(1)} s in Firefox.`,
          ...(notSuspended ? [`${notSuspended} of ${o.coldRepeats} runs found the background still running and were not counted.`] : []),
        ],
        seconds: badgeSeconds,
      },
      {
        id: 'firefox-popup',
        title: 'Firefox: popup open → card',
        method: 'As the Chromium case: `popup.html?tab=ID` opened as a page on the known site\'s tab, from navigation start to the card\'s heading.',
        rows: [
          sideBySide('popup open → card heading', pop, chromiumValue(c, 'popup', 'popup open → card heading')),
          { metric: 'empty extension page → heading (Firefox)', unit: 'ms', measured: summarize(blankMs) },
        ],
        seconds: popupSeconds,
      },
      {
        id: 'firefox-page-scan',
        title: 'Firefox: page scan on ~3 MB of text',
        method: 'As the Chromium case: the built content script compiled and run on the same synthetic page, on the main thread.',
        rows: [
          sideBySide('content script, main-thread time', s, chromiumValue(c, 'page-scan', 'content script, main-thread time')),
          { metric: 'document.body.textContent (Firefox)', unit: 'ms', measured: rd, baseline: { label: 'content script in Firefox', value: s }, ratio: ratio(rd.p50, s.p50) },
        ],
        notes: [`In Firefox the scan takes ${ratio(s.p50, rd.p50).toFixed(2)}× its own textContent read (goal ≤ 1.5×).`],
        seconds: scanSeconds,
      },
    ];
  } finally {
    await ff.close();
    await proxy.close();
  }
}

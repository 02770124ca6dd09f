// Case "search": (1) the real standalone app opened with the synthetic directory in its store,
// timed from navigation start to the first results of a query given in the address, next to the
// same app holding only the 405-entity default directory; (2) the search engines side by side in
// one page (bench/page/searchBench.ts): query latency, expected answer in the top 5, build and load.
import type { Page } from 'playwright-core';
import type { Browser, StaticServer } from '../../tests/e2e/harness.ts';
import type { CaseResult, Row } from '../report.ts';
import { ratio, summarize } from '../stats.ts';
import { openBenchPage, type BenchWindow } from './benchPage.ts';
import type { RebuildParts } from '../page/rebuildParts.ts';

type AppWindow = { __resultsAt?: number; __foundAt?: number };

// Notes when the first result link is in the list, in ms since this page's navigation started.
// (A string: tsx would wrap nested functions in a helper the page does not have.)
const RESULTS_OBSERVER = `
  new MutationObserver(() => {
    if (window.__resultsAt === undefined && document.querySelector('[data-testid="results"] a')) window.__resultsAt = performance.now();
  }).observe(document, { subtree: true, childList: true });
`;

// Resolves once the cached search index was built from the current directory revision (read with
// the raw IndexedDB API, so the page's own code is not involved).
export const INDEX_SETTLED = `new Promise((resolve, reject) => {
  const open = indexedDB.open('radar-es');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['settings', 'blobs'], 'readonly');
    const rev = tx.objectStore('settings').get('directoryRevision');
    const blob = tx.objectStore('blobs').get('searchIndex');
    tx.oncomplete = () => { db.close(); resolve(!!blob.result && blob.result.revision === (rev.result ? rev.result.value : 0)); };
  };
})`;

async function timeFirstResults(browser: Browser, url: string): Promise<number> {
  const page: Page = await browser.context.newPage();
  try {
    await page.goto(url);
    const handle = await page.waitForFunction(() => (window as unknown as AppWindow).__resultsAt, undefined, { timeout: 120_000 });
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

async function settle(browser: Browser, origin: string): Promise<void> {
  const page = await openBenchPage(browser.context, `${origin}/bench/index.html`);
  try {
    for (let i = 0; i < 600 && !(await page.evaluate(INDEX_SETTLED)); i++) await page.waitForTimeout(200);
  } finally {
    await page.close();
  }
}

/**
 * An open directory page searching for `name`; another tab adds an entity of that name: ms from the
 * write to the entity's row in the open page's results (epoch ms on both sides).
 */
async function timeFoundAfterAdd(browser: Browser, origin: string, name: string, unlogged: boolean): Promise<number> {
  const page: Page = await browser.context.newPage();
  const writer = await openBenchPage(browser.context, `${origin}/bench/index.html`);
  try {
    await page.goto(`${origin}/#/directory`);
    await page.waitForFunction(() => (window as unknown as AppWindow).__resultsAt, undefined, { timeout: 120_000 });
    await page.locator('#directory-q').fill(name);
    await page.evaluate((name) => {
      const w = window as unknown as AppWindow;
      new MutationObserver(() => {
        if (w.__foundAt !== undefined) return;
        const links = document.querySelectorAll('[data-testid="results"] a');
        if ([...links].some((a) => a.textContent?.includes(name))) w.__foundAt = performance.timeOrigin + performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    }, name);
    const { at } = await writer.evaluate(({ name, unlogged }) => (window as unknown as BenchWindow).__bench.addOwnElsewhere(name, unlogged), { name, unlogged });
    const handle = await page.waitForFunction(() => (window as unknown as AppWindow).__foundAt, undefined, { timeout: 120_000 });
    return ((await handle.jsonValue()) as number) - at;
  } finally {
    await writer.close();
    await page.close();
  }
}

/**
 * An open directory page searching for `word`; another tab adds `word` to the names of `count`
 * entities in one write: ms from the committed write to the first renamed entity in the open page's
 * results (its index current again), epoch ms on both sides.
 */
async function timeBulkChange(browser: Browser, origin: string, count: number, word: string, unlogged: boolean): Promise<number> {
  const page: Page = await browser.context.newPage();
  const writer = await openBenchPage(browser.context, `${origin}/bench/index.html`);
  try {
    await page.goto(`${origin}/#/directory`);
    await page.waitForFunction(() => (window as unknown as AppWindow).__resultsAt, undefined, { timeout: 120_000 });
    await page.locator('#directory-q').fill(word);
    await page.evaluate((word) => {
      const w = window as unknown as AppWindow;
      new MutationObserver(() => {
        if (w.__foundAt !== undefined) return;
        const links = document.querySelectorAll('[data-testid="results"] a');
        if ([...links].some((a) => a.textContent?.includes(word))) w.__foundAt = performance.timeOrigin + performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    }, word);
    const { at } = await writer.evaluate(({ count, word, unlogged }) => (window as unknown as BenchWindow).__bench.bulkChangeElsewhere(count, word, unlogged), { count, word, unlogged });
    const handle = await page.waitForFunction(() => (window as unknown as AppWindow).__foundAt, undefined, { timeout: 180_000 });
    return ((await handle.jsonValue()) as number) - at;
  } finally {
    await writer.close();
    await page.close();
  }
}

/** Entities renamed in one write by the "bulk change" rows: a feed update's region, an import chunk. */
export const BULK_CHANGE = 5000;

export async function searchCase(o: {
  browser: Browser;
  www: StaticServer;
  spaBig: StaticServer;
  spaSmall: StaticServer;
  entities: number;
  seed: number;
  opens: number;
  rounds: number;
  edits: number;
  log: (m: string) => void;
}): Promise<CaseResult> {
  const t0 = performance.now();
  await o.browser.context.addInitScript(RESULTS_OBSERVER);

  // The engines, side by side in one page.
  const page = await openBenchPage(o.browser.context, `${o.www.url}/bench-page/index.html`, { isolated: true });
  const cmp = await page.evaluate(({ n, seed, rounds }) => (window as unknown as BenchWindow).__bench.searchCompare(n, seed, rounds), { n: o.entities, seed: o.seed, rounds: o.rounds });
  await page.close();
  o.log(`engines compared on ${cmp.docs} documents, ${cmp.queries} queries`);

  // The real app. Both origins get the default directory; the big one also the synthetic entities.
  for (const [server, n] of [[o.spaBig, o.entities], [o.spaSmall, 0]] as const) {
    const p = await openBenchPage(o.browser.context, `${server.url}/bench/index.html`);
    await p.evaluate(({ n, seed }) => (window as unknown as BenchWindow).__bench.seedEntities(n, seed), { n, seed: o.seed });
    await p.close();
  }
  const query = 'catering Kraków';
  const path = `/#/directory?q=${encodeURIComponent(query)}`;
  // First start after the directory changed: the worker reads every entity and builds the index.
  const firstBig = await timeFirstResults(o.browser, o.spaBig.url + path);
  const firstSmall = await timeFirstResults(o.browser, o.spaSmall.url + path);
  await settle(o.browser, o.spaBig.url);
  await settle(o.browser, o.spaSmall.url);
  const big: number[] = [];
  const small: number[] = [];
  for (let i = 0; i < o.opens; i++) {
    const order = i % 2 ? [['big', o.spaBig], ['small', o.spaSmall]] as const : [['small', o.spaSmall], ['big', o.spaBig]] as const;
    for (const [which, server] of order) (which === 'big' ? big : small).push(await timeFirstResults(o.browser, server.url + path));
  }

  // An entity added in another tab while the directory is open, patched into the cached index, next
  // to the same add followed by a bulk change (the index rebuilt from every entity), alternating.
  const patchedMs: number[] = [];
  const rebuiltMs: number[] = [];
  for (let i = 0; i < o.edits; i++) {
    for (const unlogged of i % 2 ? [true, false] : [false, true]) {
      const name = `Pracownia Wzorcowa ${unlogged ? 'Rebuilt' : 'Patched'} ${String.fromCharCode(65 + i)}`;
      (unlogged ? rebuiltMs : patchedMs).push(await timeFoundAfterAdd(o.browser, o.spaBig.url, name, unlogged));
      await settle(o.browser, o.spaBig.url);
    }
  }
  o.log(`added elsewhere → found: patched ${patchedMs.map(Math.round).join(', ')} ms; rebuilt ${rebuiltMs.map(Math.round).join(', ')} ms`);

  // A bulk change elsewhere (a feed update's worth of entities renamed in one write): the cached
  // index patched from the log's stored ids, next to the same change followed by an unlogged one.
  const bulkCount = Math.min(BULK_CHANGE, Math.floor(o.entities / 4));
  const bulkPatched: number[] = [];
  const bulkRebuilt: number[] = [];
  for (let i = 0; i < o.edits; i++) {
    for (const unlogged of i % 2 ? [true, false] : [false, true]) {
      const word = `Zbiorcza${unlogged ? 'Przebudowa' : 'Lata'}${String.fromCharCode(65 + i)}`;
      (unlogged ? bulkRebuilt : bulkPatched).push(await timeBulkChange(o.browser, o.spaBig.url, bulkCount, word, unlogged));
      await settle(o.browser, o.spaBig.url);
    }
  }
  o.log(`bulk change of ${bulkCount} → found: patched ${bulkPatched.map(Math.round).join(', ')} ms; rebuilt ${bulkRebuilt.map(Math.round).join(', ')} ms`);

  // The parts of a full rebuild, in a page of the big origin (its store as the app's).
  const partsPage = await openBenchPage(o.browser.context, `${o.spaBig.url}/bench/index.html`);
  const parts: RebuildParts[] = [];
  try {
    for (let i = 0; i < Math.min(3, o.edits); i++) parts.push(await partsPage.evaluate(() => (window as unknown as BenchWindow).__bench.rebuildParts()));
  } finally {
    await partsPage.close();
  }
  const part = (k: keyof RebuildParts) => summarize(parts.map((p) => p[k]));

  const [radar, mini, flex] = cmp.engines;
  const faster = mini.p95 <= flex.p95 ? mini : flex;
  const bestTop5 = Math.max(mini.top5, flex.top5);
  const b = summarize(big);
  const s = summarize(small);
  const n = o.entities.toLocaleString('en-US');
  const rows: Row[] = [
    { metric: `app start → first results, ${n} entities (index cached)`, unit: 'ms', measured: b, baseline: { label: 'the same app with the 405-entity default directory', value: s }, ratio: ratio(b.p50, s.p50), goal: 'p50 ≤ 1.5 s', met: b.p50 <= 1500 },
    { metric: `first start after the directory changed (index built in the worker), ${n} entities`, unit: 'ms', measured: firstBig, baseline: { label: 'the same, 405 entities', value: firstSmall }, ratio: ratio(firstBig, firstSmall) },
    { metric: `an entity added in another tab → in an open directory's results, ${n} entities (cached index patched)`, unit: 'ms', measured: summarize(patchedMs), baseline: { label: 'the same after a bulk change (index rebuilt from every entity)', value: summarize(rebuiltMs) }, ratio: ratio(summarize(patchedMs).p50, summarize(rebuiltMs).p50) },
    {
      metric: `a bulk change elsewhere (${bulkCount.toLocaleString('en-US')} entities renamed in one write) → in an open directory's results, ${n} entities (cached index patched from the log)`,
      unit: 'ms',
      measured: summarize(bulkPatched),
      baseline: { label: 'the same change, then an unlogged one (index rebuilt from every entity)', value: summarize(bulkRebuilt) },
      ratio: ratio(summarize(bulkPatched).p50, summarize(bulkRebuilt).p50),
      goal: '≤ 2 s',
      met: summarize(bulkPatched).p50 <= 2000,
    },
    { metric: `full rebuild, step by step: read every entity (Dexie toArray), ${n} entities`, unit: 'ms', measured: part('dexieToArray'), baseline: { label: 'raw IndexedDB getAll', value: part('rawGetAll') }, ratio: ratio(part('dexieToArray').p50, part('rawGetAll').p50) },
    { metric: 'full rebuild, step by step: raw getAll in 10 key ranges at once', unit: 'ms', measured: part('rawGetAllRanges'), baseline: { label: 'raw IndexedDB getAll', value: part('rawGetAll') }, ratio: ratio(part('rawGetAllRanges').p50, part('rawGetAll').p50) },
    { metric: 'full rebuild, step by step: entities → search documents', unit: 'ms', measured: part('toDocs') },
    { metric: 'full rebuild, step by step: index (tokenise, fold, postings, name order)', unit: 'ms', measured: part('build') },
    { metric: 'full rebuild, step by step: serialise', unit: 'ms', measured: part('serialize') },
    ...[mini, flex].map((other): Row => {
      const goal = other === faster;
      const lat = (e: typeof radar) => ({ n: e.n, p50: e.p50, p95: e.p95, min: NaN, max: e.max });
      return {
        metric: `query latency, radar vs ${other.engine} (ratio of p95s)`,
        unit: 'ms',
        measured: lat(radar),
        baseline: { label: other.engine + (goal ? ' (the faster)' : ''), value: lat(other) },
        ratio: ratio(radar.p95, other.p95),
        ...(goal && { goal: 'p95 ≤ 10 ms and ≤ the faster', met: radar.p95 <= 10 && radar.p95 <= other.p95 }),
      };
    }),
    { metric: 'expected entity in the top 5, radar', unit: '%', measured: radar.top5 * 100, baseline: { label: `best of MiniSearch (${(mini.top5 * 100).toFixed(1)}%) and FlexSearch (${(flex.top5 * 100).toFixed(1)}%)`, value: bestTop5 * 100 }, ratio: ratio(radar.top5, bestTop5), goal: '≥ the best', met: radar.top5 >= bestTop5 },
    { metric: 'index build, radar', unit: 'ms', measured: radar.buildMs, baseline: { label: `MiniSearch ${Math.round(mini.buildMs)} ms; FlexSearch`, value: flex.buildMs }, ratio: ratio(radar.buildMs, Math.min(mini.buildMs, flex.buildMs)) },
    { metric: 'load the persisted index + first query, radar', unit: 'ms', measured: radar.loadAndFirstQueryMs ?? NaN, baseline: { label: 'MiniSearch loadJSON + first query', value: mini.loadAndFirstQueryMs ?? NaN }, ratio: ratio(radar.loadAndFirstQueryMs ?? NaN, mini.loadAndFirstQueryMs ?? NaN) },
    { metric: 'persisted index size, radar', unit: 'MB', measured: (radar.persistedBytes ?? NaN) / 1e6, baseline: { label: 'MiniSearch JSON', value: (mini.persistedBytes ?? NaN) / 1e6 }, ratio: ratio(radar.persistedBytes ?? NaN, mini.persistedBytes ?? NaN) },
  ];
  return {
    id: 'search',
    title: `Search, ${n} entities`,
    method:
      `App start: the standalone SPA (production build, its own origin and store holding the default directory + ${n} synthetic entities) opened at ` +
      `\`#/directory?q=${query}\`; timed in the page from navigation start to the first result link in the list (MutationObserver from an init script). ` +
      'The baseline is the same app on another origin whose store holds only the default directory. Engines: in one page, over the synthetic directory plus the ' +
      `405 real sample entities (${cmp.docs.toLocaleString('en-US')} documents), ${cmp.queries} queries of bench/search-queries.json (those whose answer the directory holds), ` +
      `${o.rounds} rounds after a warm-up; MiniSearch and FlexSearch set up by bench/search-compare.ts with the same fields, folding and query rules. ` +
      'Added in another tab: the big app open at `#/directory` with the new name typed in its search, a bench page of the same origin adds an own entity ' +
      'through the product\'s command (addOwnEntity); timed from the write to the row in the open list (the page waits 400 ms for the directory to settle, ' +
      'then its worker patches the cached index); the baseline moves the revision once more without naming the entity, as a bulk change does, so the index is rebuilt. ' +
      `Bulk change: the same open page searching for a new word, a bench page adds it to the names of ${bulkCount.toLocaleString('en-US')} stored entities in one putEntities write ` +
      '(its ids kept in the change log\'s own row); timed from the committed write to a renamed entity in the list, next to the same followed by an unlogged revision (a full rebuild). ' +
      'Step by step: the parts of a full rebuild timed one after another in a page of the same origin (bench/page/rebuildParts.ts).',
    rows,
    notes: [radar, mini, flex].filter((e) => e.missed.length).map((e) => `${e.engine} missed (not in top 5): ${e.missed.slice(0, 8).join(' · ')}${e.missed.length > 8 ? ` … (${e.missed.length})` : ''}`),
    seconds: (performance.now() - t0) / 1000,
  };
}

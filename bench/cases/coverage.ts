// Case "about": the "About the data" page of the real standalone app over a large directory. Timed
// in the page from navigation start to the total shown: the first time (one pass over every entity,
// nothing kept yet) and again (the kept figures of this revision). The baseline is the least any
// pass must do: reading every entity once with a raw IndexedDB getAll() in a page of the same origin.
import type { Page } from 'playwright-core';
import type { Browser, StaticServer } from '../../tests/e2e/harness.ts';
import type { CaseResult } from '../report.ts';
import { ratio, summarize } from '../stats.ts';
import { openBenchPage, type BenchWindow } from './benchPage.ts';

type AboutWindow = { __totalAt?: number; __totalText?: string };

// Notes when the total first shows the expected number (a string: see search.ts).
const totalObserver = (expected: string) => `
  new MutationObserver(() => {
    const el = document.querySelector('[data-testid="about-total"]');
    if (window.__totalAt === undefined && el && el.textContent.replace(/\\D/g, '') === ${JSON.stringify(expected)}) window.__totalAt = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

const RAW_READ = `new Promise((resolve, reject) => {
  const open = indexedDB.open('radar-es');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const t0 = performance.now();
    const r = open.result.transaction('entities').objectStore('entities').getAll();
    r.onsuccess = () => { const ms = performance.now() - t0; open.result.close(); resolve({ ms, n: r.result.length }); };
    r.onerror = () => reject(r.error);
  };
})`;

async function timeAbout(browser: Browser, url: string): Promise<number> {
  const page: Page = await browser.context.newPage();
  try {
    await page.goto(url);
    const handle = await page.waitForFunction(() => (window as unknown as AboutWindow).__totalAt, undefined, { timeout: 300_000 });
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

export async function coverageCase(o: { launch: () => Promise<Browser>; spa: StaticServer; entities: number; seed: number; repeats: number; log: (m: string) => void }): Promise<CaseResult> {
  const t0 = performance.now();
  const browser = await o.launch();
  try {
    const seedPage = await openBenchPage(browser.context, `${o.spa.url}/bench/index.html`);
    const { stored } = await seedPage.evaluate(({ n, seed }) => (window as unknown as BenchWindow).__bench.seedEntities(n, seed), { n: o.entities, seed: o.seed });
    await seedPage.close();
    await browser.context.addInitScript(totalObserver(String(stored)));
    // The app's welcome is for a first start at the plain address; #/about is a page asked for.
    const url = `${o.spa.url}/#/about`;
    const first = await timeAbout(browser, url);
    const kept: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < o.repeats; i++) {
      kept.push(await timeAbout(browser, url));
      const p = await openBenchPage(browser.context, `${o.spa.url}/bench/index.html`);
      raw.push(((await p.evaluate(RAW_READ)) as { ms: number }).ms);
      await p.close();
    }
    const r = summarize(raw);
    const k = summarize(kept);
    const n = stored.toLocaleString('en-US');
    o.log(`about the data: first ${Math.round(first)} ms, kept p50 ${Math.round(k.p50)} ms, raw read p50 ${Math.round(r.p50)} ms`);
    return {
      id: 'about',
      title: `About the data, ${n} entities`,
      method:
        `The standalone SPA (production build, its own origin) with the default directory + ${o.entities.toLocaleString('en-US')} synthetic entities, opened at \`#/about\`; ` +
        'timed in the page from navigation start to the total number of entities shown (MutationObserver from an init script). First: nothing kept, so the page ' +
        'reads every entity in chunks of 5,000 and tallies coverage and sources. Again: the figures kept for this directory revision. The baseline is one raw ' +
        '`getAll()` of the entities store in a page of the same origin (the least a pass over every entity can cost), repeated as often.',
      rows: [
        { metric: `About the data, first pass over every entity, ${n} entities`, unit: 'ms', measured: first, baseline: { label: 'raw getAll() of every entity', value: r }, ratio: ratio(first, r.p50) },
        { metric: `About the data, reopened (kept figures), ${n} entities`, unit: 'ms', measured: k, baseline: { label: 'raw getAll() of every entity', value: r }, ratio: ratio(k.p50, r.p50) },
      ],
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    await browser.close();
  }
}

// `npm run bench`: builds the extension, the standalone SPA and the benchmark page into
// bench/.data/dist (never dist/), runs every case in headless Chromium next to its baseline, and
// writes bench/results.json and bench/RESULTS.md. `npm run bench -- --quick` runs a small version
// (2,000 entities, fewer repetitions) that writes bench/results.json and bench/.data/RESULTS-quick.md
// and fails only when a case produced no numbers (CI runs it so the benchmark cannot rot; timings
// are never asserted). While working on a case: `--only=import,search`, `--entities=20000`,
// `--no-build` (reuse the last build). `--scale=N`: the size of the scale case (300,000 by default
// in a full run; 0 leaves it out).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { buildAll } from './build.ts';
import { machine, versions } from './machine.ts';
import { caseHasNumbers, toMarkdown, type CaseResult, type Results } from './report.ts';
import { sizesCase } from './cases/sizes.ts';
import { pageScanCase } from './cases/pageScan.ts';
import { extensionCases } from './cases/extension.ts';
import { importCase } from './cases/importCase.ts';
import { searchCase } from './cases/search.ts';
import { scaleCase } from './cases/scale.ts';
import { feedsCase } from './cases/feeds.ts';
import { coverageCase } from './cases/coverage.ts';
import { firefoxCases } from './cases/firefox.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = join(ROOT, 'bench/.data');
const DIST = join(DATA, 'dist');
// The harness reads RADAR_DIST when it is imported: point it at the benchmark's own build.
process.env.RADAR_DIST = DIST;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const SEED = 1;
const BASE = quick
  ? { entities: 2_000, scanRepeats: 6, warmRepeats: 6, coldRepeats: 2, popupRepeats: 5, importRepeats: 1, appOpens: 3, queryRounds: 2, edits: 1 }
  : { entities: 100_000, scanRepeats: 30, warmRepeats: 40, coldRepeats: 12, popupRepeats: 30, importRepeats: 3, appOpens: 15, queryRounds: 5, edits: 5 };
// `--entities=N` overrides the directory size (e.g. to try a case at 20k while working on it).
const sizeArg = args.find((a) => a.startsWith('--entities='));
const CONFIG = sizeArg ? { ...BASE, entities: Number(sizeArg.split('=')[1]) } : BASE;
// The scale case: the directory at 300,000 entities in a full run (`--scale=N` another size,
// `--scale=0` none); a quick run takes it at a tiny size, so it keeps working without taking minutes.
const scaleArg = args.find((a) => a.startsWith('--scale='));
const SCALE = scaleArg ? Number(scaleArg.split('=')[1]) : quick ? 3_000 : 300_000;

function log(msg: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

// `--only=import,search` runs some cases (while working on them); the default is all.
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');

async function run(id: string, title: string, fn: () => Promise<CaseResult | CaseResult[]> | CaseResult): Promise<CaseResult[]> {
  if (only && !only.includes(id)) return [];
  log(`${title}…`);
  const t0 = performance.now();
  try {
    const r = await fn();
    const list = Array.isArray(r) ? r : [r];
    log(`${title}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return list;
  } catch (err) {
    console.error(err);
    return [{ id, title, method: '', rows: [], error: String(err instanceof Error ? err.message : err).split('\n')[0], seconds: (performance.now() - t0) / 1000 }];
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const loadAtStart = loadavg()[0];
  if (!args.includes('--no-build')) {
    log(`building into ${DIST}…`);
    buildAll(DIST);
  }
  const h = await import('../tests/e2e/harness.ts');
  const chromium = h.chromiumPath();
  const cases: CaseResult[] = [];
  const www = await h.serveStatic({ dir: DIST });
  const sites = await h.serveStatic({ byHost: true });
  try {
    cases.push(...(await run('sizes', 'sizes', () => sizesCase(h.EXTENSION_DIR))));
    cases.push(
      ...(await run('page-scan', 'page scan', async () => {
        const browser = await h.launch();
        try {
          return await pageScanCase({ browser, server: www, pagesDir: join(DIST, 'pages'), extensionDir: h.EXTENSION_DIR, repeats: CONFIG.scanRepeats });
        } finally {
          await browser.close();
        }
      })),
    );
    cases.push(
      ...(await run('import', 'import', async () => {
        const spa = await h.serveStatic({ dir: h.SPA_DIR });
        try {
          return await importCase({ launch: () => h.launch(), spa, entities: CONFIG.entities, seed: SEED, repeats: CONFIG.importRepeats, log });
        } finally {
          await spa.close();
        }
      })),
    );
    cases.push(
      ...(await run('search', 'search', async () => {
        const browser = await h.launch();
        const spaBig = await h.serveStatic({ dir: h.SPA_DIR });
        const spaSmall = await h.serveStatic({ dir: h.SPA_DIR });
        try {
          return await searchCase({ browser, www, spaBig, spaSmall, entities: CONFIG.entities, seed: SEED, opens: CONFIG.appOpens, rounds: CONFIG.queryRounds, edits: CONFIG.edits, log });
        } finally {
          await browser.close();
          await spaBig.close();
          await spaSmall.close();
        }
      })),
    );
    if (SCALE > 0) {
      cases.push(
        ...(await run('scale', `at scale (${SCALE.toLocaleString('en-US')} entities)`, () =>
          scaleCase({ launch: () => h.launch(), spa: () => h.serveStatic({ dir: h.SPA_DIR }), entities: SCALE, normal: CONFIG.entities, seed: SEED, opens: quick ? 2 : 5, rounds: CONFIG.queryRounds, files: quick ? 2 : 1, cases, log }),
        )),
      );
    }
    cases.push(
      ...(await run('feeds', 'directory feeds', async () => {
        const browser = await h.launch();
        const spa = await h.serveStatic({ dir: h.SPA_DIR });
        try {
          return await feedsCase({ browser, spa, entities: CONFIG.entities, seed: SEED, checks: quick ? 5 : 20, log });
        } finally {
          await browser.close();
          await spa.close();
        }
      })),
    );
    cases.push(
      ...(await run('about', 'about the data', async () => {
        const spa = await h.serveStatic({ dir: h.SPA_DIR });
        try {
          return await coverageCase({ launch: () => h.launch(), spa, entities: CONFIG.entities, seed: SEED, repeats: CONFIG.importRepeats, log });
        } finally {
          await spa.close();
        }
      })),
    );
    cases.push(
      ...(await run('badge', 'navigation → badge and popup', () =>
        extensionCases({ launchExtension: h.launchExtension, sites, seed: SEED, ...CONFIG, log }),
      )),
    );
    // After the Chromium cases, whose figures it stands next to.
    cases.push(...(await run('firefox', 'Firefox: badge, popup, page scan', () => firefoxCases({ sites, www, pagesDir: join(DIST, 'pages'), chromium: cases, seed: SEED, ...CONFIG, log }))));
  } finally {
    await www.close();
    await sites.close();
    rmSync(join(DIST, 'pages'), { recursive: true, force: true });
  }

  const results: Results = {
    meta: {
      date: new Date().toISOString(),
      mode: quick ? 'quick' : 'full',
      entities: CONFIG.entities,
      seed: SEED,
      machine: machine(),
      load: { start: loadAtStart, end: loadavg()[0] },
      versions: versions(ROOT, chromium),
    },
    cases,
  };
  const md = toMarkdown(results);
  writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
  mkdirSync(DATA, { recursive: true });
  // Only a plain full run speaks for the project in bench/RESULTS.md; partial runs go to bench/.data/.
  const official = !quick && !only && !sizeArg;
  writeFileSync(official ? join(ROOT, 'bench/RESULTS.md') : join(DATA, quick ? 'RESULTS-quick.md' : 'RESULTS-partial.md'), md + '\n');
  console.log('\n' + md);
  log(`finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const empty = cases.filter((c) => !caseHasNumbers(c));
  if (empty.length) {
    console.error(`No numbers from: ${empty.map((c) => c.id).join(', ')}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();

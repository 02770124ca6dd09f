// Building the rows of the feed builder's inputs on every core (Node worker threads): building the
// entities (identifiers, phones, websites, categories) is over half of `feed -- build`'s time
// (~16 of 30 s for 100,000 rows on one core). The rows are split into one contiguous share per
// thread and the answers joined in row order: exactly what buildDrafts gives on one thread, so the
// feed's files stay byte-identical (tests/unit/feeds/buildThreads.test.ts).
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { buildDrafts, type Built } from '../shared/io/import/plan.ts';
import type { PlanOptions } from '../shared/io/import/plan.ts';

type Drafts = Parameters<NonNullable<PlanOptions['buildMany']>>[0];
type Source = Parameters<NonNullable<PlanOptions['buildMany']>>[1];
interface Request {
  drafts: Drafts;
  source: Source;
  now: string;
}

/** Fewer rows are built on one thread: starting a thread (~0.3 s, loading the importer) costs more. */
const MIN_ROWS_PER_THREAD = 5000;

function buildIn(worker: Worker, req: Request): Promise<Built[]> {
  return new Promise((resolve, reject) => {
    worker.once('message', (msg: { json?: string; error?: string }) => (msg.error !== undefined ? reject(new Error(msg.error)) : resolve(JSON.parse(msg.json!) as Built[])));
    worker.once('error', reject);
    worker.postMessage(req);
  });
}

/**
 * This module as a thread's entry. Run from source (tsx), a thread needs the TypeScript loader,
 * which threads do not inherit: a small module registers it first, then loads this one.
 */
function threadEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL(import.meta.url);
  const code = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(import.meta.url)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** buildDrafts over `threads` threads (this one included): a `buildMany` for readInputs. */
export function threadedBuildMany(threads = availableParallelism(), minRowsPerThread = MIN_ROWS_PER_THREAD): NonNullable<PlanOptions['buildMany']> {
  return async (drafts, source, now) => {
    const helpers = Math.min(threads, Math.floor(drafts.length / minRowsPerThread)) - 1;
    if (helpers <= 0) return buildDrafts(drafts, source, now);
    const share = Math.ceil(drafts.length / (helpers + 1));
    const workers = Array.from({ length: helpers }, () => new Worker(threadEntry()));
    try {
      const parts = workers.map((w, i) => buildIn(w, { drafts: drafts.slice(i * share, (i + 1) * share), source, now }));
      const own = buildDrafts(drafts.slice(helpers * share), source, now);
      const built: Built[] = [];
      for (const part of await Promise.all(parts)) for (const b of part) built.push(b);
      for (const b of own) built.push(b);
      return built;
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', ({ drafts, source, now }: Request) => {
    try {
      // As JSON: plain data, and parsed faster than a structured clone of 50,000 entities.
      port.postMessage({ json: JSON.stringify(buildDrafts(drafts, source, now)) });
    } catch (err) {
      port.postMessage({ error: err instanceof Error ? err.message : String(err) });
    }
  });
}

// Builds the directory's search index off the main thread. On a start with an unchanged directory
// it only loads the cached index; after a few entities changed it patches the cached one with
// them; otherwise it first hands over the cached one (slightly stale results at once beat an empty
// page for the seconds a 100k rebuild takes), then reads every entity, indexes them, caches the
// result and hands that over. Indexes go to the page serialised and transferred (not copied), to
// be loaded and queried there. After the directory changed it is asked to bring the cache up to
// date, so the next app start loads the index instead of building it.
import { getDb } from '../../../shared/db/database.ts';
import { readDirectoryRevision } from '../../../shared/db/directoryLog.ts';
import {
  patchCachedSearchIndex,
  readCachedSearchIndex,
  storeSearchIndex,
  toSearchDoc,
  type CachedIndex,
} from '../../../shared/db/commands/searchIndex.ts';
import { SearchIndex } from '../../../shared/search/search-index.ts';
import type { SearchDoc } from '../../../shared/search/types.ts';
import type { WorkerReply, WorkerRequest } from './searchProtocol.ts';

const db = getDb();

async function build(): Promise<CachedIndex> {
  // One read transaction: the entities and the revision they make up belong together.
  const { revision, docs } = await db.transaction('r', db.entities, db.settings, async () => {
    // getAll in one go: a cursor (each()) is several times slower over 100k records.
    const docs: SearchDoc[] = (await db.entities.toArray()).map(toSearchDoc);
    return { revision: await readDirectoryRevision(db), docs };
  });
  const buffer = SearchIndex.build(docs).serialize();
  // The cache write copies the bytes; the buffer itself is transferred to the page afterwards.
  await storeSearchIndex(db, revision, buffer);
  return { revision, buffer };
}

function send(reply: WorkerReply): void {
  (self as unknown as Worker).postMessage(reply, reply.type === 'index' ? [reply.buffer] : []);
}

/**
 * Every open app page follows the directory and asks its worker to bring the cache up to date: one
 * at a time across pages (Web Locks), so the others find it current instead of patching or
 * rebuilding the same index again.
 */
async function refreshCache(): Promise<void> {
  const locks = (self.navigator as Navigator | undefined)?.locks;
  if (locks) await locks.request('radar-es-search-index-cache', refreshCacheNow);
  else await refreshCacheNow();
}

async function refreshCacheNow(): Promise<void> {
  const { revision, cached } = await readCachedSearchIndex(db);
  if (cached?.revision === revision) return send({ type: 'cached', revision });
  const fresh = (cached && (await patchCachedSearchIndex(db, cached))) ?? (await build());
  send({ type: 'cached', revision: fresh.revision });
}

async function load(rebuild: boolean): Promise<void> {
  try {
    const { revision, cached } = rebuild ? { revision: -1, cached: undefined } : await readCachedSearchIndex(db);
    if (cached?.revision === revision) {
      send({ type: 'index', revision, buffer: cached.buffer, final: true });
      return;
    }
    if (cached) {
      // A few entities changed (saved from the popup, edited in another tab): patched in a moment.
      const patched = await patchCachedSearchIndex(db, cached);
      if (patched) {
        send({ type: 'index', ...patched, final: true });
        return;
      }
      send({ type: 'index', revision: cached.revision, buffer: cached.buffer, final: false });
    }
    send({ type: 'index', ...(await build()), final: true });
  } catch (err) {
    send({ type: 'error', message: String(err) });
  }
}

// One request at a time: a load asked while the cache is being refreshed then finds it fresh
// instead of building the same index a second time.
let queue = Promise.resolve();
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  queue = queue.then(() =>
    msg.type === 'cache'
      ? // Best effort: if it fails, the next start builds the index as it would have anyway.
        refreshCache().catch((err: unknown) => console.warn('search index cache', err))
      : load(!!msg.rebuild),
  );
};

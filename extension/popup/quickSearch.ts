// The popup's quick search, loaded only when the popup shows the search (a chunk of its own, so
// the card of a recognised site never waits for it). It uses the directory's cached search index
// through the app's own search worker (spa/features/directory/search.worker.ts): an unchanged
// directory loads the cached index (~0.2 s at 100,000 entities, where reading and indexing every
// entity took seconds), a few changed entities are patched into it, and the cache is written back,
// so the popup keeps it current for the next popup and the app page as the app page does. Only a
// store that never had an index (or a bulk change since) builds one, in the worker, while a stale
// cached index answers meanwhile.
import type { RadarDB } from '../../shared/db/database.ts';
import { SearchIndex } from '../../shared/search/search-index.ts';
import type { CategoryId, LegalForm } from '../../shared/model/types.ts';
import type { WorkerReply, WorkerRequest } from '../../spa/features/directory/searchProtocol.ts';

export interface QuickHit {
  id: string;
  name: string;
  legalForm: LegalForm;
  city?: string;
  /** What they offer: the directory's categories, so a hit reads as a supplier, not just a name. */
  categories: CategoryId[];
  /** No known web site: the result offers "Find its site". */
  noWebsite?: boolean;
}

export type QuickSearch = (query: string, limit: number) => Promise<{ hits: QuickHit[]; total: number }>;

/** Resolves with the first index the worker hands over; later (fresher) ones replace it via `onIndex`. */
function loadIndex(onIndex: (index: SearchIndex) => void): Promise<void> {
  const worker = new Worker(new URL('../../spa/features/directory/search.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<void>((resolve, reject) => {
    let rebuilt = false;
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'error') {
        worker.terminate();
        return reject(new Error(reply.message));
      }
      if (reply.type !== 'index') return;
      let index: SearchIndex;
      try {
        index = SearchIndex.deserialize(reply.buffer);
      } catch (err) {
        // A cache written by another version of Radar ES: have it rebuilt once.
        if (rebuilt) return reject(err);
        rebuilt = true;
        worker.postMessage({ type: 'load', rebuild: true } satisfies WorkerRequest);
        return;
      }
      onIndex(index);
      resolve();
      if (reply.final) worker.terminate();
    };
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage({ type: 'load' } satisfies WorkerRequest);
  });
}

export async function openQuickSearch(db: RadarDB): Promise<QuickSearch> {
  let index: SearchIndex | undefined;
  await loadIndex((fresh) => (index = fresh));
  return async (query, limit) => {
    if (!query.trim() || !index) return { hits: [], total: 0 };
    const { ids, total } = index.search(query, { limit });
    // Only the shown hits are read: a handful of keyed reads (~1 ms).
    const entities = await db.entities.bulkGet(ids);
    const hits = entities
      .filter((e) => e !== undefined)
      .map((e) => ({ id: e.id, name: e.name, legalForm: e.legalForm, city: e.address.city, categories: e.categories, ...(e.websites.length ? {} : { noWebsite: true }) }));
    return { hits, total };
  };
}

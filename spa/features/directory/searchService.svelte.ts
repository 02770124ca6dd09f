// The directory's search index on the page: loaded from the worker (which builds or un-caches it
// off the main thread), queried synchronously here, and replaced whenever the directory revision
// moves (an import, an own entity, a candidate from the popup in another tab). While an import on
// this page writes, rebuilds wait for its end: it moves the revision once per chunk, and each
// rebuild would re-read the growing directory and hand a new index to the page mid-import.
import { liveQuery } from 'dexie';
import type { RadarDB } from '../../../shared/db/database.ts';
import { getSetting } from '../../../shared/db/commands/settings.ts';
import { SearchIndex } from '../../../shared/search/search-index.ts';
import type { SearchDoc } from '../../../shared/search/types.ts';
import type { WorkerReply, WorkerRequest } from './searchProtocol.ts';

/** Quiet time before a rebuild: an import bumps the revision once per chunk. */
const REBUILD_DELAY_MS = 400;

class SearchService {
  /** The current index; null until the first one is loaded. */
  index = $state.raw<SearchIndex | null>(null);
  /** Directory revision the index was built from. */
  revision = $state(-1);
  /** An index for a newer revision is being made. */
  building = $state(false);
  error = $state('');

  /** Bumped when the index is changed in place (it is not a new object then). */
  version = $state(0);

  private latest = -1;
  private failedAt = -1;
  /** A rebuild without the cache was asked for after the cached index would not load. */
  private retried = false;
  private worker: Worker | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private following = false;
  private held = false;

  private ensureWorker(): void {
    if (this.worker) return;
    this.worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<WorkerReply>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      this.building = false;
      this.error = e.message || 'worker';
    };
  }

  /** Starts following the directory (once per page; later calls do nothing). */
  start(db: RadarDB): void {
    if (this.following) return;
    this.following = true;
    this.ensureWorker();
    liveQuery(() => getSetting(db, 'directoryRevision')).subscribe((revision) => {
      const first = this.latest < 0;
      this.latest = revision;
      clearTimeout(this.timer);
      // The first load is immediate (app start), and so is filling an empty index (the default
      // directory just loaded); later ones wait for the directory to settle.
      if (first || !this.index?.size) this.request();
      else this.timer = setTimeout(() => this.request(), REBUILD_DELAY_MS);
    });
  }

  /**
   * An edit made on this page shows in the search at once; the rebuild that the directory revision
   * triggers follows in the background (at 100k entities it takes seconds) and refreshes the cache.
   */
  changed(entity: SearchDoc): void {
    if (!this.index) return;
    this.index.update(entity);
    this.version++;
  }

  removed(id: string): void {
    if (this.index?.remove(id)) this.version++;
  }

  /** An import on this page starts (true) or ends (false) writing to the directory. */
  hold(held: boolean): void {
    this.held = held;
    clearTimeout(this.timer);
    if (!held && this.following) this.request();
  }

  /**
   * The directory changed on this page (an import): the worker brings the cached index up to date
   * in the background, so the next start of the app loads it instead of building it. A page that
   * follows the directory rebuilds (and caches) on its own.
   */
  refreshCache(): void {
    if (this.following) return;
    this.ensureWorker();
    this.send({ type: 'cache' });
  }

  private request(): void {
    if (this.held || this.building || this.latest === this.revision || this.latest === this.failedAt) return;
    this.building = true;
    this.send({ type: 'load' });
  }

  private send(msg: WorkerRequest): void {
    this.worker!.postMessage(msg);
  }

  private receive(reply: WorkerReply): void {
    if (reply.type === 'cached') return;
    if (reply.type === 'error') {
      this.building = false;
      this.error = reply.message;
      this.failedAt = this.latest;
      return;
    }
    let index: SearchIndex;
    try {
      index = SearchIndex.deserialize(reply.buffer);
    } catch (err) {
      // A cache written by another version of the app (after an update): build a new one, once. A
      // stale cache that fails is simply skipped: the fresh index of the same request follows.
      if (!reply.final) return;
      if (!this.retried) {
        this.retried = true;
        this.send({ type: 'load', rebuild: true });
      } else {
        this.building = false;
        this.error = String(err);
        this.failedAt = this.latest;
      }
      return;
    }
    this.retried = false;
    this.error = '';
    this.index = index;
    this.revision = reply.revision;
    if (!reply.final) return; // a fresher index follows from the same request
    this.building = false;
    // The directory may have moved on while this one was being built.
    if (this.latest !== this.revision) this.timer = setTimeout(() => this.request(), REBUILD_DELAY_MS);
  }
}

export const searchService = new SearchService();

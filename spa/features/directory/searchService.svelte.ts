// The directory's search index on the page: loaded from the worker (which builds or un-caches it
// off the main thread), queried synchronously here, and kept up to date by following the
// directory's change log (shared/db/directoryLog.ts): whoever wrote — this page, the popup,
// another tab, an import — a few changed entities are patched into the index in place, a bulk
// change has the worker rebuild it. Nothing that writes has to tell this service anything.
import type { RadarDB } from '../../../shared/db/database.ts';
import { followDirectory, readDirectoryRevision, type DirectoryUpdate } from '../../../shared/db/directoryLog.ts';
import { toSearchDoc } from '../../../shared/db/commands/searchIndex.ts';
import { SearchIndex } from '../../../shared/search/search-index.ts';
import type { WorkerReply, WorkerRequest } from './searchProtocol.ts';

class SearchService {
  #index = $state.raw<SearchIndex | null>(null);
  /**
   * The current index; null until the first one is loaded. Patched in place, so whoever reads it
   * (its size, a search) also depends on `version` and reads again after a patch.
   */
  get index(): SearchIndex | null {
    void this.version;
    return this.#index;
  }
  /** Directory revision the index was built from. */
  revision = $state(-1);
  /** An index for a newer revision is being made. */
  building = $state(false);
  error = $state('');

  /** Bumped when the index is changed in place (it is not a new object then). */
  version = $state(0);

  private db: RadarDB | undefined;
  /** The newest revision the directory log told of; -1 until it moved while this page was open. */
  private latest = -1;
  /** A rebuild without the cache was asked for after the cached index would not load. */
  private retried = false;
  private worker: Worker | undefined;
  /** This page shows search results: the index is loaded and kept here, not only in the cache. */
  private wanted = false;
  /** The directory moved while an index was being made: ask again when it arrives. */
  private again = false;

  private ensureWorker(): void {
    if (this.worker) return;
    this.worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<WorkerReply>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      this.building = false;
      this.error = e.message || 'worker';
    };
  }

  /**
   * Follows the directory for this page (once; later calls do nothing). A page that searches
   * nothing yet keeps the cached index current, so the next search loads it instead of building.
   */
  follow(db: RadarDB): void {
    if (this.db) return;
    this.db = db;
    followDirectory(db, (update) => this.moved(update));
  }

  /** Loads the index and keeps it current (once per page; later calls do nothing). */
  start(db: RadarDB): void {
    this.follow(db);
    if (this.wanted) return;
    this.wanted = true;
    this.request();
  }

  private moved(update: DirectoryUpdate): void {
    this.latest = update.to;
    if (!this.wanted) {
      this.ensureWorker();
      this.send({ type: 'cache' });
      return;
    }
    if (this.#index && !this.building && update.changed !== 'bulk' && update.from === this.revision) {
      void this.patch(update.changed, update.from, update.to);
    } else {
      this.request();
    }
  }

  /**
   * A few entities changed: patched into the index here (at 100k entities a few milliseconds,
   * against a second or more to load a rebuilt one), then the worker brings the cache up to date.
   */
  private async patch(ids: string[], from: number, to: number): Promise<void> {
    const entities = await this.db!.entities.bulkGet(ids);
    const index = this.#index;
    if (!index || this.building || this.revision !== from) return this.request();
    ids.forEach((id, i) => {
      const entity = entities[i];
      if (entity) index.update(toSearchDoc(entity));
      else index.remove(id);
    });
    this.revision = to;
    this.version++;
    this.send({ type: 'cache' });
  }

  private request(): void {
    this.ensureWorker();
    if (this.building) {
      this.again = true;
      return;
    }
    this.again = false;
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
      }
      return;
    }
    this.retried = false;
    this.error = '';
    this.#index = index;
    this.revision = reply.revision;
    if (!reply.final) return; // a fresher index follows from the same request
    this.building = false;
    // The directory moved on while this one was being made. The log's follower may have taken a
    // write made meanwhile (the first start's default directory) as its starting point and so never
    // tell of it: the store's own revision is read once more.
    if (this.again || this.latest > this.revision) this.request();
    else if (this.db) {
      const built = this.revision;
      void readDirectoryRevision(this.db).then((now) => {
        if (now > built && this.revision === built && !this.building) this.request();
      });
    }
  }
}

export const searchService = new SearchService();

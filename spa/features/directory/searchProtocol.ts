// Messages between the page and the search index worker.
export type WorkerRequest =
  /** `rebuild`: ignore the cached index (the page could not load it: written by another version). */
  | { type: 'load'; rebuild?: boolean }
  /** Bring the cached index up to the directory's revision, without handing it to the page. */
  | { type: 'cache' };

export type WorkerReply =
  /** `final: false` — a cached index of an older revision; the fresh one follows. */
  | { type: 'index'; revision: number; buffer: ArrayBuffer; final: boolean }
  /** The cached index matches the directory revision it was built from. */
  | { type: 'cached'; revision: number }
  | { type: 'error'; message: string };

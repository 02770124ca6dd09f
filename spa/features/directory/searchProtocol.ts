// Messages between the page and the search index worker.
/** `rebuild`: ignore the cached index (the page could not load it: written by another version). */
export type WorkerRequest = { type: 'load'; rebuild?: boolean };

export type WorkerReply =
  /** `final: false` — a cached index of an older revision; the fresh one follows. */
  | { type: 'index'; revision: number; buffer: ArrayBuffer; final: boolean }
  | { type: 'error'; message: string };

// Messages between the page and the search index worker.
export type WorkerRequest = { type: 'load' };

export type WorkerReply =
  /** `final: false` — a cached index of an older revision; the fresh one follows. */
  | { type: 'index'; revision: number; buffer: ArrayBuffer; final: boolean }
  | { type: 'error'; message: string };

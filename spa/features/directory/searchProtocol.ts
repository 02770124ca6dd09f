// Messages between the page and the search index worker.
export type WorkerRequest = { type: 'load' };

export type WorkerReply =
  | { type: 'index'; revision: number; buffer: ArrayBuffer; cached: boolean }
  | { type: 'error'; message: string };

// Building the entities of a file's rows is most of an import plan's time (~60 µs a row: identifiers,
// phones, websites, categories). On a machine with spare cores the import worker hands the first
// part of the rows to helper workers and builds the last part itself; the answers come back in row
// order, exactly what buildDrafts would give on one thread.
import { buildDrafts, type Built } from '../../../shared/io/import/plan.ts';
import type { EntityDraft } from '../../../shared/model/entity.ts';
import type { Source } from '../../../shared/model/types.ts';
import type { KrsDraft } from '../../../shared/io/import/krs.ts';

type Draft = EntityDraft | KrsDraft;

export interface BuildRequest {
  id: number;
  drafts: Draft[];
  source: Source;
  now: string;
}

/** `json`: the built rows as JSON (see build.worker.ts). */
export type BuildReply = { id: number; json: string } | { id: number; error: string };

/** Files from this size on have enough rows (~4,000) for helpers to pay for their start and the copying. */
const HELPED_FILE_BYTES = 1_000_000;
/** Fewer rows are built here: a helper would save less than its messages cost. */
const MIN_SHARED_ROWS = 4000;
/** Helpers beyond a few only add copying: the rest of the plan runs on one thread anyway. */
const MAX_HELPERS = 3;

let helpers: Worker[] = [];
let nextId = 0;
const pending = new Map<number, { resolve: (built: Built[]) => void; reject: (err: Error) => void }>();

function receive(event: MessageEvent<BuildReply>): void {
  const reply = event.data;
  const waiting = pending.get(reply.id);
  if (!waiting) return;
  pending.delete(reply.id);
  if ('error' in reply) waiting.reject(new Error(reply.error));
  else waiting.resolve(JSON.parse(reply.json) as Built[]);
}

/**
 * Starts the helpers when a big file is picked, before it is parsed: a worker started from a worker
 * loads its script through the starting worker's thread, which is busy once the plan runs.
 */
export function prepareHelpers(fileBytes: number): void {
  if (helpers.length > 0 || fileBytes < HELPED_FILE_BYTES || typeof Worker === 'undefined') return;
  // One core stays with the import worker itself.
  const count = Math.min(MAX_HELPERS, (navigator.hardwareConcurrency || 1) - 1);
  helpers = Array.from({ length: Math.max(0, count) }, () => {
    const worker = new Worker(new URL('./build.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = receive;
    return worker;
  });
}

function buildIn(helper: Worker, drafts: Draft[], source: Source, now: string): Promise<Built[]> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    helper.postMessage({ id, drafts, source, now } satisfies BuildRequest);
  });
}

/** buildDrafts, with the work shared with the helpers (if prepareHelpers started any). */
export async function buildInParallel(drafts: Draft[], source: Source, now: string): Promise<Built[]> {
  if (helpers.length === 0 || drafts.length < MIN_SHARED_ROWS) return buildDrafts(drafts, source, now);
  const share = Math.ceil(drafts.length / (helpers.length + 1));
  const parts = helpers.map((helper, i) => buildIn(helper, drafts.slice(i * share, (i + 1) * share), source, now));
  const own = buildDrafts(drafts.slice(helpers.length * share), source, now);
  const built: Built[] = [];
  for (const part of await Promise.all(parts)) for (const b of part) built.push(b);
  for (const b of own) built.push(b);
  return built;
}

// Directory imports against the database: plan a parsed file with indexed lookups, then write the
// plan in chunks, one transaction each, and keep an import record. Plain functions (no UI, no
// worker plumbing), so the Import page's worker and the benchmark run the very same code.
//
// A directory import touches only `entities`, `settings` (the directory revision) and `imports`:
// the user's saved entities, lists, persons, notes, interactions and flags are never written.
// An entity the user created (origin 'user') is merged like any other and keeps its origin
// (mergeEntity keeps the stored record's origin, id and creation date).
import type { RadarDB } from '../database.ts';
import { planParsed, type ParsedImport } from '../../io/import/index.ts';
import type { Field } from '../../io/import/columns.ts';
import type { ImportCounts, ImportPlan, PlanOptions } from '../../io/import/plan.ts';
import type { Entity, ImportRecord, Source } from '../../model/types.ts';
import { newId, nowIso } from '../ids.ts';
import { findByKeys } from '../queries.ts';
import { withKeys } from './directory.ts';
import { bumpDirectoryRevision, readDirectoryRevision } from '../directoryLog.ts';

/** Entities per write transaction: 5–10k per transaction was the fastest shape measured (NOTES.md). */
export const IMPORT_CHUNK = 5000;

/** A plan made against the database, with what the writer needs to report a cancelled import. */
export interface DbPlan extends ImportPlan {
  /** Ids of stored entities the file matched: an entity of `toWrite` among them is merged, else new. */
  existingIds: ReadonlySet<string>;
  /** The directory revision the plan was made from: a different one now means the plan is stale. */
  revision: number;
}

/** Plan a parsed file against the database (the whole file at once: in-file duplicates are found). */
export async function planFromDb(
  db: RadarDB,
  parsed: ParsedImport,
  opts: { source: Source; now: string; mapping?: (Field | null)[]; buildMany?: PlanOptions['buildMany'] },
): Promise<DbPlan> {
  const revision = await readDirectoryRevision(db);
  const existingIds = new Set<string>();
  const plan = await planParsed(parsed, {
    ...opts,
    findExistingMany: async (keys) => {
      const found = await findByKeys(db, keys);
      for (const e of found) if (e) existingIds.add(e.id);
      return found;
    },
  });
  return { ...plan, existingIds, revision };
}

export interface ImportProgress {
  /** Entities committed so far, and how many the plan writes in all. */
  written: number;
  total: number;
}

export interface WritePlanOptions {
  fileName: string;
  format: ImportRecord['format'];
  /** Entities per transaction (default IMPORT_CHUNK). */
  chunkSize?: number;
  /** Checked between chunks: a chunk being written is finished, the rest is not written. */
  signal?: AbortSignal;
  /** Called after each committed chunk. */
  onProgress?: (p: ImportProgress) => void;
}

/**
 * Write a plan in chunks, one transaction each (entities + the directory revision), then keep an
 * import record. Cancelling keeps every committed chunk and records `cancelled: true` with the
 * counts actually committed; so does a failed chunk (the error is rethrown after the record is
 * kept). A completed import records the plan's counts (per row, as the preview showed them); a
 * cancelled one counts the entities written, new or merged by `existingIds` (every written entity
 * counts as new without it), with the plan's unchanged and rejected rows.
 */
export async function importPlan(
  db: RadarDB,
  plan: ImportPlan & { existingIds?: ReadonlySet<string> },
  opts: WritePlanOptions,
): Promise<ImportRecord> {
  const size = Math.max(1, opts.chunkSize ?? IMPORT_CHUNK);
  const total = plan.toWrite.length;
  // In id order, as the store keeps them: its sorted tables take keys in order more cheaply than in
  // the file's order (over 100k entities ~2 s less, within this machine's noise); nothing else
  // depends on the order, and a cancel still keeps whole chunks.
  const ordered = [...plan.toWrite].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const committed = { added: 0, merged: 0 };
  let failure: unknown;
  let written = 0;
  try {
    while (written < total && !opts.signal?.aborted) {
      const chunk = ordered.slice(written, written + size);
      // The planner worked out every entity's match keys already: stored as they are.
      const rows = chunk.map((e) => {
        const keys = plan.keysById?.get(e.id);
        return keys ? { ...e, keys } : withKeys(e);
      });
      // Every chunk but the last says more follows, so followers of the directory (the search
      // index) re-index once at the end instead of after every chunk.
      const continues = written + chunk.length < total;
      await db.transaction('rw', db.entities, db.settings, async () => {
        await db.entities.bulkPut(rows);
        await bumpDirectoryRevision(db, rows.map((e) => e.id), { continues });
      });
      for (const e of chunk) committed[plan.existingIds?.has(e.id) ? 'merged' : 'added']++;
      written += chunk.length;
      opts.onProgress?.({ written, total });
    }
  } catch (err) {
    failure = err;
  }
  const cancelled = written < total;
  // A write cut short still ends in the log: followers waiting for its last chunk are told now.
  if (cancelled && written > 0) {
    await db.transaction('rw', db.settings, () => bumpDirectoryRevision(db, [])).catch(() => undefined);
  }
  const counts: ImportCounts = cancelled
    ? { ...committed, unchanged: plan.counts.unchanged, rejected: plan.counts.rejected }
    : { ...plan.counts };
  const record: ImportRecord = {
    id: newId('import'),
    fileName: opts.fileName,
    format: opts.format,
    at: nowIso(),
    counts,
    rejected: plan.rejected.map((r) => ({ row: r.row, reason: r.reason, ...(r.detail ? { detail: r.detail } : {}), values: r.values })),
    ...(cancelled ? { cancelled: true } : {}),
  };
  await db.transaction('rw', db.imports, () => db.imports.put(record));
  if (failure !== undefined) throw failure;
  return record;
}

/** Past imports, newest first. */
export function listImports(db: RadarDB): Promise<ImportRecord[]> {
  return db.imports.orderBy('at').reverse().toArray();
}

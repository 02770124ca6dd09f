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
import type { ImportPlan, PlanOptions } from '../../io/import/plan.ts';
import type { ImportRecord, Source } from '../../model/types.ts';
import { newId, nowIso } from '../ids.ts';
import { findByKeys } from '../queries.ts';
import { withKeys } from './directory.ts';
import { bumpDirectoryRevision, readDirectoryRevision } from '../directoryLog.ts';
import { MAX_KEPT_REJECTED } from '../../io/import/limits.ts';

/**
 * Entities per write transaction: in Chromium one transaction per 5–10k records beat both 1k chunks
 * and one giant transaction.
 */
export const IMPORT_CHUNK = 5000;

/** A plan made against the database, with what the writer needs to report a cancelled import. */
export interface DbPlan extends ImportPlan {
  /** Ids of stored entities the file matched: an entity of `toWrite` among them is merged, else new. */
  existingIds: ReadonlySet<string>;
  /** The directory revision the plan was made from: a different one now means the plan is stale. */
  revision: number;
  /** `updatedAt` of each stored entity the plan read: what a chunk checks before it overwrites one. */
  baseVersions: ReadonlyMap<string, string>;
  /** The timestamp the plan stamps on what it writes. */
  now: string;
}

/** Plan a parsed file against the database (the whole file at once: in-file duplicates are found). */
export async function planFromDb(
  db: RadarDB,
  parsed: ParsedImport,
  opts: { source: Source; now: string; mapping?: (Field | null)[]; buildMany?: PlanOptions['buildMany'] },
): Promise<DbPlan> {
  const revision = await readDirectoryRevision(db);
  const existingIds = new Set<string>();
  const baseVersions = new Map<string, string>();
  const plan = await planParsed(parsed, {
    ...opts,
    findExistingMany: async (keys) => {
      const found = await findByKeys(db, keys);
      for (const e of found) {
        if (!e) continue;
        existingIds.add(e.id);
        baseVersions.set(e.id, e.updatedAt);
      }
      return found;
    },
  });
  return { ...plan, existingIds, revision, baseVersions, now: opts.now };
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
  /** Called after each committed chunk; the next chunk waits for the promise it may return. */
  onProgress?: (p: ImportProgress) => unknown;
  /** Names this writer in the record (see ImportRecord.progress); a random one by default. */
  session?: string;
  /** The plan's `now` (stamped on every entity it writes), kept to recognise them when undoing. */
  writtenAt?: string;
  /** An interrupted import this one finishes: marked `resolved: 'finished'` when this one completes. */
  finishes?: string;
}

/** Rejected rows as the record keeps them: the first MAX_KEPT_REJECTED, the rest counted. */
function keptRejected(plan: ImportPlan): Pick<ImportRecord, 'rejected' | 'rejectedNotKept'> {
  const kept = plan.rejected.slice(0, MAX_KEPT_REJECTED).map((r) => ({ row: r.row, reason: r.reason, ...(r.detail ? { detail: r.detail } : {}), values: r.values }));
  const notKept = plan.counts.rejected - kept.length;
  return notKept > 0 ? { rejected: kept, rejectedNotKept: notKept } : { rejected: kept };
}

/**
 * Write a plan in chunks, one transaction each (entities, the directory revision and the import
 * record together), so the record always says how far the import got: it is kept before the
 * first chunk and updated inside each chunk's transaction, and a browser killed mid-import leaves
 * whole chunks and a record that says so (ImportRecord.progress). Cancelling keeps every committed
 * chunk and records `cancelled: true` with the counts actually committed; so does a failed chunk
 * (the error is rethrown after the record is kept).
 *
 * An entity stored or edited by someone else while the import runs (the user saving their own
 * entity in another tab, the register check) is not overwritten with the plan's stale merge: each
 * chunk compares the directory revision with the one it left, and when another writer moved it,
 * checks the chunk's entities against the versions the plan read (`baseVersions`) and leaves the
 * changed ones as they are (`keptEdited`). Without that check the next chunk overwrote an edit.
 */
export async function importPlan(
  db: RadarDB,
  plan: ImportPlan & { existingIds?: ReadonlySet<string>; revision?: number; baseVersions?: ReadonlyMap<string, string> },
  opts: WritePlanOptions,
): Promise<ImportRecord> {
  const size = Math.max(1, opts.chunkSize ?? IMPORT_CHUNK);
  const total = plan.toWrite.length;
  // In id order, as the store keeps them: its sorted tables take keys in order more cheaply than in
  // the file's order (over 100k entities ~2 s less, within this machine's noise); nothing else
  // depends on the order, and a cancel still keeps whole chunks.
  const ordered = [...plan.toWrite].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const committed = { added: 0, merged: 0 };
  const addedIds: string[] = [];
  let keptEdited = 0;
  const record: ImportRecord = {
    id: newId('import'),
    fileName: opts.fileName,
    format: opts.format,
    at: nowIso(),
    counts: { added: 0, merged: 0, unchanged: plan.counts.unchanged, rejected: plan.counts.rejected },
    ...keptRejected(plan),
    progress: { written: 0, total, session: opts.session ?? newId('session') },
    addedIds,
    ...(opts.writtenAt ? { writtenAt: opts.writtenAt } : {}),
  };
  await db.transaction('rw', db.imports, () => db.imports.put(record));
  let failure: unknown;
  let written = 0;
  let revision = plan.revision;
  try {
    while (written < total && !opts.signal?.aborted) {
      const chunk = ordered.slice(written, written + size);
      // The planner worked out every entity's match keys already: stored as they are.
      let rows = chunk.map((e) => {
        const keys = plan.keysById?.get(e.id);
        return keys ? { ...e, keys } : withKeys(e);
      });
      // Every chunk but the last says more follows, so followers of the directory (the search
      // index) re-index once at the end instead of after every chunk.
      const continues = written + chunk.length < total;
      await db.transaction('rw', db.entities, db.settings, db.imports, async () => {
        let kept = 0;
        if (revision !== undefined && plan.baseVersions && (await readDirectoryRevision(db)) !== revision) {
          const now = await db.entities.bulkGet(rows.map((e) => e.id));
          const before = rows.length;
          rows = rows.filter((e, i) => {
            const base = plan.baseVersions!.get(e.id);
            const current = now[i];
            return base === undefined ? current === undefined : current?.updatedAt === base;
          });
          kept = before - rows.length;
        }
        if (rows.length) await db.entities.bulkPut(rows);
        revision = await bumpDirectoryRevision(db, rows.map((e) => e.id), { continues });
        const writtenIds = new Set(rows.map((e) => e.id));
        for (const e of chunk) {
          if (!writtenIds.has(e.id)) continue;
          if (plan.existingIds?.has(e.id)) committed.merged++;
          else {
            committed.added++;
            addedIds.push(e.id);
          }
        }
        keptEdited += kept;
        record.progress = { ...record.progress!, written: written + chunk.length };
        record.counts = { ...record.counts, added: committed.added, merged: committed.merged };
        if (keptEdited) record.keptEdited = keptEdited;
        await db.imports.put(record);
      });
      written += chunk.length;
      await opts.onProgress?.({ written, total });
    }
  } catch (err) {
    failure = err;
  }
  const cancelled = written < total;
  // A write cut short still ends in the log: followers waiting for its last chunk are told now.
  if (cancelled && written > 0) {
    await db.transaction('rw', db.settings, () => bumpDirectoryRevision(db, [])).catch(() => undefined);
  }
  // Per row, as the preview showed them, when everything went in as planned; else what was written.
  record.counts =
    cancelled || keptEdited
      ? { ...committed, unchanged: plan.counts.unchanged + keptEdited, rejected: plan.counts.rejected }
      : { ...plan.counts };
  delete record.progress;
  if (cancelled) record.cancelled = true;
  await db.transaction('rw', db.imports, async () => {
    await db.imports.put(record);
    if (!cancelled && opts.finishes) {
      const old = await db.imports.get(opts.finishes);
      if (old?.progress) {
        const { progress: _interrupted, ...rest } = old;
        await db.imports.put({ ...rest, resolved: 'finished' });
      }
    }
  });
  if (failure !== undefined) throw failure;
  return record;
}

/**
 * Imports that stopped mid-way: their record still has `progress` and no writer holds it (a
 * browser killed during the import). `isRunning` tells whether a session is still writing.
 */
export async function interruptedImports(db: RadarDB, isRunning: (session: string) => boolean | Promise<boolean>): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for (const r of await db.imports.toArray()) if (r.progress && !(await isRunning(r.progress.session))) out.push(r);
  return out;
}

/**
 * Undoes an interrupted import: deletes the entities it created, except those changed since (by
 * the user or the register check: their `updatedAt` is no longer the import's) or that the user
 * saved, put on a list, or gave persons, notes or contacts meanwhile. Entities it merged into keep
 * the data it added (their earlier versions were not kept). Returns how many were deleted and kept.
 */
export async function undoInterruptedImport(db: RadarDB, recordId: string): Promise<{ deleted: number; kept: number }> {
  return db.transaction('rw', [db.entities, db.settings, db.imports, db.saved, db.listMembers, db.persons, db.notes, db.interactions], async () => {
    const record = await db.imports.get(recordId);
    if (!record?.progress) return { deleted: 0, kept: 0 };
    const ids = record.addedIds ?? [];
    const stored = await db.entities.bulkGet(ids);
    const used = new Set<string>();
    for (const s of await db.saved.bulkGet(ids)) if (s) used.add(s.entityId);
    for (const m of await db.listMembers.where('entityId').anyOf(ids).toArray()) used.add(m.entityId);
    for (const p of await db.persons.where('entityId').anyOf(ids).toArray()) used.add(p.entityId);
    for (const n of await db.notes.where('entityId').anyOf(ids).toArray()) used.add(n.entityId);
    for (const i of await db.interactions.where('entityId').anyOf(ids).toArray()) used.add(i.entityId);
    const doomed = ids.filter((id, i) => {
      const e = stored[i];
      return e !== undefined && !used.has(id) && (record.writtenAt === undefined || e.updatedAt === record.writtenAt);
    });
    await db.entities.bulkDelete(doomed);
    if (doomed.length) await bumpDirectoryRevision(db, doomed);
    const { progress: _interrupted, ...rest } = record;
    await db.imports.put({ ...rest, resolved: 'undone', counts: { ...record.counts, added: record.counts.added - doomed.length } });
    return { deleted: doomed.length, kept: ids.length - doomed.length };
  });
}

/** Past imports, newest first. */
export function listImports(db: RadarDB): Promise<ImportRecord[]> {
  return db.imports.orderBy('at').reverse().toArray();
}

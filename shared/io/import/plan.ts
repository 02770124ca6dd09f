// The import planner: what importing these rows would do, worked out before anything is written.
// Pure and database-agnostic: the caller passes a lookup of existing entities by match key, and
// gets back the entities to write and a count of new, merged, unchanged and rejected rows.
import { buildEntity, type EntityDraft } from '../../model/entity.ts';
import { canMerge, matchKeys, mergeEntity, sameData } from '../../model/merge.ts';
import type { Entity, Source } from '../../model/types.ts';
import type { KrsDraft } from './krs.ts';
import { MAX_KEPT_REJECTED } from './limits.ts';
import type { RejectedRow } from './rejected.ts';

export interface ImportCounts {
  added: number;
  merged: number;
  unchanged: number;
  rejected: number;
}

export interface ImportPlan {
  /** New and changed entities, one final version each, in file order of first appearance. */
  toWrite: Entity[];
  counts: ImportCounts;
  rejected: RejectedRow[];
  /** The match keys of each entity of toWrite, by id: worked out while planning, so the writer stores them as they are. */
  keysById?: ReadonlyMap<string, string[]>;
  /** The id of the entity each row ended up in (stored or new; undefined for a rejected row), in row order. */
  rowIds?: (string | undefined)[];
}

type Found = Entity | undefined;

export interface PlanOptions {
  source: Source;
  /** ISO timestamp stamped on new and changed entities. */
  now: string;
  /**
   * Spreadsheet row number of each draft (header = 1). Defaults to index + 2, which is right only
   * for a file without blank rows: pass ParsedImport.rowNumbers (planParsed does).
   */
  rowNumbers?: number[];
  /** The file's headers and rows aligned with the drafts, so rejected rows keep their original cells. */
  original?: { headers: string[]; rows: string[][] };
  /**
   * Builds every draft (buildDrafts' answer, in draft order). Building is most of a plan's time, so
   * a caller with spare cores passes one that builds parts of the file in parallel; default: buildDrafts.
   */
  buildMany?: (drafts: (EntityDraft | KrsDraft)[], source: Source, now: string) => Built[] | Promise<Built[]>;
}

export type Lookup =
  /** One lookup per row (simple; fine for small files and tests). */
  | { findExisting: (keys: string[]) => Promise<Found> | Found }
  /** One lookup for all rows: keys[i] are row i's match keys; answer[i] its existing entity. */
  | { findExistingMany: (keys: string[][]) => Promise<Found[]> | Found[] };

/** A built row; `keys` are the entity's match keys when the builder worked them out already. */
export type Built = { ok: true; entity: Entity; keys?: string[] } | { ok: false; reason: string; detail?: string };

/** buildEntity, plus the register facts a KRS extract carries beyond the spreadsheet fields. */
export function buildFromDraft(draft: EntityDraft | KrsDraft, source: Source, now: string): Built {
  const { opp, registerStatus, asOf, ...fields } = draft as KrsDraft;
  const built = buildEntity(fields, source, now);
  if (!built.ok) return built;
  const entity = built.entity;
  if (opp !== undefined) entity.opp = opp;
  if (registerStatus !== undefined) entity.registerStatus = registerStatus;
  if (asOf !== undefined) entity.verifiedAt = asOf;
  for (const f of ['opp', 'registerStatus'] as const) {
    if (entity[f] !== undefined) entity.fieldSources = { ...entity.fieldSources, [f]: source.url };
  }
  return { ok: true, entity };
}

/** buildFromDraft over many drafts, with each entity's match keys (the planner needs them all). */
export function buildDrafts(drafts: (EntityDraft | KrsDraft)[], source: Source, now: string): Built[] {
  return drafts.map((draft) => {
    const built = buildFromDraft(draft, source, now);
    return built.ok ? { ...built, keys: matchKeys(built.entity) } : built;
  });
}

function draftValues(draft: EntityDraft): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(draft)) if (typeof v === 'string') values[k] = v;
  return values;
}

/**
 * Plan already-built entities (a data pack's, or drafts through buildFromDraft). Rows are merged
 * one after another: first into a row planned earlier in the same file (a second row with the
 * same KRS merges into the first instead of creating a twin), else into the stored entity.
 *
 * Each row's outcome is then judged on its entity as a whole against the database: a stored
 * entity whose final version equals what is stored is unchanged — for every row that touched it,
 * even when two rows of the file disagree and overwrote each other on the way — so re-importing
 * the same file reports every row unchanged and writes nothing.
 */
export async function planBuilt(
  built: Built[],
  opts: Omit<PlanOptions, 'source'> & Lookup & { valuesOf?: (i: number) => Record<string, string> },
): Promise<ImportPlan> {
  const counts: ImportCounts = { added: 0, merged: 0, unchanged: 0, rejected: 0 };
  const rejected: RejectedRow[] = [];
  const rowOf = (i: number): number => opts.rowNumbers?.[i] ?? i + 2;
  const valuesOf = (i: number): Record<string, string> => {
    if (opts.original) {
      const cells = opts.original.rows[i] ?? [];
      return Object.fromEntries(opts.original.headers.map((h, j) => [h, cells[j] ?? '']));
    }
    return opts.valuesOf?.(i) ?? {};
  };

  const keys = built.map((b) => (b.ok ? (b.keys ?? matchKeys(b.entity)) : []));
  const prefetched = 'findExistingMany' in opts ? await opts.findExistingMany(keys) : undefined;

  const stored = new Map<string, Entity | undefined>(); // id → the database's version (undefined: new)
  const current = new Map<string, Entity>(); // id → latest version within this plan
  const idByKey = new Map<string, string>(); // match key → id, for rows later in the file
  const groupOf: (string | undefined)[] = []; // row → id of the entity it ended up in
  const keysById = new Map<string, string[]>(); // id → match keys of its latest version
  const remember = (entity: Entity, entityKeys = matchKeys(entity)): void => {
    current.set(entity.id, entity);
    keysById.set(entity.id, entityKeys);
    for (const k of entityKeys) if (!idByKey.has(k)) idByKey.set(k, entity.id);
  };

  for (let i = 0; i < built.length; i++) {
    const b = built[i];
    if (!b.ok) {
      counts.rejected++;
      // Counted always, kept up to a cap: a pack of millions of empty entities kept every one.
      if (rejected.length < MAX_KEPT_REJECTED) rejected.push({ row: rowOf(i), reason: b.reason, ...(b.detail ? { detail: b.detail } : {}), values: valuesOf(i) });
      continue;
    }
    // A match by name and town is only a match when no identifier contradicts it (canMerge).
    let base: Entity | undefined;
    for (const k of keys[i]) {
      const id = idByKey.get(k);
      if (id !== undefined && canMerge(current.get(id)!, b.entity)) {
        base = current.get(id);
        break;
      }
    }
    if (!base) {
      const found = prefetched ? prefetched[i] : 'findExisting' in opts ? await opts.findExisting(keys[i]) : undefined;
      if (found && canMerge(found, b.entity)) {
        // The database answers with the stored version; an earlier row may already have changed it.
        if (!stored.has(found.id)) stored.set(found.id, found);
        base = current.get(found.id) ?? found;
      }
    }
    if (!base) {
      stored.set(b.entity.id, undefined);
      remember(b.entity, keys[i]);
      groupOf[i] = b.entity.id;
      continue;
    }
    remember(mergeEntity(base, b.entity, opts.now).entity);
    groupOf[i] = base.id;
  }

  const outcome = new Map<string, 'added' | 'merged' | 'unchanged'>();
  const toWrite: Entity[] = [];
  for (const [id, before] of stored) {
    const after = current.get(id)!;
    const state = before === undefined ? 'added' : sameData({ ...after, updatedAt: 0 }, { ...before, updatedAt: 0 }) ? 'unchanged' : 'merged';
    outcome.set(id, state);
    if (state !== 'unchanged') toWrite.push(after);
    else keysById.delete(id);
  }
  const seen = new Set<string>();
  for (const id of groupOf) {
    if (id === undefined) continue;
    const state = outcome.get(id)!;
    // Of the rows that make up a new entity, the first adds it and the others merge into it.
    counts[state === 'added' && seen.has(id) ? 'merged' : state]++;
    seen.add(id);
  }
  return { toWrite, counts, rejected, keysById, rowIds: groupOf };
}

/** Plan drafts from a spreadsheet or KRS extracts: build each entity, match, merge, classify. */
export async function planImport(drafts: (EntityDraft | KrsDraft)[], opts: PlanOptions & Lookup): Promise<ImportPlan> {
  const built = await (opts.buildMany ?? buildDrafts)(drafts, opts.source, opts.now);
  return planBuilt(built, { ...opts, valuesOf: (i) => draftValues(drafts[i]) });
}

// The directory revision and its change log: the one way the rest of the product learns that the
// directory changed. Every write command that touches `entities` calls `bumpDirectoryRevision`
// inside its own transaction, with the ids it wrote or deleted; every context that keeps something
// derived from the directory (the badges of open tabs, the search index and its cache) follows the
// log with `followDirectory`. A new write command is then seen by all of them without its author
// knowing who reacts, and nobody has to be told by hand.
//
// Both live in the `settings` table (keys `directoryRevision` and `directoryChanges`), so a write
// command's transaction needs `settings` in its scope. Dexie broadcasts every committed write to the
// other contexts of the same origin (popup, app pages, workers, the background), so a live query on
// these two keys wakes every follower.
import { liveQuery } from 'dexie';
import type { RadarDB } from './database.ts';

const REVISION_KEY = 'directoryRevision';
const CHANGES_KEY = 'directoryChanges';

/**
 * Which entities one directory revision wrote or deleted: `ids` in the log itself for a few,
 * `stored` (how many) when they are kept in their own settings row (changeIdsKey) — an import
 * chunk, a feed update — and neither when it was a bulk change of unknown extent.
 */
export interface DirectoryChange {
  revision: number;
  ids?: string[];
  /** The change's ids (this many) are in the settings row `changeIdsKey(revision)`. */
  stored?: number;
  /**
   * More revisions of the same write follow (a chunked import): followers wait for its last one
   * instead of re-indexing a growing directory after every chunk.
   */
  continues?: true;
}

/** Changes remembered: enough for a page asleep through a day of saving and editing. */
const KEPT_CHANGES = 100;
/**
 * More changed entities than this are not written into the log row itself (every follower reads
 * that row after every write): a 5,000-entity import chunk does not bloat it. Followers are told of
 * such a change as a bulk one.
 */
export const MAX_CHANGED_IDS = 1000;
/**
 * Up to this many ids of one change are kept in a row of their own, for the search index's cache:
 * re-indexing a feed update's or an import chunk's entities into a 100k index is quicker than
 * reading and indexing all 100k. More than this, and nobody would patch over it anyway.
 */
export const MAX_STORED_IDS = 50_000;

/** The settings row that holds the ids of a change with `stored` ids. */
export function changeIdsKey(revision: number): string {
  return `${CHANGES_KEY}:${revision}`;
}

export async function readDirectoryRevision(db: RadarDB): Promise<number> {
  const row = await db.settings.get(REVISION_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

export async function readDirectoryChanges(db: RadarDB): Promise<DirectoryChange[]> {
  const row = await db.settings.get(CHANGES_KEY);
  return Array.isArray(row?.value) ? (row.value as DirectoryChange[]) : [];
}

/**
 * Call inside the write's transaction (which must include `settings`) whenever the directory
 * changes, with the ids of the entities written or deleted when they are known: caches of the
 * directory then patch those entities instead of rebuilding from every entity. No ids means a bulk
 * change (everything may have changed). `continues` marks a revision after which the same write
 * goes on in another transaction; its last revision must not carry it.
 */
export async function bumpDirectoryRevision(
  db: RadarDB,
  changedIds?: Iterable<string>,
  opts: { continues?: boolean } = {},
): Promise<number> {
  const next = (await readDirectoryRevision(db)) + 1;
  await db.settings.put({ key: REVISION_KEY, value: next });
  const ids = changedIds === undefined ? undefined : [...new Set(changedIds)];
  let change: DirectoryChange = { revision: next };
  if (ids && ids.length <= MAX_CHANGED_IDS) change = { revision: next, ids };
  else if (ids && ids.length <= MAX_STORED_IDS) {
    change = { revision: next, stored: ids.length };
    await db.settings.put({ key: changeIdsKey(next), value: ids });
  }
  if (opts.continues) change.continues = true;
  const log = await readDirectoryChanges(db);
  const kept = log.slice(-(KEPT_CHANGES - 1));
  // The rows of changes that fall out of the log go with them.
  const dropped = log.slice(0, log.length - kept.length).filter((c) => c.stored !== undefined);
  if (dropped.length) await db.settings.bulkDelete(dropped.map((c) => changeIdsKey(c.revision)));
  await db.settings.put({ key: CHANGES_KEY, value: [...kept, change] });
  return next;
}

/**
 * Like changedBetween, also over changes whose ids are in rows of their own (read here, inside the
 * caller's transaction when it has one with `settings`): the ids changed after `from` up to `to`,
 * or undefined when a change in between is unknown or more than `max` ids changed.
 */
export async function changedIdsBetween(db: RadarDB, log: DirectoryChange[], from: number, to: number, max: number): Promise<string[] | undefined> {
  if (to < from) return undefined;
  const byRevision = new Map(log.map((c) => [c.revision, c]));
  let total = 0;
  for (let r = from + 1; r <= to; r++) {
    const change = byRevision.get(r);
    if (!change || (!change.ids && change.stored === undefined)) return undefined;
    total += change.ids?.length ?? change.stored ?? 0;
    if (total > max) return undefined;
  }
  const ids = new Set<string>();
  for (let r = from + 1; r <= to; r++) {
    const change = byRevision.get(r)!;
    const list = change.ids ?? (await db.settings.get(changeIdsKey(r)))?.value;
    if (!Array.isArray(list)) return undefined;
    for (const id of list as string[]) ids.add(id);
  }
  return [...ids];
}

/**
 * The ids of the entities changed after revision `from` up to `to`; undefined when one of those
 * revisions is not in the log or was a bulk change (a cache must then be rebuilt).
 */
export function changedBetween(log: DirectoryChange[], from: number, to: number): string[] | undefined {
  if (to < from) return undefined;
  const byRevision = new Map(log.map((c) => [c.revision, c]));
  const ids = new Set<string>();
  for (let r = from + 1; r <= to; r++) {
    const change = byRevision.get(r);
    if (!change?.ids) return undefined;
    for (const id of change.ids) ids.add(id);
  }
  return ids.size <= MAX_CHANGED_IDS ? [...ids] : undefined;
}

/** What a follower is told: the directory moved from one revision to another, and what changed. */
export interface DirectoryUpdate {
  from: number;
  to: number;
  /** The entities written or deleted in between, or 'bulk' when that is not known (rebuild). */
  changed: string[] | 'bulk';
}

export interface FollowOptions {
  /** Quiet time before a follower is told, so a burst of writes is told once (default 150 ms). */
  delayMs?: number;
  /**
   * How long a write marked `continues` may stay silent before followers are told anyway (the tab
   * importing was closed mid-way). A 5,000-entity import chunk commits in well under a second at
   * 100k entities; 20 s leaves room for a slow machine.
   */
  unfinishedMs?: number;
}

export const FOLLOW_DELAY_MS = 150;
const UNFINISHED_MS = 20_000;

/**
 * Follows the directory from now on: `onChange` is called after each settled change, with the ids
 * changed since the follower was last told (or 'bulk'). The first read only sets the starting point.
 * Returns the function that stops following.
 */
export function followDirectory(
  db: RadarDB,
  onChange: (update: DirectoryUpdate) => void,
  opts: FollowOptions = {},
): () => void {
  const delay = opts.delayMs ?? FOLLOW_DELAY_MS;
  const unfinished = opts.unfinishedMs ?? UNFINISHED_MS;
  let told: number | undefined;
  let latest: { revision: number; log: DirectoryChange[] } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const tell = () => {
    timer = undefined;
    if (!latest || told === undefined || latest.revision === told) return;
    const from = told;
    const to = latest.revision;
    told = to;
    onChange({ from, to, changed: changedBetween(latest.log, from, to) ?? 'bulk' });
  };

  const subscription = liveQuery(() => db.transaction('r', db.settings, async () => ({
    revision: await readDirectoryRevision(db),
    log: await readDirectoryChanges(db),
  }))).subscribe({
    next: (state) => {
      latest = state;
      if (told === undefined) {
        told = state.revision;
        return;
      }
      if (state.revision === told) return;
      clearTimeout(timer);
      const last = state.log.at(-1);
      timer = setTimeout(tell, last?.revision === state.revision && last.continues ? unfinished : delay);
    },
    error: (err: unknown) => console.warn('Radar ES: the directory log could not be followed', err),
  });
  return () => {
    clearTimeout(timer);
    subscription.unsubscribe();
  };
}

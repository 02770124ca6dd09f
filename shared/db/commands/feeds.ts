// Directory feeds in the database: writing a verified update, the "no longer listed" marks, and
// unsubscribing. Callers hand over packs that were downloaded and checked already (signature,
// hashes, sizes: shared/db/feedSync.ts); nothing here touches the network.
//
// Every value a feed gives is merged through the importer's planner (planBuilt → mergeEntity), with
// the feed as its source: the same rules as a file import, so a value the user gave or corrected
// is treated exactly as an import would treat it, and identifiers once known stay.
import type { RadarDB } from '../database.ts';
import type { CheckedPack } from '../../io/feeds/packCheck.ts';
import type { FeedIndex } from '../../io/feeds/format.ts';
import { planBuilt, type Built, type ImportCounts } from '../../io/import/plan.ts';
import { checkPackEntity } from '../../io/import/pack.ts';
import { packEntityHash } from '../../io/feeds/entityHash.ts';
import { holdsAllValues } from '../../model/merge.ts';
import type { Entity, FeedEntry, FeedSubscription, Flag, Source } from '../../model/types.ts';
import { nowIso } from '../ids.ts';
import { withKeys } from './directory.ts';
import { IMPORT_CHUNK } from './import.ts';
import { bumpDirectoryRevision } from '../directoryLog.ts';
import { findByKeys } from '../queries.ts';
import { deleteAttached, entityTables, USER_WORK_TABLES } from '../entityTables.ts';

export const FEED_SOURCE_PREFIX = 'feed:';
export { DEFAULT_FEED_ID } from './bundledFeed.ts';

export function feedSourceUrl(feedId: string): string {
  return `${FEED_SOURCE_PREFIX}${feedId}`;
}

/** A subscription's id from its index URL: the same URL subscribed twice is one feed. */
export async function feedIdFor(url: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(url)));
  return 'feed_' + [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const SCALARS = ['name', 'legalForm', 'krs', 'nip', 'regon', 'offer', 'socialEnterpriseStatus', 'opp', 'registerStatus'] as const;
const LISTS = ['domains', 'websites', 'emails', 'phones', 'categories', 'pkd', 'awards', 'certificates'] as const;

/**
 * A pack entity as the feed gives it: the feed is the source of every value (fieldSources), dated
 * by the index; the pages and registers the publisher cites stay as references; the publisher's own file
 * names (`file:…`, meaningless on the subscriber's machine) are left out.
 */
export function asFeedEntity(e: Entity, source: Source): Entity {
  const fieldSources: Record<string, string> = {};
  for (const f of SCALARS) if (e[f] !== undefined) fieldSources[f] = source.url;
  for (const [k, v] of Object.entries(e.address ?? {})) if (v !== undefined) fieldSources[`address.${k}`] = source.url;
  for (const f of LISTS) if (e[f]?.length) fieldSources[f] = source.url;
  const cited = e.sources.filter((s) => !s.url.startsWith('file:') && !s.url.startsWith(FEED_SOURCE_PREFIX));
  const out: Entity = { ...e, sources: [source, ...cited], fieldSources, createdAt: source.seenAt, updatedAt: source.seenAt };
  delete out.delisted;
  delete out.verifiedAt;
  return out;
}

export interface FeedProgress {
  phase: 'download' | 'write';
  done: number;
  total: number;
}

export interface FeedApplyResult extends ImportCounts {
  /** Entities the feed stopped listing in this update. */
  dropped: number;
  /** Entities it lists now. */
  count: number;
}

/** Ids (among `ids`) the user has data on: saved, on a list, persons, notes, interactions, flags. */
export async function withUserData(db: RadarDB, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (ids.length === 0) return out;
  for (const t of entityTables(db, USER_WORK_TABLES)) {
    const rows = (await t.where('entityId').anyOf(ids).toArray()) as { entityId?: string }[];
    for (const r of rows) if (r.entityId) out.add(r.entityId);
  }
  return out;
}

/**
 * Writes a verified feed update. Only what changed goes through the importer: every entity of a
 * downloaded pack is fingerprinted (packEntityHash) and one whose fingerprint is the one this
 * feed's listing holds for it — an entity the publisher did not change, stored as this feed last
 * left it (same `updatedAt`) and holding every value the feed gives — is skipped: merging it again
 * would change nothing. The others (changed, added, or an entity another source or the user has
 * changed since) are validated, merged in chunks, one transaction each, like an import. Then in
 * one transaction: which entities the feed lists (with their fingerprints), the "no longer listed"
 * marks, and the subscription itself. A failure before that last transaction leaves the
 * subscription as it was, so the next update downloads the same packs again; merging them twice
 * changes nothing.
 */
export async function applyFeedUpdate(
  db: RadarDB,
  input: {
    feed: FeedSubscription;
    index: FeedIndex;
    etag?: string;
    /** SHA-256 of the index text (verified), when the caller has the text. */
    indexSha256?: string;
    packs: CheckedPack[];
    /** Regions held before that the index no longer lists. */
    gone: string[];
    onProgress?: (p: FeedProgress) => void;
  },
): Promise<FeedApplyResult> {
  const { feed, index } = input;
  const source: Source = { url: feedSourceUrl(feed.id), seenAt: index.createdAt, label: index.publisher };
  const touchedRegions = new Set([...input.packs.map((p) => p.ref.region), ...input.gone]);
  // Only the listings of the regions whose pack changed (or went) can change.
  const before = touchedRegions.size ? await db.feedEntries.where('[feedId+region]').anyOf([...touchedRegions].map((r) => [feed.id, r])).toArray() : [];
  const held = new Map<string, FeedEntry>(); // fingerprint → the listing that holds it
  for (const e of before) if (e.hash) held.set(e.hash, e);

  // Fingerprints first: an entity held unchanged, and stored as this feed left it, is skipped.
  const rows = input.packs.flatMap((p) => p.raw.map((raw) => ({ pack: p, raw, hash: packEntityHash(raw, index.publisher) })));
  const candidates = rows.map((r) => held.get(r.hash));
  const candidateIds = [...new Set(candidates.flatMap((c) => (c ? [c.entityId] : [])))];
  const storedAt = new Map<string, string>();
  (await db.entities.bulkGet(candidateIds)).forEach((e) => {
    if (e) storedAt.set(e.id, e.updatedAt);
  });
  const listed = new Map<string, FeedEntry>(); // entity id → its listing after this update
  const planned: typeof rows = [];
  rows.forEach((r, i) => {
    const c = candidates[i];
    if (c?.at !== undefined && storedAt.get(c.entityId) === c.at) {
      const { droppedAt: _listedAgain, ...entry } = c;
      listed.set(c.entityId, { ...entry, region: r.pack.ref.region });
    } else planned.push(r);
  });
  const skipped = rows.length - planned.length;

  const built: Built[] = planned.map((r) => {
    const checked = checkPackEntity(r.raw, r.pack.createdAt);
    return checked.ok ? { ok: true as const, entity: asFeedEntity(checked.entity, source) } : checked;
  });
  const found = new Map<string, Entity>(); // stored entities the plan read
  const plan = await planBuilt(built, {
    now: nowIso(),
    findExistingMany: async (keys) => {
      const answer = await findByKeys(db, keys);
      for (const e of answer) if (e) found.set(e.id, e);
      return answer;
    },
  });
  const written = new Map(plan.toWrite.map((e) => [e.id, e]));
  const plannedIds = new Set<string>();
  plan.rowIds?.forEach((id, i) => {
    if (id === undefined) return;
    plannedIds.add(id);
    const b = built[i] as Extract<Built, { ok: true }>;
    const after = written.get(id) ?? found.get(id);
    const entry: FeedEntry = { feedId: feed.id, entityId: id, region: planned[i].pack.ref.region };
    // The fingerprint is kept only when the entity now holds every value the feed gave: else the
    // next update merges it again, as the rules of the merge may then take a value the feed gives.
    const earlier = listed.get(id); // another row of this update in the same entity
    if (after && holdsAllValues(after, b.entity)) Object.assign(entry, { hash: planned[i].hash, at: after.updatedAt });
    else if (after && earlier?.hash && earlier.at === after.updatedAt) Object.assign(entry, { hash: earlier.hash, at: earlier.at });
    listed.set(id, entry);
  });

  const total = plan.toWrite.length;
  for (let at = 0; at < total; at += IMPORT_CHUNK) {
    const rows = plan.toWrite.slice(at, at + IMPORT_CHUNK).map((e) => {
      const keys = plan.keysById?.get(e.id);
      const row = keys ? { ...e, keys } : withKeys(e);
      delete row.delisted; // listed again
      return row;
    });
    await db.transaction('rw', db.entities, db.settings, async () => {
      await db.entities.bulkPut(rows);
      await bumpDirectoryRevision(db, rows.map((e) => e.id));
    });
    input.onProgress?.({ phase: 'write', done: Math.min(total, at + IMPORT_CHUNK), total });
  }

  return db.transaction('rw', [db.entities, db.settings, db.feeds, db.feedEntries], async () => {
    const beforeById = new Map(before.map((e) => [e.entityId, e]));
    const dropped: FeedEntry[] = [];
    let activeBefore = 0;
    for (const e of before) {
      if (!e.droppedAt) activeBefore++;
      if (listed.has(e.entityId) || e.droppedAt) continue;
      dropped.push({ ...e, droppedAt: index.createdAt });
    }
    // Listings written only where they changed: an entity skipped as unchanged keeps its row.
    const entries = [...listed.values()].filter((e) => !sameEntry(e, beforeById.get(e.entityId)));
    await db.feedEntries.bulkPut([...entries, ...dropped]);

    // Marks: an entity listed again loses its mark (those written above lost it already); one no
    // feed lists any more gets one.
    const changed: Entity[] = [];
    // Only those merged but not written, or skipped while marked, can still carry a mark.
    const relistIds = [...listed.keys()].filter((id) => !written.has(id) && (plannedIds.has(id) || beforeById.get(id)?.droppedAt !== undefined));
    const relisted = await db.entities.bulkGet(relistIds);
    for (const e of relisted) if (e?.delisted) changed.push({ ...e, delisted: undefined });
    const droppedIds = dropped.map((d) => d.entityId);
    const stillListed = new Set(
      (await db.feedEntries.where('entityId').anyOf(droppedIds).toArray()).filter((x) => !x.droppedAt).map((x) => x.entityId),
    );
    const gone = await db.entities.bulkGet(droppedIds.filter((id) => !stillListed.has(id)));
    for (const e of gone) if (e && !e.delisted) changed.push({ ...e, delisted: { by: index.publisher, since: index.createdAt } });
    for (const e of changed) if (e.delisted === undefined) delete e.delisted;
    if (changed.length) {
      await db.entities.bulkPut(changed);
      await bumpDirectoryRevision(db, changed.map((e) => e.id));
    }

    const packs = { ...feed.packs };
    for (const r of input.gone) delete packs[r];
    for (const p of input.packs) packs[p.ref.region] = p.ref.sha256;
    // The regions untouched keep their listings: their count carries over.
    const count = feed.count - activeBefore + listed.size;
    const at = nowIso();
    const record: FeedSubscription = {
      ...feed,
      publisher: index.publisher,
      contact: index.contact,
      licence: index.licence,
      feedDate: index.createdAt,
      packs,
      count,
      lastCheckAt: at,
      lastSuccessAt: at,
    };
    if (input.etag) record.etag = input.etag;
    else delete record.etag;
    if (input.indexSha256) record.indexSha256 = input.indexSha256;
    else delete record.indexSha256;
    delete record.lastError;
    await db.feeds.put(record);
    return { ...plan.counts, unchanged: plan.counts.unchanged + skipped, dropped: dropped.length, count };
  });
}

function sameEntry(a: FeedEntry, b: FeedEntry | undefined): boolean {
  return !!b && a.region === b.region && a.hash === b.hash && a.at === b.at && a.droppedAt === b.droppedAt;
}

/** Notes a check that changed nothing (304, or an index whose packs are all held). */
export async function recordFeedChecked(db: RadarDB, feedId: string, etag?: string, indexSha256?: string): Promise<void> {
  await db.transaction('rw', db.feeds, async () => {
    const feed = await db.feeds.get(feedId);
    if (!feed) return;
    const at = nowIso();
    const record: FeedSubscription = { ...feed, lastCheckAt: at, lastSuccessAt: at };
    if (etag) record.etag = etag;
    if (indexSha256) record.indexSha256 = indexSha256;
    delete record.lastError;
    await db.feeds.put(record);
  });
}

/** Notes a failed check; the data held stays as it was. */
export async function recordFeedError(
  db: RadarDB,
  feedId: string,
  error: { code: string; detail?: Record<string, string | number> },
  pendingKey?: FeedSubscription['pendingKey'],
): Promise<void> {
  await db.transaction('rw', db.feeds, async () => {
    const feed = await db.feeds.get(feedId);
    if (!feed) return;
    const at = nowIso();
    await db.feeds.put({ ...feed, lastCheckAt: at, lastError: { ...error, at }, ...(pendingKey ? { pendingKey } : {}) });
  });
}

/** The user accepts the key the feed now names: it becomes the trusted one. */
export async function acceptFeedKey(db: RadarDB, feedId: string): Promise<void> {
  await db.transaction('rw', db.feeds, async () => {
    const feed = await db.feeds.get(feedId);
    if (!feed?.pendingKey) return;
    const { pendingKey, ...rest } = feed;
    await db.feeds.put({ ...rest, publicKey: pendingKey.publicKey, fingerprint: pendingKey.fingerprint, etag: undefined, indexSha256: undefined });
  });
}

/**
 * Entities that came only from feeds (with the pages they cite): no file import (`file:`), no value
 * of the user's (`user:`), not the user's own entity or candidate. Nothing else would keep them.
 */
function onlyFromFeeds(e: Entity): boolean {
  return e.origin !== 'user' && !e.candidate && !e.sources.some((s) => s.url.startsWith('file:') || s.url.startsWith('user:'));
}

/**
 * Unsubscribing: the feed and its listings go; its entities go too unless the user has data on
 * them, another feed lists them, or they came from elsewhere as well (an import, the user).
 */
export async function unsubscribeFeed(db: RadarDB, feedId: string): Promise<{ removed: number; kept: number }> {
  const tables = [db.entities, db.settings, db.feeds, ...entityTables(db)];
  return db.transaction('rw', tables, async () => {
    const feed = await db.feeds.get(feedId);
    const entries = await db.feedEntries.where('feedId').equals(feedId).toArray();
    await db.feedEntries.where('feedId').equals(feedId).delete();
    await db.feeds.delete(feedId);
    const ids = entries.map((e) => e.entityId);
    const otherFeeds = new Set((await db.feedEntries.where('entityId').anyOf(ids).toArray()).map((e) => e.entityId));
    const userData = await withUserData(db, ids);
    const remove: string[] = [];
    const update: Entity[] = [];
    for (const e of await db.entities.bulkGet(ids)) {
      if (!e) continue;
      if (!otherFeeds.has(e.id) && !userData.has(e.id) && onlyFromFeeds(e)) remove.push(e.id);
      else if (e.delisted && feed && e.delisted.by === feed.publisher) {
        const { delisted: _d, ...rest } = e;
        update.push(rest);
      }
    }
    await db.entities.bulkDelete(remove);
    await deleteAttached(db, remove);
    if (update.length) await db.entities.bulkPut(update);
    if (remove.length || update.length) await bumpDirectoryRevision(db, [...remove, ...update.map((e) => e.id)]);
    return { removed: remove.length, kept: ids.length - remove.length };
  });
}

/** The feeds that list an entity (or listed it, with the date they stopped), for the entity page. */
export async function feedsOfEntity(db: RadarDB, entityId: string): Promise<{ feed: FeedSubscription; entry: FeedEntry }[]> {
  const entries = await db.feedEntries.where('entityId').equals(entityId).toArray();
  const feeds = await db.feeds.bulkGet(entries.map((e) => e.feedId));
  return entries.flatMap((entry, i) => (feeds[i] ? [{ feed: feeds[i]!, entry }] : []));
}


/**
 * What can be reported to a feed's publisher: open flags on the entities it lists, and open
 * candidates (entities the user found while browsing) in its regions.
 */
export async function correctionsFor(db: RadarDB, feedId: string): Promise<{ entity: Entity; flag: Flag }[]> {
  const feed = await db.feeds.get(feedId);
  if (!feed) return [];
  const listed = new Set((await db.feedEntries.where('feedId').equals(feedId).toArray()).map((e) => e.entityId));
  const regions = feed.regions ? new Set(feed.regions) : undefined;
  const flags = await db.flags.filter((f) => f.status === 'open' && !!f.entityId).toArray();
  const entities = await db.entities.bulkGet(flags.map((f) => f.entityId!));
  const out: { entity: Entity; flag: Flag }[] = [];
  flags.forEach((flag, i) => {
    const entity = entities[i];
    if (!entity) return;
    const inRegion = !regions || regions.has(entity.address.voivodeship ?? '');
    if (flag.kind === 'candidate' ? entity.candidate && inRegion : listed.has(entity.id)) out.push({ entity, flag });
  });
  return out;
}

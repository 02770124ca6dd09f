// In-browser halves of the "directory feeds" case: subscribing to a feed, updating it, a 304 check,
// and the CSV import of the same entities, each into a database of its own (never the product's).
import Dexie from 'dexie';
import { RadarDB } from '../../shared/db/database.ts';
import { importPlan, planFromDb } from '../../shared/db/commands/import.ts';
import { previewFeed, subscribeFeed, updateFeed } from '../../shared/db/feedSync.ts';
import { recordFeedChecked } from '../../shared/db/commands/feeds.ts';
import { fetchIndex } from '../../shared/io/feeds/fetchFeed.ts';
import { diffPacks } from '../../shared/io/feeds/diff.ts';
import { parseIndex } from '../../shared/io/feeds/format.ts';
import { sha256Hex } from '../../shared/io/feeds/signature.ts';
import { parseImportFile } from '../../shared/io/import/index.ts';

const FEED_DB = 'radar-bench-feeds';
const CSV_DB = 'radar-bench-feed-csv';
let db: RadarDB | undefined;
let feedId = '';

/** As the standalone app reads a feed of another origin (spa/features/feeds/feedService.svelte.ts). */
const STANDALONE = { probeCors: true, browserRevalidates: true };

export interface FeedSample {
  ms: number;
  /** Bytes of the responses read (index and packs, or the CSV file). */
  bytes: number;
  written: number;
  status: string;
}

async function fresh(name: string): Promise<RadarDB> {
  await Dexie.delete(name);
  const d = new RadarDB(name);
  await d.open();
  return d;
}

/** Download + verify + write of every pack, into an empty database. */
export async function feedSubscribe(url: string): Promise<FeedSample> {
  db?.close();
  db = await fresh(FEED_DB);
  const t = performance.now();
  const preview = await previewFeed(db, url, STANDALONE);
  const r = await subscribeFeed(db, preview, { deps: STANDALONE });
  const ms = performance.now() - t;
  feedId = preview.id;
  const indexBytes = new TextEncoder().encode(JSON.stringify(preview.index)).length;
  return { ms, bytes: indexBytes + (r.status === 'updated' ? r.bytes : 0), written: await db.entities.count(), status: r.status };
}

/** One update check of the subscribed feed (a 304, or the changed packs). */
export async function feedUpdate(): Promise<FeedSample> {
  if (!db) throw new Error('subscribe first');
  const t = performance.now();
  const r = await updateFeed(db, feedId, { deps: STANDALONE });
  const ms = performance.now() - t;
  return { ms, bytes: r.status === 'updated' ? r.bytes : 0, written: r.status === 'updated' ? r.added + r.merged : 0, status: r.status };
}

/** The baseline of an update: the whole feed downloaded and merged again (as if no pack were held). */
export async function feedFullReimport(): Promise<FeedSample> {
  if (!db) throw new Error('subscribe first');
  await db.feeds.update(feedId, { packs: {}, etag: undefined, feedDate: undefined });
  // Nor any entity's fingerprint: every entity of every pack goes through the merge again.
  await db.feedEntries.where('feedId').equals(feedId).modify((e) => {
    delete e.hash;
    delete e.at;
  });
  return feedUpdate();
}

/**
 * Where a check's time goes, step by step as updateFeed takes them: reading the subscription, the
 * request (the browser revalidates its copy: a 304 on the wire), telling the index unchanged (its
 * hash, then the packs held), recording the check.
 */
export async function feedCheckParts(): Promise<{ read: number; request: number; decide: number; record: number }> {
  if (!db) throw new Error('subscribe first');
  let t = performance.now();
  const feed = (await db.feeds.get(feedId))!;
  const read = performance.now() - t;
  t = performance.now();
  const res = await fetchIndex(feed.url, feed.etag, STANDALONE);
  const request = performance.now() - t;
  t = performance.now();
  const same = res.notModified || (await sha256Hex(new TextEncoder().encode(res.text))) === feed.indexSha256;
  if (!res.notModified) {
    const diff = diffPacks(new Map(Object.entries(feed.packs)), parseIndex(res.text));
    if (diff.fetch.length || diff.gone.length) throw new Error('the index changed');
  }
  const decide = performance.now() - t;
  if (!same) throw new Error('the index changed');
  t = performance.now();
  await recordFeedChecked(db, feedId);
  return { read, request, decide, record: performance.now() - t };
}

/** The same entities from one CSV file: read, parsed, planned and written by the importer's code. */
export async function csvImport(url: string): Promise<FeedSample> {
  const target = await fresh(CSV_DB);
  try {
    const t = performance.now();
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const parsed = await parseImportFile('feed.csv', bytes);
    const now = new Date().toISOString();
    const plan = await planFromDb(target, parsed, { source: { url: 'file:feed.csv', seenAt: now.slice(0, 10) }, now });
    await importPlan(target, plan, { fileName: 'feed.csv', format: 'csv' });
    const ms = performance.now() - t;
    return { ms, bytes: bytes.length, written: await target.entities.count(), status: 'imported' };
  } finally {
    target.close();
    await Dexie.delete(CSV_DB);
  }
}

export async function feedCleanup(): Promise<void> {
  db?.close();
  db = undefined;
  await Dexie.delete(FEED_DB);
}

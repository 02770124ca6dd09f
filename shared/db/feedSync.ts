// One feed check from start to end: the index (If-None-Match), its signature and key, the diff of
// packs, every changed pack downloaded and checked — and only then written (commands/feeds.ts).
// Any failure leaves the data held as it was and is recorded on the subscription with its reason.
import type { RadarDB } from './database.ts';
import { diffPacks } from '../io/feeds/diff.ts';
import { FeedError, isFeedError } from '../io/feeds/errors.ts';
import { fetchIndex, fetchPackBytes, type FetchDeps } from '../io/feeds/fetchFeed.ts';
import { indexCount, parseIndex, type FeedIndex } from '../io/feeds/format.ts';
import { checkPack, type CheckedPack } from '../io/feeds/packCheck.ts';
import { keyFingerprint, sha256Hex, verifyIndex } from '../io/feeds/signature.ts';
import type { FeedSubscription } from '../model/types.ts';
import { applyFeedUpdate, feedIdFor, recordFeedChecked, recordFeedError, type FeedApplyResult, type FeedProgress } from './commands/feeds.ts';
import { nowIso } from './ids.ts';

export interface FeedPreview {
  id: string;
  url: string;
  index: FeedIndex;
  fingerprint: string;
  etag?: string;
  /** SHA-256 of the index text: the same text at the next check is not verified again. */
  indexSha256: string;
  count: number;
  /** Set when the user subscribed to this URL already. */
  subscribed: boolean;
}

/** A verified index as text → what the preview shows (nothing written). */
export async function previewFromText(db: RadarDB, url: string, text: string, etag?: string): Promise<FeedPreview> {
  const index = parseIndex(text);
  await verifyIndex(index);
  const id = await feedIdFor(url);
  const indexSha256 = await sha256Hex(new TextEncoder().encode(text));
  return { id, url, index, etag, indexSha256, fingerprint: await keyFingerprint(index.key.publicKey), count: indexCount(index), subscribed: !!(await db.feeds.get(id)) };
}

export async function previewFeed(db: RadarDB, url: string, deps: FetchDeps = {}): Promise<FeedPreview> {
  const res = await fetchIndex(url, undefined, deps);
  if (res.notModified) throw new FeedError('http', { status: 304 });
  return previewFromText(db, url, res.text, res.etag);
}

async function downloadPacks(url: string, refs: FeedIndex['packs'], deps: FetchDeps, onProgress?: (p: FeedProgress) => void): Promise<CheckedPack[]> {
  const total = refs.reduce((n, r) => n + r.bytes, 0);
  let done = 0;
  const out: CheckedPack[] = [];
  // One at a time: a feed host is often a small web server, and 17 packs take no longer in series.
  for (const ref of refs) {
    out.push(await checkPack(ref, await fetchPackBytes(url, ref, deps)));
    done += ref.bytes;
    onProgress?.({ phase: 'download', done, total });
  }
  return out;
}

export type SyncResult = { status: 'not_modified' } | ({ status: 'updated'; downloaded: number; bytes: number } & FeedApplyResult);

async function syncWithIndex(
  db: RadarDB,
  feed: FeedSubscription,
  index: FeedIndex,
  etag: string | undefined,
  deps: FetchDeps,
  onProgress?: (p: FeedProgress) => void,
  indexSha256?: string,
): Promise<SyncResult> {
  // The very text verified before with the trusted key (a host that answers 200 to every check:
  // one without If-None-Match in its CORS rule) verifies the same way again: the check is skipped.
  if (indexSha256 === undefined || indexSha256 !== feed.indexSha256) {
    await verifyIndex(index);
    if (index.key.publicKey !== feed.publicKey) {
      throw new FeedError('key_changed', { fingerprint: await keyFingerprint(index.key.publicKey), publicKey: index.key.publicKey });
    }
  }
  const diff = diffPacks(new Map(Object.entries(feed.packs)), index, feed.regions ? new Set(feed.regions) : undefined);
  if (diff.fetch.length === 0 && diff.gone.length === 0 && feed.feedDate === index.createdAt) {
    await recordFeedChecked(db, feed.id, etag, indexSha256);
    return { status: 'not_modified' };
  }
  const packs = await downloadPacks(feed.url, diff.fetch, deps, onProgress);
  const result = await applyFeedUpdate(db, { feed, index, etag, indexSha256, packs, gone: diff.gone, onProgress });
  return { status: 'updated', downloaded: packs.length, bytes: diff.fetch.reduce((n, p) => n + p.bytes, 0), ...result };
}

/** Subscribe after the preview: the regions chosen, the key the user saw. */
export async function subscribeFeed(
  db: RadarDB,
  preview: FeedPreview,
  opts: { regions?: string[]; deps?: FetchDeps; onProgress?: (p: FeedProgress) => void },
): Promise<SyncResult> {
  const feed: FeedSubscription = {
    id: preview.id,
    url: preview.url,
    publisher: preview.index.publisher,
    contact: preview.index.contact,
    licence: preview.index.licence,
    publicKey: preview.index.key.publicKey,
    fingerprint: preview.fingerprint,
    ...(opts.regions ? { regions: opts.regions } : {}),
    packs: {},
    count: 0,
    subscribedAt: nowIso(),
  };
  // Verified again (the preview may be old); its hash is kept, so the next check of the same text is not.
  return syncWithIndex(db, feed, preview.index, preview.etag, opts.deps ?? {}, opts.onProgress, preview.indexSha256);
}

/** Checks one subscription for an update; failures are recorded on it and rethrown. */
export async function updateFeed(
  db: RadarDB,
  feedId: string,
  opts: { deps?: FetchDeps; onProgress?: (p: FeedProgress) => void } = {},
): Promise<SyncResult> {
  const feed = await db.feeds.get(feedId);
  if (!feed) throw new Error(`No feed ${feedId}`);
  const deps = opts.deps ?? {};
  try {
    const res = await fetchIndex(feed.url, feed.etag, deps);
    if (res.notModified) {
      await recordFeedChecked(db, feed.id);
      return { status: 'not_modified' };
    }
    const sha = await sha256Hex(new TextEncoder().encode(res.text));
    return await syncWithIndex(db, feed, parseIndex(res.text), res.etag, deps, opts.onProgress, sha);
  } catch (e) {
    const err = isFeedError(e) ? e : new FeedError('network', { message: e instanceof Error ? e.message : String(e) });
    const { publicKey, ...detail } = err.detail;
    const pending = err.code === 'key_changed' && typeof publicKey === 'string' ? { publicKey, fingerprint: String(detail.fingerprint) } : undefined;
    await recordFeedError(db, feed.id, { code: err.code, detail }, pending);
    throw err;
  }
}

/** Feeds due for a check: never checked, or last checked a day (by default) ago or more. */
export async function dueFeeds(db: RadarDB, now = Date.now(), everyMs = 24 * 60 * 60 * 1000): Promise<FeedSubscription[]> {
  return (await db.feeds.toArray()).filter((f) => !f.lastCheckAt || now - Date.parse(f.lastCheckAt) >= everyMs);
}

/** When a feed is checked next, for the settings page. */
export function nextCheckAt(feed: FeedSubscription, everyMs = 24 * 60 * 60 * 1000): string | undefined {
  return feed.lastCheckAt ? new Date(Date.parse(feed.lastCheckAt) + everyMs).toISOString() : undefined;
}

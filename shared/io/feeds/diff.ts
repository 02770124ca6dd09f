// What an update must download: the packs of the chosen regions whose hash differs from the one
// held. A pack whose hash is unchanged holds the same bytes, so it is never fetched again.
import type { FeedIndex, FeedPackRef } from './format.ts';

export interface PackDiff {
  /** Packs to download: new regions, or a changed hash. */
  fetch: FeedPackRef[];
  /** Packs held already with the same hash. */
  keep: FeedPackRef[];
  /** Regions held before that the index no longer lists, or that the user no longer takes. */
  gone: string[];
}

/** held: region → sha256 of the pack held; regions: the regions the user takes (undefined: all). */
export function diffPacks(held: ReadonlyMap<string, string>, index: Pick<FeedIndex, 'packs'>, regions?: ReadonlySet<string>): PackDiff {
  const wanted = index.packs.filter((p) => !regions || regions.has(p.region));
  const fetch = wanted.filter((p) => held.get(p.region) !== p.sha256);
  const keep = wanted.filter((p) => held.get(p.region) === p.sha256);
  const listed = new Set(wanted.map((p) => p.region));
  const gone = [...held.keys()].filter((r) => !listed.has(r));
  return { fetch, keep, gone };
}

// The sample feed committed in shared/data/feed/ is what the app trusts and ships: signed by the
// sample key, and built from the CSV as it is now. When this fails after the CSV changed, a
// maintainer rebuilds it with the private key: `npm run feed:sample -- --key …`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDefaultPack, readSampleFeed } from '../../../scripts/defaultPack.ts';
import { buildFeed } from '../../../shared/io/feeds/build.ts';
import { readInputs } from '../../../shared/io/feeds/inputs.ts';
import { SAMPLE_FEED } from '../../../shared/io/feeds/sampleFeed.ts';
import { generateFeedKey, keyFingerprint } from '../../../shared/io/feeds/signature.ts';
import { readBundledPack } from '../../../shared/io/fetchPack.ts';

const CSV = new Uint8Array(readFileSync(new URL('../../../shared/data/pes-directory-sample.csv', import.meta.url)));

describe('the sample feed in the repository', () => {
  it('is signed by the key the app trusts, and its packs hold what the CSV gives today', async () => {
    const { index } = await readSampleFeed(); // verifies signature, key and files
    expect(await keyFingerprint(index.key.publicKey)).toBe(SAMPLE_FEED.fingerprint);
    expect(index).toMatchObject({ publisher: SAMPLE_FEED.publisher, contact: SAMPLE_FEED.contact, createdAt: `${SAMPLE_FEED.date}T00:00:00.000Z` });
    // A build with any key gives the same packs (content and bytes): only the index's signature differs.
    const inputs = await readInputs([{ name: 'pes-directory-sample.csv', bytes: CSV }], index.createdAt);
    const fresh = await buildFeed(inputs.entities, { ...SAMPLE_FEED, createdAt: index.createdAt }, await generateFeedKey());
    const stale = fresh.index.packs.filter((p, i) => p.sha256 !== index.packs[i]?.sha256).map((p) => p.region || '(none)');
    expect(stale, 'shared/data/feed is out of date: run `npm run feed:sample -- --key <sample feed key>`').toEqual([]);
    expect(fresh.index.packs.length).toBe(index.packs.length);
  });

  it('is what the default directory ships: 405 entities with the feed as their source, and the signed index', async () => {
    const snapshot = readBundledPack(await buildDefaultPack());
    expect(snapshot.entities).toHaveLength(405);
    expect(snapshot.feed?.signature).toBe((await readSampleFeed()).index.signature);
    for (const e of snapshot.entities) {
      expect(e.sources[0]).toMatchObject({ url: 'feed:default', label: SAMPLE_FEED.publisher });
      expect(e.sources.some((s) => s.url.startsWith('file:'))).toBe(false);
    }
  });
});

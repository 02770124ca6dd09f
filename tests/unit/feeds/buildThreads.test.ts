// The feed builder builds rows on several threads (scripts/feedBuildThreads.ts): the feed must be
// byte for byte the one built on one thread, whatever the number of threads.
import { describe, expect, it } from 'vitest';
import { buildFeed } from '../../../shared/io/feeds/build.ts';
import { readInputs } from '../../../shared/io/feeds/inputs.ts';
import { generateFeedKey } from '../../../shared/io/feeds/signature.ts';
import { threadedBuildMany } from '../../../scripts/feedBuildThreads.ts';
import { generateEntitiesCsv } from '../../../bench/synthetic.ts';

const META = { publisher: 'Bench — SYNTHETIC feed', contact: 'bench@example.org', licence: 'synthetic test data', createdAt: '2026-12-01T00:00:00.000Z' };

describe('building a feed on several threads', () => {
  it('gives the same files as one thread', { timeout: 60_000 }, async () => {
    const csv = new TextEncoder().encode(generateEntitiesCsv(900, 7));
    const key = await generateFeedKey();
    const build = async (buildMany?: ReturnType<typeof threadedBuildMany>) => {
      const inputs = await readInputs([{ name: 'synthetic.csv', bytes: csv }], META.createdAt, buildMany ? { buildMany } : {});
      return { inputs, feed: await buildFeed(inputs.entities, META, key) };
    };
    const one = await build();
    const three = await build(threadedBuildMany(3, 200));
    expect(one.inputs.entities.length).toBeGreaterThan(800);
    expect(three.inputs.rows).toBe(one.inputs.rows);
    expect(three.inputs.rejected).toEqual(one.inputs.rejected);
    expect([...three.feed.files.keys()]).toEqual([...one.feed.files.keys()]);
    for (const [path, bytes] of one.feed.files) expect(Buffer.compare(three.feed.files.get(path)!, bytes), path).toBe(0);
  });
});

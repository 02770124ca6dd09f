// The default directory is the snapshot of the project's own feed (shared/data/feed/, built from
// shared/data/pes-directory-sample.csv by scripts/sampleFeed.ts): the build verifies the committed
// feed — its signature by the key the app trusts (SAMPLE_FEED), every pack's size and hash, every
// entity through the pack reader — and writes one data pack of its entities, with the feed's
// signed index in its header, so the first start records the subscription and later updates of
// the feed reach the user. Used by the build (vite.config.ts) and runnable alone:
// `npx tsx scripts/defaultPack.ts out.json`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asFeedEntity } from '../shared/db/commands/feeds.ts';
import { DEFAULT_DIRECTORY_SOURCE } from '../shared/io/fetchPack.ts';
import { INDEX_FILE } from '../shared/io/feeds/build.ts';
import { parseIndex, type FeedIndex } from '../shared/io/feeds/format.ts';
import { checkPack, packEntities } from '../shared/io/feeds/packCheck.ts';
import { SAMPLE_FEED, SAMPLE_FEED_DIR } from '../shared/io/feeds/sampleFeed.ts';
import { verifyIndex } from '../shared/io/feeds/signature.ts';
import { writePack } from '../shared/io/import/pack.ts';

export const DEFAULT_CSV = fileURLToPath(new URL('../shared/data/pes-directory-sample.csv', import.meta.url));
export const FEED_DIR = fileURLToPath(new URL(`../${SAMPLE_FEED_DIR}/`, import.meta.url));

/** The committed sample feed, verified: its index and the bytes of every pack, by path. */
export async function readSampleFeed(): Promise<{ index: FeedIndex; files: Map<string, Uint8Array> }> {
  const text = readFileSync(`${FEED_DIR}${INDEX_FILE}`, 'utf8');
  const index = parseIndex(text);
  if (index.key.publicKey !== SAMPLE_FEED.publicKey) throw new Error(`${SAMPLE_FEED_DIR} is signed by another key than the one the app trusts`);
  await verifyIndex(index);
  const files = new Map<string, Uint8Array>([[INDEX_FILE, new TextEncoder().encode(text)]]);
  for (const p of index.packs) files.set(p.file, new Uint8Array(readFileSync(`${FEED_DIR}${p.file}`)));
  return { index, files };
}

export async function buildDefaultPack(): Promise<string> {
  const { index, files } = await readSampleFeed();
  const source = { url: DEFAULT_DIRECTORY_SOURCE, seenAt: index.createdAt, label: index.publisher };
  const entities = [];
  for (const ref of index.packs) {
    const pack = packEntities(await checkPack(ref, files.get(ref.file)!));
    if (pack.rejected > 0) throw new Error(`${ref.file}: ${pack.rejected} entities the pack reader refuses`);
    entities.push(...pack.entities.map((e) => asFeedEntity(e, source)));
  }
  return writePack(index.publisher, entities, index.createdAt, { name: index.publisher, licence: index.licence }, { feed: index });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(process.argv[2] ?? 'default-directory.json', await buildDefaultPack());
}

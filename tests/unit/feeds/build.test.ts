import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFeed, INDEX_FILE, regionSlug } from '../../../shared/io/feeds/build.ts';
import { diffPacks } from '../../../shared/io/feeds/diff.ts';
import { FeedError } from '../../../shared/io/feeds/errors.ts';
import { FEED_VERSION, parseIndex, type FeedIndex } from '../../../shared/io/feeds/format.ts';
import { readInputs } from '../../../shared/io/feeds/inputs.ts';
import { checkPack, packEntities } from '../../../shared/io/feeds/packCheck.ts';
import { generateFeedKey, keyFingerprint, sha256Hex, signIndex, verifyIndex, type FeedKeyFile } from '../../../shared/io/feeds/signature.ts';

const SAMPLE = new Uint8Array(readFileSync(new URL('../../../shared/data/pes-directory-sample.csv', import.meta.url)));
const DATE = '2026-12-03T00:00:00.000Z';
const META = { publisher: 'ROPS Testowo', contact: 'pes@rops.example.org', licence: 'CC BY 4.0', createdAt: DATE };
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

async function feedOf(files: { name: string; bytes: Uint8Array }[], key: FeedKeyFile, meta = META) {
  const inputs = await readInputs(files, meta.createdAt);
  return { inputs, feed: await buildFeed(inputs.entities, meta, key) };
}

const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof FeedError ? e.code : `other: ${String(e)}`;
  }
};

let key: FeedKeyFile;
beforeAll(async () => {
  key = await generateFeedKey();
});

describe('building a feed from the sample directory', () => {
  it('splits it into one pack per voivodeship and one without, counts adding up, every row kept', async () => {
    const { inputs, feed } = await feedOf([{ name: 'sample.csv', bytes: SAMPLE }], key);
    expect(inputs.rejected).toEqual([]);
    expect(inputs.entities).toHaveLength(405);
    expect(feed.index.packs).toHaveLength(17);
    expect(feed.index.packs.reduce((n, p) => n + p.count, 0)).toBe(405);
    expect(feed.index.packs.at(-1)!.region).toBe('');
    expect(feed.index.packs.find((p) => p.region === '')!.count).toBe(100);
    for (const p of feed.index.packs) {
      const bytes = feed.files.get(p.file)!;
      expect(p.bytes).toBe(bytes.length);
      expect(p.sha256).toBe(await sha256Hex(bytes));
      expect(p.file).toBe(`packs/${regionSlug(p.region)}-${p.sha256.slice(0, 16)}.json`);
      const checked = packEntities(await checkPack(p, bytes));
      expect(checked.entities.every((e) => (e.address.voivodeship ?? '') === p.region)).toBe(true);
    }
  });

  it('gives byte-identical files for the same inputs, and a change in one region changes only its pack and the index', async () => {
    const a = await feedOf([{ name: 'sample.csv', bytes: SAMPLE }], key);
    const b = await feedOf([{ name: 'sample.csv', bytes: SAMPLE }], key);
    expect([...b.feed.files.keys()]).toEqual([...a.feed.files.keys()]);
    for (const [path, bytes] of a.feed.files) expect(dec(b.feed.files.get(path)!), path).toBe(dec(bytes));

    // One entity of Opole voivodeship gets a new offer.
    const text = dec(SAMPLE);
    const lines = text.split('\r\n');
    const i = lines.findIndex((l) => l.includes(',opolskie,'));
    expect(i).toBeGreaterThan(0);
    const changed = [...lines];
    changed[i] = changed[i].replace(/^([^,]+),/, '$1 (zmiana),');
    const c = await feedOf([{ name: 'sample.csv', bytes: enc(changed.join('\r\n')) }], key);
    const differ = c.feed.index.packs.filter((p, j) => p.sha256 !== a.feed.index.packs[j].sha256).map((p) => p.region);
    expect(differ).toEqual(['opolskie']);
    expect(dec(c.feed.files.get(INDEX_FILE)!)).not.toBe(dec(a.feed.files.get(INDEX_FILE)!));
    expect(diffPacks(new Map(a.feed.index.packs.map((p) => [p.region, p.sha256])), c.feed.index).fetch.map((p) => p.region)).toEqual(['opolskie']);
  });

  it('merges several files by identifiers and reports the rows it rejects with their reasons', async () => {
    const one = enc('nazwa,nip,województwo,telefon\nSpółdzielnia Socjalna Alfa,5261040828,małopolskie,12 345 67 89\nZła,5261040827,śląskie,\n');
    const two = enc('nazwa,nip,województwo,email\nAlfa Spółdzielnia Socjalna,526-104-08-28,małopolskie,alfa@example.org\n');
    const { inputs, feed } = await feedOf([{ name: 'a.csv', bytes: one }, { name: 'b.csv', bytes: two }], key);
    expect(inputs.entities).toHaveLength(1);
    expect(inputs.entities[0]).toMatchObject({ nip: '5261040828', phones: ['+48123456789'], emails: ['alfa@example.org'] });
    expect(inputs.rejected).toHaveLength(1);
    expect(inputs.rejected[0]).toMatchObject({ file: 'a.csv', rows: [{ row: 3, reason: 'nip_invalid' }] });
    expect(feed.index.packs.map((p) => [p.region, p.count])).toEqual([['małopolskie', 1]]);
  });
});

describe('signing and verifying', () => {
  let index: FeedIndex;
  beforeAll(async () => {
    index = (await feedOf([{ name: 'sample.csv', bytes: SAMPLE }], key)).feed.index;
  });

  it('verifies an index as written, whatever its key order or spacing', async () => {
    const text = JSON.stringify(index, null, 2);
    await expect(verifyIndex(parseIndex(text))).resolves.toBeUndefined();
    const reordered = Object.fromEntries(Object.entries(index).reverse());
    await expect(verifyIndex(parseIndex(JSON.stringify(reordered)))).resolves.toBeUndefined();
  });

  it('refuses an index changed after signing, or signed by another key', async () => {
    expect(await code(verifyIndex({ ...index, publisher: 'Ktoś inny' }))).toBe('signature');
    expect(await code(verifyIndex({ ...index, packs: index.packs.map((p, i) => (i === 0 ? { ...p, count: p.count + 1 } : p)) }))).toBe('signature');
    const other = await generateFeedKey();
    const forged = await signIndex({ ...index, key: { alg: 'Ed25519', publicKey: other.publicKey } }, other);
    // Signed correctly by its own key: verifies, and its fingerprint is what tells the user it is not the publisher's.
    await verifyIndex(forged);
    expect(await keyFingerprint(other.publicKey)).not.toBe(await keyFingerprint(key.publicKey));
    expect(await code(verifyIndex({ ...forged, key: index.key }))).toBe('signature');
    expect(await keyFingerprint(key.publicKey)).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
  });

  it('refuses an index of a newer format version, and pack paths that leave the feed', () => {
    expect(() => parseIndex(JSON.stringify({ ...index, version: FEED_VERSION + 1 }))).toThrow(expect.objectContaining({ code: 'index_version' }));
    for (const file of ['https://evil.example/x.json', '../x.json', '/etc/x.json', 'packs//x.json', 'packs/x.js'])
      expect(() => parseIndex(JSON.stringify({ ...index, packs: [{ ...index.packs[0], file }] })), file).toThrow(expect.objectContaining({ code: 'index_invalid' }));
    expect(() => parseIndex('not json')).toThrow(expect.objectContaining({ code: 'index_invalid' }));
  });
});

describe('checking a downloaded pack', () => {
  it('refuses a truncated, padded or altered pack, and a pack whose count disagrees', async () => {
    const { feed } = await feedOf([{ name: 'sample.csv', bytes: SAMPLE }], key);
    const ref = feed.index.packs[0];
    const bytes = feed.files.get(ref.file)!;
    expect(await code(checkPack(ref, bytes.slice(0, bytes.length - 10)))).toBe('truncated');
    expect(await code(checkPack(ref, new Uint8Array([...bytes, 32, 32])))).toBe('oversize');
    const altered = bytes.slice();
    altered[200] = altered[200] === 65 ? 66 : 65;
    expect(await code(checkPack(ref, altered))).toBe('hash');
    expect(await code(checkPack({ ...ref, count: ref.count + 1 }, bytes))).toBe('pack_invalid');
    expect((await checkPack(ref, bytes)).raw).toHaveLength(ref.count);
    expect(packEntities(await checkPack(ref, bytes))).toMatchObject({ rejected: 0, entities: { length: ref.count } });
  });
});

describe('the pack diff', () => {
  it('fetches new and changed regions only, and names the regions no longer taken', () => {
    const ref = (region: string, sha: string) => ({ region, sha256: sha.repeat(64), count: 1, bytes: 1, file: `packs/${region}.json` });
    const index = { packs: [ref('opolskie', 'a'), ref('śląskie', 'b'), ref('', 'c')] };
    const held = new Map([['opolskie', 'a'.repeat(64)], ['śląskie', 'x'.repeat(64)], ['lubuskie', 'd'.repeat(64)]]);
    const d = diffPacks(held, index);
    expect(d.fetch.map((p) => p.region)).toEqual(['śląskie', '']);
    expect(d.keep.map((p) => p.region)).toEqual(['opolskie']);
    expect(d.gone).toEqual(['lubuskie']);
    const only = diffPacks(held, index, new Set(['opolskie']));
    expect(only).toMatchObject({ fetch: [], gone: ['śląskie', 'lubuskie'] });
  });
});

// Building a feed from entities the importer has built: split by voivodeship, one data pack each,
// named by the hash of its content, and a signed index. Pure apart from WebCrypto, and
// deterministic: entities sorted by id, dates from the caller (never the clock), Ed25519
// signatures deterministic — the same entities give byte-identical files.
import { fold } from '../../model/fold.ts';
import type { Entity } from '../../model/types.ts';
import { writePack } from '../import/pack.ts';
import { FEED_ALG, FEED_FORMAT, FEED_VERSION, NO_REGION, type FeedIndex, type FeedPackRef } from './format.ts';
import { sha256Hex, signIndex, type FeedKeyFile } from './signature.ts';

export interface FeedMeta {
  publisher: string;
  contact: string;
  licence: string;
  /** ISO timestamp the feed is dated by (the CLI: --date, else the newest input's mtime). */
  createdAt: string;
  /** Where the index will be published (optional; lets a subscriber who opens the file subscribe). */
  url?: string;
}

export interface BuiltFeed {
  index: FeedIndex;
  /** Path relative to the output folder → bytes: `index.json` and every pack written anew (a pack kept from `previous` is not among them). */
  files: Map<string, Uint8Array>;
}

export const INDEX_FILE = 'index.json';

export function regionOf(e: Pick<Entity, 'address'>): string {
  return e.address?.voivodeship ?? NO_REGION;
}

/** A region's file-name stem: ASCII, so every host and CDN serves it under the same name. */
export function regionSlug(region: string): string {
  return region === NO_REGION ? 'bez-wojewodztwa' : fold(region).replace(/[^a-z0-9]+/g, '-');
}

/** The pack's display name as publishers and subscribers see it. */
export function packName(publisher: string, region: string): string {
  return `${publisher} — ${region === NO_REGION ? 'bez województwa' : region}`;
}

const byId = (a: Entity, b: Entity): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Entities grouped by region, regions in Polish alphabetical order, the region-less pack last. */
export function splitByRegion(entities: Entity[]): [string, Entity[]][] {
  const groups = new Map<string, Entity[]>();
  for (const e of entities) {
    const r = regionOf(e);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(e);
  }
  const collator = new Intl.Collator('pl');
  return [...groups.entries()]
    .sort(([a], [b]) => (a === NO_REGION ? 1 : b === NO_REGION ? -1 : collator.compare(a, b)))
    .map(([r, list]) => [r, [...list].sort(byId)]);
}

/** The dates a build stamps (its own date), left out of the content hash. */
function dateless(e: Entity): Entity {
  const { createdAt: _c, updatedAt: _u, ...rest } = e;
  return { ...rest, sources: e.sources.map(({ seenAt: _s, ...s }) => s) } as unknown as Entity;
}

/**
 * Builds the feed's files. `previous`: the index published before (the CLI reads it from the output
 * folder); a region whose entities are the same as then, dates aside, keeps its published pack —
 * so a change in one region changes only that region's pack and the index, though every entity of
 * a build is dated by the build.
 */
export async function buildFeed(entities: Entity[], meta: FeedMeta, key: FeedKeyFile, previous?: Pick<FeedIndex, 'packs'>): Promise<BuiltFeed> {
  const files = new Map<string, Uint8Array>();
  const packs: FeedPackRef[] = [];
  const encoder = new TextEncoder();
  const before = new Map((previous?.packs ?? []).map((p) => [p.region, p]));
  for (const [region, list] of splitByRegion(entities)) {
    const name = packName(meta.publisher, region);
    const source = { name: meta.publisher, licence: meta.licence };
    const content = await sha256Hex(encoder.encode(writePack(name, list.map(dateless), '', source)));
    const old = before.get(region);
    if (old?.content === content) {
      packs.push(old);
      continue;
    }
    const bytes = encoder.encode(writePack(name, list, meta.createdAt, source));
    const sha256 = await sha256Hex(bytes);
    const file = `packs/${regionSlug(region)}-${sha256.slice(0, 16)}.json`;
    files.set(file, bytes);
    packs.push({ region, count: list.length, bytes: bytes.length, sha256, file, content });
  }
  const index = await signIndex(
    {
      format: FEED_FORMAT,
      version: FEED_VERSION,
      publisher: meta.publisher,
      contact: meta.contact,
      licence: meta.licence,
      createdAt: meta.createdAt,
      ...(meta.url ? { url: meta.url } : {}),
      key: { alg: FEED_ALG, publicKey: key.publicKey },
      packs,
    },
    key,
  );
  files.set(INDEX_FILE, encoder.encode(JSON.stringify(index, null, 2) + '\n'));
  return { index, files };
}

// The Radar ES directory feed: a small signed index and one data pack per voivodeship (and one for
// entities without one), static files any web host or CDN can serve. Format: docs/feeds.md.
// Pure: validating an index needs no network, no database and no crypto (signature.ts checks that).
import { FeedError } from './errors.ts';

export const FEED_FORMAT = 'radar-es/feed';
export const FEED_VERSION = 1;
/** The only signature algorithm of version 1: Ed25519 works in WebCrypto in Node 20 and Chromium. */
export const FEED_ALG = 'Ed25519';
/** The pack of entities whose record names no voivodeship. */
export const NO_REGION = '';

export interface FeedPackRef {
  /** Lower-case Polish voivodeship name; '' for entities without one. */
  region: string;
  count: number;
  bytes: number;
  /** Hex SHA-256 of the pack file's bytes. */
  sha256: string;
  /** Path relative to the index, e.g. `packs/malopolskie-3f2a….json`. */
  file: string;
  /**
   * Hex SHA-256 of the pack's entities without the dates a build stamps: the builder keeps a
   * region's published pack while this is unchanged. Subscribers need not read it.
   */
  content?: string;
}

/** An index as signed: every field but `signature` is covered by it. */
export interface FeedIndex {
  format: typeof FEED_FORMAT;
  version: number;
  publisher: string;
  contact: string;
  licence: string;
  createdAt: string;
  /** Optional: where the index is published, so that a subscriber who opens the file can subscribe. */
  url?: string;
  key: { alg: typeof FEED_ALG; publicKey: string };
  packs: FeedPackRef[];
  signature: string;
}

/** An index is tiny (17 packs ≈ 3 KB); anything far bigger is not one. */
export const MAX_INDEX_BYTES = 256 * 1024;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Obj, k: string, max = 500): string => {
  const v = o[k];
  if (typeof v !== 'string' || v.trim() === '' || v.length > max) throw new FeedError('index_invalid', { field: k });
  return v;
};
const int = (o: Obj, k: string): number => {
  const v = o[k];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new FeedError('index_invalid', { field: k });
  return v;
};

/** Parse and check an index's shape and version. The signature is checked apart (verifyIndex). */
export function parseIndex(text: string): FeedIndex {
  if (text.length > MAX_INDEX_BYTES) throw new FeedError('index_invalid', { field: 'size' });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new FeedError('index_invalid', { field: 'json' });
  }
  if (!isObj(data) || data.format !== FEED_FORMAT) throw new FeedError('index_invalid', { field: 'format' });
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new FeedError('index_invalid', { field: 'version' });
  // A newer format is refused whole: an older app never guesses at what it does not know.
  if (version > FEED_VERSION) throw new FeedError('index_version', { version, supported: FEED_VERSION });
  const key = data.key;
  if (!isObj(key) || key.alg !== FEED_ALG || typeof key.publicKey !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(key.publicKey)) {
    throw new FeedError('index_invalid', { field: 'key' });
  }
  if (!Array.isArray(data.packs) || data.packs.length > 64) throw new FeedError('index_invalid', { field: 'packs' });
  const seenRegions = new Set<string>();
  const packs = data.packs.map((p): FeedPackRef => {
    if (!isObj(p) || typeof p.region !== 'string') throw new FeedError('index_invalid', { field: 'packs' });
    const file = str(p, 'file', 200);
    // A pack is a file next to the index: no scheme, no way up, nothing a URL could reinterpret.
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*\.json$/.test(file) || file.includes('..') || file.includes('//')) {
      throw new FeedError('index_invalid', { field: 'file' });
    }
    const sha256 = str(p, 'sha256', 64);
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new FeedError('index_invalid', { field: 'sha256' });
    if (seenRegions.has(p.region)) throw new FeedError('index_invalid', { field: 'region' });
    seenRegions.add(p.region);
    const content = p.content === undefined ? undefined : str(p, 'content', 64);
    return { region: p.region, count: int(p, 'count'), bytes: int(p, 'bytes'), sha256, file, ...(content ? { content } : {}) };
  });
  const signature = str(data, 'signature', 200);
  return {
    format: FEED_FORMAT,
    version,
    publisher: str(data, 'publisher', 300),
    contact: str(data, 'contact', 300),
    licence: str(data, 'licence', 500),
    createdAt: str(data, 'createdAt', 40),
    ...(data.url !== undefined ? { url: str(data, 'url', 2000) } : {}),
    key: { alg: FEED_ALG, publicKey: key.publicKey },
    packs,
    signature,
  };
}

/** The index without its signature: what is signed. */
export function signedPart(index: Omit<FeedIndex, 'signature'> & { signature?: string }): Omit<FeedIndex, 'signature'> {
  const { signature: _signature, ...rest } = index;
  return rest;
}

/** Total entities an index announces. */
export function indexCount(index: Pick<FeedIndex, 'packs'>): number {
  return index.packs.reduce((n, p) => n + p.count, 0);
}

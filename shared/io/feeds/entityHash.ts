// Per-entity fingerprints of a feed pack, so that an update tells which entities of a changed pack
// changed without validating and merging all of them (1% of a region changed in a month is typical;
// the whole region went through the importer before: 17% of a full re-import's time at 100,000
// entities). The pack itself is verified first (signed index, SHA-256 of its bytes), so the
// fingerprint only has to tell two editions of the same publisher's entity apart, not resist forgery:
// a 64-bit string hash is enough (a chance of about 10⁻¹¹ that two of 10,000 entities collide) and
// costs a few microseconds per entity, where a SHA-256 through WebCrypto costs a promise each.
import { canonicalJson } from './canonical.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The entity as a fingerprint sees it: canonical JSON without the dates a build stamps on every
 * entity (createdAt, updatedAt, each source's seenAt), so a rebuild that changed nothing else
 * gives the same fingerprint, as it gives the same pack content hash (build.ts).
 */
function undated(raw: unknown): string {
  if (!isObj(raw)) return canonicalJson(raw ?? null);
  const sources = Array.isArray(raw.sources) ? raw.sources.map((s) => (isObj(s) ? { ...s, seenAt: undefined } : s)) : raw.sources;
  return canonicalJson({ ...raw, createdAt: undefined, updatedAt: undefined, sources });
}

/** 64 bits of a string, as 16 hex digits (two 32-bit multiply-xorshift lanes, after cyrb53). */
export function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * One pack entity's fingerprint. `context`: what else shapes the entity as the subscriber stores
 * it (the publisher's name, which labels the feed's source): when it changes, every entity differs.
 */
export function packEntityHash(raw: unknown, context: string): string {
  return hash64(`${context}\n${undated(raw)}`);
}

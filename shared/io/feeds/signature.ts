// Hashing, signing and verifying feeds with WebCrypto (crypto.subtle), the same code in Node (the
// feed CLI) and in the browser. Ed25519: supported by crypto.subtle in Node 20 and in Chromium 156
// (checked on both); its signatures are deterministic, so the same inputs sign to the same bytes.
import { canonicalJson } from './canonical.ts';
import { FeedError } from './errors.ts';
import { FEED_ALG, signedPart, type FeedIndex } from './format.ts';

// The pure layers are type-checked without the DOM library, where WebCrypto's types live: the
// surface used here is inferred from the runtime's `crypto.subtle` instead of named.
const subtle = () => globalThis.crypto.subtle;
type Key = Awaited<ReturnType<ReturnType<typeof subtle>['importKey']>>;
/** A private key in JSON Web Key form (Ed25519: `d` with its public `x`). */
interface PrivateJwk {
  kty?: string;
  crv?: string;
  d?: string;
  x?: string;
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

const hex = (buf: ArrayBuffer): string => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(await subtle().digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/**
 * What a user compares to recognise a publisher's key: the first 20 bytes of the SHA-256 of the raw
 * public key, as ten groups of four hex digits (160 bits, as OpenPGP fingerprints).
 */
export async function keyFingerprint(publicKey: string): Promise<string> {
  const digest = (await sha256Hex(fromBase64Url(publicKey))).slice(0, 40).toUpperCase();
  return digest.match(/.{4}/g)!.join(' ');
}

/** A publisher's key file (keep it secret: it contains the private key). */
export interface FeedKeyFile {
  format: 'radar-es/feed-key';
  alg: typeof FEED_ALG;
  publicKey: string;
  /** The private key as a JWK (Ed25519 "d" with its public "x"). */
  privateKey: PrivateJwk;
}

export async function generateFeedKey(): Promise<FeedKeyFile> {
  const pair = (await subtle().generateKey({ name: FEED_ALG }, true, ['sign', 'verify'])) as { publicKey: Key; privateKey: Key };
  const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  const jwk = await subtle().exportKey('jwk', pair.privateKey);
  return { format: 'radar-es/feed-key', alg: FEED_ALG, publicKey: toBase64Url(raw), privateKey: { kty: jwk.kty, crv: jwk.crv, d: jwk.d, x: jwk.x } };
}

export function parseFeedKey(text: string): FeedKeyFile {
  const k = JSON.parse(text) as Partial<FeedKeyFile>;
  if (k.format !== 'radar-es/feed-key' || k.alg !== FEED_ALG || typeof k.publicKey !== 'string' || typeof k.privateKey?.d !== 'string') {
    throw new Error('Not a Radar ES feed key file (made by `npm run feed -- keygen`)');
  }
  return k as FeedKeyFile;
}

const message = (index: Omit<FeedIndex, 'signature'>): Uint8Array<ArrayBuffer> => new TextEncoder().encode(canonicalJson(signedPart(index)));

export async function signIndex(index: Omit<FeedIndex, 'signature'>, key: FeedKeyFile): Promise<FeedIndex> {
  if (index.key.publicKey !== key.publicKey) throw new Error('The index names another key than the one signing it');
  const priv = await subtle().importKey('jwk', { ...key.privateKey, ext: true }, { name: FEED_ALG }, false, ['sign']);
  const sig = new Uint8Array(await subtle().sign({ name: FEED_ALG }, priv, message(index)));
  return { ...signedPart(index), signature: toBase64Url(sig) } as FeedIndex;
}

/** Throws FeedError('signature') unless the index is signed by the key it names. */
export async function verifyIndex(index: FeedIndex): Promise<void> {
  let ok = false;
  try {
    const pub = await subtle().importKey('raw', fromBase64Url(index.key.publicKey) as Uint8Array<ArrayBuffer>, { name: FEED_ALG }, false, ['verify']);
    ok = await subtle().verify({ name: FEED_ALG }, pub, fromBase64Url(index.signature) as Uint8Array<ArrayBuffer>, message(index));
  } catch {
    ok = false;
  }
  if (!ok) throw new FeedError('signature');
}

// Downloading a feed over HTTP: the index with If-None-Match (a 304 downloads nothing), packs read
// no further than the size the signed index announced. Every failure becomes a FeedError that says
// why (offline, DNS or refused connection, a host without CORS, 404, 5xx, timeout, oversize).
import { FeedError } from './errors.ts';
import { MAX_INDEX_BYTES, type FeedPackRef } from './format.ts';

export interface FetchDeps {
  fetch?: typeof fetch;
  /** Per request; 30 s: a 1 MB pack over a slow mobile link (~0.5 Mbit/s) takes about 16 s. */
  timeoutMs?: number;
  /**
   * The standalone app reads feeds across origins: when a request fails, a second, opaque request
   * tells a host that answers but does not allow cross-origin reads (CORS) from one that cannot be
   * reached. The extension, with its host permission, has no CORS to fail.
   */
  probeCors?: boolean;
  /**
   * Leave the conditional request to the browser's HTTP cache instead of sending If-None-Match: a
   * page reading another origin (the standalone app) makes every request with a header of its own
   * wait for a CORS preflight — two round trips for each daily check, as no preflight is cached
   * that long (2 h at most in Chromium). The browser revalidates its copy with the host (a 304 on
   * the wire) and answers with the cached body; the caller tells an unchanged index by its hash.
   */
  browserRevalidates?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Only http(s) feeds: a feed URL comes from a link or a user and is fetched unattended later. */
export function checkFeedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FeedError('index_invalid', { field: 'url' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'chrome-extension:') throw new FeedError('index_invalid', { field: 'url' });
  if (url.username || url.password) throw new FeedError('index_invalid', { field: 'url' });
  url.hash = '';
  return url;
}

/** The browser's online flag where there is one (the pure layers are type-checked without the DOM). */
const offline = () => (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;
/** `cache` is a browser's fetch option (the pure layers' fetch type lacks it; Node ignores it). */
type Init = RequestInit & { cache?: 'no-cache' };

async function request(url: string, init: Init, deps: FetchDeps): Promise<Response> {
  const f = deps.fetch ?? fetch;
  if (offline()) throw new FeedError('offline');
  const ms = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await f(url, { ...init, signal: controller.signal, credentials: 'omit', redirect: 'follow' } as RequestInit);
  } catch (e) {
    if (controller.signal.aborted) throw new FeedError('timeout', { seconds: Math.round(ms / 1000) });
    if (offline()) throw new FeedError('offline');
    if (deps.probeCors) {
      const reachable = await f(url, { mode: 'no-cors', credentials: 'omit', signal: AbortSignal.timeout(ms) }).then(
        () => true,
        () => false,
      );
      if (reachable) throw new FeedError('cors', { host: new URL(url).host });
    }
    throw new FeedError('network', { host: new URL(url).host, message: e instanceof Error ? e.message : String(e) });
  } finally {
    clearTimeout(timer);
  }
}

function statusError(res: Response): FeedError {
  if (res.status === 404 || res.status === 410) return new FeedError('not_found', { status: res.status });
  return new FeedError('http', { status: res.status });
}

/** Reads a body, stopping (and failing) as soon as it passes `limit` bytes. */
async function readLimited(res: Response, limit: number, onTooBig: () => FeedError): Promise<Uint8Array> {
  const reader = res.body?.getReader();
  if (!reader) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > limit) throw onTooBig();
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw onTooBig();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export type IndexResponse = { notModified: true } | { notModified: false; text: string; etag?: string };

export async function fetchIndex(url: string, etag: string | undefined, deps: FetchDeps = {}): Promise<IndexResponse> {
  // no-cache: the browser revalidates with the host (an HTTP cache of its own could answer 200 from a stale copy).
  const headers: Record<string, string> = etag && !deps.browserRevalidates ? { 'if-none-match': etag } : {};
  let res: Response;
  try {
    res = await request(url, { headers, cache: 'no-cache' }, deps);
  } catch (e) {
    // A host that allows cross-origin reads but not the preflight If-None-Match needs (GitHub
    // Pages, a bucket without the header in its CORS rule): asked plainly, the browser's own cache
    // revalidates the index, and an index naming only packs held downloads nothing more.
    if (!headers['if-none-match'] || !(e instanceof FeedError) || e.code !== 'cors') throw e;
    res = await request(url, { cache: 'no-cache' }, deps);
  }
  if (res.status === 304) return { notModified: true };
  if (!res.ok) throw statusError(res);
  const bytes = await readLimited(res, MAX_INDEX_BYTES, () => new FeedError('index_invalid', { field: 'size' }));
  return { notModified: false, text: new TextDecoder().decode(bytes), etag: res.headers.get('etag') ?? undefined };
}

/** A pack's bytes; at most one byte more than announced is read (enough to know it is too big). */
export async function fetchPackBytes(indexUrl: string, ref: FeedPackRef, deps: FetchDeps = {}): Promise<Uint8Array> {
  const url = new URL(ref.file, indexUrl).href;
  // Revalidated, not taken from the browser's cache unasked: a pack that failed its checks (a
  // broken upload since fixed) must not be answered from the cache on the next try. A new pack has
  // a new name, so this costs nothing on a normal update.
  const res = await request(url, { cache: 'no-cache' }, deps);
  if (!res.ok) throw statusError(res);
  return readLimited(res, ref.bytes, () => new FeedError('oversize', { region: ref.region, expected: ref.bytes }));
}

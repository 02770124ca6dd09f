// Errors a feed can fail with, one code per situation the UI explains in the user's language.
// `detail` carries what that message needs (a status, a region, a version).
export const FEED_ERROR_CODES = [
  'offline', // the browser says it has no network
  'network', // the request failed: DNS, refused connection, or a host that does not allow cross-origin reads
  'cors', // the standalone app could not read a host that answers but does not allow cross-origin reads
  'timeout', // detail: { seconds }
  'http', // detail: { status }
  'not_found', // 404 / 410
  'index_invalid', // detail: { field }
  'index_version', // detail: { version, supported }
  'signature', // the index is not signed by the key it names
  'key_changed', // detail: { fingerprint } — refused until the user accepts it
  'hash', // detail: { region } — a pack's bytes are not the ones the index announced
  'truncated', // detail: { region } — fewer bytes than announced
  'oversize', // detail: { region } — more bytes than announced
  'pack_invalid', // detail: { region, reason }
  'permission', // the extension was not granted access to the feed's host
] as const;

export type FeedErrorCode = (typeof FEED_ERROR_CODES)[number];

export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    readonly code: FeedErrorCode,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(Object.keys(detail).length ? `${code} ${JSON.stringify(detail)}` : code);
  }
}

export function isFeedError(e: unknown): e is FeedError {
  return e instanceof FeedError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'FeedError' && typeof (e as { code?: unknown }).code === 'string');
}

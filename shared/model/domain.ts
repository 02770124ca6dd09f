// Site keys: how a visited page is matched to an entity's website.
// An entity's key is its website's host without "www." (see Entity.domains); a visited page is looked
// up by its own host and each parent host, so a page deep in "sklep.spoldzielnia-x.pl" finds the
// entity keyed "spoldzielnia-x.pl", while the entity keyed "zaz.tarnow.pl" never claims the town's
// own "tarnow.pl". No public suffix list here: the background loads this on every wake-up, and the
// list (tldts, ~270 KB) is needed only where a key is made from a website being stored.
/**
 * Platforms where one host serves many unrelated organisations by path (a Facebook page, a Google
 * Site, a profile on the ngo.pl portal, a BIP on the government's host): such a host, or any host
 * under it, must never identify one entity.
 */
const SHARED_TREES = new Set([
  'facebook.com',
  'fb.com',
  'instagram.com',
  'linkedin.com',
  'youtube.com',
  'youtu.be',
  'twitter.com',
  'x.com',
  'tiktok.com',
  'google.com',
  'google.pl',
  'goo.gl',
  'wix.com',
  'ngo.pl',
  'bip.gov.pl',
  'allegro.pl',
  'olx.pl',
]);

/**
 * Hosting platforms that give each site its own sub-domain (foo.wixsite.com, foo.blogspot.com,
 * foo.wordpress.com): the sub-domain is one site and may identify an entity; only the platform's own
 * host is shared. "gov.pl" is here because its sub-domains are separate offices, while www.gov.pl
 * serves them all by path.
 */
const SHARED_APEXES = new Set([
  'wixsite.com',
  'blogspot.com',
  'wordpress.com',
  'business.site',
  'webnode.page',
  'weebly.com',
  'github.io',
  'gov.pl',
]);

/** True when a host (or site key) belongs to a platform that must never identify one entity. */
export function isSharedHost(domain: string): boolean {
  let host = domain.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.startsWith('www.')) host = host.slice(4);
  if (SHARED_APEXES.has(host)) return true;
  for (let rest = host; ; ) {
    if (SHARED_TREES.has(rest)) return true;
    const dot = rest.indexOf('.');
    if (dot < 0) return false;
    rest = rest.slice(dot + 1);
  }
}

/** The key a host is matched by: lower-case, without a trailing dot and a leading "www.". */
export function siteKeyOfHost(host: string): string {
  let key = host.toLowerCase();
  if (key.endsWith('.')) key = key.slice(0, -1);
  return key.startsWith('www.') ? key.slice(4) : key;
}

const NON_ASCII = /[^\x00-\x7f]/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The host of an http(s) URL (lower-case, in punycode), or undefined. */
function hostOf(url: string): string | undefined {
  const m = /^https?:\/\/([^/?#]*)/i.exec(url);
  if (!m) return undefined;
  let host = m[1];
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  if (host.startsWith('[')) return undefined; // IPv6
  const colon = host.indexOf(':');
  if (colon >= 0) host = host.slice(0, colon);
  if (NON_ASCII.test(host)) {
    // Browsers report tab URLs in punycode already; this only guards hand-written Unicode URLs.
    try {
      host = new URL(url).hostname;
    } catch {
      return undefined;
    }
  }
  host = host.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host && !IPV4.test(host) ? host : undefined;
}

/**
 * Keys to look a visited tab's URL up by: its site key, then each parent host of two labels or
 * more. Empty for non-web URLs, IP addresses, single-label hosts (localhost) and shared platforms.
 * Runs on every navigation, so it parses the host with one regular expression (no `new URL` unless
 * the host is non-ASCII) and without the public suffix list: every key stored was made from a
 * registrable domain or below it, so walking up to two labels meets every key the list would have
 * given, and the parents above the registrable domain are public suffixes no entity is keyed by.
 */
export function lookupKeysForUrl(url: string): string[] {
  const host = hostOf(url);
  if (!host || host.indexOf('.') < 0) return [];
  const keys: string[] = [];
  for (let key = siteKeyOfHost(host); key.indexOf('.') > 0; key = key.slice(key.indexOf('.') + 1)) {
    if (!isSharedHost(key)) keys.push(key);
  }
  return keys;
}

// Site keys: how a visited page is matched to an entity's website.
// An entity's key is its website's host without "www." (see Entity.domains); a visited page is looked
// up by its own host and each parent host up to the registrable domain, so a page deep in
// "sklep.spoldzielnia-x.pl" finds the entity keyed "spoldzielnia-x.pl", while the entity keyed
// "zaz.tarnow.pl" never claims the town's own "tarnow.pl".
import { parse } from 'tldts';

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

/**
 * Keys to look a visited tab's URL up by: its site key, then each parent host down to and including
 * the registrable domain. Empty for non-web URLs, IP addresses, single-label hosts (localhost) and
 * shared platforms. Runs on every navigation, so it avoids `new URL` unless the host is non-ASCII.
 */
export function lookupKeysForUrl(url: string): string[] {
  if (!/^https?:\/\//i.test(url)) return [];
  const parsed = parse(url, { allowPrivateDomains: true });
  let hostname = parsed.hostname;
  let domain = parsed.domain;
  if (!hostname || !domain || parsed.isIp) return [];
  if (NON_ASCII.test(hostname)) {
    // Browsers report tab URLs in punycode already; this only guards hand-written Unicode URLs.
    try {
      hostname = new URL(url).hostname;
    } catch {
      return [];
    }
    domain = parse(hostname, { allowPrivateDomains: true }).domain;
    if (!domain) return [];
  }
  const keys: string[] = [];
  let key = siteKeyOfHost(hostname);
  for (;;) {
    if (!isSharedHost(key)) keys.push(key);
    if (key.length <= domain.length || !key.endsWith('.' + domain)) break;
    key = key.slice(key.indexOf('.') + 1);
  }
  return keys;
}

// Contact data as people type it in spreadsheets and on pages, reduced to one canonical form each.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { parse } from 'tldts';
import { siteKeyOfHost } from './domain.ts';

// E-mail needs no library: it lives apart so that pages which only check an address (a mailto link,
// the popup) do not load the phone metadata and the public suffix list with it.
export { normalizeEmail } from './email.ts';

/**
 * A phone number in E.164, or null. Leading labels ("tel.", "kom.") and a trailing extension
 * ("wew. 12") are dropped; anything else that is not part of a number rejects the input.
 */
export function normalizePhone(input: string, defaultCountry: CountryCode = 'PL'): string | null {
  let s = input.trim().replace(/\s*(?:wew|w|ext|x)\.?\s*\d{1,5}$/i, '');
  s = s.replace(/^[^\d+(]*/, ''); // "tel. ", "telefon: ", "kom."
  if (!s || /[^\d\s+()\-./]/.test(s)) return null;
  let digits = s.replace(/[^\d+]/g, '');
  if (digits.lastIndexOf('+') > 0) return null;
  if (digits.startsWith('00')) digits = '+' + digits.slice(2);
  // Before 2002 Polish numbers were dialled with a trunk 0 ("(0-12) 345 67 89"); it is not part of
  // the number today.
  else if (defaultCountry === 'PL' && !digits.startsWith('+') && digits.length === 10 && digits[0] === '0') {
    digits = digits.slice(1);
  }
  const phone = parsePhoneNumberFromString(digits, defaultCountry);
  return phone && phone.isValid() ? phone.number : null;
}

// "/" separates items only with a space next to it, so URL paths and "12/345 67 89" stay whole.
const ITEM_SEPARATORS = /[;,\n\r]+|\s+\/\s*|\s*\/\s+|\s+(?:lub|or|albo)\s+/i;
const LOOKS_LIKE_ADDRESS = /@|^(?:https?:\/\/|www\.)|^[^\s/]+\.[a-z]{2,}(?:\/\S*)?$/i;

/**
 * Splits a spreadsheet cell holding several phones, e-mails or websites. Spaces split only items that
 * are all e-mails or web addresses, never the groups of one phone number.
 */
export function splitMulti(input: string): string[] {
  const out: string[] = [];
  for (const part of input.split(ITEM_SEPARATORS)) {
    const item = part.trim();
    if (!item) continue;
    const words = item.split(/\s+/);
    if (words.length > 1 && words.every((w) => LOOKS_LIKE_ADDRESS.test(w))) out.push(...words);
    else out.push(item);
  }
  return out;
}

/** A Polish postal code as NN-NNN. */
export function normalizePostalCode(input: string): string | null {
  const m = /^(\d{2})\s*[-‐–]?\s*(\d{3})$/.exec(input.trim());
  return m ? `${m[1]}-${m[2]}` : null;
}

export interface Website {
  /** The URL as WHATWG URL serialises it (scheme added when missing, host in punycode). */
  url: string;
  /** Lower-case ASCII (punycode) host. */
  host: string;
  /** Registrable domain (Public Suffix List, private suffixes included: foo.wixsite.com). */
  domain: string;
  /** The host without a leading "www.": what pages are matched by. */
  siteKey: string;
}

/** A web address of an entity, or null for other schemes, IPs, unknown TLDs and garbage. */
export function normalizeWebsite(input: string): Website | null {
  let s = input.trim();
  if (!s || /\s/.test(s)) return null;
  if (s.startsWith('//')) s = 'https:' + s;
  else if (!/^https?:\/\//i.test(s)) {
    // "mailto:", "javascript:", "ftp://": a scheme (no dot before the colon) that is not http(s).
    if (/^[a-z][a-z0-9+.-]*:/i.test(s) && !/^[^:]*\./.test(s)) return null;
    s = 'https://' + s;
  }
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null; // "https://bank.pl@evil.example" tricks
  const host = url.hostname.replace(/\.$/, '');
  const parsed = parse(host, { allowPrivateDomains: true });
  // isIcann/isPrivate: the suffix is on the Public Suffix List, so "www.brak" or "n.a" are refused.
  if (!parsed.domain || parsed.isIp || !(parsed.isIcann || parsed.isPrivate)) return null;
  return { url: url.href, host, domain: parsed.domain, siteKey: siteKeyOfHost(host) };
}

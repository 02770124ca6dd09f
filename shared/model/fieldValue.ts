// One value for one field, checked as an import checks it: identifiers with their check digits, an
// e-mail a plain address, a phone through the phone normaliser, a web site http/https only and never
// a shared platform as the entity's own site. Used for values found on pages and for corrections
// typed by the user, so both reach the directory only in the shape an import would store.
import { normalizeEmail, normalizePhone, normalizePostalCode, normalizeWebsite } from './contact.ts';
import { isSharedHost } from './domain.ts';
import { MAX_NAME_LENGTH } from './entity.ts';
import { parseKrs, parseNip, parseRegon } from './identifiers.ts';
import type { UserField } from './types.ts';

export type FieldValueResult =
  | { ok: true; value: string; siteKey?: string }
  | { ok: false; reason: 'empty' | 'format' | 'checksum' | 'shared_platform' | 'too_long' };

/** Longest street or town accepted (the longest Polish street names are under 80 characters). */
const MAX_PLACE = 200;

/**
 * An e-mail address as a page or a person writes it: `mailto:` and angle brackets allowed, but
 * nothing after the address — `jan@x.pl?bcc=…` would make a mail client add recipients, so it is
 * refused, not trimmed. A `?subject=` of a mailto: link is harmless and dropped.
 */
export function plainEmail(input: string): string | null {
  let s = input.trim().replace(/^mailto:/i, '');
  const q = s.indexOf('?');
  if (q >= 0) {
    const params = s.slice(q + 1).split('&').map((p) => p.split('=')[0].toLowerCase());
    if (params.some((p) => p !== 'subject' && p !== 'body')) return null;
    s = s.slice(0, q);
  }
  if (/[,;&%]/.test(s)) return null; // several addresses, or an encoded one
  return normalizeEmail(s);
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function parseFieldValue(field: UserField, input: string): FieldValueResult {
  const raw = oneLine(input);
  if (!raw) return { ok: false, reason: 'empty' };
  switch (field) {
    case 'nip':
    case 'regon':
    case 'krs': {
      const r = field === 'nip' ? parseNip(raw) : field === 'regon' ? parseRegon(raw) : parseKrs(raw);
      return r.ok ? { ok: true, value: r.value } : { ok: false, reason: r.reason };
    }
    case 'emails': {
      const v = plainEmail(raw);
      return v ? { ok: true, value: v } : { ok: false, reason: 'format' };
    }
    case 'phones': {
      const v = normalizePhone(raw);
      return v ? { ok: true, value: v } : { ok: false, reason: 'format' };
    }
    case 'websites': {
      const w = normalizeWebsite(raw);
      if (!w) return { ok: false, reason: 'format' };
      // A Facebook page may be an entity's web site, but facebook.com never identifies it.
      if (isSharedHost(w.siteKey)) return { ok: true, value: w.url };
      return { ok: true, value: w.url, siteKey: w.siteKey };
    }
    case 'address.postalCode': {
      const v = normalizePostalCode(raw);
      return v ? { ok: true, value: v } : { ok: false, reason: 'format' };
    }
    case 'name':
      return raw.length > MAX_NAME_LENGTH ? { ok: false, reason: 'too_long' } : { ok: true, value: raw };
    case 'address.street':
    case 'address.city':
      return raw.length > MAX_PLACE ? { ok: false, reason: 'too_long' } : { ok: true, value: raw };
  }
}

/**
 * The site an entity would be linked to from a page: its root and site key, or why not (a shared
 * platform such as facebook.com serves many organisations and never identifies one).
 */
export function siteOfPage(pageUrl: string): { ok: true; url: string; siteKey: string } | { ok: false; reason: 'format' | 'shared_platform' } {
  const w = normalizeWebsite(pageUrl);
  if (!w) return { ok: false, reason: 'format' };
  if (isSharedHost(w.siteKey)) return { ok: false, reason: 'shared_platform' };
  return { ok: true, url: new URL('/', w.url).href, siteKey: w.siteKey };
}

/** The page address kept as a source: without query and fragment, which can carry a session. */
export function pageSourceUrl(pageUrl: string): string {
  try {
    const u = new URL(pageUrl);
    return u.origin + u.pathname;
  } catch {
    return pageUrl;
  }
}

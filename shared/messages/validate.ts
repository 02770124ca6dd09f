// Validation of incoming messages: anything that is not exactly one of our shapes is dropped.
// Strings are capped so a hostile page cannot make the background hold megabytes.
import type { PageHints, RawPageFacts } from '../model/types.ts';
import { MAX_FACT_CHARS, MAX_FACTS, MAX_PLACE_CHARS, MAX_PLACES } from '../model/pageFacts.ts';
import type { BackgroundMessage } from './protocol.ts';

const MAX_ITEMS = 50;
const MAX_LEN = 300;

function isStringArray(v: unknown, maxLen = MAX_LEN): v is string[] {
  return Array.isArray(v) && v.length <= MAX_ITEMS && v.every((s) => typeof s === 'string' && s.length <= maxLen);
}

function isOptionalString(v: unknown, maxLen = MAX_LEN): boolean {
  return v === undefined || (typeof v === 'string' && v.length <= maxLen);
}

const DIGITS = /^\d+$/;

const FACT_LISTS = ['names', 'legalNames', 'emails', 'phones', 'urls', 'taxIds', 'namePhrases'] as const;
const ADDRESS_PARTS = new Set(['street', 'postalCode', 'city']);

/** The raw facts of a page: exactly the lists the content script sends, each capped as it caps them. */
export function isRawPageFacts(v: unknown): v is RawPageFacts {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const f = v as Record<string, unknown>;
  const keys = Object.keys(f);
  if (keys.length !== FACT_LISTS.length + 2) return false;
  if (!FACT_LISTS.every((k) => isStringArray(f[k], MAX_FACT_CHARS) && (f[k] as string[]).length <= MAX_FACTS)) return false;
  if (!isStringArray(f.places, MAX_PLACE_CHARS) || f.places.length > MAX_PLACES) return false;
  return (
    Array.isArray(f.addresses) &&
    f.addresses.length <= 5 &&
    f.addresses.every(
      (a) =>
        typeof a === 'object' &&
        a !== null &&
        !Array.isArray(a) &&
        Object.entries(a).every(([k, x]) => ADDRESS_PARTS.has(k) && (x === undefined || (typeof x === 'string' && x.length <= MAX_FACT_CHARS))),
    )
  );
}

export function isPageHints(v: unknown): v is PageHints {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as Record<string, unknown>;
  return (
    isStringArray(h.nips, 10) && h.nips.every((s) => DIGITS.test(s)) &&
    isStringArray(h.regons, 14) && h.regons.every((s) => DIGITS.test(s)) &&
    isStringArray(h.krs, 10) && h.krs.every((s) => DIGITS.test(s)) &&
    isStringArray(h.emails) &&
    isStringArray(h.phones, 40) &&
    isStringArray(h.phrases, 80) &&
    isOptionalString(h.title, 500) &&
    isOptionalString(h.siteName, 500) &&
    (h.facts === undefined || isRawPageFacts(h.facts))
  );
}

function isTabId(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

export function parseBackgroundMessage(raw: unknown): BackgroundMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'page-hints':
      return isPageHints(m.hints) ? { type: 'page-hints', hints: m.hints } : null;
    case 'ping':
      return { type: 'ping' };
    case 'directory-changed':
      return { type: 'directory-changed' };
    case 'tab-state':
    case 'scan-tab':
      return isTabId(m.tabId) ? { type: m.type, tabId: m.tabId } : null;
    case 'set-auto-scan':
      return typeof m.enabled === 'boolean' ? { type: 'set-auto-scan', enabled: m.enabled } : null;
    default:
      return null;
  }
}

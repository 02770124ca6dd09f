// Validation of incoming messages: anything that is not exactly one of our shapes is dropped.
// Strings are capped so a hostile page cannot make the background hold megabytes.
import type { PageHints } from '../model/types.ts';
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
    isOptionalString(h.siteName, 500)
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

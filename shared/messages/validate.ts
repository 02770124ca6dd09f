// Validation of incoming messages, the extension's security boundary: anything that is not
// exactly one of our shapes is dropped. Exactly means a plain object with the fields of its type
// and no other (no `__proto__`, `constructor` or extra keys), each of the right type; strings and
// lists are capped so a hostile page cannot make the background hold megabytes. Who may send
// which request is decided from the browser's sender record (`senderKind`, then `SENDERS`).
import type { PageHints } from '../model/types.ts';
import { SENDERS, type Request, type RequestType, type SenderKind } from './protocol.ts';

const MAX_ITEMS = 50;
const MAX_LEN = 300;
const DIGITS = /^\d+$/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Own keys exactly among `allowed`, with every key of `required` present. */
function hasOnlyKeys(v: Record<string, unknown>, required: readonly string[], optional: readonly string[] = []): boolean {
  const keys = Object.keys(v);
  if (keys.length > required.length + optional.length) return false;
  if (!required.every((k) => Object.hasOwn(v, k))) return false;
  return keys.every((k) => required.includes(k) || optional.includes(k));
}

function isStringArray(v: unknown, maxLen = MAX_LEN, pattern?: RegExp): v is string[] {
  return (
    Array.isArray(v) &&
    v.length <= MAX_ITEMS &&
    v.every((s) => typeof s === 'string' && s.length <= maxLen && (!pattern || pattern.test(s)))
  );
}

function isOptionalString(v: unknown, maxLen = MAX_LEN): boolean {
  return v === undefined || (typeof v === 'string' && v.length <= maxLen);
}

const HINT_LISTS = ['nips', 'regons', 'krs', 'emails', 'phones', 'phrases'] as const;

export function isPageHints(v: unknown): v is PageHints {
  if (!isPlainObject(v) || !hasOnlyKeys(v, HINT_LISTS, ['title', 'siteName'])) return false;
  return (
    isStringArray(v.nips, 10, DIGITS) &&
    isStringArray(v.regons, 14, DIGITS) &&
    isStringArray(v.krs, 10, DIGITS) &&
    isStringArray(v.emails) &&
    isStringArray(v.phones, 40) &&
    isStringArray(v.phrases, 80) &&
    isOptionalString(v.title, 500) &&
    isOptionalString(v.siteName, 500)
  );
}

function isTabId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Checks the fields of each request besides `type`; every request has exactly these. */
const FIELDS: { readonly [K in RequestType]: (m: Record<string, unknown>) => boolean } = {
  'page-hints': (m) => hasOnlyKeys(m, ['type', 'hints']) && isPageHints(m.hints),
  ping: (m) => hasOnlyKeys(m, ['type']),
  'tab-state': (m) => hasOnlyKeys(m, ['type', 'tabId']) && isTabId(m.tabId),
  'scan-tab': (m) => hasOnlyKeys(m, ['type', 'tabId']) && isTabId(m.tabId),
  'directory-changed': (m) => hasOnlyKeys(m, ['type']),
  'set-auto-scan': (m) => hasOnlyKeys(m, ['type', 'enabled']) && typeof m.enabled === 'boolean',
  'verify-wake': (m) => hasOnlyKeys(m, ['type']),
};

function isRequestType(v: unknown): v is RequestType {
  return typeof v === 'string' && Object.hasOwn(FIELDS, v);
}

/** The request, if `raw` is exactly one of ours; null otherwise (dropped, never answered). */
export function parseRequest(raw: unknown): Request | null {
  if (!isPlainObject(raw) || !isRequestType(raw.type)) return null;
  return FIELDS[raw.type](raw) ? (raw as Request) : null;
}

/** The parts of the browser's sender record the check reads (runtime.MessageSender). */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** The extension the background belongs to: its id and the origin of its pages (`chrome-extension://id/`). */
export interface Self {
  id: string;
  pagesUrl: string;
}

/**
 * Who sent a message: one of the extension's own pages (popup, app page), the extension's content
 * script in the top frame of a web page, or nobody we answer (another extension, a sub-frame, a
 * page of another scheme).
 */
export function senderKind(sender: Sender, self: Self): SenderKind | null {
  if (sender.id !== self.id || typeof sender.url !== 'string') return null;
  if (sender.url.startsWith(self.pagesUrl)) return 'extension-page';
  if (sender.tab?.id !== undefined && sender.frameId === 0 && /^https?:\/\//.test(sender.url)) return 'content-script';
  return null;
}

/** The request if it is well-formed and its sender may send it; null otherwise. */
export function acceptRequest(raw: unknown, sender: Sender, self: Self): Request | null {
  const request = parseRequest(raw);
  if (!request) return null;
  return senderKind(sender, self) === SENDERS[request.type] ? request : null;
}

// From one row of raw cells (a CSV/XLSX line, a form) to a validated Entity. A cell that is present
// but wrong rejects the row with a reason, so an import can report it: nothing is dropped silently.
// Text is kept as text: never decoded, interpreted or evaluated (a cell "=HYPERLINK(…)" or
// "<img onerror=…>" stays those characters; escaping is the renderer's and exporter's job).
import { normalizeEmail, normalizePhone, normalizePostalCode, normalizeWebsite, splitMulti } from './contact.ts';
import { isSharedHost } from './domain.ts';
import { fold } from './fold.ts';
import { parseKrs, parseNip, parseRegon, type IdResult } from './identifiers.ts';
import type { Address, CategoryId, Certificate, Entity, SocialEnterpriseStatus, Source } from './types.ts';
import { categoriesFromOffer, normalizeVoivodeship, parseCategory, parseLegalForm } from './vocab.ts';

/** One row as raw cell text; multi-valued cells (several phones, e-mails, websites) are allowed. */
export interface EntityDraft {
  name?: string;
  legalForm?: string;
  krs?: string;
  nip?: string;
  regon?: string;
  street?: string;
  postalCode?: string;
  city?: string;
  commune?: string;
  county?: string;
  voivodeship?: string;
  website?: string;
  email?: string;
  phone?: string;
  offer?: string;
  categories?: string;
  pkd?: string;
  socialEnterpriseStatus?: string;
  certificates?: string;
  sources?: string;
}

export type RejectReason =
  | 'no_name'
  | 'nip_invalid'
  | 'regon_invalid'
  | 'krs_invalid'
  | 'postal_code_invalid'
  | 'phone_invalid'
  | 'email_invalid'
  | 'website_invalid'
  | 'name_too_long';

export type BuildResult = { ok: true; entity: Entity } | { ok: false; reason: RejectReason; detail?: string };

/** Longer than any registered name (KRS names run to ~250 characters); beyond it a cell is garbage. */
export const MAX_NAME_LENGTH = 300;

class Rejected extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

/** Trimmed text with inner runs of whitespace (line breaks inside a cell) made single spaces. */
function text(value: string | undefined): string | undefined {
  const s = value?.replace(/\s+/g, ' ').trim();
  return s ? s : undefined;
}

function identifier(value: string | undefined, parse: (s: string) => IdResult, reason: RejectReason) {
  const s = text(value);
  if (!s) return undefined;
  const r = parse(s);
  if (!r.ok) throw new Rejected(reason, `${r.reason}: ${s}`);
  return r.value;
}

/** Every item of a multi-valued cell, normalised; one bad item rejects the row. */
function each<T>(value: string | undefined, normalize: (s: string) => T | null, reason: RejectReason): T[] {
  const out: T[] = [];
  for (const item of splitMulti(value ?? '')) {
    const v = normalize(item);
    if (v === null) throw new Rejected(reason, item);
    out.push(v);
  }
  return out;
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];

/** An ISO date (YYYY-MM-DD) from "31.12.2025", "31/12/2025" or "2025-12-31" in a text. */
function findDate(s: string, after?: RegExp): string | undefined {
  const prefix = after ? after.source + '\\s*' : '';
  const dmy = new RegExp(prefix + '(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})', 'i').exec(s);
  const ymd = new RegExp(prefix + '(\\d{4})-(\\d{2})-(\\d{2})', 'i').exec(s);
  if (!ymd && !dmy) return undefined;
  const [y, m, d] = ymd ? [ymd[1], ymd[2], ymd[3]] : [dmy![3], dmy![2], dmy![1]];
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  // Round-trips only for real calendar dates (no 31.02).
  const date = new Date(iso + 'T00:00:00Z');
  return !isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

const VALID_UNTIL = /(?:wa[zż]n\S*\s+do|do\s+dnia|valid\s+until|until|\bdo)/;

/**
 * "Zakup Prospołeczny (2017, usługa gastronomiczno-cateringowa)" → name, year, scope. A year alone
 * does not give a validity date (a certificate's term is not stated), so validUntil is set only
 * from a date written after "ważny do" / "do" / "valid until".
 */
export function parseCertificates(value: string | undefined): Certificate[] {
  const certs: Certificate[] = [];
  for (const part of (value ?? '').split(';')) {
    const s = text(part);
    if (!s) continue;
    const cert: Certificate = { name: s };
    const paren = /^(.*?)\s*\(((?:19|20)\d{2})(?:,\s*([^)]+))?\)$/.exec(s);
    if (paren && paren[1]) {
      cert.name = paren[1];
      cert.year = Number(paren[2]);
      if (paren[3]) cert.scope = paren[3].trim();
    } else {
      const year = /\b(?:19|20)\d{2}\b/.exec(s);
      if (year) cert.year = Number(year[0]);
    }
    const validUntil = findDate(s, VALID_UNTIL);
    if (validUntil) cert.validUntil = validUntil;
    certs.push(cert);
  }
  return certs;
}

const YES = /^(?:tak|yes|true|1|x|✓|✔|posiada|ps)\b/i;
const NO = /^(?:nie|no|false|0|brak)\b/i;

/** "tak" / "yes" / "true" / "1" → has the status; a date in the text is taken as the decision date. */
export function parseSocialEnterpriseStatus(value: string | undefined): SocialEnterpriseStatus | undefined {
  const s = text(value);
  if (!s) return undefined;
  const has = YES.test(s) || /przedsi[eę]biorstw\S* spo[lł]eczn/i.test(s) ? true : NO.test(s) ? false : undefined;
  if (has === undefined) return undefined;
  const decidedAt = has ? findDate(s) : undefined;
  return decidedAt ? { has, decidedAt } : { has };
}

/** PKD codes as "56.21.Z" whatever the spacing and dots; anything else is kept as written. */
export function parsePkd(value: string | undefined): string[] {
  const out: string[] = [];
  for (const token of (value ?? '').split(/[;,\s]+/)) {
    if (!token) continue;
    const m = /^(\d{2})\.?(\d{1,2})?\.?([A-Za-z])?$/.exec(token);
    out.push(m ? [m[1], m[2], m[3]?.toUpperCase()].filter(Boolean).join('.') : token.toUpperCase());
  }
  return unique(out);
}

function categoriesOf(draft: EntityDraft): CategoryId[] {
  const given = text(draft.categories);
  if (!given) return categoriesFromOffer(draft.offer ?? '');
  const ids: CategoryId[] = [];
  for (const item of given.split(/[;,|]/)) {
    if (!item.trim()) continue;
    // A label outside the vocabulary ("Gastronomia") still says something: read it like an offer.
    const id = parseCategory(item);
    const found = id ? [id] : categoriesFromOffer(item);
    ids.push(...(found.length ? found : (['other'] as CategoryId[])));
  }
  return unique(ids);
}

// 64 bits would be overkill: 53-bit cyrb53 makes a collision among 100k names ~1e-6 likely.
function cyrb53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

const foldedCollapsed = (s: string) => fold(s).replace(/\s+/g, ' ').trim();

/** Stable id: `krs:…`, else `nip:…`, else `regon:…`, else `name:` + hash of folded name and city. */
export function entityIdFor(e: { krs?: string; nip?: string; regon?: string; name: string; city?: string }): string {
  if (e.krs) return `krs:${e.krs}`;
  if (e.nip) return `nip:${e.nip}`;
  if (e.regon) return `regon:${e.regon}`;
  return `name:${cyrb53(foldedCollapsed(e.name) + '|' + foldedCollapsed(e.city ?? ''))}`;
}

/** Validates and normalises one row. `now` is an ISO timestamp used for createdAt/updatedAt. */
export function buildEntity(draft: EntityDraft, source: Source, now: string): BuildResult {
  try {
    return { ok: true, entity: build(draft, source, now) };
  } catch (e) {
    if (e instanceof Rejected) return e.detail === undefined ? { ok: false, reason: e.reason } : { ok: false, reason: e.reason, detail: e.detail };
    throw e;
  }
}

function build(draft: EntityDraft, source: Source, now: string): Entity {
  const name = text(draft.name);
  if (!name) throw new Rejected('no_name');
  if (name.length > MAX_NAME_LENGTH) throw new Rejected('name_too_long', `${name.length} > ${MAX_NAME_LENGTH}`);

  const krs = identifier(draft.krs, parseKrs, 'krs_invalid');
  const nip = identifier(draft.nip, parseNip, 'nip_invalid');
  const regon = identifier(draft.regon, parseRegon, 'regon_invalid');

  const rawPostalCode = text(draft.postalCode);
  const postalCode = rawPostalCode === undefined ? undefined : normalizePostalCode(rawPostalCode);
  if (postalCode === null) throw new Rejected('postal_code_invalid', rawPostalCode);

  const websites = each(draft.website, normalizeWebsite, 'website_invalid');
  const emails = unique(each(draft.email, normalizeEmail, 'email_invalid'));
  const phones = unique(each(draft.phone, (s) => normalizePhone(s), 'phone_invalid'));

  const rawVoivodeship = text(draft.voivodeship);
  // Outside the list (a typo, a region's nickname): keep what was written rather than lose it.
  const voivodeship = rawVoivodeship && (normalizeVoivodeship(rawVoivodeship) ?? rawVoivodeship.toLowerCase());
  const address: Address = {};
  const addressParts = {
    street: text(draft.street),
    postalCode,
    city: text(draft.city),
    commune: text(draft.commune),
    county: text(draft.county),
    voivodeship,
  };
  for (const [key, value] of Object.entries(addressParts)) {
    if (value) address[key as keyof Address] = value;
  }

  const rawLegalForm = text(draft.legalForm);
  const legalForm = (rawLegalForm && parseLegalForm(rawLegalForm)) || parseLegalForm(name) || 'inna';

  const sources: Source[] = [source];
  for (const url of (draft.sources ?? '').split(/\s+/)) {
    if (url && !sources.some((s) => s.url === url)) sources.push({ url, seenAt: source.seenAt });
  }

  const entity: Entity = {
    id: entityIdFor({ krs, nip, regon, name, city: address.city }),
    name,
    legalForm,
    address,
    domains: unique(websites.filter((w) => !isSharedHost(w.siteKey)).map((w) => w.siteKey)),
    websites: unique(websites.map((w) => w.url)),
    emails,
    phones,
    categories: categoriesOf(draft),
    sources,
    origin: 'directory',
    createdAt: now,
    updatedAt: now,
  };
  if (krs) entity.krs = krs;
  if (nip) entity.nip = nip;
  if (regon) entity.regon = regon;
  const offer = text(draft.offer);
  if (offer) entity.offer = offer;
  const pkd = parsePkd(draft.pkd);
  if (pkd.length) entity.pkd = pkd;
  const status = parseSocialEnterpriseStatus(draft.socialEnterpriseStatus);
  if (status) entity.socialEnterpriseStatus = status;
  const certificates = parseCertificates(draft.certificates);
  if (certificates.length) entity.certificates = certificates;

  // A plain loop, not Object.fromEntries: rows share their objects' shape this way, and building
  // this map was a sixth of an import's planning time.
  const fieldSources: Record<string, string> = {};
  for (const f of setFields(entity)) fieldSources[f] = source.url;
  entity.fieldSources = fieldSources;
  return entity;
}

/** Field paths (as used in Entity.fieldSources) that carry a value. */
export function setFields(e: Entity): string[] {
  const fields: string[] = [];
  for (const f of ENTITY_VALUE_FIELDS) {
    const v = e[f];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) fields.push(f);
  }
  for (const [k, v] of Object.entries(e.address)) if (v) fields.push(`address.${k}`);
  return fields;
}

/** The entity's own data fields, as opposed to bookkeeping (id, sources, dates, origin). */
export const ENTITY_VALUE_FIELDS = [
  'name',
  'legalForm',
  'krs',
  'nip',
  'regon',
  'domains',
  'websites',
  'emails',
  'phones',
  'offer',
  'categories',
  'pkd',
  'socialEnterpriseStatus',
  'certificates',
  'awards',
  'opp',
  'registerStatus',
] as const satisfies readonly (keyof Entity)[];

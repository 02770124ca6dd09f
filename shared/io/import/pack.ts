// The Radar ES data pack: a JSON file holding directory entities, versioned so that an old app
// refuses a newer pack instead of misreading it. The default directory ships as one; regional
// packs are published the same way. Format: docs/data-pack.md.
//
// A pack is a file like any other: every entity is re-validated and rebuilt from the fields this
// version knows (identifiers by checksum, contacts normalised, domains recomputed from websites),
// and one that fails is rejected with a reason instead of being trusted.
import { normalizeEmail, normalizePhone, normalizePostalCode, normalizeWebsite } from '../../model/contact.ts';
import { isSharedHost } from '../../model/domain.ts';
import { entityIdFor, MAX_NAME_LENGTH } from '../../model/entity.ts';
import { parseKrs, parseNip, parseRegon, type IdResult } from '../../model/identifiers.ts';
import type { Address, CategoryId, Certificate, Entity, LegalForm, Source } from '../../model/types.ts';
import { CATEGORIES, LEGAL_FORMS } from '../../model/vocab.ts';
import { ImportError } from './errors.ts';
import type { RejectedRow } from './rejected.ts';
import { MAX_KEPT_REJECTED, MAX_PACK_ENTITIES } from './limits.ts';

import { PACK_FORMAT, PACK_VERSION } from './packFormat.ts';

export { PACK_FORMAT, PACK_VERSION };

export interface PackSource {
  /** Where the data came from, e.g. the compilation or register it was built from. */
  name?: string;
  url?: string;
  licence?: string;
  note?: string;
}

export interface ReadPack {
  name: string;
  createdAt: string;
  source?: PackSource;
  entities: Entity[];
  /** Each accepted entity's 1-based position in the pack (the numbering `rejected` uses too). */
  positions: number[];
  /** Entities that failed validation (the first MAX_KEPT_REJECTED); `row` is the entity's 1-based position. */
  rejected: RejectedRow[];
  /** How many failed in all (more than `rejected` holds when over the cap). */
  rejectedCount: number;
}

// Bookkeeping the database adds (match keys) and user-side flags never travel in a directory pack.
function packed(e: Entity): Entity {
  if (!('keys' in e) && !('candidate' in e)) return e;
  const { keys: _keys, candidate: _candidate, ...rest } = e as Entity & { keys?: unknown };
  return rest as Entity;
}

/**
 * A pack as text: the header fields, then one entity per line, so a pack kept in a repository
 * diffs entity by entity. Valid JSON all the same.
 */
export function writePack(name: string, entities: Entity[], createdAt: string, source?: PackSource, extra?: Record<string, unknown>): string {
  const header = { format: PACK_FORMAT, version: PACK_VERSION, name, createdAt, ...(source ? { source } : {}), ...extra, count: entities.length };
  // The bookkeeping fields are top-level ones: left out by copying, not by a replacer function
  // (a replacer is called for every value: it took 5 of the 8 s of building a 100,000-entity feed).
  const lines = entities.map((e) => JSON.stringify(packed(e)));
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  return `${head},\n  "entities": [\n${lines.map((l) => '    ' + l).join(',\n')}\n  ]\n}\n`;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

class Invalid extends Error {
  constructor(
    readonly reason: string,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

function optStr(o: Obj, key: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (!isStr(v)) throw new Invalid('field_invalid', key);
  return v;
}

function strList(o: Obj, key: string): string[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every(isStr)) throw new Invalid('field_invalid', key);
  return v;
}

function id(o: Obj, key: string, parse: (s: string) => IdResult, reason: string): string | undefined {
  const v = optStr(o, key);
  if (v === undefined) return undefined;
  const r = parse(v);
  if (!r.ok) throw new Invalid(reason, `${r.reason}: ${v}`);
  return r.value;
}

function each<T>(items: string[], normalize: (s: string) => T | null, reason: string): T[] {
  return items.map((item) => {
    const v = normalize(item);
    if (v === null) throw new Invalid(reason, item);
    return v;
  });
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];

function address(raw: unknown): Address {
  if (raw === undefined || raw === null) return {};
  if (!isObj(raw)) throw new Invalid('field_invalid', 'address');
  const out: Address = {};
  for (const key of ['street', 'city', 'commune', 'county', 'voivodeship'] as const) {
    const v = optStr(raw, key);
    if (v) out[key] = v;
  }
  const postal = optStr(raw, 'postalCode');
  if (postal) {
    const p = normalizePostalCode(postal);
    if (!p) throw new Invalid('postal_code_invalid', postal);
    out.postalCode = p;
  }
  return out;
}

function sources(raw: unknown, fallbackDate: string): Source[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new Invalid('field_invalid', 'sources');
  return raw.map((s) => {
    if (!isObj(s) || !isStr(s.url)) throw new Invalid('field_invalid', 'sources');
    const label = optStr(s, 'label');
    return { url: s.url, seenAt: optStr(s, 'seenAt') ?? fallbackDate, ...(label ? { label } : {}) };
  });
}

function certificates(raw: unknown): Certificate[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw new Invalid('field_invalid', 'certificates');
  return raw.map((c) => {
    if (!isObj(c) || !isStr(c.name) || !c.name.trim()) throw new Invalid('field_invalid', 'certificates');
    const cert: Certificate = { name: c.name };
    const scope = optStr(c, 'scope');
    const validUntil = optStr(c, 'validUntil');
    if (scope) cert.scope = scope;
    if (validUntil) cert.validUntil = validUntil;
    if (Number.isInteger(c.year)) cert.year = c.year as number;
    return cert;
  });
}

/** One pack entity → a clean Entity built only from known fields, or the reason it is refused. */
export function validatePackEntity(raw: unknown, packDate: string): Entity {
  if (!isObj(raw)) throw new Invalid('not_an_entity');
  const name = optStr(raw, 'name')?.trim();
  if (!name) throw new Invalid('no_name');
  if (name.length > MAX_NAME_LENGTH) throw new Invalid('name_too_long', `${name.length} > ${MAX_NAME_LENGTH}`);
  const legalForm = optStr(raw, 'legalForm') ?? 'inna';
  if (!Object.hasOwn(LEGAL_FORMS, legalForm)) throw new Invalid('legal_form_invalid', legalForm);

  const krs = id(raw, 'krs', parseKrs, 'krs_invalid');
  const nip = id(raw, 'nip', parseNip, 'nip_invalid');
  const regon = id(raw, 'regon', parseRegon, 'regon_invalid');
  const addr = address(raw.address);
  const websites = each(strList(raw, 'websites'), normalizeWebsite, 'website_invalid');
  const emails = each(strList(raw, 'emails'), normalizeEmail, 'email_invalid');
  // Phones are stored in E.164; one that does not normalise to itself was not written by us.
  const phones = each(strList(raw, 'phones'), (p) => (normalizePhone(p) === p ? p : null), 'phone_invalid');
  const categories = strList(raw, 'categories');
  const unknownCategory = categories.find((c) => !Object.hasOwn(CATEGORIES, c));
  if (unknownCategory) throw new Invalid('category_invalid', unknownCategory);

  const createdAt = optStr(raw, 'createdAt') ?? packDate;
  const entity: Entity = {
    // The id follows from the identifiers; a pack's own id field is not trusted.
    id: entityIdFor({ krs, nip, regon, name, city: addr.city }),
    name,
    legalForm: legalForm as LegalForm,
    address: addr,
    domains: unique(websites.filter((w) => !isSharedHost(w.siteKey)).map((w) => w.siteKey)),
    websites: unique(websites.map((w) => w.url)),
    emails: unique(emails),
    phones: unique(phones),
    categories: unique(categories) as CategoryId[],
    sources: sources(raw.sources, packDate),
    origin: 'directory',
    createdAt,
    updatedAt: optStr(raw, 'updatedAt') ?? createdAt,
  };
  if (krs) entity.krs = krs;
  if (nip) entity.nip = nip;
  if (regon) entity.regon = regon;
  const offer = optStr(raw, 'offer');
  if (offer) entity.offer = offer;
  const pkd = strList(raw, 'pkd');
  if (pkd.length) entity.pkd = pkd;
  const awards = strList(raw, 'awards');
  if (awards.length) entity.awards = awards;
  const certs = certificates(raw.certificates);
  if (certs?.length) entity.certificates = certs;
  const status = raw.socialEnterpriseStatus;
  if (status !== undefined && status !== null) {
    if (!isObj(status) || typeof status.has !== 'boolean') throw new Invalid('field_invalid', 'socialEnterpriseStatus');
    const decidedAt = optStr(status, 'decidedAt');
    entity.socialEnterpriseStatus = decidedAt ? { has: status.has, decidedAt } : { has: status.has };
  }
  if (raw.opp !== undefined && raw.opp !== null) {
    if (typeof raw.opp !== 'boolean') throw new Invalid('field_invalid', 'opp');
    entity.opp = raw.opp;
  }
  const registerStatus = optStr(raw, 'registerStatus');
  if (registerStatus) {
    if (!['active', 'liquidation', 'struck_off'].includes(registerStatus)) throw new Invalid('field_invalid', 'registerStatus');
    entity.registerStatus = registerStatus as Entity['registerStatus'];
  }
  const verifiedAt = optStr(raw, 'verifiedAt');
  if (verifiedAt) entity.verifiedAt = verifiedAt;
  if (isObj(raw.fieldSources)) {
    const fs: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw.fieldSources)) if (isStr(v)) fs[k] = v;
    entity.fieldSources = fs;
  }
  return entity;
}

/** What a rejected pack entity is shown as: its simple fields as text. */
function summary(raw: unknown): Record<string, string> {
  if (!isObj(raw)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (isStr(v)) out[k] = v;
    else if (Array.isArray(v) && v.every(isStr)) out[k] = v.join(' ');
  }
  return out;
}

/** A pack's header, checked, and its entities as they are in the file (not yet validated). */
export interface RawPack {
  name: string;
  createdAt: string;
  source?: PackSource;
  entities: unknown[];
}

/** Parses a pack and checks its header (format, version, count, size); the entities are left as read. */
export function readRawPack(text: string): RawPack {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ImportError('pack_invalid', { reason: 'json' });
  }
  if (!isObj(data) || data.format !== PACK_FORMAT) throw new ImportError('pack_invalid', { reason: 'format' });
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ImportError('pack_invalid', { reason: 'version' });
  }
  if (version > PACK_VERSION) throw new ImportError('pack_version', { version, supported: PACK_VERSION });
  if (!isStr(data.name) || !isStr(data.createdAt) || !Array.isArray(data.entities)) {
    throw new ImportError('pack_invalid', { reason: 'header' });
  }
  // `count` guards against a pack cut short and then "repaired" into valid JSON by hand or a tool.
  if (data.count !== undefined && data.count !== data.entities.length) {
    throw new ImportError('pack_invalid', { reason: 'count', count: String(data.count), found: data.entities.length });
  }
  if (data.entities.length > MAX_PACK_ENTITIES) {
    throw new ImportError('pack_invalid', { reason: 'too_many', count: data.entities.length, limit: MAX_PACK_ENTITIES });
  }
  const source = isObj(data.source) ? packSource(data.source) : undefined;
  return { name: data.name, createdAt: data.createdAt, ...(source ? { source } : {}), entities: data.entities };
}

/** One entity of a pack validated (validatePackEntity), or why it is refused. */
export function checkPackEntity(raw: unknown, packDate: string): { ok: true; entity: Entity } | { ok: false; reason: string; detail?: string } {
  try {
    return { ok: true, entity: validatePackEntity(raw, packDate) };
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    return { ok: false, reason: e.reason, ...(e.detail ? { detail: e.detail } : {}) };
  }
}

export function readPack(text: string): ReadPack {
  const { entities: raws, ...header } = readRawPack(text);
  const entities: Entity[] = [];
  const positions: number[] = [];
  const rejected: RejectedRow[] = [];
  let rejectedCount = 0;
  raws.forEach((raw, i) => {
    const r = checkPackEntity(raw, header.createdAt);
    if (r.ok) {
      entities.push(r.entity);
      positions.push(i + 1);
      return;
    }
    rejectedCount++;
    if (rejected.length < MAX_KEPT_REJECTED) rejected.push({ row: i + 1, reason: r.reason, ...(r.detail ? { detail: r.detail } : {}), values: summary(raw) });
  });
  return { ...header, entities, positions, rejected, rejectedCount };
}

function packSource(o: Obj): PackSource {
  const out: PackSource = {};
  for (const key of ['name', 'url', 'licence', 'note'] as const) if (isStr(o[key])) out[key] = o[key];
  return out;
}

// Field-by-field validation of a list package read from a file. The file is hostile until proven
// otherwise: every record is rebuilt from the fields we know (unknown keys are dropped, so nothing
// like `__proto__` or a local index rides along), every value must have its type (a string stays a
// string, never markup), and counts and lengths are capped. The first bad field rejects the package
// with its path, so nothing half-valid reaches the import preview.
import type {
  ContactAction,
  Address,
  Certificate,
  Channel,
  Entity,
  Interaction,
  Note,
  Person,
  PipelineStatus,
  Saved,
  SharedFrom,
  Source,
  UserValue,
} from '../../model/types.ts';
import { USER_FIELDS } from '../../model/userValues.ts';
import { PIPELINE } from '../../model/types.ts';
import { normalizeEmail, normalizePhone, normalizePostalCode, normalizeWebsite } from '../../model/contact.ts';
import { isSharedHost } from '../../model/domain.ts';
import { parseKrs, parseNip, parseRegon, type IdResult } from '../../model/identifiers.ts';
import { CATEGORIES, LEGAL_FORMS } from '../../model/vocab.ts';
import type { ListPackage } from './listPackage.ts';
import { ShareError } from './shareError.ts';

export const PACKAGE_LIMITS = {
  entities: 20_000,
  persons: 50_000,
  notes: 50_000,
  saved: 20_000,
  interactions: 100_000,
  /** Items in one entity's array (e-mails, sources, categories…). */
  itemsPerField: 500,
  /** Names, ids, addresses, e-mails, URLs. */
  shortText: 2_000,
  /** Offer, note text, interaction summary, list description. */
  longText: 50_000,
} as const;

type Json = Record<string, unknown>;

function fail(path: string, reason: string): never {
  throw new ShareError('invalid', { path, reason });
}

function obj(v: unknown, path: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'expected object');
  return v as Json;
}

function str(v: unknown, path: string, max: number = PACKAGE_LIMITS.shortText): string {
  if (typeof v !== 'string') fail(path, 'expected string');
  if (v.length > max) fail(path, `longer than ${max}`);
  return v;
}

/** JSON has no `undefined`: an absent optional field may also come as null. */
function absent(v: unknown): v is undefined | null {
  return v === undefined || v === null;
}

function optStr(o: Json, key: string, path: string, max?: number): string | undefined {
  return absent(o[key]) ? undefined : str(o[key], `${path}.${key}`, max);
}

function optBool(o: Json, key: string, path: string): boolean | undefined {
  const v = o[key];
  if (absent(v)) return undefined;
  if (typeof v !== 'boolean') fail(`${path}.${key}`, 'expected boolean');
  return v;
}

function optInt(o: Json, key: string, path: string, min: number, max: number): number | undefined {
  const v = o[key];
  if (absent(v)) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(`${path}.${key}`, `expected integer ${min}..${max}`);
  return v;
}

function arr<T>(v: unknown, path: string, max: number, item: (x: unknown, p: string) => T): T[] {
  if (!Array.isArray(v)) fail(path, 'expected array');
  if (v.length > max) fail(path, `more than ${max} items`);
  return v.map((x, i) => item(x, `${path}[${i}]`));
}

function optArr<T>(o: Json, key: string, path: string, item: (x: unknown, p: string) => T): T[] | undefined {
  return absent(o[key]) ? undefined : arr(o[key], `${path}.${key}`, PACKAGE_LIMITS.itemsPerField, item);
}

function date(v: unknown, path: string): string {
  const s = str(v, path, 40);
  if (Number.isNaN(Date.parse(s))) fail(path, 'expected ISO date');
  return s;
}

function optDate(o: Json, key: string, path: string): string | undefined {
  return absent(o[key]) ? undefined : date(o[key], `${path}.${key}`);
}

function oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T {
  const s = str(v, path);
  if (!(allowed as readonly string[]).includes(s)) fail(path, 'unknown value');
  return s as T;
}

/** Our ids: `krs:0000123456`, `nip:…`, `person_<uuid>`… — no spaces or control characters. */
function id(v: unknown, path: string): string {
  const s = str(v, path, 200);
  if (!/^[\w:.-]+$/.test(s)) fail(path, 'malformed id');
  return s;
}

/** Sets only the optional fields that are present, so records carry no `undefined` keys. */
function defined<T extends object>(record: T): T {
  for (const k of Object.keys(record) as (keyof T)[]) if (record[k] === undefined) delete record[k];
  return record;
}

const strings = (x: unknown, p: string) => str(x, p);

function source(v: unknown, path: string): Source {
  const o = obj(v, path);
  return defined({ url: str(o.url, `${path}.url`), seenAt: date(o.seenAt, `${path}.seenAt`), label: optStr(o, 'label', path) });
}

function address(v: unknown, path: string): Address {
  const o = obj(v, path);
  const postal = optStr(o, 'postalCode', path);
  const postalCode = postal === undefined || postal === '' ? undefined : (normalizePostalCode(postal) ?? fail(`${path}.postalCode`, 'postal_code_invalid'));
  return defined({
    street: optStr(o, 'street', path),
    postalCode,
    city: optStr(o, 'city', path),
    commune: optStr(o, 'commune', path),
    county: optStr(o, 'county', path),
    voivodeship: optStr(o, 'voivodeship', path),
  });
}

function certificate(v: unknown, path: string): Certificate {
  const o = obj(v, path);
  return defined({
    name: str(o.name, `${path}.name`),
    scope: optStr(o, 'scope', path),
    validUntil: optDate(o, 'validUntil', path),
    year: optInt(o, 'year', path, 1900, 2200),
  });
}

/** KRS, NIP, REGON: digits of the right length and, as in every import, the right check digit. */
function digits(o: Json, key: string, path: string, lengths: number[], parse: (s: string) => IdResult): string | undefined {
  const s = optStr(o, key, path, 14);
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s) || !lengths.includes(s.length)) fail(`${path}.${key}`, 'malformed identifier');
  const r = parse(s);
  if (!r.ok || r.value !== s) fail(`${path}.${key}`, 'identifier_invalid');
  return s;
}

/**
 * Contact data with the rules of every other importer: web sites http(s) only (no `javascript:`,
 * `data:`, credentials, IPs or unknown suffixes), e-mails plain addresses (`jan@x.pl?bcc=…` is
 * refused), phones normalised to E.164. A value that fails rejects the package with its path:
 * Radar ES writes only normalised values, so a failing one was edited by hand or by someone else.
 */
function website(v: unknown, path: string): { url: string; siteKey: string } {
  const w = normalizeWebsite(str(v, path));
  return w ?? fail(path, 'website_invalid');
}

function email(v: unknown, path: string): string {
  const s = str(v, path);
  const e = normalizeEmail(s);
  // normalizeEmail would strip a "mailto:" or a "?bcc=" query: only a plain address passes.
  if (e === null || e.toLowerCase() !== s.trim().toLowerCase()) fail(path, 'email_invalid');
  return e;
}

function phone(v: unknown, path: string): string {
  return normalizePhone(str(v, path)) ?? fail(path, 'phone_invalid');
}

function optContact(o: Json, key: string, path: string, check: (v: unknown, p: string) => string): string | undefined {
  return absent(o[key]) || o[key] === '' ? undefined : check(o[key], `${path}.${key}`);
}

/**
 * An id of the kind `krs:`/`nip:`/`regon:` must be the entity's own identifier: otherwise a file
 * could name my trusted entity's id and have its data merged into it under another name.
 */
function checkIdMatches(e: Pick<Entity, 'id' | 'krs' | 'nip' | 'regon'>, path: string): void {
  const m = /^(krs|nip|regon):(.*)$/.exec(e.id);
  if (m && e[m[1] as 'krs' | 'nip' | 'regon'] !== m[2]) fail(`${path}.id`, 'id_mismatch');
}

/**
 * Vocabularies grow between releases: a legal form or category this build doesn't know yet is read
 * as 'inna' / left out, rather than refusing a package from a newer build of the same format.
 */
function known<T extends string>(value: string, vocabulary: readonly T[]): T | undefined {
  return (vocabulary as readonly string[]).includes(value) ? (value as T) : undefined;
}

const LEGAL_FORM_IDS = Object.keys(LEGAL_FORMS) as (keyof typeof LEGAL_FORMS)[];
const CATEGORY_IDS = Object.keys(CATEGORIES) as (keyof typeof CATEGORIES)[];

/** A user's addition or correction (optional, since the list packages of issue 18). */
function userValue(v: unknown, path: string): UserValue {
  const o = obj(v, path);
  const later = absent(o.later) ? undefined : obj(o.later, `${path}.later`);
  return defined<UserValue>({
    field: oneOf(o.field, `${path}.field`, USER_FIELDS),
    kind: oneOf(o.kind, `${path}.kind`, ['added', 'corrected', 'removed'] as const),
    value: optStr(o, 'value', path),
    siteKey: optStr(o, 'siteKey', path, 253),
    original: optStr(o, 'original', path),
    originalSource: optStr(o, 'originalSource', path),
    source: source(o.source, `${path}.source`),
    note: optStr(o, 'note', path, PACKAGE_LIMITS.longText),
    at: date(o.at, `${path}.at`),
    later: later && defined({ value: str(later.value, `${path}.later.value`), source: optStr(later, 'source', `${path}.later`), seenAt: optDate(later, 'seenAt', `${path}.later`) }),
    declined: optArr(o, 'declined', path, strings),
    sharedBy: sharedFrom(o, path),
  });
}

function entity(v: unknown, path: string): Entity {
  const o = obj(v, path);
  const ses = absent(o.socialEnterpriseStatus) ? undefined : obj(o.socialEnterpriseStatus, `${path}.socialEnterpriseStatus`);
  const fieldSources = absent(o.fieldSources) ? undefined : obj(o.fieldSources, `${path}.fieldSources`);
  if (fieldSources && Object.keys(fieldSources).length > PACKAGE_LIMITS.itemsPerField) fail(`${path}.fieldSources`, 'too many keys');
  const sites = optArr(o, 'websites', path, website) ?? [];
  // `domains` of the file is never read: a domain lights the badge with this entity's name, so it
  // is derived from the checked web sites, shared platforms (google.com, facebook.com…) left out.
  const domains = [...new Set(sites.filter((w) => !isSharedHost(w.siteKey)).map((w) => w.siteKey))];
  const result = defined<Entity>({
    id: id(o.id, `${path}.id`),
    name: str(o.name, `${path}.name`),
    legalForm: known(str(o.legalForm, `${path}.legalForm`), LEGAL_FORM_IDS) ?? 'inna',
    krs: digits(o, 'krs', path, [10], parseKrs),
    nip: digits(o, 'nip', path, [10], parseNip),
    regon: digits(o, 'regon', path, [9, 14], parseRegon),
    address: address(o.address, `${path}.address`),
    domains,
    websites: [...new Set(sites.map((w) => w.url))],
    emails: [...new Set(optArr(o, 'emails', path, email) ?? [])],
    phones: [...new Set(optArr(o, 'phones', path, phone) ?? [])],
    offer: optStr(o, 'offer', path, PACKAGE_LIMITS.longText),
    categories: (optArr(o, 'categories', path, strings) ?? []).map((c) => known(c, CATEGORY_IDS)).filter((c) => c !== undefined),
    pkd: optArr(o, 'pkd', path, strings),
    socialEnterpriseStatus:
      ses &&
      defined({
        has: optBool(ses, 'has', `${path}.socialEnterpriseStatus`) ?? fail(`${path}.socialEnterpriseStatus.has`, 'expected boolean'),
        decidedAt: optDate(ses, 'decidedAt', `${path}.socialEnterpriseStatus`),
      }),
    certificates: optArr(o, 'certificates', path, certificate),
    awards: optArr(o, 'awards', path, strings),
    opp: optBool(o, 'opp', path),
    registerStatus: absent(o.registerStatus)
      ? undefined
      : oneOf(o.registerStatus, `${path}.registerStatus`, ['active', 'liquidation', 'struck_off'] as const),
    sources: optArr(o, 'sources', path, source) ?? [],
    fieldSources:
      fieldSources &&
      Object.fromEntries(Object.entries(fieldSources).map(([k, x]) => [str(k, `${path}.fieldSources`, 100), str(x, `${path}.fieldSources.${k}`)])),
    origin: oneOf(o.origin, `${path}.origin`, ['directory', 'user'] as const),
    // `verifiedAt` (when *my* app checked the registers) is not the sender's to assert. `candidate`
    // ("found on a page, not confirmed") is kept: it can only make an entity look less certain.
    candidate: optBool(o, 'candidate', path),
    createdAt: date(o.createdAt, `${path}.createdAt`),
    updatedAt: date(o.updatedAt, `${path}.updatedAt`),
    userValues: optArr(o, 'userValues', path, userValue),
  });
  checkIdMatches(result, path);
  return result;
}

function person(v: unknown, path: string): Person {
  const o = obj(v, path);
  return defined({
    id: id(o.id, `${path}.id`),
    entityId: id(o.entityId, `${path}.entityId`),
    name: str(o.name, `${path}.name`),
    role: optStr(o, 'role', path),
    email: optContact(o, 'email', path, email),
    phone: optContact(o, 'phone', path, phone),
    createdAt: date(o.createdAt, `${path}.createdAt`),
    updatedAt: date(o.updatedAt, `${path}.updatedAt`),
  });
}

function sharedFrom(o: Json, path: string): SharedFrom | undefined {
  if (absent(o.sharedBy)) return undefined;
  const s = obj(o.sharedBy, `${path}.sharedBy`);
  const p = `${path}.sharedBy`;
  return defined({ name: optStr(s, 'name', p), company: optStr(s, 'company', p), exportedAt: date(s.exportedAt, `${p}.exportedAt`) });
}

function note(v: unknown, path: string): Note {
  const o = obj(v, path);
  return defined({
    id: id(o.id, `${path}.id`),
    entityId: id(o.entityId, `${path}.entityId`),
    text: str(o.text, `${path}.text`, PACKAGE_LIMITS.longText),
    createdAt: date(o.createdAt, `${path}.createdAt`),
    updatedAt: date(o.updatedAt, `${path}.updatedAt`),
    sharedBy: sharedFrom(o, path),
  });
}

function saved(v: unknown, path: string): Saved {
  const o = obj(v, path);
  return defined({
    entityId: id(o.entityId, `${path}.entityId`),
    status: oneOf<PipelineStatus>(o.status, `${path}.status`, PIPELINE),
    tags: optArr(o, 'tags', path, strings) ?? [],
    rating: optInt(o, 'rating', path, 1, 5),
    followUpAt: optDate(o, 'followUpAt', path),
    createdAt: date(o.createdAt, `${path}.createdAt`),
    updatedAt: date(o.updatedAt, `${path}.updatedAt`),
  });
}

const CHANNELS: readonly Channel[] = ['email', 'phone', 'meeting', 'other'];
const CONTACT_ACTIONS: readonly ContactAction['kind'][] = ['mail', 'mailCopied', 'addressCopied', 'call', 'phoneCopied'];

function contactAction(o: Json, path: string): ContactAction | undefined {
  if (absent(o.action)) return undefined;
  const a = obj(o.action, `${path}.action`);
  return defined({ kind: oneOf(a.kind, `${path}.action.kind`, CONTACT_ACTIONS), value: optStr(a, 'value', `${path}.action`) });
}

function interaction(v: unknown, path: string): Interaction {
  const o = obj(v, path);
  return defined({
    id: id(o.id, `${path}.id`),
    entityId: id(o.entityId, `${path}.entityId`),
    channel: oneOf(o.channel, `${path}.channel`, CHANNELS),
    at: date(o.at, `${path}.at`),
    summary: str(o.summary, `${path}.summary`, PACKAGE_LIMITS.longText),
    outcome: optStr(o, 'outcome', path, PACKAGE_LIMITS.longText),
    template: optStr(o, 'template', path),
    action: contactAction(o, path),
    sharedBy: sharedFrom(o, path),
  });
}

/** Every record must belong to an entity of the package: anything else means a broken file. */
function belongs(items: { entityId: string }[], ids: Set<string>, path: string): void {
  items.forEach((item, i) => {
    if (!ids.has(item.entityId)) fail(`${path}[${i}].entityId`, 'entity not in package');
  });
}

/** Everything but format and version, which the reader has checked first. */
export function validatePackageBody(root: Json): Omit<ListPackage, 'format' | 'version'> {
  const exporter = absent(root.exporter) ? undefined : obj(root.exporter, 'exporter');
  const list = obj(root.list, 'list');
  const entities = arr(root.entities, 'entities', PACKAGE_LIMITS.entities, entity);
  const ids = new Set(entities.map((e) => e.id));
  if (ids.size !== entities.length) fail('entities', 'duplicate id');
  const persons = arr(root.persons, 'persons', PACKAGE_LIMITS.persons, person);
  belongs(persons, ids, 'persons');
  const priv = absent(root.private) ? undefined : obj(root.private, 'private');
  const privateData = priv && {
    notes: arr(priv.notes ?? [], 'private.notes', PACKAGE_LIMITS.notes, note),
    saved: arr(priv.saved ?? [], 'private.saved', PACKAGE_LIMITS.saved, saved),
    interactions: arr(priv.interactions ?? [], 'private.interactions', PACKAGE_LIMITS.interactions, interaction),
  };
  if (privateData) {
    belongs(privateData.notes, ids, 'private.notes');
    belongs(privateData.saved, ids, 'private.saved');
    belongs(privateData.interactions, ids, 'private.interactions');
  }
  const name = str(list.name, 'list.name', 200).trim();
  if (!name) fail('list.name', 'empty');
  return defined({
    exportedAt: date(root.exportedAt, 'exportedAt'),
    exporter: exporter && defined({ name: optStr(exporter, 'name', 'exporter', 200), company: optStr(exporter, 'company', 'exporter', 200) }),
    list: defined({ name, description: optStr(list, 'description', 'list', PACKAGE_LIMITS.longText) }),
    entities,
    persons,
    private: privateData,
  });
}

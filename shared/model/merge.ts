// Deduplication of entities arriving from several sources (directory files, KRS, pages, the user).
// Merge by identifiers first (KRS, NIP, REGON), then by folded name + city; never lose a value:
// list fields are unioned, and a scalar field takes the newer source's value.
import { fold } from './fold.ts';
import type { Address, Certificate, Entity, Source } from './types.ts';
import { keepUserValues, replacedIdentifiers } from './userValues.ts';

// Words that name a legal form rather than the entity, so "Spółdzielnia Socjalna „Serwis”" and
// "SERWIS SPÓŁDZIELNIA SOCJALNA" share a key. Unit types (ZAZ, CIS, WTZ…) are kept: "ZAZ w Tarnowie"
// and "CIS w Tarnowie" are different entities in one town.
const LEGAL_FORM_WORDS =
  /\b(?:spoldzielni\w* socjaln\w*|ss|fundacj[aie]|stowarzyszeni[ea]|spolka z ograniczona odpowiedzialnoscia|sp z o ?o|non profit)\b/g;

/** Folded name without quotes, punctuation and legal-form words, whitespace collapsed. */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(LEGAL_FORM_WORDS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Keys to find an existing record of the same entity, most reliable first. */
export function matchKeys(e: Pick<Entity, 'krs' | 'nip' | 'regon' | 'name' | 'address' | 'userValues'>): string[] {
  const keys: string[] = [];
  if (e.krs) keys.push(`krs:${e.krs}`);
  if (e.nip) keys.push(`nip:${e.nip}`);
  if (e.regon) keys.push(`regon:${e.regon}`);
  // An identifier the user corrected still finds the entity: the list it came from states it again.
  if (e.userValues) for (const k of IDENTIFIERS) for (const old of replacedIdentifiers(e, k)) keys.push(`${k}:${old}`);
  const name = nameKey(e.name);
  if (name) keys.push(`name:${name}|${nameKey(e.address?.city ?? '')}`);
  for (const uv of e.userValues ?? []) {
    if (uv.field !== 'name' || uv.kind !== 'corrected' || !uv.original) continue;
    const old = nameKey(uv.original);
    if (old && old !== name) keys.push(`name:${old}|${nameKey(e.address?.city ?? '')}`);
  }
  return keys;
}

const IDENTIFIERS = ['krs', 'nip', 'regon'] as const;

/**
 * Whether two records may describe the same organisation: never when they carry different values
 * of the same identifier. Two foundations of one name in one town are two organisations when
 * their KRS numbers differ, however alike their names are.
 */
export function canMerge(
  a: Pick<Entity, 'krs' | 'nip' | 'regon' | 'userValues'>,
  b: Pick<Entity, 'krs' | 'nip' | 'regon' | 'userValues'>,
): boolean {
  // An identifier the user corrected on either side: the value it replaced still names the entity.
  const agree = (k: (typeof IDENTIFIERS)[number], x: typeof a, y: typeof b) => y[k] === x[k] || replacedIdentifiers(x, k).includes(y[k]!);
  return IDENTIFIERS.every((k) => !a[k] || !b[k] || agree(k, a, b) || agree(k, b, a));
}

const SCALAR_FIELDS = [
  'name',
  'legalForm',
  'krs',
  'nip',
  'regon',
  'offer',
  'socialEnterpriseStatus',
  'opp',
  'registerStatus',
] as const satisfies readonly (keyof Entity)[];

const ADDRESS_FIELDS = ['street', 'postalCode', 'city', 'commune', 'county', 'voivodeship'] as const satisfies readonly (keyof Address)[];

const LIST_FIELDS = ['domains', 'websites', 'emails', 'phones', 'categories', 'pkd', 'awards'] as const satisfies readonly (keyof Entity)[];

/** Equality of plain data (what the database stores); a property set to undefined counts as absent. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameData(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!sameData(ao[k], bo[k])) return false;
  return true;
}

function latestSeen(sources: Source[]): Source | undefined {
  let latest: Source | undefined;
  for (const s of sources) if (!latest || s.seenAt > latest.seenAt) latest = s;
  return latest;
}

/** The source a field's value came from, and when it was seen ('' when unknown: oldest). */
function provenance(e: Entity, field: string): { url?: string; seenAt: string } {
  const url = e.fieldSources?.[field];
  const source = url === undefined ? undefined : e.sources.find((s) => s.url === url);
  return source ? { url, seenAt: source.seenAt } : { url, seenAt: '' };
}

function union<T>(a: T[] | undefined, b: T[] | undefined, key: (v: T) => string = String): T[] {
  const out = [...(a ?? [])];
  const seen = new Set(out.map(key));
  for (const v of b ?? []) {
    const k = key(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}

const certificateKey = (c: Certificate) => [c.name, c.year, c.scope, c.validUntil].join('|');

/**
 * Whether `existing` holds every value `incoming` gives (equal scalars and address fields, lists
 * and certificates and sources it contains), with no user values on either: merging `incoming`
 * into it then changes nothing, whatever the dates of their sources. A feed update uses it to
 * skip an entity the publisher did not change (commands/feeds.ts); false is always safe.
 */
export function holdsAllValues(existing: Entity, incoming: Entity): boolean {
  if (existing.userValues?.length || incoming.userValues?.length) return false;
  for (const f of SCALAR_FIELDS) if (incoming[f] !== undefined && !sameData(incoming[f], existing[f])) return false;
  for (const f of ADDRESS_FIELDS) if (incoming.address?.[f] !== undefined && incoming.address[f] !== existing.address?.[f]) return false;
  for (const f of LIST_FIELDS) {
    const have = new Set(existing[f] ?? []);
    if ((incoming[f] ?? []).some((v) => !have.has(v))) return false;
  }
  const certs = new Set((existing.certificates ?? []).map(certificateKey));
  if ((incoming.certificates ?? []).some((c) => !certs.has(certificateKey(c)))) return false;
  const urls = new Set(existing.sources.map((s) => s.url));
  return incoming.sources.every((s) => urls.has(s.url));
}

/**
 * Merges a freshly built record into the stored one. The stored record keeps its id, creation date,
 * origin, candidate flag and verification date. `changed` is false when nothing but updatedAt would
 * differ, so re-importing the same file writes nothing.
 */
export function mergeEntity(existing: Entity, incoming: Entity, now: string): { entity: Entity; changed: boolean } {
  const merged: Entity = structuredClone(existing);
  const fieldSources: Record<string, string> = {};
  for (const [k, v] of Object.entries(existing.fieldSources ?? {})) if (v !== undefined) fieldSources[k] = v;
  const incomingLatest = latestSeen(incoming.sources);

  /** Whether the incoming value of a field should replace the stored one, by the date of their sources. */
  const incomingWins = (field: string): boolean => {
    const had = provenance(existing, field);
    const got = provenance(incoming, field);
    // Without a per-field source the incoming record's newest source speaks for it.
    const gotSeen = got.url === undefined ? (incomingLatest?.seenAt ?? '') : got.seenAt;
    if (gotSeen !== had.seenAt) return gotSeen > had.seenAt;
    // Same date: only the source that set the value may change it (a corrected re-import of the
    // same file). Two different files of one day would otherwise swap the value on every import.
    const gotUrl = got.url ?? incomingLatest?.url;
    return had.url === undefined || gotUrl === had.url;
  };
  const take = (field: string) => {
    const url = incoming.fieldSources?.[field] ?? incomingLatest?.url;
    if (url !== undefined) fieldSources[field] = url;
  };

  for (const field of SCALAR_FIELDS) {
    const next = incoming[field];
    const current = existing[field];
    if (next === undefined || sameData(next, current)) continue;
    // "inna" (other) is what a record says when it does not know the form: never an update.
    if (field === 'legalForm' && next === 'inna' && current !== undefined) continue;
    // An identifier, once known, is the record's identity: only a register check may correct it.
    if ((IDENTIFIERS as readonly string[]).includes(field) && current !== undefined) continue;
    if (current === undefined || incomingWins(field)) {
      (merged as unknown as Record<string, unknown>)[field] = structuredClone(next);
      take(field);
    }
  }
  for (const field of ADDRESS_FIELDS) {
    const next = incoming.address?.[field];
    const current = existing.address?.[field];
    if (next === undefined || next === current) continue;
    if (current === undefined || incomingWins(`address.${field}`)) {
      merged.address = { ...merged.address, [field]: next };
      take(`address.${field}`);
    }
  }
  for (const field of LIST_FIELDS) {
    const list = union<string>(existing[field], incoming[field]);
    if (list.length === (existing[field]?.length ?? 0)) continue;
    (merged as unknown as Record<string, unknown>)[field] = list;
    if (!existing[field]?.length) take(field);
  }
  const certificates = union(existing.certificates, incoming.certificates, certificateKey);
  if (certificates.length !== (existing.certificates?.length ?? 0)) {
    merged.certificates = structuredClone(certificates);
    if (!existing.certificates?.length) take('certificates');
  }
  merged.sources = union(existing.sources, incoming.sources, (s) => s.url).map((s) => ({ ...s }));
  if (Object.keys(fieldSources).length) merged.fieldSources = fieldSources;
  // What the user added or corrected wins over every source, and a differing later value is kept
  // beside it (userValues.ts): imports, feed updates and list packages all merge through here.
  keepUserValues(merged, existing, incoming);

  const changed = !sameData({ ...merged, updatedAt: undefined }, { ...existing, updatedAt: undefined });
  if (!changed) return { entity: existing, changed: false };

  // The record changed because of these sources: note when each was last seen. (Left alone when
  // nothing changed, so a re-import on another day is still a no-op.)
  const incomingSeen = new Map(incoming.sources.map((s) => [s.url, s.seenAt]));
  for (const s of merged.sources) {
    const seen = incomingSeen.get(s.url);
    if (seen !== undefined && seen > s.seenAt) s.seenAt = seen;
  }
  merged.updatedAt = now;
  return { entity: merged, changed: true };
}

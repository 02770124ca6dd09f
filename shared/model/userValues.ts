// The user's values on an entity: values added from a page or by hand, and corrections ("the right
// value is…", "this is no longer true"). The entity's fields show them at once; the records in
// `entity.userValues` keep each one's source and the value it replaced, and the merge rule here
// makes every later merge (a re-import, a feed update, a list package) keep them:
// - an import never overwrites a user's value: after mergeEntity merged a source in, every user
//   value is applied again;
// - a later source that states yet another value for the field (neither the user's nor the one it
//   replaced) is kept in `later`, so both are shown and the user picks (pickLaterValue in
//   shared/db/commands/corrections.ts);
// - a removed or corrected list item (an e-mail that no longer works) stays out even when the source
//   still lists it.
// Pure and import-free (no URL or phone library): merge.ts runs it on every merged record, and it is
// bundled wherever matchKeys is (the popup).
import type { Address, Entity, Source, UserField, UserValue } from './types.ts';

export const LIST_USER_FIELDS = ['emails', 'phones', 'websites'] as const;
export type ListUserField = (typeof LIST_USER_FIELDS)[number];
export type ScalarUserField = Exclude<UserField, ListUserField>;

export const USER_FIELDS: readonly UserField[] = [
  'name',
  'krs',
  'nip',
  'regon',
  'address.street',
  'address.postalCode',
  'address.city',
  'emails',
  'phones',
  'websites',
];

export function isListField(field: UserField): field is ListUserField {
  return (LIST_USER_FIELDS as readonly string[]).includes(field);
}

/** A scalar field's value on an entity. */
export function scalarValue(e: Pick<Entity, 'name' | 'krs' | 'nip' | 'regon' | 'address'>, field: ScalarUserField): string | undefined {
  if (field.startsWith('address.')) return e.address?.[field.slice(8) as keyof Address];
  return e[field as 'name' | 'krs' | 'nip' | 'regon'];
}

function setScalar(e: Entity, field: ScalarUserField, value: string | undefined): void {
  if (field.startsWith('address.')) {
    const part = field.slice(8) as keyof Address;
    const address = { ...e.address };
    if (value === undefined) delete address[part];
    else address[part] = value;
    e.address = address;
  } else if (field === 'name') {
    // An entity always has a name: "no longer true" on a name keeps the name it had.
    if (value !== undefined) e.name = value;
  } else if (value === undefined) delete e[field as 'krs' | 'nip' | 'regon'];
  else e[field as 'krs' | 'nip' | 'regon'] = value;
}

/**
 * The site key of a stored website URL (stored URLs are WHATWG-serialised: lower-case ASCII host),
 * without a URL parser: the host without a leading "www.".
 */
export function siteKeyOfStoredUrl(url: string): string | undefined {
  const m = /^https?:\/\/([^/?#:@]+)/i.exec(url);
  if (!m) return undefined;
  const host = m[1].toLowerCase().replace(/\.$/, '');
  return host.startsWith('www.') ? host.slice(4) : host;
}

function removeItem(e: Entity, field: ListUserField, item: string): void {
  const list = e[field];
  if (!list.includes(item)) return;
  e[field] = list.filter((v) => v !== item);
  if (field === 'websites') {
    const key = siteKeyOfStoredUrl(item);
    // The key goes only when no other website of the entity is on the same site.
    if (key && !e.websites.some((w) => siteKeyOfStoredUrl(w) === key)) e.domains = e.domains.filter((d) => d !== key);
  }
}

function addItem(e: Entity, field: ListUserField, item: string, siteKey?: string): void {
  if (!e[field].includes(item)) e[field] = [...e[field], item];
  if (field === 'websites' && siteKey && !e.domains.includes(siteKey)) e.domains = [...e.domains, siteKey];
}

function setFieldSource(e: Entity, field: string, url: string | undefined): void {
  const sources: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.fieldSources ?? {})) if (v !== undefined) sources[k] = v;
  if (url === undefined) delete sources[field];
  else sources[field] = url;
  if (Object.keys(sources).length) e.fieldSources = sources;
  else delete e.fieldSources;
}

/** Makes the entity show one user value (mutates `e`). */
export function applyUserValue(e: Entity, uv: UserValue): void {
  if (isListField(uv.field)) {
    if (uv.kind !== 'added' && uv.original !== undefined) removeItem(e, uv.field, uv.original);
    if (uv.kind !== 'removed' && uv.value !== undefined) addItem(e, uv.field, uv.value, uv.siteKey);
    // A list's field source names who gave its first items: an added item keeps its own source in
    // the user value, and the list's stays as it was unless the list was empty.
    if (uv.kind !== 'removed' && e.fieldSources?.[uv.field] === undefined && e[uv.field].length === 1) {
      setFieldSource(e, uv.field, uv.source.url);
    }
    return;
  }
  if (uv.kind === 'removed') {
    setScalar(e, uv.field, undefined);
    if (uv.field !== 'name') setFieldSource(e, uv.field, undefined);
    return;
  }
  setScalar(e, uv.field, uv.value);
  setFieldSource(e, uv.field, uv.source.url);
}

/** Same field, same kind, same values: one user value stated twice (a list package read twice). */
export function sameUserValue(a: UserValue, b: UserValue): boolean {
  return a.field === b.field && a.kind === b.kind && a.value === b.value && a.original === b.original;
}

function latestSource(sources: Source[]): Source | undefined {
  let latest: Source | undefined;
  for (const s of sources) if (!latest || s.seenAt > latest.seenAt) latest = s;
  return latest;
}

/**
 * The merge rule for user values, run by mergeEntity after it merged `incoming` into `merged` (a
 * copy of `existing`). Every user value of the stored record is applied again, so nothing the user
 * added or corrected is overwritten; a scalar value from `incoming` that differs from the user's and
 * from the value the user replaced is kept as `later` on that user value (shown next to it, the user
 * picks). User values that `incoming` carries (someone else's corrections, in a list package) are
 * taken for fields the stored record has none of its own for.
 */
export function keepUserValues(merged: Entity, existing: Entity, incoming: Entity): void {
  const own = existing.userValues ?? [];
  const foreign = (incoming.userValues ?? []).filter(
    (uv) => !own.some((mine) => mine.field === uv.field && (!isListField(uv.field) || sameUserValue(mine, uv))),
  );
  if (!own.length && !foreign.length) return;
  const values = [...own.map((uv) => structuredClone(uv)), ...foreign.map((uv) => structuredClone(uv))];
  const incomingLatest = latestSource(incoming.sources);
  for (const uv of values) {
    if (!isListField(uv.field)) {
      const stated = scalarValue(incoming, uv.field);
      const known = stated === undefined || stated === uv.value || stated === uv.original || stated === uv.later?.value;
      if (!known && !uv.declined?.includes(stated)) {
        const url = incoming.fieldSources?.[uv.field] ?? incomingLatest?.url;
        const seenAt = (url !== undefined ? incoming.sources.find((s) => s.url === url)?.seenAt : undefined) ?? incomingLatest?.seenAt;
        uv.later = { value: stated, ...(url !== undefined ? { source: url } : {}), ...(seenAt !== undefined ? { seenAt } : {}) };
      }
    }
    applyUserValue(merged, uv);
  }
  merged.userValues = values;
  // A field the user's values hold as it was keeps its provenance: a source whose value was not
  // taken must not become the field's source (a re-import would otherwise rewrite every record).
  for (const field of new Set(values.map((uv) => uv.field))) {
    const before = isListField(field) ? existing[field] : scalarValue(existing, field);
    const after = isListField(field) ? merged[field] : scalarValue(merged, field);
    if (JSON.stringify(before) === JSON.stringify(after)) setFieldSource(merged, field, existing.fieldSources?.[field]);
  }
}

/** The identifiers this entity had before the user corrected them: a source stating them still means this entity. */
export function replacedIdentifiers(e: Pick<Entity, 'userValues'>, field: 'krs' | 'nip' | 'regon'): string[] {
  const out: string[] = [];
  for (const uv of e.userValues ?? []) if (uv.field === field && uv.kind !== 'added' && uv.original) out.push(uv.original);
  return out;
}

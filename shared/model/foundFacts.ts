// What a scanned page states, checked as an import checks it, and what of it an entity lacks or
// states differently ("Found on this page" in the popup). Raw facts cross a process boundary from a
// page that may be hostile: only values that pass fieldValue.ts are kept, the lists are capped, and
// an identifier is offered only when the page is unambiguous about it.
import { normalizePhone } from './contact.ts';
import { parseFieldValue, plainEmail } from './fieldValue.ts';
import { isValidNip, isValidRegon, parseNip } from './identifiers.ts';
import { nameKey } from './merge.ts';
import { fold } from './fold.ts';
import type { Entity, PageHints, UserField } from './types.ts';

/** Values of one kind shown at most: a page listing its staff's hundred e-mails is not one entity's contact. */
const MAX_SHOWN = 8;

export interface FoundFacts {
  /** The organisation's legal name, from structured data. */
  legalName?: string;
  /** Its name: structured data's `name`, else a telling phrase with a legal form in the text. */
  name?: string;
  emails: string[];
  phones: string[];
  websites: { url: string; siteKey: string }[];
  nips: string[];
  regons: string[];
  krs: string[];
  address: { street?: string; postalCode?: string; city?: string };
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

// "31-444 Kraków", "31-444 Zielona Góra"; a street as Polish addresses write it.
const POSTAL_CITY = /(?<!\d)(\d{2})[-‐–](\d{3})(?!\d)[ \u00a0,]+(\p{Lu}[\p{Ll}]+(?:[ -]\p{Lu}?[\p{Ll}]+){0,3})/u;
const STREET = /(?<!\p{L})((?:ul\.|al\.|pl\.|os\.|ulica|aleja|plac|osiedle)[ \u00a0]*\p{Lu}[^,;\n]{1,60}?[ \u00a0]\d+[a-zA-Z]?(?:[/ ]\d+[a-zA-Z]?)?)(?![\d])/u;

/** A postal code, town and street read from a free-text address (a footer, an <address>). */
export function addressFromText(text: string): FoundFacts['address'] {
  const out: FoundFacts['address'] = {};
  const pc = POSTAL_CITY.exec(text);
  if (pc) {
    out.postalCode = `${pc[1]}-${pc[2]}`;
    out.city = pc[3];
  }
  const st = STREET.exec(text);
  if (st) out.street = st[1].replace(/\s+/g, ' ').trim();
  return out;
}

/** Markup in a stated name or street ("<b>Serwis</b>", a planted <img onerror>) is dropped: text only. */
const TAG = /<[^<>]{0,300}>/g;

function checked(field: UserField, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const r = parseFieldValue(field, raw.replace(TAG, ' '));
  return r.ok ? r.value : undefined;
}

/** The page's statements, each one checked; structured data first, then links and text. */
export function checkFacts(hints: PageHints): FoundFacts {
  const f = hints.facts;
  const emails = unique([...(f?.emails ?? []), ...hints.emails].map(plainEmail).filter((e): e is string => e !== null));
  const phones = unique([...(f?.phones ?? []), ...hints.phones].map((p) => normalizePhone(p)).filter((p): p is string => p !== null));
  const websites: FoundFacts['websites'] = [];
  for (const u of f?.urls ?? []) {
    const r = parseFieldValue('websites', u);
    // sameAs is mostly Facebook and Instagram: a shared platform is never the entity's own site.
    if (r.ok && r.siteKey && !websites.some((w) => w.siteKey === r.siteKey)) websites.push({ url: new URL('/', r.value).href, siteKey: r.siteKey });
  }
  const structuredNips = unique((f?.taxIds ?? []).map((t) => parseNip(t)).flatMap((r) => (r.ok ? [r.value] : [])));
  const address: FoundFacts['address'] = {};
  const structured = f?.addresses[0];
  if (structured) {
    const street = checked('address.street', structured.street);
    const postalCode = checked('address.postalCode', structured.postalCode);
    const city = checked('address.city', structured.city);
    if (street) address.street = street;
    if (postalCode) address.postalCode = postalCode;
    if (city) address.city = city;
  }
  for (const place of f?.places ?? []) {
    if (address.postalCode && address.street) break;
    const read = addressFromText(place);
    if (!address.postalCode && read.postalCode) {
      address.postalCode = read.postalCode;
      address.city ??= read.city;
    }
    if (!address.street && read.street) address.street = read.street;
  }
  const name = checked('name', f?.names[0]) ?? checked('name', f?.namePhrases[0]);
  const legalName = checked('name', f?.legalNames[0]);
  return {
    ...(legalName ? { legalName } : {}),
    ...(name ? { name } : {}),
    emails: emails.slice(0, MAX_SHOWN),
    phones: phones.slice(0, MAX_SHOWN),
    websites: websites.slice(0, MAX_SHOWN),
    nips: unique([...structuredNips, ...hints.nips.filter(isValidNip)]),
    regons: unique(hints.regons.filter(isValidRegon)),
    krs: unique(hints.krs.filter((k) => /^\d{10}$/.test(k) && !/^0+$/.test(k))),
    address,
  };
}

/** One thing the page states that the entity lacks (`missing`) or states otherwise (`differs`). */
export interface FactOffer {
  field: UserField;
  value: string;
  kind: 'missing' | 'differs';
  /** The entity's current value, for `differs`. */
  current?: string;
}

/**
 * A page's identifier of one kind, when it is unambiguous: the structured one, else the only one
 * in the text. A page naming several NIPs (a list of partners) says nothing about its owner's.
 */
function oneIdentifier(found: string[], structured: string | undefined): string | undefined {
  if (structured) return structured;
  return found.length === 1 ? found[0] : undefined;
}

const sameText = (a: string, b: string) => fold(a).replace(/\s+/g, ' ').trim() === fold(b).replace(/\s+/g, ' ').trim();

/**
 * What to offer for an entity: values its record lacks, and values it states differently.
 * `withSites` is false when the entity was recognised by an identifier on the page rather than by
 * its address: the page may be someone else's, so its sites are not offered as the entity's.
 */
export function offersFor(entity: Entity, found: FoundFacts, opts: { withSites: boolean; structuredNip?: string }): FactOffer[] {
  const offers: FactOffer[] = [];
  for (const e of found.emails) if (!entity.emails.includes(e)) offers.push({ field: 'emails', value: e, kind: 'missing' });
  for (const p of found.phones) if (!entity.phones.includes(p)) offers.push({ field: 'phones', value: p, kind: 'missing' });
  if (opts.withSites) {
    for (const w of found.websites) if (!entity.domains.includes(w.siteKey)) offers.push({ field: 'websites', value: w.url, kind: 'missing' });
  }
  const ids: ['nip' | 'regon' | 'krs', string[], string | undefined][] = [
    ['nip', found.nips, opts.structuredNip],
    ['regon', found.regons, undefined],
    ['krs', found.krs, undefined],
  ];
  for (const [field, values, structured] of ids) {
    const current = entity[field];
    if (current && values.includes(current)) continue;
    const value = oneIdentifier(values, structured);
    if (value) offers.push(current ? { field, value, kind: 'differs', current } : { field, value, kind: 'missing' });
  }
  if (found.legalName && nameKey(found.legalName) !== nameKey(entity.name)) {
    offers.push({ field: 'name', value: found.legalName, kind: 'differs', current: entity.name });
  }
  const parts: ['address.street' | 'address.postalCode' | 'address.city', string | undefined, string | undefined][] = [
    ['address.street', found.address.street, entity.address.street],
    ['address.postalCode', found.address.postalCode, entity.address.postalCode],
    ['address.city', found.address.city, entity.address.city],
  ];
  for (const [field, value, current] of parts) {
    if (!value || (current && sameText(current, value))) continue;
    offers.push(current ? { field, value, kind: 'differs', current } : { field, value, kind: 'missing' });
  }
  return offers;
}

/** The NIP the page's structured data states, if valid: it outranks numbers in the text. */
export function structuredNip(hints: PageHints): string | undefined {
  for (const t of hints.facts?.taxIds ?? []) {
    const r = parseNip(t);
    if (r.ok) return r.value;
  }
  return undefined;
}

/**
 * The name a candidate from this page gets: the legal name from structured data, else a telling
 * phrase with a legal form ("Spółdzielnia Socjalna „Serwis”"), else structured data's name; the
 * page title comes after (candidate.ts).
 */
export function nameFromFacts(found: FoundFacts, hints: PageHints): string | undefined {
  return found.legalName ?? checked('name', hints.facts?.namePhrases[0]) ?? found.name;
}

/** What to type into the quick search to find this page's entity: a name, else an identifier, with the town. */
export function searchTextFor(found: FoundFacts, hints: PageHints): string {
  const id = found.nips[0] ?? found.krs[0] ?? found.regons[0];
  const name = nameFromFacts(found, hints);
  if (name) return [name, found.address.city].filter(Boolean).join(' ');
  return id ?? '';
}

// What a page states about the organisation behind it, as raw strings: schema.org structured data
// (JSON-LD Organization / LocalBusiness and their subtypes), then mailto:/tel: links, <address> and
// footer text, and a telling name ("Spółdzielnia Socjalna „Serwis”") in the page text.
// It runs in the content script on every scanned page, so it is tiny (no imports but types) and
// bounded: at most MAX_SCRIPTS scripts of MAX_SCRIPT_CHARS each are parsed, the walk stops at
// MAX_DEPTH levels and MAX_NODES objects, and every list and string is capped. Nothing here is
// trusted: the popup checks every value as an import would (shared/model/foundFacts.ts).
import type { RawPageFacts } from './types.ts';

/** A JSON-LD block larger than this is skipped: real ones are 1–20 KB; 100 KB is generous. */
export const MAX_SCRIPT_CHARS = 100_000;
export const MAX_SCRIPTS = 8;
/** Organisation data sits 1–4 levels deep (@graph → Organization → address); 10 leaves room. */
export const MAX_DEPTH = 10;
export const MAX_NODES = 2_000;
export const MAX_FACTS = 20;
export const MAX_FACT_CHARS = 300;
/** A free-text address (an <address>, a footer) is kept to its first characters: where the address is. */
export const MAX_PLACE_CHARS = 600;
export const MAX_PLACES = 5;

export function emptyFacts(): RawPageFacts {
  return { names: [], legalNames: [], emails: [], phones: [], urls: [], taxIds: [], addresses: [], places: [], namePhrases: [] };
}

function add(list: string[], v: unknown): void {
  if (typeof v === 'number') v = String(v);
  if (typeof v !== 'string') return;
  const s = v.replace(/\s+/g, ' ').trim();
  if (s && s.length <= MAX_FACT_CHARS && list.length < MAX_FACTS && !list.includes(s)) list.push(s);
}

function addAll(list: string[], v: unknown): void {
  if (Array.isArray(v)) for (const x of v.slice(0, MAX_FACTS)) add(list, x);
  else add(list, v);
}

// schema.org's Organization subtypes a social economy entity's site uses, and LocalBusiness with
// its own (Restaurant, Store, LodgingBusiness…): any type ending in one of these words.
const ORG_TYPE = /(?:Organization|Business|Store|Restaurant|Shop|Hotel|Cooperative|Corporation|NGO|Agency|Service|Center|Office|Bakery|Cafe|CafeOrCoffeeShop|Brewery|Winery|Establishment|Clinic|School|Club|Library|Museum|Project|FundingScheme)$/;

function typeNames(t: unknown): string[] {
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.slice(x.search(/[^/#:]*$/)));
}

function isOrganisation(node: Record<string, unknown>): boolean {
  return typeNames(node['@type']).some((t) => ORG_TYPE.test(t));
}

/** A free-text address, cut to its first MAX_PLACE_CHARS characters. */
export function addPlace(facts: RawPageFacts, text: string): void {
  const s = text.replace(/\s+/g, ' ').trim().slice(0, MAX_PLACE_CHARS);
  if (s && facts.places.length < MAX_PLACES && !facts.places.includes(s)) facts.places.push(s);
}

function collectAddress(facts: RawPageFacts, a: unknown): void {
  for (const one of Array.isArray(a) ? a.slice(0, 5) : [a]) {
    if (typeof one === 'string') addPlace(facts, one);
    else if (one && typeof one === 'object' && facts.addresses.length < 5) {
      const o = one as Record<string, unknown>;
      const part = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().slice(0, MAX_FACT_CHARS) : typeof v === 'number' ? String(v) : undefined);
      const address = { street: part(o.streetAddress), postalCode: part(o.postalCode), city: part(o.addressLocality) };
      if (address.street || address.postalCode || address.city) facts.addresses.push(address);
    }
  }
}

function collectOrganisation(facts: RawPageFacts, o: Record<string, unknown>): void {
  add(facts.names, o.name);
  add(facts.legalNames, o.legalName);
  addAll(facts.emails, o.email);
  addAll(facts.phones, o.telephone);
  add(facts.urls, o.url);
  addAll(facts.urls, o.sameAs);
  add(facts.taxIds, o.vatID);
  add(facts.taxIds, o.taxID);
  collectAddress(facts, o.address ?? o.location);
  for (const c of Array.isArray(o.contactPoint) ? o.contactPoint.slice(0, 5) : [o.contactPoint]) {
    if (c && typeof c === 'object') {
      addAll(facts.emails, (c as Record<string, unknown>).email);
      addAll(facts.phones, (c as Record<string, unknown>).telephone);
    }
  }
}

/**
 * Organisation facts from the texts of JSON-LD scripts: a single object, an array, `@graph`, types as
 * a string or an array, organisations nested under other nodes (a WebPage's publisher). Malformed,
 * oversized or over-deep data is skipped; nothing is evaluated.
 */
export function readJsonLd(texts: readonly string[], facts: RawPageFacts = emptyFacts()): RawPageFacts {
  let nodes = 0;
  const walk = (v: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || nodes > MAX_NODES || v === null || typeof v !== 'object') return;
    nodes++;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if (isOrganisation(o)) collectOrganisation(facts, o);
    for (const k in o) if (k !== 'address' && k !== 'contactPoint') walk(o[k], depth + 1);
  };
  for (const text of texts.slice(0, MAX_SCRIPTS)) {
    if (text.length > MAX_SCRIPT_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    walk(data, 0);
  }
  return facts;
}

/** A link's target as a fact: the address of a mailto: link, the number of a tel: link. */
export function readLink(href: string, facts: RawPageFacts): void {
  const h = href.trim();
  if (/^mailto:/i.test(h)) add(facts.emails, safeDecode(h.slice(7)));
  else if (/^tel:/i.test(h)) add(facts.phones, safeDecode(h.slice(4)));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// A legal-form phrase, then a quoted name or up to four capitalised words: "Spółdzielnia Socjalna
// „Serwis”", "Fundacja Pomocy Dzieciom". Bounded so a run of capitals cannot make it scan long.
const NAMED =
  /(?<!\p{L})(Sp[oó][lł]dzielnia Socjalna|SP[OÓ][LŁ]DZIELNIA SOCJALNA|Fundacja|FUNDACJA|Stowarzyszenie|STOWARZYSZENIE|Zak[lł]ad Aktywno[sś]ci Zawodowej|Centrum Integracji Spo[lł]ecznej|Warsztat(?:y)? Terapii Zaj[eę]ciowej)[ \u00a0]+(?:([„"«][^”"»\n]{2,80}[”"»])|((?:\p{Lu}[\p{L}\d.-]{0,30}[ \u00a0]?){1,4}))/gu;

/** Names a page gives itself with a legal form: at most three, in page order. */
export function readNamePhrases(text: string, facts: RawPageFacts): void {
  let n = 0;
  for (const m of text.matchAll(NAMED)) {
    add(facts.namePhrases, `${m[1]} ${(m[2] ?? m[3]).trim()}`);
    if (++n >= 3) break;
  }
}

// A candidate entity made from what a page scan found (the popup's "Add as candidate"): name from the
// page title, the site's domain, identifiers, e-mails and phones, marked as the user's with the page
// as its source. It goes to the review queue; nothing here decides it is a social economy entity.
import { normalizeEmail, normalizePhone, normalizeWebsite } from './contact.ts';
import { isSharedHost } from './domain.ts';
import { entityIdFor, MAX_NAME_LENGTH, setFields } from './entity.ts';
import { fold } from './fold.ts';
import { isValidNip, isValidRegon } from './identifiers.ts';
import type { Entity, LegalForm, PageHints } from './types.ts';
import { checkFacts, nameFromFacts, structuredNip } from './foundFacts.ts';
import { parseLegalForm } from './vocab.ts';

/** Separators sites put between the page name and the site name in a title. */
const SEPARATOR = /\s+(?:[|–—:»·•-]|::)\s+/g;

/** Title parts that name the page, not the organisation (compared folded). */
const GENERIC = new Set([
  'strona glowna',
  'strona startowa',
  'start',
  'home',
  'home page',
  'homepage',
  'main page',
  'witamy',
  'witamy na naszej stronie',
  'welcome',
  'oficjalna strona',
  'oficjalna strona internetowa',
  'strona internetowa',
  'o nas',
  'about us',
  'kontakt',
  'contact',
  'aktualnosci',
  'news',
]);

const oneLine = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * The organisation's name from a page title: the page-name parts (" – Strona główna", "Home | ")
 * are dropped from either end; what sits between them is kept as written.
 */
export function cleanPageTitle(title: string | undefined): string {
  const full = oneLine(title);
  const parts: { start: number; end: number }[] = [];
  let from = 0;
  for (const m of full.matchAll(SEPARATOR)) {
    parts.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  parts.push({ start: from, end: full.length });
  const isGeneric = (p: { start: number; end: number }) =>
    GENERIC.has(fold(full.slice(p.start, p.end)).replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
  while (parts.length && isGeneric(parts[0])) parts.shift();
  while (parts.length && isGeneric(parts[parts.length - 1])) parts.pop();
  return parts.length ? full.slice(parts[0].start, parts[parts.length - 1].end) : '';
}

/** Legal forms a telling phrase on the page implies, used only when the name says nothing. */
const FORM_OF_PHRASE: Record<string, LegalForm> = {
  'spółdzielnia socjalna': 'spoldzielnia_socjalna',
  'zakład aktywności zawodowej': 'zaz',
  'centrum integracji społecznej': 'cis',
  'klub integracji społecznej': 'kis',
  'warsztat terapii zajęciowej': 'wtz',
};

function legalFormOf(name: string, phrases: readonly string[]): LegalForm {
  const byName = parseLegalForm(name);
  if (byName && byName !== 'inna') return byName;
  const byPhrase = phrases.map((p) => FORM_OF_PHRASE[p]).filter(Boolean);
  // Only one kind named: a page about a CIS that mentions a ZAZ does not say which it is.
  return new Set(byPhrase).size === 1 ? byPhrase[0] : (byName ?? 'inna');
}

/** The page address without query and fragment: those can carry a session or personal data. */
function sourceUrl(pageUrl: string): string {
  try {
    const u = new URL(pageUrl);
    return u.origin + u.pathname;
  } catch {
    return pageUrl;
  }
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];

export interface CandidateEdits {
  /** The name as the user corrected it in the form. */
  name?: string;
}

/** The name a candidate from this page would get before the user edits it. */
export function suggestedName(hints: Pick<PageHints, 'title' | 'siteName'> & Partial<PageHints>, pageUrl: string): string {
  // The page's own statement of its name (structured data's legal name, a name with a legal form in
  // the text) before its title, which often names the page rather than the organisation.
  const stated = hints.facts ? nameFromFacts(checkFacts(withLists(hints)), withLists(hints)) : undefined;
  const name = stated || cleanPageTitle(hints.title) || oneLine(hints.siteName) || (normalizeWebsite(pageUrl)?.siteKey ?? '');
  return name.slice(0, MAX_NAME_LENGTH);
}

function withLists(h: Partial<PageHints>): PageHints {
  return { nips: [], regons: [], krs: [], emails: [], phones: [], phrases: [], ...h };
}

/**
 * A candidate Entity from a scanned page. `now` is an ISO timestamp. Identifiers are re-checked
 * (hints cross a process boundary); the first of each kind is taken, as a page lists its owner's
 * numbers first more often than anyone else's.
 */
export function candidateFromPage(hints: PageHints, pageUrl: string, now: string, edits: CandidateEdits = {}): Entity {
  const suggested = suggestedName(hints, pageUrl);
  const edited = oneLine(edits.name).slice(0, MAX_NAME_LENGTH);
  const name = edited || suggested;
  const found = checkFacts(hints);
  const nip = structuredNip(hints) ?? hints.nips.find(isValidNip);
  const regon = hints.regons.find(isValidRegon);
  const krs = hints.krs.find((k) => /^\d{10}$/.test(k) && !/^0+$/.test(k));

  const site = normalizeWebsite(pageUrl);
  const own = site && !isSharedHost(site.siteKey);
  const source = sourceUrl(pageUrl);

  const entity: Entity = {
    id: entityIdFor({ krs, nip, regon, name }),
    name,
    legalForm: legalFormOf(name, hints.phrases),
    // The town and postal code from the page's postal address (structured data, else its footer).
    address: { ...found.address },
    domains: own ? [site.siteKey] : [],
    // On a shared platform (a Facebook page) the page itself is the website; else the site's root.
    websites: site ? [own ? new URL('/', site.url).href : source] : [],
    emails: unique([...found.emails, ...hints.emails.map((e) => normalizeEmail(e)).filter((e): e is string => e !== null)]),
    phones: unique([...found.phones, ...hints.phones.map((p) => normalizePhone(p)).filter((p): p is string => p !== null)]),
    categories: [],
    sources: [{ url: source, seenAt: now.slice(0, 10), label: oneLine(hints.siteName) || undefined }],
    origin: 'user',
    candidate: true,
    createdAt: now,
    updatedAt: now,
  };
  if (!entity.sources[0].label) delete entity.sources[0].label;
  if (krs) entity.krs = krs;
  if (nip) entity.nip = nip;
  if (regon) entity.regon = regon;
  entity.fieldSources = Object.fromEntries(setFields(entity).map((f) => [f, source]));
  // A name the user typed is the user's statement, not the page's.
  if (edited && edited !== suggested) entity.fieldSources.name = 'user:';
  return entity;
}

// vCard 3.0 (RFC 2426) for phones and address books, and a tolerant reader for the .vcf files
// people send (2.1, 3.0 and 4.0).
//
// Writer choices, for the importers that matter here (Android, iOS, Outlook, Thunderbird):
// - 3.0 rather than 4.0: every one of them reads 3.0; Outlook and older Android builds don't read 4.0.
// - UTF-8 without a BOM (a BOM before BEGIN breaks some readers). 3.0 has no CHARSET parameter, but
//   desktop Outlook reads a .vcf in the Windows code page unless a property says CHARSET=UTF-8, so
//   properties with non-ASCII text carry it; Android, iOS and ical.js (Thunderbird) read and ignore it.
// - CRLF line ends and folding at 75 octets (see vcardText.ts).
// - An organisation's card has an empty N, FN = ORG and `X-ABShowAs:COMPANY`, which iOS/macOS need
//   to file it as a company rather than as a person called "Fundacja…".
// - TEL and ADR carry TYPE=WORK (Outlook drops a TEL without a TYPE); EMAIL carries TYPE=INTERNET.
import { normalizeEmail, normalizePhone, normalizeWebsite } from '../../model/contact.ts';
import { parseKrs, parseNip, parseRegon } from '../../model/identifiers.ts';
import type { Address, Entity, Lang, Person } from '../../model/types.ts';
import { isSharedHost } from '../../model/domain.ts';
import { CATEGORIES, normalizeVoivodeship, parseCategory } from '../../model/vocab.ts';
import {
  cleanUri,
  decodeQuotedPrintable,
  escapeText,
  foldLine,
  splitUnescaped,
  unescapeText,
  unfoldLines,
} from './vcardText.ts';

export interface EntityCardOptions {
  /** Language of the CATEGORIES labels (default Polish). */
  lang?: Lang;
  /** For a QR code: no NOTE and UID, at most 2 phones/e-mails, 1 website and 3 categories. */
  compact?: boolean;
}

/** Country line of ADR: entities in the directory are Polish. */
const COUNTRY = 'Polska';

const NON_ASCII = /[^\u0000-\u007f]/;

/** One property line, folded; `value` is already escaped for its value type. */
function property(name: string, value: string, params: string[] = []): string {
  const all = NON_ASCII.test(value) ? [...params, 'CHARSET=UTF-8'] : params;
  return foldLine([name, ...all].join(';') + ':' + value);
}

function card(lines: (string | undefined)[]): string {
  return ['BEGIN:VCARD', 'VERSION:3.0', ...lines.filter((l): l is string => !!l), 'END:VCARD'].join('\r\n') + '\r\n';
}

function compound(parts: (string | undefined)[]): string {
  return parts.map((p) => escapeText(p ?? '', true)).join(';');
}

function adr(a: Address): string | undefined {
  if (!a.street && !a.city && !a.postalCode) return undefined;
  // PO box; extended address; street; locality; region; postal code; country
  return property('ADR', compound(['', '', a.street, a.city, a.voivodeship, a.postalCode, COUNTRY]), ['TYPE=WORK']);
}

function tel(phone: string): string {
  return property('TEL', cleanUri(phone), ['TYPE=WORK,VOICE']);
}

function email(address: string): string {
  return property('EMAIL', escapeText(cleanUri(address)), ['TYPE=INTERNET']);
}

/** The offer followed by the identifiers, one per line, as NOTE text. */
function entityNote(e: Entity): string | undefined {
  const ids = [e.nip && `NIP: ${e.nip}`, e.krs && `KRS: ${e.krs}`, e.regon && `REGON: ${e.regon}`].filter(Boolean);
  const text = [e.offer?.trim(), ids.join('\n')].filter(Boolean).join('\n\n');
  return text || undefined;
}

export function entityToVCard(e: Entity, opts: EntityCardOptions = {}): string {
  const limit = <T>(items: T[], n: number) => (opts.compact ? items.slice(0, n) : items);
  const note = opts.compact ? undefined : entityNote(e);
  const categories = limit(e.categories, 3).map((c) => escapeText(CATEGORIES[c][opts.lang ?? 'pl']));
  return card([
    'N:;;;;',
    property('FN', escapeText(e.name)),
    property('ORG', compound([e.name])),
    'X-ABShowAs:COMPANY',
    adr(e.address),
    ...limit(e.phones, 2).map(tel),
    ...limit(e.emails, 2).map(email),
    ...limit(e.websites, 1).map((url) => property('URL', cleanUri(url))),
    note && property('NOTE', escapeText(note)),
    categories.length ? property('CATEGORIES', categories.join(',')) : undefined,
    opts.compact ? undefined : property('UID', escapeText(e.id)),
  ]);
}

/** "Jan Maria Kowalski" → family "Kowalski", given "Jan Maria": the usual Polish order. */
function splitName(name: string): { family: string; given: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { family: '', given: words[0] ?? '' };
  return { family: words[words.length - 1], given: words.slice(0, -1).join(' ') };
}

export function personToVCard(p: Person, e?: Entity): string {
  const { family, given } = splitName(p.name);
  return card([
    property('N', compound([family, given, '', '', ''])),
    property('FN', escapeText(p.name)),
    e && property('ORG', compound([e.name])),
    p.role ? property('TITLE', escapeText(p.role)) : undefined,
    p.phone ? tel(p.phone) : undefined,
    p.email ? email(p.email) : undefined,
    property('UID', escapeText(p.id)),
  ]);
}

/** One .vcf file holding several cards (each card already ends with CRLF). */
export function toVCardFile(cards: string[]): string {
  return cards.join('');
}

// ---------------------------------------------------------------------------------------------
// Reading. Our own tolerant reader rather than ical.js: Android still exports vCard 2.1 with
// QUOTED-PRINTABLE values and bare TYPE parameters (`TEL;CELL:`), which ical.js does not read, and
// one malformed card must not reject the whole file.

export interface ParsedVCardPerson {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
  /** The organisation named on the card (first ORG component). */
  org?: string;
}

export interface ParsedVCards {
  persons: ParsedVCardPerson[];
  orgs: Partial<Entity>[];
}

interface VProperty {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** Longest value kept: a card is contact data, not a document (and a hostile file can't balloon). */
const MAX_VALUE = 10_000;

function parseLine(line: string): VProperty | undefined {
  // The value starts after the first colon that is not inside a quoted parameter value.
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') inQuotes = !inQuotes;
    else if (line[i] === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return undefined;
  const [rawName, ...rawParams] = line.slice(0, colon).split(';');
  const name = rawName.replace(/^[^.]*\./, '').toUpperCase(); // drop a group prefix (item1.TEL)
  const params = new Map<string, string[]>();
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    // vCard 2.1 writes bare types: `TEL;WORK;VOICE:`.
    const key = eq < 0 ? 'TYPE' : p.slice(0, eq).toUpperCase();
    const values = (eq < 0 ? p : p.slice(eq + 1)).replace(/"/g, '').split(',');
    params.set(key, [...(params.get(key) ?? []), ...values.map((v) => v.toUpperCase())]);
  }
  let value = line.slice(colon + 1);
  if (params.get('ENCODING')?.includes('QUOTED-PRINTABLE') || params.get('TYPE')?.includes('QUOTED-PRINTABLE')) {
    value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0]?.toLowerCase());
  }
  return { name, params, value: value.slice(0, MAX_VALUE) };
}

function text(p: VProperty | undefined): string | undefined {
  const v = p && unescapeText(p.value).trim();
  return v || undefined;
}

function components(p: VProperty | undefined): string[] {
  return p ? splitUnescaped(p.value, ';').map((c) => unescapeText(c).trim()) : [];
}

function phone(p: VProperty): string | undefined {
  const raw = text(p)?.replace(/^tel:/i, '');
  return (raw && normalizePhone(raw)) || undefined;
}

function emailOf(p: VProperty): string | undefined {
  const raw = text(p);
  return (raw && normalizeEmail(raw)) || undefined;
}

const IDENTIFIER_LINE = /^(NIP|KRS|REGON)\s*:\s*([\d\s-]+)$/i;
const PARSE_ID = { nip: parseNip, krs: parseKrs, regon: parseRegon };
type Identifiers = Pick<Entity, 'nip' | 'krs' | 'regon'>;

/** Splits our NOTE back into the offer and the valid identifiers; anyone else's note is all offer. */
function readNote(note: string | undefined): Identifiers & Pick<Entity, 'offer'> {
  const out: Identifiers & Pick<Entity, 'offer'> = {};
  const rest: string[] = [];
  for (const line of (note ?? '').split('\n')) {
    const m = IDENTIFIER_LINE.exec(line.trim());
    const kind = m?.[1].toLowerCase() as keyof typeof PARSE_ID | undefined;
    const id = m && kind ? PARSE_ID[kind](m[2]) : undefined;
    if (kind && id?.ok) out[kind] = id.value;
    else rest.push(line);
  }
  const offer = rest.join('\n').trim();
  if (offer) out.offer = offer;
  return out;
}

/** Our UID is the entity id (`krs:0000123456`): a card without NOTE (a QR) still keeps its identifier. */
function readUid(uid: string | undefined): Identifiers {
  const m = uid?.match(/^(nip|krs|regon):(\d+)$/);
  const kind = m?.[1] as keyof typeof PARSE_ID | undefined;
  const id = m && kind ? PARSE_ID[kind](m[2]) : undefined;
  return kind && id?.ok ? { [kind]: id.value } : {};
}

function unique<T>(items: (T | null | undefined)[]): T[] {
  return [...new Set(items.filter((v): v is T => v !== null && v !== undefined))];
}

function isOrganisation(props: VProperty[]): boolean {
  const get = (n: string) => props.find((p) => p.name === n);
  if (text(get('KIND'))?.toLowerCase() === 'org') return true; // vCard 4.0
  if (text(get('X-ABSHOWAS'))?.toUpperCase() === 'COMPANY') return true; // Apple
  // A card with an organisation and no personal name is a company card (Outlook, Google).
  return !!get('ORG') && components(get('N')).every((c) => !c);
}

function readCard(props: VProperty[], out: ParsedVCards): void {
  const get = (n: string) => props.find((p) => p.name === n);
  const all = (n: string) => props.filter((p) => p.name === n);
  const org = components(get('ORG'))[0] || undefined;
  const phones = unique(all('TEL').map(phone));
  const emails = unique(all('EMAIL').map(emailOf));
  if (isOrganisation(props)) {
    const name = org ?? text(get('FN'));
    if (!name) return;
    const [, extended, street, city, region, postalCode] = components(get('ADR'));
    const address: Address = {};
    const streetLine = [street, extended].filter(Boolean).join(' ');
    if (streetLine) address.street = streetLine;
    if (city) address.city = city;
    if (postalCode) address.postalCode = postalCode;
    const voivodeship = region && normalizeVoivodeship(region);
    if (voivodeship) address.voivodeship = voivodeship;
    const sites = all('URL')
      .map((p) => normalizeWebsite(cleanUri(p.value)))
      .filter((w) => w !== null);
    const categories = all('CATEGORIES').flatMap((p) => splitUnescaped(p.value, ',').map((c) => parseCategory(unescapeText(c))));
    out.orgs.push({
      name,
      address,
      phones,
      emails,
      websites: unique(sites.map((w) => w.url)),
      domains: unique(sites.map((w) => w.siteKey).filter((key) => !isSharedHost(key))),
      categories: unique(categories),
      ...readUid(text(get('UID'))),
      ...readNote(text(get('NOTE'))),
    });
    return;
  }
  const [family, given] = components(get('N'));
  const name = text(get('FN')) ?? [given, family].filter(Boolean).join(' ');
  if (!name) return;
  const person: ParsedVCardPerson = { name };
  const role = text(get('TITLE')) ?? text(get('ROLE'));
  if (role) person.role = role;
  if (emails[0]) person.email = emails[0];
  if (phones[0]) person.phone = phones[0];
  if (org) person.org = org;
  out.persons.push(person);
}

/** Reads every card of a .vcf file; lines outside BEGIN/END and unreadable lines are skipped. */
export function parseVCards(input: string): ParsedVCards {
  const out: ParsedVCards = { persons: [], orgs: [] };
  let props: VProperty[] | undefined;
  for (const line of unfoldLines(input)) {
    const p = parseLine(line);
    if (!p) continue;
    if (p.name === 'BEGIN' && p.value.trim().toUpperCase() === 'VCARD') props = [];
    else if (p.name === 'END' && p.value.trim().toUpperCase() === 'VCARD') {
      if (props) readCard(props, out);
      props = undefined;
    } else props?.push(p);
  }
  return out;
}

// Column mapping: which spreadsheet column feeds which entity field. Headers come in Polish or
// English, with or without diacritics, in any case, in snake_case from exports; autoMap proposes a
// mapping and the user confirms or changes it before anything is imported.
import { fold } from '../../model/fold.ts';
import type { EntityDraft } from '../../model/entity.ts';
import { ImportError } from './errors.ts';

export type Field = keyof EntityDraft;

/** Every field a column can map to, in the order the mapping UI lists them. */
export const FIELDS: readonly Field[] = [
  'name',
  'legalForm',
  'krs',
  'nip',
  'regon',
  'street',
  'postalCode',
  'city',
  'commune',
  'county',
  'voivodeship',
  'website',
  'email',
  'phone',
  'offer',
  'categories',
  'pkd',
  'socialEnterpriseStatus',
  'certificates',
  'sources',
] as const;

/**
 * Fields that hold several values, with the separator buildEntity splits them on: columns mapped
 * to one of them are joined into one list (sources split on whitespace, certificates on ';').
 */
const LIST_SEPARATOR: Partial<Record<Field, string>> = {
  website: '; ',
  email: '; ',
  phone: '; ',
  categories: '; ',
  pkd: '; ',
  certificates: '; ',
  sources: ' ',
};
/** Fields built from several columns as one text (street name, house number, flat number). */
const JOINED_FIELDS = new Set<Field>(['street', 'offer']);

/** A header reduced to folded words separated by single spaces: "Adres e-mail:" → "adres e mail". */
export function normalizeHeader(header: string): string {
  return fold(header).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

// Exact names, normalised as above. The sample directory's own snake_case headers are here too.
// A Map, not an object: a column headed "constructor" or "__proto__" must find nothing, not
// Object.prototype's members (that broke the import with an internal error).
const EXACT = new Map<string, Field>();
function names(field: Field, list: string[]): void {
  for (const n of list) EXACT.set(normalizeHeader(n), field);
}
names('name', ['nazwa', 'nazwa podmiotu', 'nazwa organizacji', 'pełna nazwa', 'nazwa pełna', 'nazwa firmy', 'firma',
  'name', 'entity name', 'organisation name', 'organization name', 'company', 'company name']);
names('legalForm', ['forma prawna', 'forma organizacyjna', 'typ podmiotu', 'rodzaj podmiotu', 'legal form', 'legal_form', 'type']);
names('krs', ['krs', 'nr krs', 'numer krs', 'krs number', 'krs no']);
names('nip', ['nip', 'nr nip', 'numer nip', 'tax id', 'vat id', 'vat number']);
names('regon', ['regon', 'nr regon', 'numer regon']);
names('voivodeship', ['województwo', 'woj', 'voivodeship', 'province', 'region']);
names('county', ['powiat', 'county', 'district']);
names('commune', ['gmina', 'commune', 'municipality']);
names('city', ['miejscowość', 'miasto', 'city', 'town', 'locality', 'siedziba']);
names('postalCode', ['kod pocztowy', 'kod', 'postal code', 'postal_code', 'postcode', 'zip', 'zip code']);
names('street', ['adres', 'ulica', 'ul', 'adres siedziby', 'ulica i numer', 'nr domu', 'numer domu', 'nr budynku',
  'numer budynku', 'nr lokalu', 'numer lokalu', 'street', 'address', 'street address']);
names('phone', ['telefon', 'tel', 'nr telefonu', 'numer telefonu', 'telefon kontaktowy', 'telefon komórkowy', 'tel kom',
  'komórka', 'phone', 'phone number', 'telephone', 'mobile']);
names('email', ['e-mail', 'email', 'adres e-mail', 'adres email', 'mail', 'poczta elektroniczna', 'email address', 'e-mail address']);
names('website', ['strona www', 'www', 'strona internetowa', 'strona', 'adres www', 'adres strony', 'adres strony www',
  'adres strony internetowej', 'website', 'web', 'url', 'site', 'web site']);
names('offer', ['oferta', 'zakres działalności', 'opis', 'opis działalności', 'usługi', 'produkty', 'produkty i usługi',
  'offer', 'description', 'services', 'products']);
names('categories', ['kategoria', 'kategorie', 'branża', 'branże', 'category', 'categories', 'sector']);
names('pkd', ['pkd', 'kod pkd', 'kody pkd', 'pkd codes']);
names('socialEnterpriseStatus', ['status ps', 'status przedsiębiorstwa społecznego', 'przedsiębiorstwo społeczne', 'ps',
  'social enterprise status', 'social_enterprise_status', 'social enterprise']);
names('certificates', ['certyfikaty', 'certyfikat', 'zakup prospołeczny', 'certificates', 'certificate']);
names('sources', ['źródło', 'źródła', 'źródło danych', 'source', 'sources', 'source_urls', 'source url', 'source urls']);

// Looser rules for headers not listed above ("Nazwa PES", "Tel. kontaktowy", "E-mail do biura"),
// most specific first: "adres e-mail" is an e-mail, not a street; "kod pocztowy" is not a KRS.
const CONTAINS: [RegExp, Field][] = [
  [/\be ?mail|\bmail\b/, 'email'],
  [/\bwww\b|strona|website|\burl\b/, 'website'],
  [/telefon|\btel\b|phone|komork/, 'phone'],
  [/kod poczt|postal|\bzip\b/, 'postalCode'],
  [/\bkrs\b/, 'krs'],
  [/\bnip\b/, 'nip'],
  [/\bregon\b/, 'regon'],
  [/wojewodz|voivod/, 'voivodeship'],
  [/powiat|county/, 'county'],
  [/\bgmina|commune|municipal/, 'commune'],
  [/miejscow|miasto|\bcity\b|\btown\b/, 'city'],
  [/forma prawna|legal form/, 'legalForm'],
  [/\bpkd\b/, 'pkd'],
  [/przedsiebiorstw\w* spoleczn|status ps|social enterprise/, 'socialEnterpriseStatus'],
  [/certyfikat|certific/, 'certificates'],
  [/kategori|branz|categor/, 'categories'],
  [/zrodl|source/, 'sources'],
  [/ulica|adres|street|address/, 'street'],
  [/ofert|zakres dzialal|uslug|opis|offer|descript/, 'offer'],
  [/nazwa|\bname\b/, 'name'],
];

function canRepeat(field: Field): boolean {
  return Object.hasOwn(LIST_SEPARATOR, field) || JOINED_FIELDS.has(field);
}

const KNOWN_FIELDS = new Set<string>(FIELDS);

/**
 * Propose a field for each header (null = not imported). Exact names win over loose matches, and a
 * single-valued field (name, NIP, city…) is given to one column only: a second "Nazwa skrócona"
 * must not be glued onto the name.
 */
export function autoMap(headers: string[]): (Field | null)[] {
  const normalized = headers.map(normalizeHeader);
  const mapping: (Field | null)[] = headers.map(() => null);
  const taken = new Set<Field>();
  const assign = (i: number, field: Field | undefined): void => {
    if (!field || mapping[i] || (taken.has(field) && !canRepeat(field))) return;
    mapping[i] = field;
    taken.add(field);
  };
  // "Osoba 1 – telefon" / "Person 1 – e-mail" (our CSV and XLSX exports): a contact person's data,
  // not the entity's; left unmapped so it is never glued onto the entity's phones or e-mails.
  const personColumn = (h: string) => /^(osoba|person) \d+\b/.test(h);
  normalized.forEach((h, i) => !personColumn(h) && assign(i, EXACT.get(h)));
  normalized.forEach((h, i) => !personColumn(h) && assign(i, CONTAINS.find(([re]) => re.test(h))?.[1]));
  return mapping;
}

/**
 * Rows → drafts under a mapping. Values are trimmed and kept as typed (validation happens when the
 * entity is built). Two columns mapped to a list field become two list items; two
 * columns mapped to street or offer are joined with a space; for any other field the first
 * non-empty column wins and the others are ignored.
 */
export function rowsToDrafts(rows: string[][], mapping: (Field | null)[]): EntityDraft[] {
  return rows.map((row) => {
    const draft: EntityDraft = {};
    mapping.forEach((field, j) => {
      const value = (row[j] ?? '').trim();
      // A mapping comes from the page: only the fields this code knows are set on a draft.
      if (!field || value === '' || !KNOWN_FIELDS.has(field)) return;
      const prev = draft[field];
      const separator = Object.hasOwn(LIST_SEPARATOR, field) ? LIST_SEPARATOR[field] : undefined;
      if (prev === undefined) draft[field] = value;
      else if (separator) draft[field] = prev + separator + value;
      else if (JOINED_FIELDS.has(field)) draft[field] = `${prev} ${value}`;
    });
    return draft;
  });
}

/** Refuse a mapping without a name column: every row would be rejected for want of a name. */
export function assertNameMapped(mapping: (Field | null)[]): void {
  if (!mapping.includes('name')) throw new ImportError('no_name_column');
}

// CSV for spreadsheets: one row per entity, then its contact persons side by side, in the user's
// language. Written by io/csvSafe.ts: UTF-8 with a BOM (Excel otherwise reads the Windows code page),
// CRLF, and every cell passed through the formula-injection guard.
//
// Excel opens a CSV with every cell in "General" format, which turns digit strings into numbers:
// a KRS loses its leading zeros (0000123456 → 123456) and a 14-digit REGON becomes 1.23457E+13.
// Such identifiers get a leading apostrophe, the same visible text marker the formula guard uses
// (one rule for the reader: a leading ' means "text"); the digits stay intact and a program reading
// the file strips one leading apostrophe. A `="0000123456"` formula would hide the marker in Excel,
// but it is a formula in a file whose whole point is to carry none.
// Polish phones are written in the national format ("12 345 67 89"), as people here write them,
// which Excel leaves as text; a foreign number keeps its "+", and the guard marks it as text.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { Entity, Lang, Person, PipelineStatus, Saved } from '../../model/types.ts';
import { CATEGORIES, LEGAL_FORMS } from '../../model/vocab.ts';
import { toCsv } from '../csvSafe.ts';

export interface CsvExportRow {
  entity: Entity;
  persons: Person[];
  saved?: Saved;
}

export interface CsvExportOptions {
  delimiter: ';' | ',';
  lang: Lang;
  /** Contact person column groups (default: as many as the row with most persons, at most 10). */
  maxPersons?: number;
}


const HEADERS: Record<Lang, string[]> = {
  pl: ['Nazwa', 'Forma prawna', 'KRS', 'NIP', 'REGON', 'Ulica', 'Kod pocztowy', 'Miejscowość', 'Gmina', 'Powiat', 'Województwo', 'Telefony', 'E-maile', 'Strony WWW', 'Kategorie', 'Oferta', 'Status', 'Tagi'],
  en: ['Name', 'Legal form', 'KRS', 'NIP', 'REGON', 'Street', 'Postal code', 'City', 'Commune', 'County', 'Voivodeship', 'Phones', 'E-mails', 'Websites', 'Categories', 'Offer', 'Status', 'Tags'],
};

const PERSON_HEADERS: Record<Lang, (n: number) => string[]> = {
  pl: (n) => [`Osoba ${n}`, `Osoba ${n} – stanowisko`, `Osoba ${n} – e-mail`, `Osoba ${n} – telefon`],
  en: (n) => [`Person ${n}`, `Person ${n} – role`, `Person ${n} – e-mail`, `Person ${n} – phone`],
};

// The same wording as the UI's status labels (shared/ui/i18n/messages/common.ts), which io may not import.
const STATUS: Record<Lang, Record<PipelineStatus, string>> = {
  pl: { to_contact: 'Do kontaktu', contacted: 'Skontaktowano', in_talks: 'W rozmowach', supplier: 'Dostawca', declined: 'Odrzucony' },
  en: { to_contact: 'To contact', contacted: 'Contacted', in_talks: 'In talks', supplier: 'Supplier', declined: 'Declined' },
};

const MAX_PERSON_GROUPS = 10;

/** Digits Excel would turn into a number that is not the identifier: leading zero, or 12+ digits. */
export function keepDigitsAsText(value: string | undefined): string {
  if (!value) return '';
  return /^\d+$/.test(value) && (value.startsWith('0') || value.length > 11) ? `'${value}` : value;
}

export function formatPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  return phone.country === 'PL' ? phone.formatNational() : phone.formatInternational();
}

export function entitiesToCsv(rows: CsvExportRow[], opts: CsvExportOptions): string {
  const { lang } = opts;
  const groups = opts.maxPersons ?? Math.min(MAX_PERSON_GROUPS, Math.max(0, ...rows.map((r) => r.persons.length)));
  const header = [...HEADERS[lang]];
  for (let i = 1; i <= groups; i++) header.push(...PERSON_HEADERS[lang](i));
  const lines = rows.map(({ entity: e, persons, saved }) => {
    const a = e.address;
    const cells = [
      e.name,
      LEGAL_FORMS[e.legalForm]?.[lang] ?? e.legalForm,
      keepDigitsAsText(e.krs),
      keepDigitsAsText(e.nip),
      keepDigitsAsText(e.regon),
      a.street ?? '',
      a.postalCode ?? '',
      a.city ?? '',
      a.commune ?? '',
      a.county ?? '',
      a.voivodeship ?? '',
      e.phones.map(formatPhone).join(', '),
      e.emails.join(', '),
      e.websites.join(', '),
      e.categories.map((c) => CATEGORIES[c]?.[lang] ?? c).join(', '),
      e.offer ?? '',
      saved ? STATUS[lang][saved.status] : '',
      saved?.tags.join(', ') ?? '',
    ];
    for (let i = 0; i < groups; i++) {
      const p = persons[i];
      cells.push(p?.name ?? '', p?.role ?? '', p?.email ?? '', p?.phone ? formatPhone(p.phone) : '');
    }
    return cells;
  });
  return toCsv([header, ...lines], { delimiter: opts.delimiter, bom: true });
}

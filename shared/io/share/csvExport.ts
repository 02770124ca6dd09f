// CSV for spreadsheets: one row per entity, then its contact persons side by side, in the user's
// language. Written by io/csvSafe.ts: UTF-8 with a BOM (Excel otherwise reads the Windows code page),
// CRLF, and every cell passed through the formula-injection guard.
//
// Identifiers are written as their plain digits. A leading apostrophe (Excel's typing trick) is
// not a CSV convention: LibreOffice and other readers show it as part of the number, and a
// `="0000123456"` formula would be a formula in a file whose whole point is to carry none. A
// spreadsheet that opens the CSV may turn a KRS into a number and drop its leading zeros
// (0000700353 → 700353): our importer pads KRS (10 digits) and REGON (9 or 14) back, checked
// against the REGON check digit. The XLSX export (xlsxExport.ts) writes identifiers as text cells,
// so a spreadsheet keeps them exactly.
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

/** Columns holding identifiers (KRS, NIP, REGON): text cells in the XLSX export. */
export const IDENTIFIER_COLUMNS = [2, 3, 4];

export function formatPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  return phone.country === 'PL' ? phone.formatNational() : phone.formatInternational();
}

/** The export as a table (header first), shared by the CSV and the XLSX writers. */
export function exportTable(rows: CsvExportRow[], opts: Omit<CsvExportOptions, 'delimiter'>): string[][] {
  const { lang } = opts;
  const groups = opts.maxPersons ?? Math.min(MAX_PERSON_GROUPS, Math.max(0, ...rows.map((r) => r.persons.length)));
  const header = [...HEADERS[lang]];
  for (let i = 1; i <= groups; i++) header.push(...PERSON_HEADERS[lang](i));
  const lines = rows.map(({ entity: e, persons, saved }) => {
    const a = e.address;
    const cells = [
      e.name,
      LEGAL_FORMS[e.legalForm]?.[lang] ?? e.legalForm,
      e.krs ?? '',
      e.nip ?? '',
      e.regon ?? '',
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
  return [header, ...lines];
}

export function entitiesToCsv(rows: CsvExportRow[], opts: CsvExportOptions): string {
  return toCsv(exportTable(rows, opts), { delimiter: opts.delimiter, bom: true });
}

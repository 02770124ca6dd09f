// Rejected rows as a CSV the user downloads, fixes in Excel and imports again: the original
// columns as they were, plus the row number and a reason anyone can read. Values are untouched
// text from the file, so the formula guard in toCsv matters here most.
import { toCsv } from '../csvSafe.ts';
import type { Lang } from '../../model/types.ts';

export interface RejectedRow {
  /** The row as the spreadsheet numbers it (header = 1), or the item's position in a JSON file. */
  row: number;
  /** A RejectReason from shared/model/entity.ts, or one of the pack's own (see REASON_TEXT). */
  reason: string;
  detail?: string;
  /** The row's original cells by column header. */
  values: Record<string, string>;
}

export type { Lang };

const REASON_TEXT: Record<string, Record<Lang, string>> = {
  no_name: { pl: 'brak nazwy', en: 'no name' },
  name_too_long: { pl: 'nazwa za długa', en: 'name too long' },
  nip_invalid: { pl: 'nieprawidłowy NIP', en: 'invalid NIP' },
  regon_invalid: { pl: 'nieprawidłowy REGON', en: 'invalid REGON' },
  krs_invalid: { pl: 'nieprawidłowy numer KRS', en: 'invalid KRS number' },
  postal_code_invalid: { pl: 'nieprawidłowy kod pocztowy', en: 'invalid postal code' },
  phone_invalid: { pl: 'nieprawidłowy numer telefonu', en: 'invalid phone number' },
  email_invalid: { pl: 'nieprawidłowy adres e-mail', en: 'invalid e-mail address' },
  website_invalid: { pl: 'nieprawidłowy adres strony www', en: 'invalid website address' },
  legal_form_invalid: { pl: 'nieznana forma prawna', en: 'unknown legal form' },
  category_invalid: { pl: 'nieznana kategoria', en: 'unknown category' },
  not_an_entity: { pl: 'to nie jest wpis podmiotu', en: 'not an entity record' },
  field_invalid: { pl: 'nieprawidłowe pole', en: 'invalid field' },
};

const DETAIL_TEXT: Record<string, Record<Lang, string>> = {
  checksum: { pl: 'błędna cyfra kontrolna', en: 'wrong check digit' },
  format: { pl: 'zły format', en: 'wrong format' },
  empty: { pl: 'puste', en: 'empty' },
};

/** A reason in words: "nieprawidłowy NIP (błędna cyfra kontrolna)". Unknown codes are shown as they are. */
export function reasonText(reason: string, detail: string | undefined, lang: Lang = 'pl'): string {
  const base = REASON_TEXT[reason]?.[lang] ?? reason;
  if (!detail) return base;
  // buildEntity writes identifier details as "checksum: 5261040827".
  const m = /^(\w+)(: .*)?$/s.exec(detail);
  const known = m && DETAIL_TEXT[m[1]]?.[lang];
  return `${base} (${known ? known + (m[2] ?? '') : detail})`;
}

/**
 * Rejected rows → CSV (UTF-8 with BOM, semicolon: opens right in Polish Excel). Columns: the row
 * number, the file's own columns in their order, then the reason. `headers` are the file's
 * headers; without them the columns are those found in the rows' values.
 */
export function rejectedToCsv(rejected: RejectedRow[], headers?: string[], lang: Lang = 'pl'): string {
  const columns = headers?.length ? headers : [...new Set(rejected.flatMap((r) => Object.keys(r.values)))];
  const head = [lang === 'pl' ? 'wiersz' : 'row', ...columns, lang === 'pl' ? 'powód' : 'reason'];
  const body = rejected.map((r) => [String(r.row), ...columns.map((c) => r.values[c] ?? ''), reasonText(r.reason, r.detail, lang)]);
  return toCsv([head, ...body], { delimiter: ';', bom: true });
}

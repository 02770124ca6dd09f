// CSV as Excel and office systems write it: comma, semicolon (Polish Excel's default, because the
// comma is the decimal separator) or tab; RFC 4180 quotes, newlines inside quoted fields. Every
// value stays a string: identifiers such as NIP or a postal code must never become numbers.
import Papa from 'papaparse';
import { ImportError } from './errors.ts';

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: Delimiter[] = [';', ',', '\t'];

export interface ParsedCsv {
  headers: string[];
  /** Data rows without blank ones, each padded or cut to the header's length. */
  rows: string[][];
  /** For each row, its number as a spreadsheet shows it (the header is row 1). */
  rowNumbers: number[];
  delimiter: Delimiter;
}

// Detection reads the first rows only: enough to see the shape of the table.
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 50;

/**
 * The delimiter that splits the sample into the most consistent table: the share of rows having
 * as many fields as the header, then the width of the header. (PapaParse's own guess falls back to
 * a comma on small files with a trailing newline and quoted commas, common in Polish exports.)
 */
export function detectDelimiter(text: string): Delimiter {
  return findDelimiter(text) ?? ',';
}

/** As detectDelimiter, but undefined when no delimiter splits the header: a one-column table. */
export function findDelimiter(text: string): Delimiter | undefined {
  const sample = text.slice(0, SAMPLE_CHARS);
  let best: { d: Delimiter; share: number; width: number } = { d: ',', share: -1, width: 0 };
  for (const d of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter: d, preview: SAMPLE_ROWS, skipEmptyLines: 'greedy' }).data;
    const width = rows[0]?.length ?? 0;
    if (width < 2) continue;
    const share = rows.filter((r) => r.length === width).length / rows.length;
    if (share > best.share || (share === best.share && width > best.width)) best = { d, share, width };
  }
  return best.share < 0 ? undefined : best.d;
}

/**
 * A delimiter that occurs nowhere in the text, for reading a one-column table whole: its values
 * keep their commas and semicolons ("Fundacja Dobra, Kraków"). Papa refuses only CR, LF, the quote
 * and the BOM as delimiters; these are control characters no spreadsheet writes.
 */
function absentDelimiter(text: string): string {
  for (const c of ['\u001f', '\u001e', '\u001d', '\u001c']) if (!text.includes(c)) return c;
  return '\u0000';
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function isBlank(row: string[]): boolean {
  return row.every((c) => c.trim() === '');
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Header cells as labels the user can tell apart: whitespace collapsed, an empty header named by
 * its column letter (as the spreadsheet shows it), and a repeated one numbered "Telefon (2)".
 */
export function cleanHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h.replace(/^\uFEFF/, '').replace(/\s+/g, ' ').trim() || columnLetter(i);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** Turn a header row plus data rows into the table shape shared by CSV and XLSX imports. */
export function toTable(all: string[][]): { headers: string[]; rows: string[][]; rowNumbers: number[] } {
  const first = all.findIndex((r) => !isBlank(r));
  if (first < 0) throw new ImportError('empty');
  const headers = cleanHeaders(all[first]);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = first + 1; i < all.length; i++) {
    const r = all[i];
    if (isBlank(r)) continue;
    // Extra cells past the header (a trailing delimiter) are dropped only when empty, so no data
    // disappears silently; they get their own column letters instead.
    while (r.length > headers.length && r[r.length - 1].trim() === '') r.pop();
    while (r.length > headers.length) headers.push(columnLetter(headers.length));
    rows.push(r);
    rowNumbers.push(i + 1);
  }
  for (const r of rows) while (r.length < headers.length) r.push('');
  return { headers, rows, rowNumbers };
}

export function parseCsv(text: string): ParsedCsv {
  const body = text.replace(/^\uFEFF/, '');
  // Only separators and whitespace (an Excel sheet saved with nothing in it): nothing to import.
  if (/^[\s,;]*$/.test(body)) throw new ImportError('empty');
  const found = findDelimiter(body);
  // No delimiter splits the header: one column, read whole. Splitting it on a guessed comma cut
  // 22 of 71 such tables ("Fundacja Dobra, Kraków" → "Fundacja Dobra") without rejecting a row.
  const delimiter = found ?? ',';
  const result = Papa.parse<string[]>(body, { delimiter: found ?? absentDelimiter(body), skipEmptyLines: false, dynamicTyping: false });
  const quoteError = result.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const line = quoteError.index !== undefined ? lineAt(body, quoteError.index) : (quoteError.row ?? 0) + 2;
    throw new ImportError('csv_quotes', { line });
  }
  return { ...toTable(result.data), delimiter };
}

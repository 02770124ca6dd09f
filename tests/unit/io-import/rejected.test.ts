import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { reasonText, rejectedToCsv } from '../../../shared/io/import/rejected.ts';

describe('rejectedToCsv', () => {
  const rejected = [
    { row: 3, reason: 'nip_invalid', detail: 'checksum: 5261040827', values: { Nazwa: 'Fundacja A', NIP: '5261040827' } },
    { row: 7, reason: 'no_name', values: { Nazwa: '', NIP: '=HYPERLINK("http://evil.example")' } },
  ];

  it('writes the original columns, the row number and a Polish reason, guarded against formulas', () => {
    const csv = rejectedToCsv(rejected, ['Nazwa', 'NIP']);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['wiersz', 'Nazwa', 'NIP', 'powód']);
    expect(rows[1]).toEqual(['3', 'Fundacja A', '5261040827', 'nieprawidłowy NIP (błędna cyfra kontrolna: 5261040827)']);
    expect(rows[2]).toEqual(['7', '', `'=HYPERLINK("http://evil.example")`, 'brak nazwy']);
  });

  it('writes English on request and finds columns from the values when no headers are given', () => {
    const rows = Papa.parse<string[]>(rejectedToCsv(rejected, undefined, 'en').slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['row', 'Nazwa', 'NIP', 'reason']);
    expect(rows[2][3]).toBe('no name');
  });

  it('explains known details and shows unknown codes as they are', () => {
    expect(reasonText('regon_invalid', 'checksum')).toBe('nieprawidłowy REGON (błędna cyfra kontrolna)');
    expect(reasonText('something_new', undefined, 'en')).toBe('something_new');
    expect(reasonText('phone_invalid', '12 34', 'en')).toBe('invalid phone number (12 34)');
  });
});

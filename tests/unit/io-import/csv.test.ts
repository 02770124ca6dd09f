import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cleanHeaders, columnLetter, detectDelimiter, parseCsv } from '../../../shared/io/import/csv.ts';
import { ImportError } from '../../../shared/io/import/errors.ts';

describe('parseCsv', () => {
  it('detects a semicolon even when quoted fields hold commas', () => {
    const text = 'Nazwa;Oferta;Miasto\r\n"Spółdzielnia, Socjalna";"catering, sprzątanie";Kraków\r\n';
    const csv = parseCsv(text);
    expect(csv.delimiter).toBe(';');
    expect(csv.headers).toEqual(['Nazwa', 'Oferta', 'Miasto']);
    expect(csv.rows).toEqual([['Spółdzielnia, Socjalna', 'catering, sprzątanie', 'Kraków']]);
  });

  it('detects comma and tab', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(detectDelimiter('a;b\n1;2')).toBe(';');
  });

  it('keeps newlines inside quoted fields and numbers rows as a spreadsheet does', () => {
    const text = 'Nazwa;Adres\n"Fundacja\n„Dobro”";"ul. Długa 1\n30-001 Kraków"\n\n;;\nZAZ Tarnów;ul. Krótka 2\n';
    const csv = parseCsv(text);
    expect(csv.rows).toEqual([
      ['Fundacja\n„Dobro”', 'ul. Długa 1\n30-001 Kraków'],
      ['ZAZ Tarnów', 'ul. Krótka 2'],
    ]);
    // Records: 1 header, 2 quoted two-line row, 3 empty, 4 ";;" (blank), 5 ZAZ.
    expect(csv.rowNumbers).toEqual([2, 5]);
  });

  it('refuses an unterminated quote with the line it starts on', () => {
    const text = 'Nazwa,Miasto\nA,Kraków\nB,"Tarnów\nC,Nowy Sącz\nD,Bochnia\n';
    let err: unknown;
    try {
      parseCsv(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ code: 'csv_quotes', detail: { line: 3 } });
  });

  it('refuses an empty or whitespace-only text', () => {
    expect(() => parseCsv('')).toThrow(expect.objectContaining({ code: 'empty' }));
    expect(() => parseCsv('\uFEFF \r\n ;; \n')).toThrow(expect.objectContaining({ code: 'empty' }));
  });

  it('keeps every value a string: no numbers, no dates, no formulas evaluated', () => {
    const csv = parseCsv('NIP;Kod;Data;Uwagi\n0123456789;01-234;2024-01-01;=1+2\n');
    expect(csv.rows[0]).toEqual(['0123456789', '01-234', '2024-01-01', '=1+2']);
  });

  it('names empty headers by column letter, numbers repeated ones, and pads short rows', () => {
    const csv = parseCsv('Nazwa;;Telefon;Telefon\nA;x;1\nB;y;2;3;extra\n');
    expect(csv.headers).toEqual(['Nazwa', 'B', 'Telefon', 'Telefon (2)', 'E']);
    expect(csv.rows).toEqual([
      ['A', 'x', '1', '', ''],
      ['B', 'y', '2', '3', 'extra'],
    ]);
  });

  it('parses what papaparse itself writes (round trip with an independent writer)', () => {
    const data = [
      ['name', 'offer'],
      ['Spółdzielnia "Cudzysłów"', 'linia 1\nlinia 2; średnik, przecinek'],
    ];
    const text = Papa.unparse(data, { delimiter: ';' });
    expect(parseCsv(text).rows).toEqual([data[1]]);
  });
});

describe('header helpers', () => {
  it('column letters follow the spreadsheet', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
  it('cleans whitespace and a stray BOM', () => {
    expect(cleanHeaders(['\uFEFFNazwa ', ' Kod\npocztowy'])).toEqual(['Nazwa', 'Kod pocztowy']);
  });
});

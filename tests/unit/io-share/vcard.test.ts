// vCards are checked with ical.js (the maintained parser Thunderbird uses), not with our own reader.
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { entityToVCard, parseVCards, personToVCard, toVCardFile } from '../../../shared/io/share/vcard.ts';
import type { Entity } from '../../../shared/model/types.ts';
import { alternatywy, person } from './fixtures.ts';

type JProp = [string, Record<string, unknown>, string, ...unknown[]];

/** ical.js's jCard of one card: property name → list of [params, values]. */
function jcard(text: string): Map<string, { params: Record<string, unknown>; values: unknown[] }[]> {
  const parsed = ICAL.parse(text) as unknown as ['vcard', JProp[], unknown[]];
  expect(parsed[0]).toBe('vcard');
  const props = new Map<string, { params: Record<string, unknown>; values: unknown[] }[]>();
  for (const [name, params, , ...values] of parsed[1]) props.set(name, [...(props.get(name) ?? []), { params, values }]);
  return props;
}

const first = (card: ReturnType<typeof jcard>, name: string) => card.get(name)?.[0]?.values[0];

/** Each physical line: at most 75 octets and valid UTF-8 on its own (no split character). */
function expectWellFolded(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // A fold between the two halves of a surrogate pair would turn the emoji into U+FFFD in the file.
  expect(decoder.decode(bytes)).toBe(text);
  const bad: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10) {
      const line = bytes.subarray(start, i);
      if (line.length > 75) bad.push(`${line.length} octets`);
      try {
        decoder.decode(line);
      } catch {
        bad.push(`split character in line ${bad.length}`);
      }
      start = i + 2;
    }
  }
  expect(bad).toEqual([]);
}

const TRICKY = 'Spółdzielnia „Żółć; Gęś, Łąka”\nZakład nr 2 \\ oddział 🦊 Kraków';

function entity(overrides: Partial<Entity> = {}): Entity {
  return { ...alternatywy(), categories: ['catering', 'care'], websites: ['https://alternatywy.example.pl/o-nas?a=1,2;b'], ...overrides };
}

describe('entity card, read by ical.js', () => {
  test('every field arrives with its value (ORG, FN, N, ADR, TEL, EMAIL, URL, NOTE, CATEGORIES)', () => {
    const e = entity();
    const text = entityToVCard(e);
    expectWellFolded(text);
    const card = jcard(text);
    expect(first(card, 'version')).toBe('3.0');
    expect(first(card, 'fn')).toBe(e.name);
    expect(first(card, 'org')).toBe(e.name); // one component: ical.js gives a string
    expect(first(card, 'n')).toEqual(['', '', '', '', '']);
    expect(first(card, 'x-abshowas')).toBe('COMPANY');
    expect(first(card, 'adr')).toEqual(['', '', 'ul. Gen. W. Sikorskiego 15/4', 'Zielona Góra', '', '65-454', 'Polska']);
    expect(card.get('adr')![0].params.type).toBe('WORK');
    expect(first(card, 'tel')).toBe('+48603254662');
    expect(card.get('tel')![0].params.type).toEqual(['WORK', 'VOICE']);
    expect(first(card, 'email')).toBe('alternatywy.dlaseniora@gmail.com');
    expect(card.get('email')![0].params.type).toBe('INTERNET');
    expect(first(card, 'url')).toBe('https://alternatywy.example.pl/o-nas?a=1,2;b');
    expect(first(card, 'note')).toBe(`${e.offer}\n\nNIP: 9291928963\nKRS: 0000700353\nREGON: 368553461`);
    expect(card.get('categories')![0].values).toEqual(['Gastronomia i catering', 'Usługi opiekuńcze']);
    expect(first(card, 'uid')).toBe('krs:0000700353');
  });

  test('a name with ; , newline, backslash, Polish letters and an emoji comes back exactly', () => {
    const text = entityToVCard(entity({ name: TRICKY }));
    expectWellFolded(text);
    const card = jcard(text);
    expect(first(card, 'fn')).toBe(TRICKY);
    expect(first(card, 'org')).toBe(TRICKY); // the escaped ; did not split it
    expect(card.get('fn')![0].params.charset).toBe('UTF-8');
  });

  test('an emoji or a Polish letter at every position around the fold boundary is never split', () => {
    // 74 consecutive lengths put each character at every offset of a continuation line.
    for (let pad = 55; pad < 135; pad++) {
      for (const ch of ['🦊', 'ż', '\\', ',']) {
        const name = 'x'.repeat(pad) + ch + 'ąę'.repeat(pad % 7) + ch;
        const text = entityToVCard(entity({ name, offer: name }));
        expectWellFolded(text);
        const card = jcard(text);
        expect(first(card, 'fn')).toBe(name);
        expect(String(first(card, 'note')).startsWith(name + '\n\n')).toBe(true);
      }
    }
  });

  test('a hostile value cannot start a property of its own', () => {
    const evil = 'Fundacja X\r\nTEL:+48000000000\r\nEND:VCARD\r\nBEGIN:VCARD';
    const text = entityToVCard(entity({ name: evil, websites: ['https://x.pl/\r\nEMAIL:evil@example.com'], phones: [] }));
    const card = jcard(text);
    expect(card.get('tel')).toBeUndefined();
    expect(card.get('email')).toHaveLength(1);
    expect(first(card, 'fn')).toBe(evil.replace(/\r\n/g, '\n'));
    expect(first(card, 'url')).toBe('https://x.pl/EMAIL:evil@example.com');
  });

  test('an entity with no address, phone or e-mail writes no empty ADR/TEL/EMAIL', () => {
    const card = jcard(entityToVCard(entity({ address: {}, phones: [], emails: [], websites: [], categories: [], offer: undefined, krs: undefined, nip: undefined, regon: undefined })));
    for (const name of ['adr', 'tel', 'email', 'url', 'categories', 'note']) expect(card.get(name)).toBeUndefined();
  });
});

describe('person card and file', () => {
  test('N splits the Polish name order; ORG, TITLE, TEL, EMAIL are set', () => {
    const e = alternatywy();
    const p = person(e.id, 'Anna Maria Wójcik-Łęcka', { role: 'Prezeska zarządu, koordynatorka', email: 'anna@example.pl', phone: '+48601234567' });
    const text = personToVCard(p, e);
    expectWellFolded(text);
    const card = jcard(text);
    expect(first(card, 'n')).toEqual(['Wójcik-Łęcka', 'Anna Maria', '', '', '']);
    expect(first(card, 'fn')).toBe('Anna Maria Wójcik-Łęcka');
    expect(first(card, 'org')).toBe(e.name); // one component: ical.js gives a string
    expect(first(card, 'title')).toBe('Prezeska zarządu, koordynatorka');
    expect(first(card, 'tel')).toBe('+48601234567');
    expect(first(card, 'email')).toBe('anna@example.pl');
  });

  test('one file holds every card', () => {
    const e = alternatywy();
    const file = toVCardFile([entityToVCard(e), personToVCard(person(e.id, 'Jan Nowak'), e)]);
    const parsed = ICAL.parse(file) as unknown as unknown[][];
    expect(parsed).toHaveLength(2);
    expect(parsed.map((c) => c[0])).toEqual(['vcard', 'vcard']);
  });
});

describe('reading .vcf files people send', () => {
  test('our own cards come back: organisation with identifiers, person attached by ORG', () => {
    const e = entity({ name: TRICKY });
    const p = person(e.id, 'Anna Nowak', { role: 'Prezeska', email: 'anna@example.pl', phone: '+48601234567' });
    const parsed = parseVCards(toVCardFile([entityToVCard(e), personToVCard(p, e)]));
    expect(parsed.orgs).toEqual([
      {
        name: TRICKY,
        address: { street: e.address.street, city: e.address.city, postalCode: e.address.postalCode },
        phones: e.phones,
        emails: e.emails,
        websites: e.websites,
        domains: ['alternatywy.example.pl'],
        categories: ['catering', 'care'],
        krs: '0000700353',
        nip: '9291928963',
        regon: '368553461',
        offer: e.offer,
      },
    ]);
    expect(parsed.persons).toEqual([{ name: 'Anna Nowak', role: 'Prezeska', email: 'anna@example.pl', phone: '+48601234567', org: TRICKY }]);
  });

  test('vCard 2.1 from an Android phone: quoted-printable UTF-8, soft breaks, bare types', () => {
    // "Żaneta Kłos", "Spółdzielnia Socjalna Pod Łąką", as Android's contacts app exports them.
    const android = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:K=C5=82os;=C5=BBaneta;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C5=BBaneta K=C5=82os',
      'TEL;CELL;PREF:601 234 567',
      'EMAIL;HOME:zaneta@example.pl',
      'ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Sp=C3=B3=C5=82dzielnia Socjalna Pod =C5=81=C4=85=',
      'k=C4=85',
      'TITLE:Koordynatorka',
      'END:VCARD',
      '',
    ].join('\r\n');
    expect(parseVCards(android).persons).toEqual([
      { name: 'Żaneta Kłos', role: 'Koordynatorka', email: 'zaneta@example.pl', phone: '+48601234567', org: 'Spółdzielnia Socjalna Pod Łąką' },
    ]);
  });

  test('vCard 3.0 from iOS (grouped properties, company card) and 4.0 (KIND:org, tel: URIs), LF line ends', () => {
    const ios = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Apple Inc.//iPhone OS 17.0//EN',
      'N:;;;;',
      'FN:Fundacja Wiatrak',
      'ORG:Fundacja Wiatrak;',
      'item1.TEL;type=pref:+48 12 345 67 89',
      'item2.ADR;type=WORK;type=pref:;;ul. Długa 5;Kraków;;31-147;Polska',
      'item3.URL;type=pref:wiatrak.example.org',
      'X-ABShowAs:COMPANY',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'KIND:org',
      'FN:CIS Tarnów',
      'TEL;VALUE=uri;TYPE=work:tel:+48-14-621-00-00',
      'EMAIL:cis@example.pl',
      'NOTE:Szycie\\, pranie\\nKRS: 57364',
      'END:VCARD',
    ].join('\n');
    const { orgs, persons } = parseVCards(ios);
    expect(persons).toEqual([]);
    expect(orgs).toEqual([
      expect.objectContaining({
        name: 'Fundacja Wiatrak',
        phones: ['+48123456789'],
        address: { street: 'ul. Długa 5', city: 'Kraków', postalCode: '31-147' },
        websites: ['https://wiatrak.example.org/'],
        domains: ['wiatrak.example.org'],
      }),
      expect.objectContaining({ name: 'CIS Tarnów', phones: ['+48146210000'], emails: ['cis@example.pl'], offer: 'Szycie, pranie', krs: '0000057364' }),
    ]);
  });

  test('garbage lines and broken cards are skipped, not fatal', () => {
    const text = 'hello\r\nBEGIN:VCARD\r\nno colon here\r\nFN:Jan Nowak\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:cut off';
    expect(parseVCards(text).persons).toEqual([{ name: 'Jan Nowak' }]);
  });
});

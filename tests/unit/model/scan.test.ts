import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNip } from '../../../shared/model/identifiers.ts';
import { capText, scanText } from '../../../shared/model/scan.ts';

// A contact footer as Polish organisations publish it (data of a real entity from the sample directory).
const FOOTER = `
  Spółdzielnia Socjalna „ALTERNATYWY”
  ul. Gen. W. Sikorskiego 15/4, 65-454 Zielona Góra
  KRS: 0000700353 | NIP: 929-192-89-63 | REGON: 368553461
  tel. +48 603 254 662 · e-mail: alternatywy.dlaseniora@gmail.com
  Nr konta: 61 1090 1014 0000 0712 1981 2874
`;

describe('scanText', () => {
  it('finds the identifiers and contacts of a real footer', () => {
    expect(scanText(FOOTER)).toEqual({
      nips: ['9291928963'],
      regons: ['368553461'],
      krs: ['0000700353'],
      emails: ['alternatywy.dlaseniora@gmail.com'],
      phones: ['+48 603 254 662'],
      phrases: ['spółdzielnia socjalna'],
    });
  });

  it('reads NIPs in every common layout and only checksum-valid ones', () => {
    const text = 'NIP 5261040828; NIP: 526-104-08-28, PL 526 10 40 828, PL5260250995; zły 5261040829; 5213017228';
    expect(scanText(text).nips).toEqual(['5261040828', '5260250995', '5213017228']);
  });

  it('takes no NIP out of a longer number', () => {
    // 5261040828 is valid, but inside a bank account, a longer run or a table of groups it is not a NIP.
    for (const text of ['PL61 5261 0408 2800 0000 0000 0000', '15261040828', '52610408281', '526 104 08 28 12', '12 526-104-08-28']) {
      expect(scanText(text).nips, text).toEqual([]);
    }
  });

  it('reads REGON and KRS only right after their label', () => {
    const h = scanText('Numer 368553461 i 0000700353. REGON: 000331501, REGON 36855346100000, KRS nr 57364, KRS: 0000700353');
    expect(h.regons).toEqual(['000331501', '368553461']);
    expect(h.krs).toEqual(['0000057364', '0000700353']);
    expect(scanText('wpisana do KRS w 2015 roku').krs).toEqual([]);
    expect(scanText('REGON: 368553462').regons).toEqual([]); // bad check digit
  });

  it('does not read the next label\'s number as a KRS or REGON', () => {
    const h = scanText('KRS, NIP 5261040828; REGON – NIP: 5260250995');
    expect(h.krs).toEqual([]);
    expect(h.regons).toEqual([]);
    expect(h.nips).toEqual(['5261040828', '5260250995']);
  });

  it('finds e-mails, lower-casing the domain, and skips image names', () => {
    const h = scanText('Pisz: Biuro@Spoldzielnia.PL, biuro@spoldzielnia.pl lub zarzad@cis.tarnow.pl. logo@2x.png');
    expect(h.emails).toEqual(['Biuro@spoldzielnia.pl', 'biuro@spoldzielnia.pl', 'zarzad@cis.tarnow.pl']);
  });

  it('finds Polish phone numbers as written', () => {
    const h = scanText('tel. 12 345 67 89, (0-12) 345 67 89, kom. 600-100-200, +48 601 100 200, 0048 602100200, fax (12) 345-67-80');
    expect(h.phones).toEqual(['12 345 67 89', '(0-12) 345 67 89', '600-100-200', '+48 601 100 200', '0048 602100200', '(12) 345-67-80']);
  });

  it('does not report identifiers as phone numbers', () => {
    expect(scanText('REGON 368553461 KRS 0000700353 NIP 9291928963').phones).toEqual([]);
  });

  it('finds telling phrases whatever the case and diacritics, as canonical Polish', () => {
    for (const text of ['Spółdzielnia Socjalna', 'SPÓŁDZIELNIA SOCJALNA', 'spoldzielnia socjalna', 'spółdzielni\u00a0socjalnej', 'SPÓŁDZIELNIE\nSOCJALNE']) {
      expect(scanText(text).phrases, text).toEqual(['spółdzielnia socjalna']);
    }
    const h = scanText(
      'Zakład Aktywności Zawodowej i Centrum Integracji Społecznej, KLUB INTEGRACJI SPOŁECZNEJ, warsztaty terapii zajęciowej. ' +
        'Certyfikat Zakup Prospołeczny. Posiadamy status przedsiębiorstwa społecznego. Wsparcie OWES. Jesteśmy organizacją pożytku publicznego ' +
        'i podmiotem ekonomii społecznej.',
    );
    expect(h.phrases).toEqual([
      'przedsiębiorstwo społeczne',
      'ekonomia społeczna',
      'zakład aktywności zawodowej',
      'centrum integracji społecznej',
      'klub integracji społecznej',
      'warsztat terapii zajęciowej',
      'zakup prospołeczny',
      'podmiot ekonomii społecznej',
      'status przedsiębiorstwa społecznego',
      'organizacja pożytku publicznego',
      'OWES',
    ]);
  });

  it('does not find phrases inside other words or the English verb "owes"', () => {
    expect(scanText('Nadspółdzielnia socjalna-ish? He owes me money.').phrases).toEqual([]);
    expect(scanText('ekonomia rynkowa, spółdzielnia mieszkaniowa').phrases).toEqual([]);
  });

  it('deduplicates and caps each list', () => {
    const many = Array.from({ length: 50 }, (_, i) => `k${i}@x.pl 6${String(i).padStart(2, '0')} 100 200`).join('\n');
    const h = scanText(many + '\n' + many);
    expect(h.emails).toHaveLength(20);
    expect(new Set(h.emails).size).toBe(20);
    expect(h.phones).toHaveLength(10);
  });

  it('keeps hostile markup as text and finds nothing in it', () => {
    const h = scanText('<img src=x onerror=alert(1)> =HYPERLINK("http://x") <script>alert("KRS")</script>');
    expect(h).toEqual({ nips: [], regons: [], krs: [], emails: [], phones: [], phrases: [] });
  });

  it('finds any valid NIP embedded in page text', () => {
    const nip = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 })
      .map((d) => d.join(''))
      .filter(isValidNip);
    const filler = fc.stringMatching(/^[a-zA-ZąęłóśżźćńĄĘŁÓŚŻŹĆŃ ,.:;()\n]{0,200}$/);
    fc.assert(
      fc.property(nip, filler, filler, fc.constantFrom(0, 1, 2), (n, before, after, layout) => {
        const written = [n, `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`, `${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7)}`][layout];
        expect(scanText(`${before} NIP: ${written} ${after}`).nips).toEqual([n]);
      }),
    );
  });

  it('stays fast on hostile input', () => {
    // Regex backtracking on long runs was quadratic before the e-mail pattern was bounded.
    for (const text of ['1'.repeat(200_000), 'a.'.repeat(100_000) + '@', 'REGON '.repeat(30_000), ('spółdzielni' + 'ą'.repeat(40) + ' ').repeat(3000)]) {
      const t0 = performance.now();
      scanText(text);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });
});

describe('capText', () => {
  it('keeps short text whole and long text as head and tail', () => {
    expect(capText('abc')).toBe('abc');
    const text = 'H'.repeat(150_000) + 'M'.repeat(100_000) + 'T'.repeat(150_000);
    const capped = capText(text);
    expect(capped.length).toBe(200_001);
    expect(capped.startsWith('H'.repeat(100_000) + '\n')).toBe(true);
    expect(capped.endsWith('T'.repeat(100_000))).toBe(true);
    expect(capped).not.toContain('M');
    expect(capText('0123456789', 3, 2)).toBe('012\n89');
  });

  it('keeps a footer identifier of a long page findable', () => {
    const page = 'Lorem ipsum dolor sit amet. '.repeat(20_000) + FOOTER;
    expect(scanText(capText(page)).krs).toEqual(['0000700353']);
  });
});

describe('scan.ts stays fit for the content script', () => {
  it('imports only identifiers.ts and types', () => {
    const source = readFileSync(new URL('../../../shared/model/scan.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['./identifiers.ts', './types.ts']);
    const idSource = readFileSync(new URL('../../../shared/model/identifiers.ts', import.meta.url), 'utf8');
    expect(idSource).not.toMatch(/^import /m);
  });
});

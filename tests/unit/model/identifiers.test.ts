import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNip, isValidRegon, parseKrs, parseNip, parseRegon } from '../../../shared/model/identifiers.ts';
import { SAMPLE } from './sample.ts';

// Reference check digits written straight from the published definitions, as a second opinion.
const weighted = (digits: number[], weights: number[]) => weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11;
const nipCheck = (d: number[]) => weighted(d, [6, 5, 7, 2, 3, 4, 5, 6, 7]);
const regon9Check = (d: number[]) => weighted(d, [8, 9, 2, 3, 4, 5, 6, 7]) % 10;
const regon14Check = (d: number[]) => weighted(d, [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]) % 10;

const digitsArb = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
const validNip = digitsArb(9)
  .filter((d) => nipCheck(d) !== 10 && d.some((x) => x !== 0))
  .map((d) => [...d, nipCheck(d)].join(''));
const validRegon9 = digitsArb(8)
  .filter((d) => d.some((x) => x !== 0))
  .map((d) => [...d, regon9Check(d)].join(''));
const validRegon14 = fc
  .tuple(validRegon9, digitsArb(4))
  .map(([r9, unit]) => {
    const d = [...r9.split('').map(Number), ...unit];
    return [...d, regon14Check(d)].join('');
  })
  .filter((r) => !r.endsWith('00000'));

/** The ways people write a NIP: groups 3-3-2-2 or 3-2-2-3, with dashes, spaces or dots, maybe labelled. */
const formattedNip = (nip: string) =>
  fc
    .tuple(
      fc.constantFrom('', 'PL', 'PL ', 'NIP: ', 'NIP ', 'nip:', 'NIP: PL', '  '),
      fc.constantFrom([3, 3, 2, 2], [3, 2, 2, 3], [10]),
      fc.constantFrom('-', ' ', '.', ''),
      fc.constantFrom('', ' ', '\t'),
    )
    .map(([prefix, groups, sep, trailing]) => {
      const parts: string[] = [];
      let at = 0;
      for (const g of groups) parts.push(nip.slice(at, (at += g)));
      return prefix + parts.join(sep) + trailing;
    });

describe('NIP', () => {
  it('accepts real published NIPs', () => {
    // Ministry of Finance, Statistics Poland (GUS), ZUS, and the one NIP in the sample directory.
    for (const nip of ['5261040828', '5260250995', '5213017228', '9291928963']) {
      expect(isValidNip(nip)).toBe(true);
      expect(parseNip(nip)).toEqual({ ok: true, value: nip });
    }
    const sampleNips = SAMPLE.map((r) => r.nip).filter(Boolean);
    expect(sampleNips.length).toBeGreaterThan(0);
    for (const nip of sampleNips) expect(parseNip(nip).ok).toBe(true);
  });

  it('reads the formats people type', () => {
    for (const input of ['PL 526-104-08-28', 'NIP: 5261040828', 'NIP 526 104 08 28', 'PL5261040828', '526-10-40-828', ' 526.104.08.28 ', 'NIP: PL 526-104-08-28']) {
      expect(parseNip(input)).toEqual({ ok: true, value: '5261040828' });
    }
  });

  it('reports why a NIP is refused', () => {
    expect(parseNip('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseNip('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseNip('526104082')).toEqual({ ok: false, reason: 'format' });
    expect(parseNip('52610408281')).toEqual({ ok: false, reason: 'format' });
    expect(parseNip('526104082X')).toEqual({ ok: false, reason: 'format' });
    expect(parseNip('=HYPERLINK("x")')).toEqual({ ok: false, reason: 'format' });
    expect(parseNip('5261040829')).toEqual({ ok: false, reason: 'checksum' });
    expect(parseNip('0000000000')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('round-trips generated valid NIPs through any formatting', () => {
    fc.assert(
      fc.property(
        validNip.chain((nip) => fc.tuple(fc.constant(nip), formattedNip(nip))),
        ([nip, written]) => {
          expect(parseNip(written)).toEqual({ ok: true, value: nip });
        },
      ),
    );
  });

  it('detects every single-digit change', () => {
    fc.assert(
      fc.property(validNip, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (nip, at, delta) => {
        const changed = nip.slice(0, at) + ((Number(nip[at]) + delta) % 10) + nip.slice(at + 1);
        expect(isValidNip(changed)).toBe(false);
      }),
    );
  });

  it('never accepts a checksum of 10, whatever the last digit', () => {
    const checksumTen = digitsArb(9).filter((d) => nipCheck(d) === 10);
    fc.assert(
      fc.property(checksumTen, fc.integer({ min: 0, max: 9 }), (d, last) => {
        expect(isValidNip([...d, last].join(''))).toBe(false);
        expect(parseNip([...d, last].join('')).ok).toBe(false);
      }),
    );
  });

  it('agrees with the reference check on arbitrary 10-digit strings', () => {
    fc.assert(
      fc.property(digitsArb(10), (d) => {
        const expected = nipCheck(d) !== 10 && nipCheck(d) === d[9] && d.some((x) => x !== 0);
        expect(isValidNip(d.join(''))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('REGON', () => {
  it('accepts real published REGONs', () => {
    // Ministry of Finance, Statistics Poland (GUS), and the sample directory's one REGON.
    for (const regon of ['000002217', '000331501', '368553461']) {
      expect(isValidRegon(regon)).toBe(true);
      expect(parseRegon(regon)).toEqual({ ok: true, value: regon });
    }
  });

  it('reads labels and separators, and the zero-padded 14-digit form of the KRS API', () => {
    expect(parseRegon('REGON: 368553461')).toEqual({ ok: true, value: '368553461' });
    expect(parseRegon('368-553-461')).toEqual({ ok: true, value: '368553461' });
    expect(parseRegon('368 553 461')).toEqual({ ok: true, value: '368553461' });
    expect(parseRegon('36855346100000')).toEqual({ ok: true, value: '368553461' });
  });

  it('reads identifiers back from a spreadsheet: Excel\'s leading apostrophe, zeros a number lost', () => {
    expect(parseKrs("'0000700353")).toEqual({ ok: true, value: '0000700353' });
    expect(parseNip("'9291928963")).toEqual({ ok: true, value: '9291928963' });
    expect(parseRegon("'368553461")).toEqual({ ok: true, value: '368553461' });
    expect(parseRegon('12345675')).toEqual({ ok: true, value: '012345675' }); // 012345675 read as a number
    const r14 = [0, 1, 2, 3, 4, 5, 6, 7, 5, 1, 2, 3, 4];
    if (isValidRegon(r14.slice(0, 9).join(''))) {
      const full = [...r14, regon14Check(r14)].join('');
      expect(parseRegon(full.slice(1))).toEqual({ ok: true, value: full });
    }
    // Padding only ever accepts a number whose check digit agrees, and puts back one zero only.
    expect(parseRegon('12345676')).toEqual({ ok: false, reason: 'format' });
    expect(parseRegon('2217')).toEqual({ ok: false, reason: 'format' });
  });

  it('reports why a REGON is refused', () => {
    expect(parseRegon('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseRegon('12345678')).toEqual({ ok: false, reason: 'format' });
    expect(parseRegon('1234567890')).toEqual({ ok: false, reason: 'format' });
    expect(parseRegon('368553462')).toEqual({ ok: false, reason: 'checksum' });
    expect(parseRegon('000000000')).toEqual({ ok: false, reason: 'checksum' });
    // A valid 14-digit check cannot rescue an invalid REGON-9 prefix.
    const bad9 = [3, 6, 8, 5, 5, 3, 4, 6, 2, 0, 0, 0, 1];
    expect(parseRegon([...bad9, regon14Check(bad9)].join(''))).toEqual({ ok: false, reason: 'checksum' });
  });

  it('round-trips generated REGON-9 and REGON-14', () => {
    fc.assert(
      fc.property(validRegon9, fc.constantFrom('', 'REGON ', 'REGON: ', 'regon:'), (r, label) => {
        expect(parseRegon(label + r)).toEqual({ ok: true, value: r });
        expect(parseRegon(r + '00000')).toEqual({ ok: true, value: r });
      }),
    );
    fc.assert(
      fc.property(validRegon14, (r) => {
        expect(isValidRegon(r)).toBe(true);
        expect(parseRegon(`${r.slice(0, 9)}-${r.slice(9)}`)).toEqual({ ok: true, value: r });
      }),
    );
  });

  it('agrees with the reference checks on arbitrary strings', () => {
    fc.assert(
      fc.property(digitsArb(9), (d) => {
        expect(isValidRegon(d.join(''))).toBe(regon9Check(d) === d[8] && d.some((x) => x !== 0));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(validRegon9, digitsArb(5), (r9, rest) => {
        const d = [...r9.split('').map(Number), ...rest];
        expect(isValidRegon(d.join(''))).toBe(regon14Check(d) === d[13]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('KRS', () => {
  it('zero-pads real KRS numbers written with or without leading zeros', () => {
    // From the sample directory: Spółdzielnia Socjalna „ALTERNATYWY” and SPDN „Krok za krokiem”.
    expect(parseKrs('0000700353')).toEqual({ ok: true, value: '0000700353' });
    expect(parseKrs('700353')).toEqual({ ok: true, value: '0000700353' });
    expect(parseKrs('KRS: 57364')).toEqual({ ok: true, value: '0000057364' });
    expect(parseKrs('KRS 0000057364')).toEqual({ ok: true, value: '0000057364' });
    expect(parseKrs('krs nr 0000 057 364')).toEqual({ ok: true, value: '0000057364' });
  });

  it('refuses what is not a KRS number', () => {
    expect(parseKrs('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseKrs('0')).toEqual({ ok: false, reason: 'format' });
    expect(parseKrs('0000000000')).toEqual({ ok: false, reason: 'format' });
    expect(parseKrs('12345678901')).toEqual({ ok: false, reason: 'format' });
    expect(parseKrs('KRS: brak')).toEqual({ ok: false, reason: 'format' });
  });

  it('is the number padded to 10 digits for any 1–10 digit input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), (n) => {
        const r = parseKrs(String(n));
        expect(r).toEqual({ ok: true, value: String(n).padStart(10, '0') });
      }),
    );
  });
});

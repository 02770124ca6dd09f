import { describe, expect, it } from 'vitest';
import { zakupValidUntilDay, dayNumber, today } from '../../../shared/search/certificates.ts';
import { withinOneEdit } from '../../../shared/search/edit-distance.ts';
import { parseQuery } from '../../../shared/search/query.ts';
import { topKeys } from '../../../shared/search/top-keys.ts';

/** Reference: optimal string alignment distance by dynamic programming. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('withinOneEdit', () => {
  it('agrees with a dynamic-programming distance on all short strings over a small alphabet', () => {
    const words: string[] = [''];
    for (let len = 1; len <= 4; len++) for (const w of words.filter((x) => x.length === len - 1)) for (const c of 'abc') words.push(w + c);
    for (const a of words) {
      for (const b of words) {
        expect(withinOneEdit(a, b, false), `${a}/${b}`).toBe(osa(a, b) === 1);
        const prefixes = Array.from({ length: b.length + 1 }, (_, i) => b.slice(0, i));
        const viaPrefix = !b.startsWith(a) && prefixes.some((p) => osa(a, p) === 1);
        expect(withinOneEdit(a, b, true), `prefix ${a}/${b}`).toBe(viaPrefix);
      }
    }
  });
});

describe('parseQuery', () => {
  it('turns identifier formats into canonical, checksum-valid identifiers', () => {
    expect(parseQuery('PL 929-192-89-63')).toEqual({ words: ['9291928963'], identifiers: ['9291928963'] });
    expect(parseQuery('KRS 700353').identifiers).toEqual(['0000700353']);
    // A bad NIP checksum: not a NIP, but 10 digits may still be a KRS.
    expect(parseQuery('929-192-89-64').identifiers).toEqual(['9291928964']);
    expect(parseQuery('1234').identifiers).toEqual([]); // too short to be taken for a KRS
  });

  it('folds words and drops one-letter words except the one being typed', () => {
    expect(parseQuery('Zakład Aktywności Zawodowej w Łęcznej').words).toEqual(['zaklad', 'aktywnosci', 'zawodowej', 'lecznej']);
    expect(parseQuery('spółdzielnia s').words).toEqual(['spoldzielnia', 's']);
    expect(parseQuery('„—”').words).toEqual([]);
  });
});

describe('certificate validity', () => {
  it('takes the latest Zakup Prospołeczny date; a bare year lasts to the end of the next year', () => {
    expect(zakupValidUntilDay([{ name: 'Zakup Prospołeczny', validUntil: '2026-03-01' }])).toBe(dayNumber('2026-03-01'));
    expect(zakupValidUntilDay([{ name: 'ZAKUP PROSPOŁECZNY (2024)', year: 2024 }])).toBe(dayNumber('2025-12-31'));
    expect(zakupValidUntilDay([{ name: 'Lider Ekonomii Społecznej', validUntil: '2030-01-01' }])).toBe(-1);
    expect(zakupValidUntilDay(undefined)).toBe(-1);
    expect(today(new Date(2026, 0, 1, 23, 30))).toBe(dayNumber('2026-01-01'));
  });
});

describe('topKeys', () => {
  it('returns the k largest keys in descending order', () => {
    const keys = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1009);
    const sorted = [...keys].sort((a, b) => b - a);
    for (const k of [0, 1, 5, 50, 999, 1000, 2000]) expect([...topKeys(keys.slice(), k)]).toEqual(sorted.slice(0, k));
  });
});

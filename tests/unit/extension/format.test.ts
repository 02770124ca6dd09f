import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { addressLine, certificateValidity, formatDate, formatPhone, isWebUrl, localToday, placeOf, sourceLink } from '../../../shared/ui/entity/format.ts';

describe('entity display rules', () => {
  it('groups Polish numbers as libphonenumber’s own national format does', () => {
    // Mobile (3-3-3) and landline (2-3-2-2) numbers; the reference grouping comes from the full
    // libphonenumber metadata, which the popup does not ship.
    for (const e164 of ['+48603254662', '+48815551234', '+48124219999', '+48501234567', '+48226543210']) {
      const reference = parsePhoneNumberFromString(e164)!.formatInternational();
      expect(formatPhone(e164)).toBe(reference);
    }
    expect(formatPhone('+4930123456')).toBe('+4930123456'); // not Polish: as stored
  });

  it('tells valid, expired and unknown certificates apart, valid through the last day', () => {
    expect(certificateValidity({ name: 'Zakup Prospołeczny', validUntil: '2026-11-22' }, '2026-11-22')).toBe('valid');
    expect(certificateValidity({ name: 'Zakup Prospołeczny', validUntil: '2026-11-21' }, '2026-11-22')).toBe('expired');
    expect(certificateValidity({ name: 'Zakup Prospołeczny', year: 2017 }, '2026-11-22')).toBe('unknown');
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('formats dates for each language and leaves non-dates alone', () => {
    expect(formatDate('2026-11-22', 'pl')).toMatch(/^22 lis 2026$/);
    // A moment is shown on the user's calendar: 23:30 UTC is already the next day in Warsaw.
    expect(formatDate('2026-11-22T23:30:00.000Z', 'en', { timeZone: 'UTC' })).toBe('22 Nov 2026');
    expect(formatDate('2026-11-22T23:30:00.000Z', 'en', { timeZone: 'Europe/Warsaw' })).toBe('23 Nov 2026');
    // A calendar date is shown as written, whatever the time zone.
    expect(formatDate('2026-11-22', 'en', { timeZone: 'Pacific/Kiritimati' })).toBe('22 Nov 2026');
    expect(formatDate('2026-11-22', 'en', { timeZone: 'Pacific/Pago_Pago' })).toBe('22 Nov 2026');
    expect(formatDate(undefined, 'pl')).toBe('');
    expect(formatDate('wczoraj', 'pl')).toBe('wczoraj');
  });

  it('links only web addresses', () => {
    expect(isWebUrl('https://zaz.leczna.pl/o-nas')).toBe(true);
    for (const s of ['javascript:alert(1)', 'file:pes-directory-sample.csv', 'github:x/y:z', 'https://a b']) expect(isWebUrl(s)).toBe(false);
  });

  it('opens a source on the web when it can: web addresses, and files of GitHub repositories', () => {
    expect(sourceLink('https://zaz.leczna.pl/o-nas')).toBe('https://zaz.leczna.pl/o-nas');
    expect(sourceLink('github:TomaszWu14/hugme:data/praca.py@22d2777963bc83f96c922bc79eb65f9b59e26b91')).toBe(
      'https://github.com/TomaszWu14/hugme/blob/22d2777963bc83f96c922bc79eb65f9b59e26b91/data/praca.py',
    );
    expect(sourceLink('github:CzernikSlawek/alternatywy-strona1:src/components/Layout/Footer/index.tsx')).toBe(
      'https://github.com/CzernikSlawek/alternatywy-strona1/blob/HEAD/src/components/Layout/Footer/index.tsx',
    );
    // A path cannot smuggle in another address or a query.
    expect(sourceLink('github:a/b:dir/ł?#.txt')).toBe('https://github.com/a/b/blob/HEAD/dir/%C5%82%3F%23.txt');
    for (const s of ['file:pes-directory-sample.csv', 'user:', 'github:x', 'github:x/y', 'github:../x:y', 'github:a/b:x y.txt', 'javascript:alert(1)']) expect(sourceLink(s), s).toBeNull();
  });

  it('writes the place and the address from the parts that are known', () => {
    expect(placeOf({ city: 'Łęczna', voivodeship: 'lubelskie' })).toBe('Łęczna, lubelskie');
    expect(placeOf({ voivodeship: 'lubelskie' })).toBe('lubelskie');
    expect(addressLine({ street: 'ul. Krasnystawska 52', postalCode: '21-010', city: 'Łęczna' })).toBe('ul. Krasnystawska 52, 21-010 Łęczna');
  });
});

import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizeEmail,
  normalizePhone,
  normalizePostalCode,
  normalizeWebsite,
  splitMulti,
} from '../../../shared/model/contact.ts';
import { SAMPLE } from './sample.ts';

describe('normalizePhone', () => {
  it('reads the ways Polish numbers are written', () => {
    expect(normalizePhone('tel. 12 345 67 89')).toBe('+48123456789');
    expect(normalizePhone('+48 600-100-200')).toBe('+48600100200');
    expect(normalizePhone('(0-12) 345 67 89')).toBe('+48123456789'); // pre-2002 trunk 0
    expect(normalizePhone('(12) 345-67-89')).toBe('+48123456789');
    expect(normalizePhone('600100200')).toBe('+48600100200');
    expect(normalizePhone('0048 600 100 200')).toBe('+48600100200');
    expect(normalizePhone('kom. 600 100 200')).toBe('+48600100200');
    expect(normalizePhone('12 345 67 89 wew. 21')).toBe('+48123456789');
  });

  it('gives every number of the sample directory in E.164, national ones with +48', () => {
    // Real lists write "15 811 85 36", "81-511-91-31" and "+48 62 7219 136"; a cell may hold two.
    const phones = SAMPLE.flatMap((r) => splitMulti(r.phone));
    expect(phones.length).toBeGreaterThan(10);
    expect(phones.some((p) => !p.startsWith('+'))).toBe(true);
    for (const p of phones) {
      const digits = p.replace(/\D/g, '');
      expect(normalizePhone(p), p).toBe(p.startsWith('+') ? '+' + digits : '+48' + digits);
    }
  });

  it('keeps foreign numbers in their own country', () => {
    expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalizePhone('+420 601 123 456')).toBe('+420601123456');
  });

  it('refuses what is not a phone number', () => {
    for (const bad of ['', '12 345', '123', 'brak', 'abc 600 100 200 def', '600 100 200 (sekretariat)', '+48 600 100 200 300', '=HYPERLINK("tel:600100200")', '<img src=x onerror=alert(1)>', '600+100200']) {
      expect(normalizePhone(bad), bad).toBeNull();
    }
  });

  it('gives one E.164 number for any spacing of a Polish mobile number', () => {
    // Mobile ranges assigned by UKE: 50x, 51x, 53x, 57x, 60x, 66x, 69x, 72x, 73x, 78x, 79x, 88x.
    const mobile = fc
      .tuple(fc.constantFrom('50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88'), fc.stringMatching(/^\d{7}$/))
      .map(([p, rest]) => p + rest);
    fc.assert(
      fc.property(mobile, fc.constantFrom('', '+48 ', '+48', '0048 ', 'tel. ', 'tel: '), fc.constantFrom(' ', '-', ''), (n, prefix, sep) => {
        const written = prefix + [n.slice(0, 3), n.slice(3, 6), n.slice(6)].join(sep);
        expect(normalizePhone(written)).toBe('+48' + n);
      }),
    );
  });
});

describe('splitMulti', () => {
  it('splits cells holding several items without splitting a phone number', () => {
    expect(splitMulti('12 345 67 89, 600 100 200')).toEqual(['12 345 67 89', '600 100 200']);
    expect(splitMulti('tel. 12 345 67 89 lub 600 100 200')).toEqual(['tel. 12 345 67 89', '600 100 200']);
    expect(splitMulti('600 100 200 / 601 100 200')).toEqual(['600 100 200', '601 100 200']);
    expect(splitMulti('biuro@x.pl; prezes@x.pl\nks@x.pl')).toEqual(['biuro@x.pl', 'prezes@x.pl', 'ks@x.pl']);
    expect(splitMulti('biuro@x.pl or prezes@x.pl')).toEqual(['biuro@x.pl', 'prezes@x.pl']);
    expect(splitMulti('www.a.pl https://b.pl/o-nas')).toEqual(['www.a.pl', 'https://b.pl/o-nas']);
  });

  it('keeps URL paths and slash-written numbers whole', () => {
    expect(splitMulti('http://cispol.byczyna.pl/38/90/cis-kiedys-i-dzis.html')).toEqual(['http://cispol.byczyna.pl/38/90/cis-kiedys-i-dzis.html']);
    expect(splitMulti('12/345 67 89')).toEqual(['12/345 67 89']);
    expect(splitMulti('+48 603 254 662')).toEqual(['+48 603 254 662']);
  });

  it('drops empty items', () => {
    expect(splitMulti('')).toEqual([]);
    expect(splitMulti(' ; ,, \n ')).toEqual([]);
  });
});

describe('normalizeEmail', () => {
  it('trims, strips mailto: and lower-cases only the domain', () => {
    expect(normalizeEmail('  mailto:Biuro@Example.PL ')).toBe('Biuro@example.pl');
    expect(normalizeEmail('MAILTO:a.b@x.pl?subject=oferta')).toBe('a.b@x.pl');
    expect(normalizeEmail('<kontakt@spoldzielnia.pl>')).toBe('kontakt@spoldzielnia.pl');
    expect(normalizeEmail('alternatywy.dlaseniora@gmail.com')).toBe('alternatywy.dlaseniora@gmail.com');
  });

  it('refuses what is not an address', () => {
    for (const bad of ['', 'biuro@', '@x.pl', 'a b@x.pl', 'a@x', 'a@@x.pl', 'a..b@x.pl', '.a@x.pl', 'brak', '<img src=x onerror=alert(1)>@x.pl', '=HYPERLINK("mailto:a@x.pl")']) {
      expect(normalizeEmail(bad), bad).toBeNull();
    }
  });
});

describe('normalizePostalCode', () => {
  it('gives NN-NNN', () => {
    for (const s of ['30-001', '30001', '30 001', ' 30 - 001 ', '30–001']) expect(normalizePostalCode(s)).toBe('30-001');
    for (const r of SAMPLE.filter((r) => r.postal_code)) expect(normalizePostalCode(r.postal_code)).toBe(r.postal_code);
  });

  it('refuses other shapes', () => {
    for (const bad of ['3-0001', '300011', '30-01', 'Kraków', '30-001 Kraków', '']) expect(normalizePostalCode(bad), bad).toBeNull();
  });
});

describe('normalizeWebsite', () => {
  it('normalises every website in the sample directory', () => {
    const sites = SAMPLE.map((r) => r.website).filter(Boolean);
    expect(sites.length).toBeGreaterThan(0);
    // Real lists write some sites without a scheme ("www.centralnakuchnia.pl"): https is assumed.
    expect(sites.some((s) => !/^https?:\/\//.test(s))).toBe(true);
    for (const s of sites) {
      const w = normalizeWebsite(s);
      expect(w, s).not.toBeNull();
      expect(w!.url.startsWith(/^https?:\/\//.test(s) ? s.toLowerCase() : 'https://' + s.toLowerCase())).toBe(true);
      expect(w!.siteKey.startsWith('www.')).toBe(false);
    }
  });

  it('adds https:// and splits host, registrable domain and site key', () => {
    expect(normalizeWebsite('www.PCogito.pl')).toEqual({
      url: 'https://www.pcogito.pl/',
      host: 'www.pcogito.pl',
      domain: 'pcogito.pl',
      siteKey: 'pcogito.pl',
    });
    // A ZAZ on its town's sub-domain keeps the full host as key; the town owns tarnow.pl.
    expect(normalizeWebsite('https://zaz.tarnow.pl')).toMatchObject({ domain: 'tarnow.pl', siteKey: 'zaz.tarnow.pl' });
    expect(normalizeWebsite('https://zaz.leczna.pl')).toMatchObject({ siteKey: 'zaz.leczna.pl' });
    // Private suffixes count: a Wix site is its own registrable domain.
    expect(normalizeWebsite('foo.wixsite.com/spoldzielnia')).toMatchObject({ domain: 'foo.wixsite.com', siteKey: 'foo.wixsite.com' });
    expect(normalizeWebsite('//example.com.pl/a')).toMatchObject({ url: 'https://example.com.pl/a', domain: 'example.com.pl' });
  });

  it('gives an internationalised host in punycode', () => {
    const w = normalizeWebsite('https://www.spółdzielnia-łąka.pl/o-nas');
    expect(w?.host).toBe(domainToASCII('www.spółdzielnia-łąka.pl'));
    expect(w?.siteKey).toBe(domainToASCII('spółdzielnia-łąka.pl'));
    expect(w?.siteKey.startsWith('xn--')).toBe(true);
  });

  it('refuses other schemes, addresses without a public suffix, and garbage', () => {
    for (const bad of [
      '',
      'brak',
      '-',
      'n/a',
      'javascript:alert(1)',
      'mailto:a@x.pl',
      'ftp://x.pl',
      'data:text/html,<script>alert(1)</script>',
      'http://192.168.1.1/',
      'localhost:8080',
      'www.brak',
      'https://bank.pl@evil.example',
      'www.a.pl www.b.pl',
      '<img src=x onerror=alert(1)>',
      '=HYPERLINK("http://x.pl")',
    ]) {
      expect(normalizeWebsite(bad), bad).toBeNull();
    }
  });
});

import fc from 'fast-check';
import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { normalizeWebsite } from '../../../shared/model/contact.ts';
import { isSharedHost, lookupKeysForUrl } from '../../../shared/model/domain.ts';
import { SAMPLE } from './sample.ts';

describe('lookupKeysForUrl', () => {
  it('gives the host, then each parent host of two labels or more', () => {
    expect(lookupKeysForUrl('https://sklep.spoldzielnia-x.pl/a')).toEqual(['sklep.spoldzielnia-x.pl', 'spoldzielnia-x.pl']);
    expect(lookupKeysForUrl('https://zaz.tarnow.pl')).toEqual(['zaz.tarnow.pl', 'tarnow.pl']);
    expect(lookupKeysForUrl('http://www.pcogito.pl/kontakt?x=1#y')).toEqual(['pcogito.pl']);
    // "com.pl" is a public suffix: no key is ever one, so looking it up finds nothing (and needs no list).
    expect(lookupKeysForUrl('HTTPS://WWW.Example.COM.PL:8443/')).toEqual(['example.com.pl', 'com.pl']);
    expect(lookupKeysForUrl('https://user:pass@sklep.example.pl:8080/x')).toEqual(['sklep.example.pl', 'example.pl']);
    expect(lookupKeysForUrl('https://a.b.c.example.pl/')).toEqual(['a.b.c.example.pl', 'b.c.example.pl', 'c.example.pl', 'example.pl']);
    expect(lookupKeysForUrl('https://foo.wixsite.com/site')).toEqual(['foo.wixsite.com']);
  });

  it('finds every sample entity from a page deep in its site', () => {
    for (const r of SAMPLE.filter((r) => r.website)) {
      const site = normalizeWebsite(r.website)!;
      const page = `https://oferta.${site.siteKey}/katalog/1.html`;
      expect(lookupKeysForUrl(page), page).toContain(site.siteKey);
      expect(lookupKeysForUrl(site.url)[0]).toBe(site.siteKey);
    }
  });

  it('is empty for pages that are not a site of one organisation', () => {
    for (const url of [
      'chrome://newtab/',
      'chrome-extension://abc/app.html',
      'about:blank',
      'file:///home/a.html',
      'view-source:https://x.pl',
      'http://localhost:3000/',
      'http://127.0.0.1:8080/',
      'http://[::1]/',
      'https://192.168.0.10/x',
      'https://intranet/',
      'https://www.facebook.com/spoldzielnia',
      'https://sites.google.com/view/spoldzielnia',
      'https://www.gov.pl/web/rodzina',
      'https://bazy.ngo.pl/org/123',
      '',
      'not a url',
    ]) {
      expect(lookupKeysForUrl(url), url).toEqual([]);
    }
  });

  it('gives keys in punycode, as browsers report tab URLs', () => {
    expect(lookupKeysForUrl('https://żółw.pl/')).toEqual(['xn--w-uga1v8h.pl']);
    expect(lookupKeysForUrl('https://xn--w-uga1v8h.pl/')).toEqual(['xn--w-uga1v8h.pl']);
  });

  it('reaches the registrable domain (where the public suffix list would stop) and past it only public suffixes', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
    fc.assert(
      fc.property(fc.array(label, { maxLength: 4 }), label, fc.constantFrom('pl', 'com.pl', 'org', 'waw.pl'), (subs, name, suffix) => {
        const domain = `pes${name}.${suffix}`; // "co.pl" would itself be a public suffix
        const keys = lookupKeysForUrl(`https://${[...subs, domain].join('.')}/x`);
        const at = keys.indexOf(domain);
        expect(at).toBeGreaterThanOrEqual(0);
        for (let i = 1; i < keys.length; i++) expect(keys[i - 1].endsWith('.' + keys[i])).toBe(true);
        // Every key after the registrable domain is a public suffix, which no stored website can have as its key.
        for (const k of keys.slice(at + 1)) expect(parse(k).domain, k).toBeNull();
      }),
    );
  });
});

describe('isSharedHost', () => {
  it('flags platforms that host many organisations', () => {
    for (const host of [
      'facebook.com',
      'www.facebook.com',
      'pl-pl.facebook.com',
      'm.facebook.com',
      'instagram.com',
      'linkedin.com',
      'youtube.com',
      'google.com',
      'sites.google.com',
      'wixsite.com',
      'blogspot.com',
      'wordpress.com',
      'ngo.pl',
      'bazy.ngo.pl',
      'gov.pl',
      'www.gov.pl',
      'bip.gov.pl',
      'gmina-x.bip.gov.pl',
    ]) {
      expect(isSharedHost(host), host).toBe(true);
    }
  });

  it("leaves an organisation's own site, even on a platform sub-domain", () => {
    for (const host of ['pcogito.pl', 'zaz.leczna.pl', 'foo.wixsite.com', 'spoldzielnia.blogspot.com', 'myfacebook.com', 'facebook.com.example.pl', 'mf.gov.pl']) {
      expect(isSharedHost(host), host).toBe(false);
    }
    for (const r of SAMPLE.filter((r) => r.website)) expect(isSharedHost(normalizeWebsite(r.website)!.siteKey)).toBe(false);
  });
});

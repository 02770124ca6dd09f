// Reading what a page states about its organisation (JSON-LD in its usual shapes, mailto:/tel:
// links, free-text addresses, names with a legal form) and checking it as an import would, on the
// fixture sites the end-to-end tests serve, hostile ones included.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFacts, nameFromFacts, offersFor, searchTextFor, structuredNip, addressFromText } from '../../../shared/model/foundFacts.ts';
import { plainEmail } from '../../../shared/model/fieldValue.ts';
import { addPlace, emptyFacts, MAX_FACTS, readJsonLd, readLink, readNamePhrases } from '../../../shared/model/pageFacts.ts';
import { isPageHints, isRawPageFacts } from '../../../shared/messages/validate.ts';
import type { Entity, PageHints, RawPageFacts } from '../../../shared/model/types.ts';

const site = (host: string) => readFileSync(new URL(`../../fixtures/sites/${host}/index.html`, import.meta.url), 'utf8');

/** What the content script reads from a page, taken from the fixture's HTML with plain patterns. */
function factsOfHtml(html: string): RawPageFacts {
  const facts = emptyFacts();
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  for (const m of html.matchAll(/<(address|footer)>([\s\S]*?)<\/\1>/g)) addPlace(facts, m[2].replace(/<[^>]+>/g, ' '));
  readJsonLd(scripts, facts);
  for (const m of html.matchAll(/<a href="([^"]*)"/g)) readLink(m[1].replace(/&amp;/g, '&'), facts);
  readNamePhrases(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '), facts);
  return facts;
}

const noHints = (facts?: RawPageFacts): PageHints => ({ nips: [], regons: [], krs: [], emails: [], phones: [], phrases: [], ...(facts ? { facts } : {}) });

describe('readJsonLd', () => {
  it('reads an Organization in @graph with an array of types and a nested PostalAddress', () => {
    const f = factsOfHtml(site('www.zazjanowlubelski.pl'));
    expect(f.legalNames).toEqual(['Powiatowy Zakład Aktywności Zawodowej w Janowie Lubelskim']);
    expect(f.names).toEqual(['ZAZ w Janowie Lubelskim']);
    expect(f.emails).toContain('mailto:biuro@zazjanowlubelski.pl');
    expect(f.phones).toContain('+48 15 871 00 35');
    expect(f.taxIds).toEqual(['PL9223001840']);
    expect(f.addresses).toEqual([{ street: 'ul. Jana Zamoyskiego 149', postalCode: '23-300', city: 'Janów Lubelski' }]);
    expect(f.urls).toEqual(['https://www.zazjanowlubelski.pl/', 'https://www.facebook.com/zazjanow', 'javascript:alert(1)', 'https://sklep-zaz-janow.pl/']);
  });

  it('reads a single object of a subtype (NGO) and skips a WebSite or a Person', () => {
    const f = factsOfHtml(site('razemdlazycia.pl'));
    expect(f.legalNames).toEqual(['Fundacja Razem dla Życia']);
    const other = readJsonLd([JSON.stringify([{ '@type': 'WebSite', email: 'site@x.pl' }, { '@type': 'Person', email: 'osoba@x.pl' }])]);
    expect(other.emails).toEqual([]);
  });

  it('finds an organisation nested under a page, typed by a full IRI, with contact points', () => {
    const f = readJsonLd([
      JSON.stringify({
        '@type': 'WebPage',
        publisher: { '@type': 'http://schema.org/Restaurant', name: 'Bistro', contactPoint: [{ email: 'rez@bistro.pl', telephone: '600700800' }] },
      }),
    ]);
    expect(f.names).toEqual(['Bistro']);
    expect(f.emails).toEqual(['rez@bistro.pl']);
    expect(f.phones).toEqual(['600700800']);
  });

  it('skips oversized, over-deep and malformed blocks and keeps what is left', () => {
    const f = factsOfHtml(site('wrogi-jsonld.pl'));
    expect(f.emails).not.toContain('ogromna@example.pl');
    expect(f.emails).not.toContain('gleboka@example.pl');
    expect(f.names).not.toContain('zepsuty');
    expect(f.emails).not.toContain('zkodu@wrogi-jsonld.pl'); // a script's code is never read
    expect(f.taxIds).toEqual(['PL1234563219', '9291928963']);
    expect(f.emails.length).toBeLessThanOrEqual(MAX_FACTS);
    expect(isRawPageFacts(f)).toBe(true);
  });

  it('stays bounded on a huge flat array', () => {
    const many = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ '@type': 'Organization', email: `o${i}@x.pl` })));
    expect(readJsonLd([many.slice(0, 99_000) + ']']).emails.length).toBeLessThanOrEqual(MAX_FACTS);
  });
});

describe('checkFacts', () => {
  it('keeps only values an import would accept', () => {
    const found = checkFacts(noHints(factsOfHtml(site('wrogi-jsonld.pl'))));
    // ?bcc= addresses, several addresses in one, javascript: — all refused; plain addresses kept.
    expect(found.emails.every((e) => /^osoba\d+@wrogi-jsonld\.pl$/.test(e))).toBe(true);
    expect(found.emails.length).toBeLessThanOrEqual(8);
    expect(found.phones).toEqual([]);
    expect(found.websites).toEqual([]); // javascript:, data: and facebook.com are never an entity's site
    expect(found.nips).toEqual(['9291928963']); // the bad check digit is gone; the lie is caught later
    expect(found.legalName).toBe('Spółdzielnia Socjalna Wroga'); // markup dropped; shown as text anyway
  });

  it('reads the Janów fixture into canonical values', () => {
    const found = checkFacts(noHints(factsOfHtml(site('www.zazjanowlubelski.pl'))));
    expect(found.emails).toEqual(['biuro@zazjanowlubelski.pl', 'sekretariat@zazjanowlubelski.pl']);
    expect(found.phones).toEqual(['+48158710035', '+48158710036']);
    expect(found.websites.map((w) => w.siteKey)).toEqual(['zazjanowlubelski.pl', 'sklep-zaz-janow.pl']);
    expect(found.nips).toEqual(['9223001840']);
    expect(found.address).toEqual({ street: 'ul. Jana Zamoyskiego 149', postalCode: '23-300', city: 'Janów Lubelski' });
  });

  it('reads a postal code, town and street from a footer', () => {
    expect(addressFromText('Fundacja X · ul. Krakowska 12, 32-100 Proszowice · tel. 12 411 22 33')).toEqual({
      street: 'ul. Krakowska 12',
      postalCode: '32-100',
      city: 'Proszowice',
    });
    expect(addressFromText('ul. Gen. W. Sikorskiego 15/4, 65-454 Zielona Góra')).toEqual({
      street: 'ul. Gen. W. Sikorskiego 15/4',
      postalCode: '65-454',
      city: 'Zielona Góra',
    });
  });

  it('plainEmail refuses what would add recipients', () => {
    expect(plainEmail('mailto:jan@x.pl')).toBe('jan@x.pl');
    expect(plainEmail('jan@X.PL?subject=Oferta')).toBe('jan@x.pl');
    expect(plainEmail('jan@x.pl?bcc=')).toBeNull();
    expect(plainEmail('jan@x.pl?cc=ktos@y.pl')).toBeNull();
    expect(plainEmail('jan@x.pl,ewa@y.pl')).toBeNull();
    expect(plainEmail('jan%40x.pl')).toBeNull();
  });
});

describe('offersFor', () => {
  const janow: Entity = {
    id: 'name:janow',
    name: 'Powiatowy Zakład Aktywności Zawodowej w Janowie Lubelskim',
    legalForm: 'zaz',
    address: { street: 'ul. Jana Zamoyskiego 149', city: 'Janów Lubelski' },
    domains: ['zazjanowlubelski.pl'],
    websites: ['http://www.zazjanowlubelski.pl/'],
    emails: [],
    phones: ['+48158710036'],
    categories: [],
    sources: [],
    origin: 'directory',
    createdAt: '',
    updatedAt: '',
  };
  const hints = noHints(factsOfHtml(site('www.zazjanowlubelski.pl')));
  const found = checkFacts(hints);

  it('lists what the entity lacks, not what it has', () => {
    const offers = offersFor(janow, found, { withSites: true, structuredNip: structuredNip(hints) });
    expect(offers).toEqual([
      { field: 'emails', value: 'biuro@zazjanowlubelski.pl', kind: 'missing' },
      { field: 'emails', value: 'sekretariat@zazjanowlubelski.pl', kind: 'missing' },
      { field: 'phones', value: '+48158710035', kind: 'missing' },
      { field: 'websites', value: 'https://sklep-zaz-janow.pl/', kind: 'missing' },
      { field: 'nip', value: '9223001840', kind: 'missing' },
      { field: 'address.postalCode', value: '23-300', kind: 'missing' },
    ]);
  });

  it('states differing values with the current one, and offers no sites when the page was matched by a number', () => {
    const offers = offersFor({ ...janow, nip: '5261040828', address: { ...janow.address, city: 'Janów' } }, found, { withSites: false, structuredNip: '9223001840' });
    expect(offers).toContainEqual({ field: 'nip', value: '9223001840', kind: 'differs', current: '5261040828' });
    expect(offers).toContainEqual({ field: 'address.city', value: 'Janów Lubelski', kind: 'differs', current: 'Janów' });
    expect(offers.some((o) => o.field === 'websites')).toBe(false);
  });

  it('offers no NIP when a page names several without structured data', () => {
    const two = checkFacts({ ...noHints(), nips: ['9223001840', '5261040828'] });
    expect(offersFor(janow, two, { withSites: true }).some((o) => o.field === 'nip')).toBe(false);
  });
});

describe('names for a candidate and the quick search', () => {
  it('prefers the legal name, then a telling phrase, to the page title', () => {
    const razem = noHints(factsOfHtml(site('razemdlazycia.pl')));
    const found = checkFacts(razem);
    expect(nameFromFacts(found, razem)).toBe('Fundacja Razem dla Życia');
    expect(searchTextFor(found, razem)).toBe('Fundacja Razem dla Życia Proszowice');
    const phrase = emptyFacts();
    readNamePhrases('Witamy! Spółdzielnia Socjalna „Zielony Zakątek” zaprasza.', phrase);
    expect(phrase.namePhrases).toEqual(['Spółdzielnia Socjalna „Zielony Zakątek”']);
    expect(nameFromFacts(checkFacts(noHints(phrase)), noHints(phrase))).toBe('Spółdzielnia Socjalna „Zielony Zakątek”');
  });
});

describe('the hints message validator', () => {
  it('accepts facts as the content script sends them and refuses anything else', () => {
    const facts = factsOfHtml(site('www.zazjanowlubelski.pl'));
    expect(isPageHints(noHints(facts))).toBe(true);
    expect(isPageHints(noHints({ ...facts, emails: ['x'.repeat(301)] }))).toBe(false);
    expect(isPageHints(noHints({ ...facts, extra: [] } as unknown as RawPageFacts))).toBe(false);
    expect(isPageHints(noHints({ ...facts, addresses: [{ street: 1 }] } as unknown as RawPageFacts))).toBe(false);
    expect(isPageHints(noHints({ ...facts, names: Array(21).fill('a').map((a, i) => a + i) }))).toBe(false);
  });
});

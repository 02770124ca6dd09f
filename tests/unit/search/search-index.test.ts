import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../shared/search/search-index.ts';
import type { SearchDoc } from '../../../shared/search/types.ts';
import { generated10k, plainMatches, sample } from './data.ts';

const FIXED_NOW = () => new Date(2026, 5, 15); // 2026-06-15, local time

function doc(id: string, name: string, extra: Partial<SearchDoc> = {}): SearchDoc {
  return { id, name, legalForm: 'inna', address: {}, categories: [], ...extra };
}

const sampleIndex = SearchIndex.build(sample, { now: FIXED_NOW });
const nameOf = (id: string) => sample.find((d) => d.id === id)!.name;
const alternatywy = sample.find((d) => d.krs === '0000700353')!;

describe('matching on the real sample', () => {
  it('folds Polish letters both ways: query without diacritics finds names with them', () => {
    const { ids } = sampleIndex.search('spoldzielnia bialystok');
    const names = ids.map(nameOf);
    expect(names).toContain('Flow Spółdzielnia Socjalna');
    // and a query with diacritics finds the same entities
    expect(sampleIndex.search('Spółdzielnia Białystok').ids).toEqual(ids);
    expect(sampleIndex.search('ŁĘCZNA').ids.map(nameOf)).toContain('Powiatowy Zakład Aktywności Zawodowej w Łęcznej');
  });

  it('returns exactly the documents the plain reference matcher finds (prefix semantics, AND)', () => {
    for (const q of ['spoldzielnia', 'spoldz soc', 'fundacja krakow', 'zakup', 'uslugi opiekuncze', 'cis', 'zaz tarnow', 'gastronom', 'krak', 'rekodziel']) {
      const expected = plainMatches(sample, q);
      const result = sampleIndex.search(q);
      if (expected.size >= 5) {
        expect(new Set(result.ids), q).toEqual(expected);
        expect(result.total).toBe(expected.size);
      } else {
        // Fewer than 5: the typo pass may add near matches, but every plain match is there.
        for (const id of expected) expect(result.ids, q).toContain(id);
      }
    }
  });

  it('matches the last word as a prefix while it is being typed', () => {
    const full = new Set(sampleIndex.search('spółdzielnia socjalna').ids);
    const typing = new Set(sampleIndex.search('spoldzielnia soc').ids);
    expect(typing).toEqual(full);
    expect(full.size).toBeGreaterThan(20);
    expect(sampleIndex.search('kobie').ids.map(nameOf)).toContain('Spółdzielnia Socjalna „Kobierzyn”');
  });

  it('a one-letter last word after others ranks but excludes nothing: a name typed to its end is found', () => {
    const index = SearchIndex.build([
      doc('a', 'Pracownia Wzorcowa A'),
      doc('k2', 'Kawiarnia 2'),
      doc('ka', 'Kawiarnia Artystyczna'),
      doc('kb', 'Kawiarnia Bałtycka'),
      doc('bi', 'Bar i Bistro'),
    ]);
    expect(index.search('Pracownia Wzorcowa A').ids).toEqual(['a']);
    expect(index.search('kawiarnia 2').ids).toContain('k2');
    expect(index.search('bar i').ids).toEqual(['bi']);
    // A word it begins ranks first; the others stay.
    const typing = index.search('kawiarnia a').ids;
    expect(typing[0]).toBe('ka');
    expect(new Set(typing)).toEqual(new Set(['k2', 'ka', 'kb']));
    // Alone, a letter is the start of a word being typed: it narrows.
    expect(index.search('a').ids).toEqual(['ka']);
  });

  it('tolerates one typo in words of 5+ letters when exact matching finds too little', () => {
    for (const typo of ['kobeirzyn', 'kobierzym', 'kobierzn', 'kobierzyyn']) {
      expect(sampleIndex.search(typo).ids.map(nameOf), typo).toContain('Spółdzielnia Socjalna „Kobierzyn”');
    }
    // Short words get no typo tolerance, and two typos are too many.
    expect(sampleIndex.search('flwo').total).toBe(0);
    expect(sampleIndex.search('kboeirzyn').total).toBe(0);
  });

  it('finds an entity by NIP, KRS or REGON typed in any common format', () => {
    // Real, published identifiers of Spółdzielnia Socjalna „ALTERNATYWY” (KRS 0000700353).
    for (const q of ['9291928963', 'PL 929-192-89-63', 'PL9291928963', '929 192 89 63', 'NIP: 929-192-89-63', 'KRS 700353', '0000700353', 'krs: 0000700353', '368553461', 'REGON 368-553-461', '368 553 461 00000']) {
      expect(sampleIndex.search(q).ids[0], q).toBe(alternatywy.id);
    }
    // A number being typed narrows down by prefix.
    expect(sampleIndex.search('929192').ids).toContain(alternatywy.id);
  });

  it('an empty query browses everything by Polish alphabetical order', () => {
    const { ids, total } = sampleIndex.search('');
    expect(total).toBe(sample.length);
    const collator = new Intl.Collator('pl', { ignorePunctuation: true });
    const names = ids.map(nameOf);
    for (let i = 1; i < names.length; i++) expect(collator.compare(names[i - 1], names[i]), names[i]).toBeLessThanOrEqual(0);
  });

  it('sorts by the Polish alphabet: Ą after A, Ł after L, Ś after S; quotes ignored', () => {
    const names = ['Zebra', 'Łabędź', 'Lis', '„Mysz”', 'Ślimak', 'Sowa', 'Tur', 'Ąkuku', 'Agawa', 'Bóbr'];
    const idx = SearchIndex.build(names.map((n) => doc(n, n)));
    expect(idx.search('').ids).toEqual(['Agawa', 'Ąkuku', 'Bóbr', 'Lis', 'Łabędź', '„Mysz”', 'Sowa', 'Ślimak', 'Tur', 'Zebra']);
  });
});

describe('ranking', () => {
  const docs = [
    doc('offer', 'Fundacja Pomocy', { offer: 'catering dla firm i szkół', address: { city: 'Kraków' } }),
    doc('name', 'Catering Smakosz', { address: { city: 'Gdańsk' } }),
    doc('city', 'Spółdzielnia Socjalna Razem', { address: { city: 'Catering' } }),
    doc('prefix', 'Cateringowa Kuchnia'),
  ];
  const index = SearchIndex.build(docs);

  it('puts a name match before a town match before an offer match', () => {
    expect(index.search('catering').ids).toEqual(['name', 'prefix', 'city', 'offer']);
  });

  it('adds up the words: name + town beats name alone', () => {
    const two = SearchIndex.build([
      doc('a', 'Spółdzielnia Socjalna Razem', { address: { city: 'Gdańsk' } }),
      doc('b', 'Spółdzielnia Socjalna Razem', { address: { city: 'Kraków' } }),
    ]);
    expect(two.search('razem krakow').ids).toEqual(['b']);
    expect(two.search('spoldzielnia razem').ids).toEqual(['a', 'b']); // tie → by name, then input order
  });

  it('ranks an exact identifier above word matches', () => {
    const idx = SearchIndex.build([
      doc('w', 'Fundacja 5260250995 Pamięci', {}),
      doc('nip', 'Inna Nazwa', { nip: '5260250995' }),
    ]);
    expect(idx.search('526-025-09-95').ids[0]).toBe('nip');
  });

  it('caps ids at limit but reports the full total', () => {
    const all = sampleIndex.search('spoldzielnia');
    const page = sampleIndex.search('spoldzielnia', { limit: 5 });
    expect(page.total).toBe(all.total);
    expect(page.ids).toEqual(all.ids.slice(0, 5));
  });

  it('sorts by name or by town on request', () => {
    const byName = sampleIndex.search('spoldzielnia', { sort: 'name' }).ids.map(nameOf);
    const collator = new Intl.Collator('pl', { ignorePunctuation: true });
    expect(byName).toEqual([...byName].sort(collator.compare));
    const byCity = sampleIndex.search('spoldzielnia', { sort: 'city' }).ids.map((id) => sample.find((d) => d.id === id)!.address.city);
    const known = byCity.filter((c): c is string => !!c);
    expect(known).toEqual([...known].sort(collator.compare));
    expect(byCity.slice(known.length).every((c) => c === undefined)).toBe(true); // no town: last
  });
});

describe('filters and facets on the generated 10k set', () => {
  const docs = generated10k();
  const index = SearchIndex.build(docs, { now: FIXED_NOW });
  const today = '2026-06-15';
  const validZakup = (d: SearchDoc) =>
    (d.certificates ?? []).some(
      (c) => /zakup prospo/i.test(c.name) && (c.validUntil ? c.validUntil >= today : c.year !== undefined && c.year >= 2025),
    );
  const saved = new Set(docs.filter((_, i) => i % 97 === 0).map((d) => d.id));

  /** Brute-force facet counts straight from the documents. */
  function expectedFacets(query: string, f: Parameters<SearchIndex['facets']>[1]) {
    const matching = query ? plainMatches(docs, query) : new Set(docs.map((d) => d.id));
    const checks: Record<string, (d: SearchDoc) => boolean> = {
      voivodeship: (d) => !f.voivodeship || f.voivodeship.includes(d.address.voivodeship!),
      county: (d) => !f.county || f.county.includes(d.address.county!),
      city: (d) => !f.city || f.city.includes(d.address.city!),
      legalForm: (d) => !f.legalForm || f.legalForm.includes(d.legalForm),
      category: (d) => !f.category || d.categories.some((c) => f.category!.includes(c)),
      socialEnterprise: (d) => f.socialEnterprise === undefined || f.socialEnterprise === !!d.socialEnterpriseStatus?.has,
      certificate: (d) => !f.certificate || (f.certificate === 'any' ? !!d.certificates?.length : validZakup(d)),
      saved: (d) => !f.savedOnly || saved.has(d.id),
    };
    const passingExcept = (own: string) =>
      docs.filter((d) => matching.has(d.id) && Object.entries(checks).every(([k, check]) => k === own || check(d)));
    const tally = (list: SearchDoc[], key: (d: SearchDoc) => string[]) => {
      const out: Record<string, number> = {};
      for (const d of list) for (const k of key(d)) out[k] = (out[k] ?? 0) + 1;
      return out;
    };
    return {
      voivodeship: tally(passingExcept('voivodeship'), (d) => [d.address.voivodeship!]),
      county: tally(passingExcept('county'), (d) => [d.address.county!]),
      city: tally(passingExcept('city'), (d) => [d.address.city!]),
      legalForm: tally(passingExcept('legalForm'), (d) => [d.legalForm]),
      category: tally(passingExcept('category'), (d) => d.categories),
      socialEnterprise: passingExcept('socialEnterprise').filter((d) => d.socialEnterpriseStatus?.has).length,
      certificateValid: passingExcept('certificate').filter(validZakup).length,
      saved: passingExcept('saved').filter((d) => saved.has(d.id)).length,
      total: passingExcept('').length,
    };
  }

  const cases: [string, Parameters<SearchIndex['facets']>[1]][] = [
    ['', {}],
    ['', { voivodeship: ['małopolskie', 'śląskie'] }],
    ['spoldzielnia', { voivodeship: ['mazowieckie'], category: ['catering', 'cleaning'] }],
    ['fundacja', { legalForm: ['fundacja'], socialEnterprise: true, certificate: 'any' }],
    ['', { city: ['Kraków', 'Łódź'], certificate: 'zakup_prospoleczny_valid' }],
    ['catering', { savedOnly: true }],
    ['uslugi', { socialEnterprise: false, voivodeship: ['pomorskie'], city: ['Gdańsk'] }],
    ['', { county: ['wołomiński', 'Kraków'], legalForm: ['spoldzielnia_socjalna'] }],
  ];

  it.each(cases)('counts each facet with its own filter left out: %s %o', (query, filter) => {
    const expected = expectedFacets(query, filter);
    if (filter.savedOnly) filter = { ...filter, savedIds: saved };
    const facets = index.facets(query, filter, saved);
    expect(facets.voivodeship).toEqual(expected.voivodeship);
    expect(facets.county).toEqual(expected.county);
    expect(facets.city).toEqual(expected.city);
    expect(facets.legalForm).toEqual(expected.legalForm);
    expect(facets.category).toEqual(expected.category);
    expect(facets.socialEnterprise).toBe(expected.socialEnterprise);
    expect(facets.certificateValid).toBe(expected.certificateValid);
    expect(facets.saved).toBe(expected.saved);
    expect(index.search(query, { filter }).total).toBe(expected.total);
  });

  it('a filter value nobody has matches nothing', () => {
    expect(index.search('', { filter: { city: ['Atlantyda'] } }).total).toBe(0);
    expect(index.search('', { filter: { category: ['no_such_category'] } }).total).toBe(0);
  });

  it('agrees with the reference matcher on queries over 10k documents', () => {
    for (const q of ['spoldzielnia socjalna krakow', 'fundacja zielon', 'wtz', 'catering gdansk', 'sprzatanie biur', 'zaklad aktywnosci', 'pomocy rodzinie']) {
      const expected = plainMatches(docs, q);
      expect(expected.size, q).toBeGreaterThanOrEqual(5);
      expect(new Set(index.search(q).ids), q).toEqual(expected);
    }
  });

  it('counts certificates as valid by validUntil, or by year ≥ current year − 1', () => {
    const idx = SearchIndex.build(
      [
        doc('until-today', 'A', { certificates: [{ name: 'Zakup Prospołeczny', validUntil: '2026-06-15' }] }),
        doc('expired', 'B', { certificates: [{ name: 'Zakup Prospołeczny', validUntil: '2026-06-14' }] }),
        doc('last-year', 'C', { certificates: [{ name: 'Certyfikat „Zakup prospołeczny”', year: 2025 }] }),
        doc('old', 'D', { certificates: [{ name: 'Zakup Prospołeczny', year: 2024 }] }),
        doc('undated', 'E', { certificates: [{ name: 'Zakup Prospołeczny' }] }),
        doc('award', 'F', { certificates: [{ name: 'Lider Przedsiębiorczości Społecznej', validUntil: '2030-01-01' }] }),
      ],
      { now: FIXED_NOW },
    );
    expect(idx.search('', { filter: { certificate: 'zakup_prospoleczny_valid' } }).ids.sort()).toEqual(['last-year', 'until-today']);
    expect(idx.search('', { filter: { certificate: 'any' } }).total).toBe(6);
    expect(idx.facets('', {}).certificateValid).toBe(2);
  });
});

describe('live edits', () => {
  it('add, update and remove are visible at once', () => {
    const index = SearchIndex.build(sample);
    const n = index.size;
    index.add(doc('new', 'Spółdzielnia Socjalna „Żurawina”', { address: { city: 'Łódź', voivodeship: 'łódzkie' }, categories: ['catering'] }));
    expect(index.size).toBe(n + 1);
    expect(index.search('zurawina lodz').ids).toEqual(['new']);
    expect(index.facets('zurawina', {}).city).toEqual({ Łódź: 1 });

    index.update(doc('new', 'Spółdzielnia Socjalna „Jarzębina”', { address: { city: 'Łódź' } }));
    expect(index.size).toBe(n + 1);
    expect(index.search('zurawina').total).toBe(0);
    expect(index.search('jarzebina').ids).toEqual(['new']);

    expect(index.remove('new')).toBe(true);
    expect(index.remove('new')).toBe(false);
    expect(index.search('jarzebina').total).toBe(0);
    expect(index.size).toBe(n);
  });

  it('keeps the alphabetical order when documents are added', () => {
    const index = SearchIndex.build(sample);
    index.add(doc('a', 'Ąaa Fundacja'));
    index.add(doc('z', 'Żółw Stowarzyszenie'));
    index.add(doc('l', 'Łabędź Spółdzielnia'));
    const names = index.search('').ids.map((id) => (id.length === 1 ? { a: 'Ąaa Fundacja', z: 'Żółw Stowarzyszenie', l: 'Łabędź Spółdzielnia' }[id]! : nameOf(id)));
    const collator = new Intl.Collator('pl', { ignorePunctuation: true });
    expect(names).toEqual([...names].sort(collator.compare));
  });

  it('after many edits (with compaction) answers like an index built from scratch', () => {
    const docs = generated10k();
    const index = SearchIndex.build(docs);
    // Remove every 4th (2,500 documents: enough to trigger a compaction), rename every 10th.
    for (let i = 0; i < docs.length; i += 4) index.remove(docs[i].id);
    const renamed = docs.map((d, i) => (i % 10 === 1 ? { ...d, name: `${d.name} Bis` } : d));
    for (let i = 1; i < docs.length; i += 10) index.update(renamed[i]);
    const remaining = renamed.filter((_, i) => i % 4 !== 0);
    const fresh = SearchIndex.build(remaining);
    expect(index.size).toBe(remaining.length);
    for (const q of ['', 'bis', 'spoldzielnia bis', 'fundacja', 'krakow', 'zielony', 'wtz gdansk']) {
      expect(new Set(index.search(q).ids), q).toEqual(new Set(fresh.search(q).ids));
      expect(index.facets(q, {}), q).toEqual(fresh.facets(q, {}));
    }
    expect(index.search('').ids).toEqual(fresh.search('').ids);
  });
});

describe('many changes at once (applyChanges)', () => {
  const queries = ['', 'bis', 'spoldzielnia bis', 'fundacja', 'krakow', 'zielony', 'wtz gdansk', 'catering war', 'nowa', 'krakwo'];

  it('answers exactly like an index built from scratch on the same documents', () => {
    const docs = generated10k();
    // Start from a reloaded index with pending single edits: the state an app page holds.
    const before = docs.slice(0, 8000).map((d, i) => (i === 1 ? { ...d, name: `${d.name} Dawna` } : d));
    const start = SearchIndex.build(docs.slice(0, 8000), { now: FIXED_NOW });
    start.update(before[1]);
    const index = SearchIndex.deserialize(start.serialize(), { now: FIXED_NOW });
    index.add(doc('pending', 'Fundacja Oczekująca', { address: { city: 'Kraków' } }));
    // A bulk change: 2,000 new, every 5th renamed and moved to another town, every 7th (of the others) removed.
    const renamed = (i: number) => i % 5 === 2;
    const gone = (i: number) => i % 7 === 3 && !renamed(i);
    const written = [...docs.slice(8000), ...before.filter((_, i) => renamed(i)).map((d) => ({ ...d, name: `${d.name} Bis`, address: { ...d.address, city: 'Nowa Wieś Zielona' } }))];
    const removed = before.filter((_, i) => gone(i)).map((d) => d.id);
    index.applyChanges(written, [...removed, 'pending', 'never-there']);

    const expected = [...before.filter((_, i) => !renamed(i) && !gone(i)), ...written];
    const fresh = SearchIndex.build(expected, { now: FIXED_NOW });
    expect(index.size).toBe(expected.length);
    const filter = { voivodeship: ['mazowieckie'], certificate: 'any' as const };
    for (const q of queries) {
      expect(index.search(q, { limit: 50 }), q).toEqual(fresh.search(q, { limit: 50 }));
      expect(index.search(q, { filter, sort: 'city', limit: 30 }), q).toEqual(fresh.search(q, { filter, sort: 'city', limit: 30 }));
      expect(index.facets(q, filter), q).toEqual(fresh.facets(q, filter));
    }
    expect(index.search('').ids).toEqual(fresh.search('').ids);
    // Still a normal index: it serialises, reloads and takes single edits.
    const loaded = SearchIndex.deserialize(index.serialize(), { now: FIXED_NOW });
    for (const q of queries) expect(loaded.search(q, { limit: 50 }), q).toEqual(fresh.search(q, { limit: 50 }));
    loaded.add(doc('later', 'Stowarzyszenie Późniejsze'));
    expect(loaded.search('pozniejsze').ids).toEqual(['later']);
  });

  it('the last of repeated ids wins, as in a build', () => {
    const index = SearchIndex.build(sample);
    index.applyChanges([doc('twice', 'Fundacja Qwertyjka'), doc('twice', 'Fundacja Zxcvbnik')]);
    expect(index.search('qwertyjka').total).toBe(0);
    expect(index.search('zxcvbnik').ids).toEqual(['twice']);
    expect(index.size).toBe(sample.length + 1);
  });
});

describe('serialize / deserialize', () => {
  it('a reloaded index answers exactly like the original', () => {
    const docs = generated10k();
    const index = SearchIndex.build(docs, { now: FIXED_NOW });
    index.remove(docs[3].id);
    index.add(doc('extra', 'Fundacja Dodatkowa', { address: { city: 'Nowe Miasto' } }));
    const loaded = SearchIndex.deserialize(index.serialize(), { now: FIXED_NOW });
    expect(loaded.size).toBe(index.size);
    const filter = { voivodeship: ['mazowieckie'], certificate: 'any' as const };
    for (const q of ['', 'spoldzielnia', 'fundacja dod', 'krakwo', docs[5].nip ?? docs[5].regon!, 'catering war']) {
      expect(loaded.search(q), q).toEqual(index.search(q));
      expect(loaded.search(q, { filter, sort: 'city', limit: 30 }), q).toEqual(index.search(q, { filter, sort: 'city', limit: 30 }));
      expect(loaded.facets(q, filter), q).toEqual(index.facets(q, filter));
    }
    // The reloaded index stays editable.
    loaded.add(doc('later', 'Stowarzyszenie Późniejsze'));
    expect(loaded.search('pozniejsze').ids).toEqual(['later']);
    expect(index.search('pozniejsze').total).toBe(0);
  });

  it('keeps odd strings intact: BOM, emoji, empty name, non-Latin words', () => {
    const odd = [
      doc('\uFEFFbom-id', '\uFEFFFundacja BOM'),
      doc('emoji:🦉', 'Sowa 🦉 Spółdzielnia'),
      doc('empty', ''),
      doc('greek', 'Σύλλογος Αλληλεγγύης', { address: { city: 'Kraków' } }),
    ];
    const loaded = SearchIndex.deserialize(SearchIndex.build(odd).serialize());
    expect(loaded.search('').ids.sort()).toEqual(odd.map((d) => d.id).sort());
    expect(loaded.search('sowa').ids).toEqual(['emoji:🦉']);
    expect(loaded.search('συλλογος').ids).toEqual(['greek']);
    expect(loaded.search('fundacja bom').ids).toEqual(['\uFEFFbom-id']);
    expect(loaded.has('\uFEFFbom-id')).toBe(true);
  });

  it('rejects a buffer that is not an index', () => {
    expect(() => SearchIndex.deserialize(new ArrayBuffer(64))).toThrow();
  });
});

describe('spellings and awards', () => {
  // What "catering" finds (name, offer, category): the other spelling must find the same entities.
  const caterers = sampleIndex.search('catering', { limit: 1000 }).ids;

  it('"katering" (a common Polish spelling) and "kateringg" (one typo more) find the caterers', () => {
    expect(caterers.length).toBeGreaterThan(3);
    for (const q of ['katering', 'kateringg']) {
      const found = new Set(sampleIndex.search(q, { limit: 1000 }).ids);
      expect(caterers.filter((id) => !found.has(id)), q).toEqual([]);
    }
  });

  it('finds certificate and award names', () => {
    const index = SearchIndex.build(
      [
        doc('a', 'Spółdzielnia Socjalna Pierwsza', { awards: ['Lider Ekonomii Społecznej 2023'] }),
        doc('b', 'Fundacja Druga', { certificates: [{ name: 'Zakup Prospołeczny', scope: 'usługi cateringowe' }] }),
        doc('c', 'Stowarzyszenie Trzecie'),
      ],
      { now: FIXED_NOW },
    );
    expect(index.search('lider', { limit: 10 }).ids).toEqual(['a']);
    expect(index.search('lider ekonomii', { limit: 10 }).ids).toEqual(['a']);
    expect(index.search('prospołeczny', { limit: 10 }).ids).toEqual(['b']);
    // A name match still outranks an award match.
    const mixed = SearchIndex.build([doc('x', 'Lider Sp. z o.o.'), doc('y', 'Fundacja Y', { awards: ['Lider roku'] })], { now: FIXED_NOW });
    expect(mixed.search('lider', { limit: 10 }).ids).toEqual(['x', 'y']);
  });

  it('a serialized index keeps the award words', () => {
    const index = SearchIndex.build([doc('a', 'Spółdzielnia A', { awards: ['Lider Ekonomii Społecznej'] })], { now: FIXED_NOW });
    expect(SearchIndex.deserialize(index.serialize()).search('lider', { limit: 5 }).ids).toEqual(['a']);
  });
});

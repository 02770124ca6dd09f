import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEntity, type EntityDraft } from '../../../shared/model/entity.ts';
import { canMerge, matchKeys, mergeEntity } from '../../../shared/model/merge.ts';
import type { Entity, Source } from '../../../shared/model/types.ts';
import { SAMPLE, draftOf } from './sample.ts';

const OLD: Source = { url: 'file:lista-2024.csv', seenAt: '2024-03-01' };
const NEW: Source = { url: 'file:lista-2025.csv', seenAt: '2025-03-01' };

function built(draft: EntityDraft, source: Source, now = source.seenAt + 'T12:00:00.000Z'): Entity {
  const r = buildEntity(draft, source, now);
  if (!r.ok) throw new Error(r.reason);
  return r.entity;
}

describe('matchKeys', () => {
  it('lists identifiers first, then folded name and town', () => {
    const e = built({ name: 'Spółdzielnia Socjalna „ALTERNATYWY”', krs: '700353', nip: '9291928963', regon: '368553461', city: 'Zielona Góra' }, OLD);
    expect(matchKeys(e)).toEqual(['krs:0000700353', 'nip:9291928963', 'regon:368553461', 'name:alternatywy|zielona gora']);
  });

  it('matches the same name written with or without legal-form words and quotes', () => {
    const key = (name: string, city = 'Tarnów') => matchKeys({ name, address: { city } }).at(-1);
    const serwis = key('Spółdzielnia Socjalna „Serwis”');
    expect(key('SPÓŁDZIELNIA SOCJALNA SERWIS')).toBe(serwis);
    expect(key('Serwis Spółdzielnia Socjalna', 'TARNÓW')).toBe(serwis);
    expect(key('  serwis  ')).toBe(serwis);
    expect(key('Fundacja „Mimo Wszystko”')).toBe(key('FUNDACJA MIMO WSZYSTKO'));
    expect(key('Laboratorium Cogito sp. z o.o.')).toBe(key('LABORATORIUM COGITO SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ'));
  });

  it('keeps different units in one town apart', () => {
    const key = (name: string) => matchKeys({ name, address: { city: 'Tarnów' } })[0];
    expect(key('Zakład Aktywności Zawodowej w Tarnowie')).not.toBe(key('Centrum Integracji Społecznej w Tarnowie'));
    expect(key('Serwis')).not.toBe(matchKeys({ name: 'Serwis', address: { city: 'Kraków' } })[0]);
  });

  it('gives each sample entity its own name key', () => {
    const keys = SAMPLE.map((r) => matchKeys(built(draftOf(r), OLD)).at(-1));
    expect(new Set(keys).size).toBe(SAMPLE.length);
  });
});

describe('mergeEntity', () => {
  const base: EntityDraft = {
    name: 'Spółdzielnia Socjalna „Serwis”',
    city: 'Tarnów',
    phone: '600 100 200',
    website: 'www.serwis.pl',
    offer: 'usługi porządkowe',
    certificates: 'Zakup Prospołeczny (2017)',
  };

  it('changes nothing when the same file is imported again, on any day', () => {
    for (const r of SAMPLE) {
      const first = built(draftOf(r), OLD);
      const again = built(draftOf(r), { ...OLD, seenAt: '2026-01-01' }, '2026-01-01T00:00:00.000Z');
      const m = mergeEntity(first, again, '2026-01-01T00:00:00.000Z');
      expect(m.changed, r.name).toBe(false);
      expect(m.entity).toBe(first);
    }
  });

  it('takes newer scalar values and records where they came from', () => {
    const existing = built(base, OLD);
    const incoming = built({ ...base, offer: 'usługi porządkowe i ogrodnicze', postalCode: '33-100' }, NEW);
    const { entity, changed } = mergeEntity(existing, incoming, '2025-03-02T00:00:00.000Z');
    expect(changed).toBe(true);
    expect(entity.offer).toBe('usługi porządkowe i ogrodnicze');
    expect(entity.address.postalCode).toBe('33-100');
    expect(entity.fieldSources).toMatchObject({ offer: NEW.url, 'address.postalCode': NEW.url, name: OLD.url });
    expect(entity.updatedAt).toBe('2025-03-02T00:00:00.000Z');
    expect(entity.sources.map((s) => s.url)).toEqual([OLD.url, NEW.url]);
  });

  it('keeps a newer value when an older source arrives later', () => {
    const existing = built({ ...base, offer: 'nowa oferta' }, NEW);
    const incoming = built({ ...base, offer: 'stara oferta', street: 'ul. Długa 1' }, OLD);
    const { entity } = mergeEntity(existing, incoming, '2025-04-01T00:00:00.000Z');
    expect(entity.offer).toBe('nowa oferta');
    expect(entity.fieldSources?.offer).toBe(NEW.url);
    // A value the stored record lacks is always taken.
    expect(entity.address.street).toBe('ul. Długa 1');
    expect(entity.fieldSources?.['address.street']).toBe(OLD.url);
  });

  it('unions list fields without duplicates', () => {
    const existing = built(base, OLD);
    const incoming = built({ ...base, phone: '+48 600 100 200; 12 345 67 89', website: 'https://sklep.serwis.pl', email: 'biuro@serwis.pl', certificates: 'Zakup Prospołeczny (2017); Zakup Prospołeczny (2024)', offer: 'usługi porządkowe; catering' }, NEW);
    const { entity } = mergeEntity(existing, incoming, '2025-03-02T00:00:00.000Z');
    expect(entity.phones).toEqual(['+48600100200', '+48123456789']);
    expect(entity.websites).toEqual(['https://www.serwis.pl/', 'https://sklep.serwis.pl/']);
    expect(entity.domains).toEqual(['serwis.pl', 'sklep.serwis.pl']);
    expect(entity.emails).toEqual(['biuro@serwis.pl']);
    expect(entity.categories).toEqual(['cleaning', 'catering']);
    expect(entity.certificates).toEqual([
      { name: 'Zakup Prospołeczny', year: 2017 },
      { name: 'Zakup Prospołeczny', year: 2024 },
    ]);
  });

  it("keeps the stored record's id, creation, origin, candidate flag and verification", () => {
    const existing: Entity = { ...built(base, OLD), origin: 'user', candidate: true, verifiedAt: '2024-05-01', id: 'name:0000000000abcd' };
    const incoming = built({ ...base, krs: '123456', name: 'SERWIS SPÓŁDZIELNIA SOCJALNA' }, NEW);
    const { entity } = mergeEntity(existing, incoming, '2025-03-02T00:00:00.000Z');
    expect(entity).toMatchObject({ id: 'name:0000000000abcd', origin: 'user', candidate: true, verifiedAt: '2024-05-01', createdAt: existing.createdAt });
    expect(entity.krs).toBe('0000123456');
    expect(entity.name).toBe('SERWIS SPÓŁDZIELNIA SOCJALNA');
  });

  it('never replaces a known legal form with "inna"', () => {
    const existing = built(base, OLD);
    const incoming = built({ ...base, name: 'Serwis', legalForm: 'inna' }, NEW);
    expect(mergeEntity(existing, incoming, '2025-03-02T00:00:00.000Z').entity.legalForm).toBe('spoldzielnia_socjalna');
  });

  it('does not modify its inputs', () => {
    const existing = built(base, OLD);
    const incoming = built({ ...base, offer: 'x', phone: '12 345 67 89' }, NEW);
    const before = [structuredClone(existing), structuredClone(incoming)];
    mergeEntity(existing, incoming, '2025-03-02T00:00:00.000Z');
    expect([existing, incoming]).toEqual(before);
  });

  it('is idempotent: merging the same record a second time changes nothing', () => {
    const draft = fc.record({
      offer: fc.constantFrom(undefined, 'catering', 'sprzątanie', 'pralnia'),
      phone: fc.constantFrom(undefined, '600 100 200', '12 345 67 89', '600100200; 601 100 200'),
      street: fc.constantFrom(undefined, 'ul. Długa 1', 'ul. Krótka 2'),
      website: fc.constantFrom(undefined, 'serwis.pl', 'sklep.serwis.pl'),
    });
    fc.assert(
      fc.property(draft, draft, fc.constantFrom(OLD, NEW), fc.constantFrom(OLD, NEW), (a, b, sa, sb) => {
        const strip = (d: typeof a) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined));
        const existing = built({ name: 'Serwis', city: 'Tarnów', ...strip(a) }, sa);
        const incoming = built({ name: 'Serwis', city: 'Tarnów', ...strip(b) }, sb);
        const once = mergeEntity(existing, incoming, '2030-01-01T00:00:00.000Z');
        const twice = mergeEntity(once.entity, incoming, '2031-01-01T00:00:00.000Z');
        expect(twice.changed).toBe(false);
        expect(twice.entity).toBe(once.entity);
        // Nothing the stored record had is lost from a list.
        for (const p of existing.phones) expect(once.entity.phones).toContain(p);
        for (const p of incoming.phones) expect(once.entity.phones).toContain(p);
      }),
    );
  });
});

describe('mergeEntity on sources of the same day', () => {
  const A: Source = { url: 'file:owes.csv', seenAt: '2026-05-01' };
  const B: Source = { url: 'file:urzad.csv', seenAt: '2026-05-01' };
  const draft = { name: 'Spółdzielnia Socjalna „Razem”', krs: '0000700353', city: 'Lublin' };

  it('a second file of the same day does not overwrite, so alternating imports settle', () => {
    const fromA = built({ ...draft, offer: 'catering' }, A);
    const fromB = built({ ...draft, offer: 'sprzątanie' }, B);
    const first = mergeEntity(fromA, fromB, '2026-05-01T13:00:00.000Z');
    expect(first.entity.offer).toBe('catering');
    const again = mergeEntity(first.entity, fromA, '2026-05-01T14:00:00.000Z');
    expect(again.changed).toBe(false);
    expect(mergeEntity(again.entity, fromB, '2026-05-01T15:00:00.000Z').changed).toBe(false);
  });

  it('a corrected re-import of the same file on the same day does update', () => {
    const before = built({ ...draft, offer: 'catering' }, A);
    const corrected = built({ ...draft, offer: 'catering i sprzątanie' }, A);
    const merged = mergeEntity(before, corrected, '2026-05-01T13:00:00.000Z');
    expect(merged.changed).toBe(true);
    expect(merged.entity.offer).toBe('catering i sprzątanie');
  });
});

describe('canMerge', () => {
  it('two organisations of one name and town with different KRS numbers stay two', () => {
    const a = built({ name: 'Fundacja Pomocy', krs: '0000057364', city: 'Zamość' }, OLD);
    const b = built({ name: 'Fundacja Pomocy', krs: '0000700353', city: 'Zamość' }, NEW);
    expect(matchKeys(a).at(-1)).toBe(matchKeys(b).at(-1)); // same name key…
    expect(canMerge(a, b)).toBe(false); // …but not the same organisation
    expect(canMerge(a, built({ name: 'Fundacja Pomocy', city: 'Zamość' }, NEW))).toBe(true);
  });

  it('a merge never replaces a known identifier', () => {
    const a = built({ name: 'Fundacja Pomocy', nip: '9291928963', city: 'Zamość' }, OLD);
    const b = { ...built({ name: 'Fundacja Pomocy', city: 'Zamość' }, NEW), nip: '5261040828' };
    expect(mergeEntity(a, b, '2026-01-01T00:00:00.000Z').entity.nip).toBe('9291928963');
  });
});

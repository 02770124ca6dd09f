import { describe, expect, it } from 'vitest';
import { buildEntity, entityIdFor, parseCertificates, type EntityDraft } from '../../../shared/model/entity.ts';
import type { Entity, Source } from '../../../shared/model/types.ts';
import { SAMPLE, draftOf, sampleRow } from './sample.ts';

const SOURCE: Source = { url: 'file:pes-directory-sample.csv', seenAt: '2025-06-01', label: 'pes-directory-sample.csv' };
const NOW = '2025-06-01T10:00:00.000Z';

function built(draft: EntityDraft): Entity {
  const r = buildEntity(draft, SOURCE, NOW);
  if (!r.ok) throw new Error(`rejected: ${r.reason} ${r.detail ?? ''}`);
  return r.entity;
}

describe('buildEntity on the sample directory', () => {
  const entities = SAMPLE.map((r) => built(draftOf(r)));

  it('accepts all 405 real rows with unique ids', () => {
    expect(SAMPLE).toHaveLength(405);
    expect(new Set(entities.map((e) => e.id)).size).toBe(405);
    for (const e of entities) {
      expect(e.origin).toBe('directory');
      expect(e.createdAt).toBe(NOW);
      expect(e.sources[0]).toEqual(SOURCE);
    }
  });

  it('keeps names, legal forms and places exactly as written', () => {
    SAMPLE.forEach((r, i) => {
      const e = entities[i];
      expect(e.name).toBe(r.name);
      expect(e.legalForm).toBe(r.legal_form);
      expect(e.address.city).toBe(r.city || undefined);
      expect(e.address.voivodeship).toBe(r.voivodeship || undefined);
      expect(e.offer).toBe(r.offer || undefined);
    });
  });

  it('normalises the identifiers and contacts of a fully described row', () => {
    const e = entities[SAMPLE.indexOf(sampleRow('ALTERNATYWY'))];
    expect(e).toMatchObject({
      id: 'krs:0000700353',
      krs: '0000700353',
      nip: '9291928963',
      regon: '368553461',
      address: { postalCode: '65-454', city: 'Zielona Góra', street: 'ul. Gen. W. Sikorskiego 15/4' },
      emails: ['alternatywy.dlaseniora@gmail.com'],
      phones: ['+48603254662'],
      categories: ['care'],
    });
    expect(e.fieldSources).toMatchObject({ krs: SOURCE.url, nip: SOURCE.url, phones: SOURCE.url, 'address.postalCode': SOURCE.url });
    expect(e.fieldSources?.websites).toBeUndefined();
  });

  it('gives a site key per website, the full host when the site is on a town sub-domain', () => {
    const leczna = entities[SAMPLE.indexOf(sampleRow('w Łęcznej'))];
    expect(leczna.websites).toEqual(['https://zaz.leczna.pl/']);
    expect(leczna.domains).toEqual(['zaz.leczna.pl']);
    const cogito = entities[SAMPLE.indexOf(sampleRow('U Pana Cogito'))];
    expect(cogito.domains).toEqual(['pcogito.pl']);
    expect(entities.filter((e) => e.domains.length)).toHaveLength(SAMPLE.filter((r) => r.website).length);
  });

  it('records every source URL of the row after the import source', () => {
    SAMPLE.forEach((r, i) => {
      expect(entities[i].sources.slice(1).map((s) => s.url)).toEqual(r.source_urls.split(' ').filter(Boolean));
    });
  });

  it('reads certificates with their year and scope', () => {
    const leczna = entities[SAMPLE.indexOf(sampleRow('w Łęcznej'))];
    expect(leczna.certificates).toEqual([{ name: 'Zakup Prospołeczny', year: 2017, scope: 'usługa gastronomiczno-cateringowa' }]);
    const withCerts = SAMPLE.filter((r) => r.certificates).length;
    expect(entities.filter((e) => e.certificates?.length)).toHaveLength(withCerts);
    // A year alone never invents a validity date.
    for (const e of entities) for (const c of e.certificates ?? []) expect(c.validUntil).toBeUndefined();
  });

  it('reads the social enterprise status', () => {
    const forEdu = entities[SAMPLE.indexOf(sampleRow('FOR EDU'))];
    expect(forEdu.socialEnterpriseStatus).toEqual({ has: true });
    expect(entities.filter((e) => e.socialEnterpriseStatus)).toHaveLength(SAMPLE.filter((r) => r.social_enterprise_status === 'tak').length);
  });
});

describe('buildEntity validation', () => {
  const reject = (draft: EntityDraft) => {
    const r = buildEntity(draft, SOURCE, NOW);
    return r.ok ? 'accepted' : r.reason;
  };

  it('rejects a present but invalid field with its own reason', () => {
    expect(reject({ name: '' })).toBe('no_name');
    expect(reject({ name: '   ', city: 'Kraków' })).toBe('no_name');
    expect(reject({ name: 'x'.repeat(301) })).toBe('name_too_long');
    expect(reject({ name: 'A', nip: '5261040829' })).toBe('nip_invalid');
    expect(reject({ name: 'A', regon: '12345' })).toBe('regon_invalid');
    expect(reject({ name: 'A', krs: 'brak' })).toBe('krs_invalid');
    expect(reject({ name: 'A', postalCode: '300-01' })).toBe('postal_code_invalid');
    expect(reject({ name: 'A', phone: '600 100 200; 12 34' })).toBe('phone_invalid');
    expect(reject({ name: 'A', email: 'biuro@x.pl, biuro(at)x.pl' })).toBe('email_invalid');
    expect(reject({ name: 'A', website: 'javascript:alert(1)' })).toBe('website_invalid');
  });

  it('says which value was wrong', () => {
    const r = buildEntity({ name: 'A', email: 'biuro@x.pl; zły adres' }, SOURCE, NOW);
    expect(r).toEqual({ ok: false, reason: 'email_invalid', detail: 'zły adres' });
    const n = buildEntity({ name: 'A', nip: '123' }, SOURCE, NOW);
    expect(n).toEqual({ ok: false, reason: 'nip_invalid', detail: 'format: 123' });
  });

  it('accepts empty cells and a bare name', () => {
    const e = built({ name: ' Spółdzielnia Socjalna „Serwis” ', nip: '', krs: ' ', phone: '', website: '' });
    expect(e).toMatchObject({ name: 'Spółdzielnia Socjalna „Serwis”', legalForm: 'spoldzielnia_socjalna', address: {}, phones: [], websites: [], domains: [], categories: [] });
    expect(e.krs).toBeUndefined();
    expect('krs' in e).toBe(false);
  });

  it('keeps hostile text as plain text', () => {
    const e = built({
      name: '<img src=x onerror=alert(1)>',
      city: '=HYPERLINK("http://evil.example","Kraków")',
      offer: '&lt;b&gt;catering&lt;/b&gt; <script>alert(1)</script>',
      street: "'; DROP TABLE entities; --",
    });
    expect(e.name).toBe('<img src=x onerror=alert(1)>');
    expect(e.address.city).toBe('=HYPERLINK("http://evil.example","Kraków")');
    expect(e.offer).toBe('&lt;b&gt;catering&lt;/b&gt; <script>alert(1)</script>');
    expect(e.address.street).toBe("'; DROP TABLE entities; --");
  });

  it('normalises multi-valued cells and removes duplicates', () => {
    const e = built({
      name: 'Spółdzielnia Socjalna Test',
      phone: 'tel. 12 345 67 89, +48 12 345 67 89 lub 600-100-200',
      email: 'Biuro@Test.PL; biuro@test.pl',
      website: 'www.test.pl https://sklep.test.pl/ https://www.facebook.com/test',
      postalCode: '30001',
      voivodeship: 'woj. Małopolskie',
      pkd: '56.21.Z; 8130Z',
    });
    expect(e.phones).toEqual(['+48123456789', '+48600100200']);
    expect(e.emails).toEqual(['Biuro@test.pl', 'biuro@test.pl']);
    expect(e.websites).toEqual(['https://www.test.pl/', 'https://sklep.test.pl/', 'https://www.facebook.com/test']);
    expect(e.domains).toEqual(['test.pl', 'sklep.test.pl']); // never facebook.com
    expect(e.address).toEqual({ postalCode: '30-001', voivodeship: 'małopolskie' });
    expect(e.pkd).toEqual(['56.21.Z', '81.30.Z']);
  });

  it('takes categories from codes or labels when given, else from the offer', () => {
    expect(built({ name: 'A', categories: 'catering; Sprzątanie', offer: 'druk' }).categories).toEqual(['catering', 'cleaning']);
    expect(built({ name: 'A', categories: 'Usługi pralnicze' }).categories).toEqual(['laundry']);
    expect(built({ name: 'A', categories: 'coś innego' }).categories).toEqual(['other']);
    expect(built({ name: 'A', offer: 'usługi pralnicze' }).categories).toEqual(['laundry']);
  });

  it('derives the legal form from the name when the cell is empty', () => {
    expect(built({ name: 'Fundacja Anny Dymnej „Mimo Wszystko”' }).legalForm).toBe('fundacja');
    expect(built({ name: 'Bistro Tymiankowo' }).legalForm).toBe('inna');
    expect(built({ name: 'Fundacja X', legalForm: 'stowarzyszenie' }).legalForm).toBe('stowarzyszenie');
  });

  it('reads the social enterprise status in several spellings', () => {
    for (const yes of ['tak', 'TAK', 'yes', 'true', '1']) expect(built({ name: 'A', socialEnterpriseStatus: yes }).socialEnterpriseStatus).toEqual({ has: true });
    expect(built({ name: 'A', socialEnterpriseStatus: 'tak (decyzja z 12.05.2023)' }).socialEnterpriseStatus).toEqual({ has: true, decidedAt: '2023-05-12' });
    expect(built({ name: 'A', socialEnterpriseStatus: 'nie' }).socialEnterpriseStatus).toEqual({ has: false });
    expect(built({ name: 'A', socialEnterpriseStatus: '' }).socialEnterpriseStatus).toBeUndefined();
  });

  it('builds the id from KRS, else NIP, else REGON, else name and city', () => {
    expect(built({ name: 'A', krs: '57364', nip: '5261040828' }).id).toBe('krs:0000057364');
    expect(built({ name: 'A', nip: '526-104-08-28', regon: '000002217' }).id).toBe('nip:5261040828');
    expect(built({ name: 'A', regon: '000002217' }).id).toBe('regon:000002217');
    expect(built({ name: 'A', city: 'Kraków' }).id).toMatch(/^name:[0-9a-f]{14}$/);
  });
});

describe('entityIdFor', () => {
  it('is stable across case, diacritics and spacing', () => {
    const a = entityIdFor({ name: 'Spółdzielnia Socjalna  Łąka', city: 'Kraków' });
    expect(entityIdFor({ name: 'SPÓŁDZIELNIA SOCJALNA ŁĄKA', city: 'KRAKÓW' })).toBe(a);
    expect(entityIdFor({ name: 'spoldzielnia socjalna laka', city: 'krakow' })).toBe(a);
  });

  it('tells apart different names or towns', () => {
    const a = entityIdFor({ name: 'ZAZ', city: 'Tarnów' });
    expect(entityIdFor({ name: 'ZAZ', city: 'Kraków' })).not.toBe(a);
    expect(entityIdFor({ name: 'ZAZ Tarnów' })).not.toBe(a);
    expect(entityIdFor({ name: 'ZAZ|Tarnów' })).toMatch(/^name:/);
  });
});

describe('parseCertificates', () => {
  it('splits on ";" and reads year, scope and a stated validity date', () => {
    expect(parseCertificates('finalista 13. edycji Konkursu (eS) im. Jacka Kuronia (2024); finalista 9. edycji (2019)')).toEqual([
      { name: 'finalista 13. edycji Konkursu (eS) im. Jacka Kuronia', year: 2024 },
      { name: 'finalista 9. edycji', year: 2019 },
    ]);
    expect(parseCertificates('Małopolski Lider Przedsiębiorczości Społecznej 2022 – Debiut Roku')).toEqual([
      { name: 'Małopolski Lider Przedsiębiorczości Społecznej 2022 – Debiut Roku', year: 2022 },
    ]);
    expect(parseCertificates('Zakup Prospołeczny 2024, ważny do 31.12.2025')).toEqual([
      { name: 'Zakup Prospołeczny 2024, ważny do 31.12.2025', year: 2024, validUntil: '2025-12-31' },
    ]);
    expect(parseCertificates('Zakup Prospołeczny przyznany 12.06.2024')[0].validUntil).toBeUndefined();
    expect(parseCertificates('Zakup Prospołeczny ważny do 31.02.2025')[0].validUntil).toBeUndefined();
    expect(parseCertificates(' ; ')).toEqual([]);
  });
});

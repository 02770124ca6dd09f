import { describe, expect, it } from 'vitest';
import { assertNameMapped, autoMap, normalizeHeader, rowsToDrafts } from '../../../shared/io/import/columns.ts';
import { buildEntity } from '../../../shared/model/entity.ts';

describe('autoMap', () => {
  it('maps the Polish headers offices use', () => {
    const headers = ['Nazwa', 'NIP', 'KRS', 'REGON', 'Województwo', 'Powiat', 'Gmina', 'Miejscowość', 'Adres', 'Kod pocztowy',
      'Telefon', 'E-mail', 'Strona www', 'Oferta', 'Forma prawna', 'Status PS', 'Certyfikaty', 'Źródło'];
    expect(autoMap(headers)).toEqual(['name', 'nip', 'krs', 'regon', 'voivodeship', 'county', 'commune', 'city', 'street',
      'postalCode', 'phone', 'email', 'website', 'offer', 'legalForm', 'socialEnterpriseStatus', 'certificates', 'sources']);
  });

  it('is forgiving about case, diacritics, punctuation and wording', () => {
    const headers = ['NAZWA PODMIOTU', 'Nr KRS', 'miasto', 'Tel.', 'Adres e-mail', 'WWW', 'Strona internetowa', 'Zakres działalności',
      'WOJEWODZTWO', 'Email', 'Kod  pocztowy:', 'Ulica'];
    expect(autoMap(headers)).toEqual(['name', 'krs', 'city', 'phone', 'email', 'website', 'website', 'offer', 'voivodeship', 'email',
      'postalCode', 'street']);
  });

  it('maps English headers and the sample directory’s snake_case ones', () => {
    expect(autoMap(['Name', 'Legal form', 'City', 'Postal code', 'Phone', 'Website', 'Offer'])).toEqual(
      ['name', 'legalForm', 'city', 'postalCode', 'phone', 'website', 'offer']);
    expect(autoMap(['name', 'legal_form', 'krs', 'nip', 'regon', 'voivodeship', 'county', 'city', 'postal_code', 'street', 'website',
      'email', 'phone', 'offer', 'social_enterprise_status', 'certificates', 'source_urls'])).toEqual(
      ['name', 'legalForm', 'krs', 'nip', 'regon', 'voivodeship', 'county', 'city', 'postalCode', 'street', 'website', 'email',
        'phone', 'offer', 'socialEnterpriseStatus', 'certificates', 'sources']);
  });

  it('uses loose matches for unlisted wording, most specific first', () => {
    expect(autoMap(['Nazwa PES', 'Telefon kontaktowy do biura', 'E-mail do biura', 'Adres strony', 'Adres siedziby', 'Numer NIP firmy']))
      .toEqual(['name', 'phone', 'email', 'website', 'street', 'nip']);
  });

  it('gives a single-valued field to one column only, and leaves unknown columns unmapped', () => {
    expect(autoMap(['Nazwa', 'Nazwa skrócona', 'Uwagi', 'Lp.', ''])).toEqual(['name', null, null, null, null]);
  });

  it('normalizes headers to folded words', () => {
    expect(normalizeHeader('  Adres E-MAIL: ')).toBe('adres e mail');
    expect(normalizeHeader('Miejscowość')).toBe('miejscowosc');
  });
});

describe('rowsToDrafts', () => {
  it('joins list columns into lists buildEntity splits, and street parts with a space', () => {
    const mapping = autoMap(['Nazwa', 'Telefon', 'Telefon komórkowy', 'Ulica', 'Nr domu', 'Źródło', 'Źródła']);
    const [draft] = rowsToDrafts([['ZAZ „Słoneczne Wzgórze”', '14 621 06 80', '603 254 662', 'ul. Sanguszków', '28A', 'https://a.example.pl/x', 'https://b.example.pl/y']], mapping);
    expect(draft).toEqual({
      name: 'ZAZ „Słoneczne Wzgórze”',
      phone: '14 621 06 80; 603 254 662',
      street: 'ul. Sanguszków 28A',
      sources: 'https://a.example.pl/x https://b.example.pl/y',
    });
    const built = buildEntity(draft, { url: 'file:t.csv', seenAt: '2026-01-01' }, '2026-01-01T00:00:00Z');
    expect(built.ok && built.entity.phones).toEqual(['+48146210680', '+48603254662']);
    expect(built.ok && built.entity.sources.map((s) => s.url)).toEqual(['file:t.csv', 'https://a.example.pl/x', 'https://b.example.pl/y']);
  });

  it('keeps the first value of a single field mapped twice by the user, trims, skips empty cells', () => {
    const drafts = rowsToDrafts([['  A  ', 'B', ''], ['', 'C', 'x']], ['name', 'name', null]);
    expect(drafts).toEqual([{ name: 'A' }, { name: 'C' }]);
  });

  it('a mapping without a name column is refused', () => {
    expect(() => assertNameMapped(['nip', null])).toThrow(expect.objectContaining({ code: 'no_name_column' }));
    expect(() => assertNameMapped(['nip', 'name'])).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { fold } from '../../../shared/model/fold.ts';
import {
  CATEGORIES,
  LEGAL_FORMS,
  VOIVODESHIPS,
  categoriesFromOffer,
  normalizeVoivodeship,
  parseCategory,
  parseLegalForm,
} from '../../../shared/model/vocab.ts';
import { SAMPLE, sampleRow } from './sample.ts';

describe('parseLegalForm', () => {
  it('reads every code used in the sample directory', () => {
    const codes = new Set(SAMPLE.map((r) => r.legal_form));
    expect(codes.size).toBeGreaterThan(5);
    for (const code of codes) expect(parseLegalForm(code)).toBe(code);
    for (const code of Object.keys(LEGAL_FORMS)) expect(parseLegalForm(code.toUpperCase())).toBe(code);
  });

  it('reads free Polish text and KRS form names', () => {
    const cases: [string, string][] = [
      ['Spółdzielnia Socjalna', 'spoldzielnia_socjalna'],
      ['SPÓŁDZIELNIA SOCJALNA', 'spoldzielnia_socjalna'],
      ['spoldzielnia socjalna', 'spoldzielnia_socjalna'],
      ['fundacja', 'fundacja'],
      ['FUNDACJA', 'fundacja'],
      ['STOWARZYSZENIE', 'stowarzyszenie'],
      ['stowarzyszenie zwykłe', 'stowarzyszenie'],
      ['Zakład Aktywności Zawodowej', 'zaz'],
      ['ZAZ', 'zaz'],
      ['Centrum Integracji Społecznej', 'cis'],
      ['Klub Integracji Społecznej', 'kis'],
      ['Warsztat Terapii Zajęciowej', 'wtz'],
      ['Warsztaty Terapii Zajęciowej', 'wtz'],
      ['spółka z o.o. non-profit', 'spolka_non_profit'],
      ['Sp. z o.o. non profit', 'spolka_non_profit'],
      ['SPÓŁDZIELNIA PRACY', 'spoldzielnia_pracy'],
      ['SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ', 'inna'],
      ['Social cooperative', 'spoldzielnia_socjalna'],
      ['Foundation', 'fundacja'],
    ];
    for (const [text, form] of cases) expect(parseLegalForm(text), text).toBe(form);
  });

  it('finds the form at the start of every sample name that begins with one', () => {
    const starts = /^(?:spoldzielnia socjalna|fundacja|stowarzyszenie|(?:powiatowy )?zaklad aktywnosci zawodowej|centrum integracji spolecznej|klub integracji|warsztat)/;
    const rows = SAMPLE.filter((r) => starts.test(fold(r.name)));
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect(parseLegalForm(r.name), r.name).toBe(r.legal_form);
  });

  it('takes the first form named, so a unit run by an association is the unit', () => {
    const cogito = sampleRow('U Pana Cogito');
    expect(cogito.legal_form).toBe('zaz');
    expect(parseLegalForm(cogito.name)).toBe('zaz');
    // "Socjalna Spółdzielnia Pracy": the word order is swapped, it is still a social cooperative.
    const tomysl = sampleRow('Nowym Tomyślu');
    expect(parseLegalForm(tomysl.name)).toBe(tomysl.legal_form);
  });

  it('returns null for text naming no form', () => {
    for (const text of ['', '   ', 'Kraków', 'usługi gastronomiczne', '<img src=x onerror=alert(1)>']) expect(parseLegalForm(text), text).toBeNull();
  });
});

describe('categoriesFromOffer', () => {
  it('maps real sample offers to the categories they clearly name (read by hand)', () => {
    const cases: [string, string[]][] = [
      ['Słoneczne Wzgórze', ['catering', 'green_areas', 'crafts_gifts', 'accommodation_tourism']],
      ['w Łęcznej', ['catering', 'events']],
      ['U Pana Cogito', ['catering', 'accommodation_tourism']],
      ['Zakład Aktywności Zawodowej w Janowie Lubelskim', ['catering']],
    ];
    for (const [namePart, expected] of cases) {
      const offer = sampleRow(namePart).offer;
      expect(categoriesFromOffer(offer), offer).toEqual(expected);
    }
  });

  it('maps other real offer phrases', () => {
    const offers: [string, string[]][] = [
      ['usługi opiekuńcze i asystenckie w miejscu zamieszkania', ['care']],
      ['konfekcjonowanie (m.in. w saszetki) kosmetyków – współpraca z przedsiębiorstwami', ['packaging_assembly']],
      ['usługi porządkowe (sprzątanie klatek schodowych, budynków); pielęgnacja i konserwacja terenów zielonych; utrzymanie szklarni; Bistro Tymiankowo', ['catering', 'cleaning', 'green_areas', 'agriculture_food']],
      ['usługi remontowo-wykończeniowe; utrzymanie czystości terenów zieleni i nieruchomości; konserwacja techniczna dla firm; agencja zatrudnienia', ['cleaning', 'green_areas', 'construction']],
      ['druk cyfrowy; usługi introligatorskie; rękodzieło; produkcja podpałki ekologicznej K-Lumet; Dom Zdrowia w Błażowej (gastronomia, hotel)', ['catering', 'printing', 'crafts_gifts', 'accommodation_tourism', 'manufacturing']],
      ['usługi turystyczne, gastronomiczne, rehabilitacyjne, pralnicze, ogrodnicze', ['catering', 'green_areas', 'accommodation_tourism', 'laundry', 'rehabilitation_therapy']],
      ['marketing podmiotów ekonomii społecznej; usługi informatyczne', ['it']],
      ['wyroby z gliny; drukarnia; krawiectwo', ['printing', 'crafts_gifts', 'sewing']],
      ['niezależne centrum artystyczne / klub (koncerty, wydarzenia kulturalne)', ['events']],
      ['kawiarnia społeczna; szkolenia i warsztaty nt. osób ze specjalnymi potrzebami', ['catering', 'education_training']],
      ['USŁUGI GASTRONOMICZNE', ['catering']],
      ['przewóz osób; transport towarów', ['transport']],
      ['projektowanie stron internetowych', ['it']],
      ['organizacja imprez i eventów', ['events']],
      ['szycie odzieży roboczej', ['sewing']],
      ['pamiątki i upominki, ceramika', ['crafts_gifts']],
    ];
    for (const [offer, expected] of offers) expect(categoriesFromOffer(offer), offer).toEqual(expected);
  });

  it('does not mistake place names or gardens for categories', () => {
    // Real offers: "Zielona Góra" and "Zielony Dół" are places; caring for green areas is not care.
    expect(categoriesFromOffer(sampleRow('ALTERNATYWY').offer)).toEqual(['care']);
    expect(categoriesFromOffer('Ośrodek Recepcyjno-Szkoleniowy (pensjonat) Zielony Dół')).not.toContain('green_areas');
    expect(categoriesFromOffer('opieka i pielęgnacja terenów zielonych; usługi porządkowe')).toEqual(['cleaning', 'green_areas']);
    expect(categoriesFromOffer('reintegracja społeczno-zawodowa')).toEqual([]);
    expect(categoriesFromOffer('')).toEqual([]);
  });

  it('categorises most real offers, and only with known ids', () => {
    const offers = SAMPLE.map((r) => r.offer).filter(Boolean);
    const categorised = offers.filter((o) => categoriesFromOffer(o).length > 0);
    expect(categorised.length / offers.length).toBeGreaterThan(0.8);
    for (const o of offers) for (const c of categoriesFromOffer(o)) expect(Object.keys(CATEGORIES)).toContain(c);
  });
});

describe('parseCategory', () => {
  it('reads codes and labels in both languages', () => {
    expect(parseCategory('catering')).toBe('catering');
    expect(parseCategory('Gastronomia i catering')).toBe('catering');
    expect(parseCategory('tereny zielone')).toBe('green_areas');
    expect(parseCategory('IT services')).toBe('it');
    expect(parseCategory('garbage')).toBeNull();
  });
});

describe('normalizeVoivodeship', () => {
  it('knows the 16 voivodeships', () => {
    expect(VOIVODESHIPS).toHaveLength(16);
    for (const v of VOIVODESHIPS) {
      expect(v).toBe(v.toLowerCase());
      expect(normalizeVoivodeship(v)).toBe(v);
      expect(normalizeVoivodeship(v.toUpperCase())).toBe(v);
      expect(normalizeVoivodeship(fold(v))).toBe(v);
      expect(normalizeVoivodeship(`woj. ${v}`)).toBe(v);
      expect(normalizeVoivodeship(`Województwo ${v}`)).toBe(v);
    }
  });

  it('reads every voivodeship written in the sample directory', () => {
    for (const r of SAMPLE.filter((r) => r.voivodeship)) expect(normalizeVoivodeship(r.voivodeship)).toBe(r.voivodeship);
  });

  it('reads spelling variants and English names', () => {
    const cases: [string, string][] = [
      ['Małopolskie', 'małopolskie'],
      ['MALOPOLSKIE', 'małopolskie'],
      ['woj.małopolskie', 'małopolskie'],
      ['Lesser Poland', 'małopolskie'],
      ['Lesser Poland Voivodeship', 'małopolskie'],
      ['Kujawsko - Pomorskie', 'kujawsko-pomorskie'],
      ['kujawsko pomorskie', 'kujawsko-pomorskie'],
      ['Kuyavian-Pomeranian', 'kujawsko-pomorskie'],
      ['Lower Silesian', 'dolnośląskie'],
      ['LODZKIE', 'łódzkie'],
      ['Łódź Voivodeship', 'łódzkie'],
      ['Greater Poland', 'wielkopolskie'],
      ['West Pomeranian', 'zachodniopomorskie'],
      ['Świętokrzyskie', 'świętokrzyskie'],
      ['Holy Cross', 'świętokrzyskie'],
      ['Warmian-Masurian', 'warmińsko-mazurskie'],
      ['Subcarpathian', 'podkarpackie'],
      ['Masovian', 'mazowieckie'],
    ];
    for (const [text, v] of cases) expect(normalizeVoivodeship(text), text).toBe(v);
  });

  it('returns null for what is not a voivodeship', () => {
    for (const text of ['', 'Kraków', 'pomorskie-zachodnie', 'Bavaria']) expect(normalizeVoivodeship(text), text).toBeNull();
  });
});

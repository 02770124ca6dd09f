import { isValidPhoneNumber } from 'libphonenumber-js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateEntities, generateEntitiesCsv, SYNTHETIC_SOURCE_URL } from '../../../bench/synthetic.ts';
import { isValidNip, isValidRegon, parseKrs } from '../../../shared/model/identifiers.ts';
import { SAMPLE_CSV } from './data.ts';

const VOIVODESHIPS = ['dolnośląskie', 'kujawsko-pomorskie', 'lubelskie', 'lubuskie', 'łódzkie', 'małopolskie', 'mazowieckie', 'opolskie', 'podkarpackie', 'podlaskie', 'pomorskie', 'śląskie', 'świętokrzyskie', 'warmińsko-mazurskie', 'wielkopolskie', 'zachodniopomorskie'];

describe('synthetic entities', () => {
  const entities = generateEntities(3000, 7);

  it('is deterministic per seed, and entity #k does not depend on the count', () => {
    expect(generateEntities(3000, 7)).toEqual(entities);
    expect(generateEntities(500, 7)).toEqual(entities.slice(0, 500));
    expect(generateEntities(50, 8)[0]).not.toEqual(entities[0]);
  });

  it('marks every record as synthetic', () => {
    for (const e of entities) {
      expect(e.sources).toHaveLength(1);
      expect(e.sources[0].url).toBe(SYNTHETIC_SOURCE_URL);
      expect(e.sources[0].label).toMatch(/SYNTHETIC/);
    }
  });

  it('has unique ids and checksum-valid identifiers', () => {
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
    for (const e of entities) {
      if (e.nip) expect(isValidNip(e.nip), e.nip).toBe(true);
      if (e.regon) expect(isValidRegon(e.regon), e.regon).toBe(true);
      if (e.krs) expect(parseKrs(e.krs)).toEqual({ ok: true, value: e.krs });
      expect(e.id).toBe(e.krs ? `krs:${e.krs}` : e.nip ? `nip:${e.nip}` : `regon:${e.regon}`);
    }
    expect(entities.filter((e) => e.nip).length).toBeGreaterThan(entities.length / 2);
  });

  it('uses valid Polish phone numbers in E.164, real voivodeships and plausible contact data', () => {
    for (const e of entities) {
      for (const p of e.phones) {
        expect(p).toMatch(/^\+48\d{9}$/);
        expect(isValidPhoneNumber(p), p).toBe(true);
      }
      expect(VOIVODESHIPS).toContain(e.address.voivodeship);
      expect(e.address.postalCode).toMatch(/^\d\d-\d\d\d$/);
      for (const d of e.domains) expect(d).toMatch(/^[a-z0-9-]+\.pl$/);
      for (const m of e.emails) expect(m).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+\.[a-z]+$/);
      expect(e.categories.length).toBeGreaterThan(0);
      expect(e.offer).toBeTruthy();
    }
    expect(new Set(entities.map((e) => e.domains[0]).filter(Boolean)).size).toBe(entities.filter((e) => e.domains.length).length);
    expect(entities.some((e) => /[ąćęłńóśźż]/i.test(e.name))).toBe(true);
    expect(entities.some((e) => e.name.includes('„'))).toBe(true);
    expect(entities.some((e) => e.socialEnterpriseStatus?.has)).toBe(true);
    expect(entities.some((e) => e.certificates?.some((c) => c.name === 'Zakup Prospołeczny'))).toBe(true);
  });

  it('writes CSV with the sample header that parses back to the same records', () => {
    const csv = generateEntitiesCsv(200, 7);
    expect(csv.split('\r\n')[0]).toBe(SAMPLE_CSV.split(/\r?\n/)[0]);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(200);
    rows.forEach((row, i) => {
      const e = entities[i];
      expect(row.name).toBe(e.name);
      expect(row.nip).toBe(e.nip ?? '');
      expect(row.city).toBe(e.address.city);
      expect(row.offer).toBe(e.offer);
      expect(row.source_urls).toBe(SYNTHETIC_SOURCE_URL);
      expect(row.phone.replace(/ /g, '')).toBe(e.phones[0] ?? '');
    });
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImportFile, planParsed } from '../../../shared/io/import/index.ts';
import { currentState, parseKrsExtracts, placeCase } from '../../../shared/io/import/krs.ts';
import { planImport } from '../../../shared/io/import/plan.ts';
import { isValidRegon } from '../../../shared/model/identifiers.ts';
import { MemoryDb } from './memoryDb.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/krs/${name}`, import.meta.url), 'utf8');
const source = { url: 'file:odpisy.json', seenAt: '2026-10-14' };
const now = '2026-10-14T12:00:00.000Z';

describe('parseKrsExtracts', () => {
  it('reads a current extract (OdpisAktualny)', () => {
    const [d] = parseKrsExtracts(fixture('current-spoldzielnia.json'));
    expect(d).toMatchObject({
      name: 'SPÓŁDZIELNIA SOCJALNA "ALTERNATYWY"',
      legalForm: 'SPÓŁDZIELNIA SOCJALNA',
      krs: '0000700353',
      nip: '9291928963',
      street: 'ul. Gen. Władysława Sikorskiego 15/4',
      postalCode: '65-454',
      city: 'Zielona Góra',
      county: 'Zielona Góra',
      voivodeship: 'lubuskie',
      email: 'alternatywy.dlaseniora@gmail.com',
      website: 'WWW.ALTERNATYWY-ZG.PL',
      opp: false,
      registerStatus: 'active',
      asOf: '2026-10-14',
    });
    // Predominant activity first, then the others.
    expect(d.pkd).toBe('87.30.Z\n88.10.Z\n56.29.Z');
  });

  it('turns the padded 14-digit REGON into the 9-digit one a spreadsheet has', async () => {
    const [d] = parseKrsExtracts(fixture('current-spoldzielnia.json'));
    expect(d.regon).toBe('36855346100000');
    // Padded with zeros: 14 digits whose first 9 are the unit's REGON.
    expect(isValidRegon(d.regon!.slice(0, 9))).toBe(true);
    const plan = await planImport([d], { source, now, findExisting: () => undefined });
    expect(plan.toWrite[0].regon).toBe('368553461');

    // A spreadsheet row that knows only the REGON and the KRS extract meet on the same entity.
    const db = new MemoryDb();
    db.put((await planImport([{ name: 'SS Alternatywy', regon: '368553461', city: 'Zielona Góra' }], { source, now, findExisting: db.find })).toWrite);
    const merged = await planImport([d], { source, now, findExisting: db.find });
    expect(merged.counts).toEqual({ added: 0, merged: 1, unchanged: 0, rejected: 0 });
    expect(merged.toWrite[0]).toMatchObject({ krs: '0000700353', nip: '9291928963', opp: false, registerStatus: 'active' });
  });

  it('reads a full extract: history lists collapsed, e-mail and website as arrays', () => {
    const [d] = parseKrsExtracts(fixture('full-stowarzyszenie.json'));
    expect(d).toMatchObject({
      name: 'STOWARZYSZENIE PRZYKŁADOWE "KROK PO KROKU"', // the struck-out old name is gone
      legalForm: 'STOWARZYSZENIE',
      krs: '0000999003',
      nip: '9220000107',
      regon: '95000001300000',
      street: 'ul. Jana Pawła II 9', // the current address, Roman numerals kept
      city: 'Zamość',
      voivodeship: 'lubelskie',
      email: 'biuro@krokpokroku.example.pl', // only the entry not struck out
      website: 'HTTP://KROKPOKROKU.EXAMPLE.PL',
      opp: true,
      registerStatus: 'active',
      asOf: '2026-10-14',
      sources: 'https://api-krs.ms.gov.pl/api/krs/OdpisAktualny/0000999003?rejestr=S&format=json',
    });
    expect(d.pkd).toBe('88.10.Z\n85.59.B'); // 58.11.Z was struck out
  });

  it('keeps several current e-mails of a full extract as a list buildEntity splits', async () => {
    const extract = JSON.parse(fixture('full-stowarzyszenie.json'));
    extract.odpis.dane.dzial1.siedzibaIAdres.adresPocztyElektronicznej.push({ adresPocztyElektronicznej: 'ZARZAD@KROKPOKROKU.EXAMPLE.PL', nrWpisuWprow: '11' });
    const [d] = parseKrsExtracts(JSON.stringify(extract));
    const plan = await planImport([d], { source, now, findExisting: () => undefined });
    expect(plan.toWrite[0].emails).toEqual(['biuro@krokpokroku.example.pl', 'zarzad@krokpokroku.example.pl']);
    expect(plan.toWrite[0].websites).toEqual(['http://krokpokroku.example.pl/']);
  });

  it('reads an array of extracts and flags liquidation', () => {
    const drafts = parseKrsExtracts(fixture('liquidation-array.json'));
    expect(drafts.map((d) => [d.krs, d.registerStatus, d.opp])).toEqual([
      ['0000999001', 'liquidation', false],
      ['0000999002', 'active', true],
    ]);
    expect(drafts[0].regon).toBeUndefined(); // empty in the extract
    expect(drafts[1]).toMatchObject({ street: 'Boroniki 12', city: 'Boroniki', commune: 'Szaflary', county: 'Nowotarski' });
  });

  it('flags a struck-off entity from its full extract', () => {
    const extract = JSON.parse(fixture('full-stowarzyszenie.json'));
    extract.odpis.naglowekP.stanPozycji = 2;
    expect(parseKrsExtracts(JSON.stringify(extract))[0].registerStatus).toBe('struck_off');
  });

  it('reads NDJSON, one extract per line', () => {
    const lines = [fixture('current-spoldzielnia.json'), fixture('full-stowarzyszenie.json')].map((t) => JSON.stringify(JSON.parse(t)));
    const drafts = parseKrsExtracts(lines.join('\n') + '\n');
    expect(drafts.map((d) => d.krs)).toEqual(['0000700353', '0000999003']);
  });

  it('refuses what is not an extract', () => {
    expect(() => parseKrsExtracts('<!DOCTYPE html><html>Przerwa techniczna</html>')).toThrow(expect.objectContaining({ code: 'krs_invalid', detail: { reason: 'html' } }));
    expect(() => parseKrsExtracts('{"odpis": {"rodzaj": "Aktualny"}}')).toThrow(expect.objectContaining({ code: 'krs_invalid' }));
    expect(() => parseKrsExtracts('{"odpis":{"dane":{}}}\n{broken')).toThrow(expect.objectContaining({ code: 'krs_invalid', detail: { reason: 'json', line: 2 } }));
    expect(() => parseKrsExtracts('[{"odpis":{"dane":{}}}, 5]')).toThrow(expect.objectContaining({ code: 'krs_invalid', detail: expect.objectContaining({ item: 2 }) }));
  });

  it('imports through parseImportFile and planParsed, carrying OPP and register status', async () => {
    const parsed = await parseImportFile('odpisy.json', new TextEncoder().encode(fixture('liquidation-array.json')));
    expect(parsed.format).toBe('krs');
    const plan = await planParsed(parsed, { source, now, findExisting: () => undefined });
    expect(plan.counts).toEqual({ added: 2, merged: 0, unchanged: 0, rejected: 0 });
    expect(plan.toWrite.map((e) => [e.id, e.legalForm, e.registerStatus, e.opp])).toEqual([
      ['krs:0000999001', 'spoldzielnia_socjalna', 'liquidation', false],
      ['krs:0000999002', 'fundacja', 'active', true],
    ]);
  });
});

describe('helpers', () => {
  it('puts register capitals into the usual case for places', () => {
    expect(placeCase('BIELSKO-BIAŁA')).toBe('Bielsko-Biała');
    expect(placeCase('NOWE MIASTO NAD PILICĄ')).toBe('Nowe Miasto nad Pilicą');
    expect(placeCase('AL. JANA PAWŁA II')).toBe('al. Jana Pawła II');
    expect(placeCase('RYNEK')).toBe('Rynek');
    expect(placeCase('UL. RYNEK GŁÓWNY')).toBe('ul. Rynek Główny');
    expect(placeCase('W SZCZEBRZESZYNIE')).toBe('W Szczebrzeszynie');
    expect(placeCase('Kraków')).toBe('Kraków');
  });

  it('collapses a history list to the entries not struck out', () => {
    expect(currentState({ nazwa: [{ nazwa: 'OLD', nrWpisuWprow: '1', nrWpisuWykr: '2' }, { nazwa: 'NEW', nrWpisuWprow: '2' }] })).toEqual({ nazwa: 'NEW' });
    expect(currentState({ a: 'x', b: '', c: {} })).toEqual({ a: 'x' });
  });
});

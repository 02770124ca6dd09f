// Register answers → official values, and every documented way a request can go wrong.
import { describe, expect, it } from 'vitest';
import { checkKrs, checkRegister, checkWhiteList, registersFor } from '../../../shared/io/registers/check.ts';
import { isValidNip, isValidRegon } from '../../../shared/model/identifiers.ts';
import { parseWhiteListAddress } from '../../../shared/io/registers/whiteList.ts';
import type { CheckOutcome, RegisterRecord } from '../../../shared/io/registers/types.ts';
import { SAMPLE } from '../model/sample.ts';
import { fakeRegisters, fixture, html, json } from './fakeRegisters.ts';

function record(o: CheckOutcome): RegisterRecord {
  if (o.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(o)}`);
  return o.record;
}

const alternatywy = SAMPLE.find((r) => r.krs === '0000700353')!;

describe('KRS current extract', () => {
  it('maps the extract to the directory shape, unpadding the 14-digit REGON to the directory\'s 9 digits', async () => {
    const { deps, requests } = fakeRegisters({ '0000700353?rejestr=P': json('krs/0000700353-P.json') });
    const r = record(await checkKrs('0000700353', deps));
    expect(requests).toEqual(['https://api-krs.ms.gov.pl/api/krs/OdpisAktualny/0000700353?rejestr=P&format=json']);
    // Independent facts: the sample directory (read with PapaParse) holds this entity's NIP and REGON.
    expect(r.values.regon).toBe(alternatywy.regon);
    expect(r.values.nip).toBe(alternatywy.nip);
    expect(isValidRegon(r.values.regon!) && isValidNip(r.values.nip!)).toBe(true);
    expect(JSON.parse(fixture('krs/0000700353-P.json')).odpis.dane.dzial1.danePodmiotu.identyfikatory.regon).toHaveLength(14);
    expect(r.values).toMatchObject({
      krs: '0000700353',
      legalForm: 'spoldzielnia_socjalna',
      name: 'SPÓŁDZIELNIA SOCJALNA "ALTERNATYWY"',
      opp: false,
      registerStatus: 'active',
      emails: ['alternatywy.dlaseniora@gmail.com'],
      address: { street: 'ul. Gen. Władysława Sikorskiego 15/4', postalCode: '65-454', city: 'Zielona Góra', voivodeship: 'lubuskie' },
    });
    expect(r.values.websites).toHaveLength(1);
    expect(r.values.websites[0].toLowerCase()).toContain('alternatywy-zg.pl');
    expect(r.values.domains).toEqual(['alternatywy-zg.pl']);
    expect(r.values.pkd).toContain('87.30.Z');
    expect(r).toMatchObject({ register: 'krs', asOf: '2026-10-14', url: requests[0], skipped: [] });
  });

  it('asks register S when P answers 404; e-mail and website arrays are read whole, a malformed e-mail is set aside', async () => {
    const { deps, requests } = fakeRegisters({ '0000057364?rejestr=S': json('krs/0000057364-S.json') });
    const r = record(await checkKrs('0000057364', deps));
    expect(requests.map((u) => new URL(u).searchParams.get('rejestr'))).toEqual(['P', 'S']);
    expect(r.url).toContain('rejestr=S');
    expect(r.values.emails).toEqual(['sekretariat@spdn.example.pl']);
    expect(r.skipped).toEqual([{ field: 'email', value: 'biuro@@spdn.example.pl' }]);
    expect(r.values.websites).toHaveLength(2);
    expect(r.values.domains).toEqual(expect.arrayContaining(['spdn.pl', 'krokzakrokiem.example.pl']));
    expect(r.values).toMatchObject({ legalForm: 'stowarzyszenie', opp: true, regon: '950002012' });
  });

  it('reads a struck-off entity as struck off', async () => {
    const { deps } = fakeRegisters({ '0000999004?rejestr=P': json('krs/0000999004-P.json') });
    expect(record(await checkKrs('0000999004', deps)).values.registerStatus).toBe('struck_off');
  });

  it('404 in both registers: the number is unknown', async () => {
    const { deps, requests } = fakeRegisters({});
    expect(await checkKrs('0000000001', deps)).toEqual({ kind: 'not_found' });
    expect(requests).toHaveLength(2);
  });

  it('the maintenance page (HTML with status 200) is retried as maintenance, not read as data', async () => {
    const { deps } = fakeRegisters({ 'OdpisAktualny': html(200) });
    expect(await checkKrs('0000700353', deps)).toMatchObject({ kind: 'retry', reason: 'maintenance' });
    const { deps: d503 } = fakeRegisters({ 'OdpisAktualny': html(503) });
    expect(await checkKrs('0000700353', d503)).toMatchObject({ kind: 'retry', reason: 'maintenance', detail: 'HTTP 503' });
  });

  it('429 and 5xx are retried, with the server\'s Retry-After', async () => {
    const { deps } = fakeRegisters({ 'OdpisAktualny': { status: 429, body: '', headers: { 'retry-after': '7' } } });
    expect(await checkKrs('0000700353', deps)).toEqual({ kind: 'retry', reason: 'rate_limited', retryAfterMs: 7000 });
    const { deps: d502 } = fakeRegisters({ 'OdpisAktualny': { status: 502, body: '{"message":"Bad gateway"}' } });
    expect(await checkKrs('0000700353', d502)).toMatchObject({ kind: 'retry', reason: 'server_error' });
  });

  it('malformed JSON, an object that is no extract, and an extract of another number fail as malformed', async () => {
    const cases = [
      { status: 200, body: fixture('malformed.json') },
      { status: 200, body: '{"message":"ok"}' },
      { status: 200, body: fixture('krs/0000700353-P.json') },
    ];
    for (const answer of cases) {
      const { deps } = fakeRegisters({ 'OdpisAktualny': answer });
      expect(await checkKrs('0000999005', deps)).toMatchObject({ kind: 'fail', reason: 'malformed' });
    }
  });

  it('a failed request waits for the network when offline, and is retried as unreachable when online', async () => {
    const offline = fakeRegisters({ 'OdpisAktualny': 'network-error' }, { online: false });
    expect(await checkKrs('0000700353', offline.deps)).toEqual({ kind: 'offline' });
    const online = fakeRegisters({ 'OdpisAktualny': 'network-error' }, { online: true });
    expect(await checkKrs('0000700353', online.deps)).toMatchObject({ kind: 'retry', reason: 'unreachable' });
  });

  it('waits for its turn before every request (the polite rate), P and S alike', async () => {
    const { deps, turns, requests } = fakeRegisters({ '?rejestr=S': json('krs/0000057364-S.json') });
    await checkKrs('0000057364', deps);
    expect(turns).toEqual(['krs', 'krs']);
    expect(requests).toHaveLength(2);
  });
});

describe('VAT white list', () => {
  it('maps the subject: VAT status, identifiers, and the seat from workingAddress', async () => {
    const { deps, requests } = fakeRegisters({ 'search/nip/9291928963': json('wl/9291928963.json') });
    const r = record(await checkWhiteList('9291928963', deps));
    expect(requests).toEqual(['https://wl-api.mf.gov.pl/api/search/nip/9291928963?date=2026-11-22']);
    expect(r.url).toBe('https://wl-api.mf.gov.pl/api/search/nip/9291928963');
    expect(r.values).toMatchObject({
      nip: alternatywy.nip,
      regon: alternatywy.regon,
      krs: alternatywy.krs,
      vatStatus: 'active',
      address: { street: 'Gen. Władysława Sikorskiego 15/4', postalCode: '65-454', city: 'Zielona Góra' },
    });
    expect(r.asOf).toBe('2026-11-22');
  });

  it('"Zwolniony" is exempt', async () => {
    const { deps } = fakeRegisters({ 'search/nip/9220001006': json('wl/9220001006.json') });
    expect(record(await checkWhiteList('9220001006', deps)).values.vatStatus).toBe('exempt');
  });

  it('subject null is not found; a refusal carries its WL code; WL-196 (being updated) is retried', async () => {
    expect(await checkWhiteList('9291928963', fakeRegisters({ 'search/nip': json('wl/not-found.json') }).deps)).toEqual({ kind: 'not_found' });
    expect(await checkWhiteList('9291928963', fakeRegisters({ 'search/nip': json('wl/error-WL-113.json', 400) }).deps)).toMatchObject({
      kind: 'fail',
      reason: 'rejected',
      detail: expect.stringMatching(/^WL-113 /),
    });
    expect(await checkWhiteList('9291928963', fakeRegisters({ 'search/nip': json('wl/error-WL-196.json', 400) }).deps)).toMatchObject({
      kind: 'retry',
      reason: 'register_updating',
    });
  });

  it('an answer about another NIP is malformed, not another entity\'s data', async () => {
    const { deps } = fakeRegisters({ 'search/nip': json('wl/9220001006.json') });
    expect(await checkWhiteList('9291928963', deps)).toMatchObject({ kind: 'fail', reason: 'malformed' });
  });
});

describe('which registers', () => {
  it('KRS by the KRS number, the white list by the NIP', async () => {
    expect(registersFor({ krs: '0000700353', nip: '9291928963' })).toEqual(['krs', 'wl']);
    expect(registersFor({ nip: '9291928963' })).toEqual(['wl']);
    expect(registersFor({})).toEqual([]);
    expect(await checkRegister('krs', { nip: '9291928963' }, fakeRegisters({}).deps)).toMatchObject({ kind: 'fail', reason: 'no_identifier' });
  });
});

describe('white-list addresses', () => {
  it('street, postal code and town from the one-line address, in the usual case', () => {
    expect(parseWhiteListAddress('PROSTA 67, 00-838 WARSZAWA')).toEqual({ street: 'Prosta 67', postalCode: '00-838', city: 'Warszawa' });
    expect(parseWhiteListAddress('UL. JANA PAWŁA II 9, 22-400 ZAMOŚĆ')).toEqual({ street: 'ul. Jana Pawła II 9', postalCode: '22-400', city: 'Zamość' });
    // A village without streets: the village and the house number, as KRS writes it.
    expect(parseWhiteListAddress('BORONIKI 12, 34-424 SZAFLARY')).toEqual({ street: 'Boroniki 12', postalCode: '34-424', city: 'Szaflary' });
    // A comma inside the street part stays there; only the last one separates the town.
    expect(parseWhiteListAddress('AL. SOLIDARNOŚCI 1, LOK. 2, 00-001 WARSZAWA').street).toBe('al. Solidarności 1, Lok. 2');
    expect(parseWhiteListAddress('bez kodu pocztowego')).toEqual({});
  });
});

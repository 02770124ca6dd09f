// The side-by-side of stored and register values, and what accepting some of them does.
import { describe, expect, it } from 'vitest';
import { buildEntity } from '../../../shared/model/entity.ts';
import { checkKrs, checkWhiteList } from '../../../shared/io/registers/check.ts';
import { differences, diffEntity } from '../../../shared/io/registers/diff.ts';
import { applyRegisterValues } from '../../../shared/io/registers/apply.ts';
import { verificationFreshness } from '../../../shared/io/registers/freshness.ts';
import type { Entity } from '../../../shared/model/types.ts';
import type { RegisterRecord } from '../../../shared/io/registers/types.ts';
import { draftOf, SAMPLE } from '../model/sample.ts';
import { fakeRegisters, json } from './fakeRegisters.ts';

const NOW = '2026-11-22T10:00:00.000Z';

function sampleEntity(krs: string): Entity {
  const built = buildEntity(draftOf(SAMPLE.find((r) => r.krs === krs)!), { url: 'file:pes-directory-sample.csv', seenAt: '2026-01-10' }, '2026-01-10T00:00:00.000Z');
  if (!built.ok) throw new Error(built.reason);
  return built.entity;
}

async function alternatywyRecords(): Promise<RegisterRecord[]> {
  const { deps } = fakeRegisters({ '0000700353?rejestr=P': json('krs/0000700353-P.json'), 'search/nip/9291928963': json('wl/9291928963.json') });
  const out: RegisterRecord[] = [];
  for (const o of [await checkKrs('0000700353', deps), await checkWhiteList('9291928963', deps)]) if (o.kind === 'ok') out.push(o.record);
  return out;
}

describe('diff', () => {
  it('the sample cooperative against KRS and the white list: spelling is not a change, real differences are', async () => {
    const entity = sampleEntity('0000700353');
    const rows = diffEntity(entity, await alternatywyRecords());
    const byField = Object.fromEntries(rows.map((r) => [r.field, r]));
    // Same: identifiers, the e-mail in other case, the town, the postal code, the legal form.
    for (const f of ['nip', 'regon', 'krs', 'emails', 'address.city', 'address.postalCode', 'legalForm']) expect(byField[f]?.kind, f).toBe('same');
    // The stored name adds a description; the stored street abbreviates the general's first name.
    expect(byField['name']).toMatchObject({ kind: 'changed', register: 'krs', official: 'SPÓŁDZIELNIA SOCJALNA "ALTERNATYWY"' });
    expect(byField['address.street']).toMatchObject({ kind: 'changed', stored: 'ul. Gen. W. Sikorskiego 15/4' });
    // Only the registers know: the voivodeship, the website, the VAT status (from the white list).
    expect(byField['address.voivodeship']).toMatchObject({ kind: 'new', official: 'lubuskie' });
    expect(byField['websites']?.kind).toBe('new');
    expect(byField['vatStatus']).toMatchObject({ kind: 'new', register: 'wl', official: 'active' });
    // KRS speaks first for what both registers hold.
    expect(byField['address.street']?.register).toBe('krs');
    expect(differences(rows).every((r) => r.kind !== 'same')).toBe(true);
  });

  it('a name differing only in case, quotes and Polish letters is the same name', () => {
    const entity = { ...sampleEntity('0000700353'), name: 'Spółdzielnia Socjalna „Alternatywy”' };
    const record = { register: 'krs', url: 'u', fetchedAt: NOW, skipped: [], values: { name: 'SPÓŁDZIELNIA SOCJALNA "ALTERNATYWY"', address: { street: 'UL. GEN. W. SIKORSKIEGO 15/4' }, emails: [], websites: [], domains: [], pkd: [] } } satisfies RegisterRecord;
    const rows = diffEntity(entity, [record]);
    expect(rows.find((r) => r.field === 'name')?.kind).toBe('same');
    expect(rows.find((r) => r.field === 'address.street')?.kind).toBe('same');
  });

  it('a stored e-mail the register lacks is no difference; a register e-mail the user lacks is', () => {
    const entity = { ...sampleEntity('0000700353'), emails: ['a@x.pl', 'b@x.pl'] };
    const values = { address: {}, websites: [], domains: [], pkd: [] };
    const rec = (emails: string[]): RegisterRecord => ({ register: 'krs', url: 'u', fetchedAt: NOW, skipped: [], values: { ...values, emails } });
    expect(diffEntity(entity, [rec(['A@X.PL'])])[0]).toMatchObject({ field: 'emails', kind: 'same' });
    expect(diffEntity(entity, [rec(['c@x.pl'])])[0]).toMatchObject({ field: 'emails', kind: 'changed' });
  });
});

describe('accepting register values', () => {
  it('takes the accepted fields only, with the register as their source; every register answered becomes a source', async () => {
    const entity = sampleEntity('0000700353');
    const records = await alternatywyRecords();
    const next = applyRegisterValues(entity, records, { 'address.street': 'krs', websites: 'krs', vatStatus: 'wl' }, NOW);
    const krsUrl = records.find((r) => r.register === 'krs')!.url;
    const wlUrl = records.find((r) => r.register === 'wl')!.url;
    expect(next.address.street).toBe('ul. Gen. Władysława Sikorskiego 15/4');
    expect(next.name).toBe(entity.name); // not accepted: kept
    expect(next.vatStatus).toBe('active');
    expect(next.websites).toHaveLength(1);
    expect(next.domains).toContain('alternatywy-zg.pl');
    expect(next.fieldSources).toMatchObject({ 'address.street': krsUrl, websites: krsUrl, vatStatus: wlUrl, name: 'file:pes-directory-sample.csv' });
    expect(next.sources.map((s) => s.url)).toEqual(['file:pes-directory-sample.csv', ...entity.sources.slice(1).map((s) => s.url), krsUrl, wlUrl]);
    expect(next.sources.find((s) => s.url === krsUrl)).toMatchObject({ label: 'KRS', seenAt: NOW });
    expect(next.verifiedAt).toBe(NOW);
    expect(next.updatedAt).toBe(NOW);
    // The input is left as it was.
    expect(entity.verifiedAt).toBeUndefined();
    // After accepting everything, nothing differs any more.
    const all = Object.fromEntries(differences(diffEntity(entity, records)).map((r) => [r.field, r.register]));
    expect(differences(diffEntity(applyRegisterValues(entity, records, all, NOW), records))).toEqual([]);
  });

  it('e-mails are added to, never replaced: the user\'s own address stays', () => {
    const entity = { ...sampleEntity('0000700353'), emails: ['own@x.pl'] };
    const record: RegisterRecord = { register: 'krs', url: 'u', fetchedAt: NOW, skipped: [], values: { address: {}, emails: ['OWN@x.pl', 'reg@x.pl'], websites: [], domains: [], pkd: [] } };
    expect(applyRegisterValues(entity, [record], { emails: 'krs' }, NOW).emails).toEqual(['own@x.pl', 'reg@x.pl']);
  });

  it('checking again refreshes the register source\'s date instead of adding a twin', async () => {
    const records = await alternatywyRecords();
    const once = applyRegisterValues(sampleEntity('0000700353'), records, {}, NOW);
    const later = '2027-02-01T09:00:00.000Z';
    const twice = applyRegisterValues(once, records.map((r) => ({ ...r, fetchedAt: later })), {}, later);
    expect(twice.sources).toHaveLength(once.sources.length);
    expect(twice.sources.find((s) => s.url === records[0].url)?.seenAt).toBe(later);
  });
});

describe('freshness', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  it('never verified, verified within a year, verified a year ago or more', () => {
    expect(verificationFreshness(undefined, now)).toEqual({ kind: 'never' });
    expect(verificationFreshness('garbage', now)).toEqual({ kind: 'never' });
    expect(verificationFreshness('2026-01-05', now).kind).toBe('fresh');
    expect(verificationFreshness('2025-11-22T10:00:01Z', now).kind).toBe('fresh');
    expect(verificationFreshness('2025-11-22T10:00:00Z', now).kind).toBe('stale');
    expect(verificationFreshness('2024-03-01', now)).toEqual({ kind: 'stale', at: '2024-03-01' });
  });
});

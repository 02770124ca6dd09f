import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImportFile, planParsed } from '../../../shared/io/import/index.ts';
import { PACK_FORMAT, PACK_VERSION, readPack, writePack } from '../../../shared/io/import/pack.ts';
import type { Entity } from '../../../shared/model/types.ts';
import { MemoryDb } from './memoryDb.ts';

const SAMPLE = new Uint8Array(readFileSync(new URL('../../../shared/data/pes-directory-sample.csv', import.meta.url)));
const source = { url: 'file:pes-directory-sample.csv', seenAt: '2026-11-22' };
const now = '2026-11-22T00:00:00.000Z';

async function sampleEntities(): Promise<Entity[]> {
  const parsed = await parseImportFile('pes-directory-sample.csv', SAMPLE);
  return (await planParsed(parsed, { source, now, findExisting: () => undefined })).toWrite;
}

function packText(entities: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: PACK_FORMAT, version: PACK_VERSION, name: 'Test', createdAt: now, entities, ...extra });
}

describe('data pack', () => {
  it('round-trips the sample directory exactly', async () => {
    const entities = await sampleEntities();
    const text = writePack('Katalog', entities, now, { name: 'pes-directory-sample.csv', licence: 'CC BY 4.0' });
    const pack = readPack(text);
    expect(pack.name).toBe('Katalog');
    expect(pack.createdAt).toBe(now);
    expect(pack.source).toEqual({ name: 'pes-directory-sample.csv', licence: 'CC BY 4.0' });
    expect(pack.rejected).toEqual([]);
    expect(pack.entities).toEqual(entities);
    // One entity per line, valid JSON all the same.
    expect(text.split('\n').filter((l) => l.startsWith('    {"id":')).length).toBe(entities.length);
    expect(JSON.parse(text).count).toBe(entities.length);
  });

  it('imported over itself, changes nothing', async () => {
    const entities = await sampleEntities();
    const db = new MemoryDb();
    db.put(entities);
    const parsed = await parseImportFile('katalog.json', new TextEncoder().encode(writePack('K', entities, now)));
    expect(parsed.format).toBe('pack');
    const plan = await planParsed(parsed, { source, now: '2027-01-01T00:00:00.000Z', findExistingMany: db.findMany });
    expect(plan.counts).toEqual({ added: 0, merged: 0, unchanged: entities.length, rejected: 0 });
  });

  it('refuses a newer version, naming it, and a malformed pack', () => {
    expect(() => readPack(packText([], { version: 2 }))).toThrow(expect.objectContaining({ code: 'pack_version', detail: { version: 2, supported: 1 } }));
    expect(() => readPack(packText([], { version: '1' }))).toThrow(expect.objectContaining({ code: 'pack_invalid' }));
    expect(() => readPack(packText([], { format: 'other' }))).toThrow(expect.objectContaining({ code: 'pack_invalid', detail: { reason: 'format' } }));
    expect(() => readPack('{"format":"radar-es/data-pack","version":1,"name":"x","createdAt":"x","entities":[{"id":')).toThrow(
      expect.objectContaining({ code: 'pack_invalid', detail: { reason: 'json' } }),
    );
    expect(() => readPack(packText([], { entities: {} }))).toThrow(expect.objectContaining({ code: 'pack_invalid', detail: { reason: 'header' } }));
    expect(() => readPack(packText([{ name: 'A' }], { count: 5 }))).toThrow(expect.objectContaining({ code: 'pack_invalid', detail: expect.objectContaining({ reason: 'count' }) }));
  });

  it('re-validates every entity instead of trusting the file', () => {
    const good = { id: 'krs:0000700353', name: 'SS Alternatywy', legalForm: 'spoldzielnia_socjalna', krs: '0000700353', address: { city: 'Zielona Góra' } };
    const pack = readPack(packText([
      good,
      { ...good, krs: undefined, nip: '5261040827' }, // wrong check digit
      { name: '  ' },
      'not an object',
      { name: 'X', legalForm: 'korporacja' },
      { name: 'Y', emails: ['nie-email'] },
      { name: 'Z', phones: ['603 254 662'] }, // not E.164: not written by us
      { name: 'W', offer: 42 },
      { name: 'V', categories: ['catering', 'hacking'] },
    ]));
    expect(pack.entities.map((e) => e.name)).toEqual(['SS Alternatywy']);
    expect(pack.positions).toEqual([1]);
    expect(pack.rejected.map((r) => [r.row, r.reason, r.detail])).toEqual([
      [2, 'nip_invalid', 'checksum: 5261040827'],
      [3, 'no_name', undefined],
      [4, 'not_an_entity', undefined],
      [5, 'legal_form_invalid', 'korporacja'],
      [6, 'email_invalid', 'nie-email'],
      [7, 'phone_invalid', '603 254 662'],
      [8, 'field_invalid', 'offer'],
      [9, 'category_invalid', 'hacking'],
    ]);
  });

  it('rebuilds entities from known fields: ids and domains recomputed, foreign keys dropped', () => {
    const raw = JSON.parse(
      '{"id":"krs:0000000001","name":"Fundacja B","legalForm":"fundacja","nip":"5261040828","websites":["https://www.fundacja-b.pl/"],' +
        '"domains":["google.com"],"origin":"user","candidate":true,"keys":["krs:1"],"__proto__":{"polluted":true},"isAdmin":true}',
    );
    const [e] = readPack(packText([raw])).entities;
    expect(e.id).toBe('nip:5261040828');
    expect(e.domains).toEqual(['fundacja-b.pl']);
    expect(e.origin).toBe('directory');
    expect(Object.keys(e)).not.toContain('candidate');
    expect(Object.keys(e)).not.toContain('isAdmin');
    expect(Object.keys(e)).not.toContain('keys');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
  });
});

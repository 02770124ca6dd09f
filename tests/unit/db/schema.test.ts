// Schema versioning: a store written by an earlier version must open intact in the current one.
// A v1 store (as an installed older release wrote it) must upgrade to the current version with every
// record of every table intact, and the tables added since must start empty and usable.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RadarDB, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../../shared/db/database.ts';
import type { Entity } from '../../../shared/model/types.ts';

function entity(id: string, name: string, domain: string): Entity {
  return {
    id, name, legalForm: 'spoldzielnia_socjalna', address: { city: 'Kraków', voivodeship: 'małopolskie' },
    domains: [domain], websites: [`https://${domain}`], emails: [], phones: [], categories: ['catering'],
    sources: [{ url: 'file:test.csv', seenAt: '2026-01-01' }], origin: 'directory',
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', keys: [id],
  };
}

describe('database schema', () => {
  it('a v1 store written with the raw v1 schema reopens intact in the current RadarDB', async () => {
    const name = `schema-${Math.random()}`;
    // Written by a plain Dexie declaring only v1, as an installed older release would have.
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    await old.table('entities').bulkPut([entity('krs:0000057364', 'Stowarzyszenie „K”', 'spdn.pl'), entity('nip:9291928963', 'Alternatywy', 'x.pl')]);
    await old.table('saved').put({ entityId: 'krs:0000057364', status: 'in_talks', tags: ['a'], createdAt: 'x', updatedAt: 'x' });
    await old.table('lists').put({ id: 'list_1', name: 'Catering — Kraków', createdAt: 'x', updatedAt: 'x' });
    await old.table('listMembers').put({ listId: 'list_1', entityId: 'krs:0000057364', addedAt: 'x' });
    await old.table('settings').put({ key: 'lang', value: 'en' });
    old.close();

    const db = new RadarDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(1);
    expect(await db.entities.count()).toBe(2);
    expect((await db.entities.where('domains').equals('spdn.pl').first())?.name).toBe('Stowarzyszenie „K”');
    expect((await db.saved.get('krs:0000057364'))?.status).toBe('in_talks');
    expect(await db.listMembers.where('listId').equals('list_1').count()).toBe(1);
    expect((await db.settings.get('lang'))?.value).toBe('en');
    db.close();
  });

  it('v1 → current: every v1 table keeps all its records and indexes; the verify queue (v2) and the feed tables (v3) are added empty', async () => {
    const name = `schema-v2-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    const rows: Record<string, unknown[]> = {
      entities: [entity('krs:0000057364', 'Stowarzyszenie „K”', 'spdn.pl'), entity('nip:9291928963', 'Alternatywy', 'x.pl')],
      saved: [{ entityId: 'krs:0000057364', status: 'supplier', tags: ['catering'], createdAt: 'a', updatedAt: 'b' }],
      lists: [{ id: 'list_1', name: 'Catering — Kraków', createdAt: 'a', updatedAt: 'b' }],
      listMembers: [{ listId: 'list_1', entityId: 'krs:0000057364', addedAt: 'a' }, { listId: 'list_1', entityId: 'nip:9291928963', addedAt: 'a' }],
      persons: [{ id: 'person_1', entityId: 'krs:0000057364', name: 'Anna', createdAt: 'a', updatedAt: 'b' }],
      notes: [{ id: 'note_1', entityId: 'nip:9291928963', text: 'dzwonić rano', createdAt: 'a', updatedAt: 'b' }],
      flags: [{ id: 'flag_1', kind: 'data_wrong', entityId: 'krs:0000057364', status: 'open', createdAt: '2026-01-02', updatedAt: 'b' }],
      interactions: [{ id: 'int_1', entityId: 'krs:0000057364', channel: 'email', at: '2026-01-03', summary: 'oferta' }],
      imports: [{ id: 'imp_1', fileName: 'a.csv', format: 'csv', at: '2026-01-01', counts: { added: 2, merged: 0, unchanged: 0, rejected: 0 }, rejected: [] }],
      settings: [{ key: 'lang', value: 'en' }, { key: 'directoryRevision', value: 7 }],
      blobs: [{ key: 'searchIndex', revision: 7, value: { big: 'x'.repeat(1000) } }],
    };
    expect(Object.keys(rows).sort()).toEqual(Object.keys(SCHEMA_V1).sort()); // every v1 table is exercised
    for (const [table, items] of Object.entries(rows)) await old.table(table).bulkPut(items);
    old.close();

    const db = new RadarDB(name);
    await db.open();
    expect(db.verno).toBe(3);
    for (const [table, items] of Object.entries(rows)) {
      const stored = await db.table(table).toArray();
      expect(stored, table).toHaveLength(items.length);
      for (const item of items) expect(stored, table).toContainEqual(item);
    }
    // Indexes declared in v1 still answer after the upgrade.
    expect(await db.listMembers.where('entityId').equals('nip:9291928963').count()).toBe(1);
    expect(await db.flags.where('createdAt').above('2026-01-01').count()).toBe(1);
    expect((await db.entities.where('keys').equals('krs:0000057364').first())?.name).toBe('Stowarzyszenie „K”');
    // The new table exists with the indexes v2 declares.
    expect(Object.keys(SCHEMA_V2)).toContain('verifyQueue');
    expect(db.verifyQueue.schema.indexes.map((i) => i.name).sort()).toEqual(['order', 'status']);
    expect(await db.verifyQueue.count()).toBe(0);
    expect(Object.keys(SCHEMA_V3)).toEqual(expect.arrayContaining(['feeds', 'feedEntries']));
    expect(db.feedEntries.schema.indexes.map((i) => i.name).sort()).toEqual(['[feedId+region]', 'entityId', 'feedId']);
    expect(await db.feeds.count()).toBe(0);
    db.close();
  });
});

// Schema versioning: a store written by an earlier version must open intact in the current one.
// Until a v2 exists this proves a v1 store, closed and reopened, keeps every table's records.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RadarDB, SCHEMA_V1 } from '../../../shared/db/database.ts';
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
});

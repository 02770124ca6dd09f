// The background's Dexie-free reads: the same answers as the Dexie store they read, no database
// created where there is none (Dexie must create and upgrade it), and never in the way of an upgrade.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RadarDB, SCHEMA_V1 } from '../../../shared/db/database.ts';
import { addOwnEntity } from '../../../shared/db/commands/entities.ts';
import { rawReader } from '../../../shared/db/rawRead.ts';
import { readDirectoryRevision } from '../../../shared/db/directoryLog.ts';

let n = 0;
const fresh = () => `raw-read-${++n}-${Math.random().toString(36).slice(2)}`;

describe('rawReader', () => {
  it('reads entities by site key and match key, and settings, as Dexie stored them', async () => {
    const db = new RadarDB(fresh());
    const added = await addOwnEntity(db, { name: 'Spółdzielnia Socjalna Próba', legalForm: 'spoldzielnia_socjalna', nip: '9291928963', website: 'https://www.proba.pl', city: 'Lublin' });
    if (!added.ok) throw new Error(added.reason);
    const e = added.entity;
    const read = rawReader(db.name);
    expect((await read.entityBySiteKey('proba.pl'))?.id).toBe(e.id);
    expect(await read.entityBySiteKey('inna.pl')).toBeUndefined();
    expect((await read.entityByMatchKey(['nip:1111111111', 'nip:9291928963']))?.id).toBe(e.id);
    expect(await read.setting('directoryRevision')).toBe(await readDirectoryRevision(db));
    expect(await read.count('entities', 'domains', 'proba.pl')).toBe(1);
    expect(await read.count('noSuchStore', 'x', 'y')).toBe(0);
    db.close();
  });

  it('creates no database where there is none, so Dexie creates it with its schema later', async () => {
    const name = fresh();
    const read = rawReader(name);
    expect(await read.entityBySiteKey('proba.pl')).toBeUndefined();
    expect(await Dexie.exists(name)).toBe(false);
    const db = new RadarDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await read.entityBySiteKey('proba.pl')).toBeUndefined(); // opens the real one now
    db.close();
  });

  it('steps aside when another context upgrades the schema', async () => {
    const name = fresh();
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    v1.close();
    const read = rawReader(name);
    await read.setting('directoryRevision'); // holds a connection now
    const upgraded = new RadarDB(name); // v2: blocked if the raw connection did not close
    await upgraded.open();
    expect(upgraded.verno).toBeGreaterThanOrEqual(2);
    expect(await read.count('verifyQueue', 'status', 'queued')).toBe(0); // reopened at the new version
    upgraded.close();
  });
});

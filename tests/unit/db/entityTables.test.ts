// Every delete of entities takes what hangs off them, read from one list of tables: the list is
// compared with the schema, and each delete leaves nothing pointing at a missing entity — the
// register-check queue (added in schema v2) included.
import { beforeEach, describe, expect, it } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { ENTITY_TABLES, USER_WORK_TABLES } from '../../../shared/db/entityTables.ts';
import { addOwnEntity, deleteOwnEntity, dismissCandidate } from '../../../shared/db/commands/entities.ts';
import { deleteDirectory, putEntities } from '../../../shared/db/commands/directory.ts';
import { deleteMyData } from '../../../shared/db/commands/userData.ts';
import { addCandidate } from '../../../shared/db/commands/flags.ts';
import { enqueueVerification } from '../../../shared/db/commands/verify.ts';
import { saveEntity } from '../../../shared/db/commands/saved.ts';
import { buildEntity } from '../../../shared/model/entity.ts';
import type { Entity } from '../../../shared/model/types.ts';

let db: RadarDB;
beforeEach(async () => {
  db = new RadarDB(`tables-${Math.random()}`);
  await db.open();
});

function entity(name: string, krs: string): Entity {
  const built = buildEntity({ name, krs, city: 'Lublin' }, { url: 'file:test.csv', seenAt: '2026-11-01' }, '2026-11-01T10:00:00.000Z');
  if (!built.ok) throw new Error(built.reason);
  return built.entity;
}

/** How many records of each entity table point at `id`. */
async function attachedTo(id: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of ENTITY_TABLES) out[name] = await db.table(name).where('entityId').equals(id).count();
  return out;
}
const nothing = Object.fromEntries(ENTITY_TABLES.map((t) => [t, 0]));

describe('the tables that hang off an entity', () => {
  it('are every table of the schema keyed or indexed by entityId', () => {
    const byEntity = db.tables
      .filter((t) => t.schema.primKey.name === 'entityId' || t.schema.indexes.some((i) => i.name === 'entityId'))
      .map((t) => t.name)
      .sort();
    expect([...ENTITY_TABLES].sort()).toEqual(byEntity);
    expect(ENTITY_TABLES.filter((t) => !(USER_WORK_TABLES as readonly string[]).includes(t))).toEqual(['verifyQueue']);
  });

  it('deleting an own entity deletes its queued register check too', async () => {
    const added = await addOwnEntity(db, { name: 'Pracownia Pod Lipą', krs: '0000700353', city: 'Zielona Góra' });
    if (!added.ok) throw new Error(added.reason);
    const id = added.entity.id;
    await saveEntity(db, id);
    await enqueueVerification(db, [id]);
    expect((await attachedTo(id)).verifyQueue).toBe(1);
    await deleteOwnEntity(db, id);
    expect(await attachedTo(id)).toEqual(nothing);
  });

  it('deleting my data deletes the register-check queue with the rest', async () => {
    await putEntities(db, [entity('Spółdzielnia Socjalna Jeden', '0000000101')]);
    const added = await addOwnEntity(db, { name: 'Pracownia Pod Lipą', krs: '0000700353', city: 'Zielona Góra' });
    if (!added.ok) throw new Error(added.reason);
    await enqueueVerification(db, ['krs:0000000101', added.entity.id]);
    await deleteMyData(db);
    expect(await db.verifyQueue.count()).toBe(0);
    expect(await db.entities.get(added.entity.id)).toBeUndefined();
    expect(await db.entities.get('krs:0000000101')).toBeDefined(); // the directory stays
  });

  it('deleting the directory keeps entities with the user\'s work, and drops the checks of the entities it deletes', async () => {
    await putEntities(db, [entity('Spółdzielnia Socjalna Jeden', '0000000101'), entity('Spółdzielnia Socjalna Dwa', '0000000102')]);
    await saveEntity(db, 'krs:0000000102');
    await enqueueVerification(db, ['krs:0000000101', 'krs:0000000102']);
    expect(await deleteDirectory(db)).toBe(1);
    expect(await attachedTo('krs:0000000101')).toEqual(nothing);
    expect((await attachedTo('krs:0000000102')).verifyQueue).toBe(1); // kept with its entity
    // A queued check alone is not the user's work: it does not keep an entity.
    expect(await db.entities.get('krs:0000000101')).toBeUndefined();
  });

  it('dismissing a candidate deletes it with its queued check, and keeps the dismissed flag', async () => {
    const { entity: candidate, flag } = await addCandidate(db, entity('Fundacja Nowa', '0000000103'), { url: 'https://nowa.pl/', domain: 'nowa.pl' });
    await enqueueVerification(db, [candidate.id]);
    await dismissCandidate(db, flag.id);
    expect(await db.entities.get(candidate.id)).toBeUndefined();
    expect(await attachedTo(candidate.id)).toMatchObject({ verifyQueue: 0, flags: 1 });
    expect((await db.flags.get(flag.id))?.status).toBe('dismissed');
  });
});

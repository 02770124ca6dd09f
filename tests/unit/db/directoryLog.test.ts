// The directory change log and its followers: every write command reaches a follower with the ids
// it touched, a burst is told once, a chunked import is told once at its end, and a bulk change
// says so. Followers here stand for the badge refresher and the search index.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { addOwnEntity, deleteOwnEntity, draftOf, updateOwnEntity } from '../../../shared/db/commands/entities.ts';
import { deleteDirectory, putEntities } from '../../../shared/db/commands/directory.ts';
import { addCandidate } from '../../../shared/db/commands/flags.ts';
import { importPlan } from '../../../shared/db/commands/import.ts';
import { bumpDirectoryRevision, followDirectory, readDirectoryChanges, type DirectoryUpdate } from '../../../shared/db/directoryLog.ts';
import type { Entity } from '../../../shared/model/types.ts';
import type { ImportPlan } from '../../../shared/io/import/plan.ts';

let db: RadarDB;
let stops: (() => void)[] = [];
beforeEach(async () => {
  db = new RadarDB(`log-${Math.random()}`);
  await db.open();
});
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  db.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A follower that records what it is told; resolves `started` after its first read. */
async function follow(opts: { delayMs?: number; unfinishedMs?: number } = {}) {
  const told: DirectoryUpdate[] = [];
  stops.push(followDirectory(db, (u) => told.push(u), { delayMs: 20, ...opts }));
  await sleep(30); // its first read sets the starting point
  return told;
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('not told');
    await sleep(10);
  }
}

function entity(id: string, name = `Spółdzielnia ${id}`): Entity {
  return {
    id, name, legalForm: 'spoldzielnia_socjalna', address: { city: 'Lublin' }, domains: [], websites: [], emails: [],
    phones: [], categories: [], certificates: [], pkd: [], sources: [{ url: 'test:', seenAt: '2026-01-01T00:00:00Z' }],
    origin: 'import', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  } as unknown as Entity;
}

const draft = (name: string) => ({ ...draftOf(entity('x', name)), city: 'Lublin', name });

describe('followDirectory', () => {
  it('tells a follower which entities each write command touched, without the writer telling anyone', async () => {
    const told = await follow();
    const added = await addOwnEntity(db, draft('Spółdzielnia Socjalna Razem'));
    if (!added.ok) throw new Error(added.reason);
    const id = added.entity.id;
    await until(() => told.length === 1);
    expect(told[0]).toMatchObject({ changed: [id] });
    expect(told[0].to).toBe(told[0].from + 1);

    const edited = await updateOwnEntity(db, id, draft('Spółdzielnia Socjalna Razem II'));
    expect(edited.ok).toBe(true);
    await until(() => told.length === 2);
    expect(told[1]).toMatchObject({ from: told[0].to, changed: [id] });

    await deleteOwnEntity(db, id);
    await until(() => told.length === 3);
    expect(told[2].changed).toEqual([id]);
  });

  it('tells a burst of writes once, with every id', async () => {
    const told = await follow({ delayMs: 100 });
    await putEntities(db, [entity('a')]);
    await putEntities(db, [entity('b')]);
    await addCandidate(db, entity('c', 'Fundacja Nowa'), { url: 'https://nowa.pl/', domain: 'nowa.pl' });
    await until(() => told.length === 1);
    await sleep(150);
    expect(told).toHaveLength(1);
    expect([...(told[0].changed as string[])].sort()).toEqual(['a', 'b', 'c']);
    expect(told[0].to - told[0].from).toBe(3);
  });

  it('says "bulk" when the ids are not known', async () => {
    await putEntities(db, [entity('a'), entity('b')]);
    const told = await follow();
    await deleteDirectory(db);
    await until(() => told.length === 1);
    expect(told[0].changed).toBe('bulk');
  });

  it('waits for the last chunk of an import, then tells it once', async () => {
    const told = await follow({ delayMs: 10 });
    const rows = Array.from({ length: 5 }, (_, i) => entity(`e${i}`));
    const plan = { toWrite: rows, counts: { added: 5, merged: 0, unchanged: 0, rejected: 0 }, rejected: [] } as unknown as ImportPlan;
    let chunks = 0;
    // Each chunk is followed by a pause five times the follower's quiet time (a slow machine).
    const onProgress = () => {
      chunks++;
      const end = Date.now() + 50;
      while (Date.now() < end) { /* busy: the next chunk starts late */ }
    };
    await importPlan(db, plan, { fileName: 'a.csv', format: 'csv', chunkSize: 2, onProgress });
    expect(chunks).toBe(3);
    const log = await readDirectoryChanges(db);
    expect(log.slice(-3).map((c) => !!c.continues)).toEqual([true, true, false]);
    await until(() => told.length === 1);
    expect([...(told[0].changed as string[])].sort()).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(told[0].to - told[0].from).toBe(3);
    await sleep(50);
    expect(told).toHaveLength(1);
  });

  it('a write marked as continuing that never ends is told after the wait for unfinished writes', async () => {
    const told = await follow({ delayMs: 10, unfinishedMs: 200 });
    await db.transaction('rw', db.settings, () => bumpDirectoryRevision(db, ['a'], { continues: true }));
    await sleep(100);
    expect(told).toHaveLength(0);
    await until(() => told.length === 1);
    expect(told[0].changed).toEqual(['a']);
  });

  it('stops when asked', async () => {
    const told: DirectoryUpdate[] = [];
    const stop = followDirectory(db, (u) => told.push(u), { delayMs: 10 });
    await sleep(30);
    stop();
    await putEntities(db, [entity('a')]);
    await sleep(80);
    expect(told).toEqual([]);
  });
});

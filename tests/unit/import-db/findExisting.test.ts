// findByKeys answers from the `keys` index one query per key when a file asks about a small
// part of the directory, and by reading the whole table once when it asks about a good share of
// it. Both ways must give the same answers: first key that hits, in key order; a key stored on two
// entities answers the lower id.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { putEntities } from '../../../shared/db/commands/directory.ts';
import { findByKeys } from '../../../shared/db/queries.ts';
import { buildEntity } from '../../../shared/model/entity.ts';
import { matchKeys } from '../../../shared/model/merge.ts';
import type { Entity } from '../../../shared/model/types.ts';

const source = { url: 'file:test.csv', seenAt: '2026-11-01' };
const now = '2026-11-01T10:00:00.000Z';

function entity(fields: { name: string; krs?: string; nip?: string; city: string }): Entity {
  const built = buildEntity(fields, source, now);
  if (!built.ok) throw new Error(built.reason);
  return built.entity;
}

const krs = (i: number) => String(i).padStart(10, '0');

let db: RadarDB;
beforeEach(async () => {
  db = new RadarDB(`find-${Math.random()}`);
  const stored = Array.from({ length: 300 }, (_, i) => entity({ name: `Spółdzielnia Socjalna Nr ${i + 1}`, krs: krs(i + 1), city: 'Kraków' }));
  // Two foundations of one name in one town (one name key), told apart by their NIPs (both valid).
  stored.push(entity({ name: 'Fundacja Łąka', nip: '9291928963', city: 'Łódź' }), entity({ name: 'Fundacja Łąka', nip: '5261040828', city: 'Łódź' }));
  await putEntities(db, stored);
});
afterEach(async () => {
  await db.delete();
});

// Rows as a file would ask: [expected krs or nip of the answer, the row's keys].
const ROWS: [string | undefined, string[]][] = [
  [krs(5), [`krs:${krs(5)}`, matchKeys({ name: 'Spółdzielnia Socjalna Nr 7', address: { city: 'Kraków' } })[0]]], // krs first
  [krs(7), [`krs:${krs(999)}`, matchKeys({ name: 'SPÓŁDZIELNIA SOCJALNA NR 7', address: { city: 'Kraków' } })[0]]], // by name
  [undefined, [`krs:${krs(998)}`, 'nip:1111111111']],
  ['5261040828', matchKeys({ name: 'Fundacja Łąka', address: { city: 'Łódź' } })], // lower id: nip:5261… < nip:9291…
  ['9291928963', ['nip:9291928963']],
  [undefined, []],
];
const answer = (e: Entity | undefined) => e?.krs ?? e?.nip;

describe('findByKeys', () => {
  it('answers a few rows with one query per key', async () => {
    const readAll = vi.spyOn(db.entities, 'toArray');
    const found = await findByKeys(db, ROWS.map(([, keys]) => keys));
    expect(readAll).not.toHaveBeenCalled();
    expect(found.map(answer)).toEqual(ROWS.map(([expected]) => expected));
  });

  it('answers many rows by reading the directory once, with the same answers', async () => {
    const unknown = Array.from({ length: 150 }, (_, i) => [`krs:${krs(5000 + i)}`]);
    const readAll = vi.spyOn(db.entities, 'toArray');
    const found = await findByKeys(db, [...ROWS.map(([, keys]) => keys), ...unknown]);
    expect(readAll).toHaveBeenCalledTimes(1);
    expect(found.slice(0, ROWS.length).map(answer)).toEqual(ROWS.map(([expected]) => expected));
    expect(found.slice(ROWS.length).every((e) => e === undefined)).toBe(true);
  });
});

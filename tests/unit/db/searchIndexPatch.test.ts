// The directory's change log and the cached search index patched from it: a few entities written
// elsewhere (the popup, another tab) re-index only those; a bulk change makes the caller rebuild.
import { beforeEach, describe, expect, it } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { addOwnEntity, deleteOwnEntity, draftOf, updateOwnEntity } from '../../../shared/db/commands/entities.ts';
import { deleteDirectory, loadDefaultDirectoryOnce, putEntities } from '../../../shared/db/commands/directory.ts';
import { addCandidate } from '../../../shared/db/commands/flags.ts';
import {
  patchCachedSearchIndex,
  readCachedSearchIndex,
  SEARCH_INDEX_KEY,
  storeSearchIndex,
  toSearchDoc,
} from '../../../shared/db/commands/searchIndex.ts';
import {
  bumpDirectoryRevision,
  changedBetween,
  changedIdsBetween,
  changeIdsKey,
  MAX_CHANGED_IDS,
  MAX_STORED_IDS,
  readDirectoryChanges,
  readDirectoryRevision,
} from '../../../shared/db/directoryLog.ts';
import { SearchIndex } from '../../../shared/search/search-index.ts';
import { buildDefaultPack } from '../../../scripts/defaultPack.ts';
import { readPack } from '../../../shared/io/import/pack.ts';
import type { Entity } from '../../../shared/model/types.ts';
import { generateEntities } from '../../../bench/synthetic.ts';

let db: RadarDB;
let pack: Entity[];
beforeEach(async () => {
  db = new RadarDB(`patch-${Math.random()}`);
  await db.open();
  pack ??= readPack(await buildDefaultPack()).entities;
  await loadDefaultDirectoryOnce(db, async () => pack);
});

/** What the search worker does on a full rebuild: every entity indexed, cached with its revision. */
async function cacheFullIndex(): Promise<void> {
  const revision = await readDirectoryRevision(db);
  const docs = (await db.entities.toArray()).map(toSearchDoc);
  expect(await storeSearchIndex(db, revision, SearchIndex.build(docs).serialize())).toBe(true);
}

async function freshIndex(): Promise<SearchIndex> {
  return SearchIndex.build((await db.entities.toArray()).map(toSearchDoc));
}

const QUERIES = ['Pracownia Pod Lipą', 'pod lipa zielona gora', 'spoldzielnia socjalna', 'catering krakow', 'Łęczna', '9291928963', 'Kuźnia'];

describe('the change log', () => {
  it('names the entities of each revision, and only a bulk change leaves them unknown', async () => {
    const start = await readDirectoryRevision(db);
    // The default directory's entities were one change of known ids.
    expect((await readDirectoryChanges(db)).at(-1)).toEqual({ revision: start, ids: pack.map((e) => e.id) });
    await db.transaction('rw', db.settings, () => bumpDirectoryRevision(db, ['a', 'b', 'a']));
    const many = Array.from({ length: MAX_CHANGED_IDS + 1 }, (_, i) => `x${i}`);
    await db.transaction('rw', db.settings, () => bumpDirectoryRevision(db, many));
    await db.transaction('rw', db.settings, () => bumpDirectoryRevision(db));
    expect((await readDirectoryChanges(db)).slice(-3)).toEqual([
      { revision: start + 1, ids: ['a', 'b'] },
      // Too many for the log row: kept in a row of their own.
      { revision: start + 2, stored: many.length },
      { revision: start + 3 },
    ]);
    expect((await db.settings.get(changeIdsKey(start + 2)))?.value).toEqual(many);
    const log = await readDirectoryChanges(db);
    expect(changedBetween(log, start, start + 2)).toBeUndefined(); // followers are told of a bulk change
    expect(await changedIdsBetween(db, log, start, start + 2, MAX_STORED_IDS)).toEqual(['a', 'b', ...many]);
    expect(await changedIdsBetween(db, log, start, start + 2, many.length)).toBeUndefined(); // more than asked for
    expect(await changedIdsBetween(db, log, start, start + 3, MAX_STORED_IDS)).toBeUndefined(); // across a bulk change
  });

  it('keeps no ids of a change larger than MAX_STORED_IDS, and drops a stored row with its change', async () => {
    const start = await readDirectoryRevision(db);
    const huge = Array.from({ length: MAX_STORED_IDS + 1 }, (_, i) => `h${i}`);
    await db.transaction('rw', db.settings, () => bumpDirectoryRevision(db, huge));
    expect((await readDirectoryChanges(db)).at(-1)).toEqual({ revision: start + 1 });
    expect(await db.settings.get(changeIdsKey(start + 1))).toBeUndefined();
    const many = Array.from({ length: MAX_CHANGED_IDS + 5 }, (_, i) => `m${i}`);
    await db.transaction('rw', db.settings, () => bumpDirectoryRevision(db, many, { continues: true }));
    expect((await readDirectoryChanges(db)).at(-1)).toEqual({ revision: start + 2, stored: many.length, continues: true });
    for (let i = 0; i < 100; i++) await db.transaction('rw', db.settings, () => bumpDirectoryRevision(db, [`e${i}`]));
    expect((await readDirectoryChanges(db))[0].revision).toBe(start + 3);
    expect(await db.settings.get(changeIdsKey(start + 2))).toBeUndefined();
  });

  it('keeps the latest hundred changes', async () => {
    const start = await readDirectoryRevision(db);
    for (let i = 0; i < 120; i++) await db.transaction('rw', db.settings, () => bumpDirectoryRevision(db, [`e${i}`]));
    const log = await readDirectoryChanges(db);
    expect(log).toHaveLength(100);
    expect(log[0]).toEqual({ revision: start + 21, ids: ['e20'] });
    expect(changedBetween(log, start + 20, start + 23)).toEqual(['e20', 'e21', 'e22']);
    // Revisions fallen out of the log cannot be patched over.
    expect(changedBetween(log, start + 10, start + 23)).toBeUndefined();
  });

  it('answers the union of the ids between two revisions, or undefined across a bulk change', () => {
    const log = [
      { revision: 3, ids: ['a'] },
      { revision: 4, ids: ['b', 'a'] },
      { revision: 5 },
      { revision: 6, ids: ['c'] },
    ];
    expect(changedBetween(log, 2, 4)).toEqual(['a', 'b']);
    expect(changedBetween(log, 4, 4)).toEqual([]);
    expect(changedBetween(log, 4, 6)).toBeUndefined();
    expect(changedBetween(log, 5, 6)).toEqual(['c']);
    expect(changedBetween(log, 6, 7)).toBeUndefined();
    expect(changedBetween(log, 6, 5)).toBeUndefined();
  });
});

describe('patching the cached search index', () => {
  it('re-indexes the entities added, edited and deleted since: the same answers as a full rebuild', async () => {
    await cacheFullIndex();
    const { cached: before } = await readCachedSearchIndex(db);
    const own = await addOwnEntity(db, { name: 'Pracownia Pod Lipą', city: 'Zielona Góra', offer: 'catering, szycie' });
    if (!own.ok) throw new Error(own.reason);
    const gone = await addOwnEntity(db, { name: 'Kuźnia Smaków', city: 'Kraków' });
    if (!gone.ok) throw new Error(gone.reason);
    const edited = await updateOwnEntity(db, own.entity.id, { ...draftOf(own.entity), city: 'Kraków' });
    expect(edited.ok).toBe(true);
    await deleteOwnEntity(db, gone.entity.id);
    await addCandidate(db, { ...pack[0], id: 'name:kandydat', name: 'Kandydat z Łęcznej', krs: undefined, nip: undefined, regon: undefined }, { url: 'https://example.pl/' });

    // Given the cache it read before the changes (as the worker does), or reading it itself: the same.
    const fromGiven = await patchCachedSearchIndex(db, before);
    await db.blobs.put({ key: SEARCH_INDEX_KEY, revision: before!.revision, value: before!.buffer });
    const patched = await patchCachedSearchIndex(db);
    expect(new Uint8Array(fromGiven!.buffer)).toEqual(new Uint8Array(patched!.buffer));
    expect(patched?.revision).toBe(await readDirectoryRevision(db));
    const index = SearchIndex.deserialize(patched!.buffer);
    const full = await freshIndex();
    expect(index.size).toBe(full.size);
    for (const q of QUERIES) expect(index.search(q, { limit: 10 }).ids, q).toEqual(full.search(q, { limit: 10 }).ids);
    expect(index.search('pod lipa krakow', { limit: 1 }).ids).toEqual([own.entity.id]);
    expect(index.has(gone.entity.id)).toBe(false);
    expect(index.has('name:kandydat')).toBe(true);
    // Stored as the cache of the current revision: the next start loads it as it is.
    const { revision, cached } = await readCachedSearchIndex(db);
    expect(cached?.revision).toBe(revision);
    expect(await patchCachedSearchIndex(db)).toBeUndefined();
  });

  it('re-indexes an import-sized change (ids kept in their own rows) in one batch: the same answers as a full rebuild', async () => {
    // A directory large enough that 3,000 changed entities are under half of it.
    const base = generateEntities(7000, 3);
    for (let i = 0; i < base.length; i += 3500) await putEntities(db, base.slice(i, i + 3500));
    await cacheFullIndex();
    // Two chunks of 1,500 (as an import writes them), some of them entities already there (merged).
    const written: Entity[] = Array.from({ length: 3000 }, (_, i) => ({
      ...pack[i % pack.length],
      id: i < 40 ? pack[i].id : `name:bulk${i}`,
      name: i < 40 ? `${pack[i].name} Nowa` : `Spółdzielnia Zbiorcza ${i}`,
      address: { ...pack[i % pack.length].address, city: i % 2 ? 'Łęczna' : 'Kraków' },
      krs: undefined, nip: undefined, regon: undefined,
    }));
    await putEntities(db, written.slice(0, 1500));
    await putEntities(db, written.slice(1500));
    expect((await readDirectoryChanges(db)).slice(-2).map((c) => c.stored)).toEqual([1500, 1500]);
    const patched = await patchCachedSearchIndex(db);
    expect(patched?.revision).toBe(await readDirectoryRevision(db));
    const index = SearchIndex.deserialize(patched!.buffer);
    const full = await freshIndex();
    expect(index.size).toBe(full.size);
    for (const q of [...QUERIES, 'zbiorcza 2999', 'nowa', 'leczna', '']) {
      expect(index.search(q, { limit: 20 }), q).toEqual(full.search(q, { limit: 20 }));
      expect(index.facets(q, {}), q).toEqual(full.facets(q, {}));
    }
    // A cache may be patched over at most `maxChanged` entities: the caller rebuilds past that.
    await cacheFullIndex();
    await putEntities(db, written.slice(0, 1500).map((e) => ({ ...e, offer: 'szycie' })));
    expect(await patchCachedSearchIndex(db, undefined, { maxChanged: 1499 })).toBeUndefined();
    expect(await patchCachedSearchIndex(db)).toBeDefined();
  });

  it('leaves a rebuild to the caller after a bulk change, without a cache, or with a cache it cannot read', async () => {
    expect(await patchCachedSearchIndex(db)).toBeUndefined(); // nothing cached yet
    await cacheFullIndex();
    await deleteDirectory(db);
    expect(await patchCachedSearchIndex(db)).toBeUndefined();

    await putEntities(db, pack.slice(0, 3));
    const revision = await readDirectoryRevision(db);
    await storeSearchIndex(db, revision, new Uint8Array([1, 2, 3]).buffer);
    await addOwnEntity(db, { name: 'Pracownia Pod Lipą', city: 'Zielona Góra' });
    expect(await patchCachedSearchIndex(db)).toBeUndefined();
  });
});

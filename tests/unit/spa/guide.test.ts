// Bulk commands (a selection: list, stage, tag, with what undo needs) and the "About the data"
// coverage, against a real Dexie store (fake-indexeddb) holding the real default directory.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { loadDefaultDirectoryOnce } from '../../../shared/db/commands/directory.ts';
import { addManyToList, addTagMany, createListWith, removeManyFromList, restoreSaved, setStageMany } from '../../../shared/db/commands/bulk.ts';
import { saveEntity } from '../../../shared/db/commands/saved.ts';
import { addOwnEntity } from '../../../shared/db/commands/entities.ts';
import { keepCoverage, readKeptCoverage } from '../../../shared/db/commands/coverage.ts';
import { computeCoverage, MAX_SOURCES, sourceGroup } from '../../../shared/db/coverage.ts';
import { buildDefaultPack } from '../../../scripts/defaultPack.ts';
import { readPack } from '../../../shared/io/import/pack.ts';
import type { Entity } from '../../../shared/model/types.ts';
import { SAMPLE } from '../model/sample.ts';

let pack: Entity[];
let db: RadarDB;
beforeAll(async () => {
  pack = readPack(await buildDefaultPack()).entities;
});
beforeEach(async () => {
  db = new RadarDB(`guide-${Math.random()}`);
  await db.open();
  await loadDefaultDirectoryOnce(db, async () => pack);
});

describe('bulk commands', () => {
  it('put a selection on a new list or an existing one, undoing exactly what was added', async () => {
    const ids = pack.slice(0, 5).map((e) => e.id);
    const list = await createListWith(db, '  Przetarg 2027 ', ids.slice(0, 2));
    expect(list.name).toBe('Przetarg 2027');
    const { added } = await addManyToList(db, list.id, [...ids, ids[0]]);
    expect(added).toEqual(ids.slice(2)); // the two already on it are not "added"
    expect(await db.listMembers.where('listId').equals(list.id).count()).toBe(5);
    await removeManyFromList(db, list.id, added);
    expect((await db.listMembers.where('listId').equals(list.id).primaryKeys()).map((k) => k[1]).sort()).toEqual(ids.slice(0, 2).sort());
    await expect(createListWith(db, ' ', ids)).rejects.toThrow(/name/);
    await expect(addManyToList(db, 'list_missing', ids)).rejects.toThrow(/Unknown list/);
  });

  it('set a stage and add a tag, saving the unsaved; undo restores each record as it was or un-saves it', async () => {
    const [a, b, c] = pack.slice(0, 3).map((e) => e.id);
    const before = await saveEntity(db, a, { status: 'in_talks', tags: ['catering'], rating: 4 });
    const stage = await setStageMany(db, [a, b, c], 'contacted');
    expect(stage.map((s) => s.saved?.status)).toEqual(['in_talks', undefined, undefined]);
    expect((await db.saved.bulkGet([a, b, c])).map((s) => s?.status)).toEqual(['contacted', 'contacted', 'contacted']);
    expect((await db.saved.get(a))?.rating).toBe(4); // the rest of a saved record stays
    const tag = await addTagMany(db, [a, b], ' wigilia ');
    expect((await db.saved.get(a))?.tags).toEqual(['catering', 'wigilia']);
    expect((await db.saved.get(b))?.tags).toEqual(['wigilia']);
    await addTagMany(db, [a], 'wigilia');
    expect((await db.saved.get(a))?.tags).toEqual(['catering', 'wigilia']); // once
    await restoreSaved(db, tag);
    expect((await db.saved.get(a))?.tags).toEqual(['catering']);
    await restoreSaved(db, stage);
    expect(await db.saved.get(a)).toEqual(before);
    expect(await db.saved.bulkGet([b, c])).toEqual([undefined, undefined]);
    await expect(setStageMany(db, [a, 'krs:0000000000'], 'supplier')).rejects.toThrow(/Unknown entities/);
    expect((await db.saved.get(a))?.status).toBe('in_talks'); // one transaction: nothing half done
    await expect(addTagMany(db, [a], '  ')).rejects.toThrow(/blank/);
  });
});

describe('About the data', () => {
  it('counts coverage by voivodeship and legal form as the CSV has it, and the sources behind every entity', async () => {
    const cov = await computeCoverage(db, new Date('2026-12-04T12:00:00Z'));
    const hasContact = (r: Record<string, string>) => Boolean(r.email || r.phone);
    const hasIds = (r: Record<string, string>) => Boolean(r.nip || r.krs || r.regon);
    expect(cov.total).toEqual({ entities: SAMPLE.length, withContact: SAMPLE.filter(hasContact).length, withIds: SAMPLE.filter(hasIds).length, verifiedLastYear: 0 });
    for (const v of new Set(SAMPLE.map((r) => r.voivodeship))) {
      const rows = SAMPLE.filter((r) => r.voivodeship === v);
      expect(cov.byVoivodeship.find((g) => g.key === v), v).toMatchObject({ entities: rows.length, withContact: rows.filter(hasContact).length });
    }
    for (const f of new Set(SAMPLE.map((r) => r.legal_form))) {
      expect(cov.byLegalForm.find((g) => g.key === f)?.entities, f).toBe(SAMPLE.filter((r) => r.legal_form === f).length);
    }
    expect(cov.sources[0]).toMatchObject({ key: 'default', kind: 'default', entities: SAMPLE.length });
    expect(cov.sources.length).toBeLessThanOrEqual(MAX_SOURCES);
    // Entities citing a host of the sample's source_urls, counted independently.
    const host = 'rops-bialystok.pl';
    const citing = SAMPLE.filter((r) => r.source_urls.split(/\s+/).some((u) => /^https?:\/\/(www\.)?rops-bialystok\.pl[/:?#]?/i.test(u))).length;
    expect(cov.sources.find((s) => s.key === host)?.entities).toBe(citing);
  });

  it('counts a register check of the last year and the user’s own entries; kept figures are tagged with their revision', async () => {
    const own = await addOwnEntity(db, { name: 'Pracownia Testowa', city: 'Opole', voivodeship: 'opolskie', email: 'biuro@pracownia-testowa.pl' });
    if (!own.ok) throw new Error('not added');
    const id = pack[0].id;
    const e = (await db.entities.get(id))!;
    await db.entities.put({ ...e, verifiedAt: '2026-06-01T10:00:00.000Z' }); // as a register check leaves it
    const cov = await computeCoverage(db, new Date('2026-12-04T12:00:00Z'));
    expect(cov.total.entities).toBe(SAMPLE.length + 1);
    expect(cov.total.verifiedLastYear).toBe(1);
    expect(cov.sources.find((s) => s.kind === 'user')?.entities).toBe(1);
    expect(cov.byVoivodeship.find((g) => g.key === 'opolskie')?.withContact).toBe(SAMPLE.filter((r) => r.voivodeship === 'opolskie' && (r.email || r.phone)).length + 1);
    const later = await computeCoverage(db, new Date('2027-07-01T12:00:00Z'));
    expect(later.total.verifiedLastYear).toBe(0); // more than a year ago by then
    await keepCoverage(db, cov);
    await keepCoverage(db, { ...cov, revision: cov.revision - 1 }); // an older pass never replaces a newer one
    expect((await readKeptCoverage(db))?.revision).toBe(cov.revision);
  });

  it('groups sources by site, file, register and repository', () => {
    expect(sourceGroup({ url: 'https://www.Rops-Bialystok.pl/a?b', seenAt: '2026-01-01' })).toEqual({ key: 'rops-bialystok.pl', kind: 'web', link: 'https://rops-bialystok.pl/' });
    expect(sourceGroup({ url: 'https://api-krs.ms.gov.pl/api/krs/OdpisAktualny/0000700353', seenAt: '2026-01-01' }).kind).toBe('register');
    expect(sourceGroup({ url: 'file:lista-owes.csv', seenAt: '2026-01-01' })).toEqual({ key: 'file:lista-owes.csv', kind: 'file' });
    expect(sourceGroup({ url: 'github:owner/repo:data/list.csv@abc1234', seenAt: '2026-01-01' })).toMatchObject({ key: 'github:owner/repo', kind: 'repository' });
    expect(sourceGroup({ url: 'javascript:alert(1)', seenAt: '2026-01-01' })).toEqual({ key: 'javascript', kind: 'other' }); // no link
  });
});

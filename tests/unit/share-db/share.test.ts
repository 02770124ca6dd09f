// The database side of sharing: what an export reads, the snapshot an import preview compares with,
// and the one transaction that writes a confirmed import — checked against a real (fake) IndexedDB.
import { afterEach, describe, expect, it } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { putEntities } from '../../../shared/db/commands/directory.ts';
import { readDirectoryRevision } from '../../../shared/db/directoryLog.ts';
import {
  gatherEntitiesExport,
  gatherListExport,
  isEmptyImport,
  loadMyDataFor,
  writeListImport,
} from '../../../shared/db/commands/share.ts';
import { applyChoices, previewListImport, type Choices } from '../../../shared/io/share/importPreview.ts';
import { readListPackage, writeListPackage } from '../../../shared/io/share/listPackage.ts';
import type { Entity } from '../../../shared/model/types.ts';
import { sampleEntities } from '../io-share/fixtures.ts';

const open: RadarDB[] = [];
function freshDb(): RadarDB {
  const db = new RadarDB(`share-${Math.random()}`);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const T0 = '2026-11-20T10:00:00.000Z';

/** A user's own entity: no identifiers, so its id is a `name:` hash and matching goes by name + town. */
function ownEntity(): Entity {
  return {
    id: 'name:own-bakery',
    name: 'Piekarnia „Pod Kłosem” — nasza',
    legalForm: 'inna',
    address: { city: 'Wadowice', street: 'ul. Lwowska 3' },
    domains: [],
    websites: [],
    emails: ['piekarnia@example.pl'],
    phones: ['+48331234567'],
    categories: ['catering'],
    sources: [{ url: 'user:', seenAt: T0 }],
    origin: 'user',
    createdAt: T0,
    updatedAt: T0,
  };
}

/** Profile A: a directory of 5 sample entities, a list of 3 of them plus my own entity, with my notes. */
async function profileA(): Promise<{ db: RadarDB; listId: string; members: Entity[] }> {
  const db = freshDb();
  const directory = sampleEntities().slice(0, 5);
  await putEntities(db, [...directory, ownEntity()]);
  const members = [directory[2], directory[0], ownEntity(), directory[4]];
  await db.lists.put({ id: 'list_a', name: 'Catering — Kraków', description: 'Na targi', createdAt: T0, updatedAt: T0 });
  await db.listMembers.bulkPut(members.map((e, i) => ({ listId: 'list_a', entityId: e.id, addedAt: `2026-11-20T10:0${i}:00.000Z` })));
  await db.persons.bulkPut([
    { id: 'person_a1', entityId: directory[0].id, name: 'Anna Nowak', role: 'Prezeska', email: 'anna@example.pl', createdAt: T0, updatedAt: T0 },
    { id: 'person_a2', entityId: 'name:own-bakery', name: 'Jan Kłos', phone: '+48600100200', createdAt: T0, updatedAt: T0 },
    // A person of an entity that is not on the list never leaves with it.
    { id: 'person_a3', entityId: directory[1].id, name: 'Ewa Obca', createdAt: T0, updatedAt: T0 },
  ]);
  await db.notes.put({ id: 'note_a1', entityId: directory[0].id, text: 'Obiady dla 80 osób bez problemu', createdAt: T0, updatedAt: T0 });
  await db.saved.put({ entityId: directory[2].id, status: 'supplier', tags: ['obiady'], followUpAt: '2026-12-01', createdAt: T0, updatedAt: T0 });
  await db.interactions.put({ id: 'interaction_a1', entityId: directory[0].id, channel: 'phone', at: T0, summary: 'Umówione spotkanie' });
  return { db, listId: 'list_a', members };
}

/** Profile B: a fresh store with the same directory (the default pack), nothing of mine. */
async function profileB(): Promise<RadarDB> {
  const db = freshDb();
  await putEntities(db, sampleEntities().slice(0, 5));
  return db;
}

async function exportList(db: RadarDB, listId: string, includePrivate: boolean, exportedAt = T0): Promise<string> {
  const data = (await gatherListExport(db, listId))!;
  return writeListPackage({ ...data, includePrivate, exporter: { name: 'Jan Kowalski', company: 'Firma' }, exportedAt });
}

async function importText(db: RadarDB, text: string, choices: Choices = 'mine', now = '2026-11-21T08:00:00.000Z') {
  const pkg = readListPackage(text);
  const preview = previewListImport(pkg, await loadMyDataFor(db, pkg), { now });
  const writes = applyChoices(preview, choices);
  const empty = isEmptyImport(writes, preview.sameList);
  if (!empty) {
    await writeListImport(db, writes, {
      fileName: 'x.radar-es.json',
      format: 'list-package',
      added: preview.newEntities.length,
      merged: preview.merges.length,
      unchanged: preview.unchanged,
    });
  }
  return { preview, writes, empty };
}

async function listContent(db: RadarDB, listId: string) {
  const data = (await gatherListExport(db, listId))!;
  // Members imported together share one addedAt, so the list's order is not part of its content.
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  data.entities.sort(byName);
  data.persons.sort(byName);
  return {
    name: data.list.name,
    entities: data.entities.map((e) => ({ name: e.name, city: e.address.city, phones: e.phones, emails: e.emails, krs: e.krs })),
    persons: data.persons.map((p) => ({ entity: data.entities.find((e) => e.id === p.entityId)!.name, name: p.name, role: p.role, email: p.email, phone: p.phone })),
    notes: data.notes.map((n) => n.text),
  };
}

describe('gathering an export', () => {
  it('reads a list in member order with only its entities persons, notes, statuses and contacts', async () => {
    const { db, listId, members } = await profileA();
    const data = (await gatherListExport(db, listId))!;
    expect(data.list).toEqual({ name: 'Catering — Kraków', description: 'Na targi' });
    expect(data.entities.map((e) => e.id)).toEqual(members.map((e) => e.id));
    expect(data.persons.map((p) => p.name)).toEqual(['Anna Nowak', 'Jan Kłos']);
    expect(data.notes).toHaveLength(1);
    expect(data.saved.map((s) => s.status)).toEqual(['supplier']);
    expect(data.interactions).toHaveLength(1);
    // The local `keys` index is the store's business: the package writer drops it.
    expect(JSON.parse(writeListPackage({ ...data, includePrivate: false, exportedAt: T0 })).entities[0].keys).toBeUndefined();
  });

  it('skips members whose entity was deleted, and answers undefined for a list that is gone', async () => {
    const { db, listId, members } = await profileA();
    await db.entities.delete(members[1].id);
    const data = (await gatherListExport(db, listId))!;
    expect(data.entities.map((e) => e.id)).toEqual([members[0].id, members[2].id, members[3].id]);
    expect(data.persons.map((p) => p.name)).toEqual(['Jan Kłos']);
    expect(await gatherListExport(db, 'list_missing')).toBeUndefined();
  });

  it('exports a selection of entities under the given name', async () => {
    const { db, members } = await profileA();
    const data = await gatherEntitiesExport(db, [members[2].id, members[2].id], 'Zapisani');
    expect(data.list.name).toBe('Zapisani');
    expect(data.entities.map((e) => e.name)).toEqual([members[2].name]);
    expect(data.persons.map((p) => p.name)).toEqual(['Jan Kłos']);
  });
});

describe('importing a list package into another store', () => {
  it('round trip: the imported list equals the exported one; private data only when included', async () => {
    const a = await profileA();
    const b = await profileB();
    const revision = await readDirectoryRevision(b);

    const { preview } = await importText(b, await exportList(a.db, a.listId, false));
    // 3 of the 4 entities are in B's directory already; my own entity is new to B.
    expect(preview.newEntities.map((e) => e.name)).toEqual([ownEntity().name]);
    expect(preview.unchanged).toBe(3);
    const list = (await b.lists.toArray())[0];
    expect(list.sharedBy).toEqual({ name: 'Jan Kowalski', company: 'Firma', exportedAt: T0, importedAt: '2026-11-21T08:00:00.000Z' });
    const expected = await listContent(a.db, a.listId);
    expect(await listContent(b, list.id)).toEqual({ ...expected, notes: [] });
    // Passed on again from B, the list keeps the order A gave it.
    const names = async (db: RadarDB, id: string) => (await gatherListExport(db, id))!.entities.map((e) => e.name);
    expect(await names(b, list.id)).toEqual(await names(a.db, a.listId));
    expect(await b.saved.count()).toBe(0);
    expect(await b.interactions.count()).toBe(0);
    // A new entity was written: caches of the directory (search index) must rebuild.
    expect(await readDirectoryRevision(b)).toBeGreaterThan(revision);
    // The new entity is stored with its match keys, so a later import finds it by name + town.
    expect((await b.entities.get('name:own-bakery'))?.keys).toEqual(expect.arrayContaining([expect.stringMatching(/^name:/)]));
    expect((await b.imports.toArray()).map((r) => r.counts)).toEqual([{ added: 1, merged: 0, unchanged: 3, rejected: 0 }]);

    // A later export with my notes ticked: a second list, and their notes marked as theirs.
    await importText(b, await exportList(a.db, a.listId, true, '2026-11-22T10:00:00.000Z'));
    const lists = await b.lists.toArray();
    expect(lists.map((l) => l.name).sort()).toEqual(['Catering — Kraków', 'Catering — Kraków (2)']);
    const notes = await b.notes.toArray();
    expect(notes.map((n) => [n.text, n.sharedBy?.name])).toEqual([['Obiady dla 80 osób bez problemu', 'Jan Kowalski']]);
    const saved = await b.saved.toArray();
    expect(saved.map((s) => [s.status, s.followUpAt])).toEqual([['supplier', undefined]]);
    expect(await b.interactions.count()).toBe(1);
    // Nothing was duplicated by the second import.
    expect(await b.persons.count()).toBe(2);
    expect(await b.entities.count()).toBe(6);
  });

  it('importing the same file twice adds nothing', async () => {
    const a = await profileA();
    const b = await profileB();
    const text = await exportList(a.db, a.listId, true);
    await importText(b, text);
    const counts = async () => Promise.all([b.entities, b.lists, b.listMembers, b.persons, b.notes, b.saved, b.interactions, b.imports].map((t) => t.count()));
    const before = await counts();
    const second = await importText(b, text);
    expect(second.empty).toBe(true);
    expect(second.preview.newEntities).toEqual([]);
    expect(second.preview.merges).toEqual([]);
    expect(second.preview.sameList?.name).toBe('Catering — Kraków');
    expect(await counts()).toEqual(before);
  });

  it('a conflicting edit is offered as a conflict, and the choice is honoured', async () => {
    const a = await profileA();
    const target = a.members[0];
    const text = await exportList(a.db, a.listId, false);
    for (const choice of ['mine', 'theirs'] as const) {
      const b = await profileB();
      await b.entities.update(target.id, { offer: 'Moja wersja oferty', phones: ['+48124445566'] });
      const { preview } = await importText(b, text, { [`${target.id}.offer`]: choice });
      const merge = preview.merges.find((m) => m.existing.id === target.id)!;
      expect(merge.conflicts.map((c) => [c.field, c.mine, c.theirs])).toEqual([['offer', 'Moja wersja oferty', target.offer]]);
      const stored = (await b.entities.get(target.id))!;
      expect(stored.offer).toBe(choice === 'mine' ? 'Moja wersja oferty' : target.offer);
      // Phones are contact data: unioned, never a conflict.
      expect(stored.phones).toEqual(expect.arrayContaining(['+48124445566', ...target.phones]));
    }
  });

  it('finds my entity by the incoming id when its name changed since the id was made', async () => {
    const a = await profileA();
    const b = await profileB();
    await putEntities(b, [{ ...ownEntity(), name: 'Piekarnia Kłos (zmieniona nazwa)' }]);
    const { preview } = await importText(b, await exportList(a.db, a.listId, false), 'mine');
    expect(preview.newEntities).toEqual([]);
    expect(preview.merges.find((m) => m.existing.id === 'name:own-bakery')?.conflicts.map((c) => c.field)).toEqual(['name']);
    expect((await b.entities.get('name:own-bakery'))?.name).toBe('Piekarnia Kłos (zmieniona nazwa)');
    expect(await b.entities.count()).toBe(6);
  });

  it('writes all or nothing: a bad record rolls the whole import back', async () => {
    const a = await profileA();
    const b = await profileB();
    const pkg = readListPackage(await exportList(a.db, a.listId, true));
    const writes = applyChoices(previewListImport(pkg, await loadMyDataFor(b, pkg)), 'mine');
    // A record without its primary key fails inside the transaction, after entities and list were put.
    writes.interactions.push({ entityId: 'name:own-bakery' } as never);
    await expect(writeListImport(b, writes, { fileName: 'x', format: 'list-package', added: 1, merged: 0, unchanged: 3 })).rejects.toThrow();
    expect(await b.entities.count()).toBe(5);
    expect(await b.lists.count()).toBe(0);
    expect(await b.persons.count()).toBe(0);
    expect(await b.imports.count()).toBe(0);
  });

  it('never overwrites a list of mine that came from the same export (my rename stays)', async () => {
    const a = await profileA();
    const b = await profileB();
    const text = await exportList(a.db, a.listId, false);
    await importText(b, text);
    const [list] = await b.lists.toArray();
    await b.lists.update(list.id, { name: 'Moja nazwa' });
    await b.listMembers.delete([list.id, a.members[1].id]);
    const { preview, writes } = await importText(b, text);
    expect(preview.sameList?.id).toBe(list.id);
    expect(writes.members.map((m) => m.entityId)).toEqual([a.members[1].id]);
    expect((await b.lists.get(list.id))?.name).toBe('Moja nazwa');
    expect(await b.listMembers.where('listId').equals(list.id).count()).toBe(4);
  });
});

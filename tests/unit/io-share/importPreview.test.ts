import { beforeEach, describe, expect, test } from 'vitest';
import { applyChoices, previewListImport, type ListImportPreview } from '../../../shared/io/share/importPreview.ts';
import { readListPackage, writeListPackage, type ListPackage } from '../../../shared/io/share/listPackage.ts';
import type { Entity, Interaction, Note, Saved } from '../../../shared/model/types.ts';
import { MemoryStore, alternatywy, person, sampleEntities, seqId } from './fixtures.ts';

const EXPORTED_AT = '2026-11-20T12:00:00.000Z';
const NOW = '2026-11-21T08:00:00.000Z';
const LATER = '2026-11-22T08:00:00.000Z';
const exporter = { name: 'Jan Kowalski', company: 'Firma Sp. z o.o.' };

/** A package as it arrives: written by the sender's code, read back from the JSON text. */
function pkgOf(entities: Entity[], extra: Partial<Parameters<typeof writeListPackage>[0]> = {}): ListPackage {
  return readListPackage(
    writeListPackage({ list: { name: 'Catering — Kraków' }, entities, persons: [], exporter, includePrivate: false, exportedAt: EXPORTED_AT, ...extra }),
  );
}

const preview = (pkg: ListPackage, store: MemoryStore, now = NOW) => previewListImport(pkg, store.mine(), { now, newId: seqId });

/** What a user sees as content, without the bookkeeping dates an import sets. */
const content = (e: Entity) => ({ ...e, createdAt: undefined, updatedAt: undefined });

function expectNothingToDo(p: ListImportPreview, entityCount: number) {
  expect(p.newEntities).toHaveLength(0);
  expect(p.merges).toHaveLength(0);
  expect(p.unchanged).toBe(entityCount);
  expect(p.persons.new).toHaveLength(0);
  expect(p.persons.filled).toHaveLength(0);
  expect(p.notes.new).toHaveLength(0);
  expect(p.interactions.new).toHaveLength(0);
  expect(p.saved).toHaveLength(0);
  expect(p.statusConflicts).toHaveLength(0);
}

describe('import into an empty store, then again', () => {
  let store: MemoryStore;
  let entities: Entity[];
  let pkg: ListPackage;
  beforeEach(() => {
    store = new MemoryStore();
    entities = sampleEntities();
    const e0 = entities[0];
    const notes: Note[] = [{ id: 'note_a', entityId: e0.id, text: 'Obiady dla 80 osób bez problemu', createdAt: EXPORTED_AT, updatedAt: EXPORTED_AT }];
    const saved: Saved[] = [{ entityId: e0.id, status: 'supplier', tags: ['obiady'], followUpAt: '2026-12-01', createdAt: EXPORTED_AT, updatedAt: EXPORTED_AT }];
    const interactions: Interaction[] = [{ id: 'int_a', entityId: e0.id, channel: 'phone', at: EXPORTED_AT, summary: 'Zamówienie na grudzień' }];
    pkg = pkgOf(entities, {
      persons: [person(e0.id, 'Anna Nowak', { email: 'anna@example.pl' }), person(entities[1].id, 'Piotr Wiśniewski')],
      includePrivate: true,
      notes,
      saved,
      interactions,
    });
  });

  test('everything is new; applying writes entities equal in content and a list shared by the exporter', () => {
    const p = preview(pkg, store);
    expect(p.newEntities).toHaveLength(entities.length);
    expect(p.merges).toHaveLength(0);
    expect(p.unchanged).toBe(0);
    expect(p.persons.new.map((x) => x.name)).toEqual(['Anna Nowak', 'Piotr Wiśniewski']);
    expect(p.listName).toBe('Catering — Kraków');
    const w = applyChoices(p, 'mine');
    store.write(w);
    expect(store.entities.map(content)).toEqual(entities.map(content));
    expect(w.list.sharedBy).toEqual({ ...exporter, exportedAt: EXPORTED_AT, importedAt: NOW });
    expect(w.members.map((m) => m.entityId)).toEqual(entities.map((e) => e.id));
    // Their note and contact are added as theirs; their status is taken as I had none, without their reminder.
    expect(store.notes).toEqual([expect.objectContaining({ entityId: entities[0].id, text: 'Obiady dla 80 osób bez problemu', sharedBy: { ...exporter, exportedAt: EXPORTED_AT } })]);
    expect(store.interactions[0].sharedBy).toEqual({ ...exporter, exportedAt: EXPORTED_AT });
    expect(store.saved).toEqual([{ entityId: entities[0].id, status: 'supplier', tags: ['obiady'], createdAt: NOW, updatedAt: NOW }]);
  });

  test('importing the same package twice adds nothing and reuses the list', () => {
    store.write(applyChoices(preview(pkg, store), 'mine'));
    const before = JSON.stringify(store);
    const again = preview(pkg, store, LATER);
    expectNothingToDo(again, entities.length);
    expect(again.persons.existing).toBe(2);
    expect(again.notes.existing).toBe(1);
    expect(again.sameList?.id).toBe(store.lists[0].id);
    const w = applyChoices(again, 'theirs');
    expect(w.entities).toHaveLength(0);
    expect(w.members).toHaveLength(0);
    store.write(w);
    expect(JSON.stringify(store)).toBe(before);
  });

  test('a later export of the same list is a new list with a new name, but adds no duplicate data', () => {
    store.write(applyChoices(preview(pkg, store), 'mine'));
    const newer = { ...pkg, exportedAt: '2026-11-25T12:00:00.000Z' };
    const p = preview(newer, store, LATER);
    expectNothingToDo(p, entities.length);
    expect(p.sameList).toBeUndefined();
    expect(p.listName).toBe('Catering — Kraków (2)');
  });
});

describe('merging with what I already have', () => {
  test('a conflicting edit is offered as a conflict; mine is kept unless I take theirs', () => {
    const mineE = alternatywy();
    const store = new MemoryStore();
    store.entities.push(mineE);
    const theirs: Entity = {
      ...structuredClone(mineE),
      name: 'Spółdzielnia Socjalna Alternatywy',
      address: { ...mineE.address, street: 'ul. Fabryczna 23B' },
      phones: [...mineE.phones, '+48684567890'],
      sources: [{ url: 'https://alternatywy.example.pl/kontakt', seenAt: '2026-11-15' }],
      fieldSources: {},
    };
    const pkg = pkgOf([theirs]);
    const p = preview(pkg, store);
    expect(p.newEntities).toHaveLength(0);
    expect(p.merges).toHaveLength(1);
    expect(p.merges[0].conflicts).toEqual([
      { key: `${mineE.id}.name`, field: 'name', mine: mineE.name, theirs: 'Spółdzielnia Socjalna Alternatywy' },
      { key: `${mineE.id}.address.street`, field: 'address.street', mine: 'ul. Gen. W. Sikorskiego 15/4', theirs: 'ul. Fabryczna 23B' },
    ]);

    // 'mine' for all: my values stay, the new phone and source are still added (not conflicts).
    const keep = applyChoices(p, 'mine').entities[0];
    expect(keep.name).toBe(mineE.name);
    expect(keep.address.street).toBe(mineE.address.street);
    expect(keep.phones).toEqual([...mineE.phones, '+48684567890']);
    expect(keep.sources.map((s) => s.url)).toContain('https://alternatywy.example.pl/kontakt');
    expect(keep.fieldSources?.name).toBe(mineE.fieldSources?.name);

    // 'theirs' for all.
    const take = applyChoices(p, 'theirs').entities[0];
    expect(take.name).toBe('Spółdzielnia Socjalna Alternatywy');
    expect(take.address.street).toBe('ul. Fabryczna 23B');
    expect(take.id).toBe(mineE.id);

    // Per field: their street, my name; an undecided field stays mine.
    const mixed = applyChoices(p, { [`${mineE.id}.address.street`]: 'theirs' }).entities[0];
    expect(mixed.name).toBe(mineE.name);
    expect(mixed.address.street).toBe('ul. Fabryczna 23B');

    // After taking theirs, the same package has nothing left to offer.
    store.write(applyChoices(p, 'theirs'));
    const again = preview(pkg, store, LATER);
    expect(again.merges).toHaveLength(0);
    expect(again.unchanged).toBe(1);
  });

  test('an entity is matched by identifiers even under another id, and by folded name + town without them', () => {
    const mineE = alternatywy();
    const noIds: Entity = { ...sampleEntities().find((e) => !e.krs && !e.nip && !e.regon && e.address.city)! };
    const store = new MemoryStore();
    store.entities.push({ ...mineE, id: 'nip:9291928963' }, noIds);
    const theirs = [
      { ...mineE },
      { ...noIds, id: 'name:different', name: noIds.name.toUpperCase(), address: { city: noIds.address.city!.toUpperCase() } },
    ];
    const p = preview(pkgOf(theirs), store);
    expect(p.newEntities).toHaveLength(0);
    const w = applyChoices(p, 'mine');
    expect(w.members.map((m) => m.entityId)).toEqual(['nip:9291928963', noIds.id]);
  });

  test('persons are deduplicated by folded name or e-mail, and my missing details are filled', () => {
    const e = alternatywy();
    const store = new MemoryStore();
    store.entities.push(e);
    store.persons.push(person(e.id, 'Łucja Żółć', { id: 'person_mine' }));
    const pkg = pkgOf([e], {
      persons: [
        person(e.id, 'LUCJA ZOLC', { id: 'p1', phone: '+48601234567' }),
        person(e.id, 'A. Nowak', { id: 'p2', email: 'Anna@Example.pl' }),
        person(e.id, 'Anna Nowak', { id: 'p3', email: 'anna@example.pl' }),
      ],
    });
    const p = preview(pkg, store);
    expect(p.persons.existing).toBe(1);
    expect(p.persons.filled).toEqual([expect.objectContaining({ id: 'person_mine', name: 'Łucja Żółć', phone: '+48601234567' })]);
    expect(p.persons.new.map((x) => x.name)).toEqual(['A. Nowak']);
  });

  test('my notes and status are never replaced: their note is added beside mine, their status is a conflict', () => {
    const e = alternatywy();
    const store = new MemoryStore();
    store.entities.push(e);
    store.notes.push({ id: 'note_mine', entityId: e.id, text: 'Moja notatka', createdAt: NOW, updatedAt: NOW });
    const mySaved: Saved = { entityId: e.id, status: 'contacted', tags: ['moje'], createdAt: NOW, updatedAt: NOW };
    store.saved.push(mySaved);
    const pkg = pkgOf([e], {
      includePrivate: true,
      notes: [
        { id: 'n1', entityId: e.id, text: 'Moja notatka ', createdAt: EXPORTED_AT, updatedAt: EXPORTED_AT },
        { id: 'n2', entityId: e.id, text: 'Ich notatka', createdAt: EXPORTED_AT, updatedAt: EXPORTED_AT },
      ],
      saved: [{ entityId: e.id, status: 'declined', tags: [], createdAt: EXPORTED_AT, updatedAt: EXPORTED_AT }],
    });
    const p = preview(pkg, store);
    expect(p.notes.existing).toBe(1);
    expect(p.notes.new.map((n) => n.text)).toEqual(['Ich notatka']);
    expect(p.statusConflicts).toEqual([{ key: `${e.id}.status`, mine: mySaved, theirs: 'declined' }]);
    expect(p.saved).toHaveLength(0);
    expect(applyChoices(p, 'mine').saved).toHaveLength(0);
    expect(applyChoices(p, { [`${e.id}.status`]: 'theirs' }).saved).toEqual([{ ...mySaved, status: 'declined', updatedAt: NOW }]);
    store.write(applyChoices(p, 'mine'));
    expect(store.notes.map((n) => [n.text, n.sharedBy?.name])).toEqual([
      ['Moja notatka', undefined],
      ['Ich notatka', 'Jan Kowalski'],
    ]);
  });

  test('a list name I already use gets a number', () => {
    const store = new MemoryStore();
    store.lists.push(
      { id: 'l1', name: 'catering — kraków', createdAt: NOW, updatedAt: NOW },
      { id: 'l2', name: 'Catering — Kraków (2)', createdAt: NOW, updatedAt: NOW },
    );
    expect(preview(pkgOf([alternatywy()]), store).listName).toBe('Catering — Kraków (3)');
  });

  test('the same entity twice in a package becomes one record', () => {
    const e = alternatywy();
    const twin = { ...e, id: 'nip:9291928963', emails: ['biuro@alternatywy.example.pl'] };
    const p = preview(pkgOf([e, twin]), new MemoryStore());
    expect(p.newEntities).toHaveLength(1);
    expect(p.newEntities[0].emails).toEqual([...e.emails, 'biuro@alternatywy.example.pl']);
    expect(applyChoices(p, 'mine').members.map((m) => m.entityId)).toEqual([e.id]);
  });
});

test('an entity of mine renamed since its name:<hash> id was made is found by that id, not overwritten', () => {
  const noIds = sampleEntities().find((e) => !e.krs && !e.nip && !e.regon)!;
  const store = new MemoryStore();
  store.entities.push({ ...noIds, name: 'Nowa nazwa po zmianie' });
  const p = preview(pkgOf([noIds]), store);
  expect(p.newEntities).toHaveLength(0);
  expect(p.merges[0].conflicts.map((c) => c.field)).toEqual(['name']);
  expect(applyChoices(p, 'mine').entities[0]?.name ?? 'Nowa nazwa po zmianie').toBe('Nowa nazwa po zmianie');
});

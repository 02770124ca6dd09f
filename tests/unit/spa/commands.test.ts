// The SPA's write commands against a real Dexie store (fake-indexeddb): own entities, persons,
// notes, and reloading the default directory by merging.
import { beforeEach, describe, expect, it } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { addOwnEntity, deleteOwnEntity, dismissCandidate, draftOf, updateOwnEntity } from '../../../shared/db/commands/entities.ts';
import { addPerson, deletePerson, updatePerson } from '../../../shared/db/commands/persons.ts';
import { addNote, deleteNote, updateNote } from '../../../shared/db/commands/notes.ts';
import { reloadDefaultDirectory } from '../../../shared/db/commands/defaultDirectory.ts';
import { deleteDirectory, loadDefaultDirectoryOnce } from '../../../shared/db/commands/directory.ts';
import { addCandidate } from '../../../shared/db/commands/flags.ts';
import { saveEntity } from '../../../shared/db/commands/saved.ts';
import { createList, addToList } from '../../../shared/db/commands/lists.ts';
import { readDirectoryRevision } from '../../../shared/db/directoryLog.ts';
import { buildDefaultPack } from '../../../scripts/defaultPack.ts';
import { readPack } from '../../../shared/io/import/pack.ts';
import { SAMPLE } from '../model/sample.ts';
import type { Entity } from '../../../shared/model/types.ts';

let db: RadarDB;
beforeEach(async () => {
  db = new RadarDB(`spa-${Math.random()}`);
  await db.open();
});

// A real entity of the sample: Spółdzielnia Socjalna „ALTERNATYWY”, KRS 0000700353, NIP 929-192-89-63.
const alternatywy = SAMPLE.find((r) => r.krs === '0000700353')!;

describe('own entities', () => {
  it('adds a valid entity marked as the user\'s, with its identifiers normalised and match keys stored', async () => {
    const r = await addOwnEntity(db, { name: 'Pracownia Pod Lipą', nip: '929-192-89-63', city: 'Zielona Góra', phone: '603 254 662', website: 'pod-lipa.pl' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entity).toMatchObject({ id: 'nip:9291928963', origin: 'user', nip: '9291928963', phones: ['+48603254662'], domains: ['pod-lipa.pl'] });
    const stored = await db.entities.get('nip:9291928963');
    expect(stored?.keys).toContain('nip:9291928963');
    expect(await readDirectoryRevision(db)).toBe(1);
  });

  it('refuses an invalid NIP with the reason the form shows next to the field', async () => {
    // 929-192-89-64: the real NIP with its check digit changed.
    const r = await addOwnEntity(db, { name: 'X', nip: '929-192-89-64' });
    expect(r).toMatchObject({ ok: false, reason: 'nip_invalid' });
    expect(await db.entities.count()).toBe(0);
  });

  it('refuses an entity the directory already has, naming it', async () => {
    await loadDefaultDirectoryOnce(db, async () => readPack(await buildDefaultPack()).entities);
    const r = await addOwnEntity(db, { name: 'Cokolwiek', krs: '700353' });
    expect(r).toMatchObject({ ok: false, reason: 'duplicate', existingId: 'krs:0000700353' });
    if (!r.ok && r.reason === 'duplicate') expect(r.existingName).toBe(alternatywy.name);
  });

  it('edits keep the id and attached data; emptied fields disappear; directory entries are not editable', async () => {
    const r = await addOwnEntity(db, { name: 'Pracownia', city: 'Łódź', offer: 'szycie', nip: '9291928963' });
    if (!r.ok) throw new Error(r.reason);
    await saveEntity(db, r.entity.id, { status: 'in_talks' });
    const draft = { ...draftOf(r.entity), name: 'Pracownia Krawiecka', nip: '', offer: '' };
    const u = await updateOwnEntity(db, r.entity.id, draft);
    expect(u.ok).toBe(true);
    const stored = (await db.entities.get(r.entity.id))!;
    expect(stored.name).toBe('Pracownia Krawiecka');
    expect(stored.nip).toBeUndefined();
    expect(stored.offer).toBeUndefined();
    expect(stored.keys).not.toContain('nip:9291928963');
    expect((await db.saved.get(r.entity.id))?.status).toBe('in_talks');

    await loadDefaultDirectoryOnce(db, async () => readPack(await buildDefaultPack()).entities);
    await expect(updateOwnEntity(db, 'krs:0000700353', { name: 'Hijack' })).rejects.toThrow(/directory/);
  });

  it('promoting a candidate makes it the user\'s own entity and closes its review flag', async () => {
    const now = new Date().toISOString();
    const { entity, flag } = await addCandidate(
      db,
      { id: 'nip:9291928963', name: 'Nowa spółdzielnia', legalForm: 'inna', nip: '9291928963', address: {}, domains: [], websites: [], emails: [], phones: [], categories: [], sources: [{ url: 'https://nowa-spoldzielnia.pl/', seenAt: now }], origin: 'user', createdAt: now, updatedAt: now },
      { url: 'https://nowa-spoldzielnia.pl/' },
    );
    const r = await updateOwnEntity(db, entity.id, { ...draftOf(entity), legalForm: 'spoldzielnia_socjalna', city: 'Poznań' }, { resolveFlagId: flag.id });
    expect(r.ok).toBe(true);
    const stored = (await db.entities.get(entity.id))!;
    expect(stored.candidate).toBeUndefined();
    expect(stored).toMatchObject({ legalForm: 'spoldzielnia_socjalna', origin: 'user', address: { city: 'Poznań' } });
    expect(stored.sources.map((s) => s.url)).toEqual(['https://nowa-spoldzielnia.pl/', 'user:']);
    expect((await db.flags.get(flag.id))?.status).toBe('done');
  });

  it('dismissing a candidate removes it unless the user attached something to it', async () => {
    const now = new Date().toISOString();
    const candidate = (id: string): Entity => ({ id, name: id, legalForm: 'inna', address: {}, domains: [], websites: [], emails: [], phones: [], categories: [], sources: [{ url: 'https://x.pl/', seenAt: now }], origin: 'user', createdAt: now, updatedAt: now });
    const lone = await addCandidate(db, candidate('name:lone'), { url: 'https://x.pl/' });
    const kept = await addCandidate(db, candidate('name:kept'), { url: 'https://y.pl/' });
    await addNote(db, 'name:kept', 'warto sprawdzić');
    await dismissCandidate(db, lone.flag.id);
    await dismissCandidate(db, kept.flag.id);
    expect(await db.entities.get('name:lone')).toBeUndefined();
    expect((await db.entities.get('name:kept'))?.candidate).toBe(true);
    expect((await db.flags.toArray()).map((f) => f.status)).toEqual(['dismissed', 'dismissed']);
  });

  it('deleting an own entity removes what hangs on it, and never touches the directory', async () => {
    const r = await addOwnEntity(db, { name: 'Do usunięcia', city: 'Gdańsk' });
    if (!r.ok) throw new Error(r.reason);
    const list = await createList(db, 'L');
    await addToList(db, list.id, r.entity.id);
    await saveEntity(db, r.entity.id);
    await addNote(db, r.entity.id, 'n');
    await addPerson(db, r.entity.id, { name: 'Anna' });
    await deleteOwnEntity(db, r.entity.id);
    expect(await db.entities.get(r.entity.id)).toBeUndefined();
    expect(await db.listMembers.count()).toBe(0);
    expect(await db.saved.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
    expect(await db.persons.count()).toBe(0);
    expect(await db.lists.count()).toBe(1);

    await loadDefaultDirectoryOnce(db, async () => readPack(await buildDefaultPack()).entities);
    await expect(deleteOwnEntity(db, 'krs:0000700353')).rejects.toThrow();
  });
});

describe('persons and notes', () => {
  it('normalises a person\'s phone and e-mail, and refuses ones that do not parse', async () => {
    const ok = await addPerson(db, 'krs:0000700353', { name: ' Anna Nowak ', role: 'prezes', email: 'Anna@Example.PL', phone: '(68) 123 45 67' });
    expect(ok).toMatchObject({ ok: true, person: { name: 'Anna Nowak', email: 'Anna@example.pl', phone: '+48681234567' } });
    expect(await addPerson(db, 'x', { name: 'B', email: 'not-an-address' })).toEqual({ ok: false, reason: 'email_invalid' });
    expect(await addPerson(db, 'x', { name: 'B', phone: '12' })).toEqual({ ok: false, reason: 'phone_invalid' });
    expect(await addPerson(db, 'x', { name: '  ' })).toEqual({ ok: false, reason: 'no_name' });
    if (!ok.ok) return;
    const u = await updatePerson(db, ok.person.id, { name: 'Anna Kowalska' });
    expect(u).toMatchObject({ ok: true, person: { name: 'Anna Kowalska', entityId: 'krs:0000700353' } });
    expect((await db.persons.get(ok.person.id))?.email).toBeUndefined();
    await deletePerson(db, ok.person.id);
    expect(await db.persons.count()).toBe(0);
  });

  it('edits and deletes a note; a shared note stays the sharer\'s', async () => {
    const note = await addNote(db, 'e1', '  zadzwonić w maju ');
    expect(note.text).toBe('zadzwonić w maju');
    await updateNote(db, note.id, 'zadzwonić w czerwcu');
    expect((await db.notes.get(note.id))?.text).toBe('zadzwonić w czerwcu');
    await db.notes.put({ ...note, id: 'shared', sharedBy: { name: 'Ola', exportedAt: '2026-01-01' } });
    await expect(updateNote(db, 'shared', 'mine now')).rejects.toThrow();
    await deleteNote(db, note.id);
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual(['shared']);
  });
});

describe('reloading the default directory', () => {
  const pack = async (): Promise<Entity[]> => readPack(await buildDefaultPack()).entities;

  it('after deleting it, brings every entity back once; a second reload changes nothing', async () => {
    await loadDefaultDirectoryOnce(db, pack);
    const total = await db.entities.count();
    expect(total).toBe((await pack()).length);
    await saveEntity(db, 'krs:0000700353', { status: 'supplier' });
    await deleteDirectory(db);
    expect(await db.entities.count()).toBe(1); // the saved one stays

    const first = await reloadDefaultDirectory(db, pack);
    expect(first).toEqual({ added: total - 1, merged: 0, unchanged: 1, rejected: 0 });
    expect(await db.entities.count()).toBe(total);
    expect((await db.saved.get('krs:0000700353'))?.status).toBe('supplier');

    const revision = await readDirectoryRevision(db);
    const second = await reloadDefaultDirectory(db, pack);
    expect(second).toEqual({ added: 0, merged: 0, unchanged: total, rejected: 0 });
    expect(await db.entities.count()).toBe(total);
    expect(await readDirectoryRevision(db)).toBe(revision); // nothing written
  });
});

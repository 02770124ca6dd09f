// Corrections and candidates travel in a shared list package: profile A corrects an entity and adds
// a candidate to a list, profile B imports the package and sees both, the corrections as A's.
import { afterEach, describe, expect, it } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { putEntities } from '../../../shared/db/commands/directory.ts';
import { addCandidate } from '../../../shared/db/commands/flags.ts';
import { gatherListExport, loadMyDataFor, writeListImport } from '../../../shared/db/commands/share.ts';
import { listCorrections, writeUserValues } from '../../../shared/db/commands/userValues.ts';
import { applyChoices, previewListImport } from '../../../shared/io/share/importPreview.ts';
import { readListPackage, writeListPackage } from '../../../shared/io/share/listPackage.ts';
import type { Entity } from '../../../shared/model/types.ts';
import { sampleEntities } from '../io-share/fixtures.ts';

const open: RadarDB[] = [];
function freshDb(): RadarDB {
  const db = new RadarDB(`share-corr-${Math.random()}`);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const T0 = '2026-11-20T10:00:00.000Z';
const candidate: Entity = {
  id: 'name:kandydat', name: 'Spółdzielnia Socjalna „Nowa”', legalForm: 'spoldzielnia_socjalna', address: { city: 'Lublin' },
  domains: ['nowa.example.pl'], websites: ['https://nowa.example.pl/'], emails: [], phones: [], categories: [],
  sources: [{ url: 'https://nowa.example.pl/', seenAt: '2026-11-20' }], origin: 'user', candidate: true, createdAt: T0, updatedAt: T0,
};

async function importInto(db: RadarDB, text: string) {
  const pkg = readListPackage(text);
  const preview = previewListImport(pkg, await loadMyDataFor(db, pkg), { now: '2026-11-21T08:00:00.000Z' });
  const writes = applyChoices(preview, 'theirs');
  await writeListImport(db, writes, { fileName: 'x.radar-es.json', format: 'list-package', added: preview.newEntities.length, merged: preview.merges.length, unchanged: preview.unchanged });
}

describe('corrections and candidates in a list package', () => {
  it('are exported with the list and imported by another profile as the sender’s', async () => {
    const directory = sampleEntities().slice(0, 3);
    const a = freshDb();
    await putEntities(a, directory);
    await addCandidate(a, candidate, { url: 'https://nowa.example.pl/' });
    const target = directory[0];
    const r = await writeUserValues(a, target.id, [{ field: 'address.street', value: 'ul. Poprawiona 7', note: 'nowy adres' }, { field: 'emails', value: 'biuro@poprawione.pl' }], { url: 'user:', seenAt: '2026-11-20' });
    expect(r.ok).toBe(true);
    await a.lists.put({ id: 'list_a', name: 'Do sprawdzenia', createdAt: T0, updatedAt: T0 });
    await a.listMembers.bulkPut([target.id, candidate.id].map((entityId, i) => ({ listId: 'list_a', entityId, addedAt: `2026-11-20T10:0${i}:00.000Z` })));

    const text = writeListPackage({ ...(await gatherListExport(a, 'list_a'))!, includePrivate: false, exporter: { name: 'Ewa' }, exportedAt: T0 });
    expect(JSON.parse(text).entities[0].userValues).toHaveLength(2);

    const b = freshDb();
    await putEntities(b, directory);
    await importInto(b, text);
    const got = (await b.entities.get(target.id))!;
    expect(got.address.street).toBe('ul. Poprawiona 7');
    expect(got.emails).toContain('biuro@poprawione.pl');
    const rows = await listCorrections(b, [target.id]);
    expect(rows.map((x) => [x.value.field, x.value.value, x.value.note, x.value.sharedBy?.name])).toEqual([
      ['address.street', 'ul. Poprawiona 7', 'nowy adres', 'Ewa'],
      ['emails', 'biuro@poprawione.pl', undefined, 'Ewa'],
    ]);
    const cand = (await b.entities.get(candidate.id))!;
    expect(cand.candidate).toBe(true);
    expect(cand.domains).toEqual(['nowa.example.pl']);
  });

  it('refuses a package whose user value is malformed', () => {
    const bad = JSON.stringify({
      format: 'radar-es/list-package', version: 1, exportedAt: T0, list: { name: 'x' }, persons: [],
      entities: [{ ...candidate, userValues: [{ field: '__proto__', kind: 'added', source: { url: 'user:', seenAt: T0 }, at: T0 }] }],
    });
    expect(() => readListPackage(bad)).toThrow();
  });
});

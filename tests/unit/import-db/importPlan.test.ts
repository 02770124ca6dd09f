// Directory imports written to a real Dexie database (fake-indexeddb): chunked transactions,
// progress, cancel, the import record, re-import without changes, and the user's data untouched.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { addOwnEntity } from '../../../shared/db/commands/entities.ts';
import { addToList, createList } from '../../../shared/db/commands/lists.ts';
import { addNote } from '../../../shared/db/commands/notes.ts';
import { flagEntityOrPage } from '../../../shared/db/commands/flags.ts';
import { saveEntity } from '../../../shared/db/commands/saved.ts';
import { readDirectoryRevision } from '../../../shared/db/directoryLog.ts';
import { importPlan, listImports, planFromDb, type ImportProgress } from '../../../shared/db/commands/import.ts';
import { findByKeys } from '../../../shared/db/queries.ts';
import { parseImportFile } from '../../../shared/io/import/index.ts';
import type { Source } from '../../../shared/model/types.ts';
import { cp1250 } from '../io-import/cp1250.ts';

const source: Source = { url: 'file:lista.csv', seenAt: '2026-11-01', label: 'lista.csv' };
const now = '2026-11-01T10:00:00.000Z';
const later = '2026-12-01T10:00:00.000Z';

// A list as a Polish regional office exports it: Windows-1250, semicolons, CRLF. NIPs 9291928963
// (Alternatywy, in the sample directory) and 5261040828 are valid; 5261040827 has a wrong check digit.
const OFFICE_CSV =
  'Nazwa;NIP;KRS;Miejscowość;Województwo;Telefon\r\n' +
  'Spółdzielnia Socjalna „ALTERNATYWY”;9291928963;0000700353;Zielona Góra;lubuskie;603 254 662\r\n' +
  'Fundacja Łąka;5261040828;;Łódź;łódzkie;\r\n' +
  'Zła Spółdzielnia;5261040827;;Kraków;małopolskie;\r\n' +
  ';;;Kraków;;\r\n' +
  'Stowarzyszenie Żurawie;;0000123456;Gdańsk;pomorskie;\r\n';

let db: RadarDB;
beforeEach(() => {
  db = new RadarDB(`import-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

async function planCsv(text: string, fileName = 'lista.csv', at = now) {
  const parsed = await parseImportFile(fileName, cp1250(text));
  return planFromDb(db, parsed, { source: { ...source, url: `file:${fileName}`, seenAt: at.slice(0, 10) }, now: at });
}

/** `n` distinct rows identified by KRS numbers (10 digits, no check digit). */
function manyRows(n: number, from = 1): string {
  let s = 'Nazwa;KRS;Miejscowość\r\n';
  for (let i = from; i < from + n; i++) s += `Spółdzielnia Socjalna Nr ${i};${String(i).padStart(10, '0')};Kraków\r\n`;
  return s;
}

describe('importPlan', () => {
  it('imports a Windows-1250 office list, keeps the record, and a re-import changes nothing', async () => {
    const plan = await planCsv(OFFICE_CSV);
    expect(plan.counts).toEqual({ added: 3, merged: 0, unchanged: 0, rejected: 2 });
    const record = await importPlan(db, plan, { fileName: 'lista.csv', format: 'csv' });

    const stored = await db.entities.orderBy('id').toArray();
    expect(stored.map((e) => e.id)).toEqual(['krs:0000123456', 'krs:0000700353', 'nip:5261040828']);
    const alternatywy = stored.find((e) => e.id === 'krs:0000700353')!;
    expect(alternatywy).toMatchObject({ name: 'Spółdzielnia Socjalna „ALTERNATYWY”', nip: '9291928963', phones: ['+48603254662'], origin: 'directory' });
    expect(alternatywy.address.city).toBe('Zielona Góra');
    // Stored with its match keys, so the next import finds it by index.
    expect(alternatywy.keys).toEqual(expect.arrayContaining(['krs:0000700353', 'nip:9291928963']));

    expect(record).toMatchObject({ fileName: 'lista.csv', format: 'csv', counts: plan.counts });
    expect(record.cancelled).toBeUndefined();
    expect(record.rejected).toEqual([
      { row: 4, reason: 'nip_invalid', detail: expect.stringContaining('checksum'), values: expect.objectContaining({ Nazwa: 'Zła Spółdzielnia', NIP: '5261040827' }) },
      { row: 5, reason: 'no_name', values: expect.objectContaining({ Nazwa: '', Miejscowość: 'Kraków' }) },
    ]);
    expect(await listImports(db)).toEqual([record]);

    const before = await db.entities.toArray();
    const revision = await readDirectoryRevision(db);
    const again = await planCsv(OFFICE_CSV, 'lista.csv', later);
    expect(again.counts).toEqual({ added: 0, merged: 0, unchanged: 3, rejected: 2 });
    expect(again.toWrite).toEqual([]);
    const second = await importPlan(db, again, { fileName: 'lista.csv', format: 'csv' });
    expect(second.counts).toEqual({ added: 0, merged: 0, unchanged: 3, rejected: 2 });
    expect(await db.entities.toArray()).toEqual(before);
    expect(await readDirectoryRevision(db)).toBe(revision);
    expect((await listImports(db)).map((r) => r.id)).toEqual([second.id, record.id]);
  });

  it('writes in chunks, one transaction and one directory revision each, reporting progress', async () => {
    const plan = await planCsv(manyRows(5));
    const progress: ImportProgress[] = [];
    const start = await readDirectoryRevision(db);
    await importPlan(db, plan, { fileName: 'a.csv', format: 'csv', chunkSize: 2, onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([
      { written: 2, total: 5 },
      { written: 4, total: 5 },
      { written: 5, total: 5 },
    ]);
    expect(await readDirectoryRevision(db)).toBe(start + 3);
    expect(await db.entities.count()).toBe(5);
  });

  it('a cancel keeps the committed chunks and records them as cancelled', async () => {
    // Two stored entities that the file updates (new town spelling → merged) plus eight new ones.
    await importPlan(db, await planCsv(manyRows(2), 'seed.csv'), { fileName: 'seed.csv', format: 'csv' });
    const text = manyRows(10).replace(/Kraków\r\n/, 'Kraków;\r\n').replace('Nazwa;KRS;Miejscowość', 'Nazwa;KRS;Miejscowość;Telefon');
    const withPhones = text.replace('0000000001;Kraków;', '0000000001;Kraków;12 345 67 89');
    // Same file name: an unchanged row adds no new source, so it stays unchanged.
    const plan = await planCsv(withPhones, 'seed.csv', later);
    expect(plan.counts).toEqual({ added: 8, merged: 1, unchanged: 1, rejected: 0 });

    const abort = new AbortController();
    const record = await importPlan(db, plan, {
      fileName: 'b.csv',
      format: 'csv',
      chunkSize: 3,
      signal: abort.signal,
      onProgress: (p) => p.written >= 6 && abort.abort(),
    });
    // The merged entity comes first in file order, so the 6 written are 1 merged + 5 new.
    expect(record).toMatchObject({ cancelled: true, counts: { added: 5, merged: 1, unchanged: 1, rejected: 0 } });
    expect(await db.entities.count()).toBe(2 + 5);
    expect((await db.entities.get('krs:0000000001'))!.phones).toEqual(['+48123456789']);
    expect((await listImports(db))[0].id).toBe(record.id);
  });

  it('a cancel before the first chunk still leaves a record saying so', async () => {
    const plan = await planCsv(manyRows(3));
    const abort = new AbortController();
    abort.abort();
    const record = await importPlan(db, plan, { fileName: 'a.csv', format: 'csv', signal: abort.signal });
    expect(record).toMatchObject({ cancelled: true, counts: { added: 0, merged: 0, unchanged: 0, rejected: 0 } });
    expect(await db.entities.count()).toBe(0);
  });

  it('a chunk that fails keeps the earlier chunks, records the import as cancelled and rethrows', async () => {
    const plan = await planCsv(manyRows(6));
    db.entities.hook('creating', (key) => {
      if (key === 'krs:0000000005') throw new Error('disk full');
    });
    await expect(importPlan(db, plan, { fileName: 'a.csv', format: 'csv', chunkSize: 2 })).rejects.toThrow('disk full');
    expect((await db.entities.toCollection().primaryKeys()).sort()).toEqual(['krs:0000000001', 'krs:0000000002', 'krs:0000000003', 'krs:0000000004']);
    const [record] = await listImports(db);
    expect(record).toMatchObject({ cancelled: true, counts: { added: 4, merged: 0 } });
  });

  it("never touches the user's data, and the user's own entity stays theirs when a file updates it", async () => {
    const own = await addOwnEntity(db, { name: 'Fundacja Łąka', nip: '5261040828', city: 'Łódź' });
    if (!own.ok) throw new Error(own.reason);
    await importPlan(db, await planCsv(OFFICE_CSV.replace('5261040828;;Łódź;łódzkie;', '5261040828;;Łódź;łódzkie;42 111 22 33')), {
      fileName: 'seed.csv',
      format: 'csv',
    });
    const list = await createList(db, 'Catering — Kraków');
    await saveEntity(db, 'nip:5261040828', { status: 'in_talks', tags: ['catering'], listIds: [list.id] });
    await addToList(db, list.id, 'krs:0000700353');
    await addNote(db, 'nip:5261040828', 'Dzwonić po 15:00');
    await flagEntityOrPage(db, { kind: 'follow_up', entityId: 'krs:0000700353', note: 'sprawdzić ofertę' });
    const userTables = () => Promise.all([db.saved, db.lists, db.listMembers, db.notes, db.flags, db.persons, db.interactions].map((t) => t.toArray()));
    const before = await userTables();

    const update = OFFICE_CSV.replace('Fundacja Łąka;5261040828;;Łódź;łódzkie;', 'Fundacja Łąka;5261040828;;Łódź;łódzkie;600 700 800');
    const plan = await planCsv(update, 'nowa.csv', later);
    // Every row gains the new file as a source; the one with a new phone number gains that too.
    expect(plan.counts).toEqual({ added: 0, merged: 3, unchanged: 0, rejected: 2 });
    await importPlan(db, plan, { fileName: 'nowa.csv', format: 'csv' });

    expect(await userTables()).toEqual(before);
    const laka = (await db.entities.get('nip:5261040828'))!;
    expect(laka.origin).toBe('user');
    expect(laka.phones).toEqual(expect.arrayContaining(['+48600700800', '+48421112233']));
  });

  it('stores script and formula text from cells as the same text', async () => {
    const hostile = 'Nazwa;Miejscowość;Oferta\r\n' +
      '<script>alert(1)</script>;Kraków;"=HYPERLINK(""http://zly.example"";""kliknij"")"\r\n' +
      '"=1+2";Łódź;<img src=x onerror=alert(2)>\r\n';
    const plan = await planCsv(hostile);
    await importPlan(db, plan, { fileName: 'zly.csv', format: 'csv' });
    const byName = new Map((await db.entities.toArray()).map((e) => [e.name, e]));
    expect(byName.get('<script>alert(1)</script>')?.offer).toBe('=HYPERLINK("http://zly.example";"kliknij")');
    expect(byName.get('=1+2')?.offer).toBe('<img src=x onerror=alert(2)>');
  });
});

describe('findByKeys', () => {
  it('answers every row across lookup chunks, by any of its keys', async () => {
    // More rows than one lookup query takes (2000), so the answer is stitched from two.
    await importPlan(db, await planCsv(manyRows(2050)), { fileName: 'a.csv', format: 'csv' });
    const keys = Array.from({ length: 2100 }, (_, i) => [`nip:0000000000`, `krs:${String(i + 1).padStart(10, '0')}`]);
    const found = await findByKeys(db, keys);
    expect(found.length).toBe(2100);
    expect(found.slice(0, 2050).every((e, i) => e?.krs === String(i + 1).padStart(10, '0'))).toBe(true);
    expect(found.slice(2050).every((e) => e === undefined)).toBe(true);
  }, 30_000);

  it('plans against the database: rows of stored entities merge instead of duplicating', async () => {
    await importPlan(db, await planCsv(manyRows(3)), { fileName: 'a.csv', format: 'csv' });
    const plan = await planCsv(manyRows(4).replace(/Kraków/g, 'Kraków Nowa Huta'), 'b.csv', later);
    expect(plan.counts).toEqual({ added: 1, merged: 3, unchanged: 0, rejected: 0 });
    expect([...plan.existingIds].sort()).toEqual(['krs:0000000001', 'krs:0000000002', 'krs:0000000003']);
    expect(plan.revision).toBe(await readDirectoryRevision(db));
  });
});

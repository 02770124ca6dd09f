// A directory import written in chunks (issue #19, finding 8): an own entity edited while it runs is
// not overwritten by a later chunk; the import is recorded before its first chunk and in each
// chunk's transaction, so a browser stopped mid-import leaves a record saying how far it got; such
// an import can be finished (re-running it changes nothing already in) or undone.
import { describe, expect, test } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { importPlan, interruptedImports, listImports, planFromDb, undoInterruptedImport } from '../../../shared/db/commands/import.ts';
import { addOwnEntity, updateOwnEntity, draftOf } from '../../../shared/db/commands/entities.ts';
import { parseImportFile } from '../../../shared/io/import/index.ts';

const NOW = '2026-11-20T12:00:00.000Z';
const source = { url: 'file:lista.csv', seenAt: '2026-11-20', label: 'lista.csv' };

function csv(n: number, extra = ''): Uint8Array {
  const rows = ['Nazwa;Miasto;Telefon'];
  for (let i = 0; i < n; i++) rows.push(`Spółdzielnia Socjalna Nr ${String(i).padStart(3, '0')};Lublin;`);
  if (extra) rows.push(extra);
  return new TextEncoder().encode(rows.join('\n') + '\n');
}

async function plan(db: RadarDB, bytes: Uint8Array, now = NOW) {
  return planFromDb(db, await parseImportFile('lista.csv', bytes), { source, now });
}

describe('chunked import', () => {
  test('the record exists before the first chunk and says how far each chunk got', async () => {
    const db = new RadarDB(`chunks-${Math.random()}`);
    const p = await plan(db, csv(25));
    const seen: (number | undefined)[] = [];
    const original = db.entities.bulkPut.bind(db.entities);
    // Inside each chunk's transaction, before its entities are written: what does the record say?
    db.entities.bulkPut = (async (...args: Parameters<typeof original>) => {
      const [record] = await db.imports.toArray();
      seen.push(record?.progress?.written);
      return original(...args);
    }) as typeof original;
    const record = await importPlan(db, p, { fileName: 'lista.csv', format: 'csv', chunkSize: 10, writtenAt: p.now });
    expect(seen).toEqual([0, 10, 20]);
    expect(record.progress).toBeUndefined();
    expect(record.counts.added).toBe(25);
    expect(await db.entities.count()).toBe(25);
  });

  test('an own entity edited between two chunks is not overwritten by the next one', async () => {
    const db = new RadarDB(`edit-${Math.random()}`);
    const own = await addOwnEntity(db, { name: 'Spółdzielnia Socjalna Nr 024', city: 'Lublin', phone: '+48 81 555 12 34' });
    if (!own.ok) throw new Error('own entity');
    // The file brings a phone for my entity (a merge), in the last chunk.
    // (Entities are written in id order; this one's id falls in the third chunk of ten.)
    const p = await plan(db, csv(24, 'Spółdzielnia Socjalna Nr 024;Lublin;+48 81 555 99 99'));
    expect(p.existingIds.has(own.entity.id)).toBe(true);
    let edited = false;
    const record = await importPlan(db, p, {
      fileName: 'lista.csv',
      format: 'csv',
      chunkSize: 10,
      writtenAt: p.now,
      onProgress: async ({ written }) => {
        if (written !== 10 || edited) return;
        edited = true;
        const mine = (await db.entities.get(own.entity.id))!;
        const r = await updateOwnEntity(db, mine.id, { ...draftOf(mine), offer: 'Catering na 200 osób' });
        expect(r.ok).toBe(true);
      },
    });
    const stored = (await db.entities.get(own.entity.id))!;
    expect(stored.offer).toBe('Catering na 200 osób'); // my edit stands
    expect(stored.phones).toEqual(['+48815551234']); // the stale merge was not written over it
    expect(record.keptEdited).toBe(1);
    expect(record.counts).toMatchObject({ added: 24, merged: 0 });
  });

  test('stopped mid-import: whole chunks, a record saying how far it got; finish writes only the rest; undo removes what it added', async () => {
    const name = `killed-${Math.random()}`;
    const db = new RadarDB(name);
    const bytes = csv(25);
    const p = await plan(db, bytes);
    const original = db.entities.bulkPut.bind(db.entities);
    let calls = 0;
    // The third chunk never gets written: the browser is gone (the connection closes under it).
    db.entities.bulkPut = ((...args: Parameters<typeof original>) => {
      if (++calls === 3) {
        db.close();
        throw new Error('browser killed');
      }
      return original(...args);
    }) as typeof original;
    await expect(importPlan(db, p, { fileName: 'lista.csv', format: 'csv', chunkSize: 10, writtenAt: p.now, session: 's1' })).rejects.toThrow();

    const after = new RadarDB(name);
    expect(await after.entities.count()).toBe(20);
    const [interrupted] = await interruptedImports(after, () => false);
    expect(interrupted.progress).toEqual({ written: 20, total: 25, session: 's1' });
    expect(interrupted.addedIds).toHaveLength(20);
    expect(await interruptedImports(after, (s) => s === 's1')).toEqual([]); // a running one is not "interrupted"

    // Finish: the same file again. What is in already is unchanged; the rest is added.
    const again = await plan(after, bytes, '2026-11-20T13:00:00.000Z');
    expect(again.counts).toMatchObject({ added: 5, unchanged: 20 });
    const byId = new Map((await after.entities.toArray()).map((e) => [e.id, structuredClone(e)]));
    await importPlan(after, again, { fileName: 'lista.csv', format: 'csv', chunkSize: 10, finishes: interrupted.id });
    expect(await after.entities.count()).toBe(25);
    for (const [id, before] of byId) expect(await after.entities.get(id)).toEqual(before);
    const history = await listImports(after);
    expect(history.find((r) => r.id === interrupted.id)).toMatchObject({ resolved: 'finished' });
    expect(history.find((r) => r.id === interrupted.id)?.progress).toBeUndefined();
    expect(await interruptedImports(after, () => false)).toEqual([]);
  });

  test('undo deletes the entities an interrupted import added, but not those used since', async () => {
    const name = `undo-${Math.random()}`;
    const db = new RadarDB(name);
    const p = await plan(db, csv(25));
    const original = db.entities.bulkPut.bind(db.entities);
    let calls = 0;
    db.entities.bulkPut = ((...args: Parameters<typeof original>) => {
      if (++calls === 2) {
        db.close();
        throw new Error('browser killed');
      }
      return original(...args);
    }) as typeof original;
    await expect(importPlan(db, p, { fileName: 'lista.csv', format: 'csv', chunkSize: 10, writtenAt: p.now, session: 's2' })).rejects.toThrow();
    const after = new RadarDB(name);
    const [interrupted] = await interruptedImports(after, () => false);
    const savedId = interrupted.addedIds![0];
    await after.saved.put({ entityId: savedId, status: 'to_contact', tags: [], createdAt: NOW, updatedAt: NOW });
    expect(await undoInterruptedImport(after, interrupted.id)).toEqual({ deleted: 9, kept: 1 });
    expect((await after.entities.toArray()).map((e) => e.id)).toEqual([savedId]);
    expect((await after.imports.get(interrupted.id))?.resolved).toBe('undone');
  });
});

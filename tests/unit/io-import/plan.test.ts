import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoMap, rowsToDrafts } from '../../../shared/io/import/columns.ts';
import { parseImportFile, planParsed } from '../../../shared/io/import/index.ts';
import { buildDrafts, planImport } from '../../../shared/io/import/plan.ts';
import type { Source } from '../../../shared/model/types.ts';
import { MemoryDb } from './memoryDb.ts';
import { parseTable } from './parseTable.ts';

const SAMPLE = new Uint8Array(readFileSync(new URL('../../../shared/data/pes-directory-sample.csv', import.meta.url)));
const source: Source = { url: 'file:lista.csv', seenAt: '2026-11-01', label: 'lista.csv' };
const now = '2026-11-01T10:00:00.000Z';
const later = '2026-12-01T10:00:00.000Z';
const csv = (text: string) => new TextEncoder().encode(text);

describe('planImport on the real sample directory', () => {
  it('imports all 405 rows with no rejection', async () => {
    const parsed = await parseTable('pes-directory-sample.csv', SAMPLE);
    expect(parsed.rows.length).toBe(405);
    const plan = await planParsed(parsed, { source, now, findExisting: () => undefined });
    // If a real row is rejected, the message names it: that is almost surely an importer bug.
    expect(plan.rejected.map((r) => `row ${r.row}: ${r.reason} ${r.detail ?? ''}`)).toEqual([]);
    expect(plan.counts.added + plan.counts.merged).toBe(405);
    expect(plan.toWrite.length).toBe(plan.counts.added);
    // Identifiers, contacts and diacritics made it through.
    const alternatywy = plan.toWrite.find((e) => e.krs === '0000700353')!;
    expect(alternatywy).toMatchObject({ nip: '9291928963', regon: '368553461', legalForm: 'spoldzielnia_socjalna' });
    expect(alternatywy.address).toMatchObject({ city: 'Zielona Góra', postalCode: '65-454' });
    expect(alternatywy.phones).toEqual(['+48603254662']);
  });

  it('re-importing the same file changes nothing, with per-row and bulk lookups', async () => {
    const parsed = await parseImportFile('pes-directory-sample.csv', SAMPLE);
    const db = new MemoryDb();
    db.put((await planParsed(parsed, { source, now, findExisting: db.find })).toWrite);

    const again = await planParsed(parsed, { source: { ...source, seenAt: '2026-12-01' }, now: later, findExisting: db.find });
    expect(again.counts).toEqual({ added: 0, merged: 0, unchanged: 405, rejected: 0 });
    expect(again.toWrite).toEqual([]);

    db.lookups = 0;
    const bulk = await planParsed(parsed, { source, now: later, findExistingMany: db.findMany });
    expect(bulk.counts).toEqual(again.counts);
    expect(db.lookups).toBe(1);
  });
});

describe('buildDrafts', () => {
  it('builds plain data that JSON carries unchanged (the import helpers send their rows as JSON)', async () => {
    const parsed = await parseTable('pes-directory-sample.csv', SAMPLE);
    const drafts = rowsToDrafts(parsed.rows, parsed.mapping);
    // With a rejected row too, so both shapes of a built row cross.
    const built = buildDrafts([...drafts, { name: 'Zła', nip: '5261040827' }], source, now);
    expect(built.at(-1)).toMatchObject({ ok: false, reason: 'nip_invalid' });
    expect(JSON.parse(JSON.stringify(built))).toStrictEqual(built);
  });
});

describe('planImport', () => {
  it('merges a second row with the same KRS into the first, within one file', async () => {
    const parsed = await parseImportFile('a.csv', csv(
      'Nazwa;KRS;Telefon;Miejscowość\n' +
        'Spółdzielnia Socjalna „Alternatywy”;700353;603 254 662;Zielona Góra\n' +
        'SS Alternatywy;0000700353;68 320 11 22;Zielona Góra\n',
    ));
    const plan = await planParsed(parsed, { source, now, findExisting: () => undefined });
    expect(plan.counts).toEqual({ added: 1, merged: 1, unchanged: 0, rejected: 0 });
    expect(plan.toWrite).toHaveLength(1);
    expect(plan.toWrite[0].id).toBe('krs:0000700353');
    expect(plan.toWrite[0].phones).toEqual(['+48603254662', '+48683201122']);
  });

  it('reports a re-import unchanged even when duplicate rows of the file disagree', async () => {
    const parsed = await parseImportFile('a.csv', csv(
      'Nazwa,NIP,Oferta\nFundacja A,5261040828,catering\nFundacja A,5261040828,sprzątanie biur\n',
    ));
    const db = new MemoryDb();
    const first = await planParsed(parsed, { source, now, findExisting: db.find });
    expect(first.counts).toEqual({ added: 1, merged: 1, unchanged: 0, rejected: 0 });
    db.put(first.toWrite);
    const again = await planParsed(parsed, { source, now: later, findExisting: db.find });
    expect(again.counts).toEqual({ added: 0, merged: 0, unchanged: 2, rejected: 0 });
    expect(again.toWrite).toEqual([]);
  });

  it('merges into an existing entity and writes the merged version', async () => {
    const db = new MemoryDb();
    const seed = await planImport([{ name: 'Fundacja A', nip: '5261040828', city: 'Kraków' }], { source, now, findExisting: db.find });
    db.put(seed.toWrite);
    const plan = await planImport([{ name: 'FUNDACJA A', nip: '526-104-08-28', email: 'biuro@fundacja-a.pl' }], {
      source: { url: 'file:b.csv', seenAt: '2026-11-20' },
      now: later,
      findExisting: db.find,
    });
    expect(plan.counts).toEqual({ added: 0, merged: 1, unchanged: 0, rejected: 0 });
    expect(plan.toWrite[0]).toMatchObject({ id: 'nip:5261040828', emails: ['biuro@fundacja-a.pl'], address: { city: 'Kraków' }, updatedAt: later });
  });

  it('rejects bad rows with a reason, the spreadsheet row number and the original cells', async () => {
    const parsed = await parseImportFile('a.csv', csv(
      'Nazwa;NIP;Kod pocztowy\n' + // row 1
        'Dobra;5261040828;00-950\n' + // row 2
        '\n' + // row 3: blank, skipped
        'Zły NIP;5261040827;00-950\n' + // row 4
        ';5261040828;\n' + // row 5: no name
        'Zły kod;;ABC\n', // row 6
    ));
    const plan = await planParsed(parsed, { source, now, findExisting: () => undefined });
    expect(plan.counts).toEqual({ added: 1, merged: 0, unchanged: 0, rejected: 3 });
    expect(plan.rejected).toEqual([
      { row: 4, reason: 'nip_invalid', detail: 'checksum: 5261040827', values: { Nazwa: 'Zły NIP', NIP: '5261040827', 'Kod pocztowy': '00-950' } },
      { row: 5, reason: 'no_name', values: { Nazwa: '', NIP: '5261040828', 'Kod pocztowy': '' } },
      { row: 6, reason: 'postal_code_invalid', detail: 'ABC', values: { Nazwa: 'Zły kod', NIP: '', 'Kod pocztowy': 'ABC' } },
    ]);
  });

  it('stores script and formula strings as plain text', async () => {
    const parsed = await parseImportFile('a.csv', csv(
      'Nazwa;Oferta\n"<script>alert(1)</script>";"=HYPERLINK(""http://evil.example"",""x"")"\n<img src=x onerror=alert(1)>;@SUM(A1)\n',
    ));
    const plan = await planParsed(parsed, { source, now, findExisting: () => undefined });
    expect(plan.toWrite.map((e) => [e.name, e.offer])).toEqual([
      ['<script>alert(1)</script>', '=HYPERLINK("http://evil.example","x")'],
      ['<img src=x onerror=alert(1)>', '@SUM(A1)'],
    ]);
  });

  it('numbers rows from index + 2 without rowNumbers, and keeps draft values when no original rows are given', async () => {
    const drafts = rowsToDrafts([['A', 'bad'], ['', 'x']], autoMap(['Nazwa', 'E-mail']));
    const plan = await planImport(drafts, { source, now, findExisting: () => undefined });
    expect(plan.rejected).toEqual([
      { row: 2, reason: 'email_invalid', detail: 'bad', values: { name: 'A', email: 'bad' } },
      { row: 3, reason: 'no_name', values: { email: 'x' } },
    ]);
  });

  it('refuses to plan a table whose mapping has no name column', async () => {
    const parsed = await parseTable('a.csv', csv('Kolumna;NIP\nA;5261040828\n'));
    expect(parsed.mapping).toEqual([null, 'nip']);
    await expect(planParsed(parsed, { source, now, findExisting: () => undefined })).rejects.toMatchObject({ code: 'no_name_column' });
    const plan = await planParsed(parsed, { source, now, findExisting: () => undefined, mapping: ['name', 'nip'] });
    expect(plan.counts.added).toBe(1);
  });
});

describe('planImport: same name and town, different organisations', () => {
  it('rows whose KRS numbers differ stay separate entities, in the file and against the store', async () => {
    const rows = [
      { name: 'Fundacja Pomocy Dzieciom', krs: '0000057364', city: 'Zamość' },
      { name: 'Fundacja Pomocy Dzieciom', krs: '0000700353', city: 'Zamość' },
    ];
    const first = await planImport(rows, { source, now, findExisting: () => undefined });
    expect(first.counts).toMatchObject({ added: 2, merged: 0 });
    expect(first.toWrite.map((e) => e.krs).sort()).toEqual(['0000057364', '0000700353']);

    const db = new MemoryDb();
    db.put(first.toWrite.slice(0, 1));
    const second = await planImport(rows.slice(1), { source, now: later, findExisting: (k) => db.find(k) });
    expect(second.counts).toMatchObject({ added: 1, merged: 0 });
  });
});

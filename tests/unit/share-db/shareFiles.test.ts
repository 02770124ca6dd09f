// The app's side of the files: names, the export of each format from gathered data, reading what
// someone sent (size first, then package or vCard), and the message for every refusal.
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ExportData } from '../../../shared/db/commands/share.ts';
import { MAX_PACKAGE_BYTES, readListPackage } from '../../../shared/io/share/listPackage.ts';
import { ShareError } from '../../../shared/io/share/shareError.ts';
import { exportFile, fileNameFor } from '../../../spa/features/share/exportFiles.ts';
import { readShareFile } from '../../../spa/features/share/readShareFile.ts';
import { shareErrorText } from '../../../spa/features/share/errorText.ts';
import { alternatywy, sampleEntities } from '../io-share/fixtures.ts';

const T0 = '2026-11-20T10:00:00.000Z';

function data(): ExportData {
  const a = alternatywy();
  const b = sampleEntities()[7];
  return {
    list: { name: 'Catering — Kraków' },
    entities: [a, b],
    persons: [{ id: 'person_1', entityId: a.id, name: 'Anna Nowak', role: 'Prezeska', phone: '+48601234567', createdAt: T0, updatedAt: T0 }],
    notes: [{ id: 'note_1', entityId: a.id, text: 'Tylko przelewem', createdAt: T0, updatedAt: T0 }],
    saved: [{ entityId: b.id, status: 'in_talks', tags: ['obiady'], createdAt: T0, updatedAt: T0 }],
    interactions: [],
  };
}

const opts = { includePrivate: false, exporter: { name: 'Jan' }, delimiter: ';' as const, lang: 'pl' as const, now: T0 };

describe('file names', () => {
  it('keeps the list name readable, without characters a file system refuses', () => {
    expect(fileNameFor('Catering — Kraków', 'package')).toBe('Catering — Kraków.radar-es.json');
    expect(fileNameFor('a/b\\c: "d" <e>|f?*', 'csv')).toBe('a b c d e f.csv');
    expect(fileNameFor('..\u0000\u001f', 'vcard')).toBe('radar-es.vcf');
    expect(fileNameFor('x'.repeat(300), 'csv')).toHaveLength(80 + '.csv'.length);
  });
});

describe('exporting gathered data', () => {
  it('a package carries private data only when ticked', async () => {
    const plain = readListPackage(await (await exportFile(data(), 'package', opts)).text());
    expect(plain.private).toBeUndefined();
    expect(plain.exporter).toEqual({ name: 'Jan' });
    const full = readListPackage(await (await exportFile(data(), 'package', { ...opts, includePrivate: true })).text());
    expect(full.private?.notes.map((n) => n.text)).toEqual(['Tylko przelewem']);
    expect(full.private?.saved.map((s) => s.status)).toEqual(['in_talks']);
  });

  it('the CSV puts persons beside their entity, and statuses only when ticked', async () => {
    for (const includePrivate of [false, true]) {
      const file = await exportFile(data(), 'csv', { ...opts, includePrivate, delimiter: ',' });
      expect(file.name).toBe('Catering — Kraków.csv');
      const text = (await file.text()).replace(/^\uFEFF/, '');
      const [header, ...rows] = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data;
      const col = (n: string) => header.indexOf(n);
      expect(rows.map((r) => r[col('Osoba 1')])).toEqual(['Anna Nowak', '']);
      expect(rows.map((r) => r[col('Status')])).toEqual(includePrivate ? ['', 'W rozmowach'] : ['', '']);
    }
  });

  it('the vCard file holds a card per entity and per person, as ical.js reads them', async () => {
    const text = await (await exportFile(data(), 'vcard', opts)).text();
    const cards = ICAL.parse(text) as unknown as ['vcard', [string, unknown, string, ...unknown[]][]][];
    const fn = cards.map(([, props]) => props.find((p) => p[0] === 'fn')?.[3]);
    expect(fn).toEqual([alternatywy().name, sampleEntities()[7].name, 'Anna Nowak']);
  });
});

describe('reading a file someone sent', () => {
  it('refuses an oversized file by its size, before reading it', async () => {
    const big = new File([new Uint8Array(MAX_PACKAGE_BYTES + 1)], 'dump.json');
    // Reading it would fail the test: the size alone must decide.
    Object.defineProperty(big, 'text', { value: () => Promise.reject(new Error('read')) });
    await expect(readShareFile(big, T0)).rejects.toMatchObject({ code: 'too_large', detail: { size: MAX_PACKAGE_BYTES + 1 } });
  });

  it('tells a vCard from a package by name or content', async () => {
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Fundacja X\r\nORG:Fundacja X\r\nN:;;;;\r\nEND:VCARD\r\n';
    const byContent = await readShareFile(new File([card], 'kontakty.txt'), T0);
    expect(byContent.kind).toBe('vcard');
    expect(byContent.pkg.entities.map((e) => e.name)).toEqual(['Fundacja X']);
    const pkg = await (await exportFile(data(), 'package', opts)).text();
    const read = await readShareFile(new File([pkg], 'lista.json'), T0);
    expect(read.kind).toBe('package');
    expect(read.pkg.entities).toHaveLength(2);
    await expect(readShareFile(new File([pkg.slice(0, 200)], 'lista.json'), T0)).rejects.toMatchObject({ code: 'truncated' });
  });
});

describe('messages for refused files', () => {
  it('says what is wrong for every error code, in Polish by default', () => {
    expect(shareErrorText(new ShareError('not_package'))).toMatch(/^To nie jest pakiet listy Radar ES/);
    expect(shareErrorText(new ShareError('newer_version', { version: 3, supported: 1 }))).toMatch(/format 3.*format 1.*Zaktualizuj Radar ES/);
    expect(shareErrorText(new ShareError('truncated'))).toMatch(/niekompletny/);
    expect(shareErrorText(new ShareError('too_large', { size: 100 * 1024 * 1024, limit: MAX_PACKAGE_BYTES }))).toMatch(/100 MB, limit 25 MB/);
    expect(shareErrorText(new ShareError('invalid', { path: 'entities[3].name', reason: 'expected string' }))).toBe(
      'Plik jest uszkodzony: pole entities[3].name — expected string.',
    );
    expect(shareErrorText(new Error('disk'))).toBe('Nie udało się odczytać pliku.');
  });
});

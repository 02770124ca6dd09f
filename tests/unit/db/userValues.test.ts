// The write commands of the user's values on the real default directory (fake-indexeddb): values
// added from a page, a linked site, corrections, and what a re-import through the importer does
// to them (nothing), with the directory change log told of every write.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RadarDB } from '../../../shared/db/database.ts';
import { importPlan, planFromDb } from '../../../shared/db/commands/import.ts';
import { linkSiteToEntity } from '../../../shared/db/commands/linkSite.ts';
import { readDirectoryChanges } from '../../../shared/db/directoryLog.ts';
import { listCorrections, pickLaterValue, writeUserValues } from '../../../shared/db/commands/userValues.ts';
import { findEntityForUrl } from '../../../shared/db/queries.ts';
import { parseImportFile } from '../../../shared/io/import/index.ts';
import { dbWithDirectory } from '../extension/directory.ts';

const ALTERNATYWY = 'krs:0000700353'; // NIP 9291928963, e-mail alternatywy.dlaseniora@gmail.com
const PAGE = { url: 'https://alternatywy.example.pl/kontakt', seenAt: '2026-12-01', label: 'Alternatywy' };
const HEADER = 'name,legal_form,krs,nip,regon,voivodeship,county,city,postal_code,street,website,email,phone\n';
const ROW = (street: string, email = 'alternatywy.dlaseniora@gmail.com') =>
  `Spółdzielnia Socjalna „ALTERNATYWY” (Dom Dziennego Pobytu dla Seniora),spoldzielnia_socjalna,0000700353,9291928963,368553461,lubuskie,,Zielona Góra,65-454,${street},,${email},+48 603 254 662\n`;

let db: RadarDB;
beforeEach(async () => {
  db = await dbWithDirectory();
});
afterEach(async () => {
  await db.delete();
});

async function importCsv(text: string, fileName: string, seenAt: string) {
  const parsed = await parseImportFile(fileName, new TextEncoder().encode(text));
  const plan = await planFromDb(db, parsed, { source: { url: `file:${fileName}`, seenAt }, now: `${seenAt}T10:00:00.000Z` });
  return importPlan(db, plan, { fileName, format: 'csv' });
}

describe('writeUserValues', () => {
  it('adds values found on a page, each with the page as its source, and logs the change', async () => {
    const r = await writeUserValues(db, ALTERNATYWY, [{ field: 'emails', value: 'mailto:biuro@alternatywy.pl' }, { field: 'phones', value: '68 320 11 22' }], PAGE);
    expect(r.ok && r.written).toBe(2);
    const e = (await db.entities.get(ALTERNATYWY))!;
    expect(e.emails).toEqual(['alternatywy.dlaseniora@gmail.com', 'biuro@alternatywy.pl']);
    expect(e.phones).toContain('+48683201122');
    expect(e.userValues!.map((v) => [v.field, v.kind, v.value, v.source.url])).toEqual([
      ['emails', 'added', 'biuro@alternatywy.pl', PAGE.url],
      ['phones', 'added', '+48683201122', PAGE.url],
    ]);
    expect(e.sources.map((s) => s.url)).toContain(PAGE.url);
    expect((await readDirectoryChanges(db)).at(-1)!.ids).toEqual([ALTERNATYWY]);
  });

  it('refuses every value when one fails, saying which and why', async () => {
    const before = await db.entities.get(ALTERNATYWY);
    const r = await writeUserValues(db, ALTERNATYWY, [{ field: 'emails', value: 'ok@alternatywy.pl' }, { field: 'emails', value: 'jan@x.pl?bcc=a@b.pl' }, { field: 'regon', value: '368553462' }], PAGE);
    expect(r).toEqual({ ok: false, refusals: [{ field: 'emails', reason: 'format' }, { field: 'regon', reason: 'checksum' }] });
    expect(await db.entities.get(ALTERNATYWY)).toEqual(before);
  });

  it('refuses an identifier another entity has: a page cannot attach someone else’s NIP', async () => {
    const other = (await db.entities.toArray()).find((e) => e.id !== ALTERNATYWY && !e.nip)!;
    const r = await writeUserValues(db, other.id, [{ field: 'nip', value: '929-192-89-63' }], PAGE);
    expect(r).toEqual({ ok: false, refusals: [{ field: 'nip', reason: 'taken', byId: ALTERNATYWY, byName: expect.stringMatching(/ALTERNATYWY/) }] });
  });

  it('a correction shows at once, keeps the original and its source, and survives re-imports', async () => {
    await importCsv(HEADER + ROW('ul. Gen. W. Sikorskiego 15/4'), 'lista.csv', '2026-11-01');
    const r = await writeUserValues(db, ALTERNATYWY, [{ field: 'address.street', value: 'ul. Fabryczna 23B', note: 'przeprowadzka' }, { field: 'emails', removed: true, original: 'alternatywy.dlaseniora@gmail.com' }], { url: 'user:', seenAt: '2026-12-01' });
    expect(r.ok).toBe(true);
    let e = (await db.entities.get(ALTERNATYWY))!;
    expect(e.address.street).toBe('ul. Fabryczna 23B');
    expect(e.emails).toEqual([]);
    const street = e.userValues!.find((v) => v.field === 'address.street')!;
    expect(street).toMatchObject({ kind: 'corrected', original: 'ul. Gen. W. Sikorskiego 15/4', originalSource: 'feed:default', note: 'przeprowadzka' });

    // The same list again, a month later: nothing the user did is undone, nothing is written.
    const again = await importCsv(HEADER + ROW('ul. Gen. W. Sikorskiego 15/4'), 'lista.csv', '2026-12-02');
    expect(again.counts.merged).toBe(0);
    e = (await db.entities.get(ALTERNATYWY))!;
    expect(e.address.street).toBe('ul. Fabryczna 23B');
    expect(e.emails).toEqual([]);

    // A newer list states another street: mine stays, theirs is shown beside it; the user picks.
    await importCsv(HEADER + ROW('ul. Nowa 1'), 'lista-2027.csv', '2027-01-10');
    e = (await db.entities.get(ALTERNATYWY))!;
    expect(e.address.street).toBe('ul. Fabryczna 23B');
    expect(e.userValues!.find((v) => v.field === 'address.street')!.later).toEqual({ value: 'ul. Nowa 1', source: 'file:lista-2027.csv', seenAt: '2027-01-10' });
    await pickLaterValue(db, ALTERNATYWY, 'address.street', 'later');
    e = (await db.entities.get(ALTERNATYWY))!;
    expect(e.address.street).toBe('ul. Nowa 1');
    expect(e.fieldSources?.['address.street']).toBe('file:lista-2027.csv');
    expect(e.userValues!.some((v) => v.field === 'address.street')).toBe(false);

    const rows = await listCorrections(db, [ALTERNATYWY]);
    expect(rows.map((r) => [r.entityId, r.value.field, r.value.kind])).toEqual([[ALTERNATYWY, 'emails', 'removed']]);
  });

  it('keeping mine declines the newer value for good', async () => {
    await writeUserValues(db, ALTERNATYWY, [{ field: 'address.street', value: 'ul. Fabryczna 23B' }], { url: 'user:', seenAt: '2026-12-01' });
    await importCsv(HEADER + ROW('ul. Nowa 1'), 'lista-2027.csv', '2027-01-10');
    await pickLaterValue(db, ALTERNATYWY, 'address.street', 'mine');
    await importCsv(HEADER + ROW('ul. Nowa 1'), 'lista-2027b.csv', '2027-02-10');
    const uv = (await db.entities.get(ALTERNATYWY))!.userValues!.find((v) => v.field === 'address.street')!;
    expect(uv.later).toBeUndefined();
    expect(uv.declined).toEqual(['ul. Nowa 1']);
  });
});

describe('writeUserValues on websites', () => {
  it('refuses a site another entity is recognised by', async () => {
    const r = await writeUserValues(db, ALTERNATYWY, [{ field: 'websites', value: 'https://www.pcogito.pl/oferta' }], PAGE);
    expect(r).toMatchObject({ ok: false, refusals: [{ field: 'websites', reason: 'taken', byName: expect.stringMatching(/Cogito/) }] });
    const fb = await writeUserValues(db, ALTERNATYWY, [{ field: 'websites', value: 'https://www.facebook.com/alternatywy' }], PAGE);
    // A Facebook page may be its website, but never a key the badge lights by.
    expect(fb.ok).toBe(true);
    expect((await db.entities.get(ALTERNATYWY))!.domains).not.toContain('facebook.com');
  });
});

describe('linkSiteToEntity', () => {
  it('makes the page’s site the entity’s, with the page as its source, so the site is recognised', async () => {
    const r = await linkSiteToEntity(db, ALTERNATYWY, 'https://www.alternatywy-zg.pl/o-nas?utm_source=x#top', 'Alternatywy');
    expect(r.ok).toBe(true);
    expect((await findEntityForUrl(db, 'https://alternatywy-zg.pl/oferta'))?.entity.id).toBe(ALTERNATYWY);
    const e = (await db.entities.get(ALTERNATYWY))!;
    expect(e.websites).toContain('https://www.alternatywy-zg.pl/');
    expect(e.userValues!.at(-1)!.source.url).toBe('https://www.alternatywy-zg.pl/o-nas');
    // Kept across a re-import of a list that has no website for it.
    await importCsv(HEADER + ROW('ul. Gen. W. Sikorskiego 15/4'), 'lista.csv', '2027-01-01');
    expect((await findEntityForUrl(db, 'https://alternatywy-zg.pl/'))?.entity.id).toBe(ALTERNATYWY);
  });

  it('refuses shared platforms and a site another entity has', async () => {
    expect(await linkSiteToEntity(db, ALTERNATYWY, 'https://www.facebook.com/alternatywy')).toEqual({ ok: false, reason: 'shared_platform' });
    expect(await linkSiteToEntity(db, ALTERNATYWY, 'javascript:alert(1)')).toEqual({ ok: false, reason: 'format' });
    const r = await linkSiteToEntity(db, ALTERNATYWY, 'http://www.pcogito.pl/');
    expect(r).toMatchObject({ ok: false, reason: 'taken', byName: expect.stringMatching(/Cogito/) });
  });
});

// Sharing lists offline, end to end in the standalone SPA: a list exported from one browser profile
// (A) and imported into a fresh one (B) is equal in content; the same file twice adds nothing; a
// conflicting edit is offered as a conflict and the choice is honoured; the CSV and vCard downloads
// are read by independent parsers (papaparse, ical.js), the QR by jsQR; bad files change nothing
// and say what is wrong.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import jsQR from 'jsqr';
import Papa from 'papaparse';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchKeys } from '../../shared/model/merge.ts';
import { entityIdFor } from '../../shared/model/entity.ts';
import type { ContactList, Entity, Interaction, ListMember, Note, Person, Saved } from '../../shared/model/types.ts';
import { launch, launchExtension, serveStatic, SPA_DIR, until, type Browser, type StaticServer } from './harness.ts';

type Store = 'entities' | 'lists' | 'listMembers' | 'persons' | 'notes' | 'saved' | 'interactions' | 'settings' | 'imports';

/** Test arrangement and inspection straight through IndexedDB (what the app stores, not what it shows). */
async function idbPut(page: Page, records: Partial<Record<Store, unknown[]>>): Promise<void> {
  await page.evaluate(async (recs) => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('radar-es');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const tx = db.transaction(Object.keys(recs), 'readwrite');
    for (const [store, items] of Object.entries(recs)) for (const item of items as unknown[]) tx.objectStore(store).put(item);
    await new Promise((ok, ko) => {
      tx.oncomplete = ok;
      tx.onerror = () => ko(tx.error);
    });
    db.close();
  }, records);
}

async function idbAll<T>(page: Page, store: Store): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('radar-es');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const all = await new Promise<unknown[]>((ok, ko) => {
      const r = db.transaction(name).objectStore(name).getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    db.close();
    return all;
  }, store) as Promise<T[]>;
}

const STORES: Store[] = ['entities', 'lists', 'listMembers', 'persons', 'notes', 'saved', 'interactions', 'imports'];
async function counts(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of STORES) out[s] = (await idbAll(page, s)).length;
  return out;
}

/** A list's content as a user would compare it: entities, persons, notes — ids and order aside. */
async function listContent(page: Page, listId: string) {
  const [lists, members, entities, persons, notes] = await Promise.all([
    idbAll<ContactList>(page, 'lists'),
    idbAll<ListMember>(page, 'listMembers'),
    idbAll<Entity>(page, 'entities'),
    idbAll<Person>(page, 'persons'),
    idbAll<Note>(page, 'notes'),
  ]);
  const ids = new Set(members.filter((m) => m.listId === listId).map((m) => m.entityId));
  const mine = entities.filter((e) => ids.has(e.id));
  const nameOf = new Map(mine.map((e) => [e.id, e.name]));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    name: lists.find((l) => l.id === listId)?.name,
    entities: mine
      .map((e) => ({ name: e.name, legalForm: e.legalForm, krs: e.krs, nip: e.nip, address: e.address, phones: e.phones, emails: e.emails, offer: e.offer }))
      .sort(byName),
    persons: persons
      .filter((p) => ids.has(p.entityId))
      .map((p) => ({ entity: nameOf.get(p.entityId), name: p.name, role: p.role, email: p.email, phone: p.phone }))
      .sort(byName),
    notes: notes.filter((n) => ids.has(n.entityId)).map((n) => ({ entity: nameOf.get(n.entityId), text: n.text })),
  };
}

async function openApp(browser: Browser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${url}/#/lists`);
  // The app loads the default directory (405 entities) on first start.
  await until(async () => (await idbAll<{ key: string; value: unknown }>(page, 'settings')).some((s) => s.key === 'defaultDirectoryLoaded' && s.value), 'the default directory', 30_000);
  return page;
}


/** The QR's SVG drawn on a canvas in the page, decoded in Node by jsQR: an independent reader. */
async function decodeQr(scope: Locator): Promise<string> {
  const img = await scope.locator('svg').evaluate(async (svg) => {
    const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
    const image = new Image();
    image.src = url;
    await image.decode();
    // Whole pixels per module (quiet zone included), so the drawing stays sharp.
    const side = (Number(svg.getAttribute('data-modules')) + 8) * 4;
    const canvas = Object.assign(document.createElement('canvas'), { width: side, height: side });
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0, side, side);
    URL.revokeObjectURL(url);
    // Raw RGBA as base64: far cheaper to carry out of the page than an array of numbers.
    const bytes = ctx.getImageData(0, 0, side, side).data;
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { side, rgba: btoa(binary) };
  });
  return jsQR(new Uint8ClampedArray(Buffer.from(img.rgba, 'base64')), img.side, img.side)?.data ?? '';
}

const T0 = '2026-11-20T10:00:00.000Z';

describe('sharing a list between two browser profiles', () => {
  let spa: StaticServer;
  let a: Browser;
  let b: Browser;
  let pageA: Page;
  let pageB: Page;
  const files = mkdtempSync(join(tmpdir(), 'radar-es-share-'));
  let listId: string;
  let directory: Entity[];
  let own: Entity;
  /** Saved exports of profile A. */
  const exported: Record<'plain' | 'private' | 'csv' | 'vcard', string> = { plain: '', private: '', csv: '', vcard: '' };

  beforeAll(async () => {
    spa = await serveStatic({ dir: SPA_DIR });
    [a, b] = await Promise.all([launch(), launch()]);
    [pageA, pageB] = await Promise.all([openApp(a, spa.url), openApp(b, spa.url)]);

    // Profile A: a list of 3 directory entities and one entity of my own, with contact persons,
    // a note, a status and a contact — and my name and company in the settings.
    const all = await idbAll<Entity>(pageA, 'entities');
    // The sample directory is sparse: the richest entities first (KRS, then phones, e-mails).
    const richness = (e: Entity) => (e.krs ? 4 : 0) + (e.phones.length ? 2 : 0) + (e.emails.length ? 1 : 0);
    directory = all.sort((x, y) => richness(y) - richness(x)).slice(0, 3);
    expect(directory[0].krs && directory[0].phones.length).toBeTruthy();
    expect(directory).toHaveLength(3);
    const ownBase: Entity = {
      id: '',
      name: 'Piekarnia „Pod Kłosem” — spółdzielnia naszej gminy',
      legalForm: 'spoldzielnia_socjalna',
      address: { street: 'ul. Lwowska 3', postalCode: '34-100', city: 'Wadowice' },
      domains: [],
      websites: [],
      emails: ['piekarnia@example.pl'],
      phones: ['+48331234567'],
      // A cell that a spreadsheet would run as a formula, if the CSV guard did not neutralise it.
      offer: '=HYPERLINK("http://example.invalid","chleb")',
      categories: ['catering'],
      sources: [{ url: 'user:', seenAt: T0 }],
      origin: 'user',
      createdAt: T0,
      updatedAt: T0,
    };
    own = { ...ownBase, id: entityIdFor({ name: ownBase.name, city: 'Wadowice' }) };
    listId = 'list_e2e_a';
    const members = [...directory, own];
    await idbPut(pageA, {
      entities: [{ ...own, keys: matchKeys(own) }],
      lists: [{ id: listId, name: 'Catering — Kraków', description: 'Na targi ES', createdAt: T0, updatedAt: T0 }],
      listMembers: members.map((e, i) => ({ listId, entityId: e.id, addedAt: `2026-11-20T10:0${i}:00.000Z` })),
      persons: [
        { id: 'person_e2e_1', entityId: directory[0].id, name: 'Anna Nowak', role: 'Prezeska', email: 'anna@example.pl', phone: '+48601234567', createdAt: T0, updatedAt: T0 },
        { id: 'person_e2e_2', entityId: own.id, name: 'Jan Kłos', role: 'Piekarz', createdAt: T0, updatedAt: T0 },
      ],
      notes: [{ id: 'note_e2e_1', entityId: directory[0].id, text: 'Obiady dla 80 osób bez problemu', createdAt: T0, updatedAt: T0 }],
      saved: [{ entityId: directory[1].id, status: 'supplier', tags: ['obiady'], createdAt: T0, updatedAt: T0 }],
      interactions: [{ id: 'interaction_e2e_1', entityId: directory[0].id, channel: 'phone', at: T0, summary: 'Umówione spotkanie' }],
      settings: [
        { key: 'userName', value: 'Jan Kowalski' },
        { key: 'userCompany', value: 'Firma Sp. z o.o.' },
      ],
    });
    await pageA.goto(`${spa.url}/#/list/${listId}`);
    await pageA.reload();
    await pageA.getByRole('heading', { name: 'Catering — Kraków', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await spa?.close();
    rmSync(files, { recursive: true, force: true });
  });

  /** Opens the share dialog, sets it up, downloads, and returns the saved file's path. */
  async function download(setup: (dialog: ReturnType<Page['getByRole']>) => Promise<void>, name: string): Promise<string> {
    await pageA.getByRole('button', { name: 'Udostępnij lub eksportuj…' }).click();
    const dialog = pageA.getByRole('dialog');
    await dialog.waitFor();
    await setup(dialog);
    const [file] = await Promise.all([pageA.waitForEvent('download'), dialog.getByRole('button', { name: 'Pobierz plik' }).click()]);
    const path = join(files, name);
    await (file as Download).saveAs(path);
    await dialog.getByRole('button', { name: 'Zamknij' }).click();
    return path;
  }

  it('exports the list from profile A as a package (with and without private data), CSV and vCard', async () => {
    exported.plain = await download(async (d) => {
      expect(await d.getByText('Nadawca w pliku: Jan Kowalski, Firma Sp. z o.o.').count()).toBe(1);
    }, 'plain.radar-es.json');
    exported.private = await download(async (d) => {
      await d.getByLabel(/Dołącz moje notatki/).check();
    }, 'private.radar-es.json');
    exported.csv = await download(async (d) => {
      await d.getByLabel(/CSV/).check();
      // The tick set for the previous export stays set: it applies to the CSV's status columns.
      expect(await d.getByLabel(/Dołącz moje notatki/).isChecked()).toBe(true);
      expect(await d.getByLabel('Separator kolumn').inputValue()).toBe(';');
    }, 'list.csv');
    exported.vcard = await download(async (d) => {
      await d.getByLabel(/vCard/).check();
    }, 'list.vcf');

    const plain = JSON.parse(readFileSync(exported.plain, 'utf8'));
    expect(plain.format).toBe('radar-es/list-package');
    expect(plain.exporter).toEqual({ name: 'Jan Kowalski', company: 'Firma Sp. z o.o.' });
    expect(plain.private).toBeUndefined();
    const priv = JSON.parse(readFileSync(exported.private, 'utf8'));
    expect(priv.private.notes.map((n: Note) => n.text)).toEqual(['Obiady dla 80 osób bez problemu']);
    expect(priv.private.saved.map((s: Saved) => s.status)).toEqual(['supplier']);
    expect(priv.private.interactions.map((i: Interaction) => i.summary)).toEqual(['Umówione spotkanie']);
  });

  it('hands the file to the share sheet where the browser can share files (Web Share API)', async () => {
    const page = await a.context.newPage();
    // Headless Linux Chromium has no share sheet: this stands in for a phone's.
    await page.addInitScript(() => {
      const nav = navigator as Navigator & { __shared?: unknown };
      nav.canShare = (d?: ShareData) => !!d?.files?.length;
      nav.share = async (d?: ShareData) => {
        const f = d!.files![0];
        nav.__shared = { name: f.name, type: f.type, text: await f.text() };
      };
    });
    await page.goto(`${spa.url}/#/list/${listId}`);
    await page.getByRole('button', { name: 'Udostępnij lub eksportuj…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/vCard/).check();
    await dialog.getByRole('button', { name: 'Udostępnij…' }).click();
    await dialog.getByText('Udostępniono plik Catering — Kraków.vcf').waitFor();
    const shared = await page.evaluate(() => (navigator as Navigator & { __shared?: { name: string; type: string; text: string } }).__shared!);
    expect(shared.name).toBe('Catering — Kraków.vcf');
    expect(shared.type).toBe('text/vcard;charset=utf-8');
    expect((ICAL.parse(shared.text) as unknown[]).length).toBe(6);
    await page.close();
  });

  it('the CSV reads back with papaparse: BOM, semicolons, one row per entity, persons, formula guard', () => {
    const bytes = readFileSync(exported.csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { data, errors } = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true });
    expect(errors).toEqual([]);
    const [header, ...rows] = data;
    expect(header.slice(0, 4)).toEqual(['Nazwa', 'Forma prawna', 'KRS', 'NIP']);
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => r[col('Nazwa')]).sort()).toEqual([...directory, own].map((e) => e.name).sort());
    const ownRow = rows.find((r) => r[col('Nazwa')] === own.name)!;
    expect(ownRow[col('Oferta')]).toBe(`'${own.offer}`);
    expect(ownRow[col('Osoba 1')]).toBe('Jan Kłos');
    const first = rows.find((r) => r[col('Nazwa')] === directory[0].name)!;
    // A KRS is written as its plain digits (leading zeros kept, no apostrophe a spreadsheet would
    // show); statuses stay out unless ticked.
    expect(first[col('KRS')]).toBe(directory[0].krs);
    expect(first[col('Osoba 1 – e-mail')]).toBe('anna@example.pl');
    // The private tick covers the CSV too: my statuses are in it only because it was ticked.
    expect(rows.map((r) => [r[col('Nazwa')], r[col('Status')]]).filter(([, status]) => status)).toEqual([[directory[1].name, 'Dostawca']]);
  });

  it('the vCard file reads back with ical.js: one card per entity and per person', () => {
    const parsed = ICAL.parse(readFileSync(exported.vcard, 'utf8')) as unknown as ['vcard', [string, unknown, string, ...unknown[]][]][];
    expect(parsed).toHaveLength(4 + 2);
    const cards = parsed.map(([, props]) => {
      const get = (n: string) => props.filter((p) => p[0] === n).map((p) => p[3]);
      return { fn: get('fn')[0], org: get('org')[0], tel: get('tel'), email: get('email'), title: get('title')[0] };
    });
    for (const e of [...directory, own]) {
      const card = cards.find((c) => c.fn === e.name)!;
      expect(card.org).toBe(e.name);
      expect(card.tel).toEqual(e.phones);
      expect(card.email).toEqual(e.emails);
    }
    expect(cards.find((c) => c.fn === 'Jan Kłos')).toMatchObject({ org: own.name, title: 'Piekarz' });
    expect(cards.find((c) => c.fn === 'Anna Nowak')).toMatchObject({ org: directory[0].name, tel: ['+48601234567'] });
  });

  it('imports into profile B: equal in content, private data only when ticked; the same file twice adds nothing', async () => {
    await pageB.goto(`${spa.url}/#/lists`);
    const input = pageB.getByTestId('import-file');
    await input.setInputFiles(exported.plain);
    const preview = pageB.getByTestId('import-preview');
    await preview.waitFor();
    // B has the default directory: 3 entities are known and unchanged, my own entity is new.
    expect(await preview.locator('[data-count=new]').textContent()).toBe('1 nowy podmiot');
    expect(await preview.locator('[data-count=unchanged]').textContent()).toBe('3 bez zmian');
    expect(await preview.locator('[data-count=persons]').textContent()).toBe('2 nowe osoby kontaktowe');
    expect(await preview.getByText('Udostępnił(a): Jan Kowalski, Firma Sp. z o.o.', { exact: false }).count()).toBe(1);
    // Nothing is written before the user confirms.
    expect((await counts(pageB)).lists).toBe(0);
    await pageB.getByRole('button', { name: 'Importuj', exact: true }).click();
    await pageB.getByTestId('import-done').waitFor();

    const listsB = await idbAll<ContactList>(pageB, 'lists');
    expect(listsB).toHaveLength(1);
    expect(listsB[0].sharedBy).toMatchObject({ name: 'Jan Kowalski', company: 'Firma Sp. z o.o.' });
    const contentA = await listContent(pageA, listId);
    expect(await listContent(pageB, listsB[0].id)).toEqual({ ...contentA, notes: [] });
    expect((await counts(pageB)).saved).toBe(0);
    // The imported list shows up on the lists page, live.
    await pageB.getByTestId('lists').getByRole('link', { name: 'Catering — Kraków' }).waitFor();

    // The same file again: the preview says there is nothing new, and offers no import.
    const before = await counts(pageB);
    await input.setInputFiles(exported.plain);
    await pageB.getByTestId('import-nothing').waitFor();
    expect(await preview.locator('[data-count=new]').textContent()).toBe('0 nowych podmiotów');
    expect(await pageB.getByRole('button', { name: 'Importuj', exact: true }).count()).toBe(0);
    await pageB.getByRole('button', { name: 'Zamknij' }).click();
    expect(await counts(pageB)).toEqual(before);

    // The export with private data: a second list, and A's note marked as shared by A.
    await input.setInputFiles(exported.private);
    await preview.waitFor();
    expect(await preview.locator('[data-count=notes]').textContent()).toBe('1 notatka nadawcy');
    expect(await preview.getByText('nowa dostanie nazwę „Catering — Kraków (2)”', { exact: false }).count()).toBe(1);
    await pageB.getByRole('button', { name: 'Importuj', exact: true }).click();
    await pageB.getByTestId('import-done').waitFor();
    const second = (await idbAll<ContactList>(pageB, 'lists')).find((l) => l.name === 'Catering — Kraków (2)')!;
    expect(await listContent(pageB, second.id)).toEqual({ ...contentA, name: 'Catering — Kraków (2)' });
    const notes = await idbAll<Note>(pageB, 'notes');
    expect(notes.map((n) => n.sharedBy?.name)).toEqual(['Jan Kowalski']);
    expect((await idbAll<Saved>(pageB, 'saved')).map((s) => [s.entityId, s.status])).toEqual([[directory[1].id, 'supplier']]);
    expect((await counts(pageB)).persons).toBe(2);
  });

  it('a conflicting edit in B is offered as a conflict, and the per-field choice is honoured', async () => {
    const target = (await idbAll<Entity>(pageB, 'entities')).find((e) => e.id === directory[0].id)!;
    const theirs = (await idbAll<Entity>(pageA, 'entities')).find((e) => e.id === directory[0].id)!;
    // B edits the offer, the street and the phone of an entity on the list.
    await idbPut(pageB, {
      entities: [{ ...target, offer: 'Moja oferta po rozmowie', address: { ...target.address, street: 'ul. Moja 1' }, phones: ['+48124445566'] }],
    });
    await pageB.reload();
    await pageB.getByTestId('import-file').setInputFiles(exported.private);
    const conflicts = pageB.getByTestId('import-conflicts');
    await conflicts.waitFor();
    const table = conflicts.locator(`table[data-entity="${target.id}"]`);
    expect(await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-conflict')))).toEqual([
      `${target.id}.offer`,
      `${target.id}.address.street`,
    ]);
    // Phones are contact data: unioned, never a conflict. Street: keep mine (the default); offer: take theirs.
    await table.getByLabel('Oferta: przyjmij z pliku').check();
    await pageB.getByRole('button', { name: 'Importuj', exact: true }).click();
    await pageB.getByTestId('import-done').waitFor();
    const stored = (await idbAll<Entity>(pageB, 'entities')).find((e) => e.id === target.id)!;
    expect(stored.offer).toBe(theirs.offer);
    expect(stored.address.street).toBe('ul. Moja 1');
    expect(stored.phones).toEqual(expect.arrayContaining(['+48124445566', ...theirs.phones]));
  });

  it('imports a .vcf: company cards become entities, persons attach by ORG, cards without ORG are listed as not imported', async () => {
    const vcf = [
      'BEGIN:VCARD', 'VERSION:3.0', 'N:;;;;', 'FN:Fundacja Zielony Ogród', 'ORG:Fundacja Zielony Ogród', 'X-ABShowAs:COMPANY',
      'TEL;TYPE=WORK:+48 12 345 67 89', 'EMAIL:biuro@zielony-ogrod.example.pl', 'ADR;TYPE=WORK:;;ul. Kwiatowa 5;Kraków;;30-001;Polska', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Zielińska;Ewa;;;', 'FN:Ewa Zielińska', 'ORG:Fundacja Zielony Ogród', 'TITLE:Koordynatorka', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:2.1', 'N:Bezfirmowy;Adam', 'FN:Adam Bezfirmowy', 'TEL;CELL:600700800', 'END:VCARD',
    ].join('\r\n');
    await pageB.getByTestId('import-file').setInputFiles({ name: 'targi.vcf', mimeType: 'text/vcard', buffer: Buffer.from(vcf) });
    const preview = pageB.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.locator('[data-count=new]').textContent()).toBe('1 nowy podmiot');
    expect(await pageB.getByTestId('import-unattached').textContent()).toContain('Adam Bezfirmowy');
    await pageB.getByRole('button', { name: 'Importuj', exact: true }).click();
    await pageB.getByTestId('import-done').waitFor();
    const entity = (await idbAll<Entity>(pageB, 'entities')).find((e) => e.name === 'Fundacja Zielony Ogród')!;
    expect(entity).toMatchObject({ phones: ['+48123456789'], emails: ['biuro@zielony-ogrod.example.pl'], address: { city: 'Kraków' } });
    expect((await idbAll<Person>(pageB, 'persons')).filter((p) => p.entityId === entity.id).map((p) => [p.name, p.role])).toEqual([['Ewa Zielińska', 'Koordynatorka']]);
    expect((await idbAll<ContactList>(pageB, 'lists')).map((l) => l.name)).toContain('targi');
    expect((await idbAll<Person>(pageB, 'persons')).some((p) => p.name === 'Adam Bezfirmowy')).toBe(false);
  });

  it('bad input changes nothing and says what is wrong', async () => {
    const before = await counts(pageB);
    const input = pageB.getByTestId('import-file');
    const error = pageB.getByTestId('import-error');
    const expectError = async (file: { name: string; buffer: Buffer }, text: RegExp) => {
      await input.setInputFiles({ ...file, mimeType: 'application/json' });
      await until(async () => text.test((await error.textContent().catch(() => '')) ?? ''), `the message ${text}`);
      expect(await error.textContent()).toContain('Nic nie zostało zmienione.');
    };
    const pkg = readFileSync(exported.plain, 'utf8');
    await expectError({ name: 'photo.json', buffer: Buffer.from('\x89PNG\r\n\x1a\n') }, /To nie jest pakiet listy Radar ES/);
    await expectError({ name: 'other.json', buffer: Buffer.from('{"format":"someone-else","items":[]}') }, /To nie jest pakiet listy Radar ES/);
    await expectError({ name: 'newer.json', buffer: Buffer.from(pkg.replace('"version": 1', '"version": 2')) }, /nowszej wersji Radar ES.*Zaktualizuj Radar ES/);
    await expectError({ name: 'cut.json', buffer: Buffer.from(pkg.slice(0, Math.floor(pkg.length / 2))) }, /niekompletny/);
    await expectError({ name: 'broken.json', buffer: Buffer.from(pkg.replace(`"id": "${own.id}"`, '"id": "bad id with spaces"')) }, /uszkodzony: pole entities\[3\]\.id/);

    // 100 MB built in the page and dropped onto it: refused by its size, before it is read.
    await pageB.evaluate(() => {
      const big = new File([new Uint8Array(100 * 1024 * 1024)], 'dump.json', { type: 'application/json' });
      const dt = new DataTransfer();
      dt.items.add(big);
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await until(async () => /za duży \(100 MB, limit 25 MB\)/.test((await error.textContent()) ?? ''), 'the too-large message');
    expect(await counts(pageB)).toEqual(before);
  });

  it('hostile strings in a package are shown as text, never run', async () => {
    const before = await counts(pageB);
    const pkg = JSON.parse(readFileSync(exported.plain, 'utf8'));
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    pkg.list.name = `Lista ${hostile}`;
    pkg.entities[3].name = `Piekarnia ${hostile}`;
    pkg.entities[3].id = 'name:hostile';
    pkg.persons = pkg.persons.map((p: Person) => (p.entityId === own.id ? { ...p, entityId: 'name:hostile', name: `Jan ${hostile}` } : p));
    pkg.exportedAt = '2026-11-23T10:00:00.000Z';
    await pageB.getByTestId('import-file').setInputFiles({ name: 'hostile.radar-es.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pkg)) });
    const preview = pageB.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.getByText(`Lista „Lista ${hostile}”`).count()).toBe(1);
    expect(await pageB.getByTestId('import-new').textContent()).toContain(`Piekarnia ${hostile}`);
    expect(await pageB.getByTestId('import-persons').textContent()).toContain(`Jan ${hostile}`);
    expect(await pageB.locator('main img, main script').count()).toBe(0);
    expect(await pageB.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await pageB.getByRole('button', { name: 'Anuluj import' }).click();
    expect(await counts(pageB)).toEqual(before);
    expect((pageB as Page & { errors?: string[] }).errors).toEqual([]);
  });

  it('shows a scannable QR of an entity card and of a person, and a printable list', async () => {
    const entityPage = await a.context.newPage();
    await entityPage.goto(`${spa.url}/#/entity/${encodeURIComponent(directory[0].id)}`);
    const qr = entityPage.getByTestId('contact-qr');
    await qr.locator('svg path').waitFor();
    const decode = () => decodeQr(qr);
    const card = await decode();
    expect(card).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
    const parsed = ICAL.parse(card) as unknown as ['vcard', [string, unknown, string, ...unknown[]][]];
    expect(parsed[1].find((p) => p[0] === 'fn')?.[3]).toBe(directory[0].name);
    await qr.getByLabel('Wizytówka').selectOption({ label: 'Anna Nowak — Prezeska' });
    await until(async () => (await decode()).includes('FN:Anna Nowak'), 'the QR of the contact person');
    await entityPage.close();

    // The printable list: a table of the list's entities; on paper, only the sheet is visible.
    await pageA.getByRole('button', { name: 'Widok do druku' }).click();
    const sheet = pageA.getByTestId('printable-list');
    await sheet.locator('tbody tr').first().waitFor();
    expect(await sheet.locator('tbody tr').count()).toBe(4);
    await pageA.emulateMedia({ media: 'print' });
    await sheet.evaluate((el) => {
      el.setAttribute('data-print-sheet', '');
      document.body.classList.add('radar-print');
    });
    const visibility = (sel: string) => pageA.locator(sel).first().evaluate((el) => getComputedStyle(el).visibility);
    expect(await visibility('header.top')).toBe('hidden');
    expect(await visibility('[data-testid=printable-list] tbody th')).toBe('visible');
    await pageA.emulateMedia({ media: 'screen' });
  });
});

describe('the QR of a contact card in the popup', () => {
  it('shows a scannable card of the entity of the page', async () => {
    const sites = await serveStatic({ byHost: true });
    const ext = await launchExtension({ sitesPort: sites.port });
    try {
      const site = await ext.context.newPage();
      await site.goto('http://www.pcogito.pl/');
      const popup = await ext.popupFor(site);
      await popup.getByRole('heading', { name: /U Pana Cogito/, level: 1 }).waitFor();
      await popup.getByRole('button', { name: 'Kod QR' }).click();
      const qr = popup.getByTestId('contact-qr');
      await qr.locator('svg path').waitFor();
      const card = await decodeQr(qr);
      expect(card).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
      expect(card).toMatch(/\r\nFN(;CHARSET=UTF-8)?:[^\r]*U Pana Cogito/);
    } finally {
      await ext.close();
      await sites.close();
    }
  });
});

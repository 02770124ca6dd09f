// A feed update merges only the entities that changed: every entity of a changed pack is
// fingerprinted, and one the publisher did not change — stored as this feed left it — is skipped.
// Changed, added, removed and unchanged entities; a user's values and another source's changes
// since (both make the entity go through the merge again); and the same result as merging every
// entity of the pack again, as updates did before.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { readDirectoryChanges, readDirectoryRevision } from '../../../shared/db/directoryLog.ts';
import { importPlan, planFromDb } from '../../../shared/db/commands/import.ts';
import { writeUserValues } from '../../../shared/db/commands/userValues.ts';
import { previewFeed, subscribeFeed, updateFeed } from '../../../shared/db/feedSync.ts';
import { packEntityHash } from '../../../shared/io/feeds/entityHash.ts';
import { parseImportFile } from '../../../shared/io/import/index.ts';
import { generateFeedKey, type FeedKeyFile } from '../../../shared/io/feeds/signature.ts';
import type { Entity } from '../../../shared/model/types.ts';
import { enc, Host } from './host.ts';

const URL_A = 'https://rops.example.org/a/index.json';
const M = [
  'Spółdzielnia Socjalna Alfa,,5261040828,małopolskie,Kraków,12 345 67 89',
  'Fundacja Beta,0000057364,,małopolskie,Tarnów,',
  'Spółdzielnia Socjalna Kappa,,,małopolskie,Bochnia,12 600 00 01',
  'Stowarzyszenie Lambda,,,małopolskie,Gorlice,',
  'Fundacja Mi,,,małopolskie,Wadowice,12 600 00 03',
];
const S = 'Spółdzielnia Socjalna Gamma,,,śląskie,Katowice,32 111 22 33';
const ZETA = 'Fundacja Zeta,,,małopolskie,Olkusz,12 600 00 09';
const D1 = '2026-12-01T00:00:00.000Z';
const D2 = '2026-12-15T00:00:00.000Z';

let key: FeedKeyFile;
let host: Host;
beforeAll(async () => {
  key = await generateFeedKey();
});
beforeEach(() => {
  host = new Host();
  // One clock for every write, so two databases that went through the same steps can be compared.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-16T09:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const deps = () => ({ fetch: host.fetch, timeoutMs: 2000 });
const byKey = (db: RadarDB, k: string) => db.entities.where('keys').equals(k).first() as Promise<Entity>;

async function subscribe(db: RadarDB) {
  const preview = await previewFeed(db, URL_A, deps());
  await subscribeFeed(db, preview, { deps: deps() });
  return preview.id;
}

/** Ids written since `revision`, from the directory change log. */
async function writtenSince(db: RadarDB, revision: number): Promise<string[]> {
  return [...new Set((await readDirectoryChanges(db)).filter((c) => c.revision > revision).flatMap((c) => c.ids ?? ['(bulk)']))].sort();
}

async function importCsv(db: RadarDB, name: string, csv: string) {
  const parsed = await parseImportFile(name, enc(csv));
  const now = new Date().toISOString();
  const plan = await planFromDb(db, parsed, { source: { url: `file:${name}`, seenAt: now.slice(0, 10) }, now });
  await importPlan(db, plan, { fileName: name, format: 'csv' });
}

describe('an update merges only the entities that changed', () => {
  it('changed, added, removed and unchanged entities of one region', async () => {
    const db = new RadarDB(`diff-${Math.random()}`);
    await host.publish('a', [...M, S], key, D1);
    const feedId = await subscribe(db);
    const before = new Map((await db.entities.toArray()).map((e) => [e.id, e]));
    const entries = await db.feedEntries.where('feedId').equals(feedId).toArray();
    expect(entries.every((e) => /^[0-9a-f]{16}$/.test(e.hash ?? '') && e.at !== undefined)).toBe(true);
    const alfa = await byKey(db, 'nip:5261040828');
    const beta = await byKey(db, 'krs:0000057364');

    // Alfa gets a second phone, Beta is no longer listed, Zeta is new; Kappa, Lambda, Mi unchanged.
    vi.setSystemTime(new Date('2026-12-17T09:00:00.000Z'));
    const revision = await readDirectoryRevision(db);
    await host.publish('a', [M[0].replace('12 345 67 89', '12 345 67 89; 600 100 200'), M[2], M[3], M[4], ZETA, S], key, D2);
    const result = await updateFeed(db, feedId, { deps: deps() });
    expect(result).toMatchObject({ status: 'updated', downloaded: 1, added: 1, merged: 1, unchanged: 3, rejected: 0, dropped: 1, count: 6 });

    const zeta = await byKey(db, 'name:zeta|olkusz');
    // Only Alfa and Zeta were merged and written, and Beta got its mark: nothing else was touched.
    expect(await writtenSince(db, revision)).toEqual([alfa.id, beta.id, zeta.id].sort());
    expect((await db.entities.get(alfa.id))!.phones).toEqual(['+48123456789', '+48600100200']);
    expect((await db.entities.get(beta.id))!.delisted).toEqual({ by: 'ROPS Testowo', since: D2 });
    for (const k of ['name:kappa|bochnia', 'name:lambda|gorlice', 'name:mi|wadowice', 'name:gamma|katowice']) {
      const e = await byKey(db, k);
      expect(e, k).toEqual(before.get(e.id));
    }
    const after = new Map((await db.feedEntries.where('feedId').equals(feedId).toArray()).map((e) => [e.entityId, e]));
    expect(after.get(beta.id)).toMatchObject({ droppedAt: D2 });
    expect(after.get(zeta.id)).toMatchObject({ region: 'małopolskie', at: zeta.updatedAt });
    expect(after.get(alfa.id)!.hash).not.toBe(entries.find((e) => e.entityId === alfa.id)!.hash);

    // Beta listed again, unchanged: its mark goes and its listing comes back, with no merge.
    const revision2 = await readDirectoryRevision(db);
    await host.publish('a', [M[0].replace('12 345 67 89', '12 345 67 89; 600 100 200'), ...M.slice(1), ZETA, S], key, '2026-12-20T00:00:00.000Z');
    expect(await updateFeed(db, feedId, { deps: deps() })).toMatchObject({ added: 0, merged: 0, unchanged: 6, dropped: 0, count: 7 });
    expect(await writtenSince(db, revision2)).toEqual([beta.id]);
    const betaNow = (await db.entities.get(beta.id))!;
    expect(betaNow.delisted).toBeUndefined();
    expect(betaNow.updatedAt).toBe(before.get(beta.id)!.updatedAt);
    expect((await db.feedEntries.get([feedId, beta.id]))!.droppedAt).toBeUndefined();
  });

  it('an entity with the user’s values, or changed by another source since, is merged again; the user’s value stays', async () => {
    const db = new RadarDB(`diff-${Math.random()}`);
    await host.publish('a', [...M, S], key, D1);
    const feedId = await subscribe(db);
    const kappa = await byKey(db, 'name:kappa|bochnia');
    const lambda = await byKey(db, 'name:lambda|gorlice');
    // The user corrects Kappa's phone; a file (dated after the feed) moves Alfa to another town.
    expect((await writeUserValues(db, kappa.id, [{ field: 'phones', original: '+48126000001', value: '12 600 00 02' }], { url: 'user:', seenAt: '2026-12-16' })).ok).toBe(true);
    await importCsv(db, 'lista.csv', 'nazwa,nip,miejscowość\nSpółdzielnia Socjalna Alfa,5261040828,Wieliczka\n');
    expect((await byKey(db, 'nip:5261040828')).address.city).toBe('Wieliczka');
    const revision = await readDirectoryRevision(db);

    // Only Mi changes in the new edition (dated after the file).
    await host.publish('a', [...M.slice(0, 4), M[4].replace('12 600 00 03', '12 600 00 04'), S], key, '2026-12-20T00:00:00.000Z');
    const result = await updateFeed(db, feedId, { deps: deps() });
    // Mi merged; Alfa merged again (the feed's newer edition takes its town back, as the rules say);
    // Kappa merged again and unchanged (the user's phone wins); Beta and Lambda skipped.
    expect(result).toMatchObject({ merged: 2, unchanged: 3, dropped: 0 });
    const alfa = await byKey(db, 'nip:5261040828');
    expect(alfa.address.city).toBe('Kraków');
    expect((await db.entities.get(kappa.id))!.phones).toEqual(['+48126000002']);
    expect((await db.entities.get(lambda.id))!).toEqual(lambda);
    const mi = await byKey(db, 'name:mi|wadowice');
    expect(await writtenSince(db, revision)).toEqual([alfa.id, mi.id].sort());
    // Kappa keeps no fingerprint while it holds a value of the user's: every update merges it.
    expect((await db.feedEntries.get([feedId, kappa.id]))!.hash).toBeUndefined();
  });

  it('gives the same directory as merging every entity of the changed pack again', async () => {
    // Two databases through the same steps; in the second every fingerprint is forgotten before
    // each update, so every entity of a changed pack goes through the merge (as before fingerprints).
    const run = async (forget: boolean) => {
      const h = new Host();
      host = h;
      vi.setSystemTime(new Date('2026-12-16T09:00:00.000Z'));
      const db = new RadarDB(`diff-${Math.random()}`);
      // A file first (newer than the feed's first edition: the feed loses the town on subscribing).
      await importCsv(db, 'lista.csv', 'nazwa,nip,miejscowość\nSpółdzielnia Socjalna Alfa,5261040828,Wieliczka\n');
      await h.publish('a', [...M, S], key, D1);
      const feedId = await subscribe(db);
      const kappa = await byKey(db, 'name:kappa|bochnia');
      await writeUserValues(db, kappa.id, [{ field: 'address.street', value: 'ul. Długa 1' }], { url: 'user:', seenAt: '2026-12-16' });
      const editions: [string[], string][] = [
        [[M[0], M[1].replace('Tarnów', 'Tarnów'), M[2], M[3], M[4].replace('12 600 00 03', '12 600 00 04'), S], D2],
        [[M[0], M[2], M[3], ZETA, S.replace('32 111 22 33', '32 111 22 44')], '2026-12-20T00:00:00.000Z'],
        [[...M, ZETA, S], '2026-12-28T00:00:00.000Z'],
      ];
      for (const [rows, date] of editions) {
        vi.setSystemTime(new Date(Date.parse(date) + 3600_000));
        await h.publish('a', rows, key, date);
        if (forget) await db.feedEntries.toCollection().modify((e) => void (delete e.hash, delete e.at));
        await updateFeed(db, feedId, { deps: deps() });
      }
      const entities = (await db.entities.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
      const entries = (await db.feedEntries.toArray()).map(({ hash: _h, at: _a, ...e }) => e).sort((a, b) => (a.entityId < b.entityId ? -1 : 1));
      return { entities, entries, feed: { ...(await db.feeds.get(feedId))! } };
    };
    const skipping = await run(false);
    const full = await run(true);
    expect(skipping.entities.length).toBe(7);
    expect(skipping.entities).toEqual(full.entities);
    expect(skipping.entries).toEqual(full.entries);
    expect(skipping.feed.count).toBe(full.feed.count);
  });
});

describe('the fingerprint of a pack entity', () => {
  const raw = { name: 'Fundacja Mi', address: { city: 'Wadowice' }, phones: ['+48126000003'], sources: [{ url: 'https://rops.example.org/', seenAt: '2026-12-01' }], createdAt: D1, updatedAt: D1 };
  it('ignores the dates a build stamps and the order of keys, and sees every value and the publisher', () => {
    const h = packEntityHash(raw, 'ROPS');
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    const redated = { ...raw, createdAt: D2, updatedAt: D2, sources: [{ seenAt: '2026-12-15', url: 'https://rops.example.org/' }] };
    expect(packEntityHash(redated, 'ROPS')).toBe(h);
    const { name, ...rest } = raw;
    expect(packEntityHash({ ...rest, name }, 'ROPS')).toBe(h);
    expect(packEntityHash({ ...raw, phones: ['+48126000004'] }, 'ROPS')).not.toBe(h);
    expect(packEntityHash({ ...raw, address: { city: 'Wadowice', street: 'ul. Długa 1' } }, 'ROPS')).not.toBe(h);
    expect(packEntityHash({ ...raw, sources: [{ url: 'https://owes.example.org/', seenAt: '2026-12-01' }] }, 'ROPS')).not.toBe(h);
    expect(packEntityHash(raw, 'ROPS Kraków')).not.toBe(h);
  });
});

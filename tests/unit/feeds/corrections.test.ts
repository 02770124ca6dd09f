// Corrections for a feed's publisher, and the first start recording the default feed.
import { beforeEach, describe, expect, it } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { correctionsFor, DEFAULT_FEED_ID } from '../../../shared/db/commands/feeds.ts';
import { loadDefaultDirectoryOnce } from '../../../shared/db/commands/directory.ts';
import { readBundledPack } from '../../../shared/io/fetchPack.ts';
import { correctionsCsv, correctionsMail, correctionsPackage } from '../../../shared/io/feeds/corrections.ts';
import { readListPackage } from '../../../shared/io/share/listPackage.ts';
import { buildDefaultPack } from '../../../scripts/defaultPack.ts';
import type { Flag } from '../../../shared/model/types.ts';

let db: RadarDB;
beforeEach(async () => {
  db = new RadarDB(`corr-${Math.random()}`);
  await db.open();
});

const flag = (id: string, entityId: string, kind: Flag['kind'], note?: string): Flag => ({
  id, entityId, kind, status: 'open', createdAt: '2026-12-02T10:00:00.000Z', updatedAt: '2026-12-02T10:00:00.000Z', ...(note ? { note } : {}),
});

describe('the default feed at first start', () => {
  it('records the subscription to the bundled feed, every pack held and every entity listed', async () => {
    const text = await buildDefaultPack();
    expect(await loadDefaultDirectoryOnce(db, async () => readBundledPack(text), 'chrome-extension://x/feed/index.json')).toBe('loaded');
    const feed = (await db.feeds.get(DEFAULT_FEED_ID))!;
    expect(feed).toMatchObject({ url: 'chrome-extension://x/feed/index.json', count: 405 });
    expect(Object.keys(feed.packs)).toHaveLength(17);
    expect(await db.feedEntries.where('feedId').equals(DEFAULT_FEED_ID).count()).toBe(405);
  });
});

describe('corrections for the publisher', () => {
  it('gathers open flags on the feed\'s entities and candidates in its regions, as CSV, list package and e-mail', async () => {
    const text = await buildDefaultPack();
    await loadDefaultDirectoryOnce(db, async () => readBundledPack(text), 'https://app.example/feed/index.json');
    const [listed] = await db.feedEntries.where('feedId').equals(DEFAULT_FEED_ID).limit(1).toArray();
    const candidate = { ...(await db.entities.get(listed.entityId))!, id: 'name:kandydat', name: '=HYPERLINK("x") Kandydat', origin: 'user' as const, candidate: true };
    await db.entities.put(candidate);
    await db.flags.bulkPut([
      flag('f1', listed.entityId, 'data_wrong', 'zły telefon'),
      flag('f2', 'name:kandydat', 'candidate'),
      { ...flag('f3', listed.entityId, 'not_pes'), status: 'done' },
    ]);
    const items = await correctionsFor(db, DEFAULT_FEED_ID);
    expect(items.map((i) => i.flag.id).sort()).toEqual(['f1', 'f2']);

    const csv = correctionsCsv(items, 'pl');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('zły telefon');
    expect(csv).toContain("'=HYPERLINK"); // formula guarded
    const pkg = readListPackage(correctionsPackage(items, { publisher: 'ROPS' }, { exportedAt: '2026-12-03T00:00:00.000Z' }));
    expect(pkg.entities).toHaveLength(2);
    expect(pkg.private?.notes.map((n) => n.text)).toContain('błędne dane: zły telefon');
    const mail = correctionsMail({ publisher: 'ROPS', contact: 'pes@rops.example.org' }, 2, 'poprawki.csv')!;
    expect(mail.startsWith('mailto:pes@rops.example.org?subject=')).toBe(true);
    expect(decodeURIComponent(mail)).toContain('Proszę o dołączenie pliku: poprawki.csv');
    expect(correctionsMail({ publisher: 'x', contact: 'not an address?x=1' }, 1, 'a.csv')).toBeUndefined();
  });
});

// Feed subscriptions against fake-indexeddb and an in-memory static host that honours ETag and
// counts requests: first download, 304, one changed region, an entity dropped, two feeds, failures
// that change nothing, a changed key, unsubscribing.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RadarDB } from '../../../shared/db/database.ts';
import { acceptFeedKey, feedsOfEntity, unsubscribeFeed } from '../../../shared/db/commands/feeds.ts';
import { saveEntity } from '../../../shared/db/commands/saved.ts';
import { previewFeed, subscribeFeed, updateFeed } from '../../../shared/db/feedSync.ts';
import { FeedError } from '../../../shared/io/feeds/errors.ts';
import { generateFeedKey, type FeedKeyFile } from '../../../shared/io/feeds/signature.ts';
import { enc, Host } from './host.ts';

const ROWS = [
  'Spółdzielnia Socjalna Alfa,,5261040828,małopolskie,Kraków,12 345 67 89',
  'Fundacja Beta,0000057364,,małopolskie,Tarnów,',
  'Spółdzielnia Socjalna Gamma,,,śląskie,Katowice,32 111 22 33',
  'Stowarzyszenie Delta,,,,Gdzieś,',
];

const URL_A = 'https://rops.example.org/a/index.json';
const URL_B = 'https://owes.example.org/b/index.json';
let key: FeedKeyFile;
let host: Host;
let db: RadarDB;
const deps = () => ({ fetch: host.fetch, timeoutMs: 2000 });
const codeOf = async (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof FeedError ? e.code : String(e)));

beforeAll(async () => {
  key = await generateFeedKey();
});
beforeEach(async () => {
  host = new Host();
  db = new RadarDB(`feeds-${Math.random()}`);
  await db.open();
});

async function subscribeA(rows = ROWS, regions?: string[]) {
  await host.publish('a', rows, key, '2026-12-01T00:00:00.000Z');
  const preview = await previewFeed(db, URL_A, deps());
  return { preview, result: await subscribeFeed(db, preview, { regions, deps: deps() }) };
}

describe('subscribing and updating', () => {
  it('previews without writing, then downloads every pack and merges with the feed as the source', async () => {
    await host.publish('a', ROWS, key, '2026-12-01T00:00:00.000Z');
    const preview = await previewFeed(db, URL_A, deps());
    expect(preview).toMatchObject({ count: 4, index: { publisher: 'ROPS Testowo', contact: 'pes@rops.example.org', licence: 'CC BY 4.0' } });
    expect(preview.index.packs.map((p) => [p.region, p.count])).toEqual([['małopolskie', 2], ['śląskie', 1], ['', 1]]);
    expect(await db.entities.count()).toBe(0);
    expect(await db.feeds.count()).toBe(0);

    const result = await subscribeFeed(db, preview, { deps: deps() });
    expect(result).toMatchObject({ status: 'updated', downloaded: 3, added: 4, count: 4 });
    const alfa = (await db.entities.where('keys').equals('nip:5261040828').first())!;
    expect(alfa.phones).toEqual(['+48123456789']);
    expect(alfa.sources[0]).toMatchObject({ url: `feed:${preview.id}`, label: 'ROPS Testowo' });
    expect(Object.values(alfa.fieldSources ?? {}).every((u) => u === `feed:${preview.id}`)).toBe(true);
    expect((await feedsOfEntity(db, alfa.id)).map((x) => x.feed.publisher)).toEqual(['ROPS Testowo']);
  });

  it('takes only the regions chosen', async () => {
    const { result } = await subscribeA(ROWS, ['śląskie']);
    expect(result).toMatchObject({ downloaded: 1, count: 1 });
    expect(host.packRequests()).toHaveLength(1);
    expect((await db.entities.toArray()).map((e) => e.name)).toEqual(['Spółdzielnia Socjalna Gamma']);
  });

  it('asks with If-None-Match: a 304 downloads no pack and writes no entity', async () => {
    const { preview } = await subscribeA();
    const revision = (await db.settings.get('directoryRevision'))?.value;
    host.requests = [];
    expect(await updateFeed(db, preview.id, { deps: deps() })).toEqual({ status: 'not_modified' });
    expect(host.requests).toEqual(['/a/index.json']);
    expect((await db.settings.get('directoryRevision'))?.value).toBe(revision);
    expect((await db.feeds.get(preview.id))?.lastSuccessAt).toBeDefined();
  });

  it('a host that answers 200 to every check: the same index text is not verified again, and nothing is downloaded', async () => {
    const { preview } = await subscribeA();
    const plain = host.fetch;
    host.fetch = (input, init) => plain(input, { ...init, headers: {} }); // If-None-Match ignored
    expect(await updateFeed(db, preview.id, { deps: deps() })).toEqual({ status: 'not_modified' });
    const verify = vi.spyOn(globalThis.crypto.subtle, 'verify');
    try {
      host.requests = [];
      expect(await updateFeed(db, preview.id, { deps: deps() })).toEqual({ status: 'not_modified' });
      expect(host.requests).toEqual(['/a/index.json']);
      expect(verify).not.toHaveBeenCalled();
      // Another text is verified: one signed by someone else is refused.
      const idx = JSON.parse(new TextDecoder().decode(host.files.get('/a/index.json')!));
      host.files.set('/a/index.json', enc(JSON.stringify({ ...idx, publisher: 'Ktoś' })));
      expect(await codeOf(updateFeed(db, preview.id, { deps: deps() }))).toBe('signature');
      expect(verify).toHaveBeenCalled();
    } finally {
      verify.mockRestore();
    }
  });

  it('leaving the conditional request to the browser (standalone app): no If-None-Match of its own, an unchanged index told by its hash', async () => {
    const { preview } = await subscribeA();
    const sent: (string | null)[] = [];
    const plain = host.fetch;
    host.fetch = (input, init) => {
      sent.push(new Headers(init?.headers).get('if-none-match'));
      return plain(input, init);
    };
    const verify = vi.spyOn(globalThis.crypto.subtle, 'verify');
    try {
      host.requests = [];
      expect(await updateFeed(db, preview.id, { deps: { ...deps(), browserRevalidates: true } })).toEqual({ status: 'not_modified' });
      expect(sent).toEqual([null]);
      expect(host.requests).toEqual(['/a/index.json']);
      expect(verify).not.toHaveBeenCalled();
    } finally {
      verify.mockRestore();
    }
    // A new edition is downloaded and applied as usual.
    await host.publish('a', [ROWS[0] + '; 600 100 200', ...ROWS.slice(1)], key, '2026-12-15T00:00:00.000Z');
    expect(await updateFeed(db, preview.id, { deps: { ...deps(), browserRevalidates: true } })).toMatchObject({ status: 'updated', downloaded: 1 });
  });

  it('downloads only the pack of the region that changed, and marks an entity the publisher dropped', async () => {
    const { preview } = await subscribeA();
    await saveEntity(db, (await db.entities.where('keys').equals('krs:0000057364').first())!.id);
    host.requests = [];
    // Beta (małopolskie) is no longer listed; Alfa gets a second phone.
    const next = [ROWS[0].replace('12 345 67 89', '12 345 67 89; 600 100 200'), ROWS[2], ROWS[3]];
    await host.publish('a', next, key, '2026-12-15T00:00:00.000Z');
    const result = await updateFeed(db, preview.id, { deps: deps() });
    expect(result).toMatchObject({ status: 'updated', downloaded: 1, dropped: 1, count: 3 });
    expect(host.packRequests()).toHaveLength(1);
    expect(host.packRequests()[0]).toMatch(/malopolskie/);
    const beta = (await db.entities.where('keys').equals('krs:0000057364').first())!;
    expect(beta.delisted).toEqual({ by: 'ROPS Testowo', since: '2026-12-15T00:00:00.000Z' });
    const alfa = (await db.entities.where('keys').equals('nip:5261040828').first())!;
    expect(alfa.phones).toEqual(['+48123456789', '+48600100200']);

    // Listed again: the mark goes.
    await host.publish('a', ROWS, key, '2026-12-20T00:00:00.000Z');
    await updateFeed(db, preview.id, { deps: deps() });
    expect((await db.entities.get(beta.id))!.delisted).toBeUndefined();
  });

  it('merges an entity two feeds list by its identifiers, and unsubscribing keeps what the other feed or the user holds', async () => {
    const { preview: a } = await subscribeA();
    await host.publish('b', [ROWS[0].replace('Kraków', 'Kraków').replace('12 345 67 89', '600 700 800'), 'Fundacja Epsilon,,,lubuskie,Zielona Góra,'], key, '2026-12-02T00:00:00.000Z', 'OWES Testowo');
    const b = await previewFeed(db, URL_B, deps());
    await subscribeFeed(db, b, { deps: deps() });
    expect(await db.entities.count()).toBe(5);
    const alfa = (await db.entities.where('keys').equals('nip:5261040828').first())!;
    expect(alfa.phones).toEqual(['+48123456789', '+48600700800']);
    expect((await feedsOfEntity(db, alfa.id)).map((x) => x.feed.publisher).sort()).toEqual(['OWES Testowo', 'ROPS Testowo']);

    const gamma = (await db.entities.where('keys').equals('name:gamma|katowice').first())!;
    await saveEntity(db, gamma.id);
    const out = await unsubscribeFeed(db, a.id);
    // Alfa (listed by B) and Gamma (saved) stay; Beta and Delta go.
    expect(out).toEqual({ removed: 2, kept: 2 });
    expect((await db.entities.toArray()).map((e) => e.name).sort()).toEqual(['Fundacja Epsilon', 'Spółdzielnia Socjalna Alfa', 'Spółdzielnia Socjalna Gamma']);
    expect(await db.feedEntries.where('feedId').equals(a.id).count()).toBe(0);
    expect(await db.feeds.get(a.id)).toBeUndefined();
  });
});

describe('failures lose nothing and say why', () => {
  async function failingUpdate(change: () => Promise<void> | void): Promise<string> {
    host = new Host();
    db = new RadarDB(`feeds-${Math.random()}`);
    const { preview } = await subscribeA();
    const before = await db.entities.toArray();
    await change();
    const code = await codeOf(updateFeed(db, preview.id, { deps: deps() }));
    expect(await db.entities.toArray()).toEqual(before);
    const feed = (await db.feeds.get(preview.id))!;
    expect(feed.lastError?.code).toBe(code);
    expect(feed.count).toBe(4);
    return code;
  }
  // Alfa (małopolskie) gets a second phone: that pack changes.
  const republish = () => host.publish('a', [ROWS[0] + '; 600 100 200', ...ROWS.slice(1)], key, '2026-12-15T00:00:00.000Z');
  const firstPack = () => {
    const idx = JSON.parse(new TextDecoder().decode(host.files.get('/a/index.json')!)) as { packs: { region: string; file: string }[] };
    return `/a/${idx.packs.find((p) => p.region === 'małopolskie')!.file}`;
  };

  it('offline / DNS, 404, 5xx, timeout', async () => {
    expect(await failingUpdate(() => void (host.fail = () => 'network'))).toBe('network');
    expect(await failingUpdate(() => void (host.fail = () => new Response('x', { status: 404 })))).toBe('not_found');
    expect(await failingUpdate(() => void (host.fail = () => new Response('x', { status: 503 })))).toBe('http');
    const slow = { fetch: (_: RequestInfo | URL, init?: RequestInit) => new Promise<Response>((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))), timeoutMs: 50 };
    host = new Host();
    const { preview } = await subscribeA();
    expect(await codeOf(updateFeed(db, preview.id, { deps: slow }))).toBe('timeout');
  });

  it('a wrong signature, a hash that does not match, a truncated or oversize pack, a newer version', async () => {
    expect(
      await failingUpdate(async () => {
        await republish();
        const idx = JSON.parse(new TextDecoder().decode(host.files.get('/a/index.json')!));
        host.files.set('/a/index.json', enc(JSON.stringify({ ...idx, publisher: 'Ktoś' })));
      }),
    ).toBe('signature');
    const packChange = (edit: (b: Uint8Array) => Uint8Array) => async () => {
      await republish();
      const p = firstPack();
      host.files.set(p, edit(host.files.get(p)!));
    };
    expect(await failingUpdate(packChange((b) => b.map((x, i) => (i === 100 ? (x === 65 ? 66 : 65) : x))))).toBe('hash');
    expect(await failingUpdate(packChange((b) => b.slice(0, b.length - 50)))).toBe('truncated');
    expect(await failingUpdate(packChange((b) => new Uint8Array([...b, ...new Uint8Array(5000).fill(32)])))).toBe('oversize');
    expect(
      await failingUpdate(async () => {
        const idx = JSON.parse(new TextDecoder().decode(host.files.get('/a/index.json')!));
        host.files.set('/a/index.json', enc(JSON.stringify({ ...idx, version: 2 })));
      }),
    ).toBe('index_version');
  });

  it('a changed key is refused until the user accepts its fingerprint', async () => {
    const other = await generateFeedKey();
    expect(await failingUpdate(() => host.publish('a', ROWS.slice(0, 3), other, '2026-12-15T00:00:00.000Z').then(() => undefined))).toBe('key_changed');
    const feed = (await db.feeds.get((await previewFeed(db, URL_A, deps())).id))!;
    expect(feed.pendingKey?.publicKey).toBe(other.publicKey);
    await acceptFeedKey(db, feed.id);
    expect(await updateFeed(db, feed.id, { deps: deps() })).toMatchObject({ status: 'updated', dropped: 1 });
  });
});

// An in-memory static feed host for the unit tests: files by path, ETag = a hash of the content,
// every request counted; `publish` builds a feed from CSV rows as the CLI does.
import { buildFeed } from '../../../shared/io/feeds/build.ts';
import { parseIndex } from '../../../shared/io/feeds/format.ts';
import { readInputs } from '../../../shared/io/feeds/inputs.ts';
import type { FeedKeyFile } from '../../../shared/io/feeds/signature.ts';

export const enc = (s: string) => new TextEncoder().encode(s);
export const HEADER = 'nazwa,krs,nip,województwo,miejscowość,telefon\n';

/** A static host: files by path, ETag = a hash of the content, every request counted. */
export class Host {
  files = new Map<string, Uint8Array>();
  requests: string[] = [];
  fail?: (path: string) => Response | 'network' | undefined;
  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    this.requests.push(url.pathname);
    const failure = this.fail?.(url.pathname);
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure) return failure;
    const body = this.files.get(url.pathname);
    if (!body) return new Response('not found', { status: 404 });
    const etag = `"${body.length}-${body.reduce((h, b) => (h * 31 + b) >>> 0, 7)}"`;
    const ifNone = new Headers(init?.headers).get('if-none-match');
    if (ifNone === etag) return new Response(null, { status: 304, headers: { etag } });
    return new Response(body.slice(), { status: 200, headers: { etag } });
  };
  async publish(dir: string, rows: string[], key: FeedKeyFile, createdAt: string, publisher = 'ROPS Testowo') {
    const inputs = await readInputs([{ name: 'lista.csv', bytes: enc(HEADER + rows.join('\n') + '\n') }], createdAt);
    // As the CLI does: the index published before, so unchanged regions keep their pack.
    const old = this.files.get(`/${dir}/index.json`);
    const previous = old ? parseIndex(new TextDecoder().decode(old)) : undefined;
    const feed = await buildFeed(inputs.entities, { publisher, contact: 'pes@rops.example.org', licence: 'CC BY 4.0', createdAt }, key, previous);
    for (const [path, bytes] of feed.files) this.files.set(`/${dir}/${path}`, bytes);
    return feed;
  }
  packRequests = () => this.requests.filter((p) => p.includes('/packs/'));
}


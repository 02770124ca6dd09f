// A static feed host for the end-to-end tests, as docs/feeds.md describes one: ETag and 304 on
// If-None-Match, CORS for the standalone app (with the preflight If-None-Match needs), and every
// request counted. `fault` makes it misbehave the ways real hosts do.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { buildFeed } from '../../shared/io/feeds/build.ts';
import { parseIndex } from '../../shared/io/feeds/format.ts';
import { readInputs } from '../../shared/io/feeds/inputs.ts';
import type { FeedKeyFile } from '../../shared/io/feeds/signature.ts';

export type Fault = 'none' | '404' | '500' | 'no-cors' | 'hang';

export class FeedHost {
  files = new Map<string, Uint8Array>();
  /** Every GET (path, status), preflights apart. */
  log: { path: string; status: number }[] = [];
  /** CORS preflights (OPTIONS) answered. */
  preflights = 0;
  fault: Fault = 'none';
  private server?: Server;
  port = 0;

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server!.address() as { port: number }).port;
  }

  close(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((r) => this.server?.close(() => r()) ?? r());
  }

  private cors(res: ServerResponse): void {
    if (this.fault === 'no-cors') return;
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'If-None-Match');
    res.setHeader('access-control-expose-headers', 'ETag');
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'OPTIONS') {
      this.preflights++;
      this.cors(res);
      res.writeHead(204).end();
      return;
    }
    const send = (status: number, body?: Uint8Array, headers: Record<string, string> = {}) => {
      this.log.push({ path, status });
      this.cors(res);
      res.writeHead(status, headers);
      res.end(body);
    };
    if (this.fault === 'hang') return void this.log.push({ path, status: 0 }); // never answers
    if (this.fault === '404') return send(404, new TextEncoder().encode('not found'));
    if (this.fault === '500') return send(500, new TextEncoder().encode('server error'));
    const body = this.files.get(path);
    if (!body) return send(404, new TextEncoder().encode('not found'));
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    const immutable = path.includes('/packs/');
    const headers = {
      etag,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (req.headers['if-none-match'] === etag) return send(304, undefined, headers);
    send(200, body, headers);
  }

  /** Builds a feed from CSV rows into `/dir/`, keeping unchanged regions' packs, as the CLI does. */
  async publish(dir: string, csv: string, key: FeedKeyFile, meta: { publisher: string; createdAt: string; contact?: string; withUrl?: boolean }): Promise<string> {
    const inputs = await readInputs([{ name: 'lista.csv', bytes: new TextEncoder().encode(csv) }], meta.createdAt);
    const old = this.files.get(`/${dir}/index.json`);
    const previous = old ? parseIndex(new TextDecoder().decode(old)) : undefined;
    const url = `${this.origin}/${dir}/index.json`;
    const feed = await buildFeed(
      inputs.entities,
      { publisher: meta.publisher, contact: meta.contact ?? 'pes@rops.example.org', licence: 'CC BY 4.0', createdAt: meta.createdAt, ...(meta.withUrl ? { url } : {}) },
      key,
      previous,
    );
    for (const [p, bytes] of feed.files) this.files.set(`/${dir}/${p}`, bytes);
    return url;
  }

  indexOf(dir: string): { packs: { region: string; file: string }[] } & Record<string, unknown> {
    return JSON.parse(new TextDecoder().decode(this.files.get(`/${dir}/index.json`)!));
  }

  packGets(): string[] {
    return this.log.filter((l) => l.path.includes('/packs/') && l.status === 200).map((l) => l.path);
  }
}

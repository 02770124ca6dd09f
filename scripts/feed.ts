// The feed publisher's tool (docs/feeds.md):
//   npm run feed -- keygen --out publisher-key.json
//   npm run feed -- build --key publisher-key.json --publisher "…" --contact e-mail --licence "…"
//                         [--date YYYY-MM-DD] [--prune] --out DIR FILE…
// `build` reads the files with the app's own importers, writes the rows it rejects to
// DIR.rejected.csv (next to the folder, never into what is published) and the feed into DIR.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rejectedToCsv } from '../shared/io/import/rejected.ts';
import { buildFeed, INDEX_FILE } from '../shared/io/feeds/build.ts';
import { parseIndex, type FeedIndex } from '../shared/io/feeds/format.ts';
import { readInputs } from '../shared/io/feeds/inputs.ts';
import { generateFeedKey, keyFingerprint, parseFeedKey } from '../shared/io/feeds/signature.ts';
import { normalizeEmail } from '../shared/model/contact.ts';
import { threadedBuildMany } from './feedBuildThreads.ts';

const USAGE = `usage:
  npm run feed -- keygen --out publisher-key.json
  npm run feed -- build --key publisher-key.json --publisher "Name" --contact e-mail --licence "Licence"
                        [--date YYYY-MM-DD] [--url https://…/index.json] [--prune] --out DIR FILE...`;

interface Args {
  command: string;
  flags: Map<string, string | true>;
  files: string[];
}

function parseArgs(argv: string[]): Args {
  const [command = '', ...rest] = argv;
  const flags = new Map<string, string | true>();
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--prune') flags.set('prune', true);
    else if (a.startsWith('--')) {
      const v = rest[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      flags.set(a.slice(2), v);
    } else files.push(a);
  }
  return { command, flags, files };
}

function need(args: Args, name: string): string {
  const v = args.flags.get(name);
  if (typeof v !== 'string' || v.trim() === '') throw new Error(`--${name} is required`);
  return v;
}

/** --date as an ISO timestamp; by default the newest input's modification time (never the clock). */
export function feedDate(date: string | undefined, files: string[]): string {
  if (date !== undefined) {
    const m = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.exec(date);
    const d = new Date(m?.[1] ? date : `${date}T00:00:00.000Z`);
    if (!m || Number.isNaN(d.getTime())) throw new Error(`--date ${date}: write it as YYYY-MM-DD`);
    return d.toISOString();
  }
  const newest = Math.max(...files.map((f) => Math.floor(statSync(f).mtimeMs / 1000) * 1000));
  return new Date(newest).toISOString();
}

async function keygen(args: Args): Promise<void> {
  const out = need(args, 'out');
  if (existsSync(out)) throw new Error(`${out} exists: a key is never overwritten (subscribers trust it)`);
  const key = await generateFeedKey();
  writeFileSync(out, JSON.stringify(key, null, 2) + '\n', { mode: 0o600 });
  console.log(`Key written to ${out} (keep it secret, never publish it).`);
  console.log(`Public key:  ${key.publicKey}`);
  console.log(`Fingerprint: ${await keyFingerprint(key.publicKey)}`);
}

/** The index published in DIR before, when its packs are all there: unchanged regions keep them. */
function previousIndex(out: string): FeedIndex | undefined {
  try {
    const index = parseIndex(readFileSync(join(out, INDEX_FILE), 'utf8'));
    return index.packs.every((p) => existsSync(join(out, p.file))) ? index : undefined;
  } catch {
    return undefined;
  }
}

async function build(args: Args): Promise<void> {
  const key = parseFeedKey(readFileSync(need(args, 'key'), 'utf8'));
  const publisher = need(args, 'publisher').trim();
  const contact = normalizeEmail(need(args, 'contact'));
  if (!contact) throw new Error('--contact must be an e-mail address (subscribers send corrections to it)');
  const licence = need(args, 'licence').trim();
  const out = resolve(need(args, 'out'));
  if (args.files.length === 0) throw new Error('no input files');
  const createdAt = feedDate(args.flags.get('date') as string | undefined, args.files);

  const started = performance.now();
  const inputs = await readInputs(
    args.files.map((f) => ({ name: basename(f), bytes: new Uint8Array(readFileSync(f)) })),
    createdAt,
    { buildMany: threadedBuildMany() },
  );
  const url = args.flags.get('url');
  if (url !== undefined && (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/.test(url))) throw new Error('--url must be the http(s) address of index.json');
  const meta = { publisher, contact, licence, createdAt, ...(typeof url === 'string' ? { url } : {}) };
  const feed = await buildFeed(inputs.entities, meta, key, previousIndex(out));

  mkdirSync(join(out, 'packs'), { recursive: true });
  let written = 0;
  for (const [path, bytes] of feed.files) {
    const file = join(out, path);
    // Unchanged files are left alone (same bytes, same modification time: caches and rsync agree).
    if (existsSync(file) && Buffer.compare(readFileSync(file), bytes) === 0) continue;
    writeFileSync(file, bytes);
    written++;
  }
  if (args.flags.get('prune')) {
    const keep = new Set(feed.index.packs.map((p) => p.file.replace(/^packs\//, '')));
    for (const f of readdirSync(join(out, 'packs'))) if (!keep.has(f)) rmSync(join(out, 'packs', f));
  }
  const reportFile = `${out}.rejected.csv`;
  const rejectedRows = inputs.rejected.reduce((n, r) => n + r.rows.length, 0);
  if (rejectedRows > 0) {
    const csv = inputs.rejected
      .map((r) => rejectedToCsv(r.rows.map((row) => ({ ...row, values: { plik: r.file, ...row.values } })), ['plik', ...r.headers], 'pl'))
      .join('\n');
    writeFileSync(reportFile, csv);
  } else if (existsSync(reportFile)) rmSync(reportFile);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${inputs.rows} rows read, ${inputs.entities.length} entities in ${feed.index.packs.length} packs, ${rejectedRows} rows rejected.`);
  for (const p of feed.index.packs) console.log(`  ${(p.region || '(bez województwa)').padEnd(22)} ${String(p.count).padStart(7)}  ${p.file}`);
  console.log(`${written} file(s) written to ${out} in ${seconds} s; index: ${join(out, INDEX_FILE)}`);
  if (rejectedRows > 0) console.log(`Rejected rows with their reasons: ${reportFile}`);
  console.log(`Key fingerprint: ${await keyFingerprint(key.publicKey)}`);
}

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  if (args.command === 'keygen') return keygen(args);
  if (args.command === 'build') return build(args);
  throw new Error(USAGE);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}

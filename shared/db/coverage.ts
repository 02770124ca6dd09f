// "About the data": what the user's own directory covers, by voivodeship and legal form, and which
// sources its values came from. One pass over every entity, so it is computed once per directory
// revision and kept in `blobs` (see commands/coverage.ts); the page shows the kept figures at once
// and recomputes only after the directory changed.
//
// Reading is the cost. Measured by `npm run bench` (case "about", 100,160 entities, a loaded 2-core
// machine): the first pass took 23.9 s, 2.5× one raw getAll() of every entity in the same run
// (9.6 s); reopening the page with the kept figures showed them in 1.4 s. The pass reads in chunks
// of CHUNK by primary key, each its own short read transaction, so a write from another tab never
// waits for the whole pass, and the page shows progress and the previous figures meanwhile.
import type { RadarDB } from './database.ts';
import type { Entity, Source } from '../model/types.ts';
import { DEFAULT_DIRECTORY_SOURCE } from '../io/fetchPack.ts';
import { readDirectoryRevision } from './directoryLog.ts';

/** Records per read transaction: a twentieth of a 100k directory, the chunk the import writes in too. */
const CHUNK = 5000;
/** Groups of sources listed; the rest are counted together (a 100k import can cite 50k sites). */
export const MAX_SOURCES = 30;
const YEAR_MS = 365 * 24 * 3600 * 1000;

export interface CoverageCounts {
  entities: number;
  /** With an e-mail address or a phone number. */
  withContact: number;
  /** With a KRS number, NIP or REGON. */
  withIds: number;
  /** Checked against the official registers in the last 365 days. */
  verifiedLastYear: number;
}

export interface CoverageGroup extends CoverageCounts {
  /** Voivodeship (lower-case Polish name) or legal form code; '' when unknown. */
  key: string;
}

export type SourceKind = 'default' | 'file' | 'register' | 'web' | 'repository' | 'user' | 'other';

/** One publisher of values in the directory: a site, a file, a register, a repository. */
export interface SourceSummary {
  /** `default`, `file:name`, a host, `github:owner/repo`, `user`, or the URL's scheme. */
  key: string;
  kind: SourceKind;
  /** A label the source gave itself (a file name, a register's name). */
  label?: string;
  /** Where it can be opened (web sites only: http/https). */
  link?: string;
  entities: number;
  /** The latest date a value was seen there (ISO). */
  latest: string;
  earliest: string;
}

export interface Coverage {
  revision: number;
  computedAt: string;
  total: CoverageCounts;
  byVoivodeship: CoverageGroup[];
  byLegalForm: CoverageGroup[];
  sources: SourceSummary[];
  /** Source groups beyond MAX_SOURCES, and the entities citing them. */
  moreSources: { groups: number; entities: number };
}

const REGISTER_HOSTS = new Set(['api-krs.ms.gov.pl', 'wl-api.mf.gov.pl', 'ekrs.ms.gov.pl', 'wyszukiwarkaregon.stat.gov.pl']);

/** The group a source belongs to: a site by its host, a file by its name, a repository by owner/name. */
export function sourceGroup(source: Source): Pick<SourceSummary, 'key' | 'kind' | 'link'> {
  const url = source.url;
  if (url === DEFAULT_DIRECTORY_SOURCE) return { key: 'default', kind: 'default' };
  const web = /^https?:\/\/([^/?#:]+)/i.exec(url);
  if (web) {
    const host = web[1].toLowerCase().replace(/^www\./, '');
    if (REGISTER_HOSTS.has(host)) return { key: host, kind: 'register' };
    return { key: host, kind: 'web', link: `https://${host}/` };
  }
  if (url.startsWith('file:')) return { key: url, kind: 'file' };
  const gh = /^github:([\w.-]+\/[\w.-]+)/i.exec(url);
  if (gh) return { key: `github:${gh[1]}`, kind: 'repository', link: `https://github.com/${gh[1]}` };
  if (url.startsWith('user:')) return { key: 'user', kind: 'user' };
  if (/^(krs|nip|regon|vat):/i.test(url)) return { key: url.split(':')[0].toLowerCase(), kind: 'register' };
  return { key: url.split(':')[0] || 'other', kind: 'other' };
}

function counts(): CoverageCounts {
  return { entities: 0, withContact: 0, withIds: 0, verifiedLastYear: 0 };
}

/** Accumulates coverage entity by entity (pure: the reading is done by computeCoverage). */
export class CoverageTally {
  private total = counts();
  private voivodeships = new Map<string, CoverageCounts>();
  private forms = new Map<string, CoverageCounts>();
  private sources = new Map<string, SourceSummary>();
  private readonly yearAgo: string;

  constructor(now: Date) {
    this.yearAgo = new Date(now.getTime() - YEAR_MS).toISOString();
  }

  add(e: Entity): void {
    const contact = e.emails.length > 0 || e.phones.length > 0;
    const ids = Boolean(e.krs || e.nip || e.regon);
    const verified = !!e.verifiedAt && e.verifiedAt >= this.yearAgo;
    for (const c of [this.total, bump(this.voivodeships, e.address.voivodeship ?? ''), bump(this.forms, e.legalForm)]) {
      c.entities++;
      if (contact) c.withContact++;
      if (ids) c.withIds++;
      if (verified) c.verifiedLastYear++;
    }
    const seen = new Set<string>();
    for (const s of e.sources) {
      const g = sourceGroup(s);
      const day = s.seenAt.slice(0, 10);
      let row = this.sources.get(g.key);
      if (!row) {
        row = { ...g, label: s.label, entities: 0, latest: day, earliest: day };
        this.sources.set(g.key, row);
      }
      if (!seen.has(g.key)) {
        seen.add(g.key);
        row.entities++;
      }
      if (day > row.latest) row.latest = day;
      if (day < row.earliest) row.earliest = day;
      if (!row.label && s.label) row.label = s.label;
    }
  }

  result(revision: number, computedAt: string): Coverage {
    const groups = (m: Map<string, CoverageCounts>) =>
      [...m].map(([key, c]) => ({ key, ...c })).sort((a, b) => b.entities - a.entities || a.key.localeCompare(b.key, 'pl'));
    // Whole lists first (the default directory, the user's own entries, files, registers), then single
    // pages, each by how much of the directory it backs.
    const order: Record<SourceKind, number> = { default: 0, user: 1, file: 2, register: 3, repository: 4, web: 5, other: 6 };
    const all = [...this.sources.values()].sort((a, b) => order[a.kind] - order[b.kind] || b.entities - a.entities || a.key.localeCompare(b.key));
    const rest = all.slice(MAX_SOURCES);
    return {
      revision,
      computedAt,
      total: { ...this.total },
      byVoivodeship: groups(this.voivodeships),
      byLegalForm: groups(this.forms),
      sources: all.slice(0, MAX_SOURCES),
      moreSources: { groups: rest.length, entities: rest.reduce((n, r) => n + r.entities, 0) },
    };
  }
}

function bump(m: Map<string, CoverageCounts>, key: string): CoverageCounts {
  let c = m.get(key);
  if (!c) m.set(key, (c = counts()));
  return c;
}

/**
 * Reads every entity in chunks and tallies them. `onChunk` (after each chunk) lets a page show
 * progress; the revision is read first, so a write during the pass makes the result stale, not wrong.
 */
export async function computeCoverage(db: RadarDB, now = new Date(), onChunk?: (done: number) => void): Promise<Coverage> {
  const revision = await readDirectoryRevision(db);
  const tally = new CoverageTally(now);
  let last: string | undefined;
  let done = 0;
  for (;;) {
    const chunk: Entity[] = await (last === undefined ? db.entities.orderBy('id') : db.entities.where('id').above(last)).limit(CHUNK).toArray();
    for (const e of chunk) tally.add(e);
    done += chunk.length;
    onChunk?.(done);
    if (chunk.length < CHUNK) break;
    last = chunk[chunk.length - 1].id;
  }
  return tally.result(revision, now.toISOString());
}

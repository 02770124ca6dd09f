// Side-by-side comparison of the directory search with MiniSearch and FlexSearch, reusable by the
// Node script (bench/search-node.ts) and by the in-Chromium benchmark harness: no Node APIs here.
//
// Fairness: every engine gets the same fields (fields.ts `fieldTexts`), the same Polish folding and
// one-letter-word rule (`foldedWords`), the same query preprocessing (`parseQuery`: identifier formats
// → canonical digits), AND across words with prefixes, field boosts where the engine has them, and the
// same typo policy (a second pass with one-edit fuzziness only when the first finds < 5 results).
import { Charset, Index as FlexIndex } from 'flexsearch';
import MiniSearch, { type Options } from 'minisearch';
import { foldedWords } from '../shared/model/fold.ts';
import { F_CATEGORY, F_IDENT, F_LEGAL, F_NAME, F_OFFER, F_PLACE, F_REGION, fieldTexts } from '../shared/search/fields.ts';
import { parseQuery } from '../shared/search/query.ts';
import { SearchIndex } from '../shared/search/search-index.ts';
import type { SearchDoc } from '../shared/search/types.ts';

export interface Engine {
  name: string;
  buildMs: number;
  /** Ids of the best `limit` matches, best first. */
  search(query: string, limit: number): string[];
}

/** A query of bench/search-queries.json, its expected answer resolved to an id. */
export interface BenchQuery {
  q: string;
  kind: string;
  expect: string;
}

export interface QueryFileEntry {
  q: string;
  kind: string;
  /** Expected entity id in the synthetic set… */
  expectId?: string;
  /** …or the exact name of an entity of the real sample. */
  expectName?: string;
}

const FIELD_NAMES: [number, string][] = [
  [F_NAME, 'name'],
  [F_IDENT, 'ident'],
  [F_PLACE, 'place'],
  [F_LEGAL, 'legal'],
  [F_CATEGORY, 'category'],
  [F_OFFER, 'offer'],
  [F_REGION, 'region'],
];
/** The same weights as shared/search/fields.ts, for engines that take per-field boosts. */
const BOOST = { name: 10, ident: 10, place: 4, legal: 3, category: 3, offer: 2, region: 1.5 };
const TYPO_TRIGGER = 5;
const MIN_TYPO_LENGTH = 5;

/** A document as folded text per field, words of 2+ letters only (as the index keeps them). */
export function foldedFields(doc: SearchDoc): Record<string, string> & { id: string } {
  const out: Record<string, string> & { id: string } = { id: doc.id };
  for (const [, name] of FIELD_NAMES) out[name] = '';
  for (const [bit, text] of fieldTexts(doc)) {
    const name = FIELD_NAMES.find(([b]) => b === bit)![1];
    const words = foldedWords(text).filter((w) => w.length > 1).join(' ');
    out[name] = out[name] ? `${out[name]} ${words}` : words;
  }
  return out;
}

function wantsTypoPass(words: string[], found: number): boolean {
  return found < TYPO_TRIGGER && words.some((w) => w.length >= MIN_TYPO_LENGTH && /\D/.test(w));
}

/** Identifier hits first, then word hits, without repeats. */
function merged(first: Iterable<string>, rest: Iterable<string>, limit: number): string[] {
  const out = new Set<string>();
  for (const id of first) if (out.size < limit) out.add(id);
  for (const id of rest) if (out.size < limit) out.add(id);
  return [...out];
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
}

export function buildRadar(docs: readonly SearchDoc[]): Engine & { index: SearchIndex } {
  const [index, buildMs] = timed(() => SearchIndex.build(docs));
  return { name: 'radar', buildMs, index, search: (q, limit) => index.search(q, { limit }).ids };
}

/** MiniSearch's options; `MiniSearch.loadJSON(json, MINISEARCH_OPTIONS)` reloads a saved index. */
export const MINISEARCH_OPTIONS: Options<Record<string, string>> = {
  fields: FIELD_NAMES.map(([, n]) => n),
  // Texts are folded already: split on spaces, keep terms as they are.
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term || null,
  searchOptions: {
    boost: BOOST,
    combineWith: 'AND',
    prefix: (term, i, terms) => i === terms.length - 1 || term.length >= 3,
  },
};

export function buildMiniSearch(docs: readonly SearchDoc[]): Engine & { index: MiniSearch } {
  const [index, buildMs] = timed(() => {
    const ms = new MiniSearch(MINISEARCH_OPTIONS);
    ms.addAll(docs.map(foldedFields));
    return ms;
  });
  const search = (q: string, limit: number): string[] => {
    const parsed = parseQuery(q);
    const text = parsed.words.join(' ');
    let hits = text ? index.search(text) : [];
    if (wantsTypoPass(parsed.words, hits.length)) {
      hits = index.search(text, { fuzzy: (term) => (term.length >= MIN_TYPO_LENGTH ? 1 : false) });
    }
    const idHits = parsed.identifiers.flatMap((v) => index.search(v, { fields: ['ident'], prefix: false }).map((h) => String(h.id)));
    return merged(idHits, hits.map((h) => String(h.id)), limit);
  };
  return { name: 'minisearch', buildMs, index, search };
}

export function buildFlexSearch(docs: readonly SearchDoc[]): Engine {
  // FlexSearch ANDs words within one field only, so one index holds all fields (for AND across name,
  // town, offer…) and a second the names, whose hits rank first (FlexSearch has no field boosts).
  // Identifiers go to a third, exact-match index: forward-tokenising 250k ten-digit numbers makes
  // FlexSearch's build ten times slower, and the query set types identifiers in full.
  const [engines, buildMs] = timed(() => {
    const words = { tokenize: 'forward', encoder: Charset.Exact } as const;
    const names = new FlexIndex(words);
    const all = new FlexIndex(words);
    const idents = new FlexIndex({ tokenize: 'strict', encoder: Charset.Exact });
    for (const doc of docs) {
      const f = foldedFields(doc);
      names.add(doc.id, f.name);
      all.add(doc.id, FIELD_NAMES.map(([, n]) => (n === 'ident' ? '' : f[n])).filter(Boolean).join(' '));
      if (f.ident) idents.add(doc.id, f.ident);
    }
    return { names, all, idents };
  });
  const search = (q: string, limit: number): string[] => {
    const parsed = parseQuery(q);
    const text = parsed.words.join(' ');
    const byName = engines.names.search(text, { limit }) as string[];
    let hits = merged(byName, engines.all.search(text, { limit }) as string[], limit);
    if (wantsTypoPass(parsed.words, hits.length)) {
      // FlexSearch has no edit-distance matching; `suggest` (best partial matches) is its tolerance.
      hits = merged(hits, engines.all.search(text, { limit, suggest: true }) as string[], limit);
    }
    const idHits = [...parsed.identifiers, ...parsed.words].flatMap((v) => engines.idents.search(v, { limit }) as string[]);
    return merged(idHits, hits, limit);
  };
  return { name: 'flexsearch', buildMs, search };
}

/** Resolves expected names (real sample entities) to ids; throws when a name is unknown. */
export function resolveQueries(entries: readonly QueryFileEntry[], docs: readonly SearchDoc[]): BenchQuery[] {
  const byName = new Map(docs.map((d) => [d.name, d.id]));
  return entries.map((e) => {
    const expect = e.expectId ?? byName.get(e.expectName ?? '');
    if (!expect) throw new Error(`No entity for query ${JSON.stringify(e)}`);
    return { q: e.q, kind: e.kind, expect };
  });
}

export interface QueryRun {
  engine: string;
  /** Percentiles over every timed call. */
  p50: number;
  p95: number;
  max: number;
  /** p95 over the queries of each query's median time: robust to pauses caused by other processes. */
  p95OfMedians: number;
  /** Share of queries whose expected entity is in the top 5. */
  top5: number;
  missed: BenchQuery[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs the query set `rounds` times after one warm-up round; latencies are per query call. */
export function runQueries(engine: Engine, queries: readonly BenchQuery[], rounds = 5, limit = 20): QueryRun {
  const times: number[] = [];
  const perQuery: number[][] = queries.map(() => []);
  const missed: BenchQuery[] = [];
  for (let round = -1; round < rounds; round++) {
    queries.forEach((query, i) => {
      const t = performance.now();
      const ids = engine.search(query.q, limit);
      const dt = performance.now() - t;
      if (round < 0) {
        if (!ids.slice(0, 5).includes(query.expect)) missed.push(query);
      } else {
        times.push(dt);
        perQuery[i].push(dt);
      }
    });
  }
  const ascending = (a: number, b: number) => a - b;
  times.sort(ascending);
  const medians = perQuery.map((ts) => percentile(ts.sort(ascending), 50)).sort(ascending);
  return {
    engine: engine.name,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1],
    p95OfMedians: percentile(medians, 95),
    top5: (queries.length - missed.length) / queries.length,
    missed,
  };
}

// Case "search", in the browser: the directory's own index (shared/search) next to MiniSearch and
// FlexSearch configured alike by bench/search-compare.ts (same fields, folding and query rules),
// over the synthetic directory plus the real 405-entity sample, with the repo's query set.
import MiniSearch from 'minisearch';
import { SearchIndex } from '../../shared/search/search-index.ts';
import type { SearchDoc } from '../../shared/search/types.ts';
import { generateEntities } from '../synthetic.ts';
import { sampleDocs } from '../sample-docs.ts';
import { buildFlexSearch, buildMiniSearch, buildRadar, resolveQueries, runQueries, type QueryFileEntry, type QueryRun } from '../search-compare.ts';
import sampleCsv from '../../shared/data/pes-directory-sample.csv?raw';

// The query set is the search engineer's file; globbed so that this page still builds without it.
const queryFiles = import.meta.glob<QueryFileEntry[] | { queries: QueryFileEntry[] }>('../search-queries.json', { eager: true, import: 'default' });

function queryEntries(): QueryFileEntry[] {
  const file = Object.values(queryFiles)[0];
  if (!file) throw new Error('bench/search-queries.json is missing');
  return Array.isArray(file) ? file : file.queries;
}

export interface EngineResult extends Omit<QueryRun, 'missed'> {
  buildMs: number;
  missed: string[];
  /** Timed query calls (queries × rounds). */
  n: number;
  /** Start from a persisted index: load it, then answer the first query (radar and MiniSearch). */
  loadAndFirstQueryMs?: number;
  persistedBytes?: number;
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
}

/** `radarOnly`: the directory's own index alone (the scale case: the other engines take minutes at 300k). */
export async function searchCompare(count: number, seed: number, rounds: number, radarOnly = false): Promise<{ docs: number; queries: number; engines: EngineResult[] }> {
  const docs: SearchDoc[] = [...generateEntities(count, seed), ...sampleDocs(sampleCsv)];
  const ids = new Set(docs.map((d) => d.id));
  // The query set is made for the full 100k directory; a smaller run keeps the queries whose answer it holds.
  const queries = resolveQueries(queryEntries().filter((e) => e.expectName !== undefined || ids.has(e.expectId ?? '')), docs);
  const first = queries[0].q;
  const engines: EngineResult[] = [];

  const radar = buildRadar(docs);
  const buffer = radar.index.serialize();
  const [, radarLoad] = time(() => SearchIndex.deserialize(buffer.slice(0)).search(first, { limit: 20 }));
  engines.push({ ...summary(runQueries(radar, queries, rounds), queries.length * rounds), buildMs: radar.buildMs, loadAndFirstQueryMs: radarLoad, persistedBytes: buffer.byteLength });

  if (radarOnly) return { docs: docs.length, queries: queries.length, engines };

  const mini = buildMiniSearch(docs);
  const json = JSON.stringify(mini.index);
  // The options loadJSON needs are the ones the index was built with (bench/search-compare.ts).
  const [, miniLoad] = time(() =>
    MiniSearch.loadJSON(json, {
      fields: ['name', 'ident', 'place', 'legal', 'category', 'offer', 'region'],
      tokenize: (text: string) => text.split(' '),
      processTerm: (term: string) => term || null,
    }).search(first.toLowerCase(), { prefix: true, combineWith: 'AND' }),
  );
  engines.push({ ...summary(runQueries(mini, queries, rounds), queries.length * rounds), buildMs: mini.buildMs, loadAndFirstQueryMs: miniLoad, persistedBytes: new TextEncoder().encode(json).length });

  const flex = buildFlexSearch(docs);
  engines.push({ ...summary(runQueries(flex, queries, rounds), queries.length * rounds), buildMs: flex.buildMs });
  return { docs: docs.length, queries: queries.length, engines };
}

function summary(run: QueryRun, n: number): Omit<EngineResult, 'buildMs'> {
  return { ...run, n, missed: run.missed.map((q) => `${q.kind}: ${q.q}`) };
}

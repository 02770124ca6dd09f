// Node timing script (not a test): builds 100k synthetic + the 160 real entities, then prints build
// time, reload time, query latency p50/p95 and the top-5 share for our index, MiniSearch and
// FlexSearch, side by side in the same run. Run: npx tsx bench/search-node.ts [count]
import { readFileSync } from 'node:fs';
import { SearchIndex } from '../shared/search/search-index.ts';
import { sampleDocs } from './sample-docs.ts';
import {
  buildFlexSearch,
  buildMiniSearch,
  buildRadar,
  type Engine,
  type QueryFileEntry,
  resolveQueries,
  runQueries,
} from './search-compare.ts';
import { generateEntities } from './synthetic.ts';

const count = Number(process.argv[2] ?? 100_000);
const file = JSON.parse(readFileSync(new URL('./search-queries.json', import.meta.url), 'utf8')) as {
  seed: number;
  queries: QueryFileEntry[];
};
const docs = [
  ...generateEntities(count, file.seed),
  ...sampleDocs(readFileSync(new URL('../shared/data/pes-directory-sample.csv', import.meta.url), 'utf8')),
];
const queries = resolveQueries(file.queries, docs);
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

const radar = buildRadar(docs);
let t = performance.now();
const buffer = radar.index.serialize();
const serializeMs = performance.now() - t;
t = performance.now();
const reloaded = SearchIndex.deserialize(buffer);
const firstResults = reloaded.search('spoldzielnia socjalna', { limit: 20 });
const reloadMs = performance.now() - t;
console.log(
  `radar: build ${ms(radar.buildMs)}, serialize ${ms(serializeMs)} (${(buffer.byteLength / 1e6).toFixed(1)} MB), ` +
    `deserialize + first search ${ms(reloadMs)} (${firstResults.total} results)`,
);

const mini = buildMiniSearch(docs);
t = performance.now();
const json = JSON.stringify(mini.index);
const miniSerializeMs = performance.now() - t;
console.log(`minisearch: build ${ms(mini.buildMs)}, JSON ${ms(miniSerializeMs)} (${(json.length / 1e6).toFixed(1)} MB)`);
const flex = buildFlexSearch(docs);
console.log(`flexsearch: build ${ms(flex.buildMs)}`);

console.log(`\n${queries.length} queries over ${docs.length} entities, 5 rounds after a warm-up, limit 20`);
const engines: Engine[] = [radar, mini, flex];
for (const engine of engines) {
  const run = runQueries(engine, queries);
  console.log(
    `${engine.name.padEnd(11)} p50 ${ms(run.p50).padStart(9)}  p95 ${ms(run.p95).padStart(9)}  ` +
        `p95 of per-query medians ${ms(run.p95OfMedians).padStart(9)}  max ${ms(run.max).padStart(9)}  ` +
      `top-5 ${(run.top5 * 100).toFixed(1)}%` +
      (run.missed.length ? `  missed: ${run.missed.map((q) => `"${q.q}"`).join(', ')}` : ''),
  );
}

// Test data: the real 405-entity sample and a generated 10k set (built once per test file).
import { readFileSync } from 'node:fs';
import { sampleDocs } from '../../../bench/sample-docs.ts';
import { generateEntities } from '../../../bench/synthetic.ts';
import { foldedWords } from '../../../shared/model/fold.ts';
import { fieldTexts } from '../../../shared/search/fields.ts';
import type { SearchDoc } from '../../../shared/search/types.ts';

export const SAMPLE_CSV = readFileSync(new URL('../../../shared/data/pes-directory-sample.csv', import.meta.url), 'utf8');
export const sample: SearchDoc[] = sampleDocs(SAMPLE_CSV);

let generated: SearchDoc[] | undefined;
export function generated10k(): SearchDoc[] {
  return (generated ??= generateEntities(10_000, 1));
}

const wordCache = new WeakMap<readonly SearchDoc[], string[][]>();
function wordsOf(docs: readonly SearchDoc[]): string[][] {
  let words = wordCache.get(docs);
  if (!words) {
    words = docs.map((d) => fieldTexts(d).flatMap(([, text]) => foldedWords(text)).filter((x) => x.length > 1));
    wordCache.set(docs, words);
  }
  return words;
}

/**
 * Reference matcher, independent of the index: a document matches when every folded query word is a
 * prefix of some folded word (2+ letters) of its fields — what the index must return when no typo
 * pass runs. It reads the same field texts (fields.ts) but none of the index's matching code.
 */
export function plainMatches(docs: readonly SearchDoc[], query: string): Set<string> {
  const kept = foldedWords(query).filter((w, i, all) => w.length > 1 || i === all.length - 1);
  // A one-letter last word after others only ranks: it excludes nothing.
  const q = kept.length > 1 && kept[kept.length - 1].length === 1 ? kept.slice(0, -1) : kept;
  // Words before the last one match as prefixes from 3 letters on, shorter ones exactly.
  const matches = (w: string, i: number, x: string) => (i === q.length - 1 || w.length >= 3 ? x.startsWith(w) : x === w);
  const out = new Set<string>();
  const words = wordsOf(docs);
  docs.forEach((d, k) => {
    if (q.every((w, i) => words[k].some((x) => matches(w, i, x)))) out.add(d.id);
  });
  return out;
}

// The directory search: a purpose-built in-memory index over name, town, offer, categories and
// identifiers, with facet counts. Pure TypeScript (no DOM): it runs in a Web Worker, on the main
// thread and in Node tests alike.
//
// Matching: every query word must match (AND); a word matches a document when some indexed word
// equals it, starts with it (the last word, being typed, and any word of 3+ letters), or — only when
// that finds fewer than TYPO_TRIGGER results — is one typo away from it (words of 5+ letters).
// Ranking: per query word, the best field it matched in (name ≫ town > legal form, category > offer >
// region) times the match quality (exact > prefix > typo), summed over the words; ties by name.
import { DocColumns } from './columns.ts';
import { today } from './certificates.ts';
import { docTerms } from './doc-terms.ts';
import { F_IDENT, MASK_WEIGHT } from './fields.ts';
import {
  collectPassing,
  type CompiledFilter,
  compileFilter,
  countFacets,
  countPassing,
  keepPassing,
} from './filters.ts';
import { PostingsBuilder, type PostingSlice, type TermPostings } from './postings.ts';
import { type ParsedQuery, parseQuery } from './query.ts';
import { decodeIndex, encodeIndex } from './serialize.ts';
import { topKeys } from './top-keys.ts';
import type { FacetCounts, Filters, SearchDoc, SearchOptions, SearchResult } from './types.ts';

const EXACT = 1;
const PREFIX = 0.7;
const TYPO = 0.45;
/** An identifier typed in full puts its entity above any word match. */
const IDENTIFIER_BONUS = 100;
/** Fewer results than this and the one-typo variants of long words are tried too. */
const TYPO_TRIGGER = 5;
const MIN_TYPO_LENGTH = 5;
/** First letters spelled either way in Polish renderings of loanwords. */
const SPELLING_VARIANTS: Record<string, string> = { k: 'c', c: 'k', w: 'v', v: 'w' };
/** Words of this length or more match as prefixes even before the last one ("krakow" → "krakowie"). */
const MIN_PREFIX_LENGTH = 3;
/**
 * Ranking keys are integers, exact in a float64: quantised score × RANK_SPACE + position in name
 * order. Hence at most RANK_SPACE (4M) document slots.
 */
const SCORE_STEPS = 64;
const RANK_SPACE = 2 ** 22;
/**
 * A compaction (renumbering documents, merging added ones into the main arrays) runs when removed
 * documents pass an eighth of all (and MIN_DEAD), or the postings added since the last one pass
 * MAX_DELTA_POSTINGS.
 */
const MAX_DEAD_SHARE = 8;
const MIN_DEAD = 1024;
const MAX_DELTA_POSTINGS = 300_000;

/**
 * One Polish collator for the whole module: creating one costs far more than comparing. Punctuation
 * is ignored so that quoted names („Razem”) sort by their first letter, as people look for them.
 */
let plCollator: Intl.Collator | undefined;
function collator(): Intl.Collator {
  return (plCollator ??= new Intl.Collator('pl', { ignorePunctuation: true }));
}

export interface IndexOptions {
  /** The clock used for certificate validity; tests pass a fixed date. */
  now?: () => Date;
}

/** Plain state of an index: what serialize.ts writes and reads. */
export interface IndexState {
  cols: DocColumns;
  post: TermPostings;
  /** Document numbers in Polish alphabetical order of names (removed documents skipped on read). */
  byName: Uint32Array;
  byNameLength: number;
}

export class SearchIndex {
  private readonly cols: DocColumns;
  private readonly post: TermPostings;
  private byName: Uint32Array;
  private byNameLength: number;
  /** id → document number; built at the first need (a freshly loaded index may never need it). */
  private idMap: Map<string, number> | null = null;
  private live = 0;
  private readonly now: () => Date;
  private dead = 0;
  /** Position of each document in `byName`; recomputed lazily after edits. */
  private nameRank: Uint32Array | null = null;
  /** City code → position of the town in Polish alphabetical order; recomputed after new towns. */
  private cityRank: Uint32Array | null = null;
  // Per-query scratch, one slot per document, kept zeroed between queries.
  private hits = new Uint8Array(0);
  private acc = new Float32Array(0);
  private wordScore = new Float32Array(0);
  private cand = new Uint32Array(0);
  private keys = new Float64Array(0);

  private constructor(state: IndexState, opts: IndexOptions) {
    this.cols = state.cols;
    this.post = state.post;
    this.byName = state.byName;
    this.byNameLength = state.byNameLength;
    this.now = opts.now ?? (() => new Date());
    for (let d = 0; d < this.cols.size; d++) this.cols.alive[d] ? this.live++ : this.dead++;
    this.ensureScratch();
  }

  static build(docs: Iterable<SearchDoc>, opts: IndexOptions = {}): SearchIndex {
    const cols = new DocColumns();
    const postings = new PostingsBuilder();
    const seen = new Map<string, number>();
    for (const doc of docs) {
      const previous = seen.get(doc.id);
      if (previous !== undefined) cols.alive[previous] = 0; // a repeated id: the last one wins
      const d = cols.push(doc);
      seen.set(doc.id, d);
      postings.add(d, docTerms(doc));
    }
    const sorted = sortByName(cols);
    const byName = new Uint32Array(Math.max(16, cols.capacity));
    byName.set(sorted);
    const index = new SearchIndex(
      { cols, post: postings.finish(), byName, byNameLength: sorted.length },
      opts,
    );
    if (index.dead) index.compact();
    return index;
  }

  /** A compact binary form (one ArrayBuffer) for IndexedDB; loading it needs no re-indexing. */
  serialize(): ArrayBuffer {
    if (this.dead || this.post.deltaSize) this.compact();
    return encodeIndex({ cols: this.cols, post: this.post, byName: this.byName, byNameLength: this.byNameLength });
  }

  static deserialize(buffer: ArrayBuffer, opts: IndexOptions = {}): SearchIndex {
    return new SearchIndex(decodeIndex(buffer), opts);
  }

  /** Number of documents in the index. */
  get size(): number {
    return this.live;
  }

  has(id: string): boolean {
    return this.docs().has(id);
  }

  /** Adds a document; an existing id is replaced. */
  add(doc: SearchDoc): void {
    if (this.docs().has(doc.id)) this.remove(doc.id);
    const cities = this.cols.cities.values.length;
    const d = this.cols.push(doc);
    this.docs().set(doc.id, d);
    this.live++;
    this.post.add(d, docTerms(doc));
    this.insertByName(d);
    if (this.cols.cities.values.length !== cities) this.cityRank = null;
    this.ensureScratch();
    if (this.post.deltaSize > MAX_DELTA_POSTINGS) this.compact();
  }

  /** Removes a document; returns false when the id is not in the index. */
  remove(id: string): boolean {
    const d = this.docs().get(id);
    if (d === undefined) return false;
    this.cols.alive[d] = 0;
    this.docs().delete(id);
    this.live--;
    this.dead++;
    if (this.dead >= MIN_DEAD && this.dead * MAX_DEAD_SHARE > this.cols.size) this.compact();
    return true;
  }

  update(doc: SearchDoc): void {
    this.add(doc);
  }

  /**
   * Many changes at once (a feed update, an import into a large directory): each doc of `docs`
   * added or replacing the one of its id, each id of `removed` removed — the same index as
   * `update`/`remove` one by one, without their per-document cost (a sorted insertion into the
   * name order and the term list each): the new documents' postings are laid out in one pass,
   * merged with the kept ones, and the name order is sorted once. At 100k documents, 20k changed
   * documents take about as long as indexing 20k from scratch instead of seconds of insertions.
   */
  applyChanges(docs: Iterable<SearchDoc>, removed: Iterable<string> = []): void {
    // Pending single edits are merged first, so the new postings can be laid out as the one delta.
    if (this.post.deltaSize) this.compact();
    const map = this.docs();
    const { cols } = this;
    const drop = (id: string) => {
      const d = map.get(id);
      if (d === undefined) return;
      cols.alive[d] = 0;
      map.delete(id);
      this.live--;
      this.dead++;
    };
    for (const id of removed) drop(id);
    const builder = new PostingsBuilder();
    for (const doc of docs) {
      drop(doc.id);
      const d = cols.push(doc);
      map.set(doc.id, d);
      this.live++;
      builder.add(d, docTerms(doc));
    }
    this.post.setDelta(builder.finish());
    this.cityRank = null;
    this.ensureScratch();
    const order: number[] = [];
    for (let d = 0; d < cols.size; d++) if (cols.alive[d]) order.push(d);
    const names = order.map((d) => cols.name(d));
    const compare = collator().compare;
    const byPosition = order.map((_, i) => i).sort((a, b) => compare(names[a], names[b]) || order[a] - order[b]);
    this.byName = new Uint32Array(Math.max(16, cols.capacity));
    for (let i = 0; i < byPosition.length; i++) this.byName[i] = order[byPosition[i]];
    this.byNameLength = byPosition.length;
    this.nameRank = null;
    this.compact();
  }

  search(query: string, opts: SearchOptions = {}): SearchResult {
    const limit = opts.limit ?? Infinity;
    const f = opts.filter;
    const filter = compileFilter(this.cols, f, today(this.now()), f?.savedOnly ? this.savedFlags(f.savedIds) : null);
    const parsed = parseQuery(query);
    if (!parsed.words.length) return this.browse(filter, opts.sort === 'city' ? 'city' : 'name', limit);
    const count = this.match(parsed, filter);
    // Passing candidates move to the front; the rest stay behind them until release().
    const kept = keepPassing(this.cols, filter, this.cand, count);
    const ids = this.ranked(kept, opts.sort ?? 'relevance', limit);
    this.release(count);
    return { ids, total: kept };
  }

  /**
   * Facet counts for a query: each facet is counted with every other filter applied and its own
   * left out. `savedIds` (default `filter.savedIds`) gives the "saved by me" count.
   */
  facets(query: string, filter: Filters, savedIds?: Set<string>): FacetCounts {
    const { cols } = this;
    const saved = this.savedFlags(savedIds ?? filter.savedIds);
    const f = compileFilter(cols, filter, today(this.now()), saved);
    const parsed = parseQuery(query);
    if (!parsed.words.length) return countFacets(cols, f, null, cols.size, saved);
    const count = this.match(parsed, f);
    const facets = countFacets(cols, f, this.cand, count, saved);
    this.release(count);
    return facets;
  }

  // ---- matching

  /**
   * Fills `cand` with the documents matching the query (filters not applied) and `acc` with their
   * scores; returns how many. The typo pass runs when the filtered result would be too small.
   */
  private match(parsed: ParsedQuery, filter: CompiledFilter): number {
    let count = this.evaluate(parsed, false);
    const typoCandidate = parsed.words.some((w) => w.length >= MIN_TYPO_LENGTH && /\D/.test(w));
    if (typoCandidate && countPassing(this.cols, filter, this.cand, count) < TYPO_TRIGGER) {
      this.release(count);
      count = this.evaluate(parsed, true);
    }
    return count;
  }

  private evaluate(parsed: ParsedQuery, typos: boolean): number {
    const { post, hits, acc, wordScore, cand } = this;
    const alive = this.cols.alive;
    const words = parsed.words;
    const plans = words.map((w, i) => {
      const slices: PostingSlice[] = [];
      const prefix = i === words.length - 1 || w.length >= MIN_PREFIX_LENGTH;
      let size = post.lookup(w, prefix, EXACT, PREFIX, slices);
      if (typos && w.length >= MIN_TYPO_LENGTH) {
        size += post.fuzzy(w, prefix, TYPO, slices);
        // Loanwords are written both ways in Polish ("katering"/"catering", "wideo"/"video"): the
        // other spelling of the first letter is tried too, exact and one typo away ("kateringg").
        const other = SPELLING_VARIANTS[w[0]];
        if (other) {
          const v = other + w.slice(1);
          size += post.lookup(v, prefix, TYPO, TYPO, slices) + post.fuzzy(v, prefix, TYPO, slices);
        }
      }
      return { slices, size };
    });
    // A one-letter last word after others ("kawiarnia 2", "spółdzielnia a") is being typed, or is a
    // whole word of the name that is not indexed ("A", "2", "i"): it ranks the documents having a word
    // it begins higher, but excludes none, so typing a name to its end still finds it.
    const optional = words.length > 1 && words[words.length - 1].length === 1 ? plans.pop() : undefined;
    // The rarest word first: later words only visit documents still in the running.
    plans.sort((a, b) => a.size - b.size);

    let count = 0;
    for (const s of plans[0].slices) count = scanFirst(s, alive, hits, acc, cand, count);
    for (let i = 1; i < plans.length && count > 0; i++) {
      for (const s of plans[i].slices) scanNext(s, hits, i, wordScore);
      let kept = 0;
      for (let j = 0; j < count; j++) {
        const d = cand[j];
        const w = wordScore[d];
        if (w > 0) {
          wordScore[d] = 0;
          acc[d] += w;
          hits[d] = i + 1;
          cand[kept++] = d;
        } else {
          hits[d] = 0;
          acc[d] = 0;
        }
      }
      count = kept;
    }
    if (optional && count > 0) {
      for (const s of optional.slices) scanNext(s, hits, plans.length, wordScore);
      for (let j = 0; j < count; j++) {
        const d = cand[j];
        acc[d] += wordScore[d];
        wordScore[d] = 0;
        hits[d] = plans.length + 1;
      }
    }
    // Now every candidate has hits === level and every other document 0.
    const level = plans.length + (optional ? 1 : 0);
    for (const id of parsed.identifiers) {
      const slices: PostingSlice[] = [];
      post.lookup(id, false, EXACT, EXACT, slices);
      for (const s of slices) {
        for (let p = s.from; p < s.to; p++) {
          const d = s.docs[p];
          if (!(s.masks[p] & F_IDENT) || !alive[d]) continue;
          if (hits[d] !== level) {
            hits[d] = level;
            cand[count++] = d;
          }
          acc[d] += IDENTIFIER_BONUS;
        }
      }
    }
    return count;
  }

  /** Zeroes the scratch slots of the first `count` candidates. */
  private release(count: number): void {
    const { cand, hits, acc } = this;
    for (let j = 0; j < count; j++) {
      const d = cand[j];
      hits[d] = 0;
      acc[d] = 0;
    }
  }

  // ---- ordering

  private ranked(count: number, sort: 'relevance' | 'name' | 'city', limit: number): string[] {
    const nameRank = this.ranks();
    const cityRank = sort === 'city' ? this.cityRanks() : null;
    const keys = this.keys.subarray(0, count);
    for (let j = 0; j < count; j++) {
      const d = this.cand[j];
      const byName = RANK_SPACE - 1 - nameRank[d];
      keys[j] =
        sort === 'relevance'
          ? Math.round(this.acc[d] * SCORE_STEPS) * RANK_SPACE + byName
          : cityRank
            ? (cityRank.length - cityRank[this.cols.city[d]]) * RANK_SPACE + byName
            : byName;
    }
    return this.idsOfKeys(topKeys(keys, limit));
  }

  private idsOfKeys(keys: Float64Array): string[] {
    const ids = new Array<string>(keys.length);
    for (let j = 0; j < keys.length; j++) {
      const rank = RANK_SPACE - 1 - (keys[j] % RANK_SPACE);
      ids[j] = this.cols.id(this.byName[rank]);
    }
    return ids;
  }

  /** Empty query: every document passing the filters, by name (or by town, then name). */
  private browse(filter: CompiledFilter, sort: 'name' | 'city', limit: number): SearchResult {
    if (sort === 'city') {
      const count = collectPassing(this.cols, filter, null, this.cols.size, this.cand);
      return { ids: this.ranked(count, 'city', limit), total: count };
    }
    const count = collectPassing(this.cols, filter, this.byName, this.byNameLength, this.cand);
    const ids = new Array<string>(Math.min(count, limit));
    for (let j = 0; j < ids.length; j++) ids[j] = this.cols.id(this.cand[j]);
    return { ids, total: count };
  }

  private ranks(): Uint32Array {
    if (!this.nameRank || this.nameRank.length < this.cols.size) {
      const rank = new Uint32Array(this.cols.capacity);
      for (let i = 0; i < this.byNameLength; i++) rank[this.byName[i]] = i;
      this.nameRank = rank;
    }
    return this.nameRank;
  }

  /** City code → rank; documents without a town (code 0) sort last. */
  private cityRanks(): Uint32Array {
    if (!this.cityRank) {
      const values = this.cols.cities.values;
      const order = values.map((_, c) => c).slice(1);
      order.sort((a, b) => collator().compare(values[a], values[b]));
      const rank = new Uint32Array(values.length);
      rank[0] = values.length;
      order.forEach((c, i) => (rank[c] = i + 1));
      this.cityRank = rank;
    }
    return this.cityRank;
  }

  private insertByName(d: number): void {
    if (this.byNameLength === this.byName.length) {
      const grown = new Uint32Array(this.byName.length * 2);
      grown.set(this.byName);
      this.byName = grown;
    }
    const { cols } = this;
    const name = cols.name(d);
    let lo = 0;
    let hi = this.byNameLength;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (collator().compare(cols.name(this.byName[mid]), name) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.byName.copyWithin(lo + 1, lo, this.byNameLength);
    this.byName[lo] = d;
    this.byNameLength++;
    this.nameRank = null;
  }

  // ---- maintenance

  /** Renumbers live documents densely and merges pending additions into the main arrays. */
  private compact(): void {
    const { cols } = this;
    const remap = new Int32Array(cols.size);
    let next = 0;
    for (let d = 0; d < cols.size; d++) remap[d] = cols.alive[d] ? next++ : -1;
    this.post.rebuild(remap);
    cols.compact(remap);
    let n = 0;
    for (let i = 0; i < this.byNameLength; i++) {
      const to = remap[this.byName[i]];
      if (to >= 0) this.byName[n++] = to;
    }
    this.byNameLength = n;
    this.idMap = null;
    this.dead = 0;
    this.nameRank = null;
  }

  private docs(): Map<string, number> {
    if (!this.idMap) {
      const map = new Map<string, number>();
      for (let d = 0; d < this.cols.size; d++) if (this.cols.alive[d]) map.set(this.cols.id(d), d);
      this.idMap = map;
    }
    return this.idMap;
  }

  /** Saved flag per document for a set of ids. */
  private savedFlags(ids: Set<string> | undefined): Uint8Array {
    const flags = new Uint8Array(this.cols.size);
    if (ids?.size) {
      const docs = this.docs();
      for (const id of ids) {
        const d = docs.get(id);
        if (d !== undefined) flags[d] = 1;
      }
    }
    return flags;
  }

  private ensureScratch(): void {
    const n = this.cols.capacity;
    if (this.hits.length >= n) return;
    if (n > RANK_SPACE) throw new RangeError(`The search index holds at most ${RANK_SPACE} documents`);
    this.hits = new Uint8Array(n);
    this.acc = new Float32Array(n);
    this.wordScore = new Float32Array(n);
    this.cand = new Uint32Array(n);
    this.keys = new Float64Array(n);
  }
}

/** Document numbers of the live documents in Polish alphabetical order of their names. */
function sortByName(cols: DocColumns): Uint32Array {
  const order: number[] = [];
  for (let d = 0; d < cols.size; d++) if (cols.alive[d]) order.push(d);
  const names = cols.names as string[]; // a fresh build holds them as an array
  const compare = collator().compare;
  order.sort((a, b) => compare(names[a], names[b]) || a - b);
  return Uint32Array.from(order);
}

/** First word: every live document in the slices becomes a candidate, keeping its best score. */
function scanFirst(
  s: PostingSlice,
  alive: Uint8Array,
  hits: Uint8Array,
  acc: Float32Array,
  cand: Uint32Array,
  count: number,
): number {
  const { docs, masks, to, quality } = s;
  const weight = MASK_WEIGHT; // one read of the imported binding, not one per posting
  for (let p = s.from; p < to; p++) {
    const d = docs[p];
    if (!alive[d]) continue;
    const w = weight[masks[p]] * quality;
    if (hits[d] === 0) {
      hits[d] = 1;
      acc[d] = w;
      cand[count++] = d;
    } else if (w > acc[d]) {
      acc[d] = w;
    }
  }
  return count;
}

/** Later words: only documents that matched the `level` words before score. */
function scanNext(s: PostingSlice, hits: Uint8Array, level: number, wordScore: Float32Array): void {
  const { docs, masks, to, quality } = s;
  const weight = MASK_WEIGHT;
  for (let p = s.from; p < to; p++) {
    const d = docs[p];
    if (hits[d] !== level) continue;
    const w = weight[masks[p]] * quality;
    if (w > wordScore[d]) wordScore[d] = w;
  }
}

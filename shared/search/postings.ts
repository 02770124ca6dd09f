// The inverted index: folded word → the documents containing it, with a field bit mask per document.
//
// The bulk lives in one sorted dictionary with CSR postings (`start[t]..start[t+1]` in `docs` and
// `masks`). Because the dictionary is sorted, every word with a given prefix sits in one contiguous
// run of terms, so its postings are one contiguous slice: a prefix query is two binary searches.
// Documents added after a build go to a small "delta" (its own sorted term list with growable
// arrays) and are merged into the CSR arrays by `rebuild`, which also drops removed documents.
import { withinOneEdit } from './edit-distance.ts';
import type { Strings } from './packed-strings.ts';

/** A slice of postings to scan, with how good a match it is (exact, prefix or typo). */
export interface PostingSlice {
  docs: Uint32Array;
  masks: Uint8Array;
  from: number;
  to: number;
  quality: number;
}

interface DeltaList {
  docs: Uint32Array;
  masks: Uint8Array;
  length: number;
}

const EMPTY_DOCS = new Uint32Array(0);
const EMPTY_MASKS = new Uint8Array(0);

/** First index in the sorted `terms` whose term is ≥ `word`. */
export function lowerBound(terms: Strings, word: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms.at(mid)! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [from, to) of the terms starting with `prefix`. */
function prefixRange(terms: Strings, prefix: string): [number, number] {
  return [lowerBound(terms, prefix), lowerBound(terms, prefix + '\uffff')];
}

export class TermPostings {
  constructor(
    /** The dictionary, sorted by UTF-16 code units (the order of `<`). */
    public terms: Strings = [],
    public start: Uint32Array = new Uint32Array(1),
    public docs: Uint32Array = EMPTY_DOCS,
    public masks: Uint8Array = EMPTY_MASKS,
  ) {}

  private deltaTerms: string[] = [];
  private delta = new Map<string, DeltaList>();
  /** Postings waiting in the delta. */
  deltaSize = 0;

  /** Adds one document's terms (doc numbers must grow: a new document gets the next number). */
  add(doc: number, termMasks: Map<string, number>): void {
    for (const [term, mask] of termMasks) {
      let list = this.delta.get(term);
      if (!list) {
        list = { docs: new Uint32Array(4), masks: new Uint8Array(4), length: 0 };
        this.delta.set(term, list);
        this.deltaTerms.splice(lowerBound(this.deltaTerms, term), 0, term);
      } else if (list.length === list.docs.length) {
        const docs = new Uint32Array(list.length * 2);
        const masks = new Uint8Array(list.length * 2);
        docs.set(list.docs);
        masks.set(list.masks);
        list.docs = docs;
        list.masks = masks;
      }
      list.docs[list.length] = doc;
      list.masks[list.length] = mask;
      list.length++;
      this.deltaSize++;
    }
  }

  /**
   * Appends the slices for `word`: its exact postings with quality `exact`, and when `prefix` is set the
   * postings of longer words starting with it with quality `prefixQ`. Returns the number of postings.
   */
  lookup(word: string, prefix: boolean, exact: number, prefixQ: number, out: PostingSlice[]): number {
    let size = 0;
    const { terms, start, docs, masks } = this;
    const lo = lowerBound(terms, word);
    let from = lo;
    if (terms.at(lo) === word) {
      out.push({ docs, masks, from: start[lo], to: start[lo + 1], quality: exact });
      size += start[lo + 1] - start[lo];
      from = lo + 1;
    }
    if (prefix) {
      const hi = lowerBound(terms, word + '\uffff');
      if (hi > from) {
        out.push({ docs, masks, from: start[from], to: start[hi], quality: prefixQ });
        size += start[hi] - start[from];
      }
    }
    if (this.deltaSize) {
      if (prefix) {
        const [dlo, dhi] = prefixRange(this.deltaTerms, word);
        for (let t = dlo; t < dhi; t++) {
          const term = this.deltaTerms[t];
          size += this.pushDelta(term, term === word ? exact : prefixQ, out);
        }
      } else if (this.delta.has(word)) {
        size += this.pushDelta(word, exact, out);
      }
    }
    return size;
  }

  /**
   * Appends slices for the dictionary words one typo away from `word` (or, when `prefix`, words with a
   * prefix one typo away). Only words starting with the typed first letter, or with the first two
   * letters swapped or one letter too many at the start, are scanned: a typo in the very first letter
   * is not tolerated, which keeps the scan to a small slice of the dictionary.
   */
  fuzzy(word: string, prefix: boolean, quality: number, out: PostingSlice[]): number {
    const heads = new Set([word[0], word[1] + word[0], word[1]]);
    let size = 0;
    const minLen = word.length - 1;
    const maxLen = prefix ? Infinity : word.length + 1;
    const { terms, start, docs, masks } = this;
    for (const head of heads) {
      const [lo, hi] = prefixRange(terms, head);
      for (let t = lo; t < hi; t++) {
        const term = terms.at(t)!;
        if (term.length < minLen || term.length > maxLen || !withinOneEdit(word, term, prefix)) continue;
        out.push({ docs, masks, from: start[t], to: start[t + 1], quality });
        size += start[t + 1] - start[t];
      }
      if (this.deltaSize) {
        const [dlo, dhi] = prefixRange(this.deltaTerms, head);
        for (let t = dlo; t < dhi; t++) {
          const term = this.deltaTerms[t];
          if (term.length < minLen || term.length > maxLen || !withinOneEdit(word, term, prefix)) continue;
          size += this.pushDelta(term, quality, out);
        }
      }
    }
    return size;
  }

  /**
   * Makes a freshly laid out set of postings (documents numbered after every existing one) the
   * delta, for `rebuild` to merge; the delta must be empty.
   */
  setDelta(added: TermPostings): void {
    if (this.deltaSize) throw new Error('setDelta: the delta is not empty');
    const terms: string[] = [];
    const delta = new Map<string, DeltaList>();
    for (let t = 0; t < added.terms.length; t++) {
      const term = added.terms.at(t)!;
      const from = added.start[t];
      const to = added.start[t + 1];
      terms.push(term);
      delta.set(term, { docs: added.docs.subarray(from, to), masks: added.masks.subarray(from, to), length: to - from });
    }
    this.deltaTerms = terms;
    this.delta = delta;
    this.deltaSize = added.docs.length;
  }

  private pushDelta(term: string, quality: number, out: PostingSlice[]): number {
    const list = this.delta.get(term)!;
    out.push({ docs: list.docs, masks: list.masks, from: 0, to: list.length, quality });
    return list.length;
  }

  /**
   * Merges the delta into the CSR arrays and renumbers documents: `remap[old]` is the new number, or
   * -1 for a removed document (its postings are dropped, and so are words left without documents).
   */
  rebuild(remap: Int32Array): void {
    const { terms, start, docs, masks, deltaTerms, delta } = this;
    const total = docs.length + this.deltaSize;
    const newTerms: string[] = [];
    const newStart: number[] = [0];
    const newDocs = new Uint32Array(total);
    const newMasks = new Uint8Array(total);
    let p = 0;
    let i = 0;
    let j = 0;
    while (i < terms.length || j < deltaTerms.length) {
      const base = i < terms.length ? terms.at(i)! : undefined;
      const term = base !== undefined && (j >= deltaTerms.length || base <= deltaTerms[j]) ? base : deltaTerms[j];
      const before = p;
      if (base === term) {
        for (let q = start[i]; q < start[i + 1]; q++) {
          const to = remap[docs[q]];
          if (to >= 0) {
            newDocs[p] = to;
            newMasks[p++] = masks[q];
          }
        }
        i++;
      }
      if (j < deltaTerms.length && deltaTerms[j] === term) {
        const list = delta.get(term)!;
        for (let q = 0; q < list.length; q++) {
          const to = remap[list.docs[q]];
          if (to >= 0) {
            newDocs[p] = to;
            newMasks[p++] = list.masks[q];
          }
        }
        j++;
      }
      if (p > before) {
        newTerms.push(term);
        newStart.push(p);
      }
    }
    this.terms = newTerms;
    this.start = Uint32Array.from(newStart);
    this.docs = newDocs.slice(0, p);
    this.masks = newMasks.slice(0, p);
    this.deltaTerms = [];
    this.delta = new Map();
    this.deltaSize = 0;
  }
}

/**
 * Collects (term, document, fields) triples in flat typed arrays, then lays them out as CSR postings.
 * One JS array per term would mean ~250k small arrays for 100k documents (every NIP is a term):
 * slower to fill and a burden for the garbage collector.
 */
export class PostingsBuilder {
  private readonly termIds = new Map<string, number>();
  private term = new Uint32Array(1 << 16);
  private doc = new Uint32Array(1 << 16);
  private mask = new Uint8Array(1 << 16);
  private n = 0;

  /** Documents must be added in ascending order of their numbers. */
  add(doc: number, termMasks: Map<string, number>): void {
    for (const [term, mask] of termMasks) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.termIds.size;
        this.termIds.set(term, id);
      }
      if (this.n === this.term.length) this.grow();
      this.term[this.n] = id;
      this.doc[this.n] = doc;
      this.mask[this.n++] = mask;
    }
  }

  private grow(): void {
    const size = this.term.length * 2;
    const term = new Uint32Array(size);
    const doc = new Uint32Array(size);
    const mask = new Uint8Array(size);
    term.set(this.term);
    doc.set(this.doc);
    mask.set(this.mask);
    this.term = term;
    this.doc = doc;
    this.mask = mask;
  }

  finish(): TermPostings {
    const terms = [...this.termIds.keys()].sort();
    // rank[id] = position of the term in sorted order
    const rank = new Uint32Array(terms.length);
    for (let t = 0; t < terms.length; t++) rank[this.termIds.get(terms[t])!] = t;
    const start = new Uint32Array(terms.length + 1);
    for (let i = 0; i < this.n; i++) start[rank[this.term[i]] + 1]++;
    for (let t = 0; t < terms.length; t++) start[t + 1] += start[t];
    const cursor = start.slice(0, terms.length);
    const docs = new Uint32Array(this.n);
    const masks = new Uint8Array(this.n);
    // Triples arrive in document order, so each term's postings come out sorted by document.
    for (let i = 0; i < this.n; i++) {
      const p = cursor[rank[this.term[i]]]++;
      docs[p] = this.doc[i];
      masks[p] = this.mask[i];
    }
    return new TermPostings(terms, start, docs, masks);
  }
}

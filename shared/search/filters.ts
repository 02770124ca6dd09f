// Filters compiled once per query into lookups over the typed columns, and the loops that apply them
// and count facets. The per-document loops live here, next to `failedDims`, so that the hot path
// makes plain local calls.
import { CATEGORY_BITS, CATEGORY_IDS } from './categories.ts';
import { type DocColumns, FLAG_ANY_CERTIFICATE, FLAG_SOCIAL_ENTERPRISE } from './columns.ts';
import type { FacetCounts, Filters } from './types.ts';
import type { ValueDict } from './value-dict.ts';

/** Facet dimensions, as bit positions in a "which filters does this document fail" mask. */
export const DIM_VOIVODESHIP = 1;
export const DIM_COUNTY = 2;
export const DIM_CITY = 4;
export const DIM_LEGAL_FORM = 8;
export const DIM_CATEGORY = 16;
export const DIM_SOCIAL_ENTERPRISE = 32;
export const DIM_CERTIFICATE = 64;
export const DIM_SAVED = 128;

export interface CompiledFilter {
  voivodeship: Uint8Array | null;
  county: Uint8Array | null;
  city: Uint8Array | null;
  legalForm: Uint8Array | null;
  categoryMask: number;
  socialEnterprise: boolean | undefined;
  certificate: 'zakup_prospoleczny_valid' | 'any' | undefined;
  /** Saved flag per document; null when the saved filter is off. */
  saved: Uint8Array | null;
  today: number;
  /** True when no filter is set: the hot loops skip the checks. */
  none: boolean;
}

function allowed(dict: ValueDict, values: string[] | undefined): Uint8Array | null {
  if (!values?.length) return null;
  const table = new Uint8Array(dict.values.length);
  for (const v of values) {
    const c = dict.find(v);
    if (c > 0) table[c] = 1;
  }
  return table;
}

/** `saved`: the saved flag per document, needed when `filter.savedOnly` is set. */
export function compileFilter(
  cols: DocColumns,
  filter: Filters | undefined,
  today: number,
  saved: Uint8Array | null,
): CompiledFilter {
  const f = filter ?? {};
  let categoryMask = 0;
  let unknownCategory = false;
  for (const c of f.category ?? []) {
    const bit = CATEGORY_BITS.get(c);
    if (bit) categoryMask |= bit;
    else unknownCategory = true;
  }
  const compiled: CompiledFilter = {
    voivodeship: allowed(cols.voivodeships, f.voivodeship),
    county: allowed(cols.counties, f.county),
    city: allowed(cols.cities, f.city),
    legalForm: allowed(cols.legalForms, f.legalForm),
    // Only unknown category ids: match nothing, like an unknown town. Bit 31 belongs to no category.
    categoryMask: categoryMask || (unknownCategory ? 1 << 31 : 0),
    socialEnterprise: f.socialEnterprise,
    certificate: f.certificate,
    saved: f.savedOnly ? saved : null,
    today,
    none: false,
  };
  compiled.none =
    !compiled.voivodeship && !compiled.county && !compiled.city && !compiled.legalForm &&
    !compiled.categoryMask && compiled.socialEnterprise === undefined && !compiled.certificate && !compiled.saved;
  return compiled;
}

/** Bit mask of the filter dimensions document `d` fails (0 = it passes every filter). */
export function failedDims(cols: DocColumns, f: CompiledFilter, d: number): number {
  let failed = 0;
  if (f.voivodeship && !f.voivodeship[cols.voivodeship[d]]) failed |= DIM_VOIVODESHIP;
  if (f.county && !f.county[cols.county[d]]) failed |= DIM_COUNTY;
  if (f.city && !f.city[cols.city[d]]) failed |= DIM_CITY;
  if (f.legalForm && !f.legalForm[cols.legalForm[d]]) failed |= DIM_LEGAL_FORM;
  if (f.categoryMask && !(cols.categories[d] & f.categoryMask)) failed |= DIM_CATEGORY;
  if (f.socialEnterprise !== undefined && f.socialEnterprise !== ((cols.flags[d] & FLAG_SOCIAL_ENTERPRISE) !== 0)) {
    failed |= DIM_SOCIAL_ENTERPRISE;
  }
  if (f.certificate === 'any' ? !(cols.flags[d] & FLAG_ANY_CERTIFICATE) : f.certificate && !(cols.certDay[d] >= f.today)) {
    failed |= DIM_CERTIFICATE;
  }
  if (f.saved && !f.saved[d]) failed |= DIM_SAVED;
  return failed;
}

/** How many of `docs[0..count)` pass the filter. */
export function countPassing(cols: DocColumns, f: CompiledFilter, docs: Uint32Array, count: number): number {
  if (f.none) return count;
  let n = 0;
  for (let j = 0; j < count; j++) if (!failedDims(cols, f, docs[j])) n++;
  return n;
}

/**
 * Moves the documents of `docs[0..count)` that pass the filter to the front (in order) and the others
 * behind them, so the caller can still reach every one; returns how many pass.
 */
export function keepPassing(cols: DocColumns, f: CompiledFilter, docs: Uint32Array, count: number): number {
  if (f.none) return count;
  const rejected: number[] = [];
  let kept = 0;
  for (let j = 0; j < count; j++) {
    const d = docs[j];
    if (failedDims(cols, f, d)) rejected.push(d);
    else docs[kept++] = d;
  }
  for (let j = 0; j < rejected.length; j++) docs[kept + j] = rejected[j];
  return kept;
}

/**
 * Writes to `out` the live documents passing the filter, in the order of `order[0..length)`, or in
 * document order when `order` is null (then `length` is the number of document slots).
 */
export function collectPassing(
  cols: DocColumns,
  f: CompiledFilter,
  order: Uint32Array | null,
  length: number,
  out: Uint32Array,
): number {
  const { alive } = cols;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const d = order ? order[i] : i;
    if (alive[d] && (f.none || !failedDims(cols, f, d))) out[n++] = d;
  }
  return n;
}

/**
 * Facet counts over `docs[0..count)`, or over every live document when `docs` is null. A document
 * failing no filter counts in every facet; failing exactly one, only in that one (the standard
 * "each facet without its own filter"); failing two or more, nowhere.
 */
export function countFacets(
  cols: DocColumns,
  f: CompiledFilter,
  docs: Uint32Array | null,
  count: number,
  saved: Uint8Array,
): FacetCounts {
  const voivodeship = new Uint32Array(cols.voivodeships.values.length);
  const county = new Uint32Array(cols.counties.values.length);
  const city = new Uint32Array(cols.cities.values.length);
  const legalForm = new Uint32Array(cols.legalForms.values.length);
  const category = new Uint32Array(32);
  let socialEnterprise = 0;
  let certificateValid = 0;
  let savedCount = 0;
  for (let j = 0; j < count; j++) {
    const d = docs ? docs[j] : j;
    if (!docs && !cols.alive[d]) continue;
    const failed = f.none ? 0 : failedDims(cols, f, d);
    if (failed & (failed - 1)) continue;
    const all = failed === 0;
    if (all || failed === DIM_VOIVODESHIP) voivodeship[cols.voivodeship[d]]++;
    if (all || failed === DIM_COUNTY) county[cols.county[d]]++;
    if (all || failed === DIM_CITY) city[cols.city[d]]++;
    if (all || failed === DIM_LEGAL_FORM) legalForm[cols.legalForm[d]]++;
    if (all || failed === DIM_CATEGORY) {
      for (let bits = cols.categories[d]; bits; bits &= bits - 1) category[31 - Math.clz32(bits & -bits)]++;
    }
    if ((all || failed === DIM_SOCIAL_ENTERPRISE) && cols.flags[d] & FLAG_SOCIAL_ENTERPRISE) socialEnterprise++;
    if ((all || failed === DIM_CERTIFICATE) && cols.certDay[d] >= f.today) certificateValid++;
    if ((all || failed === DIM_SAVED) && saved[d]) savedCount++;
  }
  const record = (counts: Uint32Array, dict: ValueDict) => {
    const out: Record<string, number> = {};
    for (let code = 1; code < counts.length; code++) if (counts[code]) out[dict.values[code]] = counts[code];
    return out;
  };
  const categories: Record<string, number> = {};
  CATEGORY_IDS.forEach((id, bit) => {
    if (category[bit]) categories[id] = category[bit];
  });
  return {
    voivodeship: record(voivodeship, cols.voivodeships),
    county: record(county, cols.counties),
    city: record(city, cols.cities),
    legalForm: record(legalForm, cols.legalForms),
    category: categories,
    socialEnterprise,
    certificateValid,
    saved: savedCount,
  };
}

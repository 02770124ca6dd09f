// Filters compiled once per query into lookups over the typed columns.
import { CATEGORY_BITS } from './categories.ts';
import { type DocColumns, FLAG_ANY_CERTIFICATE, FLAG_SOCIAL_ENTERPRISE } from './columns.ts';
import type { Filters } from './types.ts';
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

/** Saved flag per document number for a set of ids. */
export function savedFlags(cols: DocColumns, idToDoc: Map<string, number>, ids: Set<string> | undefined): Uint8Array {
  const flags = new Uint8Array(cols.size);
  if (ids) {
    for (const id of ids) {
      const d = idToDoc.get(id);
      if (d !== undefined) flags[d] = 1;
    }
  }
  return flags;
}

export function compileFilter(
  cols: DocColumns,
  idToDoc: Map<string, number>,
  filter: Filters | undefined,
  today: number,
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
    saved: f.savedOnly ? savedFlags(cols, idToDoc, f.savedIds) : null,
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

import type { Entity } from '../model/types.ts';

/** The part of an entity the directory search reads. */
export type SearchDoc = Pick<
  Entity,
  | 'id'
  | 'name'
  | 'legalForm'
  | 'krs'
  | 'nip'
  | 'regon'
  | 'address'
  | 'offer'
  | 'categories'
  | 'socialEnterpriseStatus'
  | 'certificates'
  | 'awards'
>;

/**
 * Facet filters. Values inside one facet are alternatives (OR); facets combine with AND.
 * `socialEnterprise`: true = holds the status, false = does not, absent = either.
 * `certificate`: 'zakup_prospoleczny_valid' = a valid Zakup Prospołeczny (rule in certificates.ts);
 * 'any' = at least one certificate or award of any kind, valid or not.
 * `savedOnly` keeps the ids in `savedIds` (the user's saved entities).
 */
export type Filters = {
  voivodeship?: string[];
  county?: string[];
  city?: string[];
  legalForm?: string[];
  category?: string[];
  socialEnterprise?: boolean;
  certificate?: 'zakup_prospoleczny_valid' | 'any';
  savedOnly?: boolean;
  savedIds?: Set<string>;
};

/**
 * Counts for the current query, each facet computed with every other filter applied and its own
 * filter left out, so the user sees what choosing another value would give.
 * Records hold only non-zero counts; entities without a value (no town…) are not counted.
 */
export type FacetCounts = {
  voivodeship: Record<string, number>;
  county: Record<string, number>;
  legalForm: Record<string, number>;
  category: Record<string, number>;
  city: Record<string, number>;
  socialEnterprise: number;
  certificateValid: number;
  saved: number;
};

export type SortOrder = 'relevance' | 'name' | 'city';

export interface SearchOptions {
  /** How many ids to return; `total` still counts every match. Default: all. */
  limit?: number;
  filter?: Filters;
  /** Default 'relevance'; an empty query is always listed by name unless 'city' is asked. */
  sort?: SortOrder;
}

export interface SearchResult {
  ids: string[];
  total: number;
}

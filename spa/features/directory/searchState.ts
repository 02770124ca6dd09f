// The directory search as it lives in the address: query, facets and sort order, so a search can be
// bookmarked and shared. Short, stable parameter names; unknown values are dropped on reading.
import type { Filters, SortOrder } from '../../../shared/search/types.ts';

export interface SearchState {
  q: string;
  filters: Omit<Filters, 'savedIds'>;
  sort: SortOrder;
}

/** Multi-valued facets and their parameter names. */
export const LIST_FACETS = { voivodeship: 'woj', county: 'powiat', city: 'miasto', legalForm: 'forma', category: 'kat' } as const;
export type ListFacet = keyof typeof LIST_FACETS;

const SORTS: SortOrder[] = ['relevance', 'name', 'city'];

export function readSearch(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const [facet, param] of Object.entries(LIST_FACETS) as [ListFacet, string][]) {
    const values = [...new Set(params.getAll(param).filter(Boolean))];
    if (values.length) filters[facet] = values;
  }
  const se = params.get('ps');
  if (se === '1') filters.socialEnterprise = true;
  else if (se === '0') filters.socialEnterprise = false;
  const cert = params.get('cert');
  if (cert === 'zp') filters.certificate = 'zakup_prospoleczny_valid';
  else if (cert === 'any') filters.certificate = 'any';
  if (params.get('zapisane') === '1') filters.savedOnly = true;
  const sort = params.get('sort') as SortOrder | null;
  return { q: params.get('q') ?? '', filters, sort: sort && SORTS.includes(sort) ? sort : 'relevance' };
}

/** Parameters for the address; defaults are left out so a plain search stays a short link. */
export function searchParams(state: SearchState): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (state.q) out.q = state.q;
  for (const [facet, param] of Object.entries(LIST_FACETS) as [ListFacet, string][]) {
    const values = state.filters[facet];
    if (values?.length) out[param] = values;
  }
  if (state.filters.socialEnterprise !== undefined) out.ps = state.filters.socialEnterprise ? '1' : '0';
  if (state.filters.certificate) out.cert = state.filters.certificate === 'any' ? 'any' : 'zp';
  if (state.filters.savedOnly) out.zapisane = '1';
  if (state.sort !== 'relevance') out.sort = state.sort;
  return out;
}

/** The state with one value of a list facet switched on or off. */
export function toggleValue(state: SearchState, facet: ListFacet, value: string): SearchState {
  const current = state.filters[facet] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...state.filters, [facet]: next };
  if (!next.length) delete filters[facet];
  return { ...state, filters };
}

export function hasFilters(state: SearchState): boolean {
  return Object.keys(state.filters).length > 0;
}

// Public entry of the directory search.
export { SearchIndex, type IndexOptions } from './search-index.ts';
export { isZakupProspoleczny, zakupValidUntilDay } from './certificates.ts';
export { CATEGORY_IDS } from './categories.ts';
export type { FacetCounts, Filters, SearchDoc, SearchOptions, SearchResult, SortOrder } from './types.ts';

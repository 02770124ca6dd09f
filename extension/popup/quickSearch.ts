// The popup's quick search, loaded only when the popup shows the search (a chunk of its own, so
// the card of a recognised site never waits for it). It builds the directory's in-memory index
// (shared/search) from one read of the store.
import type { RadarDB } from '../../shared/db/database.ts';
import { SearchIndex } from '../../shared/search/search-index.ts';
import type { LegalForm } from '../../shared/model/types.ts';

export interface QuickHit {
  id: string;
  name: string;
  legalForm: LegalForm;
  city?: string;
  /** No known web site: the result offers "Find its site". */
  noWebsite?: boolean;
}

export type QuickSearch = (query: string, limit: number) => { hits: QuickHit[]; total: number };

export async function openQuickSearch(db: RadarDB): Promise<QuickSearch> {
  const docs = await db.entities.toArray();
  const index = SearchIndex.build(docs);
  const byId = new Map<string, QuickHit>(docs.map((d) => [d.id, { id: d.id, name: d.name, legalForm: d.legalForm, city: d.address.city, ...(d.websites.length ? {} : { noWebsite: true }) }]));
  return (query, limit) => {
    if (!query.trim()) return { hits: [], total: 0 };
    const { ids, total } = index.search(query, { limit });
    return { hits: ids.map((id) => byId.get(id)).filter((h): h is QuickHit => !!h), total };
  };
}

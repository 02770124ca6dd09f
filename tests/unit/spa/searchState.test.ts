// The directory search in the address: what a bookmarked or shared link restores.
import { describe, expect, it } from 'vitest';
import { hasFilters, readSearch, searchParams, toggleValue, type SearchState } from '../../../spa/features/directory/searchState.ts';

/** What the router does with the parameters: URLSearchParams, the browser's own encoding. */
function roundTrip(state: SearchState): SearchState {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(searchParams(state))) for (const x of Array.isArray(v) ? v : [v]) q.append(k, x);
  return readSearch(new URLSearchParams(q.toString()));
}

describe('search state in the URL', () => {
  it('round-trips a query with Polish letters, several values per facet and every flag', () => {
    const state: SearchState = {
      q: 'spółdzielnia łódź & catering',
      filters: {
        voivodeship: ['łódzkie', 'małopolskie'],
        county: ['Kraków'],
        city: ['Nowy Sącz'],
        legalForm: ['spoldzielnia_socjalna', 'zaz'],
        category: ['catering'],
        socialEnterprise: true,
        certificate: 'zakup_prospoleczny_valid',
        savedOnly: true,
      },
      sort: 'city',
    };
    expect(roundTrip(state)).toEqual(state);
  });

  it('leaves defaults out, so a plain search is a short link', () => {
    expect(searchParams({ q: '', filters: {}, sort: 'relevance' })).toEqual({});
    expect(searchParams({ q: 'zaz', filters: {}, sort: 'relevance' })).toEqual({ q: 'zaz' });
  });

  it('reads a hand-written or damaged link without inventing filters', () => {
    const s = readSearch(new URLSearchParams('q=pralnia&sort=bogus&ps=maybe&cert=zp&woj=&woj=opolskie&woj=opolskie&zapisane=0'));
    expect(s).toEqual({ q: 'pralnia', filters: { voivodeship: ['opolskie'], certificate: 'zakup_prospoleczny_valid' }, sort: 'relevance' });
    expect(readSearch(new URLSearchParams('ps=0')).filters.socialEnterprise).toBe(false);
  });

  it('toggles one facet value on and off, dropping the facet when empty', () => {
    const base: SearchState = { q: '', filters: {}, sort: 'relevance' };
    const on = toggleValue(base, 'voivodeship', 'pomorskie');
    expect(on.filters.voivodeship).toEqual(['pomorskie']);
    expect(hasFilters(on)).toBe(true);
    const off = toggleValue(on, 'voivodeship', 'pomorskie');
    expect(off.filters).toEqual({});
    expect(hasFilters(off)).toBe(false);
  });
});

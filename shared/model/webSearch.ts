// "Find its site": a web search for an entity's name and town, opened by the user in a new tab.
// Only a link: nothing is sent by Radar ES, and the search is the user's own.

/** The search engine the link opens (most Polish users search with it). */
const SEARCH = 'https://www.google.com/search?q=';

export function webSearchUrl(name: string, town?: string): string {
  const q = [name, town].map((s) => (s ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ');
  return SEARCH + encodeURIComponent(q);
}

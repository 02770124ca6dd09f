// Hash routing: works the same in a chrome-extension:// page and on any static host, and keeps the
// search query and facets in the address so a search can be bookmarked and shared.
export interface Route {
  name: 'directory' | 'entity' | 'add' | 'saved' | 'lists' | 'list' | 'flags' | 'import' | 'feeds' | 'settings' | 'welcome' | 'about' | 'help';
  /** Path parameter (entity id, list id). */
  id?: string;
  query: URLSearchParams;
}

const KNOWN: readonly string[] = ['directory', 'entity', 'add', 'saved', 'lists', 'list', 'flags', 'import', 'feeds', 'settings', 'welcome', 'about', 'help'];

/** Whether this build has a page of that name (pages that land later are linked only once they exist). */
export function routeExists(name: string): boolean {
  return KNOWN.includes(name);
}

function parse(hash: string): Route {
  const [path, qs = ''] = hash.replace(/^#\/?/, '').split('?');
  const [name, id] = path.split('/');
  const query = new URLSearchParams(qs);
  const n = KNOWN.includes(name) ? (name as Route['name']) : 'directory';
  return { name: n, id: id ? decodeURIComponent(id) : undefined, query };
}

export const router = $state({ route: parse(typeof location === 'undefined' ? '' : location.hash) });

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    router.route = parse(location.hash);
  });
}

export function href(name: Route['name'], id?: string, query?: Record<string, string | string[] | undefined>): string {
  const h = `#/${name}${id !== undefined ? `/${encodeURIComponent(id)}` : ''}`;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else if (v) q.set(k, v);
  }
  const s = q.toString();
  return s ? `${h}?${s}` : h;
}

/** Changes the address without adding a history entry (typing in the search box). */
export function replaceRoute(hash: string): void {
  history.replaceState(history.state, '', hash);
  router.route = parse(hash);
}

export function navigate(hash: string): void {
  location.hash = hash;
}

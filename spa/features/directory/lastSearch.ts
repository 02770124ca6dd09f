// The directory address the user last searched with, so an entity page can link back to those
// results (and the results list, keyed by the same search, restores its place).
let last: string | undefined;

export function rememberSearch(hash: string): void {
  last = hash;
}

/** The last search's address, or the plain directory when none was made in this session. */
export function lastSearch(): string {
  return last ?? '#/directory';
}

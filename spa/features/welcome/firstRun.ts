/**
 * Whether the app was opened at its plain address (a first visit, a bookmark of the site) rather than
 * at a page (`#/…`, the popup's links, a shared link): only then does a first run show the welcome
 * instead of that page.
 */
export function isPlainStart(hash: string): boolean {
  return hash === '' || hash === '#';
}

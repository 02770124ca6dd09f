/**
 * Whether the app was opened at its plain address (toolbar, bookmark, first visit) rather than at a
 * page someone linked to: only then does a first run show the welcome instead of that page.
 */
export function isPlainStart(hash: string): boolean {
  return hash === '' || hash === '#' || hash === '#/';
}

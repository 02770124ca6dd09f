import type { PageHints } from '../shared/model/types.ts';

/**
 * Hints worth the "?" badge and the popup's "Add as candidate": an identifier or a telling phrase.
 * E-mails and phones alone are on every business's site and say nothing. Shared by the background
 * and the popup, and kept free of imports so the popup does not pull the background's libraries.
 */
export function hasTellingHints(hints: PageHints | undefined): boolean {
  return !!hints && (hints.phrases.length > 0 || hints.nips.length > 0 || hints.krs.length > 0 || hints.regons.length > 0);
}

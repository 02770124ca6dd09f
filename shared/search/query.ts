// What a typed query asks for: folded words (the last one possibly unfinished) and, when the query
// looks like a NIP/REGON/KRS in any common format, the canonical identifiers to look up.
import { foldedWords } from '../model/fold.ts';
import { parseKrs, parseNip, parseRegon } from '../model/identifiers.ts';

export interface ParsedQuery {
  words: string[];
  /** Canonical identifiers (checksum-valid NIP/REGON, zero-padded KRS) the query could be. */
  identifiers: string[];
}

/** A label (NIP, PL, REGON, KRS…) then digits with the separators people type: spaces, dashes, dots. */
const IDENTIFIER_SHAPE = /^\s*(?:(?:nip|vat|regon|krs)\s*(?:nr|no)?\.?\s*:?\s*)?(?:pl)?\s*\d[\d\s.\-–—]*$/i;
const KRS_LABEL = /^\s*krs/i;
/** Unlabelled short numbers are more likely part of a number being typed than a KRS. */
const MIN_BARE_KRS_DIGITS = 6;
/** More words than this are not a search, they are pasted text. */
const MAX_WORDS = 12;

export function parseQuery(query: string): ParsedQuery {
  if (IDENTIFIER_SHAPE.test(query)) {
    const digits = query.replace(/\D/g, '');
    const identifiers = new Set<string>();
    for (const parsed of [parseNip(query), parseRegon(query)]) if (parsed.ok) identifiers.add(parsed.value);
    if (KRS_LABEL.test(query) || digits.length >= MIN_BARE_KRS_DIGITS) {
      const krs = parseKrs(query);
      if (krs.ok) identifiers.add(krs.value);
    }
    // The digits also go through the word search as one prefix, so a number being typed narrows down.
    return { words: [digits], identifiers: [...identifiers] };
  }
  const all = foldedWords(query);
  // One-letter words ("w", "z", "i") are not indexed; only the last one, maybe being typed, is kept
  // (after other words it only ranks, see SearchIndex.evaluate).
  const words = all.filter((w, i) => w.length > 1 || i === all.length - 1).slice(0, MAX_WORDS);
  return { words, identifiers: [] };
}

// A document's index terms: folded words of each field, with the bits of the fields they occur in.
import { foldedWords } from '../model/fold.ts';
import { F_IDENT, F_NAME, F_OFFER, fieldTexts } from './fields.ts';
import type { SearchDoc } from './types.ts';

/**
 * Towns, counties and category words repeat across thousands of documents: fold each text once.
 * Bounded so that a long run of live edits with odd values cannot grow it without limit.
 */
const folded = new Map<string, string[]>();
const MEMO_LIMIT = 20_000;

function words(field: number, text: string): string[] {
  if (field === F_IDENT) {
    const digits = text.replace(/\D/g, ''); // identifiers are canonical digits; tolerate stray separators
    return digits ? [digits] : [];
  }
  if (field === F_NAME || field === F_OFFER) return foldedWords(text);
  let w = folded.get(text);
  if (!w) {
    if (folded.size >= MEMO_LIMIT) folded.clear();
    w = foldedWords(text);
    folded.set(text, w);
  }
  return w;
}

/** term → OR of the field bits it occurs in. One-letter words ("w", "z", "i") are not indexed. */
export function docTerms(doc: SearchDoc): Map<string, number> {
  const terms = new Map<string, number>();
  for (const [field, text] of fieldTexts(doc)) {
    for (const w of words(field, text)) {
      if (w.length < 2) continue;
      terms.set(w, (terms.get(w) ?? 0) | field);
    }
  }
  return terms;
}

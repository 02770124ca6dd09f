// Polish folding for search and dedupe: lower-case, NFD, strip combining marks, and map ł→l
// (NFD leaves ł/Ł intact because they are not composed characters).
const MARKS = /[\u0300-\u036f]/g;

export function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(MARKS, '').replace(/ł/g, 'l');
}

/** Folded words of a text: letters and digits only, so punctuation never splits a match. */
export function foldedWords(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

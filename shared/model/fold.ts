// Polish folding for search and dedupe: lower-case, NFD, strip combining marks, and map ł→l
// (NFD leaves ł/Ł intact because they are not composed characters).
const MARKS = /[\u0300-\u036f]/g;

/** The definition: what fold() returns for any text. */
export function foldByNormalizing(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(MARKS, '').replace(/ł/g, 'l');
}

// Folded form of each Polish letter with a diacritic, upper and lower case.
const POLISH: Record<string, string> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' };
for (const [k, v] of Object.entries(POLISH)) POLISH[k.toUpperCase()] = v;
// Typographic punctuation of Polish texts (quotes „”, dashes, no-break space): neither case nor
// NFD changes it.
for (const c of '„”“‘’«»–—…\u00a0') POLISH[c] = c;
// Texts of only these characters fold one character at a time; any other (letters whose lower
// case is longer or depends on context, such as İ or Σ, and marked letters) takes the definition.
const SIMPLE = /^[\x00-\x7fąćęłńóśźżĄĆĘŁŃÓŚŹŻ„”“‘’«»–—…\u00a0]*$/;

/**
 * foldByNormalizing(text), fast for the texts a directory holds: ASCII and Polish letters are
 * mapped one by one (normalize('NFD') was a fifth of an import's planning time); anything else
 * takes the definition.
 */
export function fold(text: string): string {
  if (!SIMPLE.test(text)) return foldByNormalizing(text);
  const lower = text.toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) < 0x80) continue;
    out += lower.slice(from, i) + POLISH[lower[i]];
    from = i + 1;
  }
  return from === 0 ? lower : out + lower.slice(from);
}

/** Folded words of a text: letters and digits only, so punctuation never splits a match. */
export function foldedWords(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

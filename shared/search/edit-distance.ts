// One-typo tolerance: is `a` (what was typed) within one edit of `b` (a dictionary word)?
// Edits: substitution, insertion, deletion, and a swap of two neighbours (the commonest typing slip,
// which plain Levenshtein counts as two).

/** True when a[i..] equals b[j..] (whole mode) or is a prefix of it (prefix mode). */
function restMatches(a: string, i: number, b: string, j: number, prefix: boolean): boolean {
  const rest = a.length - i;
  if (prefix ? b.length - j < rest : b.length - j !== rest) return false;
  for (let k = 0; k < rest; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}

/**
 * Within one edit of `b` (prefix = false) or of some prefix of `b` (prefix = true, for the word being
 * typed). Exact and plain-prefix matches return false: the caller has found those already.
 */
export function withinOneEdit(a: string, b: string, prefix: boolean): boolean {
  let i = 0;
  const n = Math.min(a.length, b.length);
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length) return !prefix && b.length === a.length + 1; // b = a + one letter
  if (i === b.length) return a.length === b.length + 1; // a = b + one letter
  return (
    restMatches(a, i + 1, b, i + 1, prefix) || // substitution
    restMatches(a, i + 1, b, i, prefix) || // a letter too many
    restMatches(a, i, b, i + 1, prefix) || // a letter missing
    (a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      restMatches(a, i + 2, b, i + 2, prefix)) // two letters swapped
  );
}

// E-mail addresses as people type them, reduced to one canonical form. No dependencies: the popup
// and the links module use it without the phone and public-suffix libraries of contact.ts.

// Pragmatic: one @, no spaces or angle brackets, a dotted domain ending in a letter TLD.
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}$/u;

/** An e-mail address with a lower-case domain (the local part is kept: it may be case-sensitive). */
export function normalizeEmail(input: string): string | null {
  const s = input
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/\?.*$/, '')
    .replace(/^<(.*)>$/, '$1');
  if (s.length > 254 || !EMAIL.test(s)) return null;
  const at = s.lastIndexOf('@');
  const local = s.slice(0, at);
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  return local + '@' + s.slice(at + 1).toLowerCase();
}

// Polish register identifiers: NIP (tax id), REGON (statistical id), KRS (court register number).
// No imports: the page scanner pulls isValidNip/isValidRegon into the content script.

export type IdResult = { ok: true; value: string } | { ok: false; reason: 'empty' | 'format' | 'checksum' };

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];
const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7];
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];

/** Weighted digit sum mod 11 over the first weights.length digits; -1 when a character is not a digit. */
function weightedMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    sum += d * weights[i];
  }
  return sum % 11;
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** All-zero numbers pass every mod-11 check but are never issued; placeholders in forms use them. */
function allZero(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 48) return false;
  return true;
}

/** A canonical 10-digit NIP with a valid check digit. A checksum of 10 means the number is invalid. */
export function isValidNip(digits: string): boolean {
  if (digits.length !== 10 || allZero(digits)) return false;
  const check = weightedMod11(digits, NIP_WEIGHTS);
  const last = digits.charCodeAt(9) - 48;
  return check >= 0 && check !== 10 && check === last;
}

function isValidRegon9(digits: string): boolean {
  const check = weightedMod11(digits, REGON9_WEIGHTS);
  return check >= 0 && check % 10 === digits.charCodeAt(8) - 48;
}

/** A canonical 9- or 14-digit REGON with valid check digit(s); a REGON-14 embeds a valid REGON-9. */
export function isValidRegon(digits: string): boolean {
  if (digits.length === 9) return !allZero(digits) && isValidRegon9(digits);
  if (digits.length !== 14 || allZero(digits.slice(0, 9)) || !isValidRegon9(digits)) return false;
  const check = weightedMod11(digits, REGON14_WEIGHTS);
  return check >= 0 && check % 10 === digits.charCodeAt(13) - 48;
}

/**
 * Drops a label such as "NIP:", the separators people type inside numbers, and one leading
 * apostrophe: Excel's "this is text" mark, which files saved from a spreadsheet (and older Radar ES
 * exports) carry in front of identifiers.
 */
function stripped(input: string, label: RegExp): string {
  return input.trim().replace(/^['’]/, '').replace(label, '').replace(/[\s.\-–—]/g, '');
}

const NIP_LABEL = /^(?:nip|vat(?:\s*id)?)\s*(?:nr|no)?\.?\s*:?\s*(?:pl)?|^pl/i;
const REGON_LABEL = /^regon\s*(?:nr|no)?\.?\s*:?/i;
const KRS_LABEL = /^krs\s*(?:nr|no)?\.?\s*:?/i;

export function parseNip(input: string): IdResult {
  if (!input.trim()) return { ok: false, reason: 'empty' };
  const digits = stripped(input, NIP_LABEL);
  if (digits.length !== 10 || !allDigits(digits)) return { ok: false, reason: 'format' };
  return isValidNip(digits) ? { ok: true, value: digits } : { ok: false, reason: 'checksum' };
}

export function parseRegon(input: string): IdResult {
  if (!input.trim()) return { ok: false, reason: 'empty' };
  let digits = stripped(input, REGON_LABEL);
  // A spreadsheet that read the REGON as a number dropped its leading zero (012345675 → 12345675):
  // it is put back when the check digit then agrees. Only one: a shorter number padded with more
  // zeros passes the check one time in ten, too often to accept a typo as a REGON.
  if ((digits.length === 8 || digits.length === 13) && allDigits(digits) && isValidRegon('0' + digits)) digits = '0' + digits;
  if ((digits.length !== 9 && digits.length !== 14) || !allDigits(digits)) return { ok: false, reason: 'format' };
  // The KRS API writes a unit's 9-digit REGON as 14 digits padded with zeros: that is the same unit.
  if (digits.length === 14 && digits.endsWith('00000') && isValidRegon(digits.slice(0, 9))) {
    return { ok: true, value: digits.slice(0, 9) };
  }
  return isValidRegon(digits) ? { ok: true, value: digits } : { ok: false, reason: 'checksum' };
}

/** KRS numbers have no check digit; people drop the leading zeros, so 1–10 digits are accepted. */
export function parseKrs(input: string): IdResult {
  if (!input.trim()) return { ok: false, reason: 'empty' };
  const digits = stripped(input, KRS_LABEL);
  if (digits.length < 1 || digits.length > 10 || !allDigits(digits) || allZero(digits)) {
    return { ok: false, reason: 'format' };
  }
  return { ok: true, value: digits.padStart(10, '0') };
}

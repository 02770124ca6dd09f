// The page scanner of the content script: identifiers, contacts and telling phrases in a page's text.
// It is injected into every page, so it stays tiny (no libraries) and cheap: one pass of a plain
// regex per kind over text capped by capText(), checksum validation only on candidates.
import { isValidNip, isValidRegon } from './identifiers.ts';
import type { PageHints } from './types.ts';

const MAX_PER_LIST = 20;
const MAX_PHONES = 10;

/** How much of a long page's text is scanned: its start and its end (header, footer, contact). */
export const HEAD_CHARS = 100_000;
export const TAIL_CHARS = 100_000;

/** A long text's kept start and end, as one text (a line break between: no number spans the cut). */
export function joinCapped(head: string, tail: string): string {
  return head + '\n' + tail;
}

/** The first `head` and last `tail` characters: where identifiers sit (header, footer, contact). */
export function capText(text: string, head = HEAD_CHARS, tail = TAIL_CHARS): string {
  if (text.length <= head + tail) return text;
  return joinCapped(text.slice(0, head), text.slice(text.length - tail));
}

// A digit group must not continue another number ("123 456 78 90 12" is no NIP), hence the
// look-arounds that also refuse a neighbouring digit across one separator.
const NIP = /(?<!\d[- ]?)(\d{3}([- ]?)\d{3}\2\d{2}\2\d{2}|\d{3}([- ])\d{2}\3\d{2}\3\d{3})(?![- ]?\d)/g;
// REGON and KRS have too little structure to trust anywhere: only right after their label.
const REGON = /\bREGON\b([^\d]{0,40}?)(\d(?:[- ]?\d){8}(?:(?:[- ]?\d){5})?)(?![- ]?\d)/gi;
const KRS = /\bKRS\b([^\d]{0,40}?)(\d{5,10})(?!\d)/gi;
const OTHER_LABEL = /NIP|REGON|KRS|PESEL|tel|fax/i;
// Bounded parts (RFC limits: 64 before the @, labels of 63): an unbounded local part made a run of
// 200k digits or dots take seconds (each start position scanned to the end looking for an "@").
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g;
const IMAGE_NAME = /\.(?:png|jpe?g|gif|webp|svg|avif)$/i;
// Polish numbers: 9 digits as 3-3-3 (mobile) or 2-3-2-2 (landline, area code maybe in brackets or
// with the old trunk 0), optionally after +48 / 0048.
const PHONE =
  /(?<![\d+][- ]?)(?:(?:\+|00)48[ -]?)?(?:\(?0?[ -]?\d{2}\)?[ -]?\d{3}[ -]?\d{2}[ -]?\d{2}|\d{3}[ -]?\d{3}[ -]?\d{3})(?![- ]?\d)/g;

/** Canonical phrase → pattern matched with any case and with or without Polish diacritics. */
const L = '\\p{L}{0,12}'; // bounded: an inflected ending, never a scan to the end of a run of letters
const S = '[\\s\\u00a0]+';
const PHRASES: [string, RegExp][] = (
  [
    ['spółdzielnia socjalna', `sp[oó][lł]dzielni${L}${S}socjaln`],
    ['przedsiębiorstwo społeczne', `przedsi[eę]biorstw${L}${S}spo[lł]eczn`],
    ['ekonomia społeczna', `ekonomi${L}${S}spo[lł]eczn`],
    ['zakład aktywności zawodowej', `zak[lł]ad${L}${S}aktywno[sś]ci${S}zawodow`],
    ['centrum integracji społecznej', `centr${L}${S}integracji${S}spo[lł]eczn`],
    ['klub integracji społecznej', `klub${L}${S}integracji${S}spo[lł]eczn`],
    ['warsztat terapii zajęciowej', `warsztat${L}${S}terapii${S}zaj[eę]ciow`],
    ['zakup prospołeczny', `zakup${L}${S}prospo[lł]eczn`],
    ['podmiot ekonomii społecznej', `podmiot${L}${S}ekonomii${S}spo[lł]eczn`],
    ['status przedsiębiorstwa społecznego', `status${L}${S}przedsi[eę]biorstw${L}${S}spo[lł]eczn`],
    ['organizacja pożytku publicznego', `organizacj${L}${S}po[zż]ytku${S}publiczn`],
  ] as const
).map(([phrase, pattern]) => [phrase, new RegExp(`(?<!\\p{L})${pattern}`, 'iu')]);
// An acronym: upper case only, or the English verb "owes" would count.
const OWES = /\bOWES\b/;

function digitsOnly(s: string): string {
  return s.replace(/[^\d]/g, '');
}

function push(list: string[], value: string, max = MAX_PER_LIST): void {
  if (list.length < max && !list.includes(value)) list.push(value);
}

/** What the text says about the entity behind a page. Every identifier returned is checksum-valid. */
export function scanText(text: string): PageHints {
  const hints: PageHints = { nips: [], regons: [], krs: [], emails: [], phones: [], phrases: [] };

  for (const m of text.matchAll(NIP)) {
    const nip = digitsOnly(m[1]);
    if (isValidNip(nip)) push(hints.nips, nip);
  }
  for (const m of text.matchAll(REGON)) {
    if (OTHER_LABEL.test(m[1])) continue;
    let regon = digitsOnly(m[2]);
    // The KRS API pads a 9-digit REGON with zeros to 14 digits.
    if (regon.length === 14 && regon.endsWith('00000') && isValidRegon(regon.slice(0, 9))) regon = regon.slice(0, 9);
    if (isValidRegon(regon)) push(hints.regons, regon);
  }
  for (const m of text.matchAll(KRS)) {
    if (OTHER_LABEL.test(m[1])) continue;
    push(hints.krs, m[2].padStart(10, '0'));
  }
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) {
    const email = m[0];
    if (IMAGE_NAME.test(email)) continue; // "logo@2x.png"
    const at = email.lastIndexOf('@');
    push(hints.emails, email.slice(0, at) + email.slice(at).toLowerCase());
  }
  // A REGON or KRS has the shape of a phone number ("368553461", "0000700353" with a trunk 0).
  const identifiers = new Set([...hints.nips, ...hints.regons, ...hints.krs]);
  for (const m of text.matchAll(PHONE)) {
    const phone = m[0].trim();
    if (identifiers.has(digitsOnly(phone))) continue;
    push(hints.phones, phone, MAX_PHONES);
  }
  for (const [phrase, pattern] of PHRASES) if (pattern.test(text)) hints.phrases.push(phrase);
  if (OWES.test(text)) hints.phrases.push('OWES');
  return hints;
}

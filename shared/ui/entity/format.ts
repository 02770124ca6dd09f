// Display rules for entity data shared by the popup and the app: dates, phones, certificate validity.
// Pure functions (no Svelte, no DOM), so they are tested in Node.
import { webHref } from '../../model/links.ts';
import type { Address, Certificate, Lang } from '../../model/types.ts';

export type { Lang };

const LOCALE: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB' };

/**
 * A date as people read it: "22 lis 2026" / "22 Nov 2026". The one date format of the product, with
 * one time-zone rule: a calendar date (YYYY-MM-DD: a decision, a certificate's last day) is shown
 * as written, in every time zone; a moment (an ISO timestamp: a flag raised, a source seen) is
 * shown on the user's own calendar (the browser's time zone, or `timeZone`). Anything else is
 * shown as it is.
 */
export function formatDate(iso: string | undefined, lang: Lang, opts: { timeZone?: string } = {}): string {
  if (!iso) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : /^\d{4}-\d{2}-\d{2}T/.test(iso) ? new Date(iso) : new Date(NaN);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeZone: day ? 'UTC' : opts.timeZone }).format(date);
}

/** Today as YYYY-MM-DD in local time (a certificate valid until today is valid all day). */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export type Validity = 'valid' | 'expired' | 'unknown';

/** A certificate without a valid-until date has an unknown validity (see types.ts Certificate). */
export function certificateValidity(cert: Certificate, today: string): Validity {
  const until = /^\d{4}-\d{2}-\d{2}/.exec(cert.validUntil ?? '')?.[0];
  if (!until) return 'unknown';
  return until >= today ? 'valid' : 'expired';
}

// Polish mobile ranges are written 3-3-3 ("603 254 662"); landlines 2-3-2-2 after the area code.
const PL_MOBILE = /^(?:45|5[0137]|6[069]|7[2389]|88)/;

/** An E.164 number grouped as people write it; anything else as stored. */
export function formatPhone(e164: string): string {
  const pl = /^\+48(\d{9})$/.exec(e164);
  if (!pl) return e164;
  const n = pl[1];
  return PL_MOBILE.test(n)
    ? `+48 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`
    : `+48 ${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5, 7)} ${n.slice(7)}`;
}

/** Only web addresses become links; anything else ("file:lista.csv", "javascript:…") stays text. */
export function isWebUrl(url: string): boolean {
  return webHref(url) !== null;
}

// `github:owner/repo:path@commit` — a file of a public repository that states the facts (the sample
// directory cites some this way); the commit is optional.
const GITHUB_SOURCE = /^github:(\w[\w.-]*\/\w[\w.-]*):([^@\s]+?)(?:@([0-9a-f]{7,40}))?$/i;

/** Where a source can be opened in the browser: web addresses as they are, GitHub files on GitHub; else null. */
export function sourceLink(url: string): string | null {
  const web = webHref(url);
  if (web) return web;
  const gh = GITHUB_SOURCE.exec(url);
  if (!gh) return null;
  const path = gh[2].split('/').map(encodeURIComponent).join('/');
  return `https://github.com/${gh[1]}/blob/${gh[3] ?? 'HEAD'}/${path}`;
}

/** "Łęczna, lubelskie": the town and the voivodeship that are known. */
export function placeOf(address: Address): string {
  return [address.city, address.voivodeship].filter(Boolean).join(', ');
}

/** Street, postal code and town on one line. */
export function addressLine(address: Address): string {
  const town = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.street, town].filter(Boolean).join(', ');
}

/**
 * A name from data, isolated for use inside a sentence (FSI … PDI): a right-to-left override in a
 * file or list name then stays inside the name instead of reversing the rest of the message.
 * Elements get the same with `<bdi>`; this is for names within a translated text.
 */
export function isolate(name: string): string {
  return `\u2068${name}\u2069`;
}

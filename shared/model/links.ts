// Links built from data (an entity's website, a person's e-mail, a flagged page, a register's
// address). Data may come from a shared file, a page or a register, so every href goes through
// one of these: only a web address becomes a web link, only a plain address becomes a mailto:,
// and anything else is shown as text. A `javascript:` or `data:` URL must never reach an href.
import { normalizeEmail } from './email.ts';

/**
 * The URL as an href when it is an http(s) address without credentials ("https://bank.pl@evil"
 * shows one host and opens another); otherwise null.
 */
export function webHref(url: string | undefined | null): string | null {
  if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/i.test(url.trim())) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password || !parsed.hostname) return null;
  return parsed.href;
}

/**
 * True for an e-mail address and nothing more: no `mailto:`, no `?cc=…`/`?bcc=…` query, no second
 * address after a comma, no display name. `jan@x.pl?bcc=all@y.pl` is not an e-mail.
 */
export function isPlainEmail(address: string | undefined | null): address is string {
  return typeof address === 'string' && normalizeEmail(address) === address && !/[?&#%,;/\\\s]/.test(address);
}

/** `mailto:` for one plain address, or null. */
export function mailtoHref(address: string | undefined | null): string | null {
  return isPlainEmail(address) ? `mailto:${address}` : null;
}

/** `tel:` for a phone number of digits with an optional leading "+" (E.164 as stored), or null. */
export function telHref(phone: string | undefined | null): string | null {
  return typeof phone === 'string' && /^\+?\d{3,17}$/.test(phone) ? `tel:${phone}` : null;
}

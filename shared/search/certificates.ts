// When an entity counts as holding a valid Zakup Prospołeczny certificate.
//
// Rule: a certificate whose folded name contains "zakup prospoleczny" is valid while
// `validUntil` ≥ today. When only `year` is known (lists say "Zakup Prospołeczny (2024)"), it is taken
// as valid through the end of the following year — the certificate lasts about one year from its
// award — i.e. valid when year ≥ current year − 1. With neither date the validity is unknown and it
// is not counted as valid (it still counts for the 'any certificate' filter).
import { fold } from '../model/fold.ts';
import type { Certificate } from '../model/types.ts';

const DAY_MS = 86_400_000;
/** Stored when an entity has no dated Zakup Prospołeczny certificate. */
export const NO_CERT_DAY = -1;

/** Days since 1970-01-01 of an ISO date (its first 10 characters); NaN when it is not a date. */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : NaN;
}

/** Today's day number in local time (a certificate valid until today is valid all day). */
export function today(now: Date = new Date()): number {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS;
}

export function isZakupProspoleczny(c: Certificate): boolean {
  return fold(c.name).includes('zakup prospoleczny');
}

/** Last day on which some Zakup Prospołeczny certificate of the entity is valid, or NO_CERT_DAY. */
export function zakupValidUntilDay(certificates: readonly Certificate[] | undefined): number {
  let best = NO_CERT_DAY;
  for (const c of certificates ?? []) {
    if (!isZakupProspoleczny(c)) continue;
    let day = c.validUntil ? dayNumber(c.validUntil) : NaN;
    if (Number.isNaN(day) && c.year) day = Date.UTC(c.year + 1, 11, 31) / DAY_MS;
    if (day > best) best = day;
  }
  return best;
}

// Where the two registers answer. Both are open APIs without a key; the extension reaches them
// with optional host permissions asked for when the user first verifies (manifest.config.ts).
import type { RegisterId } from './types.ts';

export const KRS_ORIGIN = 'https://api-krs.ms.gov.pl';
export const WL_ORIGIN = 'https://wl-api.mf.gov.pl';

/** Match patterns of the optional host permissions, one per register. */
export const REGISTER_HOST_PERMISSIONS = [`${KRS_ORIGIN}/*`, `${WL_ORIGIN}/*`] as const;

/** The current KRS extract: register P (businesses) and S (associations, foundations) share one number range. */
export function krsExtractUrl(krs: string, register: 'P' | 'S'): string {
  return `${KRS_ORIGIN}/api/krs/OdpisAktualny/${krs}?rejestr=${register}&format=json`;
}

/** The white list's record of a NIP on a day (`date` is YYYY-MM-DD; the API refuses future dates). */
export function whiteListUrl(nip: string, date: string): string {
  return `${WL_ORIGIN}/api/search/nip/${nip}?date=${date}`;
}

/** The source URL stored with accepted white-list values: without the date, so one source per NIP. */
export function whiteListSourceUrl(nip: string): string {
  return `${WL_ORIGIN}/api/search/nip/${nip}`;
}

export function registerOfSourceUrl(url: string): RegisterId | undefined {
  if (url.startsWith(`${KRS_ORIGIN}/`)) return 'krs';
  if (url.startsWith(`${WL_ORIGIN}/`)) return 'wl';
  return undefined;
}

/** Today's date in Poland: the white list's day (just after midnight there, the UTC date is still yesterday). */
export function warsawDate(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

// The Ministry of Finance's VAT white list (wl-api.mf.gov.pl, `search/nip/{nip}?date=`): its answer
// `{ result: { subject: {...} | null, requestId, requestDateTime } }` mapped to a draft, the way a
// KRS extract is (shared/io/import/krs.ts), so both are normalised by buildEntity alike.
import { placeCase, type KrsDraft } from '../import/krs.ts';
import type { VatStatus } from './types.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface WhiteListSubject {
  draft: KrsDraft;
  vatStatus?: VatStatus;
  /** The day the answer is about (`requestDateTime` "dd-mm-yyyy hh:mm:ss"), ISO. */
  asOf?: string;
}

export type WhiteListAnswer =
  | { kind: 'subject'; subject: WhiteListSubject }
  /** The list does not know the NIP on that day (`subject: null`). */
  | { kind: 'not_found' }
  /** An error object `{ code: 'WL-1xx', message }` (also seen wrapped in `exception`). */
  | { kind: 'error'; code: string; message: string }
  | { kind: 'malformed'; detail: string };

const VAT_STATUS: Record<string, VatStatus> = { czynny: 'active', zwolniony: 'exempt', niezarejestrowany: 'unregistered' };

function isObj(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/**
 * "UL. GEN. WŁADYSŁAWA SIKORSKIEGO 15/4, 65-454 ZIELONA GÓRA" or "PROSTA 67, 00-838 WARSZAWA" →
 * street, postal code and town. The street part is everything before the last comma; a village
 * address ("KOŁACZKOWO 12, 62-306 KOŁACZKOWO") keeps the village as its street, as KRS does.
 */
export function parseWhiteListAddress(text: string): { street?: string; postalCode?: string; city?: string } {
  const m = /^(.*),\s*(\d{2}-\d{3})\s+(.+)$/.exec(text.trim());
  if (!m) return {};
  const street = m[1].trim();
  return { street: street ? placeCase(street) : undefined, postalCode: m[2], city: placeCase(m[3].trim()) };
}

function isoDay(text: string | undefined): string | undefined {
  const m = text ? /^(\d{2})-(\d{2})-(\d{4})/.exec(text) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}

export function readWhiteListAnswer(json: Json): WhiteListAnswer {
  if (!isObj(json)) return { kind: 'malformed', detail: 'not an object' };
  const err = isObj(json.exception) ? json.exception : json;
  if (str(err.code)?.startsWith('WL-')) return { kind: 'error', code: str(err.code)!, message: str(err.message) ?? '' };
  const result = json.result;
  if (!isObj(result) || !('subject' in result)) return { kind: 'malformed', detail: 'no result.subject' };
  const s = result.subject;
  if (s === null) return { kind: 'not_found' };
  if (!isObj(s) || !str(s.nip)) return { kind: 'malformed', detail: 'subject without nip' };
  // Legal persons have a seat (residenceAddress is null for them); a sole trader has a residence.
  const address = parseWhiteListAddress(str(s.workingAddress) ?? str(s.residenceAddress) ?? '');
  const draft: KrsDraft = { name: str(s.name), nip: str(s.nip), regon: str(s.regon), krs: str(s.krs), ...address };
  for (const key of Object.keys(draft) as (keyof KrsDraft)[]) if (draft[key] === undefined) delete draft[key];
  const status = str(s.statusVat)?.toLowerCase();
  const subject: WhiteListSubject = { draft };
  if (status && VAT_STATUS[status]) subject.vatStatus = VAT_STATUS[status];
  const asOf = isoDay(str(result.requestDateTime));
  if (asOf) subject.asOf = asOf;
  return { kind: 'subject', subject };
}

/** WL-195 ("the database has been updated, send again") and WL-196 ("being updated") are worth a retry. */
export function isWhiteListRetryable(code: string): boolean {
  return code === 'WL-195' || code === 'WL-196';
}

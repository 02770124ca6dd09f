// Stored values next to the registers' values, field by field: the side-by-side the user accepts
// all or some of. Comparison ignores what is only spelling (case, Polish letters, quotes, "ul."),
// so a name in the register's capitals is not reported as a change.
import { fold } from '../../model/fold.ts';
import type { Address, Entity } from '../../model/types.ts';
import type { OfficialValues, RegisterId, RegisterRecord } from './types.ts';

export const DIFF_FIELDS = [
  'name',
  'legalForm',
  'registerStatus',
  'vatStatus',
  'opp',
  'krs',
  'nip',
  'regon',
  'address.street',
  'address.postalCode',
  'address.city',
  'address.commune',
  'address.county',
  'address.voivodeship',
  'emails',
  'websites',
  'pkd',
] as const;

export type DiffField = (typeof DIFF_FIELDS)[number];

export type DiffValue = string | string[] | boolean | undefined;

export interface DiffRow {
  field: DiffField;
  register: RegisterId;
  /** The register record's source URL: what an accepted value is stored with. */
  url: string;
  stored: DiffValue;
  official: DiffValue;
  /** `changed`: both have a value and they differ; `new`: only the register has one; `same`. */
  kind: 'same' | 'changed' | 'new';
}

/** Lists the register adds to rather than replaces: a stored e-mail the register lacks stays. */
export const ADDED_LISTS: readonly DiffField[] = ['emails', 'websites'];

function get(values: Pick<OfficialValues, 'address'> & Record<string, unknown>, field: DiffField): DiffValue {
  if (field.startsWith('address.')) return values.address?.[field.slice(8) as keyof Address];
  return values[field] as DiffValue;
}

function isEmpty(v: DiffValue): boolean {
  return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

const QUOTES_AND_MARKS = /[^\p{L}\p{N}]+/gu;
const words = (s: string) => fold(s).replace(QUOTES_AND_MARKS, ' ').trim();
/** "ul. Gen. Sikorskiego 15/4" and "GEN. SIKORSKIEGO 15/4" name the same street. */
const street = (s: string) => words(s).replace(/^(?:ul|ulica|al|aleja|pl|plac|os|osiedle)\s+/, '');
const email = (s: string) => s.trim().toLowerCase();
const website = (s: string) => s.trim().toLowerCase().replace(/^https?:\/\/(?:www\.)?/, '').replace(/\/$/, '');

function sameValue(field: DiffField, a: DiffValue, b: DiffValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const key = field === 'emails' ? email : field === 'websites' ? website : (s: string) => s;
    const stored = new Set(((a ?? []) as string[]).map(key));
    const official = ((b ?? []) as string[]).map(key);
    // Added lists: the same when the register has nothing the user lacks; others: the same set.
    if (ADDED_LISTS.includes(field)) return official.every((v) => stored.has(v));
    return official.length === stored.size && official.every((v) => stored.has(v));
  }
  if (typeof a === 'string' && typeof b === 'string') {
    if (field === 'address.street') return street(a) === street(b);
    if (field === 'name' || field.startsWith('address.')) return words(a) === words(b);
  }
  return a === b;
}

/**
 * One row per field some register states, from the first record that states it (KRS before the
 * white list: KRS is the register of record for what both hold; the VAT status is the list's own).
 */
export function diffEntity(entity: Entity, records: RegisterRecord[]): DiffRow[] {
  const ordered = [...records].sort((a, b) => (a.register === b.register ? 0 : a.register === 'krs' ? -1 : 1));
  const rows: DiffRow[] = [];
  for (const field of DIFF_FIELDS) {
    const record = ordered.find((r) => !isEmpty(get(r.values as unknown as OfficialValues & Record<string, unknown>, field)));
    if (!record) continue;
    const official = get(record.values as unknown as OfficialValues & Record<string, unknown>, field);
    const stored = get(entity as unknown as OfficialValues & Record<string, unknown>, field);
    const kind = sameValue(field, stored, official) ? 'same' : isEmpty(stored) ? 'new' : 'changed';
    rows.push({ field, register: record.register, url: record.url, stored, official, kind });
  }
  return rows;
}

export function differences(rows: DiffRow[]): DiffRow[] {
  return rows.filter((r) => r.kind !== 'same');
}

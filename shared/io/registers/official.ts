// From a register's answer to OfficialValues, normalised exactly like directory values (buildEntity),
// so comparing them with stored values compares like with like.
import { buildFromDraft } from '../import/plan.ts';
import type { KrsDraft } from '../import/krs.ts';
import type { EntityDraft } from '../../model/entity.ts';
import type { Entity } from '../../model/types.ts';
import type { OfficialValues } from './types.ts';

/** Draft fields a register may hold in a form the directory refuses; set aside one by one, never fatal. */
const DROPPABLE: Record<string, keyof EntityDraft> = {
  email_invalid: 'email',
  website_invalid: 'website',
  phone_invalid: 'phone',
  postal_code_invalid: 'postalCode',
  nip_invalid: 'nip',
  regon_invalid: 'regon',
  krs_invalid: 'krs',
};

const MULTI = new Set<keyof EntityDraft>(['email', 'website', 'phone']);

export type OfficialBuild =
  | { ok: true; values: OfficialValues; skipped: { field: string; value: string }[] }
  | { ok: false; reason: string };

/**
 * Builds the register's values from a draft. A register holding one unreadable value (an e-mail
 * typed with two @, a REGON that fails its checksum) must not hide everything else it says, so
 * such a field is set aside (reported in `skipped`) and the rest is built.
 */
export function officialFromDraft(draft: KrsDraft, sourceUrl: string, now: string): OfficialBuild {
  const current: KrsDraft = { ...draft };
  const skipped: { field: string; value: string }[] = [];
  for (;;) {
    const built = buildFromDraft(current, { url: sourceUrl, seenAt: now }, now);
    if (built.ok) return { ok: true, values: valuesOf(built.entity), skipped };
    const field = DROPPABLE[built.reason];
    const cell = field && current[field];
    if (!field || typeof cell !== 'string') return { ok: false, reason: built.reason };
    // A list cell (the register's e-mails, one a line) loses only the item refused (`detail`).
    const items = cell.split('\n');
    const rest = MULTI.has(field) && built.detail !== undefined ? items.filter((v) => v.trim() !== built.detail) : [];
    if (rest.length === items.length) rest.length = 0; // the refused item was not found: drop the cell
    skipped.push({ field, value: rest.length ? built.detail! : cell });
    if (rest.length) current[field] = rest.join('\n');
    else delete current[field];
  }
}

function valuesOf(e: Entity): OfficialValues {
  const values: OfficialValues = {
    address: { ...e.address },
    emails: [...e.emails],
    websites: [...e.websites],
    domains: [...e.domains],
    pkd: [...(e.pkd ?? [])],
  };
  values.name = e.name;
  // "inna" is what buildEntity answers when the form is not recognised: the register did not say that.
  if (e.legalForm !== 'inna') values.legalForm = e.legalForm;
  if (e.krs) values.krs = e.krs;
  if (e.nip) values.nip = e.nip;
  if (e.regon) values.regon = e.regon;
  if (e.opp !== undefined) values.opp = e.opp;
  if (e.registerStatus) values.registerStatus = e.registerStatus;
  return values;
}

// How register values read in the side-by-side: labels for codes, lists joined, booleans in words.
import type { DiffField, DiffValue } from '../../io/registers/diff.ts';
import { LEGAL_FORMS } from '../../model/vocab.ts';
import type { Entity, LegalForm } from '../../model/types.ts';
import type { RegisterId } from '../../io/registers/types.ts';
import { getLang, t } from '../i18n/i18n.svelte.ts';

export function fieldLabel(field: DiffField): string {
  return t(`verify.field.${field}` as const);
}

/** Draft field names (a register value set aside as unreadable) as the diff's fields. */
const DRAFT_FIELDS: Record<string, DiffField> = { email: 'emails', website: 'websites', postalCode: 'address.postalCode', nip: 'nip', regon: 'regon', krs: 'krs' };

export function draftFieldLabel(field: string): string {
  const f = DRAFT_FIELDS[field];
  return f ? fieldLabel(f) : field;
}

export function registerLabel(register: RegisterId): string {
  return t(register === 'krs' ? 'verify.register.krs' : 'verify.register.wl');
}

export function formatValue(field: DiffField, value: DiffValue): string {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('verify.empty');
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return t(value ? 'verify.yes' : 'verify.no');
  if (field === 'legalForm') return LEGAL_FORMS[value as LegalForm]?.[getLang()] ?? value;
  if (field === 'registerStatus') return t(`verify.registerStatus.${value as NonNullable<Entity['registerStatus']>}` as const);
  if (field === 'vatStatus') return t(`verify.vatStatus.${value as NonNullable<Entity['vatStatus']>}` as const);
  return value;
}

/** "14:05" today, or a date and time for a later day. */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const locale = getLang() === 'pl' ? 'pl-PL' : 'en-GB';
  const sameDay = at.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(locale, sameDay ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' }).format(at);
}

// How a conflicting value reads in the preview table: labels for codes, yes/no, dates — as text.
import type { SocialEnterpriseStatus } from '../../../shared/model/types.ts';
import { t } from '../../../shared/ui/i18n/i18n.svelte.ts';
import { formatDate, legalFormLabel } from '../../lib/labels.ts';

export function conflictValue(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field === 'legalForm') return legalFormLabel(String(value));
  if (field === 'registerStatus') {
    if (value === 'liquidation') return t('entity.registerStatus.liquidation');
    if (value === 'struck_off') return t('entity.registerStatus.struck_off');
    return String(value);
  }
  if (field === 'socialEnterpriseStatus') {
    const s = value as SocialEnterpriseStatus;
    if (!s.has) return t('entity.seStatus.no');
    return s.decidedAt ? t('entity.seStatus.hasSince', formatDate(s.decidedAt)) : t('entity.seStatus.has');
  }
  if (typeof value === 'boolean') return value ? t('share.import.yes') : t('share.import.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

const FIELD_KEYS = {
  name: 'share.field.name',
  legalForm: 'share.field.legalForm',
  krs: 'share.field.krs',
  nip: 'share.field.nip',
  regon: 'share.field.regon',
  offer: 'share.field.offer',
  socialEnterpriseStatus: 'share.field.socialEnterpriseStatus',
  opp: 'share.field.opp',
  registerStatus: 'share.field.registerStatus',
  'address.street': 'share.field.address.street',
  'address.postalCode': 'share.field.address.postalCode',
  'address.city': 'share.field.address.city',
  'address.commune': 'share.field.address.commune',
  'address.county': 'share.field.address.county',
  'address.voivodeship': 'share.field.address.voivodeship',
} as const;

export function fieldLabel(field: string): string {
  const key = FIELD_KEYS[field as keyof typeof FIELD_KEYS];
  return key ? t(key) : field;
}

// The verify UI builds some message keys from data (a field, a failure reason, a status):
// every one of them must exist in both languages, or the user would see a raw key.
import { describe, expect, it } from 'vitest';
import { verify } from '../../../shared/ui/i18n/messages/verify.ts';
import { DIFF_FIELDS } from '../../../shared/io/registers/diff.ts';
import { FAILURE_REASONS } from '../../../shared/io/registers/types.ts';

describe('verify messages', () => {
  it('name every diff field, failure reason, register status and VAT status, in Polish and English', () => {
    const keys = [
      ...DIFF_FIELDS.map((f) => `verify.field.${f}`),
      ...FAILURE_REASONS.map((r) => `verify.reason.${r}`),
      ...['active', 'liquidation', 'struck_off'].map((s) => `verify.registerStatus.${s}`),
      ...['active', 'exempt', 'unregistered'].map((s) => `verify.vatStatus.${s}`),
    ];
    for (const key of keys) {
      expect(verify.pl, key).toHaveProperty([key]);
      expect(verify.en, key).toHaveProperty([key]);
    }
  });
});

// The user's explanation of why a file was refused, in their language. Never quotes file content.
import { ShareError } from '../../../shared/io/share/shareError.ts';
import { t } from '../../../shared/ui/i18n/i18n.svelte.ts';

const REASONS = ['website_invalid', 'email_invalid', 'phone_invalid', 'postal_code_invalid', 'identifier_invalid', 'id_mismatch'] as const;

/** A validation reason in words where one is known; the technical reason (a type, a limit) otherwise. */
function reasonText(reason: string): string {
  const known = REASONS.find((r) => r === reason);
  return known ? t(`share.error.reason.${known}`) : reason;
}

export function shareErrorText(err: unknown): string {
  if (!(err instanceof ShareError)) return t('share.error.unreadable');
  const d = err.detail ?? {};
  switch (err.code) {
    case 'not_package':
      return t('share.error.not_package');
    case 'newer_version':
      return t('share.error.newer_version', Number(d.version), Number(d.supported));
    case 'truncated':
      return t('share.error.truncated');
    case 'too_large':
      return t('share.error.too_large', Number(d.size), Number(d.limit));
    case 'invalid':
      return t('share.error.invalid', String(d.path ?? ''), reasonText(String(d.reason ?? '')));
  }
}

// A feed failure in the user's language: what happened and what to do, never a bare code.
import { isFeedError } from '../../../shared/io/feeds/errors.ts';
import { t } from '../../../shared/ui/i18n/i18n.svelte.ts';

export function regionLabel(region: string): string {
  return region === '' ? t('feeds.noRegion') : region;
}

export function feedErrorText(code: string, detail: Record<string, string | number> = {}): string {
  const s = (k: string) => String(detail[k] ?? '');
  const n = (k: string) => Number(detail[k] ?? 0);
  switch (code) {
    case 'offline': return t('feeds.error.offline');
    case 'network': return t('feeds.error.network', s('host'));
    case 'cors': return t('feeds.error.cors', s('host'));
    case 'timeout': return t('feeds.error.timeout', n('seconds'));
    case 'http': return t('feeds.error.http', n('status'));
    case 'not_found': return t('feeds.error.not_found');
    case 'index_invalid': return t('feeds.error.index_invalid');
    case 'index_version': return t('feeds.error.index_version');
    case 'signature': return t('feeds.error.signature');
    case 'key_changed': return t('feeds.error.key_changed');
    case 'hash': return t('feeds.error.hash', regionLabel(s('region')));
    case 'truncated': return t('feeds.error.truncated', regionLabel(s('region')));
    case 'oversize': return t('feeds.error.oversize', regionLabel(s('region')));
    case 'pack_invalid': return t('feeds.error.pack_invalid', regionLabel(s('region')));
    case 'permission': return t('feeds.error.permission');
    default: return t('feeds.error.other', s('message') || code);
  }
}

export function errorOf(e: unknown): string {
  if (isFeedError(e)) return feedErrorText(e.code, e.detail);
  return t('feeds.error.other', e instanceof Error ? e.message : String(e));
}

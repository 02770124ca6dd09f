// An import failure in the user's words: one specific message per ImportError code, filled in with
// the numbers the error carries (the size limit in MB, the line of a stray quote, a pack's version).
import { t } from '../../../shared/ui/i18n/i18n.svelte.ts';
import type { WorkerErrorCode } from './importProtocol.ts';

export interface ImportFailure {
  code: WorkerErrorCode;
  detail?: Record<string, string | number>;
  message?: string;
}

export function importErrorText({ code, detail = {}, message }: ImportFailure): string {
  const n = (k: string) => Number(detail[k] ?? 0);
  const s = (k: string) => String(detail[k] ?? '');
  switch (code) {
    case 'too_large':
      return detail.unpacked ? t('importer.error.too_large_unpacked', n('limit')) : t('importer.error.too_large', n('size'), n('limit'));
    case 'csv_quotes':
      return t('importer.error.csv_quotes', n('line'));
    case 'xlsx_extent':
      return t('importer.error.xlsx_extent', s('rows'), s('columns'), n('maxRows'), n('maxColumns'));
    case 'sheet_not_found':
      return t('importer.error.sheet_not_found', s('sheet'));
    case 'pack_version':
      return t('importer.error.pack_version', n('version'), n('supported'));
    case 'pack_invalid':
      return t('importer.error.pack_invalid', s('reason'));
    case 'krs_invalid':
      return t('importer.error.krs_invalid', s('reason'), t('importer.error.krs_where', n('item'), n('line')));
    case 'unknown_format':
      return t('importer.error.unknown_format', s('format'));
    case 'encoding':
      return t('importer.error.encoding', s('encoding'));
    case 'empty':
    case 'binary':
    case 'xlsx_broken':
    case 'no_rows':
    case 'no_name_column':
      return t(`importer.error.${code}`);
    case 'internal':
      return t('importer.error.internal', message ?? '');
  }
}

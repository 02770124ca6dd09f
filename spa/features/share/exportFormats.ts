// The export formats' names and file types: what the share dialog offers before anything is written.
// Apart from exportFiles.ts, which loads the writers (and the phone library the CSV uses) on use.
import { safeFileBase } from '../../../shared/io/fileName.ts';

export type ExportFormat = 'package' | 'csv' | 'xlsx' | 'vcard';

export const FILE_TYPES: Record<ExportFormat, { ext: string; type: string }> = {
  package: { ext: '.radar-es.json', type: 'application/json' },
  csv: { ext: '.csv', type: 'text/csv' },
  xlsx: { ext: '.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  vcard: { ext: '.vcf', type: 'text/vcard' },
};

/** A file name from a list name (see shared/io/fileName.ts: no separators, bidi or control characters, no device names). */
export function fileNameFor(name: string, format: ExportFormat): string {
  return safeFileBase(name, 'radar-es') + FILE_TYPES[format].ext;
}

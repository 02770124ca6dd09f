// Rejected rows as a file the user downloads: the CSV from shared/io (original columns, row number,
// reason; formula-guarded), named after the imported file.
import { safeFileBase } from '../../../shared/io/fileName.ts';
import { rejectedToCsv, type Lang, type RejectedRow } from '../../../shared/io/import/rejected.ts';

/** "lista.csv" → "lista-odrzucone.csv". */
export function rejectedFileName(fileName: string, suffix: string): string {
  return `${safeFileBase(fileName.replace(/\.[^./\\]+$/, ''), 'import')}-${suffix}.csv`;
}

export function downloadRejected(rows: RejectedRow[], fileName: string, suffix: string, lang: Lang, headers?: string[]): void {
  const blob = new Blob([rejectedToCsv(rows, headers, lang)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = rejectedFileName(fileName, suffix);
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: Chromium may still be reading the blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

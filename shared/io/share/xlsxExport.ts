// XLSX for spreadsheets: the same table as the CSV export (csvExport.ts), with KRS, NIP and REGON
// written as text cells, so Excel and LibreOffice keep their leading zeros and all 14 digits of a
// REGON (a CSV cell of digits becomes a number there: 0000700353 → 700353, a 14-digit REGON →
// 1.23457E+13). Every value is a string cell, never a formula, so nothing from the data can run.
// The writer (write-excel-file, ~28 KB) is loaded only when an XLSX is asked for.
import { exportTable, IDENTIFIER_COLUMNS, type CsvExportOptions, type CsvExportRow } from './csvExport.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The export as an .xlsx file's bytes. */
export async function entitiesToXlsx(rows: CsvExportRow[], opts: Omit<CsvExportOptions, 'delimiter'>): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const table = exportTable(rows, opts);
  const ids = new Set(IDENTIFIER_COLUMNS);
  const data = table.map((row, r) =>
    row.map((value, c) => ({
      type: String,
      value,
      ...(r === 0 ? { fontWeight: 'bold' as const } : {}),
      // '@' is the spreadsheet's "Text" number format: an identifier typed over stays text too.
      ...(ids.has(c) ? { format: '@' } : {}),
      ...(r > 0 && /\n/.test(value) ? { wrap: true } : {}),
    })),
  );
  const sheet = opts.lang === 'en' ? 'Suppliers' : 'Dostawcy';
  return writeXlsxFile(data, { sheet, stickyRowsCount: 1 }).toBlob();
}

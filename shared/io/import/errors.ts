// Errors an import can stop with. Each code names one situation the UI explains in the user's
// language; `detail` carries the numbers and names that message needs (a line, a limit, a version).

export const IMPORT_ERROR_CODES = [
  'empty', // no bytes, or only whitespace / a BOM
  'binary', // not text (NUL bytes, control characters): a picture, a PDF, an .xls…
  'too_large', // detail: { size, limit } in bytes
  'csv_quotes', // detail: { line } where the unterminated quoted field starts
  'xlsx_broken', // a truncated or damaged .xlsx
  'xlsx_extent', // detail: { rows, columns, maxRows, maxColumns }: a sheet reaching past what is read
  'sheet_not_found', // detail: { sheet }
  'pack_version', // detail: { version, supported }
  'pack_invalid', // detail: { reason }
  'krs_invalid', // detail: { reason, line? }
  'unknown_format', // detail: { format? } e.g. 'xls', 'ods', 'pdf'
  'encoding', // detail: { encoding }
  'no_rows', // a header but no data rows
  'no_name_column', // no column could be mapped to the entity name
] as const;

export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    readonly detail?: Record<string, string | number>,
  ) {
    super(detail ? `${code} ${JSON.stringify(detail)}` : code);
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}

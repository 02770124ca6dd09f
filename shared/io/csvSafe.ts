// Writing CSV that spreadsheets open safely. Excel, LibreOffice and Google Sheets run a cell that
// starts with = + - @ as a formula (and tab / carriage return can smuggle one past a naive check),
// so text from files and web pages could call out to the network or run commands when the user
// opens our export ("CSV injection", OWASP). Such cells get a leading apostrophe: spreadsheets
// show the text as typed and the apostrophe is visibly data, not hidden code.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export interface CsvOptions {
  /** ';' suits Polish Excel (comma is the decimal separator there); ',' is RFC 4180's default. */
  delimiter?: ',' | ';' | '\t';
  /** A UTF-8 BOM makes Excel read the file as UTF-8 instead of the system code page. */
  bom?: boolean;
  /** Apply neutralizeFormula to every cell (default true); turn off only for machine-read files. */
  guardFormulas?: boolean;
}

function quote(cell: string, delimiter: string): string {
  return cell.includes('"') || cell.includes(delimiter) || /[\r\n]/.test(cell) || /^\s|\s$/.test(cell)
    ? `"${cell.replace(/"/g, '""')}"`
    : cell;
}

/** Rows → CSV text with CRLF line ends (what Excel writes and expects), quoting where needed. */
export function toCsv(rows: string[][], options: CsvOptions = {}): string {
  const { delimiter = ';', bom = true, guardFormulas = true } = options;
  const lines = rows.map((row) =>
    row.map((cell) => quote(guardFormulas ? neutralizeFormula(cell ?? '') : (cell ?? ''), delimiter)).join(delimiter),
  );
  return (bom ? '\uFEFF' : '') + lines.join('\r\n') + (lines.length ? '\r\n' : '');
}

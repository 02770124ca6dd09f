// Writing CSV that spreadsheets open safely. Excel, LibreOffice and Google Sheets run a cell that
// starts with = + - @ as a formula (and tab / carriage return can smuggle one past a naive check),
// so text from files and web pages could call out to the network or run commands when the user
// opens our export ("CSV injection", OWASP). Such cells get a leading apostrophe: spreadsheets
// show the text as typed and the apostrophe is visibly data, not hidden code.

// Spreadsheets skip leading whitespace (Excel and LibreOffice trim spaces; a BOM, zero-width and
// bidi characters are invisible) and read the fullwidth ＝＋－＠ (and the minus sign −) the way
// they read = + - @ in some locales, so the first character is not enough: the check looks past
// every leading character that shows nothing.
const INVISIBLE_LEAD = /^[\s\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]+/u;
const FORMULA_CHAR = /^[=+\-@\uff1d\uff0b\uff0d\uff20\u2212\ufe62\ufe63\ufe66\ufe6b]/u;

export function neutralizeFormula(cell: string): string {
  if (/^[\t\r\n]/.test(cell)) return `'${cell}`;
  return FORMULA_CHAR.test(cell.replace(INVISIBLE_LEAD, '')) ? `'${cell}` : cell;
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

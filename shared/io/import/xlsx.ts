// XLSX workbooks, read with read-excel-file's `universal` entry: it takes an ArrayBuffer and needs
// neither Node streams nor a DOM, so the same code runs in a Web Worker and in Node tests.
import { strFromU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import { ImportError } from './errors.ts';
import { columnLetter, toTable } from './csv.ts';
import { MAX_XLSX_COLUMNS, MAX_XLSX_ROWS, MAX_XLSX_UNPACKED_BYTES } from './limits.ts';

export interface ParsedXlsx {
  sheets: string[];
  sheet: string;
  headers: string[];
  rows: string[][];
  rowNumbers: number[];
}

type Cell = string | number | boolean | Date | null | unknown;

// A date with no time of day (what a date-formatted cell almost always holds) reads as YYYY-MM-DD.
function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDate(cell);
  return String(cell);
}

/** "A" → 1, "Z" → 26, "AA" → 27; more than 4 letters is past any real sheet (Excel stops at XFD). */
function columnNumber(letters: string): number {
  if (letters.length > 4) return Number.POSITIVE_INFINITY;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

// `<row r="12">`, `<c r="B12">` (any namespace prefix), and the end of `<dimension ref="A1:C12">`.
const CELL_REF = /<(?:[\w-]+:)?(?:row|c)\b[^>]*?\sr\s*=\s*["']([A-Za-z]*)(\d+)["']/g;
const DIMENSION = /<(?:[\w-]+:)?dimension\b[^>]*?\sref\s*=\s*["'](?:[A-Za-z]*\d*:)?([A-Za-z]*)(\d+)["']/g;

/**
 * Refuses a sheet that reaches past MAX_XLSX_ROWS or MAX_XLSX_COLUMNS, from its XML alone: one
 * linear scan, before the reader lays the sheet out as a table.
 */
export function assertSheetExtent(xml: string): void {
  let rows = 0;
  let columns = 0;
  for (const re of [CELL_REF, DIMENSION]) {
    re.lastIndex = 0;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const row = m[2].length > 15 ? Number.POSITIVE_INFINITY : Number(m[2]);
      const column = m[1] ? columnNumber(m[1]) : 0;
      if (row > rows) rows = row;
      if (column > columns) columns = column;
      if (rows > MAX_XLSX_ROWS || columns > MAX_XLSX_COLUMNS) {
        throw new ImportError('xlsx_extent', {
          rows: Number.isFinite(rows) ? rows : m[2].slice(0, 12),
          columns: Number.isFinite(columns) ? columnLetter(columns - 1) : m[1].slice(0, 12).toUpperCase(),
          maxRows: MAX_XLSX_ROWS,
          maxColumns: MAX_XLSX_COLUMNS,
        });
      }
    }
  }
}

/**
 * Unpack the workbook's XML ourselves, synchronously, and hand read-excel-file the same parts
 * stored without compression. Two reasons: the unpacked size is checked entry by entry before
 * anything is inflated (a zip bomb stops here), and read-excel-file's own unzip (fflate's async
 * API) inflates large entries in Workers made from blob: URLs, which the extension pages'
 * Content Security Policy forbids — stored entries are copied without any Worker.
 */
function repack(bytes: Uint8Array): ArrayBuffer {
  let unpacked = 0;
  let parts: Unzipped;
  try {
    parts = unzipSync(bytes, {
      // The parts read-excel-file reads; images, printer settings and the like are skipped.
      filter: (file) => {
        if (!file.name.endsWith('.xml') && !file.name.endsWith('.xml.rels')) return false;
        unpacked += file.originalSize;
        if (unpacked > MAX_XLSX_UNPACKED_BYTES) {
          throw new ImportError('too_large', { size: unpacked, limit: MAX_XLSX_UNPACKED_BYTES, unpacked: 'xlsx' });
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('xlsx_broken');
  }
  for (const [name, data] of Object.entries(parts)) if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) assertSheetExtent(strFromU8(data));
  return zipSync(parts, { level: 0 }).buffer as ArrayBuffer;
}

/**
 * Read one sheet as a table of strings: the first sheet, or `sheet` given by its name or its
 * 1-based position. Numbers come out exactly as stored in the file (`parseNumber` keeps the raw
 * text), so a NIP like 5261040828 never turns into 5.26E+09, and a phone number keeps its digits.
 */
export async function readXlsx(bytes: Uint8Array | ArrayBuffer, sheet?: string | number): Promise<ParsedXlsx> {
  const stored = repack(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  let workbook: { sheet: string; data: Cell[][] }[];
  try {
    workbook = await readXlsxFile(stored, { parseNumber: (raw: string) => raw });
  } catch {
    // A zip that unpacks but is no workbook (missing parts, broken XML, a .docx renamed .xlsx).
    throw new ImportError('xlsx_broken');
  }
  // The reader's answer is checked too: a workbook whose parts don't fit together (a sheet's
  // relationship misspelled) must read as broken, never as an internal TypeError.
  if (!Array.isArray(workbook) || !workbook.every((s) => s && typeof s.sheet === 'string' && Array.isArray(s.data) && s.data.every(Array.isArray))) {
    throw new ImportError('xlsx_broken');
  }
  const sheets = workbook.map((s) => s.sheet);
  const chosen =
    sheet === undefined
      ? workbook[0]
      : typeof sheet === 'number'
        ? workbook[sheet - 1]
        : workbook.find((s) => s.sheet === sheet);
  if (!chosen) {
    if (workbook.length === 0) throw new ImportError('xlsx_broken');
    throw new ImportError('sheet_not_found', { sheet: String(sheet) });
  }
  const all = chosen.data.map((row) => row.map(cellText));
  if (all.length === 0) throw new ImportError('empty');
  return { sheets, sheet: chosen.sheet, ...toTable(all) };
}
